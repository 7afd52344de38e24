// Which ignore file a build reads: BuildKit's `<Dockerfile>.dockerignore` beside the Dockerfile, else the context's `.dockerignore`.
import { joinPath } from '../project';

/**
 * The ignore file that applies to building `dockerfilePath` with `contextRoot` as its context, or undefined when
 * there is none. BuildKit (and `docker build` since 23.0) prefers an ignore file named after the Dockerfile in the
 * Dockerfile's own folder (`app.Dockerfile` → `app.Dockerfile.dockerignore`, `Dockerfile` →
 * `Dockerfile.dockerignore`) and falls back to `.dockerignore` at the context root; never both.
 * `exists` is asked about at most two paths, so callers can pass a cached or in-memory lookup.
 */
export function applicableIgnoreFile(dockerfilePath: string, contextRoot: string, exists: (p: string) => boolean): string | undefined {
  // Appending keeps the Dockerfile's own folder and separators: the file sits beside it, whatever the context is.
  const own = dockerfilePath ? `${dockerfilePath}.dockerignore` : undefined;
  if (own && exists(own)) return own;
  const root = joinPath(contextRoot, '.dockerignore');
  return exists(root) ? root : undefined;
}
