// Table tests for DL3004 sudo-in-run.
import rule from '../../../server/src/core/rules/dockerfile/sudo-in-run';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y sudo\n', 'FROM debian:12\nUSER root\nRUN apt-get update\n'],
  invalid: [
    { code: 'FROM debian:12\nRUN sudo apt-get update\n', errors: [{ text: 'sudo', message: '`sudo` in a RUN' }], output: 'FROM debian:12\nRUN apt-get update\n', applicability: 'unsafe' },
    { name: 'in a chain', code: 'FROM debian:12\nRUN apt-get update && sudo -E apt-get install -y x\n', errors: [{ text: 'sudo' }], output: 'FROM debian:12\nRUN apt-get update && apt-get install -y x\n' },
    { name: 'no fix for sudo -u', code: 'FROM debian:12\nRUN sudo -u app make\n', errors: [{ text: 'sudo' }], output: null },
    { name: 'no fix before a shell reserved word (sudo if … runs a program named if; without sudo the shell reads an if statement)', code: 'FROM debian:12\nRUN sudo if [ -f x ]; then make; fi\n', errors: [{ text: 'sudo' }], output: null },
  ],
});
