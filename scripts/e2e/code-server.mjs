// Starts and stops a private code-server (VS Code 1.100 in the browser, real Node extension host) on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function codeServerBin(cacheDir) {
  return join(cacheDir, 'code-server/node_modules/.bin/code-server');
}

// A profile that opens straight into the workspace: no walkthroughs, telemetry, update checks or trust prompt;
// short hover delay; no auto-save, so edits made by tests stay in the editor and never reach the example copy's disk
// by timer.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
};

/**
 * A fresh profile under runDir. code-server writes ~/.config/code-server and ~/.local/share/code-server on any
 * start, so XDG_* point inside runDir too.
 */
export function makeProfile(runDir, extraEnv = {}) {
  const p = {
    config: join(runDir, 'config.yaml'),
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
  };
  mkdirSync(join(p.userData, 'User'), { recursive: true });
  mkdirSync(p.extensions, { recursive: true });
  writeFileSync(p.config, '');
  writeFileSync(join(p.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  p.args = ['--config', p.config, '--user-data-dir', p.userData, '--extensions-dir', p.extensions];
  p.env = {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    ...extraEnv,
  };
  return p;
}

export function installExtension(bin, profile, vsix) {
  return new Promise((resolve, reject) => {
    if (!existsSync(vsix)) return reject(new Error(`no ${vsix}`));
    const child = spawn(bin, [...profile.args, '--install-extension', vsix], { env: profile.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && /successfully installed/i.test(out)
      ? resolve(out.trim())
      : reject(new Error(`code-server --install-extension exited ${code}: ${out.trim()}`))));
  });
}

const live = new Set();
// Whatever ends this process, the server's whole group goes with it: the server, extension hosts, the language
// server they fork and the pty host would otherwise outlive us (a closed tab's extension host lingers by design).
process.on('exit', () => {
  for (const pid of live) try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
});

/** Starts code-server on a free 127.0.0.1 port in its own process group; resolves once it listens. */
export function startCodeServer(bin, profile, logFile) {
  const child = spawn(bin, [
    ...profile.args,
    '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ], { env: profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child.pid);
  const log = createWriteStream(logFile);
  let head = '';
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not listen within 60 s; log: ${logFile}`)), 60_000);
    const fail = (err) => { clearTimeout(timer); stop().finally(() => reject(err)); };
    const onData = (d) => {
      log.write(d);
      if (head === null) return;
      head += d;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//.exec(head);
      if (!m) return;
      head = null;
      clearTimeout(timer);
      resolve({ url: m[1], authority: `127.0.0.1:${m[2]}`, pid: child.pid, startedAt, listenMs: Date.now() - startedAt, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (head !== null) fail(new Error(`code-server exited (${code ?? signal}) before listening; log: ${logFile}`));
    });
  });

  async function stop() {
    const kill = (sig) => { try { process.kill(-child.pid, sig); } catch { /* group already gone */ } };
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      kill('SIGTERM');
      const hard = setTimeout(() => kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(hard);
    }
    kill('SIGKILL'); // group members that outlived the leader
    live.delete(child.pid);
    log.end();
  }
}
