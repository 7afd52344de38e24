// Table tests for LW011 python-unbuffered-not-set.
import rule from '../../../server/src/core/rules/dockerfile/python-unbuffered-not-set';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
    { name: 'any non-empty value counts, as in Python', code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=0\n' },
    { name: 'inherited from the stage it is built on', code: 'FROM python:3.12-slim AS base\nENV PYTHONUNBUFFERED=1\nFROM base\nCMD ["python"]\n' },
    { name: 'python -u', code: 'FROM python:3.12-slim\nCMD ["python", "-u", "app.py"]\n' },
    { name: 'not a Python image and no Python command', code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'only the final stage counts', code: 'FROM python:3.12 AS b\nFROM nginx:1.27\n' },
  ],
  invalid: [
    {
      name: 'no fix after a FROM whose continuation is still open at the end of the file',
      code: 'FROM python:3.12-slim \\\n',
      errors: [{ text: 'python' }],
      output: null,
    },
    {
      code: 'FROM python:3.12-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      errors: [{ text: 'python', message: 'without `PYTHONUNBUFFERED=1`' }],
      output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      applicability: 'safe',
    },
    {
      name: 'another base that starts gunicorn',
      code: 'FROM debian:bookworm-slim AS x\nCMD gunicorn app:app',
      errors: [{ text: 'debian' }],
      output: 'FROM debian:bookworm-slim AS x\nENV PYTHONUNBUFFERED=1\nCMD gunicorn app:app',
    },
    { name: 'a value that expands to nothing is unset', code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=${UNBUFFERED:-}\n', errors: [{ text: 'python' }] },
    {
      name: 'an empty value is unset; the fix goes after the ENV that clears it, or that ENV would undo it (fuzz seed 20261203 #3428)',
      code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED="" PATH=/opt/venv/bin:$PATH\nCMD ["python"]\n',
      errors: [{ text: 'python', occurrence: 0 }],
      output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED="" PATH=/opt/venv/bin:$PATH\nENV PYTHONUNBUFFERED=1\nCMD ["python"]\n',
    },
  ],
});
