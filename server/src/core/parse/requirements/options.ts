// The options pip accepts in a requirements file, and the shell-style tokenizer and option parser for a line's tail.
import type { Logical } from './lines';
import type { OptionScope, ParsedOption, ParseError } from './types';

export interface OptionSpec {
  /** Canonical long spelling. */
  name: string;
  short?: string;
  /** `file`: applies to the whole install; `requirement`: applies to the requirement on the same line. */
  scope: Exclude<OptionScope, 'unknown'>;
  takesValue: boolean;
  deprecated?: boolean;
  /** One line for completion and hover. */
  description: string;
}

// The set pip's requirements-file parser registers (SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ in pip 24/25).
export const OPTION_SPECS: readonly OptionSpec[] = [
  { name: '--index-url', short: '-i', scope: 'file', takesValue: true, description: 'Replace the package index (PyPI by default).' },
  { name: '--extra-index-url', scope: 'file', takesValue: true, description: 'Add a package index searched besides the main one.' },
  { name: '--no-index', scope: 'file', takesValue: false, description: 'Ignore package indexes; use only --find-links locations.' },
  { name: '--constraint', short: '-c', scope: 'file', takesValue: true, description: 'Constrain versions with the given constraints file.' },
  { name: '--requirement', short: '-r', scope: 'file', takesValue: true, description: 'Install from the given requirements file.' },
  { name: '--editable', short: '-e', scope: 'file', takesValue: true, description: 'Install a local project or VCS URL in editable mode.' },
  { name: '--find-links', short: '-f', scope: 'file', takesValue: true, description: 'Look for archives in a local directory or an HTML page of links.' },
  { name: '--no-binary', scope: 'file', takesValue: true, description: 'Do not use wheels for these packages (`:all:`, `:none:` or names); build from source.' },
  { name: '--only-binary', scope: 'file', takesValue: true, description: 'Use only wheels for these packages (`:all:`, `:none:` or names); never build from source.' },
  { name: '--prefer-binary', scope: 'file', takesValue: false, description: 'Prefer an older wheel over a newer source distribution.' },
  { name: '--require-hashes', scope: 'file', takesValue: false, description: 'Require a --hash for every requirement.' },
  { name: '--pre', scope: 'file', takesValue: false, description: 'Include pre-release and development versions.' },
  { name: '--trusted-host', scope: 'file', takesValue: true, description: 'Trust this host even without valid HTTPS.' },
  { name: '--use-feature', scope: 'file', takesValue: true, description: 'Enable a new pip feature that may break things.' },
  { name: '--hash', scope: 'requirement', takesValue: true, description: 'Accept the archive only with this digest (`sha256:…`).' },
  { name: '--config-settings', scope: 'requirement', takesValue: true, description: 'Pass `KEY=VALUE` to the PEP 517 build backend.' },
  { name: '--global-option', scope: 'requirement', takesValue: true, deprecated: true, description: 'Pass an option to setup.py (deprecated by pip).' },
];

const BY_SHORT = new Map(OPTION_SPECS.filter((s) => s.short).map((s) => [s.short!, s]));
const BY_LONG = new Map(OPTION_SPECS.map((s) => [s.name, s]));

/** optparse accepts any unambiguous prefix of a long option, and pip's requirements parser is plain optparse. */
export function matchLongOption(spelling: string): OptionSpec | undefined {
  const exact = BY_LONG.get(spelling);
  if (exact) return exact;
  if (spelling.length <= 2) return undefined;
  const candidates = OPTION_SPECS.filter((s) => s.name.startsWith(spelling));
  return candidates.length === 1 ? candidates[0] : undefined;
}

export interface Token {
  value: string;
  /** Logical index of each character of `value` (quotes and escapes removed). */
  chars: number[];
  /** Raw span on the logical line, quotes included. */
  start: number;
  end: number;
}

/** POSIX shlex splitting, which pip applies to the options part of a line. */
export function shellTokens(L: Logical, from: number, to: number, errors: ParseError[]): Token[] {
  const s = L.text;
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && /\s/.test(s[i]!)) i++;
    if (i >= to) break;
    const start = i;
    let value = '';
    const chars: number[] = [];
    while (i < to && !/\s/.test(s[i]!)) {
      const c = s[i]!;
      if (c === "'" || c === '"') {
        const open = i++;
        while (i < to && s[i] !== c) {
          // Inside double quotes a backslash escapes only `"` and `\`.
          if (c === '"' && s[i] === '\\' && i + 1 < to && (s[i + 1] === '"' || s[i + 1] === '\\')) i++;
          value += s[i];
          chars.push(i++);
        }
        if (i >= to) {
          errors.push({ code: 'syntax', message: `No closing quotation for the \`${c}\` opened here`, range: L.range(open, open + 1) });
          break;
        }
        i++;
      } else if (c === '\\' && i + 1 < to) {
        value += s[i + 1];
        chars.push(i + 1);
        i += 2;
      } else {
        value += c;
        chars.push(i++);
      }
    }
    tokens.push({ value, chars, start, end: i });
  }
  return tokens;
}

/** Logical [start, end) of option values written without quotes or escapes, so they can be parsed in place. */
export const VALUE_SPANS = new WeakMap<ParsedOption, readonly [number, number]>();

function setValue(option: ParsedOption, L: Logical, t: Token, a: number): void {
  option.value = t.value.slice(a);
  option.valueRange = span(L, t, a, t.value.length);
  const chars = t.chars.slice(a);
  if (chars.length > 0 && chars.every((c, k) => c === chars[0]! + k)) {
    VALUE_SPANS.set(option, [chars[0]!, chars[0]! + chars.length]);
  }
}

function span(L: Logical, t: Token, a: number, b: number) {
  if (b <= a) {
    const at = a < t.chars.length ? t.chars[a]! : t.end;
    return L.range(at, at);
  }
  return L.range(t.chars[a]!, t.chars[b - 1]! + 1);
}

function spanEnd(t: Token, b: number): number {
  return b > 0 && b <= t.chars.length ? t.chars[b - 1]! + 1 : t.end;
}

/**
 * Reads options the way optparse does: `--name=value`, `--name value`, `-xvalue`, `-x value`; a value-taking
 * option takes the next token whatever it looks like. Unknown options are kept (with a following bare token as
 * their likely value); bare tokens pip would silently drop are reported.
 */
export function parseOptions(L: Logical, tokens: Token[], errors: ParseError[]): ParsedOption[] {
  const out: ParsedOption[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const v = t.value;
    if (!v.startsWith('-') || v === '-' || v === '--') {
      errors.push({
        code: 'ignored-argument',
        message: `\`${v}\` is ignored: pip reads only options after the first option on a line`,
        range: L.range(t.start, t.end),
      });
      continue;
    }
    const long = v.startsWith('--');
    const eq = v.indexOf('=');
    let spec: OptionSpec | undefined;
    let nameLen: number;
    let inline: number | undefined; // index in v where an attached value starts
    if (long) {
      nameLen = eq >= 0 ? eq : v.length;
      spec = matchLongOption(v.slice(0, nameLen));
      if (eq >= 0) inline = eq + 1;
    } else {
      spec = BY_SHORT.get(v.slice(0, 2));
      if (spec) {
        nameLen = 2;
        if (v.length > 2) inline = 2;
      } else {
        nameLen = eq >= 0 ? eq : v.length;
        if (eq >= 0) inline = eq + 1;
      }
    }
    const spelling = v.slice(0, nameLen);
    const option: ParsedOption = {
      name: spec ? spec.name : spelling,
      spelling,
      known: spec !== undefined,
      scope: spec ? spec.scope : 'unknown',
      nameRange: span(L, t, 0, nameLen),
      range: L.range(t.start, t.end),
      ...(spec?.deprecated ? { deprecated: true } : {}),
    };
    const takeNext = (): void => {
      const n = tokens[++i]!;
      setValue(option, L, n, 0);
      option.range = L.range(t.start, n.end);
    };
    if (inline !== undefined) {
      if (spec && !spec.takesValue) {
        errors.push({
          code: 'unexpected-option-value',
          message: `\`${spec.name}\` takes no value`,
          range: { start: span(L, t, nameLen, nameLen + 1).start, end: L.range(t.start, spanEnd(t, v.length)).end },
        });
      } else {
        setValue(option, L, t, inline);
      }
    } else if (spec?.takesValue) {
      if (i + 1 < tokens.length) takeNext();
    } else if (!spec && i + 1 < tokens.length && !tokens[i + 1]!.value.startsWith('-')) {
      takeNext();
    }
    if (spec?.takesValue && !option.value) {
      errors.push({ code: 'missing-option-value', message: `\`${spelling}\` needs a value`, range: option.range });
    }
    out.push(option);
  }
  return out;
}
