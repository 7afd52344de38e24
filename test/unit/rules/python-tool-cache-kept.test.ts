// Table tests for LW012 python-tool-cache-kept.
import rule from '../../../server/src/core/rules/dockerfile/python-tool-cache-kept';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN uv sync --frozen --no-cache\n',
    { name: 'UV_NO_CACHE set with ENV', code: 'FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv pip install --system flask\n' },
    { name: 'a cache mount on uv\'s cache', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync\n' },
    { name: 'a cache mount on UV_CACHE_DIR', code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/cache\nRUN --mount=type=cache,target=/cache uv sync\n' },
    { name: 'deleted in the same RUN', code: 'FROM python:3.12-slim\nRUN poetry install --no-root && rm -rf ~/.cache/pypoetry\n' },
    { name: 'uv cache clean in the same RUN', code: 'FROM python:3.12-slim\nRUN uv sync && uv cache clean\n' },
    { name: 'a builder stage may cache', code: 'FROM python:3.12 AS b\nRUN uv sync\nFROM python:3.12-slim\nCOPY --from=b /app/.venv /app/.venv\n' },
    { name: 'pip itself is DL3042\'s', code: 'FROM python:3.12-slim\nRUN pip install flask\n' },
    { name: 'a cache mount on POETRY_CACHE_DIR', code: 'FROM python:3.12-slim\nENV POETRY_CACHE_DIR=/pc\nRUN --mount=type=cache,target=/pc poetry install --no-root\n' },
    { name: 'deleted through $HOME in the same RUN', code: 'FROM python:3.12-slim\nRUN uv sync && rm -rf $HOME/.cache/uv\n' },
    { name: 'UV_NO_CACHE exported earlier in the RUN', code: 'FROM python:3.12-slim\nRUN export UV_NO_CACHE=1 && uv sync\n' },
    { name: 'PIPENV_NOCACHE inherited from the stage it is built FROM', code: 'FROM python:3.12-slim AS base\nENV PIPENV_NOCACHE=1\nFROM base\nRUN pipenv install --system\n' },
    { name: 'conda clean -afy in the same RUN', code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y -c conda-forge numpy=1.26 && conda clean -afy\n' },
    { name: 'conda env create then conda clean --all -y', code: 'FROM condaforge/miniforge3:24.3.0-0\nCOPY environment.yml .\nRUN conda env create -f environment.yml \\\n    && conda clean --all -y\n' },
    { name: 'micromamba clean --all --yes in the same RUN', code: 'FROM mambaorg/micromamba:1.5.8\nCOPY env.yaml /tmp/env.yaml\nRUN micromamba install -y -n base -f /tmp/env.yaml && micromamba clean --all --yes\n' },
    { name: 'mamba clean -a -y in the same RUN', code: 'FROM condaforge/miniforge3:24.3.0-0\nRUN mamba install -y pandas && mamba clean -a -y\n' },
    { name: 'a cache mount on the conda package cache', code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN --mount=type=cache,target=/opt/conda/pkgs conda install -y scipy\n' },
    { name: 'the package folder removed in the same RUN', code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y scipy && rm -rf /opt/conda/pkgs/*\n' },
    { name: 'a conda builder stage may keep its cache', code: 'FROM continuumio/miniconda3:24.7.1-0 AS build\nRUN conda create -y -p /env python=3.12\nFROM debian:bookworm-slim\nCOPY --from=build /env /env\n' },
    { name: 'conda commands that download nothing', code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda config --add channels conda-forge && conda list\n' },
  ],
  invalid: [
    {
      name: 'no fix after a background `&`: `conda install … & && conda clean` does not parse, and the cleanup would race the install',
      code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y numpy &\n',
      errors: [{ text: 'conda install' }],
      output: null,
    },
    {
      name: 'a trailing `;` is kept after the cleanup',
      code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y numpy ;\n',
      errors: [{ text: 'conda install' }],
      output: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y numpy && conda clean -afy ;\n',
    },
    {
      code: 'FROM python:3.12-slim\nRUN uv sync --frozen\n',
      errors: [{ text: 'uv sync', message: '`uv sync` keeps its download cache in the layer: add `--no-cache`' }],
      output: 'FROM python:3.12-slim\nRUN uv sync --no-cache --frozen\n',
      applicability: 'safe',
    },
    {
      name: 'uv pip install',
      code: 'FROM python:3.12-slim\nRUN uv pip install --system flask\n',
      errors: [{ text: 'uv pip install' }],
      output: 'FROM python:3.12-slim\nRUN uv pip install --no-cache --system flask\n',
    },
    { name: 'poetry', code: 'FROM python:3.12-slim\nRUN poetry install --no-root\n', errors: [{ text: 'poetry install' }], output: 'FROM python:3.12-slim\nRUN poetry install --no-cache --no-root\n' },
    {
      name: 'an ARG UV_NO_CACHE of a sibling stage is not in scope',
      code: 'FROM python:3.12-slim AS base\nARG UV_NO_CACHE=1\nFROM python:3.12-slim\nRUN uv sync\n',
      errors: [{ text: 'uv sync' }],
      output: 'FROM python:3.12-slim AS base\nARG UV_NO_CACHE=1\nFROM python:3.12-slim\nRUN uv sync --no-cache\n',
    },
    {
      name: 'a removal before the install does not count',
      code: 'FROM python:3.12-slim\nRUN rm -rf /root/.cache/pypoetry && poetry install --no-root\n',
      errors: [{ text: 'poetry install' }],
      output: 'FROM python:3.12-slim\nRUN rm -rf /root/.cache/pypoetry && poetry install --no-cache --no-root\n',
    },
    {
      name: 'conda install cleaned only in a later RUN',
      code: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y -c conda-forge numpy=1.26\nRUN conda clean -afy\n',
      errors: [{ text: 'conda install', message: '`conda install` keeps its download cache in the layer: run `conda clean -afy` at the end of the same RUN' }],
      output: 'FROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y -c conda-forge numpy=1.26 && conda clean -afy\nRUN conda clean -afy\n',
      applicability: 'safe',
    },
    {
      name: 'conda env create on continued lines: the clean goes on its own line',
      code: 'FROM condaforge/miniforge3:24.3.0-0\nCOPY environment.yml .\nRUN conda env create -f environment.yml \\\n    && conda run -n app python -V\n',
      errors: [{ text: 'conda env create', message: '`conda env create`' }],
      output: 'FROM condaforge/miniforge3:24.3.0-0\nCOPY environment.yml .\nRUN conda env create -f environment.yml \\\n    && conda run -n app python -V \\\n    && conda clean -afy\n',
    },
    {
      name: 'micromamba create, CRLF line endings kept',
      code: 'FROM mambaorg/micromamba:1.5.8\r\nRUN micromamba create -y -n app -c conda-forge python=3.12 \\\r\n    && echo done\r\n',
      errors: [{ text: 'micromamba create' }],
      output: 'FROM mambaorg/micromamba:1.5.8\r\nRUN micromamba create -y -n app -c conda-forge python=3.12 \\\r\n    && echo done \\\r\n    && micromamba clean --all --yes\r\n',
    },
    {
      name: 'mamba install with a clean of the index cache only',
      code: 'FROM condaforge/miniforge3:24.3.0-0\nRUN mamba install -y pandas && mamba clean --index-cache -y\n',
      errors: [{ text: 'mamba install' }],
      output: 'FROM condaforge/miniforge3:24.3.0-0\nRUN mamba install -y pandas && mamba clean --index-cache -y && mamba clean --all --yes\n',
    },
    {
      name: 'a file with a backtick escape character',
      code: '# escape=`\nFROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y scipy `\n    && echo ok\n',
      errors: [{ text: 'conda install' }],
      output: '# escape=`\nFROM continuumio/miniconda3:24.7.1-0\nRUN conda install -y scipy `\n    && echo ok `\n    && conda clean -afy\n',
    },
    { name: 'pipenv has no flag: no fix', code: 'FROM python:3.12-slim\nRUN pipenv install --system --deploy\n', errors: [{ text: 'pipenv install', message: '`PIPENV_NOCACHE=1`' }], output: null },
  ],
});
