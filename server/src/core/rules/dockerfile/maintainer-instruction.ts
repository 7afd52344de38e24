// MaintainerDeprecated: the MAINTAINER instruction, deprecated in favour of an `org.opencontainers.image.authors` label.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MaintainerDeprecated',
    name: 'maintainer-instruction',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      deprecated: '`MAINTAINER` is deprecated: record the author in the `org.opencontainers.image.authors` label',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags every `MAINTAINER` instruction.',
      whyItMatters: '`MAINTAINER` fills a field of the image configuration that tools no longer read; the OCI `org.opencontainers.image.authors` label is where registries, scanners and `docker inspect` users look for the author.',
      example: 'FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.org>\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.org>"\n',
      fixSafety: 'Safe: replaces the instruction with the equivalent `LABEL`, keeping the text; the image\'s deprecated `Author` field is no longer set.',
      references: ['https://docs.docker.com/reference/build-checks/maintainer-deprecated/', 'https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
      divergences: 'hadolint reports the same instruction as DL4000 (whose fix writes a `maintainer` label); this check\'s fix writes the OCI `org.opencontainers.image.authors` label that BuildKit recommends. Where hadolint\'s DL4000 reports the same range, the engine shows this finding only (same fault, one finding), with the more severe of the two levels and any fix only DL4000 offers; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      // The words as Docker joins them: comment lines inside a continuation are not part of the value, and the
      // escape character is the file's (a raw slice copied the comment and its line break into the label).
      const esc = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
      const author = instr.args.map((t) => t.raw.replace(new RegExp(`${esc}[ \\t]*\\r?\\n\\s*`, 'g'), '')).join(' ').trim();
      // Quotes, `$` and the escape character itself are escaped with the file's escape character (under
      // `# escape=\`` a backslash is an ordinary character and stays one).
      const value = author.replace(new RegExp(`(["$]|${esc})`, 'g'), `${model.escapeChar}$1`);
      const keyword = model.lines.slice(instr.keywordRange);
      const label = keyword === keyword.toLowerCase() ? 'label' : 'LABEL';
      ctx.report({
        range: instr.keywordRange,
        messageId: 'deprecated',
        tags: ['deprecated'],
        fixes: author
          ? [{ title: 'Replace with `LABEL org.opencontainers.image.authors`', applicability: 'safe', edits: [{ range: instr.range, newText: `${label} org.opencontainers.image.authors="${value}"` }] }]
          : [],
      });
    }
  },
});
