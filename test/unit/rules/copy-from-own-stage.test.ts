// Table tests for DL3023 copy-from-own-stage.
import rule from '../../../server/src/core/rules/dockerfile/copy-from-own-stage';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12 AS build\nRUN make\nFROM debian:12 AS app\nCOPY --from=build /o /o\n'],
  invalid: [
    { code: 'FROM debian:12 AS app\nCOPY --from=app /o /o\n', errors: [{ text: 'app', within: '--from=app', message: 'is the stage this COPY is in' }], output: null },
    { name: 'by index', code: 'FROM debian:12\nCOPY --from=0 /o /o\n', errors: [{ text: '0', within: '--from=0' }] },
  ],
});
