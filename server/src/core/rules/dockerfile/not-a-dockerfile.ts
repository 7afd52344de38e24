// LW013: the file linted as a Dockerfile is not one (a jq or Jinja template, JSON, a shell script): say so once.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'LW013',
    name: 'not-a-dockerfile',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      notDockerfile: '`{word}` is not a Dockerfile instruction, and {more} more of the {total} lines are not either: this file is not a Dockerfile (a template, a script, another format?) and was not linted; for a template, lint the Dockerfile it renders',
    },
    fix: 'none',
    notDockerfile: true,
    docs: {
      whatItDoes:
        'Reports once, at the first line that is not a Dockerfile instruction, a file linted as a Dockerfile (by its name or language) in which no line is an instruction, or in which the first line is not one and most lines are not either: a jq or Jinja template, a JSON or YAML document, a shell script. No other rule runs on such a file. A Dockerfile with a few template lines (`{{ if .debug }}`) among real instructions is linted as usual.',
      whyItMatters:
        'Read as a Dockerfile, every line of a template looks like a broken instruction: one error per line before the first `FROM`, base images named `{{`, relative WORKDIRs named `{%`. A screen of findings that say nothing true hides the one fact that matters: the file is not what the linter reads, and the Dockerfile to lint is the one it renders.',
      example: '{\n  "from": "python:3.12-slim",\n  "run": ["pip install --no-cache-dir flask==3.0.3"]\n}\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      fixSafety: 'No fix: the file is not a Dockerfile to repair; exclude it from linting or lint its rendered output.',
      references: ['https://docs.docker.com/reference/dockerfile/#format', 'https://docs.docker.com/reference/dockerfile/#overview'],
    },
  },
  check(ctx) {
    const not = ctx.model.notDockerfile;
    if (!not) return;
    ctx.report({ range: not.first.keywordRange, messageId: 'notDockerfile', data: { word: ctx.model.lines.slice(not.first.keywordRange), more: not.unknown - 1, total: not.total } });
  },
});
