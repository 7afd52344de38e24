// A lone UTF-16 surrogate in a `-r` path (an editor buffer can hold one): linting goes on, and the path gets no link.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../server/src/core/index';
import { memoryFiles, type ProjectFiles } from '../../../server/src/core/project';
import { requirementsLinks } from '../../../server/src/core/features/requirements-links';
import { documentLinks } from '../../../server/src/lsp/links';
import { fileUri } from '../../../server/src/lsp/file-uri';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import type { Finding } from '../../../server/src/core/types';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const BAD = 'req\ud800.txt';
const DOCKERFILE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r "${BAD}"\n`;
const REQUIREMENTS = `-r ${BAD}\n-r base.txt\nrequests==2.32.3\n`;

/** Project files whose reader throws on a path no URI can carry, as the server's reader did before (URI.file). */
function throwingFiles(files: Record<string, string>): ProjectFiles {
  const inner = memoryFiles(files);
  return {
    read: (p) => {
      if (/[\ud800-\udfff]/.test(p)) throw new URIError('URI malformed');
      return inner.read(p);
    },
    list: (d) => inner.list!(d),
  };
}

describe('linting', () => {
  test('a Dockerfile that installs the file lints without an internal error', () => {
    const files = throwingFiles({ '/p/Dockerfile': DOCKERFILE, '/p/base.txt': 'flask==3.0.3\n' });
    const { findings } = lintText(DOCKERFILE, { kind: 'dockerfile', path: '/p/Dockerfile', files });
    assert.deepEqual(findings.filter((f) => f.code === 'LW000'), []);
    assert.ok(findings.some((f) => f.code === 'LW010'), 'the other rules still run');
  });

  test('a requirements file that includes it reports the include as missing and checks the rest', () => {
    const files = throwingFiles({ '/p/requirements.txt': REQUIREMENTS, '/p/base.txt': 'flask==3.0.3\n' });
    const { findings } = lintText(REQUIREMENTS, { kind: 'requirements', path: '/p/requirements.txt', files });
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.message}`),
      [`LW105 \`${BAD}\` does not exist: pip reads \`-r\` paths from this file's folder and looks for \`/p/${BAD}\``],
    );
  });
});

describe('links', () => {
  const files = memoryFiles({ '/p/requirements.txt': REQUIREMENTS, [`/p/${BAD}`]: 'flask==3.0.3\n', '/p/base.txt': 'flask==3.0.3\n' });
  const model = lintText(REQUIREMENTS, { kind: 'requirements', path: '/p/requirements.txt', files }).requirements!;

  test('the core links the well-formed include only', () => {
    assert.deepEqual(
      requirementsLinks(model).map((l) => l.target),
      ['/p/base.txt'],
    );
  });

  test('the link provider answers with the other links', () => {
    assert.deepEqual(
      documentLinks(model).map((l) => l.target),
      ['file:///p/base.txt'],
    );
  });

  test('fileUri has no URI for a lone surrogate, and one for a surrogate pair', () => {
    assert.equal(fileUri(`/p/${BAD}`), undefined);
    assert.equal(fileUri('/p/\ud83d\ude00.txt'), 'file:///p/%F0%9F%98%80.txt');
  });

  test('a related location in such a file is left out of the diagnostic', () => {
    const finding = {
      code: 'LW107',
      name: 'x',
      severity: 'warning',
      message: 'm',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      fixes: [],
      docsUrl: 'https://example.invalid',
      related: [
        { path: `/p/${BAD}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'bad' },
        { path: '/p/base.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'good' },
      ],
    } as unknown as Finding;
    assert.deepEqual(
      toDiagnostic(finding, 'file:///p/Dockerfile').relatedInformation?.map((r) => [r.location.uri, r.message]),
      [['file:///p/base.txt', 'good']],
    );
  });
});
