// Table tests for UndefinedVar undefined-var.
import rule from '../../../server/src/core/rules/dockerfile/undefined-var';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG foo\nCOPY $foo .\n',
    'FROM alpine\nRUN echo $foo\nCMD echo $bar\n',
    'FROM alpine\nENV PATH=/opt/bin:$PATH\n',
    { name: 'the python image defines PYTHON_VERSION', code: 'FROM python:3.12-slim\nARG V=$PYTHON_VERSION\n' },
    { name: 'ARG and ENV of the parent stage', code: 'FROM alpine AS base\nARG foo=x\nENV bar=y\nFROM base\nCOPY $foo $bar /\n' },
    { name: 'an ARG of a grandparent stage, as BuildKit hands ARGs down', code: 'FROM alpine AS a\nARG foo=x\nFROM a AS b\nFROM b\nCOPY $foo /\n' },
    { name: 'an ARG declared without a value in the parent stage is declared in the child', code: 'FROM alpine AS base\nARG foo\nFROM base\nCOPY $foo /\n' },
    { name: 'unknown base image: its environment cannot be known offline', code: 'FROM example.com/team/base:1\nCOPY $APP_HOME .\n' },
    { name: 'single quotes and escapes are literal', code: "FROM alpine\nENV A='$x' B=\\$y\n" },
  ],
  invalid: [
    { code: 'FROM alpine\nCOPY $foo .\nARG foo=bar\n', errors: [{ text: '$foo', message: '`$foo`' }], output: null },
    { name: 'HOME is not set at build time', code: 'FROM python:3.12-slim\nENV PATH=$HOME/.local/bin:$PATH\n', errors: [{ text: '$HOME' }] },
    { name: 'typo with a suggestion and an unsafe rename', code: 'FROM alpine\nENV PATH=$PAHT:/tmp/bin\n', errors: [{ text: '$PAHT', message: 'did you mean `$PATH`' }], output: 'FROM alpine\nENV PATH=$PATH:/tmp/bin\n', applicability: 'unsafe' },
    { name: 'a global ARG must be declared again inside the stage', code: 'ARG VERSION=1\nFROM alpine\nLABEL version=${VERSION}\n', errors: [{ text: '${VERSION}' }] },
    { name: 'an ARG of a sibling stage is not in scope', code: 'FROM alpine AS a\nARG foo=x\nFROM alpine\nCOPY $foo /\n', errors: [{ text: '$foo', message: '`$foo` is not defined here' }] },
  ],
});
