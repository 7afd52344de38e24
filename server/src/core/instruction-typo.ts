// "Did you mean" for a Dockerfile line whose first word is no instruction (`RUNN`, `CPOY`, `FROMpython:3.12`).
import { typoDistance } from './edit-distance';

export interface Suggestion {
  keyword: string;
  /** The word is the keyword with more letters glued on (`FROMasdkjh`): a space, or the rest, is what is wrong. */
  glued: boolean;
}

/**
 * The instruction a word was meant to be: one edit away (two for keywords of 6 letters or more), else a keyword
 * the word starts with. One edit wins over a glued prefix: `RUNN` is a doubled letter, not `RUN` + `N`.
 */
export function suggestInstruction(word: string, keywords: Iterable<string>): Suggestion | undefined {
  // A non-ASCII word (`ruп` with a Cyrillic letter) looks like the instruction already; replacing it would only
  // make a line of unknown intent run.
  if (!/^[\x21-\x7e]+$/.test(word)) return undefined;
  const w = word.toUpperCase();
  const KEYWORDS = [...keywords];
  let best: string | undefined;
  let bestD = 3;
  for (const k of KEYWORDS) {
    const max = k.length >= 6 ? 2 : 1;
    const d = typoDistance(w, k, max);
    if (d <= max && d < bestD) {
      best = k;
      bestD = d;
    }
  }
  if (best && bestD === 1) return { keyword: best, glued: false };
  const prefix = KEYWORDS.filter((k) => w.startsWith(k) && w.length > k.length).sort((a, b) => b.length - a.length)[0];
  if (prefix) return { keyword: prefix, glued: true };
  return best ? { keyword: best, glued: false } : undefined;
}

/**
 * A word written as a half-typed instruction rather than a line of another language: a typo of an instruction in
 * uppercase (`RUNN`, `CPOY`) or an uppercase instruction with its argument glued on (`FROMasdkjh`). Shell commands
 * (`addgroup`), JSON and template lines are not written so; LW013 (not a Dockerfile) counts these as instructions.
 */
export function looksHalfTyped(word: string, keywords: Iterable<string>): boolean {
  const s = suggestInstruction(word, keywords);
  if (!s) return false;
  const written = s.glued ? word.slice(0, s.keyword.length) : word;
  // Letters only: `"RUN` inside a JSON or jq line is one edit from `RUN` too.
  return /^[A-Z]+$/.test(written);
}
