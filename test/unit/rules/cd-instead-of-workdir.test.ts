// Table tests for DL3003 cd-instead-of-workdir.
import rule from '../../../server/src/core/rules/dockerfile/cd-instead-of-workdir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nWORKDIR /opt\nRUN make\n', 'FROM debian:12\nRUN echo cd /opt\n'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN cd /opt && make install\n',
      errors: [{ text: 'cd', message: '`cd /opt` changes directory for this RUN only' }],
      output: 'FROM debian:12\nWORKDIR /opt\nRUN make install\n',
      applicability: 'unsafe',
    },
    { name: 'no fix when cd is not first', code: 'FROM debian:12\nRUN make && cd /opt && make install\n', errors: [{ text: 'cd' }], output: null },
    { name: 'no fix for a relative directory', code: 'FROM debian:12\nRUN cd src && make\n', errors: [{ text: 'cd' }], output: null },
  ],
});
