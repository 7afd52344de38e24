// Environment variables official base images set in their configuration, so build-time `$VAR` references to them are known offline.
import type { Sourced } from './provenance';

export interface ImageEnv extends Sourced {
  /** Variable names the image's configuration may define (a superset over current and older tags). */
  readonly names: readonly string[];
}

const JAVA = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];
const SOURCE = 'docker-library/<image> Dockerfiles (ENV lines of the current and recent tags)';
const AS_OF = '2025-06-01';

/** By repository name as `FROM` writes it for Docker Hub official images. Images not listed have an unknown environment. */
export const IMAGE_ENV: Readonly<Record<string, ImageEnv>> = {
  scratch: { names: [], source: 'empty image; BuildKit adds a default PATH', asOf: AS_OF },
  busybox: { names: [], source: SOURCE, asOf: AS_OF },
  alpine: { names: [], source: SOURCE, asOf: AS_OF },
  debian: { names: [], source: SOURCE, asOf: AS_OF },
  ubuntu: { names: [], source: SOURCE, asOf: AS_OF },
  python: {
    names: ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
    source: SOURCE,
    asOf: AS_OF,
  },
  node: { names: ['NODE_VERSION', 'YARN_VERSION'], source: SOURCE, asOf: AS_OF },
  golang: { names: ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'], source: SOURCE, asOf: AS_OF },
  rust: { names: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'], source: SOURCE, asOf: AS_OF },
  ruby: { names: ['LANG', 'RUBY_MAJOR', 'RUBY_VERSION', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG'], source: SOURCE, asOf: AS_OF },
  php: {
    names: ['PHPIZE_DEPS', 'PHP_INI_DIR', 'APACHE_CONFDIR', 'APACHE_ENVVARS', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'PHP_VERSION', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256'],
    source: SOURCE,
    asOf: AS_OF,
  },
  nginx: { names: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'], source: SOURCE, asOf: AS_OF },
  httpd: { names: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'], source: SOURCE, asOf: AS_OF },
  postgres: { names: ['GOSU_VERSION', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA'], source: SOURCE, asOf: AS_OF },
  redis: { names: ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA'], source: SOURCE, asOf: AS_OF },
  openjdk: { names: JAVA, source: SOURCE, asOf: AS_OF },
  'eclipse-temurin': { names: JAVA, source: SOURCE, asOf: AS_OF },
  maven: { names: [...JAVA, 'MAVEN_HOME', 'MAVEN_CONFIG'], source: SOURCE, asOf: AS_OF },
  gradle: { names: [...JAVA, 'GRADLE_HOME', 'GRADLE_VERSION'], source: SOURCE, asOf: AS_OF },
};

/** Every image's configuration has PATH (BuildKit sets a default one when the image has none). */
export const ALWAYS_DEFINED: readonly string[] = ['PATH'];

/** Names an official image defines, or undefined when Layerwise does not know the image's environment. */
export function imageEnvNames(repository: string): readonly string[] | undefined {
  const name = repository.replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
  const env = IMAGE_ENV[name];
  return env ? [...ALWAYS_DEFINED, ...env.names] : undefined;
}
