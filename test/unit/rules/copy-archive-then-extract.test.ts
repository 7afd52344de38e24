// Table tests for DL3010 copy-archive-then-extract.
import rule from '../../../server/src/core/rules/dockerfile/copy-archive-then-extract';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nCOPY app.tar.gz /tmp/\n',
    'FROM debian:12\nADD app.tar.gz /opt/\n',
    { name: 'a new stage forgets the archive', code: 'FROM debian:12\nCOPY app.tar /tmp/\nFROM debian:12\nRUN tar -xf /tmp/app.tar\n' },
    { name: 'COPY --from is not a build-context archive', code: 'FROM debian:12\nCOPY --from=build /a.tar /a.tar\nRUN tar -xf /a.tar\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
      errors: [{ text: 'app.tar.gz', message: '`app.tar.gz` is copied and then unpacked' }],
      output: null,
    },
    { name: 'archive named by the destination', code: 'FROM debian:12\nCOPY dist/x.tgz /x.tgz\nRUN cd / && tar xf x.tgz\n', errors: [{ text: 'dist/x.tgz' }] },
    { name: 'gunzip counts', code: 'FROM debian:12\nCOPY data.gz /d/\nRUN gunzip /d/data.gz\n', errors: [{ text: 'data.gz', within: 'COPY data.gz' }] },
  ],
});
