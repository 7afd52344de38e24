// Table-driven tests of the requirements-file parser: whole entries and errors, ranges located by the text they cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allOptions,
  expandEnvVars,
  isPinned,
  normalizeName,
  parseRequirements,
  specifierAdmits,
  type Entry,
  type ParsedOption,
  type ParseError,
  type Requirement,
  type Specifier,
} from '../../../server/src/core/parse/requirements';
import type { Range } from '../../../server/src/core/types';

/** Range of the n-th occurrence of `sub` in `text` (line breaks inside `sub` allowed). */
function at(text: string, sub: string, n = 0): Range {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(sub, i + 1);
    if (i < 0) throw new Error(`\`${sub}\` (#${n}) not in ${JSON.stringify(text)}`);
  }
  return { start: posAt(text, i), end: posAt(text, i + sub.length) };
}

function posAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** Range from the start of `from` to the end of `to` (searched after `from`). */
function span(text: string, from: string, to: string): Range {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a) + to.length;
  return { start: posAt(text, a), end: posAt(text, b) };
}

function spec(text: string, op: Specifier['operator'], version: string, n = 0, written = op + version): Specifier {
  const r = at(text, written, n);
  const v = text.indexOf(version, text.indexOf(written) + op.length);
  return {
    operator: op,
    version,
    range: r,
    operatorRange: { start: r.start, end: { line: r.start.line, character: r.start.character + op.length } },
    versionRange: { start: posAt(text, v), end: posAt(text, v + version.length) },
    valid: true,
    dynamic: false,
  };
}

function req(text: string, fields: Partial<Requirement> & { name?: string }): Requirement {
  const line = fields.range?.start.line ?? 0;
  const r: Requirement = {
    kind: 'requirement',
    line,
    range: fields.range ?? at(text, text.split('\n')[line]!.trim()),
    form: 'pep508',
    text: text.split('\n')[line]!.trim(),
    extras: [],
    specifiers: [],
    hashes: [],
    options: [],
    malformed: false,
    dynamic: false,
    ...fields,
  };
  if (fields.name !== undefined) {
    r.normalizedName = normalizeName(fields.name);
    r.nameRange = fields.nameRange ?? at(text, fields.name);
  }
  return r;
}

function opt(text: string, name: string, written: string, value?: string, n = 0, extra: Partial<ParsedOption> = {}): ParsedOption {
  const spelling = written.match(/^-[A-Za-z]|^--?[^=\s]+/)![0];
  const known = extra.known ?? true;
  const o: ParsedOption = {
    name,
    spelling,
    known,
    scope: extra.scope ?? (known ? 'file' : 'unknown'),
    nameRange: { start: at(text, written, n).start, end: { ...at(text, written, n).start, character: at(text, written, n).start.character + spelling.length } },
    range: at(text, written, n),
  };
  if (value !== undefined) {
    const w = at(text, written, n);
    const offsetInWritten = written.lastIndexOf(value);
    o.value = value;
    o.valueRange = { start: { line: w.start.line, character: w.start.character + offsetInWritten }, end: w.end };
  }
  return o;
}

function err(text: string, code: ParseError['code'], message: string, covers: string, n = 0): ParseError {
  return { code, message, range: at(text, covers, n) };
}

function only(text: string): { entries: Entry[]; errors: ParseError[] } {
  const f = parseRequirements(text);
  return { entries: f.entries, errors: f.errors };
}

const SHA = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);

interface Case {
  name: string;
  text: string;
  entries: (text: string) => Entry[];
  errors?: (text: string) => ParseError[];
}

const cases: Case[] = [
  {
    name: 'reads a bare name',
    text: 'requests',
    entries: (t) => [req(t, { name: 'requests' })],
  },
  {
    name: 'normalizes names per PEP 503',
    text: 'Zope.Interface__x',
    entries: (t) => [req(t, { name: 'Zope.Interface__x' })],
  },
  {
    name: 'reads an exact pin',
    text: 'Django==4.2.11',
    entries: (t) => [req(t, { name: 'Django', specifiers: [spec(t, '==', '4.2.11')], specifierRange: at(t, '==4.2.11') })],
  },
  {
    name: 'reads extras and several specifiers with blanks between',
    text: 'requests[socks, Security] >= 2.31 , < 3',
    entries: (t) => [
      req(t, {
        name: 'requests',
        extras: [
          { name: 'socks', normalizedName: 'socks', range: at(t, 'socks') },
          { name: 'Security', normalizedName: 'security', range: at(t, 'Security') },
        ],
        extrasRange: at(t, '[socks, Security]'),
        specifiers: [spec(t, '>=', '2.31', 0, '>= 2.31'), spec(t, '<', '3', 0, '< 3')],
        specifierRange: at(t, '>= 2.31 , < 3'),
      }),
    ],
  },
  {
    name: 'reads parenthesized specifiers',
    text: 'backports.zoneinfo (>=0.2.1,<1)',
    entries: (t) => [
      req(t, {
        name: 'backports.zoneinfo',
        specifiers: [spec(t, '>=', '0.2.1'), spec(t, '<', '1')],
        specifierRange: at(t, '(>=0.2.1,<1)'),
      }),
    ],
  },
  {
    name: 'reads every operator',
    text: 'a~=1.4.2,!=1.4.5,<=2,>0.1,===1.4.3-custom',
    entries: (t) => [
      req(t, {
        name: 'a',
        specifiers: [spec(t, '~=', '1.4.2'), spec(t, '!=', '1.4.5'), spec(t, '<=', '2'), spec(t, '>', '0.1'), spec(t, '===', '1.4.3-custom')],
        specifierRange: at(t, '~=1.4.2,!=1.4.5,<=2,>0.1,===1.4.3-custom'),
      }),
    ],
  },
  {
    name: 'reads a marker and keeps its tree',
    text: 'psycopg2-binary==2.9.9; python_version < "3.13" and sys_platform == "linux"',
    entries: (t) => [
      req(t, {
        name: 'psycopg2-binary',
        specifiers: [spec(t, '==', '2.9.9')],
        specifierRange: at(t, '==2.9.9'),
        marker: {
          text: 'python_version < "3.13" and sys_platform == "linux"',
          range: at(t, 'python_version < "3.13" and sys_platform == "linux"'),
          tree: {
            operator: 'and',
            left: { left: 'python_version', operator: '<', right: '"3.13"' },
            right: { left: 'sys_platform', operator: '==', right: '"linux"' },
          } as never,
        },
      }),
    ],
  },
  {
    name: 'treats an empty marker after `;` as none, like pip',
    text: 'flask ;',
    entries: (t) => [req(t, { name: 'flask' })],
  },
  {
    name: 'reads `name @ url ; marker`',
    text: 'mypkg[x] @ https://example.com/mypkg-1.0.tar.gz ; python_version >= "3.10"',
    entries: (t) => [
      req(t, {
        name: 'mypkg',
        extras: [{ name: 'x', normalizedName: 'x', range: at(t, 'x') }],
        extrasRange: at(t, '[x]'),
        url: { value: 'https://example.com/mypkg-1.0.tar.gz', range: at(t, 'https://example.com/mypkg-1.0.tar.gz'), isUrl: true },
        marker: {
          text: 'python_version >= "3.10"',
          range: at(t, 'python_version >= "3.10"'),
          tree: { left: 'python_version', operator: '>=', right: '"3.10"' } as never,
        },
      }),
    ],
  },
  {
    name: 'reads a bare wheel URL, its name and version, and a marker after `; `',
    text: 'https://h/w/orjson-3.10.0-cp312-cp312-manylinux_2_17_x86_64.whl; python_version>"3"',
    entries: (t) => [
      req(t, {
        form: 'url',
        name: 'orjson',
        url: {
          value: 'https://h/w/orjson-3.10.0-cp312-cp312-manylinux_2_17_x86_64.whl',
          range: at(t, 'https://h/w/orjson-3.10.0-cp312-cp312-manylinux_2_17_x86_64.whl'),
          isUrl: true,
          wheel: { name: 'orjson', version: '3.10.0', nameRange: at(t, 'orjson'), versionRange: at(t, '3.10.0') },
        },
        marker: { text: 'python_version>"3"', range: at(t, 'python_version>"3"'), tree: { left: 'python_version', operator: '>', right: '"3"' } as never },
      }),
    ],
  },
  {
    name: 'keeps a `;` inside a URL that is not followed by a blank',
    text: 'https://h/p;v=1/pkg.zip#egg=pkg',
    entries: (t) => [
      req(t, {
        form: 'url',
        name: 'pkg',
        nameRange: at(t, 'pkg', 1),
        url: { value: t, range: at(t, t), isUrl: true },
      }),
    ],
  },
  {
    name: 'keeps `#` inside a URL (not a comment) and reads the egg name from a VCS URL',
    text: 'git+https://github.com/org/proj.git@v1.2#egg=proj',
    entries: (t) => [
      req(t, { form: 'url', name: 'proj', nameRange: at(t, 'proj', 1), url: { value: t, range: at(t, t), isUrl: true } }),
    ],
  },
  {
    name: 'reads a local path with extras',
    text: './vendor/lib[extra]',
    entries: (t) => [
      req(t, {
        form: 'path',
        url: { value: './vendor/lib', range: at(t, './vendor/lib'), isUrl: false },
        extras: [{ name: 'extra', normalizedName: 'extra', range: at(t, 'extra') }],
        extrasRange: at(t, '[extra]'),
      }),
    ],
  },
  {
    name: 'reads per-requirement hashes across continuation lines',
    text: `gunicorn==21.2.0 \\\n    --hash=sha256:${SHA} \\\n    --hash sha256:${SHA2}`,
    entries: (t) => [
      req(t, {
        name: 'gunicorn',
        text: 'gunicorn==21.2.0',
        range: at(t, 'gunicorn==21.2.0'),
        specifiers: [spec(t, '==', '21.2.0')],
        specifierRange: at(t, '==21.2.0'),
        hashes: [
          { algorithm: 'sha256', digest: SHA, range: at(t, `sha256:${SHA}`), optionRange: at(t, `--hash=sha256:${SHA}`) },
          { algorithm: 'sha256', digest: SHA2, range: at(t, `sha256:${SHA2}`), optionRange: at(t, `--hash sha256:${SHA2}`) },
        ],
        options: [
          opt(t, '--hash', `--hash=sha256:${SHA}`, `sha256:${SHA}`, 0, { scope: 'requirement' }),
          opt(t, '--hash', `--hash sha256:${SHA2}`, `sha256:${SHA2}`, 0, { scope: 'requirement' }),
        ],
      }),
    ],
  },
  {
    name: 'joins a name split by a continuation without a blank, with ranges on both lines',
    text: 'nump\\\ny==1.0',
    entries: (t) => [
      req(t, {
        name: 'numpy',
        text: 'numpy==1.0',
        nameRange: span(t, 'nump', 'y'),
        range: span(t, 'nump', '1.0'),
        specifiers: [spec(t, '==', '1.0')],
        specifierRange: at(t, '==1.0'),
      }),
    ],
  },
  {
    name: 'ends a continuation at a comment line',
    text: 'flask \\\n# note\nrequests',
    entries: (t) => [req(t, { name: 'flask', range: at(t, 'flask'), text: 'flask' }), req(t, { name: 'requests', line: 2, range: at(t, 'requests') })],
  },
  {
    name: 'reads an include of each kind with every spelling',
    text: '-r base.txt\n--requirement=dev.txt\n-c constraints.txt\n--constraint c2.txt\n-rshort.txt\n-r https://h/r.txt',
    entries: (t) => {
      const inc = (written: string, path: string, constraint: boolean, line: number, name: string): Entry => ({
        ...opt(t, name, written, path),
        kind: 'include',
        line,
        constraint,
        path,
        pathRange: at(t, path),
        isUrl: path.startsWith('https'),
      });
      return [
        inc('-r base.txt', 'base.txt', false, 0, '--requirement'),
        inc('--requirement=dev.txt', 'dev.txt', false, 1, '--requirement'),
        inc('-c constraints.txt', 'constraints.txt', true, 2, '--constraint'),
        inc('--constraint c2.txt', 'c2.txt', true, 3, '--constraint'),
        inc('-rshort.txt', 'short.txt', false, 4, '--requirement'),
        inc('-r https://h/r.txt', 'https://h/r.txt', false, 5, '--requirement'),
      ];
    },
  },
  {
    name: 'reads every file-level option',
    text: [
      '-i https://pypi.org/simple',
      '--extra-index-url=https://x/simple',
      '--no-index',
      '-f ./wheels',
      '--find-links https://x/links',
      '--no-binary :all:',
      '--only-binary=numpy,scipy',
      '--prefer-binary',
      '--require-hashes',
      '--pre',
      '--trusted-host pkgs.example.com',
      '--use-feature=truststore',
    ].join('\n'),
    entries: (t) => {
      const o = (line: number, name: string, written: string, value?: string, n = 0): Entry => ({ ...opt(t, name, written, value, n), kind: 'option', line });
      return [
        o(0, '--index-url', '-i https://pypi.org/simple', 'https://pypi.org/simple'),
        o(1, '--extra-index-url', '--extra-index-url=https://x/simple', 'https://x/simple'),
        o(2, '--no-index', '--no-index'),
        o(3, '--find-links', '-f ./wheels', './wheels'),
        o(4, '--find-links', '--find-links https://x/links', 'https://x/links'),
        o(5, '--no-binary', '--no-binary :all:', ':all:'),
        o(6, '--only-binary', '--only-binary=numpy,scipy', 'numpy,scipy'),
        o(7, '--prefer-binary', '--prefer-binary'),
        o(8, '--require-hashes', '--require-hashes'),
        o(9, '--pre', '--pre', undefined, 1), // the first `--pre` is the start of `--prefer-binary`
        o(10, '--trusted-host', '--trusted-host pkgs.example.com', 'pkgs.example.com'),
        o(11, '--use-feature', '--use-feature=truststore', 'truststore'),
      ];
    },
  },
  {
    name: 'reads several options on one line and accepts an unambiguous abbreviation, as optparse does',
    text: '--pre --index https://x/simple',
    entries: (t) => [
      { ...opt(t, '--pre', '--pre'), kind: 'option', line: 0 },
      { ...opt(t, '--index-url', '--index https://x/simple', 'https://x/simple'), kind: 'option', line: 0 },
    ],
  },
  {
    name: 'keeps an unknown option and its likely value',
    text: '--index_url https://x/simple\n--frobnicate=3',
    entries: (t) => [
      { ...opt(t, '--index_url', '--index_url https://x/simple', 'https://x/simple', 0, { known: false }), kind: 'unknown-option', line: 0 },
      { ...opt(t, '--frobnicate', '--frobnicate=3', '3', 0, { known: false }), kind: 'unknown-option', line: 1 },
    ],
  },
  {
    name: 'reads an editable VCS URL with its egg name',
    text: '-e git+https://github.com/org/proj.git@v1.2#egg=proj',
    entries: (t) => [
      {
        kind: 'editable',
        line: 0,
        range: at(t, t),
        option: opt(t, '--editable', t, 'git+https://github.com/org/proj.git@v1.2#egg=proj'),
        target: { value: 'git+https://github.com/org/proj.git@v1.2#egg=proj', range: at(t, 'git+https://github.com/org/proj.git@v1.2#egg=proj'), isUrl: true },
        name: 'proj',
        normalizedName: 'proj',
        nameRange: at(t, 'proj', 1),
        extras: [],
        hashes: [],
        options: [],
      },
    ],
  },
  {
    name: 'reads an editable local project with extras and config settings',
    text: '-e .[dev] --config-settings editable_mode=compat',
    entries: (t) => [
      {
        kind: 'editable',
        line: 0,
        range: at(t, '-e .[dev]'),
        option: opt(t, '--editable', '-e .[dev]', '.[dev]'),
        target: { value: '.', range: at(t, '.'), isUrl: false },
        extras: [{ name: 'dev', normalizedName: 'dev', range: at(t, 'dev') }],
        hashes: [],
        options: [opt(t, '--config-settings', '--config-settings editable_mode=compat', 'editable_mode=compat', 0, { scope: 'requirement' })],
      },
    ],
  },
  {
    name: 'attaches config settings and deprecated global options to the requirement',
    text: 'pillow==10.3.0 --config-settings=--build-option=--disable-jpeg --global-option=x',
    entries: (t) => [
      req(t, {
        name: 'pillow',
        text: 'pillow==10.3.0',
        range: at(t, 'pillow==10.3.0'),
        specifiers: [spec(t, '==', '10.3.0')],
        specifierRange: at(t, '==10.3.0'),
        options: [
          opt(t, '--config-settings', '--config-settings=--build-option=--disable-jpeg', '--build-option=--disable-jpeg', 0, { scope: 'requirement' }),
          { ...opt(t, '--global-option', '--global-option=x', 'x', 0, { scope: 'requirement' }), deprecated: true },
        ],
      }),
    ],
  },
  {
    name: 'records `${VAR}` references and does not validate what depends on them',
    text: 'flask==${FLASK_VERSION}',
    entries: (t) => [
      req(t, {
        name: 'flask',
        dynamic: true,
        specifiers: [{ ...spec(t, '==', '${FLASK_VERSION}'), dynamic: true }],
        specifierRange: at(t, '==${FLASK_VERSION}'),
      }),
    ],
  },
  {
    name: 'strips comments that start a line or follow a blank',
    text: '# header\nflask  # web\n  # indented',
    entries: (t) => [req(t, { name: 'flask', line: 1, range: at(t, 'flask'), text: 'flask' })],
  },
  {
    name: 'reads a file with CRLF line ends and a byte-order mark',
    text: '\uFEFFflask\r\nrequests==2.0\r\n',
    entries: (t) => [
      req(t, { name: 'flask', range: at(t, 'flask'), text: 'flask' }),
      req(t, { name: 'requests', line: 1, range: at(t, 'requests==2.0'), text: 'requests==2.0', specifiers: [spec(t, '==', '2.0')], specifierRange: at(t, '==2.0') }),
    ],
  },
];

const errorCases: { name: string; text: string; errors: (t: string) => ParseError[] }[] = [
  { name: 'flags `=` as an operator', text: 'broken=1.0', errors: (t) => [err(t, 'invalid-specifier', '`=` is not a version operator; use `==`', '=')] },
  { name: 'flags a version without operator', text: 'foo 1.0', errors: (t) => [err(t, 'syntax', 'Unexpected `1.0` after `foo`; write `foo==1.0`', '1.0')] },
  { name: 'flags an invalid version', text: 'foo==1.0.0junk', errors: (t) => [err(t, 'invalid-version', '`1.0.0junk` is not a valid PEP 440 version', '1.0.0junk')] },
  { name: 'flags a wildcard on an ordered operator', text: 'foo>=1.*', errors: (t) => [err(t, 'invalid-specifier', '`>=1.*`: only `==` and `!=` accept a `.*` wildcard', '>=1.*')] },
  { name: 'flags `~=` with one segment', text: 'foo~=1', errors: (t) => [err(t, 'invalid-specifier', '`~=1` needs at least two release segments, like `~=1.0`', '~=1')] },
  { name: 'flags a local label on an ordered operator', text: 'foo>=1.0+cpu', errors: (t) => [err(t, 'invalid-specifier', '`>=1.0+cpu`: a local version label (`+…`) is only allowed with `==` and `!=`', '>=1.0+cpu')] },
  { name: 'flags an operator without a version', text: 'foo>=', errors: (t) => [err(t, 'invalid-specifier', '`>=` needs a version', '>=')] },
  { name: 'flags a trailing comma', text: 'foo>=1,', errors: (t) => [err(t, 'syntax', 'Expected a version specifier after `,`', ',')] },
  { name: 'flags specifiers without a comma', text: 'foo>=1 <2', errors: (t) => [err(t, 'syntax', 'Expected `,` or `;` after a version specifier, found `<2`', '<2')] },
  { name: 'flags an unclosed parenthesis', text: 'foo (>=1', errors: (t) => [err(t, 'syntax', 'Expected `)` to close `(`', '(')] },
  { name: 'flags unclosed extras', text: 'foo[bar', errors: (t) => [err(t, 'syntax', 'Expected `]` to close the extras', '[bar')] },
  { name: 'flags an invalid extra', text: 'foo[b@d]', errors: (t) => [err(t, 'invalid-extra', '`b@d` is not a valid extra name', 'b@d')] },
  { name: 'flags an invalid name', text: 'foo-==1', errors: (t) => [err(t, 'invalid-name', '`foo-` is not a valid package name: it must start and end with a letter or digit', 'foo-')] },
  { name: 'flags a line without a name', text: '==1.0', errors: (t) => [err(t, 'syntax', 'Expected a package name, found `==1.0`', '==1.0')] },
  { name: 'flags `@` without a URL', text: 'foo @', errors: (t) => [err(t, 'syntax', 'Expected a URL after `@`', '@')] },
  {
    name: 'flags an incomplete marker at its end',
    text: 'foo; python_version < "3.8" and',
    errors: (t) => [err(t, 'invalid-marker', 'Invalid environment marker: the marker ends early: expected a marker variable (`python_version`, `sys_platform`, …) or a quoted string', 'd')],
  },
  {
    name: 'flags an unknown marker variable where it starts',
    text: 'foo; python_versio < "3.8"',
    errors: (t) => [err(t, 'invalid-marker', 'Invalid environment marker: expected a marker variable (`python_version`, `sys_platform`, …) or a quoted string', 'python_versio')],
  },
  { name: 'flags a hash without algorithm', text: 'foo==1 --hash=abc', errors: (t) => [err(t, 'invalid-hash', '`abc` is not `algorithm:digest`, like `sha256:…`', 'abc')] },
  { name: 'flags a weak hash algorithm', text: 'foo==1 --hash=md5:abc', errors: (t) => [err(t, 'invalid-hash', '`md5` is not allowed for --hash; use sha256, sha384 or sha512', 'md5:abc')] },
  { name: 'flags a digest of the wrong length', text: 'foo==1 --hash=sha256:abc', errors: (t) => [err(t, 'invalid-hash', 'A sha256 digest is 64 hex digits; `abc` has 3', 'sha256:abc')] },
  { name: 'flags an option without its value', text: '--index-url', errors: (t) => [err(t, 'missing-option-value', '`--index-url` needs a value', '--index-url')] },
  { name: 'flags a value on a flag', text: '--pre=yes', errors: (t) => [err(t, 'unexpected-option-value', '`--pre` takes no value', '=yes')] },
  { name: 'flags an argument pip ignores', text: '-r a.txt b.txt', errors: (t) => [err(t, 'ignored-argument', '`b.txt` is ignored: pip reads only options after the first option on a line', 'b.txt')] },
  { name: 'flags config settings without `=`', text: 'foo --config-settings x', errors: (t) => [err(t, 'invalid-option-value', '`x` is not `KEY=VALUE`', 'x', 0)] },
  { name: 'flags an unclosed quote', text: '--trusted-host "h', errors: (t) => [err(t, 'syntax', 'No closing quotation for the `"` opened here', '"')] },
  { name: 'flags an editable that is neither path nor URL', text: '-e flask', errors: (t) => [err(t, 'syntax', '`flask` is not a path or URL; `-e` needs a local project or a VCS URL', 'flask')] },
];

for (const c of cases) {
  test(c.name, () => {
    assert.deepEqual(only(c.text), { entries: c.entries(c.text), errors: c.errors?.(c.text) ?? [] });
  });
}

for (const c of errorCases) {
  test(c.name, () => {
    assert.deepEqual(parseRequirements(c.text).errors, c.errors(c.text));
  });
}

test('keeps parsing after malformed lines', () => {
  const text = 'foo==1.0.0junk\nbar==\n[x]\nok==1.0\n--hash\nlast';
  const file = parseRequirements(text);
  assert.deepEqual(
    file.entries.filter((e): e is Requirement => e.kind === 'requirement').map((e) => [e.name, e.malformed]),
    [['foo', true], ['bar', true], [undefined, true], ['ok', false], ['last', false]],
  );
  assert.deepEqual(file.errors.map((e) => e.range.start.line), [0, 1, 2, 4]);
});

test('marks the version, not the whole line, of an invalid specifier as not valid', () => {
  const file = parseRequirements('foo==1.0.0junk');
  const r = file.entries[0] as Requirement;
  assert.equal(r.specifiers[0]!.valid, false);
});

test('records comments and env vars with their ranges', () => {
  const text = '--extra-index-url https://${USER}:${TOKEN}@h/simple  # private\nflask #web';
  const file = parseRequirements(text);
  assert.deepEqual(file.comments, [
    { text: '# private', range: at(text, '# private') },
    { text: '#web', range: at(text, '#web') },
  ]);
  assert.deepEqual(file.envVars, [
    { name: 'USER', range: at(text, '${USER}') },
    { name: 'TOKEN', range: at(text, '${TOKEN}') },
  ]);
});

test('a comment on a continued line swallows the next line, as in pip', () => {
  const text = 'flask # web \\\nrequests\ngunicorn';
  const file = parseRequirements(text);
  assert.deepEqual(
    file.entries.map((e) => (e.kind === 'requirement' ? e.name : e.kind)),
    ['flask', 'gunicorn'],
  );
});

test('allOptions lists options from every kind of line', () => {
  const file = parseRequirements(`--pre\nfoo==1 --hash=sha256:${SHA}\n-e . --config-settings a=b\n-r x.txt`);
  assert.deepEqual(allOptions(file).map((o) => o.name), ['--pre', '--hash', '--editable', '--config-settings', '--requirement']);
});

test('helpers: normalizeName, isPinned, specifierAdmits, expandEnvVars', () => {
  assert.equal(normalizeName('Foo._-Bar'), 'foo-bar');
  const pinned = (t: string) => isPinned(parseRequirements(t).entries[0] as Requirement);
  assert.deepEqual(['a==1.0', 'a===1.0', 'a==1.*', 'a>=1', 'a', 'a>=1,==1.2'].map(pinned), [true, true, false, false, false, true]);
  assert.equal(specifierAdmits('>=1.0,<2', '1.5'), true);
  assert.equal(specifierAdmits('>=1.0,<2', '2.0'), false);
  assert.equal(specifierAdmits('~=1.4', '1.9'), true);
  assert.equal(specifierAdmits('>=1.0', '2.0a1'), false);
  assert.equal(specifierAdmits('>=1.0', '2.0a1', { prereleases: true }), true);
  assert.equal(specifierAdmits('', '3'), true);
  assert.equal(specifierAdmits((parseRequirements('a==1.*').entries[0] as Requirement).specifiers, '1.7'), true);
  assert.equal(expandEnvVars('x==${V} ${lower} ${UNSET}', { V: '2' }), 'x==2 ${lower} ${UNSET}');
});

test('ranges count UTF-16 code units', () => {
  const text = '# 😀 émoji\nflask==1.0 # ☃ snow\n--trusted-host h # 😀\npkg';
  const file = parseRequirements(text);
  assert.deepEqual(file.entries[2]!.range, at(text, 'pkg'));
  assert.deepEqual(file.comments[2]!.range, at(text, '# 😀', 1));
});
