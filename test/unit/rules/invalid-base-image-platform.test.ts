// Table tests for InvalidBaseImagePlatform invalid-base-image-platform.
import rule from '../../../server/src/core/rules/dockerfile/invalid-base-image-platform';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM --platform=linux/arm64 python:3.12-slim\n',
    { name: 'an image whose OS is unknown offline is not judged', code: 'FROM --platform=windows/amd64 example.com/team/app:1\n' },
    { name: 'an ARG with no default nor build argument is not judged', code: 'ARG P\nFROM --platform=$P python:3.12-windowsservercore-ltsc2022\n' },
    { name: 'no --platform: the target platform is unknown', code: 'FROM python:3.12-windowsservercore-ltsc2022\n' },
  ],
  invalid: [
    { code: 'FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022\n', errors: [{ text: 'mcr.microsoft.com/windows/servercore:ltsc2022', message: 'windows' }], output: null },
    { name: 'platform from an ARG default', code: 'ARG P=windows/amd64\nFROM --platform=$P debian:bookworm\n', errors: [{ text: 'debian:bookworm', message: '`windows/amd64`' }] },
    {
      name: 'platform from a build argument of the configuration',
      code: 'ARG P\nFROM --platform=$P debian:bookworm\n',
      config: { buildArgs: { P: 'windows/amd64' } },
      errors: [{ text: 'debian:bookworm', message: 'asks for `windows/amd64`' }],
    },
    { name: 'a bare OS name is that OS on the default architecture', code: 'FROM --platform=windows python:3.12-slim\n', errors: [{ text: 'python:3.12-slim', message: 'built for linux, but `--platform` asks for `windows/amd64`' }] },
  ],
});
