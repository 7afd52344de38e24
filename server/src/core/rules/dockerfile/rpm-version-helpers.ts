// Shared by DL3033 and DL3041: whether an RPM package or module argument names a version.

const VERSION_CHARS = /^[0-9A-Za-z.~^_:+]*$/;

/** `name-1.2`, `gcc-c++-1.1.1`, `openssl-1:1.1.1k`, `pkg.rpm` are pinned; `tomcat`, `rpm-sign` are not. */
export function rpmPackagePinned(pkg: string): boolean {
  if (pkg.endsWith('.rpm')) return true;
  const parts = pkg.split('-');
  if (parts.length <= 1) return false;
  const rest = parts.slice(1);
  return rest.every((p) => VERSION_CHARS.test(p)) && rest.some((p) => /^\d/.test(p));
}

/** A module stream is pinned with `name:stream`. */
export function rpmModulePinned(mod: string): boolean {
  return mod.includes(':');
}
