// Shared by the requirements-file rules (issue 4): line deletion, the platforms an installing image targets, requirement text.
import * as posix from '../../path';
import type { Range, TextEdit } from '../../types';
import type { Entry, Requirement } from '../../parse/requirements';
import type { RequirementsModel, Installer } from '../../model/requirements';
import type { WheelTarget } from '../../data/wheels';
import type { Stage } from '../../model/dockerfile';
import { semanticOptions, semanticsOf, type Semantics } from '../../model/semantic';
import { parseRequirements } from '../../parse/requirements';
import { applyEdits, LineIndex } from '../../text';

type SemanticConfig = Parameters<typeof semanticOptions>[0];

/** An edit deleting an entry's whole physical lines (continuations and trailing comment included). */
export function deleteEntryLines(model: RequirementsModel, entry: Pick<Entry, 'line' | 'range'>): TextEdit {
  const endLine = Math.max(entry.line, entry.range.end.line);
  const end = endLine + 1 < model.lines.lineCount ? { line: endLine + 1, character: 0 } : { line: endLine, character: model.lines.lineText(endLine).length };
  let start = { line: entry.line, character: 0 };
  // The last line of a file without a trailing newline: take the line break before it instead.
  if (endLine + 1 >= model.lines.lineCount && entry.line > 0) start = { line: entry.line - 1, character: model.lines.lineText(entry.line - 1).length };
  return { range: { start, end }, newText: '' };
}

export function requirements(model: RequirementsModel): Requirement[] {
  return model.file.entries.filter((e): e is Requirement => e.kind === 'requirement');
}

/**
 * The wheel platform a stage's pip installs for, from the semantic layer's interpreter (Python version, libc,
 * glibc) and the stage's platform; undefined when the version or libc is unknown, or the machine has no wheel data.
 */
export function stageWheelTarget(sem: Semantics, stage: Stage | undefined): WheelTarget | undefined {
  if (!stage) return undefined;
  const python = sem.stage(stage).python;
  if (!python?.version) return undefined;
  const arch = python.machine;
  if (arch !== 'x86_64' && arch !== 'aarch64') return undefined;
  return { pythonVersion: python.version, libc: python.libc, arch, ...(python.libc === 'glibc' && python.glibcVersion ? { glibcVersion: python.glibcVersion } : {}) };
}

/** The wheel platform of the stage that installs a requirements file, under the configuration's build args and platform. */
export function installerWheelTarget(i: Installer, config?: SemanticConfig): WheelTarget | undefined {
  return stageWheelTarget(semanticsOf(i.dockerfile, semanticOptions(config)), i.stage);
}

/** A short description of the image an installer builds (`python:3.12-slim`, stage `build`). */
export function installerImage(i: Installer): string {
  return i.stage ? i.stage.from.image : 'the image';
}

/** `Dockerfile` relative to the requirements file's folder when close, for messages. */
export function installerName(model: RequirementsModel, i: Installer): string {
  return model.path ? posix.relative(posix.dirname(model.path), i.dockerfilePath) : i.dockerfilePath;
}

export function rangeText(model: RequirementsModel, r: Range): string {
  return model.lines.slice(r);
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache', 'site-packages', 'dist', 'build']);
const CV2_GUI = /\bcv2\s*\.\s*(?:imshow|namedWindow|waitKey|destroy(?:All)?Windows?|selectROIs?|createTrackbar|setMouseCallback|moveWindow|resizeWindow)\b/;

/**
 * Whether Python sources under `root` call OpenCV's GUI (highgui) functions: true or false when every file was
 * read, undefined when the folder could not be listed or the walk hit its limit.
 */
export function usesOpenCvGui(files: import('../../project').ProjectFiles, root: string, limit = 400): boolean | undefined {
  if (!files.list) return undefined;
  let budget = limit;
  const walk = (dir: string, depth: number): boolean | undefined => {
    const names = files.list!(dir);
    if (names === undefined) return depth === 0 ? undefined : false;
    let complete = true;
    for (const name of names) {
      if (budget <= 0) return undefined;
      const p = `${dir.replace(/\/$/, '')}/${name}`;
      if (name.endsWith('.py') || name.endsWith('.ipynb')) {
        budget--;
        const text = files.read(p);
        if (text !== undefined && CV2_GUI.test(text)) return true;
      } else if (!name.includes('.') && !SKIP_DIRS.has(name) && depth < 6) {
        const r = walk(p, depth + 1);
        if (r === true) return true;
        if (r === undefined) complete = false;
      }
    }
    return complete ? false : undefined;
  };
  return walk(root, 0);
}

/**
 * Whether a fix leaves the line with fewer parse errors by `fixes` (the errors it is meant to remove) and adds none:
 * a correction that still does not parse (`torch=>1.0` → `torch==>1.0`, `--haséh=…` → an invalid `--hash`) is no fix.
 */
export function editKeepsLineValid(text: string, edit: TextEdit, line: number, fixes = 0, index?: LineIndex): boolean {
  // Only the logical line the edit is on is parsed (its continuation lines with it), before and after: parsing the
  // whole file per candidate fix made lint quadratic (a 20,000-line file with a fix per line ran for minutes).
  // The caller's index of the same text (the model's): building one here per candidate fix is linear each time.
  const lines = index ?? new LineIndex(text);
  let first = line;
  let last = line;
  const continues = (l: number): boolean => /\\\r?$/.test(lines.lineText(l));
  while (first > 0 && continues(first - 1)) first--;
  while (last < lines.lineCount - 1 && continues(last)) last++;
  if (edit.range.start.line < first || edit.range.end.line > last) {
    const on = (errors: readonly { range: Range }[]): number => errors.filter((x) => x.range.start.line <= line && x.range.end.line >= line).length;
    return on(parseRequirements(applyEdits(text, [edit])).errors) <= on(parseRequirements(text).errors) - fixes;
  }
  const start = lines.offsetAt({ line: first, character: 0 });
  const end = last + 1 < lines.lineCount ? lines.offsetAt({ line: last + 1, character: 0 }) : text.length;
  const snippet = text.slice(start, end);
  const shift = (p: { line: number; character: number }) => ({ line: p.line - first, character: p.character });
  const local: TextEdit = { ...edit, range: { start: shift(edit.range.start), end: shift(edit.range.end) } };
  const at = line - first;
  const on = (errors: readonly { range: Range }[]): number => errors.filter((x) => x.range.start.line <= at && x.range.end.line >= at).length;
  return on(parseRequirements(applyEdits(snippet, [local])).errors) <= on(parseRequirements(snippet).errors) - fixes;
}
