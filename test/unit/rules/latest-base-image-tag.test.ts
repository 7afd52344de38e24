// Table tests for DL3007 latest-base-image-tag.
import rule from '../../../server/src/core/rules/dockerfile/latest-base-image-tag';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\n',
    'FROM python\n',
    { name: 'a digest pins even with latest', code: 'FROM python:latest@sha256:2e3e2d7f4f5f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c\n' },
    'FROM python:latest-image\n',
  ],
  invalid: [
    {
      code: 'FROM python:latest\n',
      errors: [{ text: 'latest', message: 'tag `latest`' }],
      output: 'FROM python:3.14\n',
      applicability: 'unsafe',
    },
    { code: 'FROM debian:latest AS base\n', errors: [{ text: 'latest' }], output: 'FROM debian:trixie AS base\n' },
    { name: 'no pin offered for images Layerwise has no data on', code: 'FROM myorg/app:latest\n', errors: [{ text: 'latest' }], output: null },
  ],
});
