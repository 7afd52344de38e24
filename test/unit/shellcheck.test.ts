// ShellCheck on RUN bodies: positions mapped onto the Dockerfile, shell and variables as the RUN sees them, suppressions and re-levelling by SC code, the missing-binary notice.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildDockerfileModel } from '../../server/src/core/model/dockerfile';
import { lintDockerfileWith, type LintOptions } from '../../server/src/core/engine';
import { defaultConfig, mergeConfig, type LayerwiseConfig } from '../../server/src/core/config';
import { LineIndex } from '../../server/src/core/text';
import { dialectFor, findingOffsets, knownVariables, scriptFor, shellInEffect, type ShellChecker } from '../../server/src/core/shellcheck';
import { backgroundShellChecker, processShellChecker } from '../../server/src/node/shellcheck';
import { initRuntime } from '../../server/src/node/runtime';
import rule from '../../server/src/core/rules/dockerfile/shellcheck';

const available = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = available ? false : 'shellcheck is not on the PATH (install the `shellcheck` package; CI does)';

function lint(code: string, opts: LintOptions & { config?: LayerwiseConfig } = {}): { code: string; text: string; severity: string; message: string }[] {
  const model = buildDockerfileModel(code);
  const index = new LineIndex(code);
  return lintDockerfileWith([rule], model, { shellChecker: processShellChecker(), ...opts }).map((f) => ({ code: f.code, text: index.slice(f.range), severity: f.severity, message: f.message }));
}

describe('shellcheck: pure parts', () => {
  before(async () => initRuntime());

  test('maps shells to ShellCheck dialects and skips the ones it cannot check', () => {
    assert.deepEqual(
      ['/bin/sh -c', '/bin/bash -eo pipefail -c', '/bin/ash -o pipefail -c', 'pwsh -c', 'cmd.exe /c', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', '/bin/zsh', 'mksh'].map(dialectFor),
      ['sh', 'bash', 'dash', undefined, undefined, undefined, undefined, 'ksh'],
    );
  });

  test('finds the shell from SHELL, inherited through FROM <stage> and reset by an unrelated FROM', () => {
    const m = buildDockerfileModel('FROM a AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN x\nFROM b\nRUN y\n');
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    assert.deepEqual(runs.map((r) => shellInEffect(m, r)), ['/bin/bash -c', '/bin/sh -c']);
  });

  test('honours a `# hadolint shell=` comment', () => {
    const m = buildDockerfileModel('# hadolint shell=powershell\nFROM a\nRUN Get-Item x\n');
    assert.equal(shellInEffect(m, m.instructions[1]!), 'powershell');
  });

  test('ARG and ENV names are known in their stage only; ONBUILD triggers only see ENV names', () => {
    const m = buildDockerfileModel('ARG G=1\nFROM a AS base\nARG A\nENV E=1\nFROM base\nRUN x\nONBUILD RUN y\nFROM c\nRUN z\n');
    const [x, y, z] = [m.instructions[5]!, m.instructions[6]!, m.instructions[8]!];
    const own = (v: string[]) => v.filter((n) => !/proxy/i.test(n));
    assert.deepEqual(own(knownVariables(m, x)), ['A', 'E']);
    assert.deepEqual(own(knownVariables(m, y, true)), ['E']);
    assert.deepEqual(own(knownVariables(m, z)), []);
  });

  test('maps 1-based line/column after the export prefix onto body offsets', () => {
    const body = 'echo a && \\\n    echo $X';
    const { script, prefixLines } = scriptFor(body, ['X']);
    assert.equal(script.split('\n')[0], 'export X=1');
    const o = findingOffsets(body, { code: 2086, level: 'info', message: '', line: 3, column: 10, endLine: 3, endColumn: 12 }, prefixLines)!;
    assert.equal(body.slice(o.start, o.end), '$X');
  });

  test('a missing binary gives no finding (the runner says it once), never a crash', () => {
    let calls = 0;
    const missing: ShellChecker = { check: () => { calls++; return undefined; } };
    assert.deepEqual(lint('FROM a\nRUN echo $X\nRUN echo $Y\n', { shellChecker: missing }), []);
    assert.equal(calls, 1, 'the rest of the file is not tried once the binary is missing');
  });

  test('shellcheck: false (untrusted workspace) runs nothing', () => {
    let calls = 0;
    const spy: ShellChecker = { check: () => { calls++; return []; } };
    assert.deepEqual(lint('FROM a\nRUN echo $X\n', { shellChecker: spy, shellcheck: false }), []);
    assert.equal(calls, 0);
  });

  test('the process checker reports a missing executable as undefined and remembers it for one notice', () => {
    const checker = processShellChecker({ command: 'layerwise-no-such-shellcheck' });
    assert.equal(checker.missing, false);
    assert.equal(checker.check('echo', 'sh', []), undefined);
    assert.equal(checker.missing, true);
  });

  test('the background checker calls onMissing once, however many bodies it was given', async () => {
    let told = 0;
    let resolve!: () => void;
    const results = new Promise<void>((r) => (resolve = r));
    const checker = backgroundShellChecker(resolve, { command: 'layerwise-no-such-shellcheck', onMissing: () => told++ });
    assert.deepEqual(checker.check('echo a', 'sh', []), []);
    assert.deepEqual(checker.check('echo b', 'sh', []), []);
    await results;
    assert.equal(checker.check('echo c', 'sh', []), undefined);
    assert.equal(told, 1);
  });
});

describe('shellcheck: with the binary', { skip }, () => {
  before(async () => initRuntime());

  test('reports SC2086 at the unquoted expansion, with ShellCheck\'s level', () => {
    const found = lint('FROM debian\nRUN echo a && \\\n    echo $1\n');
    assert.deepEqual(found.map((f) => [f.code, f.text, f.severity]), [['SC2086', '$1', 'info']]);
  });

  test('checks a heredoc RUN body on its own lines; one with a #! line or fed to bash is left out', () => {
    assert.deepEqual(lint('FROM debian\nRUN <<EOF\nset -e\necho $1\nEOF\n').map((f) => [f.code, f.text]), [['SC2086', '$1']]);
    assert.deepEqual(lint('FROM debian\nRUN <<EOF\n#!/bin/bash\necho $1\nEOF\nRUN bash <<EOF\necho $1\nEOF\n'), []);
  });

  test('maps positions through tabs, continuations and comment lines inside the RUN', () => {
    const code = 'FROM debian\nRUN true \\\n# a comment\n\t&& echo\t$1\n';
    assert.deepEqual(lint(code).map((f) => [f.code, f.text]), [['SC2086', '$1']]);
  });

  test('unknown lower-case variables are SC2154; ARG/ENV and proxy names are not', () => {
    assert.deepEqual(lint('FROM a\nRUN echo "$nope"\n').map((f) => [f.code, f.text]), [['SC2154', '$nope']]);
    assert.deepEqual(lint('FROM a\nARG a\nENV b=1\nRUN echo "$a $b $http_proxy"\n'), []);
  });

  test('checks as bash after SHELL, as sh otherwise', () => {
    assert.deepEqual(lint('FROM a\nRUN echo "$RANDOM"\n').map((f) => f.code), ['SC3028']);
    assert.deepEqual(lint('FROM a\nSHELL ["/bin/bash", "-c"]\nRUN echo "$RANDOM"\n'), []);
  });

  test('skips exec form and PowerShell', () => {
    assert.deepEqual(lint('FROM a\nRUN ["echo", "$X"]\nSHELL ["pwsh", "-c"]\nRUN Get-Item $x | Select-Object\n'), []);
  });

  test('checks ONBUILD RUN triggers', () => {
    assert.deepEqual(lint('FROM a\nONBUILD RUN echo $1\n').map((f) => [f.code, f.text]), [['SC2086', '$1']]);
  });

  test('`# hadolint ignore=SC2086` silences that code on the next instruction only', () => {
    const code = 'FROM a\n# hadolint ignore=SC2086\nRUN echo $1\nRUN echo $2\n';
    assert.deepEqual(lint(code).map((f) => [f.code, f.text]), [['SC2086', '$2']]);
  });

  test('SC codes are re-levelled and turned off by configuration, like DL codes', () => {
    const code = 'FROM a\nRUN echo $1\n';
    const cfg = (c: Partial<LayerwiseConfig>) => mergeConfig(defaultConfig(), c);
    assert.deepEqual(lint(code, { config: cfg({ rules: { SC2086: 'error' } }) }).map((f) => f.severity), ['error']);
    assert.deepEqual(lint(code, { config: cfg({ rules: { SC2086: 'off' } }) }), []);
    assert.deepEqual(lint(code, { config: cfg({ ignored: ['SC2086'] }) }), []);
    assert.deepEqual(lint(code, { config: cfg({ rules: { shellcheck: 'off' } }) }), []);
  });

  test('answers are cached per body, shell and variables', () => {
    const checker = processShellChecker();
    const model = buildDockerfileModel('FROM a\nRUN echo $X\nRUN echo $X\n');
    lintDockerfileWith([rule], model, { shellChecker: checker });
    lintDockerfileWith([rule], model, { shellChecker: checker });
    assert.equal(checker.runs, 1);
  });

  test('a file is checked by one ShellCheck run per dialect, with the same findings as body by body', () => {
    const code = 'FROM a\nRUN echo $1\nRUN cd /x\nRUN echo "$nope"\nFROM b\nSHELL ["/bin/bash", "-c"]\nRUN echo $2\nRUN [[ -f x ]] && echo "$RANDOM"\n';
    const model = buildDockerfileModel(code);
    const index = new LineIndex(code);
    const shown = (fs: { code: string; range: Parameters<LineIndex['slice']>[0] }[]): string[] => fs.map((f) => `${f.code} ${index.slice(f.range)}`);
    const batched = processShellChecker();
    const many = lintDockerfileWith([rule], model, { shellChecker: batched });
    assert.equal(batched.runs, 2, 'one run for the sh bodies, one for the bash ones');
    const single = processShellChecker();
    const oneByOne = lintDockerfileWith([rule], model, { shellChecker: { check: (a, b, c) => single.check(a, b, c) } });
    assert.equal(single.runs, 5);
    assert.deepEqual(shown(many), shown(oneByOne));
    assert.deepEqual(shown(many), ['SC2086 $1', 'SC2164 cd /x', 'SC2154 $nope', 'SC2086 $2']);
  });

  test('the editor checks a file in the background, in one batch, and answers from it on the next lint', async () => {
    const code = 'FROM a\nRUN echo $1\nRUN echo $2\n';
    const model = buildDockerfileModel(code);
    let ready!: () => void;
    const results = new Promise<void>((r) => (ready = r));
    const checker = backgroundShellChecker(() => ready());
    assert.deepEqual(lintDockerfileWith([rule], model, { shellChecker: checker }), [], 'nothing yet: the keystroke does not wait');
    await results;
    const index = new LineIndex(code);
    assert.deepEqual(lintDockerfileWith([rule], model, { shellChecker: checker }).map((f) => `${f.code} ${index.slice(f.range)}`), ['SC2086 $1', 'SC2086 $2']);
  });

  test('the docs example fires and "use instead" does not', () => {
    assert.ok(lint(rule.meta.docs.example).length > 0);
    assert.deepEqual(lint(rule.meta.docs.useInstead), []);
  });
});
