// Table tests for LW053 venv-copied-to-different-path.
import rule from '../../../server/src/core/rules/dockerfile/venv-copied-to-different-path';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'follows ENV in the venv path', code: 'FROM python:3.12 AS b\nENV VENV=/opt/venv\nRUN python -m venv $VENV\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n' },
    {
      name: 'a trailing slash on both sides copies the folder\'s contents to the same path, not to /opt/x/x',
      code: 'FROM python:3.12 AS build\nRUN python -m venv /opt/x\nFROM python:3.12-slim\nCOPY --from=build /opt/x/ /opt/x/\n',
    },
    {
      name: 'a trailing slash on the destination only: the venv\'s contents land in the destination itself',
      code: 'FROM python:3.12 AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv/\n',
    },
    { name: 'accepts a relative venv copied to the same absolute place', code: 'FROM python:3.12 AS b\nWORKDIR /app\nRUN python -m venv .venv\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=b /app/.venv .venv\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /venv\n',
      errors: [{ text: '/venv', within: 'venv /venv\n', message: 'The venv created at `/opt/venv` is copied to `/venv`' }],
      output: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
      applicability: 'unsafe',
    },
    {
      name: 'uv venv counts as a venv',
      code: 'FROM python:3.12 AS b\nRUN uv venv /opt/env\nFROM python:3.12-slim\nCOPY --from=b /opt/env /usr/local/env\n',
      errors: [{ text: '/usr/local/env' }],
    },
    {
      name: 'a venv copied to its parent folder is spread there (Docker copies a folder\'s contents), not re-created as /opt/venv',
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/\n',
      errors: [{ text: '/opt/', within: 'venv /opt/\n', message: 'The venv created at `/opt/venv` is copied to `/opt`:' }],
      output: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
    },
  ],
});
