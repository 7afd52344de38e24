// LW054: packages compiled in a builder against -dev headers, copied into a stage that lacks the matching runtime library.
import { defineRule } from '../rule';
import { eolOf } from '../../text';
import { installArgs } from '../../model/commands';
import { packageBaseName, runtimePackageFor, type PackageManager } from '../../data/apt-build-packages';
import { semanticsFor } from '../../model/semantic';
import { MULTI_STAGE_CODES, SLIM_HAS, envOfPath, sitePackagesVersion, stageCopies } from './multi-stage-helpers';

export default defineRule({
  meta: {
    code: MULTI_STAGE_CODES.missingRuntimeLibrary,
    name: 'built-package-runtime-library-missing',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      missing: 'Stage {stage} compiled against `{dev}`, but this stage does not install `{runtime}`: the copied extension will fail to load',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags `COPY --from=<stage>` of a Python environment from a stage that installed `-dev` packages (`libpq-dev`, `libxml2-dev`, …) when the receiving stage is on a small base (slim, Alpine) and installs no runtime library paired with them (`libpq5`, `libxml2`, …).',
      whyItMatters:
        'A C extension built against `libpq-dev` links to `libpq.so.5`. The builder has it, the slim final image does not, so the container starts and then fails on the first import with "libpq.so.5: cannot open shared object file".',
      example:
        'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      useInstead:
        'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /opt/venv /opt/venv\n',
      fixSafety:
        'Unsafe: the fix installs the runtime package before the copy; its name is taken from a table per Debian release (or Alpine), which may not match an unusual base.',
      references: ['https://packages.debian.org/', 'https://pkgs.alpinelinux.org/packages'],
      divergences: 'Full (non-slim) Python images already carry the common runtime libraries and are not checked.',
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
      const dist = facts.os?.release === 'bookworm' ? 'bookworm' : 'trixie';
      const installedHere = new Set<string>();
      for (const s of sem.stage(stage).lineage) {
        for (const instr of s.instructions) {
          for (const c of instr.run?.commands ?? []) {
            for (const p of installArgs(c)) installedHere.add(packageBaseName(p.value));
          }
        }
      }
      const reported = new Set<string>();
      for (const copy of stageCopies(sem, stage)) {
        if (!envOfPath(sem.stage(copy.from).envs, copy.sourcePath) && !sitePackagesVersion(copy.sourcePath)) continue;
        for (const s of sem.stage(copy.from).lineage) {
          for (const instr of s.instructions) {
            for (const c of instr.run?.commands ?? []) {
              const pkgs = installArgs(c);
              for (const p of pkgs) {
                const dev = packageBaseName(p.value);
                const runtime = runtimePackageFor(dev, pm, dist);
                if (!runtime) continue;
                const missing = runtime.filter((r) => !installedHere.has(r) && !SLIM_HAS.has(r));
                if (missing.length === 0 || reported.has(dev)) continue;
                reported.add(dev);
                const line = pm === 'apk'
                  ? `RUN apk add --no-cache ${missing.join(' ')}`
                  : `RUN apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')} && rm -rf /var/lib/apt/lists/*`;
                const at = { line: copy.instr.startLine, character: 0 };
                ctx.report({
                  range: copy.source.range,
                  messageId: 'missing',
                  data: { stage: copy.from.name ? `\`${copy.from.name}\`` : String(copy.from.index), dev, runtime: missing.join('`, `') },
                  fixes: [{ title: `Install \`${missing.join(' ')}\` before the copy`, applicability: 'unsafe', edits: [{ range: { start: at, end: at }, newText: `${line}${eol}` }] }],
                });
              }
            }
          }
        }
      }
    }
  },
});
