// Table tests for NoEmptyContinuation empty-continuation-line.
import rule from '../../../server/src/core/rules/dockerfile/empty-continuation-line';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nRUN echo a \\\n    b\n',
    { name: 'a comment line is not empty', code: 'FROM alpine\nEXPOSE \\\n# port\n80\n' },
    { name: 'blank lines inside a heredoc are content', code: 'FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n' },
  ],
  invalid: [
    { code: 'FROM alpine\nEXPOSE \\\n\n80\n', errors: [{ text: '', within: '\n80', message: 'continued `EXPOSE`' }], output: 'FROM alpine\nEXPOSE \\\n80\n', applicability: 'safe' },
  ],
});
