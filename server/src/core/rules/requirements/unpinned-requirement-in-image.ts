// LW107: a requirement without an exact version in a requirements file a Dockerfile installs (the image is not reproducible).
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { isPinned, specifierString, type RequirementsFile } from '../../parse/requirements';
import { installerName, requirements } from './requirements-helpers';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW107',
    name: 'unpinned-requirement-in-image',
    origin: 'layerwise',
    language: 'requirements',
    category: 'reproducibility',
    severity: 'info',
    messages: {
      unpinned: '`{name}` has no version: `{dockerfile}` installs this file, and each build of the image may get a different release',
      loose: '`{name}{spec}` admits more than one release: `{dockerfile}` installs this file, and each build of the image may get a different one; pin it with `==`',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'In a requirements file that a Dockerfile installs (`COPY requirements.txt …` then `pip install -r requirements.txt`, found by looking for Dockerfiles in the file\'s folder and the folders above it), flags each requirement without a version and each one whose specifiers admit more than one version (`>=`, `~=`, `<`, `==3.*`). Requirements pinned by a constraints file installed alongside (`-c`) are not flagged, nor are URLs and local paths. Files no Dockerfile installs (a library\'s own `requirements.in`, say) are left alone.',
      whyItMatters:
        'An image built today and rebuilt next month from the same Dockerfile gets different packages: a new release can break the application, change its size, or pull new dependencies, and nothing in the repository shows why. A lock file (`pip-compile`, `uv pip compile`, `pip freeze`) pins every package, dependencies included.',
      example: 'flask>=3.0\ngunicorn\n',
      useInstead: 'flask==3.0.3\ngunicorn==23.0.0\n',
      exampleFiles: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      fixSafety: 'No fix: the version to pin is the one tested, which only a lock step (`pip-compile`, `uv pip compile`) or `pip freeze` in the built image can tell.',
      references: ['https://pip.pypa.io/en/stable/topics/repeatable-installs/', 'https://docs.astral.sh/uv/pip/compile/'],
      divergences: 'hadolint\'s DL3013 checks only packages named on the `pip install` command line; this rule reads the requirements files those commands install. Its default severity is info: raise it in the configuration where reproducible images matter.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const installer = model.installers.find((i) => !i.install.constraint);
    if (!installer) return;
    const pinnedElsewhere = new Set<string>();
    const collect = (f: RequirementsFile): void => {
      for (const e of f.entries) if (e.kind === 'requirement' && e.normalizedName && isPinned(e)) pinnedElsewhere.add(e.normalizedName);
    };
    for (const i of model.installers) for (const f of i.together) if (f.constraint && f.parsed) collect(f.parsed);
    for (const inc of model.included) if (inc.constraint) collect(inc.parsed);
    const dockerfile = installerName(model, installer);
    for (const r of requirements(model)) {
      if (r.form !== 'pep508' || r.url || !r.normalizedName || r.malformed || r.dynamic || isPinned(r) || pinnedElsewhere.has(r.normalizedName)) continue;
      if (r.specifiers.length === 0) ctx.report({ range: r.nameRange ?? r.range, messageId: 'unpinned', data: { name: r.name!, dockerfile } });
      else ctx.report({ range: r.specifierRange ?? r.range, messageId: 'loose', data: { name: r.name!, spec: specifierString(r.specifiers), dockerfile } });
    }
  },
});
