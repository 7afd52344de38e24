// Table tests for LW009 pip-install-compiles-on-alpine.
import rule from '../../../server/src/core/rules/dockerfile/pip-install-compiles-on-alpine';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a glibc base has the wheels', code: 'FROM python:3.12-slim\nRUN pip install onnxruntime\n' },
    { name: 'a pure-Python package', code: 'FROM python:3.12-alpine\nRUN pip install flask\n' },
    { name: '--only-binary refuses to build', code: 'FROM python:3.12-alpine\nRUN pip install --only-binary=:all: onnxruntime\n' },
    // onnxruntime publishes no sdist: without a musllinux wheel pip cannot install it at all, it compiles nothing.
    { name: 'a package with no sdist in the data is not said to compile', code: 'FROM python:3.12-alpine\nRUN pip install onnxruntime==1.28.0\n' },
    { name: 'a pin whose files the data does not hold makes no claim', code: 'FROM python:3.12-alpine\nRUN pip install numba==0.50.1\n' },
    {
      name: 'a requirements file with only pure-Python packages',
      code: 'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      files: { 'requirements.txt': 'flask==3.1.2\n' },
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask numba==0.59.1\n',
      errors: [{ text: 'numba==0.59.1', message: '`numba` has no musllinux wheel: on `python:3.12-alpine`' }],
      output: null,
    },
    { name: 'an sdist-only package compiles on musl too', code: 'FROM python:3.12-alpine\nRUN pip install psycopg2\n', errors: [{ text: 'psycopg2' }] },
    { name: 'uv pip install', code: 'FROM alpine:3.22\nRUN uv pip install --system numba\n', errors: [{ text: 'numba' }] },
    {
      name: 'packages from a requirements file copied into the image are checked, reported on the install',
      code: 'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      files: { 'requirements.txt': 'flask==3.1.2\nnumba==0.59.1\n' },
      errors: [{ text: 'pip install', message: '`numba` (from `requirements.txt`) has no musllinux wheel' }],
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
