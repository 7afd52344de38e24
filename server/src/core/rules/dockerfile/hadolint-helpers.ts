// Shared by the hadolint-parity rules: every instruction with ONBUILD triggers unwrapped, flag-aware argument lists, archive names.
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import type { CommandInfo, Token } from '../../model/commands';
import { basename } from '../../model/commands';

/** Every instruction of the file; an ONBUILD yields its trigger (marked `onbuild`) in its place. */
export function instructions(model: DockerfileModel): readonly { readonly instr: Instruction; readonly stage: Stage | undefined }[] {
  let out = listed.get(model);
  if (!out) listed.set(model, (out = model.instructions.map((i) => ({ instr: i.trigger ?? i, stage: model.stages[i.stage] }))));
  return out;
}

/** Listed once per model: dozens of rules walk every instruction. */
const listed = new WeakMap<DockerfileModel, readonly { readonly instr: Instruction; readonly stage: Stage | undefined }[]>();

/** The command's name without its folder (`/usr/bin/apt-get` → `apt-get`). */
export function commandName(command: CommandInfo): string {
  return basename(command.name.value);
}

/**
 * Arguments that are neither options nor the values of the options listed in `valueFlags`
 * (`--index-url URL`; the `--flag=value` form carries its value inline and drops nothing).
 */
export function positionalArgs(args: readonly Token[], valueFlags: ReadonlySet<string> = new Set()): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--' || v === '-') continue;
    if (v.startsWith('-')) {
      if (!v.includes('=') && valueFlags.has(v) && i + 1 < args.length) i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}

/** Drops one level of surrounding quotes from a Dockerfile word. */
export function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** Drops quote characters at either end, also when a quoted word was split at a space (`"C:\\Program` `Files\\x"`). */
function stripQuotes(v: string): string {
  return v.replace(/^["']|["']$/g, '');
}

/** File name after the last `/` or `\`, quotes removed (Windows paths included). */
export function fileName(p: string): string {
  const s = stripQuotes(p);
  const i = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
  return i >= 0 ? s.slice(i + 1) : s;
}

/** Compressed or tar archives that `ADD` unpacks by itself (zip is not one of them). */
export const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

export function isArchive(p: string): boolean {
  const s = stripQuotes(p);
  return ARCHIVE_EXTENSIONS.some((e) => s.endsWith(e));
}

export function isUrl(p: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(unquote(p));
}
