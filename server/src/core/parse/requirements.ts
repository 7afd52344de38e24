// Parses pip requirements files (requirements.txt, constraints, .in) into entries with exact ranges; pure, no I/O.
//
// Why a hand-rolled line and option layer: pip-requirements-js (Ohm, PEP 508) knows only `-r`/`-c` among pip's
// options, has no continuation lines, rejects `${VAR}` in URLs and throws on the first bad line, so it cannot
// give ranges across continuations or keep going after an error. It is used where it fits: validating
// environment markers and providing their expression tree. Versions and specifiers are checked with
// @renovatebot/pep440. The line handling copies pip's own order of work (join continuations, cut comments,
// split requirement from options at the first ` -`, shlex the options, optparse semantics).
import { satisfies as pep440Satisfies } from '@renovatebot/pep440';

// One check per distinct (version, specifier, prereleases): the library's regular expressions dominate otherwise.
const satisfiesMemo = new Map<string, boolean>();
function satisfies(version: string, range: string, options: { prereleases: boolean }): boolean {
  const key = `${version}\u0000${range}\u0000${options.prereleases ? 1 : 0}`;
  let v = satisfiesMemo.get(key);
  if (v === undefined) {
    v = pep440Satisfies(version, range, options);
    if (satisfiesMemo.size >= 4096) satisfiesMemo.delete(satisfiesMemo.keys().next().value as string);
    satisfiesMemo.set(key, v);
  }
  return v;
}
import { LineIndex } from '../text';
import type { Range } from '../types';
import { logicalLines, type Logical } from './requirements/lines';
import { VALUE_SPANS, parseOptions, shellTokens } from './requirements/options';
import { isUrl, normalizeName, parseRequirementText, type EnvSpans } from './requirements/pep508';
import type {
  Editable,
  Entry,
  Hash,
  ParsedOption,
  ParseError,
  Requirement,
  RequirementsFile,
  Specifier,
} from './requirements/types';

export type * from './requirements/types';
export { OPTION_SPECS, matchLongOption, type OptionSpec } from './requirements/options';
export { normalizeName, specifierProblem, isUrl } from './requirements/pep508';

// pip expands only upper-case names, and leaves unset variables as written.
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;

// pip's strong hash algorithms and their hex digest lengths.
const HASH_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export function parseRequirements(text: string): RequirementsFile {
  const index = new LineIndex(text);
  const file: RequirementsFile = { entries: [], errors: [], comments: [], envVars: [] };
  for (const logical of logicalLines(text, index)) {
    if (logical.comment) file.comments.push(logical.comment);
    if (logical.content.text) parseLine(logical.content, logical.line, file);
  }
  return file;
}

function parseLine(L: Logical, line: number, file: RequirementsFile): void {
  const s = L.text;
  const env: [number, number][] = [];
  for (const m of s.matchAll(ENV_VAR)) {
    env.push([m.index, m.index + m[0].length]);
    file.envVars.push({ name: m[1]!, range: L.range(m.index, m.index + m[0].length) });
  }
  // pip's break_args_options: words split on single spaces; options start at the first word beginning with `-`.
  let split = s.length;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-' && (i === 0 || s[i - 1] === ' ')) {
      split = i;
      break;
    }
  }
  let argsEnd = split;
  while (argsEnd > 0 && /\s/.test(s[argsEnd - 1]!)) argsEnd--;
  const errors = file.errors;
  const options = parseOptions(L, shellTokens(L, split, s.length, errors), errors);
  const hashes = collectHashes(options, errors);
  for (const o of options) checkOptionValue(o, errors);

  if (argsEnd > 0) {
    file.entries.push(requirement(L, line, argsEnd, env, options, hashes, errors));
    return;
  }
  const editable = options.find((o) => o.name === '--editable' && o.value !== undefined);
  if (editable) {
    file.entries.push(editableEntry(L, line, editable, env, options, hashes, errors));
    return;
  }
  for (const o of options) {
    const base = { line, range: o.range };
    if ((o.name === '--requirement' || o.name === '--constraint') && o.value !== undefined && o.valueRange) {
      file.entries.push({
        ...o,
        ...base,
        kind: 'include',
        constraint: o.name === '--constraint',
        path: o.value,
        pathRange: o.valueRange,
        isUrl: isUrl(o.value),
      });
    } else {
      file.entries.push({ ...o, ...base, kind: o.known ? 'option' : 'unknown-option' });
    }
  }
}

function requirement(
  L: Logical,
  line: number,
  argsEnd: number,
  env: EnvSpans,
  options: ParsedOption[],
  hashes: Hash[],
  errors: ParseError[],
): Requirement {
  const parsed = parseRequirementText(L, argsEnd, env, errors);
  const req: Requirement = {
    kind: 'requirement',
    line,
    range: L.range(0, argsEnd),
    text: L.text.slice(0, argsEnd),
    ...parsed,
    hashes,
    options,
    dynamic: env.some(([a]) => a < argsEnd),
  };
  if (req.name !== undefined) req.normalizedName = normalizeName(req.name);
  return reorder(req);
}

/** Keeps object keys in a stable, readable order for tests and debugging output. */
function reorder(req: Requirement): Requirement {
  const { kind, line, range, form, text, name, normalizedName, nameRange, ...rest } = req;
  return {
    kind,
    line,
    range,
    form,
    text,
    ...(name !== undefined ? { name, normalizedName, nameRange } : {}),
    ...rest,
  } as Requirement;
}

function editableEntry(
  L: Logical,
  line: number,
  option: ParsedOption,
  env: EnvSpans,
  options: ParsedOption[],
  hashes: Hash[],
  errors: ParseError[],
): Editable {
  // Reuse the requirement parser on the value: it already knows URLs, paths, `[extras]` and `#egg=`.
  const entry: Editable = {
    kind: 'editable',
    line,
    range: option.range,
    option,
    target: { value: option.value!, range: option.valueRange!, isUrl: isUrl(option.value!) },
    extras: [],
    hashes,
    options: options.filter((o) => o !== option),
  };
  const valueSpan = VALUE_SPANS.get(option);
  if (!valueSpan) return entry;
  const [a, b] = valueSpan;
  const subEnv = env.filter(([x]) => x >= a && x < b).map(([x, y]) => [x - a, y - a] as const);
  const scratch: ParseError[] = [];
  const parsed = parseRequirementText(L.slice(a, b), b - a, subEnv, scratch);
  if (parsed.form === 'pep508') {
    errors.push({
      code: 'syntax',
      message: `\`${option.value}\` is not a path or URL; \`-e\` needs a local project or a VCS URL`,
      range: option.valueRange!,
    });
    return entry;
  }
  for (const x of scratch) errors.push(x);
  if (parsed.url) entry.target = parsed.url;
  if (parsed.name !== undefined) {
    entry.name = parsed.name;
    entry.normalizedName = normalizeName(parsed.name);
    entry.nameRange = parsed.nameRange!;
  }
  entry.extras = parsed.extras;
  return entry;
}

function collectHashes(options: ParsedOption[], errors: ParseError[]): Hash[] {
  const hashes: Hash[] = [];
  for (const o of options) {
    if (o.name !== '--hash' || o.value === undefined || !o.valueRange) continue;
    const colon = o.value.indexOf(':');
    if (colon < 0) {
      errors.push({ code: 'invalid-hash', message: `\`${o.value}\` is not \`algorithm:digest\`, like \`sha256:…\``, range: o.valueRange });
      continue;
    }
    const algorithm = o.value.slice(0, colon);
    const digest = o.value.slice(colon + 1);
    const want = HASH_LENGTHS[algorithm];
    if (want === undefined) {
      errors.push({ code: 'invalid-hash', message: `\`${algorithm}\` is not allowed for --hash; use sha256, sha384 or sha512`, range: o.valueRange });
    } else if (!/^[0-9a-fA-F]*$/.test(digest) || digest.length !== want) {
      errors.push({
        code: 'invalid-hash',
        message: `A ${algorithm} digest is ${want} hex digits; \`${digest.length > 16 ? digest.slice(0, 12) + '…' : digest}\` has ${digest.length}${/^[0-9a-fA-F]*$/.test(digest) ? '' : ' and non-hex characters'}`,
        range: o.valueRange,
      });
    }
    hashes.push({ algorithm, digest, range: o.valueRange, optionRange: o.range });
  }
  return hashes;
}

function checkOptionValue(o: ParsedOption, errors: ParseError[]): void {
  if (o.value === undefined || !o.valueRange) return;
  if (o.name === '--config-settings' && !o.value.includes('=')) {
    errors.push({ code: 'invalid-option-value', message: `\`${o.value}\` is not \`KEY=VALUE\``, range: o.valueRange });
  }
}

/** Every option in the file, wherever it sits (option lines, requirement lines, editables). */
export function allOptions(file: RequirementsFile): ParsedOption[] {
  const out: ParsedOption[] = [];
  for (const e of file.entries) {
    if (e.kind === 'requirement') out.push(...e.options);
    else if (e.kind === 'editable') out.push(e.option, ...e.options);
    else out.push(e);
  }
  return out;
}

/** `==` without a wildcard, or `===`: the requirement names exactly one version. */
export function isPinned(req: Pick<Requirement, 'specifiers'>): boolean {
  return req.specifiers.some((s) => s.operator === '===' || (s.operator === '==' && !s.version.endsWith('.*')));
}

/** The specifier list as one PEP 440 string (`>=1.0,<2`), for @renovatebot/pep440 and messages. */
export function specifierString(specs: readonly Pick<Specifier, 'operator' | 'version'>[]): string {
  return specs.map((s) => s.operator + s.version).join(',');
}

/**
 * Whether `version` satisfies the specifiers. Pre-releases are admitted only when asked for (pip's `--pre`) or
 * when a specifier names one, as PEP 440 says.
 */
export function specifierAdmits(
  spec: string | readonly Pick<Specifier, 'operator' | 'version'>[],
  version: string,
  options: { prereleases?: boolean } = {},
): boolean {
  const text = typeof spec === 'string' ? spec : specifierString(spec);
  if (text.trim() === '') return true;
  const prereleases = options.prereleases ?? /\d(?:a|b|rc|c|alpha|beta|pre|preview|dev)\d*/i.test(text);
  return satisfies(version, text, { prereleases });
}

/** Expands `${VAR}` the way pip does: upper-case names only, unset variables left as written. */
export function expandEnvVars(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(ENV_VAR, (whole, name: string) => env[name] ?? whole);
}

/** The entry whose range contains a position, for hovers and links. */
export function entryAt(file: RequirementsFile, p: { line: number; character: number }): Entry | undefined {
  return file.entries.find((e) => within(e.range, p) || ('options' in e && e.options.some((o) => within(o.range, p))));
}

function within(r: Range, p: { line: number; character: number }): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

