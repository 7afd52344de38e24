// Helpers for the label rules (hadolint DL3048–DL3058): every LABEL pair of the file, and the value checks of `label-schema` types.
import type { DockerfileModel, Instruction, KeyValue } from '../../model/dockerfile';
import type { RuleContext } from '../rule';
import { SPDX_EXCEPTION_IDS, SPDX_LICENSE_IDS } from '../../data/spdx-licenses';

/** Every LABEL pair, ONBUILD LABEL triggers included. */
export function* labelPairs(model: DockerfileModel): Generator<{ instr: Instruction; kv: KeyValue }> {
  for (const outer of model.instructions) {
    const instr = outer.trigger ?? outer;
    for (const kv of instr.labels ?? []) yield { instr, kv };
  }
}

/** The schema's labels of one type. */
export function schemaLabels(schema: Record<string, string>, type: string): Set<string> {
  return new Set(Object.entries(schema).filter(([, t]) => t === type).map(([k]) => k));
}

/** Reports (message `invalid`) each non-empty value of a label the schema types as `type` that `valid` rejects. */
export function reportInvalidSchemaLabels(ctx: RuleContext<DockerfileModel>, type: string, valid: (value: string) => boolean): void {
  const labels = schemaLabels(ctx.config.labelSchema, type);
  if (labels.size === 0) return;
  for (const { kv } of labelPairs(ctx.model)) {
    if (!labels.has(kv.key) || kv.value === '' || valid(kv.value)) continue;
    ctx.report({ range: kv.valueRange ?? kv.keyRange, messageId: 'invalid', data: { label: kv.key } });
  }
}

export function isUrl(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

export function isRfc3339(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [mo, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60 && !Number.isNaN(Date.parse(v.replace(' ', 'T')));
}

/** An SPDX license expression: identifiers (with `+`), `LicenseRef-…`, `AND`/`OR`/`WITH <exception>`, parentheses. */
export function isSpdxExpression(v: string): boolean {
  const tokens = v.replace(/[()]/g, ' $& ').trim().split(/\s+/).filter(Boolean);
  let i = 0;
  const license = (): boolean => {
    const t = tokens[i];
    if (t === undefined) return false;
    if (t === '(') {
      i++;
      if (!expression() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    const id = t.endsWith('+') ? t.slice(0, -1) : t;
    if (!SPDX_LICENSE_IDS.has(id) && !/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id)) return false;
    i++;
    if (tokens[i] === 'WITH') {
      i++;
      if (!SPDX_EXCEPTION_IDS.has(tokens[i] ?? '')) return false;
      i++;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!license()) return false;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      i++;
      if (!license()) return false;
    }
    return true;
  };
  return expression() && i === tokens.length;
}

/** A git commit hash: 7 to 40 hexadecimal digits (abbreviated or full SHA-1), or a full SHA-256. */
export function isGitHash(v: string): boolean {
  return /^[0-9a-fA-F]{7,40}$/.test(v) || /^[0-9a-fA-F]{64}$/.test(v);
}

/** Semantic Versioning 2.0.0 (the grammar from semver.org). */
export function isSemver(v: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/.test(v);
}

/** An address in the RFC 5322 addr-spec form (dot-atom local part or quoted string, domain name or literal). */
export function isEmail(v: string): boolean {
  return /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[^"\\\r\n]|\\.)*")@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[^\]\s]+\])$/.test(v);
}
