// Tests apt package sizes and the union of closures for one `apt-get install` against the simulated slim base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aptClosureMember, aptInstallClosure, aptPackage } from '../../../server/src/core/data/apt';

test('libpq5 on bookworm: own size, closure size and closure members from the Debian index', () => {
  assert.deepEqual(aptPackage('libpq5', 'bookworm'), {
    name: 'libpq5',
    dist: 'bookworm',
    version: '15.20-0+deb12u1',
    installedKib: 906,
    closureKib: 3640,
    debBytes: 205248,
    closureDownloadBytes: 1058108,
    closurePackages: [
      'libkrb5support0',
      'libk5crypto3',
      'libkeyutils1',
      'libkrb5-3',
      'libgssapi-krb5-2',
      'libsasl2-modules-db',
      'libsasl2-2',
      'libldap-2.5-0',
      'libpq5',
    ],
    source:
      'apt-cache metadata + apt-get -s closure vs simulated python:*-slim-bookworm base; Debian 12 bookworm (+updates,+security) Packages index, Release dated 2026-07-11, security 2026-11-26',
  });
});

test('version pins and suites are stripped before the lookup', () => {
  assert.equal(aptPackage('gcc=4:14.2.0-1', 'trixie')?.closureKib, 187416);
  assert.equal(aptPackage('gcc/trixie', 'trixie')?.closureKib, 187416);
});

test('packages unknown to a dist are undefined', () => {
  assert.equal(aptPackage('libglib2.0-0', 'trixie'), undefined);
  assert.equal(aptClosureMember('no-such-package', 'bookworm'), undefined);
});

test('build-essential + gcc + g++ in one install count shared members once (= build-essential closure)', () => {
  const r = aptInstallClosure(['build-essential', 'gcc', 'g++'], 'bookworm');
  assert.equal(r.installedKib, 309231);
  assert.equal(r.packages.length, 54);
  assert.deepEqual([r.known, r.partial, r.unknown, r.alreadyPresent], [['build-essential', 'gcc', 'g++'], [], [], []]);
});

test('disjoint closures add up: gcc + libpq-dev on trixie', () => {
  const r = aptInstallClosure(['gcc', 'libpq-dev'], 'trixie');
  assert.equal(r.installedKib, 187416 + 20557);
});

test('slim-base packages, earlier installs, members without closure and unknown names are reported apart', () => {
  const r = aptInstallClosure(['libssl3t64', 'libpq5', 'libkrb5-3', 'libgeos-c1t64', 'nosuchpkg'], 'trixie', ['libkrb5-3']);
  assert.deepEqual(
    { known: r.known, partial: r.partial, unknown: r.unknown, alreadyPresent: r.alreadyPresent },
    { known: ['libpq5', 'libgeos-c1t64'], partial: [], unknown: ['nosuchpkg'], alreadyPresent: ['libssl3t64', 'libkrb5-3'] },
  );
  assert.ok(!r.packages.includes('libkrb5-3'));
  assert.ok(!r.packages.includes('libssl3t64'));
});

test('a name known only as a closure member counts its own Installed-Size', () => {
  const r = aptInstallClosure(['libsnappy1v5'], 'trixie');
  assert.deepEqual([r.partial, r.packages, r.installedKib], [['libsnappy1v5'], ['libsnappy1v5'], 93]);
  assert.deepEqual(aptClosureMember('libssl3', 'bookworm'), { installedKib: 6042, inSlimBase: true });
});
