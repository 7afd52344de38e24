// Table tests for DL3022 copy-from-undefined-stage.
import rule from '../../../server/src/core/rules/dockerfile/copy-from-undefined-stage';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\n',
    'FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    'FROM debian:12\nRUN make\nFROM debian:12\nCOPY --from=0 /out /out\n',
  ],
  invalid: [
    { code: 'FROM debian:12\nCOPY --from=builder /out /out\n', errors: [{ text: 'builder', message: '`--from=builder` names no earlier stage' }], output: null },
    { name: 'a stage defined later', code: 'FROM debian:12\nCOPY --from=build /o /o\nFROM debian:12 AS build\n', errors: [{ text: 'build', within: '--from=build' }] },
  ],
});
