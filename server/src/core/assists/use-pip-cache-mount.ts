// "Use a pip cache mount instead of --no-cache-dir": BuildKit keeps pip's cache between builds, outside every layer.
import type { TextEdit } from '../types';
import type { Instruction } from '../model/dockerfile';
import { semanticsOf } from '../model/semantic';
import { applyEdits, eolOf } from '../text';
import { declined, defineAssist, type AssistResult } from './assist';

function runAt(instructions: Instruction[], line: number | undefined): Instruction | undefined {
  return instructions.find((i) => i.keyword === 'RUN' && (line === undefined || (line >= i.startLine && line <= i.endLine)) && i.run?.commands.some((c) => c.pip && c.pip.noCacheDir));
}

export default defineAssist({
  id: 'use-pip-cache-mount',
  title: 'Use a pip cache mount instead of --no-cache-dir',
  kind: 'refactor.rewrite',
  run(model, ctx): AssistResult {
    const instr = runAt(model.instructions, ctx.range?.start.line);
    if (!instr || !instr.run) return declined('no RUN with `--no-cache-dir` here');
    if (instr.run.form === 'exec') return declined('the RUN is in exec form');
    if (instr.run.mounts.some((m) => m.type === 'cache')) return declined('the RUN already has a cache mount');
    const sem = semanticsOf(model);
    // A cache mount is owned by root: pip running as another user (set here or in a stage this one is built FROM) cannot write to it.
    const user = sem.instr(instr);
    if (user.userSet && !/^(root|0)(:.*)?$/.test(user.user)) return declined('the RUN is not run as root, so pip\'s cache is not under /root/.cache');
    const edits: TextEdit[] = [];
    const uv = instr.run.commands.some((c) => c.pip?.tool === 'uv' && c.pip.noCacheDir);
    for (const c of instr.run.commands) {
      if (!c.pip || !c.pip.noCacheDir) continue;
      for (const o of c.pip.options) {
        if (o.value !== '--no-cache-dir' && o.value !== '--no-cache' && !o.value.startsWith('--no-cache-dir=')) continue;
        const start = model.lines.offsetAt(o.range.start);
        let s = start;
        while (s > 0 && model.text[s - 1] === ' ') s--;
        edits.push({ range: { start: model.lines.positionAt(s), end: o.range.end }, newText: '' });
      }
    }
    // The folder the layer's own cache facts name: PIP_CACHE_DIR / UV_CACHE_DIR, else the home folder's `.cache`.
    const first = instr.run.commands.find((c) => c.pip?.noCacheDir && (c.pip.tool === 'uv') === uv)!;
    const target = sem.install(instr, first)?.cache?.dir ?? (uv ? '/root/.cache/uv' : '/root/.cache/pip');
    // A blank would end the flag: its tail would become the RUN's command (HOME set to `p0 vp31smgz`).
    if (/\s/.test(target)) return declined(`the cache folder \`${target}\` has a blank, which a --mount flag cannot hold`);
    edits.push({ range: { start: instr.keywordRange.end, end: instr.keywordRange.end }, newText: ` --mount=type=cache,target=${target}` });
    if (!model.directives.syntax) {
      // After a UTF-8 BOM, never before it: BuildKit strips a BOM only at the very start, so one pushed down a line
      // makes the next line (a `# escape=` directive or the first FROM) unreadable.
      const at = { line: 0, character: model.text.startsWith('\uFEFF') ? 1 : 0 };
      edits.push({ range: { start: at, end: at }, newText: `# syntax=docker/dockerfile:1${eolOf(model.text)}` });
    }
    const text = applyEdits(model.text, edits);
    return { applies: true, actions: [{ title: 'Use a pip cache mount instead of --no-cache-dir', edits, text, notes: ['needs BuildKit (the default builder since Docker 23)'] }] };
  },
});
