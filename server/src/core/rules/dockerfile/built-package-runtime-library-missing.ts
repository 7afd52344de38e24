// LW054: packages compiled in a builder against -dev headers, copied into a stage that lacks the matching runtime library.
import { defineRule, type RuleContext } from '../rule';
import { eolOf } from '../../text';
import * as posix from '../../path';
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import { installArgs } from '../../model/commands';
import type { ImageFacts } from '../../model/image';
import { requirementsFilesOf } from '../../model/installs';
import { runtimePackageFor, type PackageManager } from '../../data/apt-build-packages';
import { aptPackage, APT_DISTS, type AptDist } from '../../data/apt';
import { pythonPackageFacts } from '../../data/python-packages';
import type { WheelTarget } from '../../data/wheels';
import type { Requirement } from '../../parse/requirements';
import { chooseRequirement, inlineRequirement, pipChoiceInputs, sourceBuild, type PipChoiceInputs } from '../../model/pip-choices';
import { semanticsFor, type Semantics } from '../../model/semantic';
import { stageWheelTarget } from '../requirements/requirements-helpers';
import { alwaysCompiles, installedPackages, lineageInstructions, pipPackages } from './python-image-helpers';
import { MULTI_STAGE_CODES, SLIM_HAS, stageCopies } from './multi-stage-helpers';

export default defineRule({
  meta: {
    code: MULTI_STAGE_CODES.missingRuntimeLibrary,
    name: 'built-package-runtime-library-missing',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      missing: 'Stage {stage} compiled {packages} against {devs}, but this stage does not install {runtime}: the copied extension will fail to load',
      missingUnnamed: 'Stage {stage} compiled {packages} against {devs}, but this stage installs no runtime library of {devs}: the copied extension will fail to load',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags `COPY --from=<stage>` of a Python environment into a stage on a small base (slim, Alpine) when a package in it was compiled in the other stage against a `-dev` package (`psycopg2` against `libpq-dev`) and nothing in the receiving stage provides the runtime library it links (`libpq5`). A package counts as compiled when pip builds it from source there: no wheel for that stage\'s Python, libc and machine (`psycopg2`, `mysqlclient`; on Alpine a package without musllinux wheels), or `--no-binary`; the `-dev` package must have been installed before the install. Wheels that bundle their libraries (`psycopg2-binary`, the manylinux wheels of `lxml` and `cryptography`) link nothing of the system\'s and are not reported. The runtime library counts as provided when the receiving stage installs it, installs the `-dev` package (which depends on it) or a package that pulls it in, when the slim base already has it, or when a library folder is copied in by hand. The runtime package is named for the receiving stage\'s release (Debian trixie and Ubuntu 24.04 renamed many for 64-bit time_t: `libcurl4` on bookworm is `libcurl4t64` on trixie); on a release the table does not cover, the message names the `-dev` package instead.',
      whyItMatters:
        'A C extension built against `libpq-dev` links to `libpq.so.5`. The builder has it, the slim final image does not, so the container starts and then fails on the first import with "libpq.so.5: cannot open shared object file".',
      example:
        'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      useInstead:
        'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /opt/venv /opt/venv\n',
      fixSafety:
        'Unsafe: the fix installs the runtime package before the copy; its name is taken from a table per Debian release (bookworm, trixie) or Alpine, which may not match an unusual base. No fix where the release is not in the table.',
      references: ['https://packages.debian.org/', 'https://pkgs.alpinelinux.org/packages'],
      divergences: 'Full (non-slim) Python images already carry the common runtime libraries and are not checked. Packages the data does not know, installs the model cannot read (a variable package name, poetry) and copies of `pip wheel` output are not checked.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const eol = eolOf(model.text);
    const sem = semanticsFor(ctx);
    for (const stage of model.stages) {
      if (!stage.reachesFinal) continue;
      const facts = sem.stage(stage).image;
      const small = facts.variant === 'slim' || facts.variant === 'alpine' || facts.family === 'alpine';
      if (!small) continue;
      const pm: PackageManager = facts.libc === 'musl' ? 'apk' : 'apt';
      const dist = pm === 'apt' ? releaseOf(facts) : undefined;
      const provides = providedIn(sem, stage, dist);
      if (!provides) continue;
      for (const copy of stageCopies(sem, stage)) {
        const links = linkedLibraries(ctx, sem, copy.from, copy.sourcePath, pm);
        const missing: { dev: string; runtime?: readonly string[]; packages: Set<string> }[] = [];
        for (const [dev, packages] of links) {
          const runtime = runtimeNames(dev, pm, dist);
          if (runtime.candidates.length === 0 || provides(dev, runtime.candidates, copy.instr)) continue;
          missing.push({ dev, ...(runtime.named ? { runtime: runtime.named } : {}), packages });
        }
        if (missing.length === 0) continue;
        const packages = [...new Set(missing.flatMap((m) => [...m.packages]))];
        const data = {
          stage: copy.from.name ? `\`${copy.from.name}\`` : String(copy.from.index),
          packages: packages.map((n) => `\`${n}\``).join(', '),
          devs: missing.map((m) => `\`${m.dev}\``).join(', '),
        };
        const named = missing.every((m) => m.runtime) ? [...new Set(missing.flatMap((m) => m.runtime!))] : undefined;
        if (!named) {
          ctx.report({ range: copy.source.range, messageId: 'missingUnnamed', data });
          continue;
        }
        const line = pm === 'apk'
          ? `RUN apk add --no-cache ${named.join(' ')}`
          : `RUN apt-get update && apt-get install -y --no-install-recommends ${named.join(' ')} && rm -rf /var/lib/apt/lists/*`;
        const at = { line: copy.instr.startLine, character: 0 };
        ctx.report({
          range: copy.source.range,
          messageId: 'missing',
          data: { ...data, runtime: named.map((n) => `\`${n}\``).join(', ') },
          fixes: [{ title: `Install \`${named.join(' ')}\` before the copy`, applicability: 'unsafe', edits: [{ range: { start: at, end: at }, newText: `${line}${eol}` }] }],
        });
      }
    }
  },
});

/** The Debian release the apt table knows for an image (`bookworm`, `trixie`); undefined for others (bullseye, Ubuntu) and unknown ones. */
function releaseOf(facts: ImageFacts): AptDist | undefined {
  const r = facts.os?.distro === 'debian' ? facts.os.release : undefined;
  return r !== undefined && (APT_DISTS as readonly string[]).includes(r) ? (r as AptDist) : undefined;
}

/**
 * The runtime package of a `-dev` package on the receiving stage's release: `named` when the release is known to
 * the table; `candidates` are every name it has on a release the table knows (what an install of it is checked
 * against). trixie and Ubuntu 24.04 renamed many libraries for 64-bit time_t (`libcurl4` → `libcurl4t64`), so a
 * name is only given for the release it belongs to.
 */
function runtimeNames(dev: string, pm: PackageManager, dist: AptDist | undefined): { named?: readonly string[]; candidates: readonly string[] } {
  if (pm === 'apk') {
    const r = runtimePackageFor(dev, 'apk');
    return r ? { named: r, candidates: r } : { candidates: [] };
  }
  const candidates = [...new Set(APT_DISTS.flatMap((d) => runtimePackageFor(dev, 'apt', d) ?? []))];
  const named = dist ? runtimePackageFor(dev, 'apt', dist) : undefined;
  return named ? { named, candidates } : { candidates };
}

/** Folders where Debian and Alpine packages put shared libraries: a copy into one may bring the library by hand. */
const LIB_DIRS = ['/usr/lib', '/lib', '/usr/lib64', '/lib64'];

/**
 * What the receiving stage (its lineage) provides: a function telling whether the runtime library of `dev` is
 * there, or undefined when the stage installs packages the model cannot name (a variable) and nothing can be told.
 */
function providedIn(sem: Semantics, stage: Stage, dist: AptDist | undefined): ((dev: string, runtime: readonly string[], copy: Instruction) => boolean) | undefined {
  const installed = new Set<string>();
  const libraryWrites: Instruction[] = [];
  for (const i of lineageInstructions(sem, stage)) {
    for (const c of i.run?.commands ?? []) {
      if (installArgs(c).some((t) => t.dynamic)) return undefined;
      for (const p of installedPackages(c)) installed.add(p.name);
    }
    for (const w of sem.effects(i).writes) {
      if (/^(apt|apk|aptitude)\b/.test(w.how)) continue;
      if (LIB_DIRS.some((d) => posix.under(w.path, d) !== undefined || (w.tree && posix.under(d, w.path) !== undefined))) libraryWrites.push(i);
    }
  }
  const dists: readonly AptDist[] = dist ? [dist] : APT_DISTS;
  // What the packages installed there pull in (libpq-dev depends on libpq5), from the Debian closure data.
  const pulled = new Set<string>();
  for (const n of installed) for (const d of dists) for (const p of aptPackage(n, d)?.closurePackages ?? []) pulled.add(p);
  return (dev, runtime, copy) =>
    installed.has(dev) ||
    runtime.some((r) => installed.has(r) || pulled.has(r) || SLIM_HAS.has(r)) ||
    // A library folder written by hand (`COPY --from=builder /usr/lib/x86_64-linux-gnu/libpq.so.5* …`): the model
    // cannot tell which libraries came, so it does not say one is missing.
    libraryWrites.some((i) => i !== copy);
}

/**
 * The `-dev` packages whose libraries the Python packages copied from `from` (at `path`) link: a package the
 * stage builds from source (no wheel for its Python, libc and machine; `--no-binary`) against a `-dev` package
 * it installed first. Wheels bundle their libraries (psycopg2-binary, lxml and cryptography manylinux wheels) and
 * link nothing of the system's; packages the data does not know are not counted. Maps each dev to the packages.
 */
function linkedLibraries(ctx: RuleContext<DockerfileModel>, sem: Semantics, from: Stage, path: string, pm: PackageManager): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const target = stageWheelTarget(sem, from);
  const python = sem.stage(from).python;
  const builderPm: PackageManager = python?.libc === 'musl' || sem.stage(from).image.libc === 'musl' ? 'apk' : 'apt';
  // A builder on the other libc is LW052's (an ABI mismatch), not a missing library.
  if (builderPm !== pm) return out;
  const os = builderPm === 'apk' ? 'alpine' : sem.stage(from).image.os?.release === 'trixie' ? 'trixie' : 'bookworm';
  const lineage = lineageInstructions(sem, from);
  for (const inst of sem.stage(from).installs) {
    const env = inst.env;
    if (!env || (inst.tool !== 'pip' && inst.tool !== 'uv')) continue;
    const roots = [env.root, env.sitePackages].filter((x): x is string => x !== undefined);
    if (!roots.some((r) => posix.under(r, path) !== undefined || posix.under(path, r) !== undefined)) continue;
    const pip = inst.command.pip!;
    if (!['install', 'sync'].includes(pip.sub)) continue;
    const before = new Set<string>();
    for (const i of lineage) {
      if (i === inst.instr) break;
      for (const c of i.run?.commands ?? []) for (const p of installedPackages(c)) before.add(p.name);
    }
    for (const c of inst.instr.run?.commands ?? []) {
      if (c.index >= inst.command.index) break;
      for (const p of installedPackages(c)) before.add(p.name);
    }
    // Each requirement with its own specifier; constraints, --only-binary/--no-binary (files, PIP_* env, command line) as pip applies them.
    const read = requirementsFilesOf(ctx.model, inst.instr, inst.command, ctx.files, ctx);
    const inputs = pipChoiceInputs(read, inst.command, inst.commandEnv);
    const reqs: Requirement[] = pipPackages(inst.command).flatMap((p) => inlineRequirement(p.token.value) ?? []);
    for (const f of read) {
      if (f.constraint || !f.parsed) continue;
      for (const e of f.parsed.entries) if (e.kind === 'requirement' && e.normalizedName && e.form === 'pep508' && !e.malformed && !e.marker && !e.dynamic) reqs.push(e);
    }
    for (const req of reqs) {
      const name = req.normalizedName!;
      const facts = pythonPackageFacts(name);
      const devs = facts?.buildRequires?.[os]?.filter((d) => runtimePackageFor(d, builderPm, 'bookworm') || runtimePackageFor(d, builderPm, 'trixie'));
      if (!devs?.length || !compiles(req, target, inputs)) continue;
      for (const dev of devs) {
        if (!before.has(dev)) continue;
        let set = out.get(dev);
        if (!set) out.set(dev, (set = new Set()));
        set.add(facts!.name);
      }
    }
  }
  return out;
}

/**
 * Whether pip builds the requirement from source: the release it picks has no wheel for the target, or
 * `--no-binary` names it (`--only-binary` forbids the build); an old pin whose files the data does not hold is not
 * counted. Without a target (Python unknown) only `--no-binary` and packages that never ship wheels count.
 */
function compiles(req: Requirement, target: WheelTarget | undefined, inputs: PipChoiceInputs): boolean {
  const name = req.normalizedName!;
  const options = inputs.choose(name);
  if (options.onlyBinary) return false;
  if (options.noBinary) return true;
  if (!target) return alwaysCompiles(name);
  return sourceBuild(chooseRequirement(req, target, inputs), name) === 'compiles';
}
