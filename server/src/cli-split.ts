// `layerwise split`: the "Split into builder stage" assist from the command line (prints or writes the new text).
import { dirname, resolve } from 'node:path';
import { buildDockerfileModel } from './core/model/dockerfile';
import { declineReason } from './core/index';
import { estimateImage, type EstimateInput } from './core/estimate/estimate';
import { findAssist } from './core/assists/index';
import { diskFiles, initRuntime } from './node/runtime';
import { diskContextSizer } from './node/context-size';
import { loadConfig, repositoryRoot } from './node/config-files';
import { RefusedWrite, checkWritable, encodeText, readTextFile, writeTextFileAtomic } from './node/safe-write';

export class SplitUsageError extends Error {}

export const SPLIT_USAGE = `  layerwise split <Dockerfile> [--write] [--keep-base] [--venv PATH]
                 prints the rewritten file (or writes it with --write); exit 1 with the reason when it does not apply`;

export async function splitCommand(argv: string[]): Promise<number> {
  let file: string | undefined;
  let write = false;
  let keepBase = false;
  let venv: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--write' || a === '-w') write = true;
    else if (a === '--keep-base') keepBase = true;
    else if (a === '--venv' || a.startsWith('--venv=')) {
      venv = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!venv || !venv.startsWith('/')) throw new SplitUsageError('--venv needs an absolute path');
    } else if (a.startsWith('-')) throw new SplitUsageError(`unknown option ${a}`);
    else if (file) throw new SplitUsageError('split takes one Dockerfile');
    else file = a;
  }
  if (!file) throw new SplitUsageError('split needs a Dockerfile');
  const abs = resolve(file);
  const read = readTextFile(abs);
  if (!read.ok) throw new SplitUsageError(`cannot read ${file}: ${read.reason}`);
  const text = read.text;
  // Refused before any work: --write replaces the file it was given, never what a link points at.
  if (write) {
    try {
      checkWritable(abs);
    } catch (err) {
      if (err instanceof RefusedWrite) throw new SplitUsageError(err.message);
      throw err;
    }
  }
  const declined = declineReason(text, 'dockerfile');
  if (declined) {
    process.stderr.write(`layerwise: split does not apply to ${file}: ${declined.message}\n`);
    return 1;
  }
  await initRuntime();
  const model = buildDockerfileModel(text);
  // The predicted saving reads the build context, build args and platform the rules see.
  const loaded = loadConfig(dirname(abs));
  if (loaded.problems.length) throw new SplitUsageError(loaded.problems.join('\nlayerwise: '));
  const input: EstimateInput = { files: diskFiles(undefined, { roots: () => [repositoryRoot(dirname(abs))] }), dockerfilePath: abs, config: loaded.config, context: diskContextSizer({ dockerfilePath: abs }) };
  const options: Record<string, string | boolean> = { keepBase };
  if (venv) options['venv'] = venv;
  // The split as the editor offers it: held to the rewrite contract, whose reason is printed when it refuses.
  const result = findAssist('split-into-builder-stage')!.run(model, {
    path: abs,
    files: input.files!,
    options,
    sizeOf: (m) => estimateImage(m, input).final?.bytes,
  });
  if (!result.applies) {
    process.stderr.write(`layerwise: split does not apply to ${file}: ${result.reason}\n`);
    return 1;
  }
  const action = result.actions[0]!;
  if (write) {
    try {
      writeTextFileAtomic(abs, action.text, read.format);
    } catch (err) {
      if (err instanceof RefusedWrite) throw new SplitUsageError(err.message);
      throw err;
    }
    process.stderr.write(`layerwise: ${action.title}: wrote ${file}\n`);
  } else {
    // Printed with the file's own line endings and encoding, as --write would store it.
    process.stdout.write(encodeText(action.text, read.format) ?? action.text);
    process.stderr.write(`layerwise: ${action.title}\n`);
  }
  return 0;
}
