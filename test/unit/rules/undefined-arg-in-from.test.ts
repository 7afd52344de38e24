// Table tests for UndefinedArgInFrom undefined-arg-in-from.
import rule from '../../../server/src/core/rules/dockerfile/undefined-arg-in-from';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'ARG BASE=alpine\nFROM $BASE\n',
    'FROM --platform=$BUILDPLATFORM alpine\n',
    { name: 'declared without a default is still declared', code: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12${VARIANT}\n', errors: [{ text: '${VARIANT}', message: '`VARIANT`' }], output: null },
    { name: 'typo of a predefined ARG, with a rename offered', code: 'FROM --platform=$BULIDPLATFORM alpine\n', errors: [{ text: '$BULIDPLATFORM', message: 'did you mean `BUILDPLATFORM`' }], output: 'FROM --platform=$BUILDPLATFORM alpine\n', applicability: 'unsafe' },
    { name: 'an ARG declared inside a stage does not count for later FROMs', code: 'FROM alpine\nARG IMG=debian\nFROM $IMG\n', errors: [{ text: '$IMG' }] },
    {
      name: 'an ARG whose name no reference can spell is never suggested (fuzz seed 777 #8554: fix-all never converged)',
      code: 'ARG BASE\uFFFD=python:3.12-slim\nFROM ${BASE}\n',
      errors: [{ text: '${BASE}', message: '`BASE` is not declared' }],
      output: null,
    },
  ],
});
