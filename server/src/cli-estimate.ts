// `layerwise estimate`: the per-instruction size table, stage totals and the image total, as text or JSON.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDockerfileModel } from './core/model/dockerfile';
import { declineReason } from './core/index';
import { estimateImage, type EstimateInput } from './core/estimate/estimate';
import { formatBytes, formatE, parseSize, uselessRange } from './core/estimate/bytes';
import type { E, ImageEstimate } from './core/estimate/types';
import { diskFiles, initRuntime } from './node/runtime';
import { loadConfig, printTrustNotices } from './node/config-files';
import { diskContextSizer } from './node/context-size';
import { DEFAULT_REGISTRIES, OnlineLookup } from './node/online';

export class EstimateUsageError extends Error {}

export const ESTIMATE_USAGE = `  layerwise estimate <Dockerfile> [--target STAGE] [--format text|json] [--budget SIZE]
                 [--context DIR] [--platform linux/amd64|linux/arm64] [--config FILE]
                 [--online] [--allow-registry HOST]…   look up what the embedded data lacks (also
                 LAYERWISE_ONLINE=1); only at Docker Hub and PyPI unless --allow-registry adds a host`;

interface EstimateArgs {
  file?: string;
  target?: string;
  format: 'text' | 'json';
  budget?: number;
  context?: string;
  platform?: string;
  config?: string;
  /** Going online is the user's call: this flag or LAYERWISE_ONLINE=1, never a configuration file. */
  online: boolean;
  /** Registry hosts look-ups may contact besides (or, from LAYERWISE_ALLOWED_REGISTRIES, instead of) the defaults. */
  registries: string[];
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): EstimateArgs {
  const fromEnv = env['LAYERWISE_ALLOWED_REGISTRIES']?.split(',').map((h) => h.trim()).filter(Boolean);
  const args: EstimateArgs = { format: 'text', online: env['LAYERWISE_ONLINE'] === '1', registries: fromEnv?.length ? fromEnv : [...DEFAULT_REGISTRIES] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new EstimateUsageError(`${a} needs a value`);
      return v;
    };
    switch (flag) {
      case '--target':
        args.target = value();
        break;
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new EstimateUsageError(`unknown format "${v}" (use text or json)`);
        args.format = v;
        break;
      }
      case '--budget': {
        const v = value();
        const n = parseSize(v);
        if (n === undefined) throw new EstimateUsageError(`cannot read budget "${v}" (e.g. 500MB, 1.5GB)`);
        args.budget = n;
        break;
      }
      case '--context':
        args.context = value();
        break;
      case '--platform':
        args.platform = value();
        break;
      case '--config':
      case '-c':
        args.config = value();
        break;
      case '--online':
        args.online = true;
        break;
      case '--allow-registry':
        args.registries.push(value());
        break;
      default:
        if (a.startsWith('-')) throw new EstimateUsageError(`unknown option ${a}`);
        if (args.file) throw new EstimateUsageError('estimate takes one Dockerfile');
        args.file = a;
    }
  }
  return args;
}

/** The JSON shape documented in docs/estimate.md: every E is { typical, low, high } in bytes. */
export function estimateToJson(est: ImageEstimate): unknown {
  const E = (x: E) => ({ typical: Math.round(x.typical), low: Math.round(x.low), high: Math.round(x.high) });
  return {
    final: est.final ? { stage: est.final.stage, bytes: E(est.final.bytes), downloadBytes: E(est.final.downloadBytes) } : null,
    stages: est.stages.map((s) => ({
      name: s.name ?? null,
      index: s.index,
      reachesFinal: s.reachesFinal,
      base: { image: s.base.image, tag: s.base.tag, bytes: E(s.base.bytes) },
      bytes: E(s.bytes),
      instructions: s.instructions.map((i) => ({
        line: i.line,
        instruction: i.instruction,
        bytes: E(i.bytes),
        parts: i.parts.map((p) => ({ what: p.what, bytes: E(p.bytes), source: p.source })),
      })),
    })),
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

// A range too wide to mean anything (high > 4× low) says so instead of posing as an estimate.
const range = (x: E): string => (x.low === x.high ? '' : uselessRange(x) ? `unknown size (anywhere in ${formatBytes(x.low)}–${formatBytes(x.high)})` : `${formatBytes(x.low)}–${formatBytes(x.high)}`);

export function estimateToText(est: ImageEstimate, file: string): string {
  const out: string[] = [];
  out.push(`${file}: size estimate (on disk; typical and range)`);
  for (const s of est.stages) {
    const label = s.name ? `${s.name} (stage ${s.index})` : `stage ${s.index}`;
    const role = s.isFinal ? 'final image' : s.layersInFinal ? 'the final image is built on it' : s.reachesFinal ? 'only copied-from files reach the final image' : 'does not reach the final image';
    out.push('', `${label}: ${role}`);
    out.push(`  ${pad('line', 5)} ${pad('instruction', 60)} ${padStart('adds', 9)}  range`);
    for (const i of s.instructions) {
      out.push(`  ${pad(String(i.line), 5)} ${pad(i.instruction.length > 60 ? `${i.instruction.slice(0, 59)}…` : i.instruction, 60)} ${padStart(formatBytes(i.bytes.typical), 9)}  ${range(i.bytes)}`);
      for (const p of i.parts) {
        if (i.parts.length === 1 && p.kind === 'base') continue;
        out.push(`  ${pad('', 5)}   ${p.fallback ? '~ ' : '- '}${p.what}: ${formatBytes(p.bytes.typical)}`);
      }
      for (const v of i.savings) out.push(`  ${pad('', 5)}   ✂ ${v.fix} saves ${formatE(v.bytes)} (${v.what})`);
    }
    out.push(`  stage total: ${formatE(s.bytes)} on disk, ${formatE(s.downloadBytes)} download`);
  }
  if (est.final) {
    out.push('', `Image (stage ${est.final.stage}): ${formatE(est.final.bytes)} on disk, ${formatE(est.final.downloadBytes)} download`);
  }
  out.push('', '~ marks a rough figure (an image, package or path not in the data, or another release\'s sizes). Sources: `--format json`.');
  return out.join('\n') + '\n';
}

export async function estimateCommand(argv: string[], write: (text: string) => void = (t) => void process.stdout.write(t)): Promise<number> {
  const args = parseArgs(argv);
  if (!args.file) throw new EstimateUsageError('estimate needs a Dockerfile');
  const abs = resolve(args.file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new EstimateUsageError(`cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const loaded = loadConfig(dirname(abs), args.config ? resolve(args.config) : undefined, args.target ? { target: args.target } : undefined);
  if (loaded.problems.length) throw new EstimateUsageError(loaded.problems[0]!);
  printTrustNotices(loaded.ignored);
  const config = loaded.config;
  const declined = declineReason(text, 'dockerfile');
  if (declined) throw new EstimateUsageError(`${args.file}: ${declined.message}`);
  await initRuntime();
  const model = buildDockerfileModel(text, config.target !== undefined ? { target: config.target } : {});
  if (args.target && !model.stages.some((s) => s.name?.toLowerCase() === args.target!.toLowerCase())) {
    throw new EstimateUsageError(`no stage named "${args.target}"`);
  }
  const input: EstimateInput = {
    files: diskFiles(),
    dockerfilePath: abs,
    // The build context the rules use (config `context`), unless `--context` names one.
    config,
    ...(args.context ? { contextDir: resolve(args.context) } : {}),
    // Walked only when a COPY needs it, with the server's limits and the ignore file that applies to this Dockerfile.
    context: diskContextSizer({ dockerfilePath: abs }),
  };
  if (args.platform) input.platform = args.platform;
  let est = estimateImage(model, input);
  if (args.online) {
    // Look up what the embedded data lacks, then estimate again with the answers.
    const online = new OnlineLookup({ allowedRegistries: args.registries });
    const recorder = online.recorder();
    estimateImage(model, { ...input, external: recorder });
    await online.fetchPending(recorder.misses());
    est = estimateImage(model, { ...input, external: online });
  }
  write(args.format === 'json' ? `${JSON.stringify(estimateToJson(est), null, 2)}\n` : estimateToText(est, args.file));
  if (args.budget !== undefined && est.final && est.final.bytes.typical > args.budget) {
    process.stderr.write(`layerwise: estimated image size ${formatBytes(est.final.bytes.typical)} exceeds the budget of ${formatBytes(args.budget)}\n`);
    return 1;
  }
  return 0;
}
