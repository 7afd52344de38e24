// pyproject.toml, Pipfile, uv.lock, poetry.lock, pdm.lock, Pipfile.lock and environment.yml read into models whose ranges point at the text they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTomlDocument } from '../../../server/src/core/parse/toml';
import { buildPipfileModel, buildPyprojectModel, poetryToPep440 } from '../../../server/src/core/model/python-manifest';
import { buildLockModel, buildPdmLockModel, buildPipfileLockModel, buildPoetryLockModel, buildUvLockModel, lockedPackageAt, wheelTags } from '../../../server/src/core/model/lock-files';
import { buildCondaEnvironmentModel } from '../../../server/src/core/model/conda-environment';
import type { Range } from '../../../server/src/core/types';

/** The range of the nth occurrence of `needle` in `text` (counted by hand from the text, not by the code under test). */
function at(text: string, needle: string, nth = 0): Range {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`no ${needle} #${nth}`);
  }
  const pos = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: pos(i), end: pos(i + needle.length) };
}

const PYPROJECT = `[project]
name = "shop"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = [
    "flask>=3.1,<4",
    "gunicorn==23.0.0",
    "requests[socks] ; python_version < '3.13'",
]

[project.optional-dependencies]
redis = ["redis>=5"]

[dependency-groups]
dev = ["pytest>=8.3", { include-group = "lint" }]
lint = ["ruff"]

[tool.uv]
dev-dependencies = ["mypy"]

[tool.uv.sources]
torch = { index = "pytorch-cpu" }

[[tool.uv.index]]
name = "pytorch-cpu"
url = "https://download.pytorch.org/whl/cpu"
explicit = true
`;

test('pyproject.toml: PEP 621 dependencies, extras, PEP 735 groups and uv tables, with name and version ranges', () => {
  const m = buildPyprojectModel(PYPROJECT);
  assert.deepEqual(m.problems, []);
  assert.equal(m.projectName, 'shop');
  assert.equal(m.requiresPython, '>=3.12');
  assert.deepEqual(m.requiresPythonRange, at(PYPROJECT, '">=3.12"'));
  assert.deepEqual(
    m.dependencies.map((d) => [d.normalizedName, d.specifier, d.groupKind, d.group, d.declaredBy]),
    [
      ['flask', '>=3.1,<4', 'main', 'main', 'project'],
      ['gunicorn', '==23.0.0', 'main', 'main', 'project'],
      ['requests', '', 'main', 'main', 'project'],
      ['redis', '>=5', 'extra', 'redis', 'project'],
      ['pytest', '>=8.3', 'group', 'dev', 'dependency-groups'],
      ['ruff', '', 'group', 'lint', 'dependency-groups'],
      ['mypy', '', 'group', 'dev', 'uv'],
    ],
  );
  const flask = m.dependencies[0]!;
  assert.deepEqual(flask.nameRange, at(PYPROJECT, 'flask'));
  assert.deepEqual(flask.versionRange, at(PYPROJECT, '>=3.1,<4'));
  assert.deepEqual(flask.range, at(PYPROJECT, '"flask>=3.1,<4"'));
  const requests = m.dependencies[2]!;
  assert.deepEqual(requests.extras, ['socks']);
  assert.equal(requests.marker, "python_version < '3.13'");
  assert.deepEqual(m.groups, ['main', 'dev', 'lint']);
  assert.deepEqual(m.sources['torch']?.index, 'pytorch-cpu');
  assert.deepEqual(m.indexes.map((i) => [i.name, i.url, i.explicit]), [['pytorch-cpu', 'https://download.pytorch.org/whl/cpu', true]]);
  assert.deepEqual(m.tools, ['uv']);
});

const POETRY_PYPROJECT = `[tool.poetry]
name = "api"
version = "1.0.0"
package-mode = false

[tool.poetry.dependencies]
python = "^3.11"
Django = "^5.1.4"
psycopg = { version = "~3.2", extras = ["binary"] }
internal = { git = "https://github.com/example/internal.git", branch = "main" }

[tool.poetry.group.test]
optional = true

[tool.poetry.group.test.dependencies]
pytest = "8.3.4"

[tool.poetry.dev-dependencies]
black = "*"
`;

test('pyproject.toml: Poetry dependencies, groups (optional) and legacy dev-dependencies; Poetry constraints in PEP 440', () => {
  const m = buildPyprojectModel(POETRY_PYPROJECT);
  assert.deepEqual(m.problems, []);
  assert.equal(m.requiresPython, '>=3.11,<4.0');
  assert.deepEqual(m.requiresPythonRange, at(POETRY_PYPROJECT, '"^3.11"'));
  assert.equal(m.packageMode, false);
  assert.deepEqual(
    m.dependencies.map((d) => [d.name, d.constraint, d.specifier, d.group, d.direct ?? null]),
    [
      ['Django', '^5.1.4', '>=5.1.4,<6.0.0', 'main', null],
      ['psycopg', '~3.2', '>=3.2,<3.3', 'main', null],
      ['internal', '*', '', 'main', 'https://github.com/example/internal.git'],
      ['black', '*', '', 'dev', null],
      ['pytest', '8.3.4', '==8.3.4', 'test', null],
    ],
  );
  const django = m.dependencies[0]!;
  assert.deepEqual(django.nameRange, at(POETRY_PYPROJECT, 'Django'));
  assert.deepEqual(django.versionRange, at(POETRY_PYPROJECT, '^5.1.4'));
  assert.deepEqual(m.dependencies[1]!.versionRange, at(POETRY_PYPROJECT, '~3.2'));
  assert.deepEqual(m.dependencies[1]!.extras, ['binary']);
  assert.deepEqual(m.optionalGroups, ['test']);
});

test('Poetry constraints: caret, tilde, wildcard, exact, PEP 440 passthrough; unions have no PEP 440 form', () => {
  assert.equal(poetryToPep440('^0.2.3'), '>=0.2.3,<0.3.0');
  assert.equal(poetryToPep440('^1'), '>=1,<2');
  assert.equal(poetryToPep440('~1'), '>=1,<2');
  assert.equal(poetryToPep440('~1.2.3'), '>=1.2.3,<1.3');
  assert.equal(poetryToPep440('*'), '');
  assert.equal(poetryToPep440('>=2.0, <3'), '>=2.0,<3');
  assert.equal(poetryToPep440('1.2.*'), '==1.2.*');
  assert.equal(poetryToPep440('^1.0 || ^2.0'), undefined);
});

test('pdm dev-dependencies are groups of the pyproject', () => {
  const text = '[project]\nname = "p"\ndependencies = ["httpx"]\n\n[tool.pdm.dev-dependencies]\ntest = ["pytest"]\n';
  const m = buildPyprojectModel(text);
  assert.deepEqual(m.dependencies.map((d) => [d.name, d.group, d.declaredBy]), [['httpx', 'main', 'project'], ['pytest', 'test', 'pdm']]);
  assert.deepEqual(m.dependencies[1]!.nameRange, at(text, 'pytest'));
});

test('Pipfile: packages and dev-packages, requires python_version, sources', () => {
  const text = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
flask = "==3.1.3"
requests = {version = ">=2.32", extras = ["socks"]}
gunicorn = "*"

[dev-packages]
pytest = "*"

[requires]
python_version = "3.12"
`;
  const m = buildPipfileModel(text);
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.dependencies.map((d) => [d.name, d.specifier, d.group]), [['flask', '==3.1.3', 'default'], ['requests', '>=2.32', 'default'], ['gunicorn', '', 'default'], ['pytest', '', 'develop']]);
  assert.deepEqual(m.dependencies[0]!.nameRange, at(text, 'flask'));
  assert.deepEqual(m.dependencies[0]!.versionRange, at(text, '==3.1.3'));
  assert.deepEqual(m.dependencies[1]!.versionRange, at(text, '>=2.32'));
  assert.equal(m.requiresPython, '==3.12.*');
  assert.deepEqual(m.indexes.map((i) => [i.name, i.url]), [['pypi', 'https://pypi.org/simple']]);
});

const UV_LOCK = `version = 1
revision = 3
requires-python = ">=3.12"

[[package]]
name = "blinker"
version = "1.9.0"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.pythonhosted.org/packages/21/28/blinker-1.9.0.tar.gz", hash = "sha256:aa", size = 22460, upload-time = "2024-11-08T17:25:47.436Z" }
wheels = [
    { url = "https://files.pythonhosted.org/packages/10/cb/blinker-1.9.0-py3-none-any.whl", hash = "sha256:bb", size = 8458, upload-time = "2024-11-08T17:25:46.184Z" },
]

[[package]]
name = "markupsafe"
version = "3.0.3"
source = { registry = "https://pypi.org/simple" }
wheels = [
    { url = "https://files.pythonhosted.org/packages/a/markupsafe-3.0.3-cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl", hash = "sha256:cc", size = 22947 },
    { url = "https://files.pythonhosted.org/packages/b/markupsafe-3.0.3-cp312-cp312-musllinux_1_2_x86_64.whl", hash = "sha256:dd", size = 23015 },
]

[[package]]
name = "shop"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "blinker" },
    { name = "markupsafe", marker = "sys_platform != 'win32'" },
]

[package.optional-dependencies]
fast = [
    { name = "markupsafe" },
]

[package.dev-dependencies]
dev = [
    { name = "blinker", extra = ["x"] },
]

[package.metadata]
requires-dist = [{ name = "blinker" }]
`;

test('uv.lock: packages with version, source, dependencies (optional and dev groups), wheels with size and hash, sdist', () => {
  const m = buildUvLockModel(UV_LOCK);
  assert.deepEqual(m.problems, []);
  assert.equal(m.lockVersion, '1');
  assert.equal(m.requiresPython, '>=3.12');
  assert.deepEqual(m.packages.map((p) => [p.name, p.version, p.source]), [
    ['blinker', '1.9.0', { kind: 'registry', value: 'https://pypi.org/simple' }],
    ['markupsafe', '3.0.3', { kind: 'registry', value: 'https://pypi.org/simple' }],
    ['shop', '0.1.0', { kind: 'editable', value: '.' }],
  ]);
  const blinker = m.packages[0]!;
  assert.deepEqual(blinker.nameRange, at(UV_LOCK, '"blinker"'));
  assert.deepEqual(blinker.versionRange, at(UV_LOCK, '"1.9.0"'));
  assert.deepEqual(blinker.sdist && { f: blinker.sdist.filename, s: blinker.sdist.size, h: blinker.sdist.hash }, { f: 'blinker-1.9.0.tar.gz', s: 22460, h: 'sha256:aa' });
  assert.deepEqual(blinker.wheels.map((w) => [w.filename, w.size, w.tags]), [['blinker-1.9.0-py3-none-any.whl', 8458, { python: 'py3', abi: 'none', platform: 'any' }]]);
  assert.deepEqual(blinker.wheels[0]!.range.start, at(UV_LOCK, '{ url = "https://files.pythonhosted.org/packages/10/cb').start);
  const ms = m.packages[1]!;
  assert.deepEqual(ms.wheels.map((w) => [w.size, w.tags?.platform]), [[22947, 'manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64'], [23015, 'musllinux_1_2_x86_64']]);
  const shop = m.packages[2]!;
  assert.deepEqual(shop.dependencies, [
    { name: 'blinker', normalizedName: 'blinker', extras: [] },
    { name: 'markupsafe', normalizedName: 'markupsafe', extras: [], marker: "sys_platform != 'win32'" },
  ]);
  assert.deepEqual(shop.optionalDependencies, { fast: [{ name: 'markupsafe', normalizedName: 'markupsafe', extras: [] }] });
  assert.deepEqual(shop.groupDependencies, { dev: [{ name: 'blinker', normalizedName: 'blinker', extras: ['x'] }] });
  // A position inside the second [[package]] table belongs to markupsafe.
  assert.equal(lockedPackageAt(m, at(UV_LOCK, 'musllinux_1_2_x86_64.whl').start)?.name, 'markupsafe');
  assert.equal(lockedPackageAt(m, { line: 0, character: 0 }), undefined);
});

const POETRY_LOCK = `# This file is automatically @generated by Poetry 2.1.3 and should not be changed by hand.

[[package]]
name = "click"
version = "8.4.2"
description = "Composable command line interface toolkit"
optional = false
python-versions = ">=3.10"
groups = ["main"]
files = [
    {file = "click-8.4.2-py3-none-any.whl", hash = "sha256:11"},
    {file = "click-8.4.2.tar.gz", hash = "sha256:22"},
]

[package.dependencies]
colorama = {version = "*", markers = "platform_system == \\"Windows\\""}

[[package]]
name = "pytest"
version = "9.1.1"
description = "pytest: simple powerful testing with Python"
optional = false
python-versions = ">=3.10"
groups = ["dev"]
files = [
    {file = "pytest-9.1.1-py3-none-any.whl", hash = "sha256:33"},
]

[package.dependencies]
iniconfig = ">=1"
pluggy = ">=1.5,<2"

[package.extras]
dev = ["argcomplete", "requests (>=2.0)"]

[metadata]
lock-version = "2.1"
python-versions = "^3.12"
content-hash = "5f0b1c6c2a7f0e8f1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a"
`;

test('poetry.lock: packages with groups, files, dependencies, extras; content-hash from [metadata]', () => {
  const m = buildPoetryLockModel(POETRY_LOCK);
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.packages.map((p) => [p.name, p.version, p.groups]), [['click', '8.4.2', ['main']], ['pytest', '9.1.1', ['dev']]]);
  assert.equal(m.contentHash, '5f0b1c6c2a7f0e8f1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a');
  assert.deepEqual(m.contentHashRange, at(POETRY_LOCK, '"5f0b1c6c2a7f0e8f1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a"'));
  assert.equal(m.lockVersion, '2.1');
  const click = m.packages[0]!;
  assert.deepEqual(click.versionRange, at(POETRY_LOCK, '"8.4.2"'));
  assert.deepEqual(click.wheels.map((w) => [w.filename, w.hash, w.size]), [['click-8.4.2-py3-none-any.whl', 'sha256:11', undefined]]);
  assert.equal(click.sdist?.filename, 'click-8.4.2.tar.gz');
  assert.deepEqual(click.dependencies, [{ name: 'colorama', normalizedName: 'colorama', extras: [], marker: 'platform_system == "Windows"', specifier: '' }]);
  const pytest = m.packages[1]!;
  assert.deepEqual(pytest.dependencies.map((d) => [d.name, d.specifier]), [['iniconfig', '>=1'], ['pluggy', '>=1.5,<2']]);
  assert.deepEqual(pytest.optionalDependencies['dev']?.map((d) => [d.name, d.specifier ?? '']), [['argcomplete', ''], ['requests', '>=2.0']]);
});

test('poetry.lock before 1.2: category instead of groups, files under [metadata.files]', () => {
  const text = '[[package]]\nname = "six"\nversion = "1.16.0"\ncategory = "dev"\noptional = false\npython-versions = "*"\n\n[metadata]\ncontent-hash = "ab"\n\n[metadata.files]\nsix = [\n    {file = "six-1.16.0-py2.py3-none-any.whl", hash = "sha256:8a"},\n]\n';
  const m = buildPoetryLockModel(text);
  assert.deepEqual(m.packages.map((p) => [p.name, p.groups, p.wheels.map((w) => w.filename)]), [['six', ['dev'], ['six-1.16.0-py2.py3-none-any.whl']]]);
  assert.deepEqual(m.packages[0]!.wheels[0]!.range.start, at(text, '{file = "six').start);
});

const PDM_LOCK = `# This file is @generated by PDM.
# It is not intended for manual editing.

[metadata]
groups = ["default", "test"]
strategy = ["inherit_metadata"]
lock_version = "4.5.0"
content_hash = "sha256:0a1b2c"

[[metadata.targets]]
requires_python = ">=3.12"

[[package]]
name = "httpx"
version = "0.28.1"
requires_python = ">=3.8"
summary = "The next generation HTTP client."
groups = ["default"]
dependencies = [
    "anyio",
    "certifi",
    "httpcore==1.*",
    "idna",
]
files = [
    {file = "httpx-0.28.1-py3-none-any.whl", hash = "sha256:d9"},
    {file = "httpx-0.28.1.tar.gz", hash = "sha256:75"},
]
`;

test('pdm.lock: packages with groups, PEP 508 dependencies and files; content_hash and groups from [metadata]', () => {
  const m = buildPdmLockModel(PDM_LOCK);
  assert.deepEqual(m.problems, []);
  assert.equal(m.contentHash, 'sha256:0a1b2c');
  assert.deepEqual(m.groups, ['default', 'test']);
  assert.equal(m.lockVersion, '4.5.0');
  const httpx = m.packages[0]!;
  assert.deepEqual([httpx.name, httpx.version, httpx.groups, httpx.requiresPython], ['httpx', '0.28.1', ['default'], '>=3.8']);
  assert.deepEqual(httpx.dependencies.map((d) => [d.name, d.specifier ?? '']), [['anyio', ''], ['certifi', ''], ['httpcore', '==1.*'], ['idna', '']]);
  assert.deepEqual(httpx.wheels.map((w) => w.filename), ['httpx-0.28.1-py3-none-any.whl']);
  assert.equal(httpx.sdist?.filename, 'httpx-0.28.1.tar.gz');
  assert.deepEqual(httpx.nameRange, at(PDM_LOCK, '"httpx"'));
});

const PIPFILE_LOCK = `{
    "_meta": {
        "hash": {
            "sha256": "b8e1c0a4f7"
        },
        "pipfile-spec": 6,
        "requires": {
            "python_version": "3.12"
        },
        "sources": [
            {
                "name": "pypi",
                "url": "https://pypi.org/simple",
                "verify_ssl": true
            }
        ]
    },
    "default": {
        "flask": {
            "hashes": [
                "sha256:aa"
            ],
            "index": "pypi",
            "markers": "python_version >= '3.9'",
            "version": "==3.1.3"
        }
    },
    "develop": {
        "pytest": {
            "hashes": [],
            "index": "pypi",
            "version": "==9.1.1"
        }
    }
}
`;

test('Pipfile.lock: default and develop packages with pinned versions; _meta hash', () => {
  const m = buildPipfileLockModel(PIPFILE_LOCK);
  assert.deepEqual(m.problems, []);
  assert.equal(m.contentHash, 'b8e1c0a4f7');
  assert.deepEqual(m.contentHashRange, at(PIPFILE_LOCK, '"b8e1c0a4f7"'));
  assert.equal(m.lockVersion, '6');
  assert.deepEqual(m.packages.map((p) => [p.name, p.version, p.groups, p.marker ?? null, p.source]), [
    ['flask', '3.1.3', ['default'], "python_version >= '3.9'", { kind: 'registry', value: 'pypi' }],
    ['pytest', '9.1.1', ['develop'], null, { kind: 'registry', value: 'pypi' }],
  ]);
  assert.deepEqual(m.packages[0]!.nameRange, at(PIPFILE_LOCK, 'flask'));
  assert.deepEqual(m.packages[0]!.versionRange, at(PIPFILE_LOCK, '3.1.3'));
});

test('environment.yml: channels, conda match specs and the pip list, with ranges', () => {
  const text = `name: ml
channels:
  - conda-forge
dependencies:
  - python=3.12
  - conda-forge::numpy>=1.26,<2
  - pip
  - pip:
      - "flask==3.1.3"
      - gunicorn
`;
  const m = buildCondaEnvironmentModel(text);
  assert.deepEqual(m.problems, []);
  assert.equal(m.name, 'ml');
  assert.deepEqual(m.channels, ['conda-forge']);
  assert.deepEqual(m.dependencies.map((d) => [d.installer, d.name, d.constraint, d.channel ?? null]), [
    ['conda', 'python', '=3.12', null],
    ['conda', 'numpy', '>=1.26,<2', 'conda-forge'],
    ['conda', 'pip', '', null],
    ['pip', 'flask', '==3.1.3', null],
    ['pip', 'gunicorn', '', null],
  ]);
  assert.deepEqual(m.dependencies[1]!.nameRange, at(text, 'numpy'));
  assert.deepEqual(m.dependencies[1]!.versionRange, at(text, '>=1.26,<2'));
  assert.deepEqual(m.dependencies[3]!.nameRange, at(text, 'flask'));
  assert.deepEqual(m.dependencies[3]!.versionRange, at(text, '==3.1.3'));
});

test('wheel file names give their tags; an sdist or a short name gives none', () => {
  assert.deepEqual(wheelTags('numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'), { python: 'cp312', abi: 'cp312', platform: 'manylinux_2_17_x86_64.manylinux2014_x86_64' });
  assert.deepEqual(wheelTags('pkg-1.0-1build-py3-none-any.whl'), { python: 'py3', abi: 'none', platform: 'any' });
  assert.equal(wheelTags('pkg-1.0.tar.gz'), undefined);
  assert.equal(wheelTags('pkg-any.whl'), undefined);
});

test('TOML: escapes, literal and multi-line strings, dotted keys and comments keep value positions', () => {
  const text = `# top
a.b = "x\\u00e9y"   # comment
'lit' = 'C:\\path'
ml = """
two
lines"""
arr = [ 1, "two", # c
  { k = 'v' } ]
[t."quoted.key"]
d = 1979-05-27 07:32:00Z
`;
  const doc = parseTomlDocument(text);
  assert.equal(doc.error, undefined);
  assert.deepEqual(doc.range(['a', 'b']), at(text, '"x\\u00e9y"'));
  assert.deepEqual(doc.range(['a', 'b'], 'key'), at(text, 'a.b'));
  assert.equal(doc.stringContent(['a', 'b'])?.text, 'xéy');
  assert.deepEqual(doc.range(['lit']), at(text, "'C:\\path'"));
  assert.equal(doc.stringContent(['ml'])?.text, 'two\nlines');
  assert.deepEqual(doc.range(['arr', 1]), at(text, '"two"'));
  assert.deepEqual(doc.range(['arr', 2, 'k']), at(text, "'v'"));
  assert.deepEqual(doc.range(['t', 'quoted.key', 'd']), at(text, '1979-05-27 07:32:00Z'));
  assert.equal(doc.root['arr'] instanceof Array, true);
});

test('malformed files: a problem at the place of the error, never a throw', () => {
  const truncated = UV_LOCK.slice(0, UV_LOCK.indexOf('size = 22460') + 6);
  const uv = buildUvLockModel(truncated);
  assert.equal(uv.packages.length, 0);
  assert.equal(uv.problems.length, 1);
  assert.equal(uv.problems[0]!.range.start.line, 8);

  const dup = '[project]\nname = "a"\nname = "b"\n';
  const p = buildPyprojectModel(dup);
  assert.equal(p.problems.length, 1);
  assert.equal(p.problems[0]!.range.start.line, 2);
  assert.deepEqual(p.dependencies, []);

  const json = buildPipfileLockModel('{\n  "default": {\n    "flask": {"version": "==3.1.3",}\n  }\n}\n');
  assert.equal(json.problems.length, 1);
  assert.equal(json.problems[0]!.range.start.line, 2);
  assert.deepEqual(json.packages, []);

  const yml = buildCondaEnvironmentModel('dependencies:\n  - numpy\n   - bad: [\n');
  assert.ok(yml.problems.length > 0);
  assert.ok(yml.problems.every((e) => e.range.start.line >= 1));

  // Garbage and binary: each parser answers with problems and no packages.
  const garbage = ['\u0000\u0001\u0002PK\u0003\u0004\uFFFD\uFFFD', '[[package]\nname = ', '"""', 'x = [1, 2', '{', '\uD800', ']]]'];
  for (const g of garbage) {
    for (const name of ['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock']) {
      const m = buildLockModel(name, g)!;
      assert.deepEqual(m.packages, [], `${name} ${JSON.stringify(g)}`);
      assert.ok(m.problems.length > 0, `${name} ${JSON.stringify(g)} reports a problem`);
    }
    assert.ok(buildPyprojectModel(g).problems.length > 0);
    assert.ok(buildPipfileModel(g).problems.length > 0);
    buildCondaEnvironmentModel(g);
  }
});

test('a requirement string that does not parse is a problem inside the string; the other dependencies stay', () => {
  const text = '[project]\nname = "a"\ndependencies = ["flask>=", "click"]\n';
  const m = buildPyprojectModel(text);
  assert.deepEqual(m.dependencies.map((d) => d.name), ['flask', 'click']);
  assert.equal(m.problems.length, 1);
  assert.equal(m.problems[0]!.range.start.line, 2);
  assert.ok(m.problems[0]!.message.startsWith('`flask>=`'));
});
