// Table tests for LW021 unterminated-heredoc: a heredoc with no closing line is an error at its marker.
import rule from '../../../server/src/core/rules/dockerfile/unterminated-heredoc';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n',
    { name: 'a dash heredoc closed by an indented delimiter, a quoted one, a COPY heredoc', code: 'FROM python:3.12-slim\nRUN <<-"EOT" bash\n\techo hi\n\tEOT\nCOPY <<CONF /etc/app.conf\nkey=value\nCONF\n' },
    { name: 'no heredoc at all', code: 'FROM python:3.12-slim\nRUN echo "<<" > /tmp/x\n' },
  ],
  invalid: [
    {
      name: 'RUN <<EOF with no EOF line, at the end of the file',
      code: 'FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask\n',
      errors: [{ text: '<<EOF', message: 'Heredoc `<<EOF` is never closed: no line `EOF` follows' }],
      output: null,
    },
    {
      name: 'a misspelt delimiter swallows the instructions below',
      code: 'FROM python:3.12-slim\nRUN <<EOF\necho hi\nEFO\nCMD ["python"]\n',
      errors: [{ text: '<<EOF' }],
    },
    {
      name: 'of two heredocs on one line, the second is not closed; COPY heredocs count',
      code: 'FROM python:3.12-slim\nCOPY <<A <<B /app/\na\nA\nb\n',
      errors: [{ text: '<<B' }],
    },
  ],
});
