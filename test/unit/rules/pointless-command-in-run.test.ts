// Table tests for DL3001 pointless-command-in-run.
import rule from '../../../server/src/core/rules/dockerfile/pointless-command-in-run';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y openssh-client\n', 'FROM debian:12\nRUN echo "ssh is configured"\n'],
  invalid: [
    { code: 'FROM debian:12\nRUN service nginx start\n', errors: [{ text: 'service', message: '`service` has no useful effect' }], output: null },
    { name: 'seen through sudo', code: 'FROM debian:12\nRUN sudo top -b -n1\n', errors: [{ text: 'top' }] },
    { name: 'ONBUILD triggers are checked', code: 'FROM debian:12\nONBUILD RUN vim /etc/hosts\n', errors: [{ text: 'vim' }] },
  ],
});
