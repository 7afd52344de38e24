// Protocol tests: a config file that cannot be read or has wrong values is reported, and the files below it are still linted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fileUri, startServer, type ServerSession } from './harness';

const exampleText = readFileSync(join(ROOT, 'examples', 'flask-app', 'Dockerfile'), 'utf8');

describe('config files the server cannot use', () => {
  let server: ServerSession;
  let root: string;
  const messages: { type: number; message: string }[] = [];
  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'layerwise-config-problems-')));
    server = await startServer({ rootPath: root });
    server.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => void messages.push(m));
  });
  after(async () => server.stop());

  test('a .layerwise.toml that is a folder: the Dockerfiles below it are linted, one warning message names the file', async () => {
    const dir = join(root, 'folder-config');
    mkdirSync(join(dir, '.layerwise.toml'), { recursive: true });
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'Dockerfile'), exampleText);
    writeFileSync(join(dir, 'svc', 'Dockerfile'), exampleText);
    const a = await server.diagnostics(server.open(join(dir, 'Dockerfile'), 'dockerfile', exampleText), (d) => d.length > 0);
    const b = await server.diagnostics(server.open(join(dir, 'svc', 'Dockerfile'), 'dockerfile', exampleText), (d) => d.length > 0);
    assert.ok(a.some((d) => d.code === 'DL3042'));
    assert.ok(b.some((d) => d.code === 'DL3042'));
    const about = messages.filter((m) => m.message.includes(join(dir, '.layerwise.toml')));
    assert.deepEqual(about, [{ type: 2, message: `Layerwise: ${join(dir, '.layerwise.toml')}: cannot read the configuration: is a folder (the rest of the configuration is used)` }]);
  });

  test('garbage TOML: the Dockerfile is linted with defaults and the file gets a diagnostic at the line', async () => {
    const dir = join(root, 'garbage');
    mkdirSync(dir);
    writeFileSync(join(dir, '.layerwise.toml'), '[rules]\nDL3042 = = "off"\n');
    writeFileSync(join(dir, 'Dockerfile'), exampleText);
    const diags = await server.diagnostics(server.open(join(dir, 'Dockerfile'), 'dockerfile', exampleText), (d) => d.length > 0);
    assert.ok(diags.some((d) => d.code === 'DL3042'));
    const onConfig = await server.diagnostics(fileUri(join(dir, '.layerwise.toml')), (d) => d.length > 0);
    assert.deepEqual(
      onConfig.map((d) => ({ line: d.range.start.line, code: d.code, message: d.message })),
      [{ line: 1, code: 'config', message: 'Invalid TOML document: invalid value (line 2)' }],
    );
  });

  test('a mistyped value is reported on the open config file, and the valid settings beside it still apply', async () => {
    const dir = join(root, 'mistyped');
    mkdirSync(dir);
    const toml = '[rules]\nDL3042 = "loud"\nDL3009 = "off"\n';
    writeFileSync(join(dir, '.layerwise.toml'), toml);
    writeFileSync(join(dir, 'Dockerfile'), exampleText);
    const before = messages.length;
    server.open(join(dir, '.layerwise.toml'), 'toml', toml);
    const diags = await server.diagnostics(server.open(join(dir, 'Dockerfile'), 'dockerfile', exampleText), (d) => d.length > 0);
    assert.ok(diags.some((d) => d.code === 'DL3042'), 'the rule with the bad severity keeps its default');
    assert.ok(!diags.some((d) => d.code === 'DL3009'), 'the valid `off` beside it applies');
    const onConfig = await server.diagnostics(fileUri(join(dir, '.layerwise.toml')), (d) => d.length > 0);
    assert.deepEqual(onConfig.map((d) => d.message), ["rule 'DL3042': unknown severity \"loud\" (use off, error, warning, info or hint)"]);
    assert.equal(messages.length, before, 'an open config file gets a diagnostic, not a message');
  });
});
