// Table tests for InvalidBaseImagePlatform invalid-base-image-platform.
import rule from '../../../server/src/core/rules/dockerfile/invalid-base-image-platform';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM --platform=linux/arm64 python:3.12-slim\n',
    { name: 'an image whose OS is unknown offline is not judged', code: 'FROM --platform=windows/amd64 example.com/team/app:1\n' },
    { name: 'no --platform: the target platform is unknown', code: 'FROM python:3.12-windowsservercore-ltsc2022\n' },
  ],
  invalid: [
    { code: 'FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022\n', errors: [{ text: 'mcr.microsoft.com/windows/servercore:ltsc2022', message: 'windows' }], output: null },
    { name: 'platform from an ARG default', code: 'ARG P=windows/amd64\nFROM --platform=$P debian:bookworm\n', errors: [{ text: 'debian:bookworm', message: '`windows/amd64`' }] },
  ],
});
