// Shared by DL3064 and SecretsUsedInArgOrEnv: the words of an ARG/ENV name, and the values and words that say it holds no credential.
import type { KeyValue } from '../../model/dockerfile';

/**
 * The words of a variable name, lower-cased: split at `_`, `-`, `.` and camelCase boundaries (`apiToken` and
 * `APIToken` are api + token). Words, not substrings, are judged: `TIKTOKEN_CACHE_DIR` has no word `token`.
 */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[_.-]+/)
    .filter((p) => p !== '')
    .map((p) => p.toLowerCase());
}

/** Values a switch takes; no credential is spelled like this. */
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off|0|1|enabled?|disabled?)$/i;
/** A filesystem path, also one under a variable (`${HOME}/.config`): the name says where a secret lives, not what it is. */
const PATH_VALUE = /^(?:\/|\.{1,2}\/|~\/|\$\{?\w+\}?\/)/;
/** A URL; it carries a credential only in its user info (`user:pass@`) or its query string (`?token=`). */
const URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(\?.*)?(?:#.*)?$/i;

/**
 * Whether the value written for the variable shows it is not a credential: a switch (`true`, `0`, `off`), a path,
 * or a URL without user info or query. An absent ARG default is no evidence (the value comes from `--build-arg`,
 * which is exactly the leak), nor is an empty value or a `$VAR` reference: BuildKit judges those by the name alone.
 */
export function valueShowsNoSecret(kv: KeyValue): boolean {
  if (kv.valueRange === undefined) return false;
  const v = kv.value.trim();
  if (SWITCH_VALUE.test(v) || PATH_VALUE.test(v)) return true;
  const url = URL_VALUE.exec(v);
  return url !== null && !url[1]!.includes('@') && url[3] === undefined;
}

/**
 * Words that make the name a switch or a description of a secret rather than the secret: `HF_USE_ID_TOKEN`,
 * `AUTH_TOKEN_ENABLED`, `SSH_KEY_PATH`, `TOKEN_CACHE_DIR`. BuildKit's own `public`, `file`, `version` are kept
 * by its rule; these are the ones Layerwise adds for both rules.
 */
const QUALIFIERS = new Set(['use', 'enable', 'enabled', 'disable', 'disabled', 'path', 'dir']);

/** The name's words say it is a switch or a location, not a credential. */
export function nameShowsNoSecret(parts: readonly string[]): boolean {
  return parts.some((p) => QUALIFIERS.has(p));
}

/** `GPG_KEY`, `PGP_KEYS`: the fingerprint of a signing key, which is public; a `private`/`secret` word still counts. */
export function isPublicKeyId(parts: readonly string[]): boolean {
  return parts.some((p) => p === 'gpg' || p === 'pgp') && !parts.some((p) => p === 'private' || p === 'secret' || p.includes('pass'));
}
