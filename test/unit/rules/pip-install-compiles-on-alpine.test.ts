// Table tests for LW009 pip-install-compiles-on-alpine.
import rule from '../../../server/src/core/rules/dockerfile/pip-install-compiles-on-alpine';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a glibc base has the wheels', code: 'FROM python:3.12-slim\nRUN pip install onnxruntime\n' },
    { name: 'a pure-Python package', code: 'FROM python:3.12-alpine\nRUN pip install flask\n' },
    { name: '--only-binary refuses to build', code: 'FROM python:3.12-alpine\nRUN pip install --only-binary=:all: onnxruntime\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask onnxruntime==1.20.1\n',
      errors: [{ text: 'onnxruntime==1.20.1', message: '`onnxruntime` has no musllinux wheel: on `python:3.12-alpine`' }],
      output: null,
    },
    { name: 'an sdist-only package compiles on musl too', code: 'FROM python:3.12-alpine\nRUN pip install psycopg2\n', errors: [{ text: 'psycopg2' }] },
    { name: 'uv pip install', code: 'FROM alpine:3.22\nRUN uv pip install --system numba\n', errors: [{ text: 'numba' }] },
    { name: 'a builder stage on Alpine still compiles slowly', code: 'FROM python:3.12-alpine AS b\nRUN pip wheel -w /w x && pip install lightgbm\nFROM python:3.12-alpine\n', errors: [{ text: 'lightgbm' }] },
  ],
});
