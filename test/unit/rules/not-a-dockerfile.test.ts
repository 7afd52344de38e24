// Table tests for LW013 not-a-dockerfile, and the engine running no other rule on such a file.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dockerfile/not-a-dockerfile';
import { DOCKERFILE_RULES } from '../../../server/src/core/rules/registry';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { lintDockerfileWith } from '../../../server/src/core/engine';
import { initRuntime } from '../../../server/src/node/runtime';
import { ruleTester } from '../../helpers/rule-tester';

const JQ = `def from_line: "FROM \\(.base):\\(.tag)";
{
  "name": .name,
  "stages": [
    from_line,
    "RUN pip install \\(.packages | join(" "))",
    "WORKDIR /app"
  ],
  "labels": .labels | to_entries | map("\\(.key)=\\(.value)")
}
| .stages | join("\\n")
FROM python:3.12
`;
const JINJA = `{% set py = python_version | default("3.12") %}
{% if use_slim %}
{{ "FROM python:" ~ py ~ "-slim" }}
{% else %}
{{ "FROM python:" ~ py }}
{% endif %}
{% for pkg in packages %}
RUN pip install --no-cache-dir {{ pkg }}
{% endfor %}
WORKDIR {{ workdir }}
`;
const JSON_DOC = '[\n  {"from": "python:3.12-slim"},\n  {"run": "pip install flask"}\n]\n';
const SCRIPT = '#!/usr/bin/env bash\nset -euo pipefail\ndocker build -t app .\nfor f in dist/*; do\n  cp "$f" /tmp\ndone\n';
const YAML = 'services:\n  web:\n    build: .\n    command: python app.py\n';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    { name: 'a Go template with a few control lines among instructions', code: 'FROM {{ .base }}\nRUN pip install --no-cache-dir flask==3.0.3\n{{ if .debug }}\nRUN pip install --no-cache-dir debugpy==1.8.0\n{{ end }}\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n' },
    { name: 'a Jinja block at the top of an otherwise real Dockerfile', code: '{% if cuda %}\nFROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update\nWORKDIR /app\nCOPY . .\nCMD ["python3", "app.py"]\n' },
    { name: 'a misspelt first keyword', code: 'FORM python:3.12\nRUN pip install flask\nCMD ["python"]\n' },
    { name: 'an empty file', code: '' },
    { name: 'comments and a parser directive only', code: '# syntax=docker/dockerfile:1\n# nothing yet\n' },
    { name: 'lower-case instructions', code: 'from python:3.12\nrun pip install flask\n' },
  ],
  invalid: [
    { name: 'a jq template', code: JQ, errors: [{ text: 'def', message: '`def` is not a Dockerfile instruction, and 10 more of the 12 lines are not either' }], output: null },
    { name: 'a Jinja-templated Dockerfile that is mostly template', code: JINJA, errors: [{ text: '{%', message: '7 more of the 10 lines' }], output: null },
    { name: 'a JSON document', code: JSON_DOC, errors: [{ text: '[', messageId: 'notDockerfile' }], output: null },
    { name: 'a shell script (its #! line is a comment)', code: SCRIPT, errors: [{ text: 'set', messageId: 'notDockerfile' }], output: null },
    { name: 'a YAML document', code: YAML, errors: [{ text: 'services:', messageId: 'notDockerfile' }], output: null },
  ],
});

before(async () => initRuntime());

test('no other rule runs on a file that is not a Dockerfile: a jq template gets one finding, not one per line', () => {
  const codes = lintDockerfileWith(DOCKERFILE_RULES, buildDockerfileModel(JQ)).map((f) => f.code);
  assert.deepEqual(codes, ['LW013']);
});

test('a Dockerfile is linted by every rule as before (DL3061 still reports a LABEL before FROM)', () => {
  const codes = lintDockerfileWith(DOCKERFILE_RULES, buildDockerfileModel('LABEL a=b\nFROM python:3.12-slim\nUSER 1000\n')).map((f) => f.code);
  assert.ok(codes.includes('DL3061'));
  assert.ok(!codes.includes('LW013'));
});
