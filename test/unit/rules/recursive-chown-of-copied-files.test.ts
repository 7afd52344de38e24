// Table tests for LW006 recursive-chown-of-copied-files.
import rule from '../../../server/src/core/rules/dockerfile/recursive-chown-of-copied-files';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nCOPY --chown=10001:10001 . /app\n',
    { name: 'a path nothing was copied to', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chown -R 10001 /data\n' },
    { name: 'not recursive', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chown 10001 /app\n' },
    { name: 'a builder stage', code: 'FROM python:3.12 AS b\nCOPY . /src\nRUN chown -R 1 /src\nFROM python:3.12-slim\nCOPY --from=b /src /src\n' },
  ],
  invalid: [
    {
      name: 'a chown inside a { …; } group: reported, no fix (cutting to the next command would cut the group: fuzz seed 777 #2)',
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN { chown -R 10001 /app; } && pip install flask\n',
      errors: [{ text: 'chown -R 10001 /app' }],
      output: null,
    },
    {
      name: 'across a continuation line the fix still removes the command with its operator',
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chown -R 10001 /app && \\\n    pip install flask\n',
      errors: [{ text: 'chown -R 10001 /app' }],
      output: 'FROM python:3.12-slim\nCOPY --chown=10001 . /app\nRUN pip install flask\n',
    },
    {
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chown -R 10001:10001 /app\nUSER 10001\n',
      errors: [{ text: 'chown -R 10001:10001 /app', message: 'the COPY on line 2 copied' }],
      output: 'FROM python:3.12-slim\nCOPY --chown=10001:10001 . /app\nUSER 10001\n',
      applicability: 'safe',
    },
    {
      name: 'the path is resolved against WORKDIR; the folder WORKDIR made makes the fix unsafe',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R 10001 /app\n',
      errors: [{ text: 'chown -R 10001 /app' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=10001 . .\n',
      applicability: 'unsafe',
    },
    {
      name: 'a COPY destination written with a variable is resolved',
      code: 'FROM python:3.12-slim\nENV APP=/app\nCOPY . $APP\nRUN chown -R 10001 /app\n',
      errors: [{ text: 'chown -R 10001 /app' }],
      output: 'FROM python:3.12-slim\nENV APP=/app\nCOPY --chown=10001 . $APP\n',
      applicability: 'safe',
    },
    {
      name: 'a relative path is resolved against a cd earlier in the RUN',
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN cd /app && chown -R 10001 .\n',
      errors: [{ text: 'chown -R 10001 .' }],
      output: 'FROM python:3.12-slim\nCOPY --chown=10001 . /app\nRUN cd /app\n',
      applicability: 'safe',
    },
    {
      name: 'only the chown is dropped from a longer RUN',
      code: 'FROM python:3.12-slim\nRUN useradd app\nCOPY src /srv\nRUN chown -R app /srv && echo ok\n',
      errors: [{ text: 'chown -R app /srv' }],
      output: 'FROM python:3.12-slim\nRUN useradd app\nCOPY --chown=app src /srv\nRUN echo ok\n',
      applicability: 'safe',
    },
    {
      name: 'unsafe when the user is created after the COPY',
      code: 'FROM python:3.12-slim\nCOPY src /srv\nRUN useradd app && chown -R app /srv\n',
      errors: [{ text: 'chown -R app /srv' }],
      output: 'FROM python:3.12-slim\nCOPY --chown=app src /srv\nRUN useradd app\n',
      applicability: 'unsafe',
    },
    {
      name: 'chmod with an octal mode',
      code: 'FROM python:3.12-slim\nCOPY scripts /opt/scripts\nRUN chmod -R 755 /opt/scripts\n',
      errors: [{ text: 'chmod -R 755 /opt/scripts', message: '`COPY --chmod`' }],
      output: 'FROM python:3.12-slim\nCOPY --chmod=755 scripts /opt/scripts\n',
    },
    { name: 'a symbolic mode gets no fix', code: 'FROM python:3.12-slim\nCOPY s /s\nRUN chmod -R u+x /s\n', errors: [{ text: 'chmod -R u+x /s' }], output: null },
  ],
});
