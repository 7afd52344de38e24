// Choosing as pip chooses: every release of a package, the requirement's specifier, the stage's Python, format control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choosePackage, getPackageRelease, getPackageReleases, pipChooseOptions, pythonAdmitted, pipOptionPairs, type PackageChoice, type WheelTarget } from '../../../server/src/core/data/wheels';
import { compare } from '@renovatebot/pep440';

// python:3.11-slim (Debian trixie) and python:3.12-slim.
const py311: WheelTarget = { pythonVersion: '3.11', libc: 'glibc', arch: 'x86_64', glibcVersion: '2.41' };
const py312: WheelTarget = { pythonVersion: '3.12', libc: 'glibc', arch: 'x86_64', glibcVersion: '2.41' };

/** The choice in a few words, so the expectations below are written by hand. */
function brief(c: PackageChoice): unknown {
  if (c.basis === 'unknown') return { basis: 'unknown', version: c.release?.version, reason: c.reason };
  if (c.basis === 'nearest') return { basis: 'nearest', install: c.install, version: c.release.version, requested: c.requested, reason: c.reason };
  if (c.install === 'wheel') return { basis: 'exact', install: 'wheel', version: c.release.version, file: `${c.wheel.pythonTag}-${c.wheel.abiTag}-${c.wheel.platformTag}`, bytes: c.wheel.bytes };
  return { basis: 'exact', install: c.install, version: c.release.version, sdistBytes: c.sdistBytes, neverWheels: c.neverWheels, reason: c.reason };
}

test('every release of a package is kept, newest first in PEP 440 order; getPackageRelease stays the newest', () => {
  const versions = getPackageReleases('NumPy').map((r) => r.version);
  assert.ok(versions.includes('2.5.2') && versions.includes('1.26.4'), versions.join(' '));
  for (let i = 1; i < versions.length; i++) assert.ok(compare(versions[i - 1]!, versions[i]!) > 0, versions.join(' '));
  assert.equal(getPackageRelease('numpy')?.version, versions[0]);
  assert.deepEqual(getPackageReleases('surely-not-a-real-package-xyz'), []);
});

test('numpy==1.26.4 on python:3.11-slim: the cp311 manylinux wheel of 1.26.4 itself', () => {
  assert.deepEqual(brief(choosePackage('numpy', '==1.26.4', py311)), {
    basis: 'exact',
    install: 'wheel',
    version: '1.26.4',
    file: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64',
    bytes: 18252005,
  });
});

const NUMPY_311 = 'numpy 2.5.2 ships no wheel for Python 3.11 on this platform: pip takes the newest release that admits Python 3.11, which may be newer than 2.2.4, the newest the data holds';

test('unpinned numpy on Python 3.11: 2.5.2 ships cp312+ only, so pip takes an older release, sized from the newest the data holds with a cp311 wheel and no claim on its files', () => {
  assert.deepEqual(brief(choosePackage('numpy', '', py311)), { basis: 'nearest', install: 'unknown', version: '2.2.4', requested: '', reason: NUMPY_311 });
  // On 3.12 the newest release has its wheel: certain.
  const c = choosePackage('numpy', '', py312);
  assert.equal(c.basis === 'exact' && c.install === 'wheel' ? `${c.release.version} ${c.wheel.pythonTag}` : c.basis, '2.5.2 cp312');
});

test('a range whose newest release in the data ships wheels only for newer Pythons makes no claim: pip takes an older release', () => {
  assert.deepEqual(brief(choosePackage('numpy', '>=2', py311)), { basis: 'nearest', install: 'unknown', version: '2.2.4', requested: '>=2', reason: NUMPY_311 });
  // Nothing older in the range holds a cp311 wheel: the data cannot tell at all.
  assert.deepEqual(brief(choosePackage('numpy', '>=2.3', py311)), {
    basis: 'unknown',
    version: '2.5.2',
    reason: 'numpy 2.5.2 ships manylinux x86_64 wheels for Python 3.12 and later only: pip takes an older release for Python 3.11, which the data does not hold',
  });
});

test('a pin the data holds without a wheel for this Python is certain: pip builds that release from its sdist', () => {
  assert.deepEqual(brief(choosePackage('numpy', '==2.5.2', py311)), {
    basis: 'exact',
    install: 'sdist',
    version: '2.5.2',
    sdistBytes: 20773161,
    neverWheels: false,
    reason: 'no manylinux x86_64 wheel for Python 3.11: pip builds it from the sdist',
  });
});

test('a pin absent from the data: the nearest release known sizes it, and nothing is said about its wheels', () => {
  assert.deepEqual(brief(choosePackage('numpy', '==1.26.2', py311)), {
    basis: 'nearest',
    install: 'unknown',
    version: '1.26.4',
    requested: '==1.26.2',
    reason: 'no release matching `==1.26.2` in the data: sized from numpy 1.26.4, the nearest release known',
  });
  // 1.19.5 shares its major with 1.26.4 and nothing with 2.5.2.
  const old = choosePackage('numpy', [{ operator: '==', version: '1.19.5' }], py311);
  assert.equal(old.basis === 'nearest' ? `${old.release.version} ${old.install}` : old.basis, '1.26.4 unknown');
});

test('psycopg2 never ships a Linux wheel: claimed for a version the data holds and for one it does not', () => {
  assert.deepEqual(brief(choosePackage('psycopg2', '==2.9.12', py312)), {
    basis: 'exact',
    install: 'sdist',
    version: '2.9.12',
    sdistBytes: 379683,
    neverWheels: true,
    reason: 'published as an sdist only: every install compiles',
  });
  const old = choosePackage('psycopg2', '==2.8.6', py312);
  assert.equal(old.basis === 'nearest' ? `${old.install} from ${old.release.version}` : old.basis, 'sdist from 2.9.12');
});

test('--only-binary with an sdist-only package is a certain failure; --no-binary forces the sdist', () => {
  assert.deepEqual(brief(choosePackage('psycopg2', '', py312, { onlyBinary: true })), {
    basis: 'exact',
    install: 'fails',
    version: '2.9.12',
    sdistBytes: undefined,
    neverWheels: true,
    reason: 'no manylinux x86_64 wheel for Python 3.12 and `--only-binary` refuses the sdist',
  });
  const forced = choosePackage('numpy', '==1.26.4', py311, { noBinary: true });
  assert.equal(forced.basis === 'exact' && forced.install === 'sdist' ? `${forced.release.version} forced=${forced.forced}` : forced.basis, '1.26.4 forced=true');
});

test('odd specifiers and unknown packages never throw', () => {
  assert.equal(choosePackage('numpy', '>=not a version', py311).basis, 'unknown');
  assert.deepEqual(brief(choosePackage('surely-not-a-real-package-xyz', '==1', py311)), { basis: 'unknown', version: undefined, reason: 'surely-not-a-real-package-xyz is not in the data' });
});

test("pip's format control: later options override earlier ones, :all: and :none: as pip reads them", () => {
  const choose = pipChooseOptions([...pipOptionPairs(['--only-binary', ':all:', '--no-binary=psycopg2,Foo_Bar', '--pre'])]);
  assert.deepEqual(choose('numpy'), { onlyBinary: true, pre: true });
  assert.deepEqual(choose('psycopg2'), { noBinary: true, pre: true });
  assert.deepEqual(choose('foo-bar'), { noBinary: true, pre: true });
  const reset = pipChooseOptions([{ name: '--no-binary', value: ':all:' }, { name: '--no-binary', value: ':none:' }, { name: '--only-binary', value: 'lxml' }]);
  assert.deepEqual(reset('numpy'), {});
  assert.deepEqual(reset('lxml'), { onlyBinary: true });
});

test('Requires-Python excludes a release before its files: Django 6.0.6 (>=3.12) is not what pip installs on 3.11', () => {
  // Django 6.0 supports Python 3.12+ (its release notes); its pure wheel alone says nothing of that.
  assert.equal(getPackageRelease('django')?.version, '6.0.6');
  assert.equal(getPackageRelease('django')?.requiresPython, '>=3.12');
  const on312 = choosePackage('Django', '', py312);
  assert.equal(on312.basis === 'exact' && on312.release.version, '6.0.6');
  // On 3.11 pip takes the newest release that admits 3.11; 5.2.14 is the newest the data holds, maybe not pip's.
  assert.deepEqual(brief(choosePackage('Django', '', py311)), {
    basis: 'nearest',
    install: 'unknown',
    version: '5.2.14',
    requested: '',
    reason: 'django 6.0.6 requires Python >=3.12: pip takes the newest release that admits Python 3.11, which may be newer than 5.2.14, the newest the data holds',
  });
  // A range that only 6.0.x satisfies: pip takes an older 6.0 release? None admits 3.11 either, but the data
  // cannot tell, so no wheel claim and the reason says why.
  assert.deepEqual(brief(choosePackage('Django', '>=6', py311)), {
    basis: 'nearest',
    install: 'unknown',
    version: '6.0.6',
    requested: '>=6',
    reason: 'django 6.0.6 requires Python >=3.12: for Python 3.11 pip takes an older release, which the data does not hold',
  });
  // A pin pip refuses outright.
  assert.deepEqual(brief(choosePackage('Django', '==6.0.6', py311)), {
    basis: 'nearest',
    install: 'unknown',
    version: '6.0.6',
    requested: '==6.0.6',
    reason: 'django 6.0.6 requires Python >=3.12: pip cannot install it on Python 3.11',
  });
});

test('pythonAdmitted: Requires-Python against a minor or a full version; unreadable specifiers admit', () => {
  assert.equal(pythonAdmitted(undefined, '3.11'), true);
  assert.equal(pythonAdmitted('>=3.12', '3.11'), false);
  assert.equal(pythonAdmitted('>=3.12', '3.12'), true);
  assert.equal(pythonAdmitted('>=3.9,<3.13', '3.13'), false);
  assert.equal(pythonAdmitted('>=3.9, <4', '3.13'), true);
  assert.equal(pythonAdmitted('>=3.11.4', '3.11'), true); // some 3.11 patch release is admitted
  assert.equal(pythonAdmitted('>=3.11.4', '3.11.2'), false);
  assert.equal(pythonAdmitted('!=3.11.*', '3.11'), false);
  assert.equal(pythonAdmitted('>=3.8.*', '3.11'), true);
  assert.equal(pythonAdmitted('garbage ((', '3.11'), true);
});
