// LW019: the final stage's CMD/ENTRYPOINT starts a Python console script (`gunicorn`) that nothing in that stage installs.
import { defineRule } from '../rule';
import type { Range } from '../../types';
import type { CommandInfo } from '../../model/commands';
import type { Instruction, Stage } from '../../model/dockerfile';
import { semanticsFor, type Semantics, type PythonInstall } from '../../model/semantic';
import { packageDependencies, splitExtras } from '../../data/python-dependencies';
import { normalizePackageName } from '../../data/wheels';
import * as posix from '../../path';

/** Console scripts of common server and worker packages: the command → the PyPI distribution that installs it. */
const CONSOLE_SCRIPTS: Readonly<Record<string, string>> = {
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  hypercorn: 'hypercorn',
  daphne: 'daphne',
  granian: 'granian',
  'waitress-serve': 'waitress',
  uwsgi: 'uwsgi',
  celery: 'celery',
  flask: 'flask',
  'django-admin': 'django',
  streamlit: 'streamlit',
  alembic: 'alembic',
  fastapi: 'fastapi-cli',
};
/** Image families whose contents are known: none ships any of the console scripts above. */
const KNOWN_BASES: ReadonlySet<string> = new Set(['python', 'debian', 'ubuntu', 'alpine', 'scratch']);
/** The PATH of those images when the Dockerfile sets none (the python images put /usr/local/bin first). */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** What a RUN writes that cannot bring a console script: folders, package-manager files evaluated by name, new venvs (python and pip only). */
const HARMLESS = new Set(['mkdir', 'touch', 'WORKDIR', 'python -m venv', 'uv venv', 'virtualenv', 'apt-get update', 'apt update']);

type Provides = 'yes' | 'no' | 'unknown';

export default defineRule({
  meta: {
    code: 'LW019',
    name: 'cmd-executable-not-in-final-stage',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      elsewhere: '`{name}` is installed in stage `{stage}`, not in the final stage: `{keyword}` will fail with "executable file not found"',
      missing: 'Nothing in the final stage installs `{name}` (from the `{package}` package): `{keyword}` will fail with "executable file not found"',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Reads the executable the final stage\'s `ENTRYPOINT` (or `CMD`) starts and, when it is the console script of a known package (`gunicorn`, `uvicorn`, `celery`, `flask`, `django-admin`, …) given by bare name, checks that something in the final stage\'s lineage puts it on the PATH: a `pip`/`uv pip install` whose packages (with their dependencies) include it, a venv copied in from a stage that installed it, or a distribution package named after it. It reports only when that is proven: the base image is one whose contents are known (`python`, `debian`, `ubuntu`, `alpine`, `scratch`), every install\'s package set and dependencies are known, and no instruction of the lineage has an effect the model does not know (a script, a requirements file, a COPY into a PATH folder).',
      whyItMatters:
        'A multi-stage build that installs the server in the builder but copies only the site-packages folder, or a venv that never received it, builds fine and fails only when the container starts: `exec: "gunicorn": executable file not found in $PATH`.',
      example:
        'FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir flask gunicorn\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCOPY app.py /app/\nCMD ["gunicorn", "--chdir", "/app", "app:app"]\n',
      useInstead:
        'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install --no-cache-dir flask gunicorn\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY app.py /app/\nCMD ["gunicorn", "--chdir", "/app", "app:app"]\n',
      fixSafety: 'No fix: whether to copy the console script, the whole prefix, or install the package in the final stage is a choice about the image.',
      references: ['https://packaging.python.org/en/latest/specifications/entry-points/#use-for-scripts', 'https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    const stage = ctx.model.finalStage;
    if (!stage) return;
    const sem = semanticsFor(ctx);
    const facts = sem.stage(stage);
    if (!KNOWN_BASES.has(facts.image.family) || facts.root.from.ref.hasVariables) return;
    const starts = [...stage.instructions].reverse();
    const at = starts.find((i) => i.keyword === 'ENTRYPOINT') ?? starts.find((i) => i.keyword === 'CMD');
    if (!at) return;
    // An ENTRYPOINT of a stage the final one is built on takes the CMD as its arguments.
    if (at.keyword === 'CMD' && facts.lineage.slice(1).some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT'))) return;
    const exe = executable(at);
    if (!exe) return;
    const pkg = CONSOLE_SCRIPTS[exe.name];
    if (!pkg) return;
    // The base image's own PATH is not in the model's environment: an `ENV PATH=/x:$PATH` keeps `$PATH` as written.
    const path = (sem.instr(at).env.get('PATH') ?? DEFAULT_PATH).replace(/\$\{PATH\}|\$PATH\b/g, DEFAULT_PATH);
    const dirs = path.split(':');
    if (dirs.some((d) => !d.startsWith('/') || d.includes('$'))) return;
    if (provided(sem, facts.lineage, dirs.map((d) => posix.normalize(d)), exe.name, pkg) !== 'no') return;
    const other = ctx.model.stages.find((s) => !facts.lineage.includes(s) && installedIn(sem, s, exe.name, pkg));
    ctx.report({
      range: exe.range,
      messageId: other ? 'elsewhere' : 'missing',
      data: { name: exe.name, stage: other ? (other.name ?? String(other.index)) : '', keyword: at.keyword, package: pkg },
    });
  },
});

/** The bare command name an ENTRYPOINT/CMD starts, with its range; undefined for a path, a variable or a shell construct. */
function executable(instr: Instruction): { name: string; range: Range } | undefined {
  let first: { value: string; range: Range } | undefined;
  if (instr.jsonForm) {
    const strings = (instr.ast as unknown as { getJSONStrings?: () => { getJSONValue?: () => string; getValue(): string; getRange(): Range }[] }).getJSONStrings?.() ?? [];
    const s = strings[0];
    if (s) first = { value: s.getJSONValue?.() ?? s.getValue().replace(/^"|"$/g, ''), range: s.getRange() };
  } else {
    const args = instr.args;
    const k = args[0]?.value === 'exec' ? 1 : 0;
    first = args[k];
  }
  if (!first || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(first.value)) return undefined;
  return { name: first.value, range: first.range };
}

/** Whether the lineage puts `name` on the PATH: `no` only when every effect is known and none can. */
function provided(sem: Semantics, lineage: readonly Stage[], dirs: readonly string[], name: string, pkg: string): Provides {
  const touches = (p: string): boolean => dirs.some((d) => p === d || posix.under(p, d) !== undefined || posix.under(d, p) !== undefined);
  let result: Provides = 'no';
  const worst = (r: Provides): void => {
    if (r === 'yes') result = 'yes';
    else if (r === 'unknown' && result === 'no') result = 'unknown';
  };
  for (const s of lineage) {
    for (const instr of s.instructions) {
      if (instr.keyword === 'FROM') continue;
      const e = sem.effects(instr);
      if (e.unknown) return 'unknown';
      if (instr.keyword === 'RUN') {
        const explained = new Set(HARMLESS);
        for (const c of instr.run?.commands ?? []) {
          if (c.substituted) continue;
          if (c.pip) {
            explained.add(`${c.pip.launcher} ${c.pip.sub}`);
            explained.add(`${c.pip.tool} cache`);
            const inst = sem.install(instr, c);
            if (inst) worst(installProvides(inst, pkg));
          } else if (c.apt || c.apk) {
            const tool = c.apt ? c.apt.tool : 'apk';
            const sub = c.apt ? c.apt.sub : c.apk!.sub;
            explained.add(`${tool} ${sub}`);
            worst(distroProvides(c, name, pkg));
          }
        }
        if (e.writes.some((w) => touches(w.path) && !explained.has(w.how))) return 'unknown';
      } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        if (!e.writes.some((w) => touches(w.path))) continue;
        // A venv copied in from another stage: it brings what was installed into it there.
        const venvs = sem.stage(s).envs.filter((v) => v.instr === instr && v.copiedFrom);
        const copy = instr.copy;
        const fromStage = copy?.fromStage;
        if (venvs.length === 0 || fromStage === undefined || !copy || venvs.length !== copy.sources.length) return 'unknown';
        for (const v of venvs) {
          const src = v.copiedFrom!;
          const into = sem.stage(fromStage).installs.filter((i) => i.env?.root === src.root);
          // Installs into the venv's own interpreter without saying so (`/opt/venv/bin/pip`) have it as env too.
          for (const i of into) worst(installProvides(i, pkg));
          if (sem.stage(fromStage).installs.some((i) => i.sub === 'install' && i.env === undefined)) worst('unknown');
        }
      }
    }
  }
  return result;
}

/** Whether one pip/uv install brings the distribution `pkg` (directly or as a dependency). */
function installProvides(inst: PythonInstall, pkg: string): Provides {
  const pip = inst.command.pip!;
  if (inst.sub !== 'install' || (inst.tool !== 'pip' && inst.tool !== 'uv')) return inst.sub === 'uninstall' ? 'no' : 'unknown';
  if (pip.requirements.length > 0 || pip.editables.length > 0 || pip.localPaths.length > 0 || pip.constraints.length > 0) return 'unknown';
  const seen = new Set<string>();
  const stack: { name: string; extras: string[] }[] = [];
  for (const t of pip.packages) {
    if (t.dynamic || t.value.includes('$')) return 'unknown';
    // `gunicorn==22.0`, `uvicorn[standard]>=0.30`, `flask ; python_version >= "3.9"`: the name and extras.
    const spec = t.value.split(/[<>=!~;@\s]/)[0]!;
    if (!spec || spec.includes('/')) return 'unknown';
    stack.push(splitExtras(spec));
  }
  while (stack.length > 0) {
    const { name, extras } = stack.pop()!;
    const key = `${name}[${extras.join(',')}]`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (name === normalizePackageName(pkg)) return 'yes';
    const deps = packageDependencies(name);
    if (!deps) return 'unknown';
    const more = [...deps.requires, ...extras.flatMap((x) => deps.extras?.[x] ?? [])];
    if (extras.some((x) => !deps.extras?.[x])) return 'unknown';
    for (const d of more) stack.push(splitExtras(d));
  }
  return 'no';
}

/** Whether an apt/apk install may bring the command: a package named after it, or any Python package (its dependencies are not known). */
function distroProvides(c: CommandInfo, name: string, pkg: string): Provides {
  const packages = c.apt ? (c.apt.sub === 'install' ? c.apt.packages : []) : c.apk?.sub === 'add' ? c.apk.packages : [];
  for (const p of packages) {
    if (p.dynamic) return 'unknown';
    const n = p.value.split('=')[0]!.toLowerCase();
    if (n === name || n === pkg || n.includes(name) || n.includes(pkg)) return 'yes';
    if (/^(python3?|py3)-/.test(n)) return 'unknown';
  }
  return 'no';
}

/** A stage outside the final lineage whose own instructions install the command (for naming where it went). */
function installedIn(sem: Semantics, stage: Stage, name: string, pkg: string): boolean {
  for (const instr of stage.instructions) {
    for (const c of instr.run?.commands ?? []) {
      if (c.pip) {
        const inst = sem.install(instr, c);
        if (inst && inst.sub === 'install' && c.pip.packages.some((t) => splitExtras(t.value.split(/[<>=!~;@\s]/)[0]!).name === normalizePackageName(pkg))) return true;
      } else if (distroProvides(c, name, pkg) === 'yes') return true;
    }
  }
  return false;
}
