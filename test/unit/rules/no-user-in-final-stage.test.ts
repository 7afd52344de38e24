// Table tests for LW007 no-user-in-final-stage.
import rule from '../../../server/src/core/rules/dockerfile/no-user-in-final-stage';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nUSER 10001\nCMD ["python"]\n',
    { name: 'an explicit USER root is DL3002\'s', code: 'FROM python:3.12-slim\nUSER root\nCMD ["python"]\n' },
    { name: 'USER inherited from the stage it is built on', code: 'FROM python:3.12-slim AS base\nUSER app\nFROM base\nCMD ["python"]\n' },
    { name: 'USER two stages up the lineage', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS os\nUSER 1000\nFROM os AS deps\nRUN echo deps\nFROM deps\nENTRYPOINT ["python3", "serve.py"]\n' },
    { name: 'a USER after the CMD still applies to it', code: 'FROM debian:bookworm-slim\nCMD ["app"]\nUSER nobody\n' },
    { name: 'only the final stage counts', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w flask\nFROM python:3.12-slim\nUSER 10001\n' },
    { name: 'distroless :nonroot runs as uid 65532', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app.py /app/\nCMD ["/app/app.py"]\n' },
    { name: 'distroless :debug-nonroot', code: 'FROM gcr.io/distroless/static-debian12:debug-nonroot\nCOPY --chmod=755 server /server\nENTRYPOINT ["/server"]\n' },
    { name: 'Chainguard images run as nonroot', code: 'FROM cgr.dev/chainguard/python:latest\nWORKDIR /app\nCOPY main.py .\nENTRYPOINT ["python", "main.py"]\n' },
    { name: 'Bitnami images run as uid 1001', code: 'FROM docker.io/bitnami/python:3.11\nCOPY . /app\nCMD ["python", "/app/run.py"]\n' },
    { name: 'micromamba runs as mambauser', code: 'FROM mambaorg/micromamba:1.5.8\nCOPY env.yaml /tmp/env.yaml\nRUN micromamba install -y -n base -f /tmp/env.yaml\n' },
    { name: 'Jupyter images run as jovyan', code: 'FROM quay.io/jupyter/scipy-notebook:2024-05-27\nRUN pip install --no-cache-dir altair\n' },
    { name: 'a final stage built on a stage whose base is non-root', code: 'FROM gcr.io/distroless/base-debian12:nonroot AS run\nFROM run\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'Windows images have no root user', code: 'FROM python:3.12-windowsservercore-ltsc2022\nCMD ["python"]\n' },
    { name: 'Windows images by repository', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n' },
    { name: 'Windows images by tag', code: 'FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-1809\nENTRYPOINT ["dotnet", "app.dll"]\n' },
    { name: 'USER from a variable', code: 'FROM ubuntu:24.04\nARG APP_UID=10001\nUSER ${APP_UID}\nCMD ["bash"]\n' },
  ],
  invalid: [
    {
      name: 'no fix after a RUN whose continuation is still open at the end of the file (new lines would continue it)',
      code: 'FROM python:3.12-slim\r\nRUN \\\r\n# comment inside\r\n',
      errors: [{ text: 'python:3.12-slim' }],
      output: null,
    },
    {
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\n# start\nCMD ["python", "app.py"]\n',
      errors: [{ text: 'CMD', message: '`CMD` runs as root: the final stage never sets a USER and `python:3.12-slim` defaults to root' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nEXPOSE 8000\n# start\nCMD ["python", "app.py"]\n',
      applicability: 'unsafe',
    },
    {
      name: 'an ONBUILD USER runs only in images built from this one: it does not set the user here',
      code: 'FROM python:3.12-slim\nONBUILD USER app\nCMD ["python"]\n',
      errors: [{ text: 'CMD', message: '`CMD` runs as root' }],
      output: 'FROM python:3.12-slim\nONBUILD USER app\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python"]\n',
    },
    {
      name: 'Alpine gets adduser',
      code: 'FROM python:3.12-alpine\nENTRYPOINT ["python"]\n',
      errors: [{ text: 'ENTRYPOINT' }],
      output: 'FROM python:3.12-alpine\nRUN adduser -S -u 10001 app\nUSER 10001\nENTRYPOINT ["python"]\n',
    },
    {
      name: 'without CMD the final stage is reported at its base image, not "the container"',
      code: 'FROM debian:bookworm-slim\nRUN echo hi',
      errors: [{ text: 'debian:bookworm-slim', message: 'The final stage runs as root: it never sets a USER and `debian:bookworm-slim` defaults to root' }],
      output: 'FROM debian:bookworm-slim\nRUN echo hi\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001',
    },
    {
      name: 'nvidia/cuda runs as root',
      code: 'FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nCOPY . /srv\nCMD ["python3", "/srv/infer.py"]\n',
      errors: [{ text: 'CMD', message: '`nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04` defaults to root' }],
      output:
        'FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\nCOPY . /srv\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python3", "/srv/infer.py"]\n',
    },
    {
      name: 'pytorch/pytorch without CMD',
      code: 'FROM pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime\nWORKDIR /workspace\nCOPY train.py .\n',
      errors: [{ text: 'pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime', message: 'The final stage runs as root: it never sets a USER' }],
    },
    {
      name: 'tiangolo images keep the python image\'s root',
      code: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY ./app /app\n',
      errors: [{ text: 'tiangolo/uvicorn-gunicorn-fastapi:python3.11', message: '`tiangolo/uvicorn-gunicorn-fastapi:python3.11` defaults to root' }],
    },
    {
      name: 'conda images',
      code: 'FROM continuumio/miniconda3:24.4.0-0\nRUN conda install -y numpy\nENTRYPOINT ["python"]\n',
      errors: [{ text: 'ENTRYPOINT', message: '`ENTRYPOINT` runs as root: the final stage never sets a USER and `continuumio/miniconda3:24.4.0-0` defaults to root' }],
    },
    {
      name: 'miniforge built on by a named stage: reported at the final FROM, naming the image the lineage starts from',
      code: 'FROM condaforge/miniforge3:24.3.0-0 AS env\nRUN mamba install -y pandas\nFROM env\nCOPY job.py /job.py\n',
      errors: [{ text: 'env', within: 'FROM env\n', message: '`condaforge/miniforge3:24.3.0-0` defaults to root' }],
    },
    {
      name: 'the uv image built on Debian',
      code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\nCMD ["uv", "run", "app.py"]\n',
      errors: [{ text: 'CMD', message: 'defaults to root' }],
      output: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["uv", "run", "app.py"]\n',
    },
    {
      name: 'scratch with a static binary still runs it as uid 0; no shell to create a user with',
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ text: 'ENTRYPOINT', message: '`ENTRYPOINT` runs as root: the final stage never sets a USER and `scratch` defaults to root' }],
      output: null,
    },
    {
      name: 'distroless tags without nonroot run as root',
      code: 'FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nCMD ["/app/app.py"]\n',
      errors: [{ text: 'CMD', message: '`gcr.io/distroless/python3-debian12` defaults to root' }],
      output: null,
    },
    {
      name: 'a base whose default user is not known: hedged, no fix',
      code: 'FROM registry.example.com/platform/python-base:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: [{ text: 'CMD', message: '`CMD` runs as root unless the base image `registry.example.com/platform/python-base:3.12` sets a USER: the final stage never sets one' }],
      output: null,
    },
    {
      name: 'a Linux image of a Windows vendor is still judged',
      code: 'FROM mcr.microsoft.com/powershell:ubuntu-22.04\nCMD ["pwsh"]\n',
      errors: [{ text: 'CMD', message: 'runs as root unless the base image `mcr.microsoft.com/powershell:ubuntu-22.04` sets a USER' }],
    },
    {
      name: 'an unknown base and no CMD',
      code: 'FROM myorg/runtime:1.4\nRUN pip install --no-cache-dir flask\n',
      errors: [{ text: 'myorg/runtime:1.4', message: 'The final stage runs as root unless the base image `myorg/runtime:1.4` sets a USER: it never sets one' }],
      output: null,
    },
    {
      name: 'a base named by a variable without a value',
      code: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\nCMD ["serve"]\n',
      errors: [{ text: 'CMD', message: 'runs as root unless the base image `$BASE_IMAGE` sets a USER' }],
      output: null,
    },
    {
      name: 'a base named by a variable with a known default',
      code: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\nCMD ["python"]\n',
      errors: [{ text: 'CMD', message: '`python:3.12-slim` defaults to root' }],
      output: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python"]\n',
    },
    {
      name: 'a USER in a builder the final stage only copies from does not count',
      code: 'FROM python:3.12 AS build\nUSER 1000\nRUN pip wheel --no-cache-dir -w /tmp/w flask\nFROM python:3.12-slim\nCOPY --from=build /tmp/w /w\nCMD ["flask", "run"]\n',
      errors: [{ text: 'CMD', message: '`CMD` runs as root' }],
    },
  ],
});
