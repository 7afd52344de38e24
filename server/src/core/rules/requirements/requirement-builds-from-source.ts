// LW112: a requirement with no wheel for the installing image's Python, libc and architecture: pip compiles it, which needs build packages.
import { defineRule } from '../rule';
import type { Installer, RequirementsModel } from '../../model/requirements';
import type { WheelTarget } from '../../data/wheels';
import { chooseRequirement, pipChoiceInputs, sourceBuild } from '../../model/pip-choices';
import { pythonPackageFacts } from '../../data/python-packages';
import type { Fix } from '../../types';
import { installerImage, installerWheelTarget, requirements } from './requirements-helpers';
import { semanticsOf } from '../../model/semantic';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW112',
    name: 'requirement-builds-from-source',
    origin: 'layerwise',
    language: 'requirements',
    category: 'size',
    severity: 'info',
    messages: {
      sdist: '`{name}`{version} has no wheel for Python {python} on {platform}: in `{image}` pip compiles it from source, which needs {needs}{alternative}',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'For each requirement of a file a Dockerfile installs, looks up which file pip would pick for the installing stage (its Python version, glibc or musl, CPU architecture) in dated PyPI file lists of common packages. When there is no matching wheel (the package publishes only a source archive, or no wheel for that Python, for musl, or for that architecture), it reports the build packages the compilation needs and, where one exists, a drop-in package with wheels. It picks the release as pip does: the newest one the requirement\'s specifier (and the constraints files, `--only-binary`, `--no-binary`, `--pre`) admits that has a wheel for the stage. Packages the data does not know are not reported, nor a pinned version whose files the data does not hold, unless no release of the package has a Linux wheel at all (`psycopg2`).',
      whyItMatters:
        'A source build needs a compiler and `-dev` headers in the stage (or the build fails), takes minutes instead of seconds, and the compilers end up in the image unless the build happens in a separate stage. Knowing it from the requirements file lets you install the build packages in a builder stage, choose a base with wheels, or switch to a binary package.',
      example: 'psycopg2==2.9.10\n',
      useInstead: 'psycopg2-binary==2.9.10\n',
      exampleFiles: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      fixSafety:
        'Where the data names a drop-in binary package (`psycopg2` → `psycopg2-binary`) the fix renames the requirement. Unsafe: the binary package bundles its own copies of the C libraries (libpq, OpenSSL), which its maintainers advise against for some production uses.',
      references: ['https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/', 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-only-binary', 'https://www.psycopg.org/docs/install.html#psycopg-vs-psycopg-binary'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const targets = model.installers.filter((i) => !i.install.constraint).map((i) => ({ i, t: installerWheelTarget(i, ctx.config) })).filter((x): x is { i: Installer; t: WheelTarget } => x.t !== undefined);
    if (!targets.length) return;
    const { i, t } = targets[0]!;
    // The pip command's constraints files and --only-binary/--no-binary/--pre, as pip applies them.
    const sem = semanticsOf(i.dockerfile);
    const inputs = pipChoiceInputs(i.together, i.install.command, i.stage ? sem.commandEnv(i.install.instr, i.install.command) : undefined);
    const os = t.libc === 'musl' ? 'alpine' : i.stage && sem.stage(i.stage).image.os?.release === 'trixie' ? 'trixie' : 'bookworm';
    for (const r of requirements(model)) {
      if (!r.normalizedName || !r.nameRange || r.form !== 'pep508' || r.malformed) continue;
      // Only what the data proves for the release pip picks (an old pin not in the data: no claim); a refused
      // sdist (`--only-binary`) is no source build but a failed install, which LW113 reports in the Dockerfile.
      const choice = chooseRequirement(r, t, inputs);
      if (sourceBuild(choice) !== 'compiles' || choice?.basis === 'unknown' || (choice?.basis === 'exact' && choice.install === 'sdist' && choice.forced)) continue;
      const facts = pythonPackageFacts(r.normalizedName);
      const build = facts?.buildRequires?.[os];
      const needs = build?.length ? build.map((p) => `\`${p}\``).join(', ') : 'a C compiler and the headers of the libraries it wraps';
      const alternative = facts?.alternative && !facts.alternative.includes('[') ? facts.alternative : undefined;
      const fixes: Fix[] = alternative ? [{ title: `Use \`${alternative}\``, applicability: 'unsafe', edits: [{ range: r.nameRange, newText: alternative }] }] : [];
      // A package that never ships Linux wheels (psycopg2) is named without a version: true of every release.
      const every = choice?.basis === 'nearest' || (choice?.basis === 'exact' && choice.install === 'sdist' && choice.neverWheels);
      ctx.report({
        range: r.nameRange,
        messageId: 'sdist',
        data: {
          name: r.name!,
          version: every || !choice?.release ? '' : ` ${choice.release.version}`,
          python: t.pythonVersion,
          platform: `${t.libc === 'musl' ? 'musl' : 'glibc'} ${t.arch}`,
          image: installerImage(i),
          needs,
          alternative: alternative ? `; \`${alternative}\` ships wheels` : '',
        },
        fixes,
      });
    }
  },
});
