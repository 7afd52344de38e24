// PEP 508 markers evaluated for a Linux CPython container, as lock files attach them to dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markerHolds } from '../../../server/src/core/model/markers';

const py312 = { pythonVersion: '3.12', machine: 'x86_64' };

test('platform markers: Linux holds, Windows and macOS do not', () => {
  assert.equal(markerHolds("sys_platform == 'win32'", py312), false);
  assert.equal(markerHolds("sys_platform != 'win32'", py312), true);
  assert.equal(markerHolds('platform_system == "Darwin"', py312), false);
  assert.equal(markerHolds("platform_machine == 'aarch64'", py312), false);
  assert.equal(markerHolds("platform_machine == 'aarch64'", { pythonVersion: '3.12', machine: 'aarch64' }), true);
  assert.equal(markerHolds("os_name == 'nt'", py312), false);
  assert.equal(markerHolds("implementation_name == 'cpython'", py312), true);
});

test('python_version and python_full_version compare as versions, literal on either side', () => {
  assert.equal(markerHolds("python_version < '3.11'", py312), false);
  assert.equal(markerHolds("python_version >= '3.10'", py312), true);
  assert.equal(markerHolds("python_full_version < '3.12.4'", { pythonVersion: '3.12.7', machine: 'x86_64' }), false);
  assert.equal(markerHolds("'3.13' > python_version", py312), true);
  assert.equal(markerHolds("python_full_version == '3.12.*'", py312), true);
});

test('and/or combine; extra holds only for the extras being installed; a marker that does not parse gives undefined', () => {
  assert.equal(markerHolds("python_version < '3.11' or sys_platform == 'linux'", py312), true);
  assert.equal(markerHolds("python_version >= '3.11' and sys_platform == 'win32'", py312), false);
  assert.equal(markerHolds("extra == 'redis'", py312), false);
  assert.equal(markerHolds("extra == 'Redis'", { ...py312, extras: ['redis'] }), true);
  assert.equal(markerHolds('python_version <', py312), undefined);
});
