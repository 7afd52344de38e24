// Table tests for WorkdirRelativePath workdir-relative-path.
import rule from '../../../server/src/core/rules/dockerfile/workdir-relative-path';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nWORKDIR /app\n',
    { name: 'relative after an absolute one', code: 'FROM alpine\nWORKDIR /app\nWORKDIR src\n' },
    { name: 'absolute WORKDIR in the parent stage', code: 'FROM alpine AS a\nWORKDIR /app\nFROM a\nWORKDIR sub/\n' },
    { name: 'variables are not judged', code: 'FROM alpine\nARG D=/app\nWORKDIR $D\n' },
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\\\app\n',
  ],
  invalid: [{ code: 'FROM alpine\nWORKDIR app/\n', errors: [{ text: 'app/', message: '`WORKDIR app/`' }], output: 'FROM alpine\nWORKDIR /app/\n', applicability: 'unsafe' }],
});
