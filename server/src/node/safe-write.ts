// Reads a text file as bytes and writes it back atomically, in place and never through a symlink, keeping its encoding and line endings.
import { isUtf8 } from 'node:buffer';
import { chmodSync, chownSync, closeSync, fstatSync, lstatSync, openSync, readlinkSync, readSync, renameSync, unlinkSync, writeFileSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Files larger than this are not linted: nothing a Dockerfile or requirements file needs is that big. */
export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;

/** How a file's text was stored, so that writing it back changes only what an edit changed. */
export interface TextFormat {
  /** `utf8` when the bytes are valid UTF-8 (a BOM stays in the text as U+FEFF); otherwise each byte is one `latin1` character. */
  encoding: 'utf8' | 'latin1';
  /** `crlf` when every line break is CRLF; `lf` otherwise (mixed files are written back as the text says). */
  eol: 'lf' | 'crlf';
}

/** `skip`: the file is readable but no text to lint (binary, over the size limit); `unreadable`: missing, a folder, a FIFO, no permission. */
export type ReadResult = { ok: true; text: string; format: TextFormat } | { ok: false; why: 'skip' | 'unreadable'; reason: string };

/** Decodes bytes the way {@link encodeText} encodes them back: UTF-8 when valid, else Latin-1 (one character per byte, lossless). */
export function decodeText(bytes: Buffer): { text: string; format: TextFormat } {
  const encoding = isUtf8(bytes) ? 'utf8' : 'latin1';
  const text = bytes.toString(encoding);
  return { text, format: { encoding, eol: eolOf(text) } };
}

/** `crlf` when the text has line breaks and all of them are CRLF. */
export function eolOf(text: string): 'lf' | 'crlf' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf === lf ? 'crlf' : 'lf';
}

/**
 * The bytes for a text in a file's format. Line breaks the core added as LF become CRLF in a CRLF file; a
 * Latin-1 file stays Latin-1 (undefined when the text holds a character Latin-1 cannot store).
 */
export function encodeText(text: string, format: TextFormat): Buffer | undefined {
  const out = format.eol === 'crlf' ? text.replace(/\r?\n/g, '\r\n') : text;
  if (format.encoding === 'latin1') {
    // eslint-disable-next-line no-control-regex
    if (/[^\u0000-\u00ff]/.test(out)) return undefined;
    return Buffer.from(out, 'latin1');
  }
  return Buffer.from(out, 'utf8');
}

/**
 * Reads a regular file for linting: refused without reading it whole when it is larger than
 * {@link MAX_TEXT_FILE_BYTES}, and when it holds NUL bytes (a binary file). A FIFO or device is refused
 * without opening it for reading, so nothing blocks.
 */
export function readTextFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, why: 'unreadable', reason: errorReason(err) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, why: 'unreadable', reason: 'is a folder' };
    if (!st.isFile()) return { ok: false, why: 'unreadable', reason: 'not a regular file' };
    if (st.size > MAX_TEXT_FILE_BYTES) return { ok: false, why: 'skip', reason: `larger than 5 MB (${(st.size / 1024 / 1024).toFixed(1)} MB)` };
    const bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    const data = bytes.subarray(0, got);
    if (data.includes(0)) return { ok: false, why: 'skip', reason: 'binary file (contains NUL bytes)' };
    return { ok: true, ...decodeText(data) };
  } catch (err) {
    return { ok: false, why: 'unreadable', reason: errorReason(err) };
  } finally {
    closeSync(fd);
  }
}

/** A write that was not made; the message names the file and the reason. */
export class RefusedWrite extends Error {}

/**
 * Checks that `path` may be replaced: it is missing or a regular file, never a symlink (even a dangling one),
 * so that a fix writes the file it was given and nothing the link points at.
 */
export function checkWritable(path: string): void {
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new RefusedWrite(`not writing ${path}: ${errorReason(err)}`);
  }
  if (st.isSymbolicLink()) {
    let target = '';
    try {
      target = ` (to ${readlinkSync(path)})`;
    } catch {
      /* the link vanished: still refused */
    }
    throw new RefusedWrite(`not writing ${path}: it is a symbolic link${target}; fix the file it points to directly`);
  }
  if (!st.isFile()) throw new RefusedWrite(`not writing ${path}: not a regular file`);
}

/**
 * Replaces (or creates) `path` with `text` atomically: the bytes go to a new file in the same folder, which is
 * then renamed over the path. Renaming replaces the directory entry itself, so even a symlink swapped in after
 * {@link checkWritable} is replaced, not followed. The original's mode (and owner, where allowed) is kept.
 */
export function writeTextFileAtomic(path: string, text: string, format: TextFormat): void {
  checkWritable(path);
  const bytes = encodeText(text, format);
  if (!bytes) throw new RefusedWrite(`not writing ${path}: the fixed text has characters the file's Latin-1 encoding cannot store`);
  let mode = 0o666;
  let owner: { uid: number; gid: number } | undefined;
  let existed = false;
  try {
    const st = lstatSync(path);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
    existed = true;
  } catch {
    /* a new file */
  }
  const tmp = join(dirname(path), `.${basename(path)}.layerwise-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    // `wx`: fails rather than follow anything already at the temporary name.
    writeFileSync(tmp, bytes, { flag: 'wx', mode });
    // The umask narrowed the mode on creation; the replaced file's own mode is what it keeps.
    if (existed) chmodSync(tmp, mode);
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        chownSync(tmp, owner.uid, owner.gid);
      } catch {
        /* keep root's ownership rather than fail the fix */
      }
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    if (err instanceof RefusedWrite) throw err;
    throw new RefusedWrite(`cannot write ${path}: ${errorReason(err)}`);
  }
}

function errorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? (err as Error).message;
}
