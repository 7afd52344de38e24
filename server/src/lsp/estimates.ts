// Size estimates per open Dockerfile version, shared by hover and CodeLens; online facts only when the setting is on.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import type { Analyzer } from './analyzer';
import { estimateImage } from '../core/estimate/estimate';
import type { ImageEstimate } from '../core/estimate/types';
import { diskContextSizer } from '../node/context-size';
import { onlineFactsFor, type OnlineLookup } from '../node/online';

/** One walk of each build context (cached a few seconds) for hovers, CodeLens and the assists' predicted savings. */
export const contextSizer = diskContextSizer({ maxMillis: 800 });

export class Estimates {
  private readonly cache = new Map<string, { version: number; estimate: ImageEstimate }>();
  private readonly context = contextSizer;
  private online: OnlineLookup | undefined;
  private onlineWanted = false;

  constructor(
    private readonly analyzer: Analyzer,
    /** Called when background look-ups brought new facts: hovers and CodeLens should be asked again. */
    private readonly refresh: () => void,
  ) {
    analyzer.onInvalidate((uri) => this.cache.delete(uri));
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
    if (config.online !== this.onlineWanted) {
      this.onlineWanted = config.online;
      this.online = onlineFactsFor(config, {
        onUpdate: () => {
          this.cache.clear();
          this.refresh();
        },
      });
    }
    const estimate = estimateImage(analysis.model, {
      files: this.analyzer.files,
      ...(analysis.path ? { dockerfilePath: analysis.path, contextDir: dirname(analysis.path) } : {}),
      context: this.context,
      ...(this.online ? { external: this.online } : {}),
    });
    this.cache.set(doc.uri, { version: doc.version, estimate });
    return estimate;
  }
}
