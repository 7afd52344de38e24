// Table tests for LW110 gpu-wheels-in-cpu-image.
import rule from '../../../server/src/core/rules/requirements/gpu-wheels-in-cpu-image';
import { requirementsRuleTester } from '../../helpers/rule-tester';

const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';

requirementsRuleTester(rule, {
  valid: [
    { name: 'a file no image installs', code: 'torch==2.5.1\n' },
    { name: 'the CPU index is already there', code: '--index-url https://download.pytorch.org/whl/cpu\ntorch==2.5.1\n', files: { Dockerfile: DF } },
    { name: 'a +cpu version', code: 'torch==2.5.1+cpu\n', files: { Dockerfile: DF } },
    { name: 'the CPU index given on the pip command line', code: 'torch==2.5.1\n', files: { Dockerfile: DF.replace('-r requirements.txt', '--extra-index-url https://download.pytorch.org/whl/cpu -r requirements.txt') } },
    { name: 'the CPU index in PIP_EXTRA_INDEX_URL', code: 'torch\n', files: { Dockerfile: DF.replace('WORKDIR /app', 'ENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu\nWORKDIR /app') } },
    { name: 'a CUDA base image', code: 'torch==2.5.1\n', files: { Dockerfile: DF.replace('python:3.12-slim', 'nvidia/cuda:12.4.1-runtime-ubuntu22.04') } },
    { name: 'an explicit CUDA index', code: '--extra-index-url https://download.pytorch.org/whl/cu124\ntorch\n', files: { Dockerfile: DF } },
    { name: 'an arm64 image (PyPI\'s aarch64 torch has no CUDA dependencies)', code: 'torch\n', files: { Dockerfile: DF.replace('FROM python', 'FROM --platform=linux/arm64 python') } },
    { name: 'the configured target platform is arm64', code: 'torch\n', files: { Dockerfile: DF }, config: { platform: 'linux/arm64' } },
    { name: 'an arm64 platform given through a global ARG', code: 'torch\n', files: { Dockerfile: 'ARG PLATFORM=linux/arm64\n' + DF.replace('FROM python', 'FROM --platform=$PLATFORM python') } },
    { name: 'an arm64 platform inherited from the stage it is built FROM', code: 'torch\n', files: { Dockerfile: 'FROM --platform=linux/arm64 python:3.12-slim AS base\nFROM base\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' } },
    { name: 'the CPU index in a VAR=… prefix of the pip command', code: 'torch\n', files: { Dockerfile: DF.replace('RUN pip install', 'RUN PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu pip install') } },
    { name: 'an Alpine image (no CUDA wheels for musl)', code: 'torch\n', files: { Dockerfile: DF.replace('3.12-slim', '3.12-alpine') } },
    { name: 'tensorflow-cpu', code: 'tensorflow-cpu==2.18.0\n', files: { Dockerfile: DF } },
  ],
  invalid: [
    {
      name: 'torch from PyPI in a slim image',
      code: 'torch==2.5.1\nnumpy==2.1.3\n',
      files: { Dockerfile: DF },
      errors: [{ text: 'torch', message: '`torch` from PyPI is the CUDA build on Linux x86_64 (2.73 GB of wheels' }],
      output: '--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.5.1\nnumpy==2.1.3\n',
      applicability: 'unsafe',
    },
    {
      name: 'tensorflow with its x86_64 wheel size',
      code: 'tensorflow==2.18.0\n',
      files: { Dockerfile: DF },
      errors: [{ text: 'tensorflow', message: '`tensorflow-cpu` is the CPU-only build' }],
      output: 'tensorflow-cpu==2.18.0\n',
    },
    {
      name: 'tensorflow[and-cuda] drops the extra',
      code: 'tensorflow[and-cuda]==2.18.0\n',
      files: { Dockerfile: DF },
      errors: [{ text: 'and-cuda', message: 'adds NVIDIA\'s CUDA libraries' }],
      output: 'tensorflow==2.18.0\n',
    },
  ],
});
