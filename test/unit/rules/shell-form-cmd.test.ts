// Table tests for DL3025 shell-form-cmd.
import rule from '../../../server/src/core/rules/dockerfile/shell-form-cmd';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM python:3.12\nCMD ["gunicorn", "app:app"]\n', 'FROM python:3.12\nHEALTHCHECK NONE\n', 'FROM python:3.12\nHEALTHCHECK --interval=5s CMD ["/bin/check"]\n', 'FROM debian:12\nCMD [ "/bin/sh", "-c", \\\n  "echo foo" ]\n'],
  invalid: [
    { code: 'FROM python:3.12\nCMD gunicorn app:app\n', errors: [{ text: 'gunicorn app:app', message: 'CMD in shell form' }], output: 'FROM python:3.12\nCMD ["gunicorn", "app:app"]\n', applicability: 'safe' },
    { name: 'ENTRYPOINT fix is unsafe', code: 'FROM python:3.12\nENTRYPOINT python -m app\n', errors: [{ text: 'python -m app' }], output: 'FROM python:3.12\nENTRYPOINT ["python", "-m", "app"]\n', applicability: 'unsafe' },
    { name: 'HEALTHCHECK CMD', code: 'FROM python:3.12\nHEALTHCHECK --interval=5s CMD /bin/check --quick\n', errors: [{ text: '/bin/check --quick' }], output: 'FROM python:3.12\nHEALTHCHECK --interval=5s CMD ["/bin/check", "--quick"]\n' },
    { name: 'no fix when the shell would change the words', code: 'FROM python:3.12\nCMD echo $HOME && run\n', errors: [{ text: 'echo $HOME && run' }], output: null },
  ],
});
