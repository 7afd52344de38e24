// The semantic layer: what each instruction and stage of a Dockerfile means, computed once per model in one pass.
//
// Every feature asks this layer — never walks stages itself — for the environment an instruction sees (ARG scoped
// as Docker scopes it, ENV, build args), its WORKDIR, USER, SHELL and platform; a stage's lineage, base and Python
// interpreter; and the paths each instruction reads and writes from the commands' known meaning. A command whose
// meaning is not known is an "unknown effect": consumers treat it as "cannot tell" and report nothing about the
// paths it may have made.
import type { DockerfileModel, Instruction, Stage } from './dockerfile';
import type { CommandInfo, Token } from './commands';
import { basename as baseName } from './commands';
import type { ImageFacts, Libc } from './image';
import * as posix from '../path';
import { DEBIAN_PYTHON, GLIBC, UBUNTU_PYTHON, externallyManaged } from '../data/distro-python';

export interface SemanticOptions {
  /** `--build-arg` values (config `build-args`): they override ARG defaults, globally and in stages. */
  buildArgs?: Readonly<Record<string, string>>;
  /** Target platform when a FROM has no `--platform` (`docker build --platform`; default `linux/amd64`). */
  platform?: string;
}

export interface Platform {
  /** `linux/amd64`, `linux/arm64`, `linux/arm/v7`. */
  text: string;
  os: string;
  /** Docker's architecture name: `amd64`, `arm64`, `arm`, `386`, `ppc64le`, `s390x`. */
  arch: string;
  variant?: string;
  /** The machine name wheels are tagged with: `x86_64`, `aarch64`, … */
  machine: string;
  /** Written on the FROM (or inherited from a stage whose FROM has it), not the default. */
  explicit: boolean;
  /** The `--platform` value had a variable that could not be resolved: `text` is the default. */
  unresolved?: boolean;
}

export interface InstructionFacts {
  /** Variables the instruction sees: ARGs in scope (with build-arg overrides), then ENV; values substituted. */
  env: ReadonlyMap<string, string>;
  /** Names in `env` that are build arguments (ARG), which do not persist into the image or child stages. */
  argNames: ReadonlySet<string>;
  /** WORKDIR in effect when the instruction runs (for a WORKDIR line: the one before it); undefined when a variable made it unknown. */
  workdir: string | undefined;
  /** A WORKDIR line of this file set `workdir` (otherwise it is `/`, unless the base image sets a WORKDIR). */
  workdirSet: boolean;
  /** USER in effect, as written (`app`, `1000:1000`); `root` when no USER line in the lineage set one. */
  user: string;
  /** A USER line of this file set `user` (otherwise the base image's default user applies). */
  userSet: boolean;
  /** SHELL in effect for shell-form commands. */
  shell: readonly string[];
  platform: Platform;
}

export interface Interpreter {
  /** `/usr/local/bin/python3` in python images, `/usr/bin/python3` from the distribution. */
  path: string;
  /** Major.minor, when known. */
  version?: string;
  libc: Libc;
  glibcVersion?: string;
  machine: string;
  /** Where pip installs for this interpreter outside a venv. */
  sitePackages?: string;
  /** From the distribution's packages (apt `python3`), not a python image. */
  distro: boolean;
  /** PEP 668: `pip install` outside a venv fails without `--break-system-packages`. */
  externallyManaged: boolean;
  /** How the version is known, in words a user understands. */
  basis: string;
}

export interface PathEffect {
  path: string;
  /** What wrote or read it: `COPY`, `WORKDIR`, `mkdir`, `pip install --prefix`, `python -m venv`, … */
  how: string;
  /** A folder whose content is written (not a single file). */
  tree?: boolean;
}

export interface Effects {
  /** Paths in the image the instruction reads. */
  reads: PathEffect[];
  /** Paths in the image it creates or changes. */
  writes: PathEffect[];
  /** Paths it removes. */
  removes: PathEffect[];
  /** Build-context paths (relative, normalized) it copies or mounts. */
  contextReads: string[];
  /** Some part of it has an effect the model does not know (a script, `curl | sh`, a variable command): it may have written anything. */
  unknown: boolean;
  /** What made it unknown, for explanations. */
  unknownWhy: string[];
}

export type PythonEnvKind = 'venv' | 'prefix' | 'target' | 'user' | 'system';

export interface PythonEnv {
  /** Absolute path of the environment's root. */
  root: string;
  kind: PythonEnvKind;
  /** Where console scripts of packages installed there go. */
  bin?: string;
  /** Where the packages go, when the interpreter version is known. */
  sitePackages?: string;
  /** The instruction that created it or first installed into it. */
  instr: Instruction;
  stage: Stage;
  /** For a venv that arrived by `COPY --from`: the environment it was copied from. */
  copiedFrom?: PythonEnv;
}

export interface PipCache {
  /** The cache folder (`~/.cache/pip`, `PIP_CACHE_DIR`, uv's `~/.cache/uv`, poetry's `~/.cache/pypoetry`, pipenv's `~/.cache/pipenv`, conda's `<root>/pkgs`). */
  dir: string;
  /** The cache stays in the layer. */
  kept: boolean;
  /** Why it is not kept: `--no-cache-dir`, `PIP_NO_CACHE_DIR`, a cache or tmpfs mount, a removal later in the same RUN, … */
  disabledBy?: string;
}

export interface PythonInstall {
  instr: Instruction;
  command: CommandInfo;
  tool: 'pip' | 'uv' | 'poetry' | 'pipenv' | 'pdm' | 'conda';
  sub: string;
  /** Where the packages go; undefined when it cannot be told. */
  env?: PythonEnv;
  /** The variables the command sees: the instruction's, `export`s earlier in the RUN, its own `VAR=value` prefix. */
  commandEnv: ReadonlyMap<string, string>;
  /** The working directory of the command (WORKDIR, then `cd` earlier in the same RUN). */
  cwd: string | undefined;
  cache?: PipCache;
}

export interface StageFacts {
  stage: Stage;
  /** The stage, then the stages it is built `FROM` inside this file, nearest first. */
  lineage: readonly Stage[];
  /** The oldest stage of the lineage (whose FROM names an image). */
  root: Stage;
  /** Facts of the image the lineage starts from. */
  image: ImageFacts;
  platform: Platform;
  /** The Python the stage's `python`/`pip` run, when one is known to be there. */
  python?: Interpreter;
  /** Python environments created or installed into, in the lineage, oldest first. */
  envs: readonly PythonEnv[];
  installs: readonly PythonInstall[];
  /** State at the end of the stage, which `FROM <stage>` children inherit. */
  end: {
    /** ENV at the end of the stage: what the image keeps. */
    env: ReadonlyMap<string, string>;
    /** Every variable in scope at the end (ARGs too): BuildKit hands a stage's ARGs to its `FROM <stage>` children. */
    vars: ReadonlyMap<string, string>;
    argNames: ReadonlySet<string>;
    workdir: string | undefined;
    workdirSet: boolean;
    user: string;
    userSet: boolean;
    shell: readonly string[];
  };
}

export interface Semantics {
  model: DockerfileModel;
  options: SemanticOptions;
  /** Values of the ARGs before the first FROM (with build args), as FROM lines see them. */
  globalArgs: ReadonlyMap<string, string>;
  instr(instr: Instruction): InstructionFacts;
  stage(stage: Stage | number): StageFacts;
  effects(instr: Instruction): Effects;
  /** Substitutes the variables an instruction sees into a value; unknown ones stay as written. */
  expand(instr: Instruction, value: string): string;
  /** An absolute, normalized path for a path argument of an instruction, or undefined when a variable or the WORKDIR is unknown. */
  path(instr: Instruction, value: string, cwd?: string): string | undefined;
  /** Variables one command of a RUN sees (adds `export X=…` earlier in the RUN and the command's `X=… cmd` prefix). */
  commandEnv(instr: Instruction, command: CommandInfo): ReadonlyMap<string, string>;
  /** Working directory of one command of a RUN: WORKDIR, then `cd DIR` earlier in the same RUN. */
  commandDir(instr: Instruction, command: CommandInfo): string | undefined;
  /** The Python install a command is, when it is one. */
  install(instr: Instruction, command: CommandInfo): PythonInstall | undefined;
  /** A command that creates a virtual environment (`python -m venv`, `virtualenv`, `uv venv`), with its path when known. */
  venvCreation(instr: Instruction, command: CommandInfo): { path?: string } | undefined;
  /**
   * Whether something in the stage's lineage made `path` (or something below it): `yes` when a known effect wrote
   * it, `unknown` when an unknown effect or the base image may have, `no` only when the model proves nothing did.
   */
  created(stage: Stage, path: string, before?: Instruction): 'yes' | 'no' | 'unknown';
}

const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];
/** Where distribution packages put files (the Filesystem Hierarchy Standard's system folders). */
const PACKAGE_DIRS: readonly string[] = ['/usr', '/etc', '/var', '/lib', '/lib64', '/bin', '/sbin', '/opt'];
/** Folders a Linux base image already has: a path inside them may come from the base itself. */
const BASE_DIRS: readonly string[] = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32', '/var', '/root', '/home', '/tmp', '/srv', '/run', '/dev', '/proc', '/sys', '/mnt', '/media', '/boot'];
/** Image families whose file-system layout is known: only the system folders come from the base. */
const KNOWN_LAYOUT: ReadonlySet<string> = new Set(['python', 'debian', 'ubuntu', 'alpine']);
const WINDOWS_SHELL: readonly string[] = ['cmd', '/S', '/C'];
/** poetry's and pipenv's own download caches: the variable that moves one, the one that turns it off, the default folder under HOME. */
const CACHES = {
  poetry: { dir: 'POETRY_CACHE_DIR', off: 'POETRY_NO_CACHE', folder: '.cache/pypoetry' },
  pipenv: { dir: 'PIPENV_CACHE_DIR', off: 'PIPENV_NOCACHE', folder: '.cache/pipenv' },
} as const;
const MACHINE: Record<string, string> = { amd64: 'x86_64', arm64: 'aarch64', arm: 'armv7l', '386': 'i686', ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386' };
/** Operating systems a platform string may name (Go's GOOS values that images are built for). */
export const KNOWN_OS: ReadonlySet<string> = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'plan9', 'js', 'wasip1']);

/** Parses a platform string (`linux/arm64/v8`, `arm64`, `x86_64`) the way Docker normalises it. */
export function parsePlatform(text: string, explicit: boolean): Platform {
  const parts = text.trim().toLowerCase().split('/');
  let os = 'linux';
  let archRaw: string;
  let variant: string | undefined;
  // A lone word is an architecture (`arm64`), or an OS (`windows`) on the default architecture, as containerd reads it.
  if (parts.length === 1 && KNOWN_OS.has(parts[0]!)) {
    os = parts[0]!;
    archRaw = 'amd64';
  } else if (parts.length === 1) archRaw = parts[0]!;
  else {
    os = parts[0]!;
    archRaw = parts[1] ?? 'amd64';
    variant = parts[2];
  }
  const arch = ARCH_ALIASES[archRaw] ?? archRaw;
  if (arch === 'arm64' && variant === 'v8') variant = undefined;
  const p: Platform = { text: `${os}/${arch}${variant ? `/${variant}` : ''}`, os, arch, machine: MACHINE[arch] ?? arch, explicit };
  if (variant) p.variant = variant;
  return p;
}

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`; unknown ones stay as written. */
export function substituteVars(value: string, vars: ReadonlyMap<string, string>): string {
  if (!value.includes('$')) return value;
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced, op, word, bare) => {
    const name = (braced ?? bare) as string;
    const v = vars.get(name);
    if (op === ':-' || op === '-') return v !== undefined && (op === '-' || v !== '') ? v : (word as string);
    if (op === ':+' || op === '+') return v !== undefined && (op === '+' || v !== '') ? (word as string) : '';
    return v !== undefined ? v : whole;
  });
}

/** True for the values pip and uv read as "on" (`1`, `true`, `yes`, `on`, any other non-empty value). */
export function truthyEnv(v: string | undefined): boolean {
  return v !== undefined && !/^(0|false|no|off|)$/i.test(v.trim());
}

const cache = new WeakMap<DockerfileModel, Map<string, Semantics>>();

/** The options a configuration implies (build args, platform). */
export function semanticOptions(config: { buildArgs?: Record<string, string>; platform?: string } | undefined): SemanticOptions {
  const o: SemanticOptions = {};
  if (config?.buildArgs) o.buildArgs = config.buildArgs;
  if (config?.platform) o.platform = config.platform;
  return o;
}

/** The semantic layer for a rule or feature context (`model` plus its configuration). */
export function semanticsFor(ctx: { model: DockerfileModel; config?: { buildArgs?: Record<string, string>; platform?: string } }): Semantics {
  return semanticsOf(ctx.model, semanticOptions(ctx.config));
}

/** The semantic layer of a model (built once per model and options; every consumer shares it). */
export function semanticsOf(model: DockerfileModel, options: SemanticOptions = {}): Semantics {
  const key = JSON.stringify([options.buildArgs ?? {}, options.platform ?? '']);
  let byKey = cache.get(model);
  if (!byKey) {
    byKey = new Map();
    cache.set(model, byKey);
  }
  let s = byKey.get(key);
  if (!s) {
    s = build(model, options);
    byKey.set(key, s);
  }
  return s;
}

interface Running {
  env: Map<string, string>;
  argNames: Set<string>;
  persisted: Map<string, string>;
  workdir: string | undefined;
  workdirSet: boolean;
  user: string;
  userSet: boolean;
  shell: readonly string[];
}

function build(model: DockerfileModel, options: SemanticOptions): Semantics {
  const buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
  const defaultPlatform = parsePlatform(options.platform ?? 'linux/amd64', false);
  const predefined = platformArgs(defaultPlatform, 'TARGET');
  for (const [k, v] of platformArgs(defaultPlatform, 'BUILD')) predefined.set(k, v);

  // Global ARGs: what FROM lines see, and the defaults a stage's `ARG NAME` re-declaration takes.
  const globalArgs = new Map<string, string>(predefined);
  const globalDeclared = new Map<string, string>();
  const facts = new Map<Instruction, InstructionFacts>();
  // ENV before the first FROM is not valid Docker, but hadolint (and a reader) take it as set for the lines below it.
  const preEnv = new Map<string, string>();
  const preFacts = (): InstructionFacts => ({ env: new Map([...globalArgs, ...preEnv]), argNames: new Set(globalArgs.keys()), workdir: '/', workdirSet: false, user: 'root', userSet: false, shell: DEFAULT_SHELL, platform: defaultPlatform });
  for (const instr of model.instructions) {
    if (instr.stage >= 0 || instr.keyword === 'FROM') break;
    facts.set(instr, preFacts());
    for (const kv of instr.env ?? []) preEnv.set(kv.key, substituteVars(kv.value, new Map([...globalArgs, ...preEnv])));
    for (const a of instr.argDecls ?? []) {
      const v = buildArgs.get(a.key) ?? (a.valueRange ? substituteVars(a.value, globalArgs) : undefined);
      if (v !== undefined) {
        globalArgs.set(a.key, v);
        globalDeclared.set(a.key, v);
      }
    }
  }

  const stageFacts: StageFacts[] = [];
  for (const stage of model.stages) {
    const parent = stage.from.stage !== undefined ? stageFacts[stage.from.stage] : undefined;
    const lineage = parent ? [stage, ...parent.lineage] : [stage];
    const root = lineage[lineage.length - 1]!;
    const platform = parent ? parent.platform : fromPlatform(stage, globalArgs, defaultPlatform);
    const image = root.from.facts;
    const windows = image.os?.distro === 'windows';
    const run: Running = parent
      ? { env: new Map(parent.end.vars), argNames: new Set(parent.end.argNames), persisted: new Map(parent.end.env), workdir: parent.end.workdir, workdirSet: parent.end.workdirSet, user: parent.end.user, userSet: parent.end.userSet, shell: parent.end.shell }
      : { env: new Map(), argNames: new Set(), persisted: new Map(), workdir: '/', workdirSet: false, user: 'root', userSet: false, shell: windows ? WINDOWS_SHELL : DEFAULT_SHELL };
    let snapshot: InstructionFacts | undefined;
    const snap = (): InstructionFacts => {
      snapshot ??= { env: run.env, argNames: run.argNames, workdir: run.workdir, workdirSet: run.workdirSet, user: run.user, userSet: run.userSet, shell: run.shell, platform };
      return snapshot;
    };
    // Maps are replaced, not mutated, once a snapshot shares them: unchanged instructions share one object.
    const changed = (): void => {
      if (snapshot) {
        run.env = new Map(run.env);
        run.argNames = new Set(run.argNames);
      }
      snapshot = undefined;
    };
    for (const instr of stage.instructions) {
      facts.set(instr, snap());
      if (instr.trigger) facts.set(instr.trigger, snap());
      switch (instr.keyword) {
        case 'ARG':
          changed();
          for (const a of instr.argDecls ?? []) {
            const v = buildArgs.get(a.key) ?? (a.valueRange ? substituteVars(a.value, run.env) : (globalDeclared.get(a.key) ?? predefined.get(a.key)));
            // ENV wins over ARG of the same name, whatever their order.
            if (run.persisted.has(a.key)) continue;
            if (v !== undefined) run.env.set(a.key, v);
            else run.env.delete(a.key);
            run.argNames.add(a.key);
          }
          break;
        case 'ENV':
          changed();
          for (const kv of instr.env ?? []) {
            const v = substituteVars(kv.value, run.env);
            run.env.set(kv.key, v);
            run.persisted.set(kv.key, v);
            run.argNames.delete(kv.key);
          }
          break;
        case 'WORKDIR': {
          changed();
          const arg = instr.args[0];
          if (!arg) break;
          run.workdirSet = true;
          const v = substituteVars(arg.value, run.env);
          if (v.includes('$')) run.workdir = undefined;
          else if (v.startsWith('/')) run.workdir = posix.resolve(v);
          else run.workdir = run.workdir === undefined ? undefined : posix.resolve(run.workdir, v);
          break;
        }
        case 'USER': {
          changed();
          const arg = instr.args[0];
          if (arg) {
            run.user = substituteVars(arg.value, run.env);
            run.userSet = true;
          }
          break;
        }
        case 'SHELL': {
          changed();
          const parsed = parseJsonArray(instr.argsText);
          if (parsed && parsed.length > 0) run.shell = parsed;
          break;
        }
      }
    }
    stageFacts.push({
      stage,
      lineage,
      root,
      image,
      platform,
      envs: [],
      installs: [],
      end: { env: run.persisted, vars: run.env, argNames: run.argNames, workdir: run.workdir, workdirSet: run.workdirSet, user: run.user, userSet: run.userSet, shell: run.shell },
    });
  }

  const sem: Semantics = {
    model,
    options,
    globalArgs,
    instr: (instr) => facts.get(instr) ?? preFacts(),
    stage: (s) => stageFacts[typeof s === 'number' ? s : s.index]!,
    effects: (instr) => effectsOf(instr),
    expand: (instr, value) => substituteVars(value, sem.instr(instr).env),
    path: (instr, value, cwd) => {
      const f = sem.instr(instr);
      const home = homeOf(f);
      const v = substituteVars(value, f.env).replace(/^~(?=\/|$)/, home);
      if (v.includes('$') || v === '') return undefined;
      if (v.startsWith('/')) return posix.resolve(v);
      const base = cwd ?? f.workdir;
      return base === undefined ? undefined : posix.resolve(base, v);
    },
    commandEnv: (instr, command) => commandEnv(instr, command),
    commandDir: (instr, command) => commandDir(instr, command),
    install: (instr, command) => installsByCommand.get(command) ?? (instr.stage >= 0 ? installFor(instr, command, sem.stage(instr.stage)) : preFromInstall(instr, command)),
    created: (stage, path, before) => created(stage, path, before),
    venvCreation: (instr, command) => {
      if (!createsVenv(command)) return undefined;
      const path = venvCreated(instr, command);
      return path !== undefined ? { path } : {};
    },
  };

  const commandEnvCache = new Map<CommandInfo, ReadonlyMap<string, string>>();
  function commandEnv(instr: Instruction, command: CommandInfo): ReadonlyMap<string, string> {
    const hit = commandEnvCache.get(command);
    if (hit) return hit;
    const base = sem.instr(instr).env;
    const target = instr.trigger ?? instr;
    const run = target.run;
    let env: Map<string, string> | undefined;
    if (run?.script && run.form !== 'exec') {
      const scriptStart = run.scriptStart ?? model.lines.offsetAt(run.bodyRange.start);
      const at = model.lines.offsetAt(command.range.start) - scriptStart;
      for (const d of run.script.declarations) {
        if (d.start >= at || (d.keyword !== 'export' && d.keyword !== 'declare')) continue;
        env ??= new Map(base);
        env.set(d.name, substituteVars(d.value, env));
      }
    }
    for (const a of command.assignments) {
      env ??= new Map(base);
      env.set(a.name, substituteVars(a.value, env));
    }
    const out = env ?? base;
    commandEnvCache.set(command, out);
    return out;
  }

  // The folder each command of a RUN runs in, computed once per RUN in one pass (a RUN of 200,000 `&&`-joined
  // commands would otherwise be walked once per command).
  const dirsByInstr = new Map<Instruction, Map<CommandInfo, string | undefined>>();
  function commandDir(instr: Instruction, command: CommandInfo): string | undefined {
    let dirs = dirsByInstr.get(instr);
    if (!dirs) {
      dirs = new Map();
      dirsByInstr.set(instr, dirs);
      let dir = sem.instr(instr).workdir;
      for (const c of (instr.trigger ?? instr).run?.commands ?? []) {
        dirs.set(c, dir);
        if (c.substituted || baseName(c.name.value) !== 'cd') continue;
        const a = c.args[0];
        if (!a) continue;
        const v = substituteVars(a.value, commandEnv(instr, c));
        if (v === '-' || v.includes('$')) dir = undefined;
        else dir = v.startsWith('/') ? posix.resolve(v) : dir === undefined ? undefined : posix.resolve(dir, v);
      }
    }
    return dirs.has(command) ? dirs.get(command) : sem.instr(instr).workdir;
  }

  // Python: interpreter per stage, then environments and installs in one pass over the stages in order.
  const installsByCommand = new Map<CommandInfo, PythonInstall>();
  for (const sf of stageFacts) {
    const parent = sf.stage.from.stage !== undefined ? stageFacts[sf.stage.from.stage] : undefined;
    const envs: PythonEnv[] = parent ? [...parent.envs] : [];
    const installs: PythonInstall[] = parent ? [...parent.installs] : [];
    let python = parent?.python ?? imageInterpreter(sf.image, sf.platform);
    for (const instr of sf.stage.instructions) {
      const target = instr.trigger ?? instr;
      const copy = target.copy;
      if (copy?.fromStage !== undefined && copy.dest && !instr.onbuild) {
        // A venv copied from another stage is a venv here too: a folder's contents land in the destination itself.
        const from = stageFacts[copy.fromStage];
        const dest = sem.path(instr, copy.dest.value);
        for (const src of copy.sources) {
          const sp = sem.path(instr, src.value);
          if (!from || !dest || !sp) continue;
          for (const v of from.envs) {
            if (v.kind !== 'venv' || (v.root !== sp && posix.under(v.root, sp) === undefined)) continue;
            const root = posix.join(dest, posix.relative(sp, v.root));
            if (envs.some((e) => e.root === root)) continue;
            const version = python?.version ?? from.python?.version;
            envs.push({ root, kind: 'venv', bin: `${root}/bin`, instr, stage: sf.stage, copiedFrom: v, ...(version ? { sitePackages: `${root}/lib/python${version}/site-packages` } : {}) });
          }
        }
      }
      for (const c of target.run?.commands ?? []) {
        if (c.substituted) continue;
        if (!python && c.apt?.sub === 'install' && c.apt.packages.some((p) => /^python3(\.\d+)?(-pip|-venv|-dev|-full)?(=.*)?$/.test(p.value))) python = distroInterpreter(sf.image, sf.platform);
        if (!python && c.apk?.sub === 'add' && c.apk.packages.some((p) => /^python3(=.*)?$/.test(p.value) || /^py3-pip/.test(p.value))) python = distroInterpreter(sf.image, sf.platform);
        const venv = venvCreated(instr, c);
        if (venv && !envs.some((e) => e.root === venv)) envs.push({ root: venv, kind: 'venv', bin: `${venv}/bin`, instr, stage: sf.stage, ...(python?.version ? { sitePackages: `${venv}/lib/python${python.version}/site-packages` } : {}) });
        sf.python = python;
        sf.envs = envs;
        const inst = installFor(instr, c, sf);
        if (inst) {
          installs.push(inst);
          installsByCommand.set(c, inst);
          if (inst.env && !envs.some((e) => e.root === inst.env!.root)) envs.push(inst.env);
        }
      }
    }
    if (python) sf.python = python;
    sf.envs = envs;
    sf.installs = installs;
  }

  function venvCreated(instr: Instruction, c: CommandInfo): string | undefined {
    if (!createsVenv(c)) return undefined;
    const n = baseName(c.name.value);
    const cwd = commandDir(instr, c);
    const arg = (t: Token | undefined): string | undefined => (t ? sem.path(instr, substituteVars(t.value, commandEnv(instr, c)), cwd) : undefined);
    const positional = (args: Token[]): Token | undefined => args.find((a) => !a.value.startsWith('-'));
    if (n === 'virtualenv') return arg(positional(c.args));
    if (n === 'uv' && c.args[0]?.value === 'venv') {
      const env = commandEnv(instr, c);
      return arg(positional(c.args.slice(1))) ?? (env.get('UV_PROJECT_ENVIRONMENT') ? sem.path(instr, env.get('UV_PROJECT_ENVIRONMENT')!, cwd) : sem.path(instr, '.venv', cwd));
    }
    if (/^python(\d(\.\d+)?)?$/.test(n)) {
      const m = c.args.findIndex((a) => a.value === '-m');
      if (m >= 0 && (c.args[m + 1]?.value === 'venv' || c.args[m + 1]?.value === 'virtualenv')) return arg(positional(c.args.slice(m + 2)));
    }
    return undefined;
  }

  function installFor(instr: Instruction, c: CommandInfo, sf: StageFacts): PythonInstall | undefined {
    const pip = c.pip;
    if (!pip) return condaInstall(instr, c);
    const env = commandEnv(instr, c);
    const cwd = commandDir(instr, c);
    const inst: PythonInstall = { instr, command: c, tool: pip.tool, sub: pip.sub, commandEnv: env, cwd };
    const home = env.get('HOME') ?? homeOf(sem.instr(instr));
    const python = sf.python;
    const minor = python?.version;
    const site = (root: string): string | undefined => (minor ? `${root}/lib/python${minor}/site-packages` : undefined);
    const mk = (root: string | undefined, kind: PythonEnvKind, bin?: string, sitePackages?: string): PythonEnv | undefined =>
      root === undefined ? undefined : { root, kind, instr, stage: sf.stage, ...(bin ? { bin } : {}), ...(sitePackages ? { sitePackages } : {}) };
    if ((pip.tool === 'pip' || pip.tool === 'uv') && pip.sub === 'install') {
      const prefix = pip.prefix ?? (pip.tool === 'pip' ? env.get('PIP_PREFIX') : undefined);
      const targetDir = pip.target ?? (pip.tool === 'pip' ? env.get('PIP_TARGET') : undefined);
      const user = pip.user || (pip.tool === 'pip' && truthyEnv(env.get('PIP_USER')));
      const launcherDir = pip.launcher.includes('/') ? posix.dirname(pip.launcher.split(' ')[0]!) : undefined;
      const launcherVenv = launcherDir?.endsWith('/bin') && launcherDir !== '/usr/bin' && launcherDir !== '/usr/local/bin' && launcherDir !== '/bin' ? posix.dirname(launcherDir) : undefined;
      const onPath = (env.get('PATH') ?? '').split(':');
      const pathVenv = sf.envs.find((e) => e.kind === 'venv' && onPath.includes(`${e.root}/bin`))?.root ?? (env.get('VIRTUAL_ENV') ? sem.path(instr, env.get('VIRTUAL_ENV')!) : undefined);
      const uvTarget = pip.tool === 'uv' ? env.get('UV_PROJECT_ENVIRONMENT') : undefined;
      const systemFlag = pip.tool === 'uv' && (c.args.some((a) => a.value === '--system') || truthyEnv(env.get('UV_SYSTEM_PYTHON')));
      if (targetDir !== undefined) inst.env = mk(sem.path(instr, substituteVars(targetDir, env), cwd), 'target');
      else if (prefix !== undefined) {
        const root = sem.path(instr, substituteVars(prefix, env), cwd);
        inst.env = mk(root, 'prefix', root ? `${root}/bin` : undefined, root ? site(root) : undefined);
      } else if (user) inst.env = mk(`${home}/.local`, 'user', `${home}/.local/bin`, site(`${home}/.local`));
      else if (launcherVenv) inst.env = sf.envs.find((e) => e.root === launcherVenv) ?? mk(launcherVenv, 'venv', `${launcherVenv}/bin`, site(launcherVenv));
      else if (launcherDir) inst.env = undefined;
      else if (pathVenv && !systemFlag) inst.env = sf.envs.find((e) => e.root === pathVenv) ?? mk(pathVenv, 'venv', `${pathVenv}/bin`, site(pathVenv));
      else if (uvTarget && !systemFlag) inst.env = mk(sem.path(instr, uvTarget, cwd), 'venv');
      else if (python) inst.env = mk('/usr/local', 'system', '/usr/local/bin', python.sitePackages);
    } else if (pip.tool === 'uv' && pip.sub === 'sync') {
      const p = env.get('UV_PROJECT_ENVIRONMENT');
      const root = p ? sem.path(instr, p, cwd) : cwd ? `${cwd}/.venv` : undefined;
      inst.env = sf.envs.find((e) => e.root === root) ?? mk(root, 'venv', root ? `${root}/bin` : undefined, root ? site(root) : undefined);
    }
    inst.cache = pipCache(instr, c, env, home);
    return inst;
  }

  /**
   * `conda`/`mamba`/`micromamba` `install`, `create`, `update`, `env create`/`env update`: where the packages go is
   * the tool's prefix (not modelled); what is known is the package cache they download into.
   */
  function condaInstall(instr: Instruction, c: CommandInfo): PythonInstall | undefined {
    const tool = baseName(c.name.value);
    if (tool !== 'conda' && tool !== 'mamba' && tool !== 'micromamba') return undefined;
    const words = c.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
    const sub = words[0] === 'env' && (words[1] === 'create' || words[1] === 'update') ? `env ${words[1]}` : words[0];
    if (sub === undefined || !['install', 'create', 'update', 'upgrade', 'env create', 'env update'].includes(sub)) return undefined;
    const env = commandEnv(instr, c);
    const cwd = commandDir(instr, c);
    const home = env.get('HOME') ?? homeOf(sem.instr(instr));
    const inst: PythonInstall = { instr, command: c, tool: 'conda', sub, commandEnv: env, cwd };
    inst.cache = condaCache(instr, c, env, home, tool);
    return inst;
  }

  /**
   * conda's package cache: the first of `CONDA_PKGS_DIRS`, else `pkgs` under the root prefix (`-r`/`MAMBA_ROOT_PREFIX`
   * for micromamba; the conda images' `/opt/conda` otherwise, also micromamba's in the mambaorg image). Gone when a
   * `clean --all` (or `clean` of tarballs and packages) or a removal follows in the same RUN, or a mount covers it.
   */
  function condaCache(instr: Instruction, c: CommandInfo, env: ReadonlyMap<string, string>, home: string, tool: string): PipCache {
    const args = c.args.map((a) => a.value);
    const r = args.findIndex((a) => a === '-r' || a === '--root-prefix');
    const rootArg = r >= 0 ? args[r + 1] : args.find((a) => a.startsWith('--root-prefix='))?.slice('--root-prefix='.length);
    const root = tool === 'micromamba' ? (rootArg ?? env.get('MAMBA_ROOT_PREFIX') ?? '/opt/conda') : '/opt/conda';
    const pkgs = env.get('CONDA_PKGS_DIRS')?.split(',')[0]?.trim();
    const dir = sem.path(instr, substituteVars(pkgs || `${root}/pkgs`, env).replace(/^~(?=\/|$)/, home), commandDir(instr, c)) ?? `${root}/pkgs`;
    const out: PipCache = { dir, kept: true };
    for (const m of (instr.trigger ?? instr).run?.mounts ?? []) {
      if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) continue;
      const t = sem.path(instr, m.target);
      if ((t !== undefined && (t === dir || posix.under(dir, t) !== undefined)) || /(^|\/)pkgs\/?$/.test(m.target)) {
        out.disabledBy = `a \`--mount=type=${m.type}\` on ${m.target}`;
        break;
      }
    }
    // Deleted later in the same RUN: the layer is written only when the RUN ends, so the cache never lands in it.
    for (const x of out.disabledBy ? [] : ((instr.trigger ?? instr).run?.commands ?? [])) {
      if (x.index <= c.index || x.substituted) continue;
      const n = baseName(x.name.value);
      const flags = x.args.filter((a) => a.value.startsWith('-')).map((a) => a.value);
      const short = flags.filter((f) => !f.startsWith('--')).join('');
      const has = (letter: string, long: string): boolean => short.includes(letter) || flags.includes(long);
      const cleans = (n === 'conda' || n === 'mamba' || n === 'micromamba') && x.args.some((a) => a.value === 'clean') && (has('a', '--all') || (has('t', '--tarballs') && has('p', '--packages')));
      const xenv = commandEnv(instr, x);
      const removes = (x.rm?.paths ?? []).some((t) => {
        const v = sem.path(instr, substituteVars(t.value, xenv).replace(/\/\*$/, ''), commandDir(instr, x));
        return v !== undefined && (v === dir || posix.under(dir, v) !== undefined);
      });
      if (cleans || removes) {
        out.disabledBy = `\`${model.lines.slice(x.range)}\` later in the RUN`;
        break;
      }
    }
    if (out.disabledBy) out.kept = false;
    return out;
  }

  /** A RUN before the first FROM (no stage, no interpreter): only its variables, folder and cache are known. */
  function preFromInstall(instr: Instruction, c: CommandInfo): PythonInstall | undefined {
    const pip = c.pip;
    if (!pip) return undefined;
    const env = commandEnv(instr, c);
    const inst: PythonInstall = { instr, command: c, tool: pip.tool, sub: pip.sub, commandEnv: env, cwd: commandDir(instr, c) };
    inst.cache = pipCache(instr, c, env, env.get('HOME') ?? homeOf(sem.instr(instr)));
    return inst;
  }

  function pipCache(instr: Instruction, c: CommandInfo, env: ReadonlyMap<string, string>, home: string): PipCache {
    const pip = c.pip!;
    const uv = pip.tool === 'uv';
    const other = pip.tool === 'poetry' || pip.tool === 'pipenv' ? CACHES[pip.tool] : undefined;
    const dir = other ? (env.get(other.dir) ?? `${home}/${other.folder}`) : uv ? (env.get('UV_CACHE_DIR') ?? `${home}/.cache/uv`) : (env.get('PIP_CACHE_DIR') ?? `${home}/.cache/pip`);
    const out: PipCache = { dir, kept: true };
    const args = c.args.map((a) => a.value);
    if (other) {
      if (pip.tool === 'poetry' && args.includes('--no-cache')) out.disabledBy = '`--no-cache`';
      else if (truthyEnv(env.get(other.off))) out.disabledBy = `\`${other.off}\``;
    } else if (uv) {
      if (args.includes('--no-cache') || args.includes('-n')) out.disabledBy = '`--no-cache`';
      else if (truthyEnv(env.get('UV_NO_CACHE'))) out.disabledBy = '`UV_NO_CACHE`';
    } else if (pip.noCacheDir) out.disabledBy = '`--no-cache-dir`';
    else if (truthyEnv(env.get('PIP_NO_CACHE_DIR'))) out.disabledBy = '`PIP_NO_CACHE_DIR`';
    else if (args.some((a) => a.startsWith('--cache-dir'))) out.disabledBy = '`--cache-dir`';
    if (!out.disabledBy) {
      for (const m of (instr.trigger ?? instr).run?.mounts ?? []) {
        if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) continue;
        const t = sem.path(instr, m.target);
        const cacheLike = !t ? /(^|\/)\.cache(\/(pip|uv|pypoetry|pipenv))?\/?$/.test(m.target) : t === dir || posix.under(dir, t) !== undefined;
        if (cacheLike) {
          out.disabledBy = `a \`--mount=type=${m.type}\` on ${m.target}`;
          break;
        }
      }
    }
    // Deleted later in the same RUN: the layer is written only when the RUN ends, so the cache never lands in it.
    if (!out.disabledBy) {
      for (const x of (instr.trigger ?? instr).run?.commands ?? []) {
        if (x.index <= c.index || x.substituted) continue;
        const n = baseName(x.name.value);
        const sub = `${x.args[0]?.value ?? ''} ${x.args[1]?.value ?? ''}`;
        const xenv = commandEnv(instr, x);
        const removes = (x.rm?.paths ?? []).some((t) => {
          const v = sem.path(instr, substituteVars(t.value, xenv).replace(/^(\$HOME|\$\{HOME\})(?=\/|$)/, home).replace(/\/\*$/, ''), commandDir(instr, x));
          return v !== undefined && (v === dir || posix.under(dir, v) !== undefined);
        });
        const cleans = (uv && n === 'uv' && /^cache (clean|prune)$/.test(sub)) || (pip.tool === 'poetry' && n === 'poetry' && /^cache clear$/.test(sub)) || (pip.tool === 'pip' && x.pip?.tool === 'pip' && x.pip.sub === 'cache' && x.args.some((a) => a.value === 'purge'));
        if (removes || cleans) {
          out.disabledBy = `\`${model.lines.slice(x.range)}\` later in the RUN`;
          break;
        }
      }
    }
    if (out.disabledBy) out.kept = false;
    return out;
  }

  const effectsCache = new Map<Instruction, Effects>();
  function effectsOf(instr: Instruction): Effects {
    const hit = effectsCache.get(instr);
    if (hit) return hit;
    const e: Effects = { reads: [], writes: [], removes: [], contextReads: [], unknown: false, unknownWhy: [] };
    effectsCache.set(instr, e);
    const f = sem.instr(instr);
    // An ONBUILD trigger runs in the builds that use this image, not in this one.
    const target = instr;
    switch (target.keyword) {
      case 'WORKDIR': {
        const next = target.args[0] ? sem.path(instr, target.args[0].value) : undefined;
        if (next) e.writes.push({ path: next, how: 'WORKDIR' });
        else e.unknown = true, e.unknownWhy.push('WORKDIR with an unknown variable');
        break;
      }
      case 'COPY':
      case 'ADD': {
        const copy = target.copy;
        if (!copy?.dest) break;
        // What is read does not depend on where it goes: a heredoc or a URL (`https://…`, `git@…`) is not the context.
        for (const src of copy.sources) {
          const s = substituteVars(src.value, f.env);
          if (copy.from === undefined && !s.startsWith('<<') && !s.startsWith('git@') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) e.contextReads.push(normalizeContextPath(s));
          else if (copy.fromStage !== undefined && s.startsWith('/')) e.reads.push({ path: posix.resolve(s), how: `COPY --from=${copy.from}` });
        }
        const dest = sem.path(instr, substituteVars(copy.dest.value, f.env));
        if (!dest) {
          e.unknown = true;
          e.unknownWhy.push(`${target.keyword} to an unknown destination`);
          break;
        }
        // What lands below the destination depends on the sources (a file under its own name, a folder's contents).
        e.writes.push({ path: dest, how: copy.from !== undefined ? `${target.keyword} --from=${copy.from}` : target.keyword, tree: true });
        break;
      }
      case 'RUN': {
        const run = target.run;
        if (!run) break;
        for (const m of run.mounts) {
          if ((m.type || 'bind') === 'bind' && m.from === undefined) e.contextReads.push(normalizeContextPath(m.options['source'] ?? m.options['src'] ?? '.'));
        }
        if (run.script?.hasErrors && run.commands.length === 0) {
          e.unknown = true;
          e.unknownWhy.push('the RUN body could not be parsed');
        }
        if (run.interpreter !== undefined && !run.script) {
          e.unknown = true;
          e.unknownWhy.push(`the RUN runs a \`${run.interpreter}\` script`);
        }
        if (run.script?.skipped) {
          e.unknown = true;
          e.unknownWhy.push(run.script.skipped === 'run' ? 'the RUN body is longer than Layerwise analyses' : "the file's RUN bodies together are longer than Layerwise analyses");
        } else if (run.script?.truncated) {
          e.unknown = true;
          e.unknownWhy.push('the RUN body nests deeper than the shell walk follows');
        }
        for (const c of run.commands) commandEffects(instr, c, e);
        break;
      }
    }
    return e;
  }

  function commandEffects(instr: Instruction, c: CommandInfo, e: Effects): void {
    const n = baseName(c.name.value);
    const env = commandEnv(instr, c);
    const cwd = commandDir(instr, c);
    const p = (t: Token): string | undefined => sem.path(instr, substituteVars(t.value, env), cwd);
    const unknown = (why: string): void => {
      e.unknown = true;
      e.unknownWhy.push(why);
    };
    for (const r of c.redirects ?? []) {
      const target = p(r.target);
      if (/^\d*<$/.test(r.op) || r.op === '<') {
        if (target) e.reads.push({ path: target, how: n });
      } else if (target === '/dev/null' || /^&?\d*$/.test(r.target.value)) {
        /* descriptors and /dev/null write nothing */
      } else if (target) e.writes.push({ path: target, how: `${n} ${r.op}` });
      else unknown(`\`${n}\` writes to an unknown path`);
    }
    if (c.name.dynamic || c.name.value.includes('$')) return unknown(`\`${c.name.value}\` is a variable command`);
    const paths = (args: Token[]): Token[] => args.filter((a) => !a.value.startsWith('-'));
    const write = (t: Token, how: string, tree = false): void => {
      const v = p(t);
      if (v) e.writes.push({ path: v, how, ...(tree ? { tree } : {}) });
      else unknown(`\`${how}\` writes to an unknown path`);
    };
    const read = (t: Token, how: string): void => {
      const v = p(t);
      if (v) e.reads.push({ path: v, how });
    };
    if (c.pip) {
      const inst = sem.install(instr, c);
      for (const t of [...c.pip.requirements, ...c.pip.constraints, ...c.pip.localPaths, ...c.pip.editables]) read(t, `${c.pip.launcher} ${c.pip.sub}`);
      if (inst?.env) e.writes.push({ path: inst.env.root, how: `${c.pip.launcher} ${c.pip.sub}`, tree: true });
      else if (c.pip.sub === 'install' || c.pip.sub === 'sync') unknown(`\`${c.pip.launcher} ${c.pip.sub}\` installs into an environment the model cannot tell`);
      if (inst?.env?.sitePackages) e.writes.push({ path: inst.env.sitePackages, how: `${c.pip.launcher} ${c.pip.sub}`, tree: true });
      if (inst?.env?.bin) e.writes.push({ path: inst.env.bin, how: `${c.pip.launcher} ${c.pip.sub}`, tree: true });
      if (inst?.cache?.kept) e.writes.push({ path: inst.cache.dir, how: `${c.pip.tool} cache`, tree: true });
      if (c.pip.tool === 'pip' && c.pip.sub === 'wheel') {
        const i = c.args.findIndex((a) => a.value === '-w' || a.value === '--wheel-dir' || a.value.startsWith('--wheel-dir='));
        const t = i >= 0 ? (c.args[i]!.value.includes('=') ? { ...c.args[i]!, value: c.args[i]!.value.split('=')[1]! } : c.args[i + 1]) : undefined;
        if (t) write(t, 'pip wheel', true);
        else if (cwd) e.writes.push({ path: cwd, how: 'pip wheel', tree: true });
      }
      if (c.pip.tool === 'poetry' || c.pip.tool === 'pipenv') unknown(`\`${c.pip.tool} ${c.pip.sub}\` installs where its configuration says`);
      return;
    }
    const venv = venvCreated(instr, c);
    if (venv) {
      e.writes.push({ path: venv, how: n === 'uv' ? 'uv venv' : n === 'virtualenv' ? 'virtualenv' : 'python -m venv', tree: true });
      return;
    }
    if (c.apt) {
      if (['install', 'purge', 'remove', 'autoremove', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'build-dep'].includes(c.apt.sub)) {
        // Debian packages install into the system folders (policy: the FHS), never into /app, /install or /venv.
        for (const d of PACKAGE_DIRS) e.writes.push({ path: d, how: `${c.apt.tool} ${c.apt.sub}`, tree: true });
      }
      if (c.apt.sub === 'update') e.writes.push({ path: '/var/lib/apt/lists', how: `${c.apt.tool} update`, tree: true });
      return;
    }
    if (c.apk) {
      if (['add', 'del', 'upgrade', 'fix'].includes(c.apk.sub)) for (const d of PACKAGE_DIRS) e.writes.push({ path: d, how: `apk ${c.apk.sub}`, tree: true });
      return;
    }
    if (c.rm) {
      for (const t of c.rm.paths) {
        const v = p(t);
        if (v) e.removes.push({ path: v, how: 'rm' });
      }
      return;
    }
    if (c.perm) {
      for (const t of c.perm.paths) read(t, c.perm.tool);
      return;
    }
    switch (n) {
      case 'mkdir':
        for (const t of paths(c.args)) write(t, 'mkdir');
        return;
      case 'touch':
        for (const t of paths(c.args)) write(t, 'touch');
        return;
      case 'cp':
      case 'mv':
      case 'ln':
      case 'install': {
        const ps = paths(c.args.filter((_a, i) => !(i > 0 && /^-(t|m|o|g|S)$/.test(c.args[i - 1]!.value))));
        const tFlag = c.args.findIndex((a) => a.value === '-t' || a.value.startsWith('--target-directory'));
        if (tFlag >= 0) return unknown(`\`${n} -t\``);
        if (ps.length < 2 && !(n === 'install' && c.args.some((a) => a.value === '-d'))) return unknown(`\`${n}\` with one operand`);
        if (n === 'install' && c.args.some((a) => a.value === '-d')) {
          for (const t of ps) write(t, 'install -d');
          return;
        }
        const dest = ps[ps.length - 1]!;
        for (const s of ps.slice(0, -1)) {
          if (n !== 'ln') read(s, n);
          if (n === 'mv') {
            const v = p(s);
            if (v) e.removes.push({ path: v, how: 'mv' });
          }
        }
        write(dest, n, true);
        return;
      }
      case 'tar': {
        const extract = c.args.some((a) => /^-?[a-zA-Z]*x/.test(a.value) && !a.value.startsWith('--') || a.value === '--extract' || a.value === '--get');
        if (!extract) {
          const f = c.args.findIndex((a) => /^-?[a-zA-Z]*f$/.test(a.value) || a.value === '--file');
          if (f >= 0 && c.args[f + 1]) write(c.args[f + 1]!, 'tar -c');
          else unknown('`tar` without a known archive');
          return;
        }
        const d = c.args.findIndex((a) => a.value === '-C' || a.value === '--directory' || a.value.startsWith('--directory='));
        const dir = d >= 0 ? (c.args[d]!.value.includes('=') ? { ...c.args[d]!, value: c.args[d]!.value.split('=')[1]! } : c.args[d + 1]) : undefined;
        if (dir) write(dir, 'tar -x', true);
        else if (cwd) e.writes.push({ path: cwd, how: 'tar -x', tree: true });
        else unknown('`tar -x` into an unknown folder');
        return;
      }
      case 'unzip': {
        const d = c.args.findIndex((a) => a.value === '-d');
        if (d >= 0 && c.args[d + 1]) write(c.args[d + 1]!, 'unzip -d', true);
        else if (cwd) e.writes.push({ path: cwd, how: 'unzip', tree: true });
        else unknown('`unzip` into an unknown folder');
        return;
      }
      case 'cd':
      case 'echo':
      case 'printf':
      case 'true':
      case 'false':
      case ':':
      case 'set':
      case 'export':
      case 'test':
      case '[':
      case 'exit':
      case 'sleep':
      case 'whoami':
      case 'id':
      case 'env':
      case 'printenv':
      case 'which':
      case 'command':
      case 'ls':
      case 'cat':
      case 'grep':
      case 'head':
      case 'tail':
      case 'wc':
      case 'du':
      case 'df':
      case 'uname':
      case 'date':
      case 'pwd':
      case 'python':
      case 'python3':
        // Known to write nothing but their redirections (handled above); `python` running a script is not.
        if ((n === 'python' || n === 'python3') && c.args.length > 0 && !c.args.every((a) => a.value === '--version' || a.value === '-V')) {
          // What it runs is not known, but the script it is given (`python manage.py …`) is a file it reads.
          const script = pythonScript(c.args);
          if (script) read(script, n);
          return unknown(`\`${n}\` runs a program`);
        }
        return;
      default:
        unknown(`\`${n}\` has no known effect on files`);
    }
  }

  function created(stage: Stage, path: string, before?: Instruction): 'yes' | 'no' | 'unknown' {
    const sf = sem.stage(stage);
    let unknown = false;
    for (const s of sf.lineage) {
      for (const instr of s.instructions) {
        if (before && s === stage && instr.index >= before.index) break;
        if (instr.keyword === 'FROM') continue;
        const e = effectsOf(instr);
        for (const w of e.writes) {
          // The path itself, or something below it, was written: it exists.
          if (w.path === path || posix.under(w.path, path) !== undefined) return 'yes';
          // Below a folder whose content is not known (a COPY of a folder, an unpacked archive): it may exist.
          if (w.tree && posix.under(path, w.path) !== undefined && !PACKAGE_DIRS.includes(w.path)) unknown = true;
        }
        if (e.unknown) unknown = true;
      }
    }
    if (unknown) return 'unknown';
    // The base image's own files: none in scratch; the system folders in the Linux images whose layout is known.
    if (sf.image.family === 'scratch') return 'no';
    if (!KNOWN_LAYOUT.has(sf.image.family)) return 'unknown';
    return path === '/' || path === '/opt' || BASE_DIRS.some((d) => path === d || posix.under(path, d) !== undefined) ? 'unknown' : 'no';
  }

  return sem;
}

/** A build-context path as COPY/ADD and bind mounts read it: relative, `/`-separated, no `./`, `''` for the whole context. */
export function normalizeContextPath(src: string): string {
  let s = src.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  s = s.replace(/\/+$/, '').replace(/\/\.(?=\/|$)/g, '');
  return s === '.' ? '' : s;
}

function homeOf(f: InstructionFacts): string {
  const home = f.env.get('HOME');
  if (home && !home.includes('$')) return home;
  const user = f.user.split(':')[0] ?? 'root';
  return user === 'root' || user === '0' ? '/root' : `/home/${user}`;
}

function platformArgs(p: Platform, prefix: 'TARGET' | 'BUILD'): Map<string, string> {
  return new Map([
    [`${prefix}PLATFORM`, p.text],
    [`${prefix}OS`, p.os],
    [`${prefix}ARCH`, p.arch],
    [`${prefix}VARIANT`, p.variant ?? ''],
  ]);
}

function fromPlatform(stage: Stage, globalArgs: ReadonlyMap<string, string>, fallback: Platform): Platform {
  const raw = stage.from.platform;
  if (!raw) return fallback;
  const v = substituteVars(raw, globalArgs);
  if (v.includes('$') || v.trim() === '') return { ...fallback, unresolved: true };
  return parsePlatform(v, true);
}

function parseJsonArray(text: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(text.replace(/\\\r?\n/g, ''));
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Options of the `python` command line that take the next word as their value. */
const PYTHON_VALUE_OPTS: ReadonlySet<string> = new Set(['-W', '-X', '--check-hash-based-pycs']);

/** The script file `python [options] FILE args…` runs; none for `-c`, `-m` or a script read from stdin (`-`). */
function pythonScript(args: readonly Token[]): Token | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-' || v === '--' || /^-[^-]*[cm]/.test(v)) return undefined;
    if (PYTHON_VALUE_OPTS.has(v)) {
      i++;
      continue;
    }
    if (v.startsWith('-')) continue;
    return args[i]!.dynamic ? undefined : args[i];
  }
  return undefined;
}

/** `python -m venv`, `virtualenv`, `uv venv`: the commands that create a virtual environment. */
function createsVenv(c: CommandInfo): boolean {
  const n = baseName(c.name.value);
  if (n === 'virtualenv') return true;
  if (n === 'uv' && c.args[0]?.value === 'venv') return true;
  if (/^python(\d(\.\d+)?)?$/.test(n)) {
    const m = c.args.findIndex((a) => a.value === '-m');
    return m >= 0 && (c.args[m + 1]?.value === 'venv' || c.args[m + 1]?.value === 'virtualenv');
  }
  return false;
}

/** The Python a python-family image ships. */
function imageInterpreter(image: ImageFacts, platform: Platform): Interpreter | undefined {
  if (image.family !== 'python' && image.family !== 'distroless-python' && image.family !== 'chainguard-python') return undefined;
  const libc: Libc = image.libc ?? 'glibc';
  const release = image.os?.release;
  const glibc = libc === 'glibc' && release ? GLIBC[release] : undefined;
  const distroless = image.family === 'distroless-python';
  const out: Interpreter = {
    path: distroless ? '/usr/bin/python3' : '/usr/local/bin/python3',
    libc,
    machine: platform.machine,
    distro: distroless,
    externallyManaged: false,
    basis: image.pythonMinor ? 'the image tag' : 'unknown',
  };
  if (image.pythonMinor) {
    out.version = image.pythonMinor;
    out.sitePackages = distroless ? `/usr/lib/python${image.pythonMinor}/site-packages` : `/usr/local/lib/python${image.pythonMinor}/site-packages`;
  }
  if (glibc) out.glibcVersion = glibc;
  return out;
}

/** The Python `apt-get install python3` (or `apk add python3`) gives on the image's distribution. */
function distroInterpreter(image: ImageFacts, platform: Platform): Interpreter {
  const os = image.os;
  const release = os?.release ?? (os?.distro === 'ubuntu' ? os.version : undefined);
  const version = os?.distro === 'debian' && release ? DEBIAN_PYTHON[release] : os?.distro === 'ubuntu' && os.version ? UBUNTU_PYTHON[os.version] : undefined;
  const libc: Libc = image.libc ?? 'glibc';
  const glibc = libc === 'glibc' ? (release ? GLIBC[release] : undefined) ?? (os?.version ? GLIBC[os.version] : undefined) : undefined;
  const out: Interpreter = {
    path: '/usr/bin/python3',
    libc,
    machine: platform.machine,
    distro: true,
    externallyManaged: os ? externallyManaged(os.distro, os.release, os.version) : false,
    basis: version ? `${os?.distro} ${os?.version ?? release}'s python3 package` : 'unknown',
  };
  if (version) {
    out.version = version;
    out.sitePackages = `/usr/local/lib/python${version}/dist-packages`;
  }
  if (glibc) out.glibcVersion = glibc;
  return out;
}
