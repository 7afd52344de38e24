// LW113: `pip install -r` installs a requirement that must compile on this stage's platform, but the stage has no compiler or headers for it.
import { defineRule } from '../rule';
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import type { CommandInfo } from '../../model/commands';
import { requirementsFilesOf } from '../../model/installs';
import type { WheelTarget } from '../../data/wheels';
import { chooseRequirement, pipChoiceInputs, sourceBuild } from '../../model/pip-choices';
import { pythonPackageFacts } from '../../data/python-packages';
import type { RelatedInformation } from '../../types';
import { stageWheelTarget } from '../requirements/requirements-helpers';
import { semanticsFor, type Semantics } from '../../model/semantic';
import { installedPackages, lineageInstructions } from './python-image-helpers';
import { commandSpan } from './util';

// Meta packages and what they pull in, for the compilers and headers rules ask about.
const PROVIDES: Record<string, readonly string[]> = {
  'build-essential': ['gcc', 'g++', 'make', 'libc6-dev', 'dpkg-dev'],
  'build-base': ['gcc', 'g++', 'make', 'musl-dev', 'libc-dev', 'binutils'],
  'g++': ['gcc'],
  'alpine-sdk': ['gcc', 'g++', 'make', 'musl-dev', 'libc-dev', 'binutils', 'git'],
  pkgconf: ['pkg-config'],
  'pkg-config': ['pkgconf'],
  'libmariadb-dev': ['default-libmysqlclient-dev'],
  'libmariadb-dev-compat': ['default-libmysqlclient-dev'],
  'libpq-dev': [],
};

interface Compiling {
  name: string;
  file: string;
  range: RelatedInformation['range'];
  needs: string[];
  /** `--only-binary` refuses the sdist it would need: the install fails whatever the stage has. */
  fails: boolean;
}

export default defineRule({
  meta: {
    code: 'LW113',
    name: 'pip-requirement-needs-compiler',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      missing: '`{command}` compiles {packages} from source (no wheel for Python {python} on {platform}), but this stage installs no {missing}: the build fails',
      refused: '`{command}` cannot install {packages}: no wheel for Python {python} on {platform}, and `--only-binary` refuses the sdist: the build fails',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Reads the requirements files a `pip install -r` brings in (through the `COPY` that puts them where pip reads them, includes of includes too) and, for each requirement whose release pip would pick (its specifier, constraints files, `--only-binary`/`--no-binary`) has no wheel for the stage\'s Python version, libc and architecture (dated PyPI file lists of common packages; a pinned version whose files the data does not hold is not reported), checks that the stage installed the compiler and headers the build needs (`gcc`, `libpq-dev` for `psycopg2`, …) before the install: with `apt-get install`/`apk add` in an earlier RUN, earlier in the same RUN, or in the stage it is built `FROM`. Full `python:3.x` images (which ship compilers and common headers) are not checked. The finding sits on the `pip install` and points at each requirement. When `--only-binary` (on the command, in a requirements file or `PIP_ONLY_BINARY`) refuses the sdist such a requirement needs, it reports that the install fails whatever the stage has.',
      whyItMatters:
        'The build fails at that step, usually with a long compiler log ("pg_config executable not found", "gcc: command not found") that does not mention the requirements file. Installing the build packages in a builder stage, or switching to a package with wheels (`psycopg2-binary`, `psycopg[binary]`), fixes it.',
      example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      useInstead:
        'FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      exampleFiles: { 'requirements.txt': 'flask==3.0.3\npsycopg2==2.9.10\n' },
      fixSafety: 'No fix: whether to add build packages (ideally in a builder stage) or switch to a binary package is a design choice; LW112 in the requirements file offers the binary package where one exists.',
      references: ['https://www.psycopg.org/docs/install.html#build-prerequisites', 'https://pythonspeed.com/articles/multi-stage-docker-python/', 'https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    if (!ctx.path) return;
    const sem = semanticsFor(ctx);
    for (const stage of model.stages) {
      if (!stage.reachesFinal) continue;
      const target = stageWheelTarget(sem, stage);
      if (!target || hasFullToolchain(sem, stage)) continue;
      const os = target.libc === 'musl' ? 'alpine' : sem.stage(stage).image.os?.release === 'trixie' ? 'trixie' : 'bookworm';
      for (const instr of stage.instructions) {
        for (const command of instr.run?.commands ?? []) {
          const pip = command.pip;
          if (!pip || !(pip.tool === 'pip' || (pip.tool === 'uv' && pip.sub === 'install')) || !['install', 'wheel'].includes(pip.sub)) continue;
          const compiling = compilingRequirements(model, instr, command, ctx.files, ctx, target, os, sem.commandEnv(instr, command));
          const refused = compiling.filter((c) => c.fails);
          if (refused.length) {
            ctx.report({
              range: commandSpan(command, pip.subToken),
              messageId: 'refused',
              data: {
                command: `${pip.launcher} ${pip.sub}`,
                packages: refused.slice(0, 3).map((c) => `\`${c.name}\``).join(', ') + (refused.length > 3 ? ` and ${refused.length - 3} more` : ''),
                python: target.pythonVersion,
                platform: `${target.libc} ${target.arch}`,
              },
              related: refused.map((c) => ({ path: c.file, range: c.range, message: `\`${c.name}\` has no wheel here and \`--only-binary\` refuses its sdist` })),
            });
          }
          if (!compiling.some((c) => !c.fails)) continue;
          const have = installedBefore(sem, stage, instr, command);
          const missing = [...new Set(compiling.filter((c) => !c.fails).flatMap((c) => c.needs))].filter((p) => !have.has(p));
          if (!missing.length) continue;
          const names = compiling.filter((c) => !c.fails && c.needs.some((n) => missing.includes(n)));
          ctx.report({
            range: commandSpan(command, pip.subToken),
            messageId: 'missing',
            data: {
              command: `${pip.launcher} ${pip.sub}`,
              packages: names.slice(0, 3).map((c) => `\`${c.name}\``).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : ''),
              python: target.pythonVersion,
              platform: `${target.libc} ${target.arch}`,
              missing: missing.map((p) => `\`${p}\``).join(', '),
            },
            related: names.map((c) => ({ path: c.file, range: c.range, message: `\`${c.name}\` builds from source here: needs ${c.needs.join(', ')}` })),
          });
        }
      }
    }
  },
});

function compilingRequirements(model: DockerfileModel, instr: Instruction, command: CommandInfo, files: Parameters<typeof requirementsFilesOf>[3], loc: Parameters<typeof requirementsFilesOf>[4], target: WheelTarget, os: 'bookworm' | 'trixie' | 'alpine', env: ReadonlyMap<string, string>): Compiling[] {
  const out: Compiling[] = [];
  const read = requirementsFilesOf(model, instr, command, files, loc);
  // Each requirement's own specifier with the constraints files and --only-binary/--no-binary, as pip applies them.
  const inputs = pipChoiceInputs(read, command, env);
  for (const f of read) {
    if (f.constraint || !f.parsed) continue;
    for (const e of f.parsed.entries) {
      if (e.kind !== 'requirement' || !e.normalizedName || e.form !== 'pep508' || e.malformed || e.marker) continue;
      // Only what the data proves for the release pip picks: an old pin whose files are not in the data is not reported.
      const build = sourceBuild(chooseRequirement(e, target, inputs), e.normalizedName);
      if (!build) continue;
      const facts = pythonPackageFacts(e.normalizedName);
      const needs = facts?.buildRequires?.[os] ?? (os === 'alpine' ? ['gcc', 'musl-dev'] : ['gcc']);
      out.push({ name: e.name ?? e.normalizedName, file: f.path, range: e.nameRange ?? e.range, needs: [...needs], fails: build === 'fails' });
    }
  }
  return out;
}

/** Full `python:3.x` (buildpack-deps) images ship gcc, make and the common `-dev` packages. */
function hasFullToolchain(sem: Semantics, stage: Stage): boolean {
  const { root, image } = sem.stage(stage);
  return image.variant === 'full' || root.from.ref.repository.endsWith('buildpack-deps');
}

/** apt/apk packages installed before the command (earlier instructions of the stage and its `FROM` stages, earlier commands of the RUN), with what meta packages provide. */
function installedBefore(sem: Semantics, stage: Stage, instr: Instruction, command: CommandInfo): Set<string> {
  const out = new Set<string>();
  const add = (name: string): void => {
    if (out.has(name)) return;
    out.add(name);
    for (const p of PROVIDES[name] ?? []) add(p);
  };
  for (const i of lineageInstructions(sem, stage)) {
    if (i === instr) break;
    for (const c of i.run?.commands ?? []) for (const p of installedPackages(c)) add(p.name);
  }
  for (const c of instr.run?.commands ?? []) {
    if (c.index >= command.index) break;
    for (const p of installedPackages(c)) add(p.name);
  }
  return out;
}
