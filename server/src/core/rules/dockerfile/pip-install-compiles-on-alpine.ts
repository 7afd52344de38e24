// LW009: on an Alpine (musl) base, pip installs packages that publish no musl wheels, so it compiles them from source.
import { defineRule } from '../rule';
import { compilesOnAlpine } from '../../data/python-packages';
import { alwaysCompiles, pipPackages } from './python-image-helpers';
import { getPackageRelease } from '../../data/wheels';
import { isPinned, type Requirement } from '../../parse/requirements';
import { chooseRequirement, inlineRequirement, pipChoiceInputs, sourceBuild } from '../../model/pip-choices';
import { stageWheelTarget } from '../requirements/requirements-helpers';
import { packagesInstalledBy } from '../../model/installs';
import { semanticsFor } from '../../model/semantic';
import { commandSpan } from './util';

export default defineRule({
  meta: {
    code: 'LW009',
    name: 'pip-install-compiles-on-alpine',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      compiles:
        '`{package}` has no musllinux wheel: on `{image}` pip compiles it from source (slow, needs compilers and headers, bigger image); a Debian `-slim` base installs the ready-made wheel',
      compilesFromFile:
        '`{package}` (from `{file}`) has no musllinux wheel: on `{image}` this install compiles it from source (slow, needs compilers and headers, bigger image); a Debian `-slim` base installs the ready-made wheel',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'On a stage whose base uses musl libc (`python:*-alpine`, `alpine`), flags each package named in `pip install` (also `uv pip install`) that publishes Linux wheels for glibc (manylinux) but none for musl (musllinux) and no pure-Python wheel, or no wheel at all, in the release pip would pick for the requirement and the stage\'s Python (a pinned version whose files the data does not hold is not reported). The data comes from PyPI\'s file lists for common packages. Packages listed in the requirements files the install reads (`-r`, followed through `COPY` into the build context and through nested `-r` includes) are checked too and reported on the install command, with related information at the requirement.',
      whyItMatters:
        'Without a matching wheel pip downloads the source and builds it: minutes instead of seconds per build, a compiler and `-dev` headers in the image, and build failures when a library is missing. On a glibc base (`python:3.x-slim`) the same install is a download of a prebuilt wheel.',
      example: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir numba\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir numba\n',
      fixSafety: 'No fix: switching the base from Alpine to a Debian `-slim` image changes the OS packages (apk → apt) and must be done by hand.',
      references: ['https://pythonspeed.com/articles/alpine-docker-python/', 'https://peps.python.org/pep-0656/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    for (const stage of model.stages) {
      // The libc of the image the stage's lineage starts from (a `FROM <stage>` child has its parent's).
      if (sem.stage(stage).image.libc !== 'musl') continue;
      const target = stageWheelTarget(sem, stage);
      for (const instr of stage.instructions.map((i) => i.trigger ?? i)) {
        for (const c of instr.run?.commands ?? []) {
          if (!c.pip || !(c.pip.tool === 'pip' || (c.pip.tool === 'uv' && c.pip.sub === 'install'))) continue;
          const only = c.pip.options.some((o) => /^--only-binary/.test(o.value));
          if (only) continue;
          // The release pip picks for each requirement (its specifier, constraints, format control) on this
          // stage's Python: an old pin whose files the data does not hold is not reported.
          const fromFiles = packagesInstalledBy(model, instr, ctx.files, ctx).filter((p) => p.install.command === c);
          const inputs = pipChoiceInputs([...new Set(fromFiles.map((p) => p.install))], c, sem.commandEnv(instr, c));
          const compiles = (name: string, req: Requirement | undefined): boolean => {
            if (target && req) return sourceBuild(chooseRequirement(req, target, inputs), name) === 'compiles';
            // Python version unknown: the newest release's files, unless the requirement pins another version.
            if (req && isPinned(req) && !req.specifiers.some((s) => s.version === getPackageRelease(name)?.version)) return alwaysCompiles(name);
            return compilesOnAlpine(name) || alwaysCompiles(name);
          };
          for (const p of pipPackages(c).filter((p) => compiles(p.name, inlineRequirement(p.token.value)))) {
            ctx.report({ range: p.token.range, messageId: 'compiles', data: { package: p.name, image: stage.from.image } });
          }
          for (const p of fromFiles) {
            if (!compiles(p.name, p.requirement)) continue;
            const file = p.file.split('/').pop() ?? p.file;
            ctx.report({
              range: commandSpan(c, c.pip.subToken),
              messageId: 'compilesFromFile',
              data: { package: p.requirement.name ?? p.name, file, image: stage.from.image },
              related: [{ path: p.file, range: p.requirement.nameRange ?? p.requirement.range, message: `\`${p.requirement.name ?? p.name}\` is required here` }],
            });
          }
        }
      }
    }
  },
});

