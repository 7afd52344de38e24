#!/usr/bin/env python3
"""Installed sizes of pure-Python releases, measured from Debian's python3-* packages: validation data.

Why: the estimator's accuracy on releases its data does not hold can only be judged against installs it has
never seen. PyPI is out of reach here; Debian's archive is not, and a pure-Python Debian package ships the same
modules as the release's wheel. Each .deb is unpacked, the files of its dist-packages folder are byte-compiled
with this interpreter as pip does after an install (`compileall`, optimisation level 0), and the bytes are summed
as pip would leave them in site-packages: modules, `.pyc` files, the metadata folder, and the RECORD file pip
writes (one `path,sha256=…,size` line per file, `path,,` per `.pyc`), which Debian's egg-info does not carry.

The rows go to test/fixtures/accuracy/measured-installs.tsv, which only the accuracy test reads: nothing here
feeds `npm run data`.

Usage: measure-debian-installs.py OUT.tsv DEB...
"""
import compileall
import csv
import datetime
import os
import re
import subprocess
import sys
import tempfile

SITE = os.path.join('usr', 'lib', 'python3', 'dist-packages')


def upstream(version: str) -> str:
    """Debian version → upstream: `3:3.2.25-0+deb12u3` → `3.2.25`, `2.28.1+dfsg-1` → `2.28.1`."""
    v = version.split(':', 1)[-1]
    v = v.rsplit('-', 1)[0] if '-' in v else v
    return re.split(r'[+~]', v, 1)[0]


def deb_field(deb: str, field: str) -> str:
    return subprocess.run(['dpkg-deb', '--field', deb, field], check=True, capture_output=True, text=True).stdout.strip()


def measure(deb: str):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['dpkg-deb', '-x', deb, tmp], check=True)
        site = os.path.join(tmp, SITE)
        if not os.path.isdir(site):
            return None
        arch = deb_field(deb, 'Architecture')
        files, links, meta = [], 0, None
        for top in sorted(os.listdir(site)):
            if top.endswith(('.egg-info', '.dist-info')):
                meta = top
        for dirpath, _dirs, names in os.walk(site):
            for n in names:
                p = os.path.join(dirpath, n)
                if os.path.islink(p):
                    links += 1
                    continue
                if n.endswith('.so'):
                    return None  # compiled: Debian links system libraries a wheel bundles, so sizes differ
                files.append(p)
        no_pyc = sum(os.path.getsize(p) for p in files)
        compileall.compile_dir(site, quiet=2, force=True, workers=0)
        pycs = [os.path.join(d, n) for d, _s, ns in os.walk(site) for n in ns if n.endswith('.pyc')]
        pyc = sum(os.path.getsize(p) for p in pycs)
        rel = lambda p: os.path.relpath(p, site)  # noqa: E731
        record = sum(len(f'{rel(p)},sha256={"x" * 43},{os.path.getsize(p)}\n'.encode()) for p in files)
        record += sum(len(f'{rel(p)},,\n'.encode()) for p in pycs)
        name = re.split(r'-\d', meta or '', 1)[0] if meta else deb_field(deb, 'Package').removeprefix('python3-')
        return {
            'package': re.sub(r'[-_.]+', '-', name).lower(),
            'version': upstream(deb_field(deb, 'Version')),
            'debian_package': deb_field(deb, 'Package'),
            'debian_version': deb_field(deb, 'Version'),
            'architecture': arch,
            'files': len(files),
            'symlinks_skipped': links,
            'installed_bytes_no_pyc': no_pyc + record,
            'pyc_bytes': pyc,
            'installed_bytes_with_pyc': no_pyc + record + pyc,
        }


def main() -> None:
    out, debs = sys.argv[1], sys.argv[2:]
    today = datetime.date.today().isoformat()
    py = f'CPython {sys.version_info.major}.{sys.version_info.minor}'
    rows = []
    for deb in sorted(debs):
        r = measure(deb)
        if r is None:
            print(f'skipped (not a pure-Python package): {os.path.basename(deb)}', file=sys.stderr)
            continue
        r['source'] = f'Debian 12 bookworm {r["debian_package"]} {r["debian_version"]}, files byte-compiled by {py}, measured {today}'
        rows.append(r)
    cols = ['package', 'version', 'debian_package', 'debian_version', 'architecture', 'files', 'symlinks_skipped',
            'installed_bytes_no_pyc', 'pyc_bytes', 'installed_bytes_with_pyc', 'source']
    with open(out, 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=cols, delimiter='\t', lineterminator='\n')
        w.writeheader()
        for r in sorted(rows, key=lambda r: r['package']):
            w.writerow({k: r[k] for k in cols})
    print(f'{len(rows)} rows → {out}', file=sys.stderr)


if __name__ == '__main__':
    main()
