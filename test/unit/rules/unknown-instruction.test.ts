// Table tests for LW020 unknown-instruction: a half-typed keyword is one error with "did you mean".
import rule from '../../../server/src/core/rules/dockerfile/unknown-instruction';
import { looksHalfTyped, suggestInstruction } from '../../../server/src/core/instruction-typo';
import { INSTRUCTION_KEYWORDS } from '../../../server/src/core/model/dockerfile';
import { ruleTester } from '../../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nCMD ["flask", "run"]\n',
    { name: 'lowercase and mixed-case instructions are instructions', code: 'from python:3.12-slim\nRun echo hi\nONBUILD COPY . /app\n' },
  ],
  invalid: [
    {
      name: 'a line that would become a RUN with an unterminated quote: reported, no fix (fuzz seed 777 #23661)',
      code: "FROM python:3.12-slim\nR:UN echo 'unterminated || true\n",
      errors: [{ text: 'R:UN', message: 'did you mean' }],
      output: null,
    },
    {
      name: 'RUNN: a doubled letter, replaced',
      code: 'FROM python:3.12-slim\nRUNN pip install x\n',
      errors: [{ text: 'RUNN', message: 'Unknown instruction `RUNN`: did you mean `RUN`?' }],
      output: 'FROM python:3.12-slim\nRUN pip install x\n',
      applicability: 'unsafe',
    },
    {
      name: 'CPOY: two letters swapped',
      code: 'FROM python:3.12-slim\nCPOY . .\n',
      errors: [{ text: 'CPOY', message: 'did you mean `COPY`?' }],
      output: 'FROM python:3.12-slim\nCOPY . .\n',
    },
    {
      name: 'FROMasdkjh python:3.12: the glued word is replaced, the image kept',
      code: 'FROMasdkjh python:3.12\nRUN echo hi\n',
      errors: [{ text: 'FROMasdkjh', message: 'did you mean `FROM`?' }],
      output: 'FROM python:3.12\nRUN echo hi\n',
    },
    {
      name: 'FROMpython:3.12 with nothing after: a space is inserted',
      code: 'FROMpython:3.12\nRUN echo hi\n',
      errors: [{ text: 'FROMpython:3.12' }],
      output: 'FROM python:3.12\nRUN echo hi\n',
    },
    {
      name: 'RUNpip install flask: RUN takes a command, so a space is inserted',
      code: 'FROM python:3.12-slim\nRUNpip install flask\n',
      errors: [{ text: 'RUNpip', message: 'did you mean `RUN`?' }],
      output: 'FROM python:3.12-slim\nRUN pip install flask\n',
    },
    {
      name: 'a lowercase typo gets a lowercase instruction; two edits in a long keyword',
      code: 'from python:3.12-slim\nworkdirr /app\nENTRYPONT ["python"]\n',
      errors: [{ text: 'workdirr', message: '`workdir`' }, { text: 'ENTRYPONT', message: '`ENTRYPOINT`' }],
      output: 'from python:3.12-slim\nworkdir /app\nENTRYPOINT ["python"]\n',
    },
    {
      name: 'an ONBUILD trigger is checked too',
      code: 'FROM python:3.12-slim\nONBUILD CPOY . /app\n',
      errors: [{ text: 'CPOY' }],
      output: 'FROM python:3.12-slim\nONBUILD COPY . /app\n',
    },
    {
      name: 'a word close to no instruction: no suggestion, no fix',
      code: 'FROM python:3.12-slim\nXYZZY /app\nRUN echo hi\n',
      errors: [{ text: 'XYZZY', message: 'Unknown instruction `XYZZY`: Docker stops the build at this line' }],
      output: null,
    },
    {
      name: 'a one-line file being typed is a Dockerfile with a typo, not LW013\'s "not a Dockerfile"',
      code: 'FROMasdkjh python:3.12\n',
      errors: [{ text: 'FROMasdkjh', message: 'did you mean `FROM`?' }],
      output: 'FROM python:3.12\n',
    },
  ],
});

test('suggestInstruction prefers one typo to a glued prefix and leaves far words alone', () => {
  assert.deepEqual(suggestInstruction('RUNN', INSTRUCTION_KEYWORDS), { keyword: 'RUN', glued: false });
  assert.deepEqual(suggestInstruction('fromasdkjh', INSTRUCTION_KEYWORDS), { keyword: 'FROM', glued: true });
  assert.deepEqual(suggestInstruction('EXPOS', INSTRUCTION_KEYWORDS), { keyword: 'EXPOSE', glued: false });
  assert.equal(suggestInstruction('PYTHON', INSTRUCTION_KEYWORDS), undefined);
});

test('looksHalfTyped: uppercase typos and glued keywords, never shell commands written in lowercase', () => {
  assert.equal(looksHalfTyped('FROMasdkjh', INSTRUCTION_KEYWORDS), true);
  assert.equal(looksHalfTyped('CPOY', INSTRUCTION_KEYWORDS), true);
  assert.equal(looksHalfTyped('addgroup', INSTRUCTION_KEYWORDS), false);
  assert.equal(looksHalfTyped('{%', INSTRUCTION_KEYWORDS), false);
});
