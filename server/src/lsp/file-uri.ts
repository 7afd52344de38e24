// `file:` URIs for project paths, or nothing for a path no URI can carry (a lone UTF-16 surrogate typed into an open document).
import { URI } from 'vscode-uri';

/**
 * The `file:` URI of a path, or undefined when it cannot be encoded: `encodeURIComponent` (inside vscode-uri)
 * throws "URI malformed" on a lone surrogate, which an editor buffer can hold (`-r "req\ud800.txt"`) though no
 * file on disk can be named so. Callers skip what they would have built (a link, a related location, a lookup).
 */
export function fileUri(path: string): string | undefined {
  try {
    return URI.file(path).toString();
  } catch {
    return undefined;
  }
}
