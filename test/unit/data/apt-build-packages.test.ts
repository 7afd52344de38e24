// Tests build-only package detection and -dev → runtime pairs, checking Debian names against the size data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APT_DEV_RUNTIME,
  buildOnlyCategory,
  isBuildOnlyPackage,
  runtimePackageFor,
} from '../../../server/src/core/data/apt-build-packages';
import { aptClosureMember, aptPackage } from '../../../server/src/core/data/apt';

test('compilers, build tools and any *-dev are build-only for apt', () => {
  const names = ['build-essential', 'gcc', 'g++-12', 'cmake', 'pkg-config', 'python3.11-dev', 'libpq-dev=15.1', 'libfoo-dev:amd64', 'git'];
  assert.deepEqual(names.map((n) => isBuildOnlyPackage(n, 'apt')), names.map(() => true));
  assert.deepEqual(['libpq5', 'curl', 'ca-certificates', 'udev'].map((n) => isBuildOnlyPackage(n, 'apt')), [false, false, false, false]);
});

test('apk build-only: build-base, musl-dev, linux-headers, postgresql-dev', () => {
  assert.deepEqual(
    ['build-base', 'musl-dev', 'linux-headers', 'postgresql-dev', 'libpq'].map((n) => buildOnlyCategory(n, 'apk')),
    ['meta', 'headers', 'headers', 'headers', undefined],
  );
});

test('runtime pairs follow trixie t64 renames', () => {
  assert.deepEqual(
    ['libssl-dev', 'libgeos-dev', 'libgdal-dev', 'libmagic-dev', 'libldap2-dev', 'libxml2-dev'].map((d) => [
      runtimePackageFor(d, 'apt', 'bookworm'),
      runtimePackageFor(d, 'apt', 'trixie'),
    ]),
    [
      [['libssl3'], ['libssl3t64']],
      [['libgeos-c1v5'], ['libgeos-c1t64']],
      [['libgdal32'], ['libgdal36']],
      [['libmagic1'], ['libmagic1t64']],
      [['libldap-2.5-0'], ['libldap2']],
      [['libxml2'], ['libxml2']],
    ],
  );
  assert.deepEqual(runtimePackageFor('libpq-dev', 'apt'), ['libpq5']);
  assert.deepEqual(runtimePackageFor('default-libmysqlclient-dev', 'apt'), ['libmariadb3']);
});

test('apk runtime pairs', () => {
  assert.deepEqual(
    ['postgresql-dev', 'mariadb-dev', 'jpeg-dev', 'openssl-dev'].map((d) => runtimePackageFor(d, 'apk')),
    [['libpq'], ['mariadb-connector-c'], ['libjpeg-turbo'], ['libssl3', 'libcrypto3']],
  );
  assert.equal(runtimePackageFor('gcc', 'apk'), undefined);
});

test('every runtime name marked as checked exists in apt-closure-members.tsv for its dist', () => {
  const missing: string[] = [];
  for (const p of APT_DEV_RUNTIME.filter((x) => x.checkedInData)) {
    for (const dist of ['bookworm', 'trixie'] as const) {
      for (const name of p.runtime[dist] ?? []) {
        if (!aptClosureMember(name, dist) && !aptPackage(name, dist)) missing.push(`${dist}/${name}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
