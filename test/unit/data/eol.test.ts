// Tests end-of-life lookups with an injected "today".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEndOfLife, releaseLifecycle } from '../../../server/src/core/data/eol';

const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

test('Python 3.9 ended on 2025-10-31: still supported that day, EOL the next', () => {
  assert.equal(isEndOfLife('python', '3.9', day('2025-10-31')), false);
  assert.equal(isEndOfLife('python', '3.9.18', day('2025-11-01')), true);
});

test('Python 3.10 ends during 2026-10 (month-only date counts from the end of the month)', () => {
  assert.equal(isEndOfLife('python', '3.10', day('2026-10-31')), false);
  assert.equal(isEndOfLife('python', '3.10', day('2026-11-01')), true);
  assert.equal(isEndOfLife('python', '3.12', day('2026-11-29')), false);
});

test('the python table carries devguide dates and a source', () => {
  const r = releaseLifecycle('python', '3.13.2');
  assert.deepEqual(r && { version: r.version, released: r.released, eol: r.eol, asOf: r.asOf }, {
    version: '3.13',
    released: '2024-10-07',
    eol: '2029-10',
    asOf: '2026-11-29',
  });
  assert.match(r?.source ?? '', /devguide/);
});

test('Debian by codename or number; bullseye is past regular support but inside LTS until 2026-08-31', () => {
  assert.equal(isEndOfLife('debian', 'bullseye', day('2025-06-01')), true);
  assert.equal(isEndOfLife('debian', '11', day('2025-06-01'), { lts: true }), false);
  assert.equal(isEndOfLife('debian', '11.9', day('2026-09-01'), { lts: true }), true);
  assert.equal(isEndOfLife('debian', 'trixie', day('2026-11-29')), false);
  assert.equal(isEndOfLife('debian', 'buster', day('2026-11-29'), { lts: true }), true);
});

test('Alpine branches get two years; 3.21 is supported through 2026-11-01 and EOL the day after', () => {
  assert.equal(isEndOfLife('alpine', '3.21.4', day('2026-11-01')), false);
  assert.equal(isEndOfLife('alpine', '3.21', day('2026-11-02')), true);
  assert.equal(isEndOfLife('alpine', '3.18', day('2026-01-01')), true);
  assert.equal(isEndOfLife('alpine', '3.24', day('2026-11-29')), false);
});

test('Ubuntu interim releases end after nine months, LTS after five years', () => {
  assert.equal(isEndOfLife('ubuntu', '24.10', day('2025-08-01')), true);
  assert.equal(isEndOfLife('ubuntu', 'noble', day('2026-11-29')), false);
  assert.equal(isEndOfLife('ubuntu', '20.04', day('2026-11-29')), true);
});

test('old releases reach back to Python 2.6, Debian 7, Alpine 3.4, Ubuntu 14.04 and CentOS 5', () => {
  assert.equal(isEndOfLife('python', '2.7', day('2019-12-31')), false);
  assert.equal(isEndOfLife('python', '2.7.18', day('2020-01-02')), true);
  assert.equal(isEndOfLife('python', '3.5', day('2020-09-30')), false);
  assert.equal(isEndOfLife('python', '3.5', day('2020-10-01')), true);
  assert.equal(isEndOfLife('debian', 'stretch', day('2022-06-30'), { lts: true }), false);
  assert.equal(isEndOfLife('debian', '9', day('2022-07-01'), { lts: true }), true);
  assert.equal(isEndOfLife('debian', 'jessie', day('2019-01-01')), true);
  assert.equal(isEndOfLife('alpine', '3.7.3', day('2019-11-02')), true);
  assert.equal(isEndOfLife('ubuntu', 'zesty', day('2018-01-13')), false);
  assert.equal(isEndOfLife('ubuntu', '17.04', day('2018-01-14')), true);
  assert.equal(isEndOfLife('ubuntu', '16.04', day('2021-04-30')), false);
  assert.equal(isEndOfLife('ubuntu', '16.04', day('2021-05-01')), true);
  assert.equal(isEndOfLife('centos', '8', day('2022-01-01')), true);
  assert.equal(isEndOfLife('centos', '7.9.2009', day('2024-06-30')), false);
  assert.equal(isEndOfLife('centos', 'stream8', day('2024-06-01')), true);
});

test('unknown versions are undefined', () => {
  assert.equal(isEndOfLife('python', '1.5', day('2026-01-01')), undefined);
  assert.equal(isEndOfLife('centos', 'stream10', day('2026-01-01')), undefined);
  assert.equal(isEndOfLife('alpine', 'edge', day('2026-01-01')), undefined);
});
