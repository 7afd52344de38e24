// The predicted size change of a rewrite, from the estimator the caller hands in; no estimator, no number.
import { buildDockerfileModel, type DockerfileModel } from '../model/dockerfile';
import type { E } from '../estimate/types';
import { formatBytes } from '../estimate/bytes';
import type { AssistContext } from './assist';

/** Savings below this are noise next to the estimate's own range: the title shows no number. */
const MIN_SHOWN = 1_000_000;

/** `{ suffix: " (≈ −310 MB)", bytes }` when the caller can estimate both texts, else undefined. */
export function savingSuffix(model: DockerfileModel, newText: string, ctx: AssistContext): { suffix: string; bytes: E } | undefined {
  if (!ctx.sizeOf) return undefined;
  let before: E | undefined;
  let after: E | undefined;
  try {
    before = ctx.sizeOf(model);
    after = ctx.sizeOf(buildDockerfileModel(newText));
  } catch {
    return undefined;
  }
  if (!before || !after) return undefined;
  const a = before.low - after.low;
  const b = before.high - after.high;
  const bytes: E = { typical: before.typical - after.typical, low: Math.min(a, b), high: Math.max(a, b) };
  if (Math.abs(bytes.typical) < MIN_SHOWN) return { suffix: '', bytes };
  const sign = bytes.typical > 0 ? '\u2212' : '+';
  return { suffix: ` (≈ ${sign}${formatBytes(Math.abs(bytes.typical))})`, bytes };
}
