// Runtime dependencies (Requires-Dist) of common PyPI packages, so pip installs are estimated with what pip pulls in.
//
// The size-data's wheel table has sizes but no dependency lists (only dependency-closures.tsv has four full
// closures). This hand-compiled table lists the unconditional `Requires-Dist` of recent releases as they apply to
// Linux CPython 3.12 (markers for Windows, macOS or Python < 3.11 dropped), plus a few extras. Packages absent
// here get a labelled "dependencies unknown" part in an estimate, never a silent zero.
import type { Sourced } from './provenance';
import { normalizePackageName } from './wheels';

export interface PackageDependencies extends Sourced {
  readonly name: string;
  readonly requires: readonly string[];
  /** Extra name → additional requirements. */
  readonly extras?: Readonly<Record<string, readonly string[]>>;
}

export const PYTHON_DEPENDENCIES_SOURCE =
  'Requires-Dist of the releases in wheels.json (PyPI metadata as recorded in public uv.lock files, e.g. scikit-learn 1.8.0, uvicorn 0.30-0.32, fastapi 0.115-0.135), hand-compiled for Linux CPython 3.12';
const AS_OF = '2026-11-29';

const TABLE: Readonly<Record<string, readonly string[] | { requires: readonly string[]; extras: Record<string, readonly string[]> }>> = {
  // Web
  flask: ['blinker', 'click', 'itsdangerous', 'jinja2', 'markupsafe', 'werkzeug'],
  werkzeug: ['markupsafe'],
  jinja2: ['markupsafe'],
  gunicorn: ['packaging'],
  django: ['asgiref', 'sqlparse'],
  djangorestframework: ['django'],
  fastapi: {
    requires: ['starlette', 'pydantic', 'typing-extensions', 'annotated-doc'],
    extras: { standard: ['fastapi-cli', 'httpx', 'jinja2', 'python-multipart', 'email-validator', 'uvicorn[standard]'] },
  },
  starlette: ['anyio', 'typing-extensions'],
  uvicorn: {
    requires: ['click', 'h11'],
    extras: { standard: ['httptools', 'python-dotenv', 'pyyaml', 'uvloop', 'watchfiles', 'websockets'] },
  },
  watchfiles: ['anyio'],
  anyio: ['idna', 'typing-extensions'],
  httpx: ['anyio', 'certifi', 'httpcore', 'idna'],
  httpcore: ['certifi', 'h11'],
  requests: ['charset-normalizer', 'idna', 'urllib3', 'certifi'],
  'email-validator': ['dnspython', 'idna'],
  'flask-cors': ['flask', 'werkzeug'],
  'flask-sqlalchemy': ['flask', 'sqlalchemy'],
  aiohttp: ['aiohappyeyeballs', 'aiosignal', 'attrs', 'frozenlist', 'multidict', 'propcache', 'yarl'],
  yarl: ['idna', 'multidict', 'propcache'],
  aiosignal: ['frozenlist', 'typing-extensions'],
  // Data validation, settings
  pydantic: ['annotated-types', 'pydantic-core', 'typing-extensions', 'typing-inspection'],
  'pydantic-core': ['typing-extensions'],
  'typing-inspection': ['typing-extensions'],
  'pydantic-settings': ['pydantic', 'python-dotenv', 'typing-inspection'],
  // Databases
  psycopg: { requires: ['typing-extensions'], extras: { binary: ['psycopg-binary'], c: ['psycopg-c'], pool: ['psycopg-pool'] } },
  'psycopg-pool': ['typing-extensions'],
  sqlalchemy: ['greenlet', 'typing-extensions'],
  alembic: ['sqlalchemy', 'mako', 'typing-extensions'],
  mako: ['markupsafe'],
  celery: ['billiard', 'kombu', 'vine', 'click', 'click-didyoumean', 'click-repl', 'click-plugins', 'python-dateutil', 'tzlocal'],
  kombu: ['amqp', 'vine', 'tzdata', 'packaging'],
  amqp: ['vine'],
  'click-repl': ['click', 'prompt-toolkit'],
  'click-didyoumean': ['click'],
  'click-plugins': ['click'],
  'prompt-toolkit': ['wcwidth'],
  // Data science
  pandas: ['numpy', 'python-dateutil', 'tzdata'],
  'python-dateutil': ['six'],
  'scikit-learn': ['joblib', 'numpy', 'scipy', 'threadpoolctl'],
  scipy: ['numpy'],
  matplotlib: ['contourpy', 'cycler', 'fonttools', 'kiwisolver', 'numpy', 'packaging', 'pillow', 'pyparsing', 'python-dateutil'],
  contourpy: ['numpy'],
  seaborn: ['numpy', 'pandas', 'matplotlib'],
  'opencv-python-headless': ['numpy'],
  'opencv-python': ['numpy'],
  polars: ['polars-runtime-32'],
  pyarrow: [],
  xgboost: ['numpy', 'scipy'],
  sympy: ['mpmath'],
  // torch's Linux x86_64 closure (CUDA) comes from dependency-closures.tsv; this is the CPU build's list.
  torch: ['filelock', 'typing-extensions', 'setuptools', 'sympy', 'networkx', 'jinja2', 'fsspec'],
  // Cloud, tools
  boto3: ['botocore', 'jmespath', 's3transfer'],
  botocore: ['jmespath', 'python-dateutil', 'urllib3'],
  s3transfer: ['botocore'],
  cryptography: ['cffi'],
  cffi: ['pycparser'],
  jsonschema: ['attrs', 'jsonschema-specifications', 'referencing', 'rpds-py'],
  referencing: ['attrs', 'rpds-py', 'typing-extensions'],
  'jsonschema-specifications': ['referencing'],
  pytest: ['iniconfig', 'packaging', 'pluggy', 'pygments'],
  rich: ['markdown-it-py', 'pygments'],
  'markdown-it-py': ['mdurl'],
  typer: ['click', 'rich', 'shellingham', 'typing-extensions'],
  openai: ['anyio', 'distro', 'httpx', 'jiter', 'pydantic', 'sniffio', 'tqdm', 'typing-extensions'],
  'huggingface-hub': ['filelock', 'fsspec', 'packaging', 'pyyaml', 'tqdm', 'typing-extensions', 'hf-xet'],
  redis: [],
  // Packages with no runtime dependencies (listed so they are not reported as unknown).
  numpy: [], six: [], idna: [], certifi: [], urllib3: [], 'charset-normalizer': [], markupsafe: [], blinker: [],
  itsdangerous: [], click: [], packaging: [], h11: [], jmespath: [], mpmath: [], joblib: [], threadpoolctl: [],
  tzdata: [], pytz: [], greenlet: [], 'typing-extensions': [], 'annotated-types': [], 'annotated-doc': [], sqlparse: [],
  asgiref: [], pyyaml: [], lxml: [], pillow: [], 'psycopg2': [], 'psycopg2-binary': [], 'psycopg-binary': [],
  'psycopg-c': [], mysqlclient: [], pymysql: [], uvloop: [], httptools: [], websockets: [], 'python-dotenv': [],
  'python-multipart': [], dnspython: [], attrs: [], 'rpds-py': [], iniconfig: [], pluggy: [], pygments: [],
  filelock: [], fsspec: [], networkx: [], setuptools: [], wheel: [], pip: [], tqdm: [], distro: [], jiter: [],
  sniffio: [], cycler: [], fonttools: [], kiwisolver: [], pyparsing: [], pycparser: [], billiard: [], vine: [],
  tzlocal: [], wcwidth: [], mdurl: [], shellingham: [], multidict: [], frozenlist: [], propcache: [],
  aiohappyeyeballs: [], 'polars-runtime-32': [], orjson: [], ujson: [], regex: [], 'hf-xet': [],
};

/** Dependencies of `name` for Linux CPython 3.12, with requested extras; undefined when the table does not know it. */
export function packageDependencies(name: string): PackageDependencies | undefined {
  const key = normalizePackageName(name);
  const row = Object.prototype.hasOwnProperty.call(TABLE, key) ? TABLE[key] : undefined;
  if (row === undefined) return undefined;
  const base = { name: key, source: PYTHON_DEPENDENCIES_SOURCE, asOf: AS_OF };
  if (Array.isArray(row)) return { ...base, requires: row as readonly string[] };
  const r = row as { requires: readonly string[]; extras: Record<string, readonly string[]> };
  return { ...base, requires: r.requires, extras: r.extras };
}

/** Splits `uvicorn[standard]` into name and extras. */
export function splitExtras(spec: string): { name: string; extras: string[] } {
  const m = /^([^[\]]+)(?:\[([^\]]*)\])?$/.exec(spec.trim());
  if (!m) return { name: normalizePackageName(spec), extras: [] };
  return { name: normalizePackageName(m[1]!), extras: (m[2] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean) };
}
