// Shared by the requirements-file rules (issue 4): line deletion, the platforms an installing image targets, requirement text.
import * as posix from '../../path';
import type { Range, TextEdit } from '../../types';
import type { Entry, Requirement } from '../../parse/requirements';
import type { RequirementsModel, Installer } from '../../model/requirements';
import type { WheelTarget } from '../../data/wheels';
import type { Stage } from '../../model/dockerfile';

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

// Python of distributions' own python3 packages, for images that install Python with apt.
const DEBIAN_PYTHON: Record<string, string> = { bookworm: '3.11', trixie: '3.13', bullseye: '3.9' };
const UBUNTU_PYTHON: Record<string, string> = { '24.04': '3.12', '22.04': '3.10', '20.04': '3.8' };
const GLIBC: Record<string, string> = { bookworm: '2.36', trixie: '2.41', bullseye: '2.31', '24.04': '2.39', '22.04': '2.35', '20.04': '2.31' };

/** The wheel platform a stage's pip installs for, when the base image says enough (Python version and libc). */
export function stageWheelTarget(stage: Stage | undefined): WheelTarget | undefined {
  if (!stage) return undefined;
  const facts = stage.from.facts;
  const os = facts.os;
  const release = os?.release ?? (os?.distro === 'ubuntu' ? os.version : undefined);
  const python = facts.pythonMinor ?? (os?.distro === 'debian' && release ? DEBIAN_PYTHON[release] : os?.distro === 'ubuntu' && release ? UBUNTU_PYTHON[release] : undefined);
  if (!python || !facts.libc) return undefined;
  const arch = /arm64|aarch64/.test(stage.from.platform ?? '') ? 'aarch64' : 'x86_64';
  const glibc = release ? GLIBC[release] : undefined;
  return { pythonVersion: python, libc: facts.libc, arch, ...(facts.libc === 'glibc' && glibc ? { glibcVersion: glibc } : {}) };
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
