// Table tests for LegacyKeyValueFormat legacy-key-value-format.
import rule from '../../../server/src/core/rules/dockerfile/legacy-key-value-format';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nENV A=1 B=2\n', 'FROM alpine\nLABEL a=b\n', { name: 'ARG is not concerned', code: 'FROM alpine\nARG foo bar\n' }],
  invalid: [
    { code: 'FROM alpine\nENV PYTHONUNBUFFERED 1\n', errors: [{ text: 'PYTHONUNBUFFERED 1' }], output: 'FROM alpine\nENV PYTHONUNBUFFERED=1\n', applicability: 'safe' },
    { name: 'a value with blanks is quoted', code: 'FROM alpine\nLABEL desc my app\n', errors: [{ text: 'desc my app', message: '`LABEL desc' }], output: 'FROM alpine\nLABEL desc="my app"\n' },
    { name: 'a continued value keeps its inner continuations inside the quotes', code: 'ENV DEPS \\\n    curl \\\n    git\n', errors: [{ text: 'DEPS \\\n    curl \\\n    git' }], output: 'ENV DEPS="curl \\\n    git"\n' },
    { name: 'quotes in the value: no fix', code: 'FROM alpine\nENV MSG "hi there"\n', errors: [{ text: 'MSG "hi there"' }], output: null },
  ],
});
