// Table tests for LW112 requirement-builds-from-source.
import rule from '../../../server/src/core/rules/requirements/requirement-builds-from-source';
import { requirementsRuleTester } from '../../helpers/rule-tester';

const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';

requirementsRuleTester(rule, {
  valid: [
    { name: 'a file no image installs', code: 'psycopg2==2.9.10\n' },
    { name: 'packages with manylinux wheels', code: 'numpy==2.1.3\npsycopg2-binary==2.9.10\nflask\n', files: { Dockerfile: DF } },
    { name: 'packages the data does not know are not guessed at', code: 'some-internal-package==1.0\n', files: { Dockerfile: DF } },
    { name: '--only-binary :all: in the file', code: '--only-binary :all:\npsycopg2\n', files: { Dockerfile: DF } },
  ],
  invalid: [
    {
      name: 'an sdist-only package on Debian slim',
      code: 'psycopg2==2.9.10\n',
      files: { Dockerfile: DF },
      errors: [{ text: 'psycopg2', message: 'no wheel for Python 3.12 on glibc x86_64: in `python:3.12-slim` pip compiles it from source, which needs `gcc`, `libpq-dev`; `psycopg2-binary` ships wheels' }],
      output: 'psycopg2-binary==2.9.10\n',
      applicability: 'unsafe',
    },
    {
      name: 'an arm64 FROM speaks of aarch64 wheels',
      code: 'psycopg2==2.9.10\n',
      files: { Dockerfile: DF.replace('FROM python', 'FROM --platform=linux/arm64 python') },
      errors: [{ text: 'psycopg2', message: 'no wheel for Python 3.12 on glibc aarch64' }],
      output: 'psycopg2-binary==2.9.10\n',
    },
    {
      name: 'a platform given through a global ARG is resolved',
      code: 'psycopg2==2.9.10\n',
      files: { Dockerfile: 'ARG PLATFORM=linux/arm64\n' + DF.replace('FROM python', 'FROM --platform=$PLATFORM python') },
      errors: [{ text: 'psycopg2', message: 'no wheel for Python 3.12 on glibc aarch64' }],
      output: 'psycopg2-binary==2.9.10\n',
    },
    {
      name: 'a package with manylinux wheels but no musllinux wheel on Alpine',
      code: 'onnx\n',
      files: { Dockerfile: DF.replace('3.12-slim', '3.12-alpine') },
      errors: [{ text: 'onnx', message: 'on musl x86_64' }],
      output: null,
    },
  ],
});
