// Holds each open document's analysis (one parse per document version) and the settings it was made with.
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { fileUri } from './file-uri';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileKind, lintText, type FileKind, type LintResult } from '../core/index';
import { mergeConfig, readConfigObject, type LayerwiseConfig, type RuleOrigin } from '../core/config';
import { diskFiles } from '../node/runtime';
import { confineContext, loadConfig, repositoryRoot, type TrustNotice } from '../node/config-files';
import { backgroundShellChecker } from '../node/shellcheck';
import { DEFAULT_REGISTRIES } from '../node/online';
import { setDefaultShellChecker } from '../core/shellcheck';
import { plainText } from './convert';
import type { ProjectFiles } from '../core/project';
import type { ShellChecker } from '../core/shellcheck';

/**
 * What only the user may allow, from the client's user-level settings (VS Code: `inspect(…).globalValue`), never
 * from workspace settings or a repository's files: going online, where to, and build contexts outside the workspace.
 */
export interface UserSettings {
  online: boolean;
  allowedRegistries: string[];
  /** Folders outside the workspace a config `context` may point into. */
  contextRoots: string[];
  /** ShellCheck may run (in a trusted workspace); off turns every spawn off. */
  shellcheck: boolean;
}

function readUserSettings(raw: unknown): UserSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  return {
    online: o['online'] === true,
    allowedRegistries: strings(o['allowedRegistries']) ?? [...DEFAULT_REGISTRIES],
    contextRoots: strings(o['contextRoots']) ?? [],
    shellcheck: o['shellcheck'] !== false,
  };
}

export interface Analysis extends LintResult {
  /** Unique per analysis: fixes and rewrites computed from it are offered only while it is the document's current one. */
  id: number;
  uri: string;
  version: number;
  kind: FileKind;
  path?: string;
  /** Files this document's findings depend on (requirements files a Dockerfile installs). */
  dependsOn: Set<string>;
}

type Listener = (uri: string) => void;

let analyses = 0;

export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
  private clientSettings: Partial<LayerwiseConfig> = {};
  private pullSettings = false;
  private settingsProblems: string[] = [];
  /** Workspace trust as the client reported it; nothing is executed (ShellCheck) until it is true. */
  private trusted = false;
  private user: UserSettings = readUserSettings(undefined);
  private workspaceFolders: string[] = [];
  /** Warnings about settings a config file may not make, by the file's URI (published on that file). */
  private readonly configNotices = new Map<string, Map<string, Diagnostic>>();
  /** Config file versions (path, mtime, size, problems) already shown in a warning message. */
  private readonly warnedConfigs = new Set<string>();
  private detectedDefer: RuleOrigin[] = [];
  /** The client found another Dockerfile language server (Docker's extension): its editing features are shown, not ours. */
  private detectedEditing = false;
  private deferAuto = true;
  private readonly configCache = new Map<string, LayerwiseConfig>();
  /** ShellCheck runs in the background; when answers arrive, open Dockerfiles are re-linted from its cache. */
  private readonly shellChecker = backgroundShellChecker(
    () => {
      for (const a of [...this.cache.values()]) {
        if (a.kind !== 'dockerfile') continue;
        this.cache.delete(a.uri);
        this.emit(a.uri);
      }
    },
    { onMissing: () => this.missingListeners.forEach((l) => l()) },
  );
  /** Told once when ShellCheck turns out not to be installed (the server logs it and tells the client). */
  private readonly missingListeners: (() => void)[] = [];
  private readonly listeners: Listener[] = [];
  readonly files: ProjectFiles;
  docsBase: string;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    // Reads inside a workspace folder never follow a symlink out of it (and the user's context roots).
    this.files = diskFiles(
      (path) => {
        // A path no URI can carry (a lone surrogate typed in a `-r` line) is no open document; the disk decides.
        const uri = fileUri(path);
        return uri === undefined ? undefined : this.documents.get(uri)?.getText();
      },
      { roots: () => [...this.workspaceFolders, ...this.user.contextRoots] },
    );
    this.docsBase = `${URI.file(resolve(__dirname, '..', 'docs', 'rules')).toString()}/`;
    // A lint that forgets to say whether ShellCheck may run still spawns nothing unless it may (and never blocks).
    setDefaultShellChecker({ check: (script, shell, vars) => (this.spawnAllowed() ? this.shellChecker.check(script, shell, vars) : []) });
  }

  setWorkspaceRoot(root: string): void {
    this.setWorkspaceFolders([root]);
  }

  /** The workspace folders (URIs): a build context may not lie outside them unless the user's `contextRoots` say so. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.map((u) => URI.parse(u)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
    this.invalidateAll();
  }

  /** ShellCheck (the only process the server starts) runs only in a trusted workspace and when the user did not turn it off. */
  spawnAllowed(): boolean {
    return this.trusted && this.user.shellcheck;
  }

  /** Online look-ups: only in a trusted workspace, only when the user turned them on, only to the registries they allowed. */
  onlineSettings(): { online: boolean; allowedRegistries: readonly string[] } {
    return { online: this.trusted && this.user.online, allowedRegistries: this.user.allowedRegistries };
  }

  /** The user-level settings changed (`layerwise/didChangeUserSettings`). */
  setUserSettings(raw: unknown): void {
    this.user = readUserSettings(raw);
    this.invalidateAll();
  }

  /** Options every lint of this server passes: ShellCheck only when allowed, through the background runner. */
  lintOptions(): { shellcheck: boolean; shellChecker: ShellChecker } {
    return { shellcheck: this.spawnAllowed(), shellChecker: this.shellChecker };
  }

  setInitialSettings(options: unknown, pull: boolean): void {
    this.pullSettings = pull;
    const layerwise = (options as Record<string, unknown> | undefined)?.['layerwise'] ?? options;
    this.trusted = (layerwise as Record<string, unknown> | undefined)?.['trusted'] === true;
    this.user = readUserSettings((layerwise as Record<string, unknown> | undefined)?.['user']);
    this.detectedDefer = originsOf((layerwise as Record<string, unknown> | undefined)?.['detectedTools']);
    this.detectedEditing = editingOf((layerwise as Record<string, unknown> | undefined)?.['detectedTools']);
    this.applySettings(layerwise);
  }

  /** The client found (or lost) extensions that already show some rules (Docker's: BuildKit checks; hadolint's: DL codes). */
  setDetectedTools(origins: unknown): void {
    this.detectedDefer = originsOf(origins);
    this.detectedEditing = editingOf(origins);
    this.invalidateAll();
  }

  /** Completion, hover docs and formatting are left to another Dockerfile language server (sizes stay ours). */
  editingDeferred(): boolean {
    return this.deferAuto && this.detectedEditing;
  }

  private invalidateAll(): void {
    this.cache.clear();
    this.configCache.clear();
    for (const uri of this.configNotices.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.configNotices.clear();
    for (const doc of this.documents.all()) this.emit(doc.uri);
  }

  /** The client granted (or withdrew) workspace trust: re-lint so ShellCheck findings appear or go. */
  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.invalidateAll();
  }

  private applySettings(raw: unknown): void {
    const r = readConfigObject(raw ?? {});
    // Settings pulled from the client merge user, workspace and folder values: `online` is taken only from `user`.
    delete r.config.online;
    this.clientSettings = r.config;
    this.deferAuto = (raw as Record<string, unknown> | undefined)?.['deferAuto'] !== false;
    this.configCache.clear();
    this.settingsProblems = r.problems;
    for (const p of r.problems) this.connection.console.warn(`layerwise settings: ${p}`);
  }

  /** Called when settings change: re-read them and re-lint everything open. */
  settingsChanged(pushed: unknown): void {
    const done = (raw: unknown): void => {
      this.applySettings(raw);
      this.cache.clear();
      for (const doc of this.documents.all()) this.emit(doc.uri);
    };
    if (this.pullSettings) {
      void this.connection.workspace.getConfiguration('layerwise').then(done, () => done(undefined));
    } else done(pushed);
  }

  async refreshSettingsFromClient(): Promise<void> {
    if (!this.pullSettings) return;
    try {
      this.applySettings(await this.connection.workspace.getConfiguration('layerwise'));
    } catch {
      /* the client may not answer during shutdown */
    }
  }

  onShellCheckMissing(l: () => void): void {
    this.missingListeners.push(l);
  }

  onInvalidate(l: Listener): void {
    this.listeners.push(l);
  }

  private emit(uri: string): void {
    for (const l of this.listeners) l(uri);
  }

  /** Files changed on disk (or in another editor): re-lint documents that read them. */
  filesChanged(uris: string[]): void {
    const paths = new Set(uris.map((u) => URI.parse(u).fsPath));
    if ([...paths].some((p) => CONFIG_FILES.test(p))) {
      this.invalidateAll();
      return;
    }
    for (const a of this.cache.values()) {
      if ([...a.dependsOn].some((d) => paths.has(d))) {
        this.cache.delete(a.uri);
        this.emit(a.uri);
      }
    }
  }

  /** A document changed: dependants (Dockerfiles installing this requirements file) go stale too. */
  documentChanged(uri: string): void {
    this.cache.delete(uri);
    const path = URI.parse(uri).fsPath;
    for (const a of [...this.cache.values()]) {
      if (a.dependsOn.has(path)) {
        this.cache.delete(a.uri);
        this.emit(a.uri);
      }
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Configuration for a file: its project config files (cached per folder until one changes), then editor settings. */
  configFor(path: string | undefined): LayerwiseConfig {
    const dir = path ? dirname(path) : process.cwd();
    let config = this.configCache.get(dir);
    if (!config) {
      const roots = [...(this.workspaceFolders.length ? this.workspaceFolders : [repositoryRoot(dir)]), ...this.user.contextRoots];
      const loaded = loadConfig(dir, undefined, undefined, {}, { roots });
      for (const n of loaded.ignored) this.notice(n);
      this.configProblems(loaded.sources, loaded.problems);
      const confined = confineContext(mergeConfig(loaded.config, this.clientSettings), dir, roots);
      if (confined.refused) this.connection.console.warn(`layerwise settings: ignored context ${confined.refused}: outside the workspace (add it to the user setting layerwise.contextRoots to allow it)`);
      config = { ...confined.config, online: this.onlineSettings().online };
      if (this.deferAuto && this.detectedDefer.length) config = mergeConfig(config, { defer: this.detectedDefer });
      this.configCache.set(dir, config);
    }
    return config;
  }

  /** Publishes a warning on the config file that asked for something only the user may allow. */
  private notice(n: TrustNotice): void {
    const uri = URI.file(n.file).toString();
    const message =
      n.key === 'online'
        ? 'ignored: `online` can only be turned on in user settings (`layerwise.online`), not in a workspace file'
        : `ignored: \`context\` points outside the workspace (${n.resolved ?? ''}); the Dockerfile's folder is used. Add the folder to the user setting \`layerwise.contextRoots\` to allow it`;
    const range = { start: { line: n.line, character: 0 }, end: { line: n.line + 1, character: 0 } };
    let byKey = this.configNotices.get(uri);
    if (!byKey) this.configNotices.set(uri, (byKey = new Map()));
    const key = `${n.key}:${n.line}`;
    if (byKey.has(key)) return;
    byKey.set(key, { range, severity: DiagnosticSeverity.Warning, source: 'layerwise', code: 'trust', message: plainText(message) });
    void this.connection.sendDiagnostics({ uri, diagnostics: [...byKey.values()] });
  }

  /**
   * A config file that cannot be read or has wrong values: a diagnostic on it (joining the trust notices), and
   * a warning message once per file version when it is not open (a folder or an unopened file shows nowhere
   * else). The documents below it are still linted with what was valid.
   */
  private configProblems(sources: readonly string[], problems: readonly string[]): void {
    for (const file of sources) {
      const mine = problems.filter((p) => p.startsWith(`${file}: `)).map((p) => p.slice(file.length + 2));
      if (!mine.length) continue;
      const uri = URI.file(file).toString();
      let byKey = this.configNotices.get(uri);
      if (!byKey) this.configNotices.set(uri, (byKey = new Map()));
      for (const message of mine) {
        const line = Math.max(Number(/\(line (\d+)\)$/.exec(message)?.[1] ?? 1) - 1, 0);
        byKey.set(`problem:${message}`, { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, severity: DiagnosticSeverity.Warning, source: 'layerwise', code: 'config', message: plainText(message) });
      }
      void this.connection.sendDiagnostics({ uri, diagnostics: [...byKey.values()] });
      if (this.documents.get(uri)) continue;
      const version = `${file}@${fileVersion(file)}:${mine.join('\n')}`;
      if (this.warnedConfigs.has(version)) continue;
      this.warnedConfigs.add(version);
      // A notification (window/showMessage), not showWarningMessage's request: nothing to answer, nothing to reject.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Layerwise: ${file}: ${mine.join('; ')} (the rest of the configuration is used)` });
    }
  }

  kindOf(doc: TextDocument): FileKind | undefined {
    if (doc.languageId === 'dockerfile') return 'dockerfile';
    if (doc.languageId === 'pip-requirements') return 'requirements';
    const uri = URI.parse(doc.uri);
    return fileKind(uri.path);
  }

  /** The analysis of a document's current version; parses at most once per version. */
  get(doc: TextDocument): Analysis | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    const uri = URI.parse(doc.uri);
    const path = uri.scheme === 'file' ? uri.fsPath : undefined;
    const config = this.configFor(path);
    const result = lintText(doc.getText(), { kind, config, files: this.files, ...(path ? { path } : {}), docsBase: this.docsBase, ...this.lintOptions() });
    const analysis: Analysis = { ...result, id: ++analyses, uri: doc.uri, version: doc.version, kind, dependsOn: dependenciesOf(result, path) };
    if (path !== undefined) analysis.path = path;
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  get problems(): string[] {
    return this.settingsProblems;
  }
}

/** A disk file's version for "warn once": its modification time and size (a folder has one too). */
function fileVersion(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}

const CONFIG_FILES = /(^|[\\/])(\.layerwise\.toml|pyproject\.toml|\.hadolint\.ya?ml|hadolint\.ya?ml)$/;

function editingOf(v: unknown): boolean {
  return Array.isArray(v) && v.includes('editing');
}

function originsOf(v: unknown): RuleOrigin[] {
  return Array.isArray(v) ? v.filter((x): x is RuleOrigin => x === 'buildkit' || x === 'hadolint' || x === 'layerwise') : [];
}

/**
 * Files a document's findings read: for a Dockerfile the requirements files its pip commands install (traced
 * through COPY into the build context, includes of includes too) and `.dockerignore`; for a requirements file its
 * includes and the Dockerfiles near it. The core computes them (LintResult.dependencies).
 */
function dependenciesOf(result: LintResult, path: string | undefined): Set<string> {
  const deps = new Set<string>((result.dependencies ?? []).map((p) => resolve(p)));
  if (result.model && path) deps.add(resolve(dirname(path), '.dockerignore'));
  return deps;
}
