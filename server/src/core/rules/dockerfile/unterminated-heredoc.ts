// LW021: a heredoc (`RUN <<EOF`, `COPY <<EOF /app/conf`) whose closing `EOF` line never comes: the build fails.
import { defineRule } from '../rule';
import { heredocsOf } from '../../model/dockerfile';

export default defineRule({
  meta: {
    code: 'LW021',
    name: 'unterminated-heredoc',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      unterminated: 'Heredoc `<<{name}` is never closed: no line `{name}` follows, so the rest of the file is its content and the build fails',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags a here-document of a `RUN`, `COPY` or `ADD` (`<<EOF`, `<<-EOF`, `<<"EOF"`) that no line consisting of its delimiter closes, at the `<<` marker. With several heredocs on one line, each one not closed is reported.',
      whyItMatters:
        'BuildKit reads everything after the marker line as the heredoc\'s content until it meets the delimiter; without one the instructions below disappear into the heredoc and the Dockerfile does not build. Editors show the rest of the file as text, which is easy to miss in a long file.',
      example: 'FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask==3.0.3\nEOF2\nCMD ["flask", "run"]\n',
      useInstead: 'FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask==3.0.3\nEOF\nCMD ["flask", "run"]\n',
      fixSafety: 'No fix: where the heredoc was meant to end cannot be known.',
      references: ['https://docs.docker.com/reference/dockerfile/#here-documents'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const target = instr.trigger ?? instr;
      if (!['RUN', 'COPY', 'ADD'].includes(target.keyword)) continue;
      for (const h of heredocsOf(target)) {
        if (h.getDelimiterRange()) continue;
        ctx.report({ range: h.getStartRange(), messageId: 'unterminated', data: { name: h.getName() } });
      }
    }
  },
});
