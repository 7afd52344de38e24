// Layerwise's resolved configuration: severities per rule, failure threshold and rule inputs, from any source.
import type { Severity, SeverityOrOff } from './types';

export interface LayerwiseConfig {
  /** Severity override or `off`, by rule code or name (case-insensitive). */
  rules: Record<string, SeverityOrOff>;
  /** Codes or names that are off (hadolint's `ignored`). */
  ignored: string[];
  /** The CLI exits 1 when a finding is at or above this severity; `none` never fails. */
  failureThreshold: Severity | 'none';
  /** Registries FROM may use (hadolint's `trustedRegistries`); empty = any. */
  trustedRegistries: string[];
  /** Required labels and their types (hadolint's `label-schema`). */
  labelSchema: Record<string, string>;
  /** Labels not in the schema are an error (hadolint's `strict-labels`). */
  strictLabels: boolean;
  /** Build target stage; the last stage when unset. */
  target?: string;
  /**
   * Build context Dockerfiles are built with, relative to the Dockerfile's folder (`..` for `docker build -f
   * docker/Dockerfile .`); the Dockerfile's folder when unset. Used to find the requirements files COPY brings in.
   */
  context?: string;
  /** `--build-arg` values the image is built with (`build-args` table): they override ARG defaults. */
  buildArgs?: Record<string, string>;
  /** Target platform (`docker build --platform`) for stages whose FROM has no `--platform`; `linux/amd64` when unset. */
  platform?: string;
  /** Enable BuildKit's experimental checks. */
  experimental: boolean;
  /** Network look-ups allowed (off by default). */
  online: boolean;
  /** Disable inline pragmas (hadolint's `disable-ignore-pragma`). */
  disableIgnorePragma: boolean;
  /**
   * Rule origins whose findings another installed tool already shows (`buildkit` when Docker's extension runs the
   * build checks, `hadolint` when the hadolint extension runs): those rules do not run, so nothing is shown twice.
   */
  defer: RuleOrigin[];
  /** A `# check=` value from outside (BuildKit's `BUILDKIT_DOCKERFILE_CHECK` build argument); replaces the file's directive. */
  buildkitCheck?: string;
}

/** Where a rule comes from; the values `defer` accepts. */
export type RuleOrigin = 'hadolint' | 'buildkit' | 'layerwise';
export const RULE_ORIGINS: readonly RuleOrigin[] = ['hadolint', 'buildkit', 'layerwise'];

export function defaultConfig(): LayerwiseConfig {
  return {
    rules: {},
    ignored: [],
    failureThreshold: 'info',
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
    experimental: false,
    online: false,
    disableIgnorePragma: false,
    defer: [],
  };
}

/** Label value types of hadolint's `label-schema` (rules DL3049–DL3058). */
export const LABEL_TYPES: ReadonlySet<string> = new Set(['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email']);

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Reads a severity word, accepting hadolint's names (`style` = hint, `ignore`/`none` = off). */
export function parseSeverity(v: unknown): SeverityOrOff | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (SEVERITIES.has(s)) return s as SeverityOrOff;
  if (s === 'style') return 'hint';
  if (s === 'warn') return 'warning';
  if (s === 'information') return 'info';
  if (s === 'ignore' || s === 'none' || s === 'false') return 'off';
  return undefined;
}

/** Merges partial settings over a base configuration (later sources win). */
export function mergeConfig(base: LayerwiseConfig, over: Partial<LayerwiseConfig>): LayerwiseConfig {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)),
    rules: { ...base.rules, ...(over.rules ?? {}) },
    ignored: [...base.ignored, ...(over.ignored ?? [])],
    defer: [...new Set([...base.defer, ...(over.defer ?? [])])],
    labelSchema: { ...base.labelSchema, ...(over.labelSchema ?? {}) },
  };
}

/** Validates an untrusted object (settings, JSON/TOML config) into a partial config plus problems found. */
export function readConfigObject(obj: unknown): { config: Partial<LayerwiseConfig>; problems: string[] } {
  const problems: string[] = [];
  const config: Partial<LayerwiseConfig> = {};
  if (obj === null || typeof obj !== 'object') return { config, problems: obj === undefined ? [] : ['configuration is not a table'] };
  const o = obj as Record<string, unknown>;
  if (o['rules'] !== undefined) {
    if (typeof o['rules'] !== 'object' || o['rules'] === null) problems.push('`rules` must be a table of rule → severity');
    else {
      config.rules = {};
      for (const [k, v] of Object.entries(o['rules'] as Record<string, unknown>)) {
        const sev = parseSeverity(v);
        if (sev) config.rules[k] = sev;
        else problems.push(`rule \`${k}\`: unknown severity ${JSON.stringify(v)} (use off, error, warning, info or hint)`);
      }
    }
  }
  const list = (key: string): string[] | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    problems.push(`\`${key}\` must be a list of strings`);
    return undefined;
  };
  const ignored = list('ignored') ?? list('ignore');
  if (ignored) config.ignored = ignored;
  const trusted = list('trustedRegistries') ?? list('trusted-registries');
  if (trusted) config.trustedRegistries = trusted;
  const ft = o['failureThreshold'] ?? o['failure-threshold'];
  if (ft !== undefined) {
    const s = parseSeverity(ft);
    if (s) config.failureThreshold = s === 'off' ? 'none' : s;
    else problems.push(`unknown failure threshold ${JSON.stringify(ft)}`);
  }
  const schema = o['labelSchema'] ?? o['label-schema'];
  if (schema !== undefined) {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) problems.push('`label-schema` must be a table of label → type');
    else {
      config.labelSchema = {};
      for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
        if (typeof v === 'string' && LABEL_TYPES.has(v)) config.labelSchema[k] = v;
        else problems.push(`label \`${k}\`: unknown type ${JSON.stringify(v)} (use ${[...LABEL_TYPES].join(', ')})`);
      }
    }
  }
  const strict = o['strictLabels'] ?? o['strict-labels'];
  if (typeof strict === 'boolean') config.strictLabels = strict;
  else if (strict !== undefined) problems.push('`strict-labels` must be true or false');
  const defer = list('defer');
  if (defer) {
    config.defer = defer.filter((d): d is RuleOrigin => (RULE_ORIGINS as readonly string[]).includes(d));
    for (const d of defer) if (!(RULE_ORIGINS as readonly string[]).includes(d)) problems.push(`\`defer\`: unknown rule origin ${JSON.stringify(d)} (use ${RULE_ORIGINS.join(', ')})`);
  }
  const check = o['buildkitCheck'] ?? o['buildkit-check'];
  if (typeof check === 'string') config.buildkitCheck = check;
  else if (check !== undefined) problems.push('`buildkitCheck` must be a string such as "skip=JSONArgsRecommended;error=true"');
  if (typeof o['target'] === 'string') config.target = o['target'];
  if (typeof o['context'] === 'string') config.context = o['context'];
  else if (o['context'] !== undefined) problems.push('`context` must be a path such as ".."');
  const buildArgs = o['buildArgs'] ?? o['build-args'];
  if (buildArgs !== undefined) {
    if (typeof buildArgs !== 'object' || buildArgs === null || Array.isArray(buildArgs)) problems.push('`build-args` must be a table of NAME = "value"');
    else {
      config.buildArgs = {};
      for (const [k, v] of Object.entries(buildArgs as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') config.buildArgs[k] = String(v);
        else problems.push(`build arg \`${k}\`: the value must be a string`);
      }
    }
  }
  if (typeof o['platform'] === 'string' && /^[a-z0-9]+(\/[a-z0-9_-]+){0,2}$/i.test(o['platform'])) config.platform = o['platform'];
  else if (o['platform'] !== undefined) problems.push('`platform` must be a platform such as "linux/arm64"');
  if (typeof o['experimental'] === 'boolean') config.experimental = o['experimental'];
  if (typeof o['online'] === 'boolean') config.online = o['online'];
  return { config, problems };
}
