// The "Layerwise" output channel, always present: the language client writes its log here, and the lines are kept for the editor tests.
import { window, type OutputChannel } from 'vscode';

export interface RecordingChannel {
  channel: OutputChannel;
  /** What was written so far, line by line (the test API reads it: VS Code has no API to read a channel). */
  lines: () => string[];
}

export function createLayerwiseChannel(name = 'Layerwise'): RecordingChannel {
  const target = window.createOutputChannel(name);
  let text = '';
  const keep = (s: string): void => {
    text += s;
    // A long session must not grow without bound: the last 200 kB are enough for a test or a bug report.
    if (text.length > 200_000) text = text.slice(-200_000);
  };
  const channel = new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === 'append') return (s: string) => (keep(s), t.append(s));
      if (prop === 'appendLine') return (s: string) => (keep(`${s}\n`), t.appendLine(s));
      if (prop === 'replace') return (s: string) => ((text = s), t.replace(s));
      if (prop === 'clear') return () => ((text = ''), t.clear());
      const v = Reflect.get(t, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
  return { channel, lines: () => text.split('\n').filter((l) => l !== '') };
}
