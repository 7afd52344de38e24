// Document links of a requirements file: each local `-r`/`-c` path points at the file it names (resolved against the file's folder, as pip does).
import type { Range } from '../types';
import type { RequirementsModel } from '../model/requirements';

export interface RequirementsLink {
  range: Range;
  /** Absolute project path of the linked file, or the URL for remote includes. */
  target: string;
  isUrl: boolean;
  tooltip: string;
}

export function requirementsLinks(model: RequirementsModel): RequirementsLink[] {
  const out: RequirementsLink[] = [];
  for (const e of model.file.entries) {
    if (e.kind !== 'include') continue;
    if (e.isUrl) {
      out.push({ range: e.pathRange, target: e.path, isUrl: true, tooltip: `Open ${e.constraint ? 'constraints' : 'requirements'} URL` });
      continue;
    }
    const inc = model.includes.find((i) => i.entry === e);
    // Without a path to resolve against, or for a file that does not exist, there is nothing to open; nor for a
    // path with a lone UTF-16 surrogate (an editor buffer can hold one), which names no file and fits in no URI.
    if (!inc || inc.text === undefined || !wellFormed(inc.path)) continue;
    out.push({ range: e.pathRange, target: inc.path, isUrl: false, tooltip: `Open ${e.constraint ? 'constraints' : 'requirements'} file` });
  }
  return out;
}

/** No lone UTF-16 surrogate: the string can be written as UTF-8, so as a file name or a URI. */
function wellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}
