// Table tests for JSONArgsRecommended json-args-recommended.
import rule from '../../../server/src/core/rules/dockerfile/json-args-recommended';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nCMD ["app", "serve"]\n',
    { name: 'an explicit SHELL makes shell form deliberate', code: 'FROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD echo hi\n' },
    { name: 'SHELL inherited from the parent stage', code: 'FROM alpine AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nENTRYPOINT run.sh\n' },
    { name: 'RUN is not concerned', code: 'FROM alpine\nRUN echo hi\n' },
  ],
  invalid: [
    { code: 'FROM alpine\nCMD gunicorn -b 0.0.0.0:8000 app:app\n', errors: [{ text: 'gunicorn -b 0.0.0.0:8000 app:app' }], output: 'FROM alpine\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n', applicability: 'safe' },
    { name: 'quoted words: unsafe fix', code: 'FROM alpine\nENTRYPOINT echo "hello world"\n', errors: [{ text: 'echo "hello world"', message: '`ENTRYPOINT`' }], output: 'FROM alpine\nENTRYPOINT ["echo", "hello world"]\n', applicability: 'unsafe' },
    { name: 'shell syntax: no fix', code: 'FROM alpine\nCMD ./migrate && exec ./serve\n', errors: [{ text: './migrate && exec ./serve' }], output: null },
    { name: 'a leading exec is dropped: the array runs the program in the shell\'s place', code: 'FROM alpine\nCMD exec python app.py\n', errors: [{ text: 'exec python app.py' }], output: 'FROM alpine\nCMD ["python", "app.py"]\n', applicability: 'safe' },
    { name: 'a shell builtin first: no fix (a JSON array cannot run source)', code: 'FROM alpine\nCMD source /venv/bin/activate\n', errors: [{ text: 'source /venv/bin/activate' }], output: null },
    { name: 'the dot builtin first: no fix', code: 'FROM alpine\nENTRYPOINT . /env.sh\n', errors: [{ text: '. /env.sh' }], output: null },
    { name: 'a variable assignment first: no fix (it would become the program)', code: 'FROM alpine\nCMD FLASK_APP=app.py flask run\n', errors: [{ text: 'FLASK_APP=app.py flask run' }], output: null },
    { name: 'variables: no fix', code: 'FROM alpine\nCMD serve --port $PORT\n', errors: [{ text: 'serve --port $PORT' }], output: null },
  ],
});
