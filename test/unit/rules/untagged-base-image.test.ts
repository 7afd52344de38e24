// Table tests for DL3006 untagged-base-image.
import rule from '../../../server/src/core/rules/dockerfile/untagged-base-image';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    'FROM python@sha256:2e3e2d7f4f5f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c\n',
    'FROM scratch\n',
    { name: 'a stage name is not an image', code: 'FROM python:3.12 AS build\nRUN true\nFROM build\n' },
    { name: 'stage names match case-insensitively', code: 'FROM python:3.12 AS Build\nFROM build\n' },
    { name: 'a variable may carry its own tag', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'a registry port is not a tag', code: 'FROM localhost:5000/team/python:3.12\n' },
  ],
  invalid: [
    {
      code: 'FROM python\n',
      errors: [{ text: 'python', message: 'Base image `python` has no tag' }],
      output: 'FROM python:3.14\n',
      applicability: 'unsafe',
    },
    {
      name: 'a known image behind a registry with a port still lacks a tag; no pin offered for unknown images',
      code: 'FROM localhost:5000/team/app\n',
      errors: [{ text: 'localhost:5000/team/app' }],
      output: null,
    },
    {
      name: 'an ARG default that resolves to an untagged image is reported',
      code: 'ARG BASE=debian\nFROM ${BASE}\n',
      errors: [{ text: '${BASE}', message: '`debian`' }],
    },
    {
      name: 'stage alias is kept when the tag is added',
      code: 'FROM ubuntu AS base\n',
      errors: [{ text: 'ubuntu' }],
      output: 'FROM ubuntu:24.04 AS base\n',
    },
  ],
});
