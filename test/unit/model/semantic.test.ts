// The semantic layer: ARG scoping as Docker scopes it, ENV, WORKDIR/USER/SHELL, platform, Python environments, caches and file effects.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel, type DockerfileModel, type Instruction } from '../../../server/src/core/model/dockerfile';
import { parsePlatform, semanticsOf } from '../../../server/src/core/model/semantic';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

/** The instruction on a given 1-based line. */
function at(m: DockerfileModel, line: number): Instruction {
  const i = m.instructions.find((x) => x.startLine === line - 1);
  assert.ok(i, `no instruction on line ${line}`);
  return i;
}

// BuildKit's dispatchState.init() starts a `FROM <stage>` child from the parent's state and build args (moby/buildkit
// frontend/dockerfile/dockerfile2llb/convert.go; documented in moby/buildkit#5381): the parent's ARGs are in scope there.
test('an ARG declared in a parent stage is inherited by a FROM <stage> child, as BuildKit does; a sibling stage does not see it', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS base\nARG TOKEN=abc\nARG EMPTY\nENV APP=/app\nFROM base\nRUN echo $TOKEN $APP\nFROM python:3.12\nRUN echo $TOKEN\n');
  const sem = semanticsOf(m);
  const child = sem.instr(at(m, 6));
  assert.deepEqual([child.env.get('TOKEN'), child.env.get('APP'), child.argNames.has('TOKEN'), child.argNames.has('EMPTY'), child.env.has('EMPTY')], ['abc', '/app', true, true, false]);
  assert.equal(sem.instr(at(m, 8)).env.get('TOKEN'), undefined);
  assert.equal(sem.stage(0).end.env.get('TOKEN'), undefined, 'an ARG is not kept in the image');
});

test('a global ARG is seen by FROM, and inside a stage only once re-declared there', () => {
  const m = buildDockerfileModel('ARG PY=3.11\nFROM python:${PY}-slim\nRUN echo $PY\nARG PY\nRUN echo $PY\n');
  const sem = semanticsOf(m);
  assert.equal(m.stages[0]!.from.image, 'python:3.11-slim');
  assert.equal(sem.instr(at(m, 3)).env.get('PY'), undefined);
  assert.equal(sem.instr(at(m, 5)).env.get('PY'), '3.11');
  assert.ok(sem.instr(at(m, 5)).argNames.has('PY'));
});

test('build args from the configuration override ARG defaults; ENV wins over ARG of the same name', () => {
  const m = buildDockerfileModel('FROM python:3.12\nARG MODE=dev\nENV LEVEL=1\nARG LEVEL=9\nRUN echo $MODE $LEVEL\n');
  const env = semanticsOf(m, { buildArgs: { MODE: 'prod', LEVEL: '5' } }).instr(at(m, 5)).env;
  assert.equal(env.get('MODE'), 'prod');
  assert.equal(env.get('LEVEL'), '1');
});

test('ENV values are substituted with what is known, with ${a:-b} forms; unknown variables stay as written', () => {
  const m = buildDockerfileModel('FROM python:3.12\nARG V\nENV VENV=/opt/venv\nENV PATH=$VENV/bin:$PATH HOME_DIR=${HOME_DIR:-/home/app} X=${V:+set}\nRUN true\n');
  const env = semanticsOf(m).instr(at(m, 5)).env;
  assert.equal(env.get('PATH'), '/opt/venv/bin:$PATH');
  assert.equal(env.get('HOME_DIR'), '/home/app');
  assert.equal(env.get('X'), '');
});

test('WORKDIR resolves relative to the one before, through FROM <stage>, and becomes unknown with an unset variable', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS a\nWORKDIR /srv\nWORKDIR app\nFROM a\nRUN true\nWORKDIR $NOPE\nRUN true\nWORKDIR /x\nRUN true\n');
  const sem = semanticsOf(m);
  assert.equal(sem.instr(at(m, 3)).workdir, '/srv');
  assert.equal(sem.instr(at(m, 5)).workdir, '/srv/app');
  assert.equal(sem.instr(at(m, 7)).workdir, undefined);
  assert.equal(sem.instr(at(m, 9)).workdir, '/x');
});

test('USER and SHELL are inherited by a child stage and start as root and /bin/sh -c', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS a\nRUN true\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nUSER app\nFROM a\nRUN true\n');
  const sem = semanticsOf(m);
  assert.deepEqual([sem.instr(at(m, 2)).user, sem.instr(at(m, 2)).userSet, sem.instr(at(m, 2)).shell], ['root', false, ['/bin/sh', '-c']]);
  assert.deepEqual([sem.instr(at(m, 6)).user, sem.instr(at(m, 6)).userSet, sem.instr(at(m, 6)).shell], ['app', true, ['/bin/bash', '-eo', 'pipefail', '-c']]);
});

test('the platform comes from FROM --platform (with global ARGs and BUILDPLATFORM), the configuration, or linux/amd64', () => {
  const m = buildDockerfileModel('ARG ARCH=arm64\nFROM --platform=linux/$ARCH python:3.12 AS a\nFROM --platform=$BUILDPLATFORM python:3.12 AS b\nFROM python:3.12 AS c\nFROM a\n');
  const sem = semanticsOf(m, { platform: 'linux/arm/v7' });
  assert.deepEqual(m.stages.map((s) => [sem.stage(s).platform.text, sem.stage(s).platform.machine, sem.stage(s).platform.explicit]), [
    ['linux/arm64', 'aarch64', true],
    ['linux/arm/v7', 'armv7l', true],
    ['linux/arm/v7', 'armv7l', false],
    ['linux/arm64', 'aarch64', true],
  ]);
  assert.equal(parsePlatform('linux/arm64/v8', true).text, 'linux/arm64');
  assert.equal(parsePlatform('x86_64', false).text, 'linux/amd64');
  assert.deepEqual([parsePlatform('windows', true).os, parsePlatform('windows', true).arch], ['windows', 'amd64']);
});

test('the interpreter: python images by tag, Debian and Ubuntu once python3 is installed (PEP 668 from bookworm / 23.04)', () => {
  const m = buildDockerfileModel('FROM python:3.11-alpine AS a\nFROM debian:bookworm AS b\nRUN apt-get install -y python3-pip\nFROM ubuntu:22.04 AS c\nRUN apt-get install -y python3\nFROM debian:bookworm AS d\n');
  const sem = semanticsOf(m);
  const py = (i: number) => {
    const p = sem.stage(i).python;
    return p && [p.path, p.version, p.libc, p.glibcVersion, p.externallyManaged];
  };
  assert.deepEqual(py(0), ['/usr/local/bin/python3', '3.11', 'musl', undefined, false]);
  assert.deepEqual(py(1), ['/usr/bin/python3', '3.11', 'glibc', '2.36', true]);
  assert.deepEqual(py(2), ['/usr/bin/python3', '3.10', 'glibc', '2.35', false]);
  assert.equal(py(3), undefined);
});

test('pip installs go to the environment pip really uses: venv on PATH, launcher venv, --prefix, --target, --user, PIP_TARGET, system', () => {
  const text = [
    'FROM python:3.12',
    'RUN python -m venv /opt/venv',
    'RUN /opt/venv/bin/pip install flask',
    'RUN pip install --prefix=/install flask',
    'RUN pip install --target /deps flask',
    'RUN pip install --user flask',
    'RUN PIP_TARGET=/pt pip install flask',
    'RUN pip install flask',
    'ENV PATH=/opt/venv/bin:$PATH',
    'RUN pip install flask',
    '',
  ].join('\n');
  const m = buildDockerfileModel(text);
  const sem = semanticsOf(m);
  const where = (line: number) => {
    const i = at(m, line);
    const e = sem.install(i, i.run!.commands[0]!)?.env;
    return e && [e.kind, e.root, e.sitePackages];
  };
  assert.deepEqual(where(3), ['venv', '/opt/venv', '/opt/venv/lib/python3.12/site-packages']);
  assert.deepEqual(where(4), ['prefix', '/install', '/install/lib/python3.12/site-packages']);
  assert.deepEqual(where(5), ['target', '/deps', undefined]);
  assert.deepEqual(where(6), ['user', '/root/.local', '/root/.local/lib/python3.12/site-packages']);
  assert.deepEqual(where(7), ['target', '/pt', undefined]);
  assert.deepEqual(where(8), ['system', '/usr/local', '/usr/local/lib/python3.12/site-packages']);
  assert.deepEqual(where(10), ['venv', '/opt/venv', '/opt/venv/lib/python3.12/site-packages']);
  assert.deepEqual(sem.stage(0).envs.map((e) => e.root), ['/opt/venv', '/install', '/deps', '/root/.local', '/pt', '/usr/local']);
});

test('the pip cache is kept unless --no-cache-dir, PIP_NO_CACHE_DIR (ENV, ARG, export or VAR=1 prefix) or a cache mount disables it', () => {
  const text = [
    'FROM python:3.12',
    'RUN pip install flask',
    'RUN pip install --no-cache-dir flask',
    'RUN PIP_NO_CACHE_DIR=1 pip install flask',
    'RUN export PIP_NO_CACHE_DIR=1 && pip install flask',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install flask',
    'RUN PIP_NO_CACHE_DIR=0 pip install flask',
    'ARG PIP_NO_CACHE_DIR=1',
    'RUN pip install flask',
    'RUN uv pip install --system flask',
    'RUN UV_NO_CACHE=1 uv pip install --system flask',
    '',
  ].join('\n');
  const m = buildDockerfileModel(text);
  const sem = semanticsOf(m);
  const cache = (line: number) => {
    const i = at(m, line);
    const c = i.run!.commands.find((x) => x.pip)!;
    const k = sem.install(i, c)!.cache!;
    return [k.dir, k.kept, k.disabledBy];
  };
  assert.deepEqual(cache(2), ['/root/.cache/pip', true, undefined]);
  assert.deepEqual(cache(3), ['/root/.cache/pip', false, '`--no-cache-dir`']);
  assert.deepEqual(cache(4), ['/root/.cache/pip', false, '`PIP_NO_CACHE_DIR`']);
  assert.deepEqual(cache(5), ['/root/.cache/pip', false, '`PIP_NO_CACHE_DIR`']);
  assert.deepEqual(cache(6), ['/root/.cache/pip', false, 'a `--mount=type=cache` on /root/.cache/pip']);
  assert.deepEqual(cache(7), ['/root/.cache/pip', true, undefined]);
  assert.deepEqual(cache(9), ['/root/.cache/pip', false, '`PIP_NO_CACHE_DIR`']);
  assert.deepEqual(cache(10), ['/root/.cache/uv', true, undefined]);
  assert.deepEqual(cache(11), ['/root/.cache/uv', false, '`UV_NO_CACHE`']);
});

test('poetry and pipenv caches, removal later in the same RUN, and a RUN before the first FROM that sees ENV above it', () => {
  const text = [
    'ENV PIP_NO_CACHE_DIR=1',
    'RUN pip install flask',
    'FROM python:3.12',
    'RUN poetry install --no-root',
    'RUN POETRY_NO_CACHE=1 poetry install',
    'RUN pipenv install --system',
    'RUN pip install flask && rm -rf ~/.cache',
    'RUN uv sync && uv cache clean',
    'RUN rm -rf /root/.cache/pip && pip install flask',
    '',
  ].join('\n');
  const m = buildDockerfileModel(text);
  const sem = semanticsOf(m);
  const cache = (line: number) => {
    const i = at(m, line);
    const c = i.run!.commands.find((x) => x.pip)!;
    const k = sem.install(i, c)!.cache!;
    return [k.dir, k.kept, k.disabledBy];
  };
  assert.deepEqual(cache(2), ['/root/.cache/pip', false, '`PIP_NO_CACHE_DIR`']);
  assert.deepEqual(cache(4), ['/root/.cache/pypoetry', true, undefined]);
  assert.deepEqual(cache(5), ['/root/.cache/pypoetry', false, '`POETRY_NO_CACHE`']);
  assert.deepEqual(cache(6), ['/root/.cache/pipenv', true, undefined]);
  assert.deepEqual(cache(7), ['/root/.cache/pip', false, '`rm -rf ~/.cache` later in the RUN']);
  assert.deepEqual(cache(8), ['/root/.cache/uv', false, '`uv cache clean` later in the RUN']);
  assert.deepEqual(cache(9), ['/root/.cache/pip', true, undefined]);
});

test('conda, mamba and micromamba installs keep the package cache under the root prefix unless a clean --all, a removal or a mount follows', () => {
  const text = [
    'FROM continuumio/miniconda3',
    'RUN conda install -y -c conda-forge numpy',
    'RUN conda env create -f environment.yml && conda clean -afy',
    'RUN mamba install -y pandas && mamba clean -a -y',
    'RUN micromamba install -y -n base -f env.yaml && micromamba clean --all --yes',
    'RUN conda install -y scipy && conda clean -tipsy',
    'RUN conda install -y scipy && conda clean --index-cache',
    'RUN --mount=type=cache,target=/opt/conda/pkgs conda install -y scipy',
    'ENV MAMBA_ROOT_PREFIX=/env',
    'RUN micromamba create -y -n app python=3.12 && rm -rf /env/pkgs/*',
    'RUN CONDA_PKGS_DIRS=/tmp/pkgs conda install -y scipy',
    'RUN conda clean -afy && conda install -y scipy',
    '',
  ].join('\n');
  const m = buildDockerfileModel(text);
  const sem = semanticsOf(m);
  const cache = (line: number) => {
    const i = at(m, line);
    const k = i.run!.commands.map((c) => sem.install(i, c)).find((x) => x?.tool === 'conda')!;
    return [k.sub, k.cache!.dir, k.cache!.kept, k.cache!.disabledBy];
  };
  assert.deepEqual(cache(2), ['install', '/opt/conda/pkgs', true, undefined]);
  assert.deepEqual(cache(3), ['env create', '/opt/conda/pkgs', false, '`conda clean -afy` later in the RUN']);
  assert.deepEqual(cache(4), ['install', '/opt/conda/pkgs', false, '`mamba clean -a -y` later in the RUN']);
  assert.deepEqual(cache(5), ['install', '/opt/conda/pkgs', false, '`micromamba clean --all --yes` later in the RUN']);
  assert.deepEqual(cache(6), ['install', '/opt/conda/pkgs', false, '`conda clean -tipsy` later in the RUN']);
  assert.deepEqual(cache(7), ['install', '/opt/conda/pkgs', true, undefined]);
  assert.deepEqual(cache(8), ['install', '/opt/conda/pkgs', false, 'a `--mount=type=cache` on /opt/conda/pkgs']);
  assert.deepEqual(cache(10), ['create', '/env/pkgs', false, '`rm -rf /env/pkgs/*` later in the RUN']);
  assert.deepEqual(cache(11), ['install', '/tmp/pkgs', true, undefined]);
  assert.deepEqual(cache(12), ['install', '/opt/conda/pkgs', true, undefined]);
  const clean = at(m, 12);
  assert.equal(sem.install(clean, clean.run!.commands[0]!), undefined, '`conda clean` installs nothing');
});

test('file effects come from the commands\' known meaning; the word `install` is not a path', () => {
  const text = [
    'FROM python:3.12 AS builder',
    'RUN pip install flask',
    'RUN mkdir -p /data/x && cp a.txt /etc/a.txt && echo hi > /srv/hello',
    'RUN tar -xzf pkg.tgz -C /opt/pkg',
    'RUN ./build.sh',
    'COPY src/ /app/src/',
    '',
  ].join('\n');
  const m = buildDockerfileModel(text);
  const sem = semanticsOf(m);
  const e = (line: number) => sem.effects(at(m, line));
  assert.deepEqual(e(2).writes.map((w) => w.path), ['/usr/local', '/usr/local/lib/python3.12/site-packages', '/usr/local/bin', '/root/.cache/pip']);
  assert.equal(e(2).unknown, false);
  assert.deepEqual(e(3).writes.map((w) => w.path), ['/data/x', '/etc/a.txt', '/srv/hello']);
  assert.deepEqual(e(3).reads.map((w) => w.path), ['/a.txt']);
  assert.deepEqual(e(4).writes.map((w) => [w.path, w.tree]), [['/opt/pkg', true]]);
  assert.equal(e(5).unknown, true);
  assert.deepEqual(e(6).contextReads, ['src']);
  assert.deepEqual(e(6).writes.map((w) => w.path), ['/app/src']);
});

test('created: yes when a known effect wrote the path, no when nothing could have, unknown after a script or inside a base folder', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS b\nRUN pip install --prefix=/install flask\nFROM python:3.12 AS c\nRUN pip install flask\nFROM python:3.12 AS d\nRUN ./setup.sh\nFROM scratch AS e\nFROM c\n');
  const sem = semanticsOf(m);
  assert.equal(sem.created(m.stages[0]!, '/install'), 'yes');
  assert.equal(sem.created(m.stages[0]!, '/install/lib/python3.12/site-packages/flask'), 'unknown');
  assert.equal(sem.created(m.stages[0]!, '/install/share'), 'unknown');
  assert.equal(sem.created(m.stages[1]!, '/install'), 'no');
  assert.equal(sem.created(m.stages[1]!, '/usr/local/lib/python3.12/site-packages'), 'yes');
  assert.equal(sem.created(m.stages[1]!, '/etc/ssl'), 'unknown');
  assert.equal(sem.created(m.stages[2]!, '/install'), 'unknown');
  assert.equal(sem.created(m.stages[3]!, '/app'), 'no');
  assert.equal(sem.created(m.stages[4]!, '/install'), 'no');
});

test('an ONBUILD trigger has no effect in this build', () => {
  const m = buildDockerfileModel('FROM python:3.12\nONBUILD RUN mkdir /later\n');
  const sem = semanticsOf(m);
  assert.deepEqual(sem.effects(at(m, 2)).writes, []);
  assert.equal(sem.created(m.stages[0]!, '/later'), 'no');
});

test('unchanged instructions share one environment object (linear memory)', () => {
  const m = buildDockerfileModel('FROM python:3.12\nRUN a\nRUN b\nENV X=1\nRUN c\n');
  const sem = semanticsOf(m);
  assert.equal(sem.instr(at(m, 2)).env, sem.instr(at(m, 3)).env);
  assert.notEqual(sem.instr(at(m, 3)).env, sem.instr(at(m, 5)).env);
});

test('a venv copied from another stage is a venv of the receiving stage, and pip on PATH installs into it', () => {
  const text = [
    'FROM python:3.12 AS build',
    'RUN python -m venv /opt/venv',
    'FROM python:3.12-slim',
    'COPY --from=build /opt/venv /opt/venv',
    'ENV PATH=/opt/venv/bin:$PATH',
    'RUN pip install gunicorn',
    'COPY --from=build /opt /srv/',
    '',
  ].join('\n');
  const m = buildDockerfileModel(text);
  const sem = semanticsOf(m);
  const envs = sem.stage(1).envs.map((e) => [e.root, e.kind, e.copiedFrom?.root]);
  assert.deepEqual(envs, [
    ['/opt/venv', 'venv', '/opt/venv'],
    ['/srv/venv', 'venv', '/opt/venv'],
  ]);
  const run = at(m, 6);
  assert.deepEqual(sem.install(run, run.run!.commands[0]!)?.env?.root, '/opt/venv');
});

test('venvCreation names the commands that create a venv, with the path when known', () => {
  const m = buildDockerfileModel('FROM python:3.12\nWORKDIR /app\nRUN python3 -m venv .venv && uv venv && virtualenv $NOPE && python -m pip install x\n');
  const sem = semanticsOf(m);
  const run = at(m, 3);
  assert.deepEqual(run.run!.commands.map((c) => sem.venvCreation(run, c)), [{ path: '/app/.venv' }, { path: '/app/.venv' }, {}, undefined]);
});

test('python reads the script it runs, and stays an unknown effect; -c and -m read no file', () => {
  const m = buildDockerfileModel('FROM python:3.12\nWORKDIR /app\nRUN python -u manage.py collectstatic --noinput\nRUN python -W ignore tools/x.py\nRUN python -m pip --version && python3 -c "print(1)"\n');
  const sem = semanticsOf(m);
  assert.deepEqual(sem.effects(at(m, 3)).reads, [{ path: '/app/manage.py', how: 'python' }]);
  assert.equal(sem.effects(at(m, 3)).unknown, true);
  assert.deepEqual(sem.effects(at(m, 4)).reads.map((r) => r.path), ['/app/tools/x.py']);
  assert.deepEqual(sem.effects(at(m, 5)).reads, []);
});
