// Size hover on a requirements-file line: the requirement's installed size with its dependencies.
import type { Position, Range } from '../types';
import { containsPosition } from '../types';
import { parseRequirements } from '../parse/requirements';
import { requirementSizeMarkdown, DEFAULT_REQUIREMENT_TARGET } from './size-hover';
import type { PipTarget } from '../estimate/python';
import { requirementSpecifier } from '../model/pip-choices';

export { requirementSizeMarkdown } from './size-hover';

/** The size section for the requirement under `position`, or undefined when the position is not on one. */
export function requirementSizeHover(text: string, position: Position, target: PipTarget = DEFAULT_REQUIREMENT_TARGET): { markdown: string; range: Range } | undefined {
  const file = parseRequirements(text);
  for (const e of file.entries) {
    if (e.kind !== 'requirement' || !e.normalizedName || !containsPosition(e.range, position)) continue;
    const pin = e.specifiers.find((s) => s.operator === '==' || s.operator === '===');
    const req: { name: string; version?: string; specifier: string; extras: string[] } = { name: e.normalizedName, extras: e.extras.map((x) => x.normalizedName), specifier: requirementSpecifier(e) };
    if (pin) req.version = pin.version;
    return { markdown: requirementSizeMarkdown(req, target), range: e.nameRange ?? e.range };
  }
  return undefined;
}
