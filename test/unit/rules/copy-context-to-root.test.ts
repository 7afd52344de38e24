// Table tests for LW014 copy-context-to-root.
import rule from '../../../server/src/core/rules/dockerfile/copy-context-to-root';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
    'FROM python:3.12-slim\nCOPY . /app\n',
    'FROM python:3.12-slim\nCOPY . /app/\n',
    { name: 'one file into the root', code: 'FROM python:3.12-slim\nCOPY entrypoint.sh /\n' },
    { name: 'a folder of the context into the root (its content is chosen)', code: 'FROM python:3.12-slim\nCOPY rootfs/ /\n' },
    { name: 'from another stage (DL3067 judges `/ /`)', code: 'FROM python:3.12 AS build\nRUN true\nFROM python:3.12-slim\nCOPY --from=build / /\n' },
    { name: 'a relative destination without a WORKDIR of this file: the base image may set one (DL3045)', code: 'FROM tiangolo/uvicorn-gunicorn:python3.11\nCOPY . .\n' },
    { name: 'WORKDIR / then a WORKDIR below it', code: 'FROM python:3.12-slim\nWORKDIR /\nWORKDIR srv\nCOPY . .\n' },
    { name: 'a heredoc source', code: 'FROM python:3.12-slim\nCOPY <<EOF /\nhello\nEOF\n' },
    { name: 'a URL source', code: 'FROM python:3.12-slim\nADD https://example.com/x.tar.gz /\n' },
    { name: 'an unknown variable destination', code: 'FROM python:3.12-slim\nARG DEST\nCOPY . $DEST\n' },
  ],
  invalid: [
    { name: 'COPY . /', code: 'FROM python:3.12-slim\nCOPY . /\n', errors: [{ text: '/', within: 'COPY . /', messageId: 'toRoot' }], output: null },
    { name: 'COPY ./ / with --chown', code: 'FROM python:3.12-slim\nCOPY --chown=app:app ./ /\n', errors: [{ text: '/', occurrence: 1, within: './ /', message: '`COPY ./ /` copies the whole build context into `/`' }] },
    { name: 'ADD . /', code: 'FROM debian:bookworm-slim\nADD . /\n', errors: [{ text: '/', within: 'ADD . /', messageId: 'toRoot' }] },
    { name: 'the context root written as /', code: 'FROM python:3.12-slim\nCOPY / /\n', errors: [{ text: '/', occurrence: 1, within: 'COPY / /', messageId: 'toRoot' }] },
    { name: 'WORKDIR / then COPY . .', code: 'FROM python:3.12-slim\nWORKDIR /\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n', errors: [{ text: '.', occurrence: 1, within: 'COPY . .', messageId: 'toRootWorkdir' }] },
    { name: 'WORKDIR / in the stage it is built FROM, COPY . ./', code: 'FROM python:3.12-slim AS base\nWORKDIR /\nFROM base\nCOPY . ./\n', errors: [{ text: './', within: 'COPY . ./', messageId: 'toRootWorkdir' }] },
    { name: 'a variable destination that is /', code: 'FROM python:3.12-slim\nARG DEST=/\nCOPY . ${DEST}\n', errors: [{ text: '${DEST}', messageId: 'toRoot' }] },
    { name: 'among other sources', code: 'FROM python:3.12-slim\nCOPY requirements.txt . /\n', errors: [{ text: '/', within: '. /', messageId: 'toRoot' }] },
    { name: 'JSON form', code: 'FROM python:3.12-slim\nCOPY [".", "/"]\n', errors: [{ text: '"/"', messageId: 'toRoot' }] },
  ],
});
