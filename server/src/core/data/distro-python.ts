// Dated facts about distributions' own Python and C library: what `apt-get install python3` gives on each release.

export const DISTRO_PYTHON_SOURCE = 'Debian and Ubuntu package archives (python3 and libc6 versions per release), read 2026-11';

/** The `python3` minor version a Debian release ships. */
export const DEBIAN_PYTHON: Readonly<Record<string, string>> = { buster: '3.7', bullseye: '3.9', bookworm: '3.11', trixie: '3.13' };

/** The `python3` minor version an Ubuntu release ships. */
export const UBUNTU_PYTHON: Readonly<Record<string, string>> = { '18.04': '3.6', '20.04': '3.8', '22.04': '3.10', '24.04': '3.12' };

/** glibc version per Debian codename or Ubuntu version (manylinux wheels name the glibc they need). */
export const GLIBC: Readonly<Record<string, string>> = {
  buster: '2.28',
  bullseye: '2.31',
  bookworm: '2.36',
  trixie: '2.41',
  '18.04': '2.27',
  '20.04': '2.31',
  '22.04': '2.35',
  '24.04': '2.39',
};

/**
 * Releases whose system Python is marked externally managed (PEP 668): `pip install` outside a venv fails there
 * unless `--break-system-packages`. Debian from 12 (bookworm), Ubuntu from 23.04.
 */
export function externallyManaged(distro: string, release: string | undefined, version: string | undefined): boolean {
  if (distro === 'debian') {
    const major = Number(version ?? NaN);
    return Number.isFinite(major) ? major >= 12 : release === 'bookworm' || release === 'trixie' || release === 'forky' || release === 'sid';
  }
  if (distro === 'ubuntu') {
    const m = /^(\d+)\.(\d+)/.exec(version ?? '');
    return m ? Number(m[1]) > 23 || (Number(m[1]) === 23 && Number(m[2]) >= 4) : false;
  }
  if (distro === 'alpine') {
    // Alpine's python3 package marks its site-packages EXTERNALLY-MANAGED from 3.19 on (and on edge).
    if (release === 'edge') return true;
    const m = /^(\d+)\.(\d+)/.exec(version ?? release ?? '');
    return m ? Number(m[1]) > 3 || (Number(m[1]) === 3 && Number(m[2]) >= 19) : false;
  }
  return false;
}
