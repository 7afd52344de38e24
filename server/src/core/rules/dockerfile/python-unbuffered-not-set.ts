// LW011: the final stage runs Python without PYTHONUNBUFFERED=1, so its output reaches `docker logs` late or never.
import { defineRule } from '../rule';
import { eolOf } from '../../text';
import { continuationOpen } from './util';
import { commandWord } from './python-image-helpers';
import { semanticsFor } from '../../model/semantic';

const PYTHON_FAMILIES = new Set(['python', 'distroless-python', 'chainguard-python']);
const PYTHON_COMMANDS = /^(python[0-9.]*|gunicorn|uvicorn|hypercorn|daphne|celery|flask|django-admin|granian|streamlit|uwsgi|waitress-serve|fastapi|rq|dramatiq|huey_consumer|pytest)$/;

export default defineRule({
  meta: {
    code: 'LW011',
    name: 'python-unbuffered-not-set',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'hint',
    messages: {
      buffered: 'The final stage runs Python without `PYTHONUNBUFFERED=1`: output written to a pipe is buffered, so logs arrive late and are lost on a crash',
    },
    fix: 'safe',
    docs: {
      whatItDoes:
        'A hint at the base image of the final stage of a Python image (or one whose `CMD`/`ENTRYPOINT` starts Python, gunicorn, uvicorn, celery, …) that does not set `PYTHONUNBUFFERED` to a non-empty value and does not start `python -u`.',
      whyItMatters:
        'In a container stdout is a pipe, not a terminal, so Python buffers `print` and logging output in blocks of several kilobytes. `docker logs` and log collectors then see lines minutes late, and whatever is still in the buffer when the process is killed is gone.',
      example: 'FROM python:3.12-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      useInstead: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      fixSafety: 'Safe: adds `ENV PYTHONUNBUFFERED=1` right after the final stage\'s `FROM`; only the timing of output changes.',
      references: ['https://docs.python.org/3/using/cmdline.html#envvar-PYTHONUNBUFFERED', 'https://docs.docker.com/reference/dockerfile/#env'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const stage = model.finalStage;
    if (!stage) return;
    const starts = stage.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const last = starts[starts.length - 1];
    const word = last ? commandWord(last) : undefined;
    const facts = semanticsFor(ctx).stage(stage);
    const runsPython = PYTHON_FAMILIES.has(facts.image.family) || (word !== undefined && PYTHON_COMMANDS.test(word));
    if (!runsPython) return;
    // Python treats any non-empty value as set, `0` included.
    if ((facts.end.env.get('PYTHONUNBUFFERED') ?? '') !== '') return;
    if (starts.some((i) => /\bpython[0-9.]*"?\s*,?\s*"?-u\b/.test(i.argsText))) return;
    const eol = eolOf(model.text);
    const from = stage.fromInstruction;
    // After the stage's last ENV that clears it (`ENV PYTHONUNBUFFERED=`), which would otherwise undo the new line.
    const clearing = stage.instructions.filter((i) => i.keyword === 'ENV' && i.env?.some((kv) => kv.key === 'PYTHONUNBUFFERED')).pop();
    const anchor = clearing ?? from;
    const end = { line: anchor.endLine, character: model.lines.lineText(anchor.endLine).length };
    ctx.report({
      range: from.from!.nameRange ?? from.from!.imageRange,
      messageId: 'buffered',
      // Not after a line that continues (`FROM python:3.12 \` at the end of the file): the ENV would join it.
      fixes: continuationOpen(model, anchor) ? [] : [{ title: 'Add `ENV PYTHONUNBUFFERED=1`', applicability: 'safe', edits: [{ range: { start: end, end }, newText: `${eol}ENV PYTHONUNBUFFERED=1` }] }],
    });
  },
});
