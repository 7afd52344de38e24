// DL3026: with `trustedRegistries` set, images may only come from those registries.
import { defineRule } from '../rule';
import type { Range } from '../../types';
import { parseImageRef } from '../../model/image';
import { resolveStageRef } from '../../model/dockerfile';

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

function allowed(registry: string, trusted: readonly string[]): boolean {
  const r = registry.toLowerCase();
  return trusted.some((t) => {
    const p = t.toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return r.endsWith(p.slice(1));
    if (HUB.has(p) && HUB.has(r)) return true;
    return r === p;
  });
}

export default defineRule({
  meta: {
    code: 'DL3026',
    name: 'untrusted-registry',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'security',
    severity: 'error',
    messages: {
      untrusted: 'Image `{image}` comes from `{registry}`, which is not a trusted registry',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'When `trustedRegistries` is configured, flags images in `FROM`, `COPY --from` and `RUN --mount=…,from=` that come from any other registry (`docker.io` for images without a registry). Stage names, `scratch` and variables are skipped; `*` and `*.example.com` patterns are accepted.',
      whyItMatters: 'Organisations often allow base images only from a mirror or a vetted registry; an image pulled from elsewhere bypasses scanning and can change or disappear.',
      example: 'FROM python:3.12-slim\n',
      useInstead: 'FROM registry.example.com/python:3.12-slim\n',
      fixSafety: 'No fix: whether and where a mirror of the image exists is not known.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3026', 'https://github.com/hadolint/hadolint#configure'],
      exampleConfig: { trustedRegistries: ['registry.example.com'] },
    },
  },
  check(ctx) {
    const trusted = ctx.config.trustedRegistries;
    if (trusted.length === 0) return;
    const model = ctx.model;
    const judge = (image: string, range: Range): void => {
      if (image.includes('$')) return;
      const ref = parseImageRef(image);
      if (ref.repository === 'scratch' && ref.registry === undefined) return;
      const registry = ref.registry ?? 'docker.io';
      if (!allowed(registry, trusted)) ctx.report({ range, messageId: 'untrusted', data: { image, registry } });
    };
    for (const instr of model.instructions) {
      if (instr.from) {
        if (instr.from.stage === undefined) judge(instr.from.image, instr.from.imageRange);
        continue;
      }
      const from = instr.copy?.from;
      if (from !== undefined && resolveStageRef(model, from) === undefined && !/^\d+$/.test(from)) {
        const flag = instr.flags.find((f) => f.name.toLowerCase() === 'from');
        judge(from, flag?.valueRange ?? instr.keywordRange);
      }
      for (const m of instr.run?.mounts ?? []) {
        if (m.from === undefined || resolveStageRef(model, m.from) !== undefined || /^\d+$/.test(m.from)) continue;
        judge(m.from, m.range);
      }
    }
  },
});
