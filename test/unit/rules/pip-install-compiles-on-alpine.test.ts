// Table tests for LW009 pip-install-compiles-on-alpine.
import rule from '../../../server/src/core/rules/dockerfile/pip-install-compiles-on-alpine';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a glibc base has the wheels', code: 'FROM python:3.12-slim\nRUN pip install onnxruntime\n' },
    { name: 'a pure-Python package', code: 'FROM python:3.12-alpine\nRUN pip install flask\n' },
    { name: '--only-binary refuses to build', code: 'FROM python:3.12-alpine\nRUN pip install --only-binary=:all: onnxruntime\n' },
    {
      name: 'a requirements file with only pure-Python packages',
      code: 'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      files: { 'requirements.txt': 'flask==3.1.2\n' },
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask onnxruntime==1.20.1\n',
      errors: [{ text: 'onnxruntime==1.20.1', message: '`onnxruntime` has no musllinux wheel: on `python:3.12-alpine`' }],
      output: null,
    },
    { name: 'an sdist-only package compiles on musl too', code: 'FROM python:3.12-alpine\nRUN pip install psycopg2\n', errors: [{ text: 'psycopg2' }] },
    { name: 'uv pip install', code: 'FROM alpine:3.22\nRUN uv pip install --system numba\n', errors: [{ text: 'numba' }] },
    {
      name: 'packages from a requirements file copied into the image are checked, reported on the install',
      code: 'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      files: { 'requirements.txt': 'flask==3.1.2\nonnxruntime==1.20.1\n' },
      errors: [{ text: 'pip install', message: '`onnxruntime` (from `requirements.txt`) has no musllinux wheel' }],
    },
    {
      name: 'nested -r includes are followed',
      code: 'FROM python:3.12-alpine\nCOPY requirements/ requirements/\nRUN pip install -r requirements/prod.txt\n',
      files: { 'requirements/prod.txt': '-r base.txt\ngunicorn\n', 'requirements/base.txt': 'psycopg2==2.9.10\n' },
      errors: [{ text: 'pip install', message: '`psycopg2` (from `base.txt`)' }],
    },
    { name: 'a builder stage on Alpine still compiles slowly', code: 'FROM python:3.12-alpine AS b\nRUN pip wheel -w /w x && pip install lightgbm\nFROM python:3.12-alpine\n', errors: [{ text: 'lightgbm' }] },
  ],
});
