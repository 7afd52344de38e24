// POSIX path arithmetic for the pure core (paths in images and project paths are `/`-separated); no `node:path`.

/** Collapses `.`, `..` and repeated slashes; keeps a leading `/`; `''` becomes `.`. */
export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  const trailing = p.endsWith('/') && body !== '' ? '/' : '';
  if (absolute) return `/${body}${trailing}`;
  return body === '' ? '.' : `${body}${trailing}`;
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

export function join(...parts: string[]): string {
  const kept = parts.filter((x) => x !== '');
  return kept.length === 0 ? '.' : normalize(kept.join('/'));
}

/** Resolves right to left until a path is absolute; the root `/` stands in for the working directory. */
export function resolve(...parts: string[]): string {
  let acc = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p === '') continue;
    acc = acc === '' ? p : `${p}/${acc}`;
    if (p.startsWith('/')) break;
  }
  const n = normalize(`/${acc}`);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

export function dirname(p: string): string {
  if (p === '') return '.';
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  if (trimmed === '') return '/';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return trimmed.slice(0, i);
}

export function basename(p: string, ext?: string): string {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return ext !== undefined && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

/** The path from `from` to `to`, both resolved against `/` first. */
export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** `p` relative to folder `dir` (both absolute and normalized), or undefined when it is not inside it. */
export function under(p: string, dir: string): string | undefined {
  if (p === dir) return '';
  const d = dir === '/' ? '/' : `${dir}/`;
  return p.startsWith(d) ? p.slice(d.length) : undefined;
}
