// LW056: a line of the `.dockerignore` this build reads is a pattern Docker rejects, so the build stops before it starts.
import { defineRule } from '../rule';
import { semanticsFor } from '../../model/semantic';
import { buildContextFor } from '../../model/build-context';
import { INVALID_PATTERN_REASONS } from '../../model/dockerignore';

export default defineRule({
  meta: {
    code: 'LW056',
    name: 'dockerignore-invalid-pattern',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      invalid: '{file} line {line}: `{pattern}` is not a valid pattern ({reason}); Docker stops the build with "syntax error in pattern"',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Reads the ignore file that applies to this Dockerfile (`<Dockerfile>.dockerignore` beside it, else `.dockerignore` at the root of the build context) and flags each line that Docker cannot read as a pattern: a `[` never closed, an empty class or a range that starts or ends with `-` or `]` (`[]a]`, `[a-]`), a backwards range (`[z-a]`), a trailing lone `\\`, or a `!` with nothing after it. Reported at the first instruction that reads the build context (`COPY`/`ADD` without `--from`, `RUN --mount=type=bind` without `from`).',
      whyItMatters:
        'Docker checks every pattern before it sends the context: one bad line fails the whole build ("syntax error in pattern") at the first instruction that needs the context. Layerwise reads such a line as matching nothing, so its other findings about the context would not hold for a build that cannot start. A build that never reads the context never loads the patterns, and is not flagged.',
      example: 'FROM python:3.12-slim\nCOPY app.py .\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      exampleFiles: { '.dockerignore': '.git\n[._]venv\n__pycache__[\n' },
      fixSafety: 'No fix: what the line was meant to match is for the author to say (close the class, or escape `[` as `\\[` to match it literally).',
      references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files', 'https://pkg.go.dev/path/filepath#Match'],
      divergences:
        'The fix belongs in the ignore file; the "use instead" example is linted with the same broken `.dockerignore` and stays quiet only because that build never reads its context.',
    },
  },
  check(ctx) {
    const bc = buildContextFor(ctx);
    const patterns = bc.ignorePatterns;
    if (!bc.ignoreFile || !patterns || patterns.invalid.length === 0 || bc.dockerfilePath === undefined) return;
    const name = bc.shown(bc.ignoreFile.path);
    // The build fails where it first loads the context; a build that never does never reads the patterns.
    const sem = semanticsFor(ctx);
    const reader = ctx.model.instructions.find((i) => sem.effects(i).contextReads.length > 0);
    if (!reader) return;
    const range = reader.keywordRange;
    for (const bad of patterns.invalid) {
      ctx.report({ range, messageId: 'invalid', data: { file: `\`${name}\``, line: bad.line, pattern: bad.text, reason: INVALID_PATTERN_REASONS[bad.reason] } });
    }
  },
});

