// Size estimates per open Dockerfile version, shared by hover and CodeLens; online facts only when the setting is on.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analyzer } from './analyzer';
import { estimateImage } from '../core/estimate/estimate';
import type { ImageEstimate } from '../core/estimate/types';
import { BackgroundContextSizer } from '../node/context-size';
import { onlineFactsFor, type OnlineLookup } from '../node/online';

/**
 * One background walk of each build context for hovers, CodeLens and the assists' predicted savings: a request
 * never waits for it, it answers "not measured" until the walk is done.
 */
export const contextSizer = new BackgroundContextSizer();

export class Estimates {
  private readonly cache = new Map<string, { version: number; estimate: ImageEstimate }>();
  private readonly context = contextSizer;
  private online: OnlineLookup | undefined;
  /** The online settings the look-up was made for (on, registries); a change makes a new one. */
  private onlineKey = JSON.stringify({ online: false });

  constructor(
    private readonly analyzer: Analyzer,
    /** Called when background look-ups brought new facts: hovers and CodeLens should be asked again. */
    private readonly refresh: () => void,
  ) {
    analyzer.onInvalidate((uri) => this.cache.delete(uri));
    // A walk finished with a different listing: estimates made before it said "not measured" or are out of date.
    this.context.onWalked(() => {
      this.cache.clear();
      this.refresh();
    });
  }

  /** Files changed on disk (`didChangeWatchedFiles` URIs): the build contexts holding them are walked again. */
  filesChanged(uris: readonly string[]): void {
    this.context.filesChanged(uris.map((u) => URI.parse(u).fsPath));
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The estimate of the document's current version (computed at most once per version). */
  get(doc: TextDocument): ImageEstimate | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.estimate;
    const analysis = this.analyzer.get(doc);
    if (!analysis?.model) return undefined;
    const config = this.analyzer.configFor(analysis.path);
    // Online only as the user allowed it (trusted workspace, user setting, allowed registries), never from config files.
    const allowed = this.analyzer.onlineSettings();
    const key = JSON.stringify(allowed.online ? allowed : { online: false });
    if (key !== this.onlineKey) {
      this.onlineKey = key;
      this.online = onlineFactsFor(allowed, {
        allowedRegistries: allowed.allowedRegistries,
        onUpdate: () => {
          this.cache.clear();
          this.refresh();
        },
      });
    }
    const estimate = estimateImage(analysis.model, {
      files: this.analyzer.files,
      ...(analysis.path ? { dockerfilePath: analysis.path } : {}),
      // The build context, build args and platform the rules see.
      config,
      context: this.context.forDockerfile(analysis.path),
      ...(this.online ? { external: this.online } : {}),
    });
    this.cache.set(doc.uri, { version: doc.version, estimate });
    return estimate;
  }
}
