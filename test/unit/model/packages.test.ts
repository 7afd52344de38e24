// model/packages: which packages a RUN installs and what the same RUN does to them (purge, apt-mark + autoremove, apk del).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { runPackages, type PackageFate } from '../../../server/src/core/model/packages';
import { parseShell } from '../../../server/src/core/parse/shell';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

/** The fate of each package the RUN on line 2 installs, by name, with the removing command's text. */
function fates(text: string): Record<string, string> {
  const m = buildDockerfileModel(text);
  const instr = m.instructions.find((i) => i.startLine === 1)!;
  const run = runPackages(instr);
  const show = (f: PackageFate): string => (f.kept === true ? 'kept' : f.kept === false ? `removed by ${f.how}${f.withDependencies ? ' with dependencies' : ''}` : `unknown: ${f.why}`);
  return Object.fromEntries(run.installed.map((p) => [p.token.value, show(run.fate(p))]));
}

test('the official python images: every package the RUN installed goes with the autoremove, the libraries re-marked from ldd are not build packages', () => {
  const text =
    'FROM debian:bookworm-slim\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y --no-install-recommends gcc libssl-dev; make; ' +
    "apt-mark auto '.*' > /dev/null; [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; " +
    "find /usr/local -type f -executable -exec ldd '{}' ';' | awk '{ print $3 }' | xargs -r dpkg-query --search | cut -d: -f1 | xargs -r apt-mark manual; " +
    'apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n';
  assert.deepEqual(fates(text), {
    gcc: 'removed by `apt-get purge --auto-remove` with dependencies',
    'libssl-dev': 'removed by `apt-get purge --auto-remove` with dependencies',
  });
});

test('a package installed before the list was saved is restored by apt-mark manual of it and stays', () => {
  assert.deepEqual(fates("FROM debian:bookworm\nRUN apt-get install -y curl && s=\"$(apt-mark showmanual)\" && apt-get install -y gcc && apt-mark auto '.*' && apt-mark manual $s && apt-get autoremove -y\n"), {
    curl: 'kept',
    gcc: 'removed by `apt-get autoremove` with dependencies',
  });
});

test('a purge by name takes only the named package; without --auto-remove not its dependencies', () => {
  assert.deepEqual(fates('FROM debian:bookworm\nRUN apt-get install -y gcc make && apt-get remove -y gcc\n'), { gcc: 'removed by `apt-get remove`', make: 'kept' });
});

test('an auto mark the model cannot read leaves the fate unknown', () => {
  assert.deepEqual(fates("FROM debian:bookworm\nRUN apt-get install -y gcc && echo gcc | xargs apt-mark manual && apt-mark auto '.*' && apt-get purge -y --auto-remove\n"), {
    gcc: 'removed by `apt-get purge --auto-remove` with dependencies',
  });
  assert.deepEqual(fates("FROM debian:bookworm\nRUN apt-get install -y gcc && apt-mark auto '.*' && echo gcc | xargs apt-mark manual && apt-get purge -y --auto-remove\n"), {
    gcc: 'unknown: an `apt-mark` the model cannot read may have kept it',
  });
});

test('a package kept manual keeps what it depends on (Debian closure data: libpq-dev depends on libssl-dev)', () => {
  assert.deepEqual(fates("FROM debian:bookworm\nRUN apt-get install -y libssl-dev libpq-dev && apt-mark auto '.*' && apt-mark manual libpq-dev && apt-get purge -y --auto-remove\n"), {
    'libssl-dev': 'unknown: `libpq-dev`, kept, may depend on it',
    'libpq-dev': 'kept',
  });
});

test('apk del of a --virtual group removes its members', () => {
  assert.deepEqual(fates('FROM alpine:3.20\nRUN apk add --virtual .build gcc musl-dev && apk add libpq && apk del .build\n'), {
    gcc: 'removed by `apk del` with dependencies',
    'musl-dev': 'removed by `apk del` with dependencies',
    libpq: 'kept',
  });
});

test('the shell parser lists variables set by a statement of their own, not the prefix of a command', () => {
  const s = parseShell('saved="$(apt-mark showmanual)"; X=1 make; export Y=2');
  assert.deepEqual(s.assignments?.map((a) => [a.name, a.value]), [['saved', '$(apt-mark showmanual)']]);
});
