#!/usr/bin/python3
"""Turn Debian 12 python3-* binary packages into a PEP 503 index of wheels (and sdists from orig tarballs).

Usage: debs-to-index.py PACKAGES_TXT WORK_DIR OUT_DIR

For every package named in PACKAGES_TXT, and recursively every python3-* package it Depends on:
  * `apt-get download` the .deb (kept in WORK_DIR/debs between runs);
  * a package that ships upstream wheels in /usr/share/python-wheels is served with those wheels;
  * otherwise its /usr/lib/python3/dist-packages tree becomes a wheel named after the distribution in its
    .dist-info/.egg-info; a package without metadata (python3-pandas-lib, python3-cffi-backend,
    python3-pkg-resources) joins the wheel of the package built from the same Debian source that has it;
  * Requires-Dist: the metadata's own (egg-info requires.txt or dist-info METADATA), plus the Depends on
    python3-* packages mapped to their distributions (dh_python3 strips unconditional requirements);
    a stated version range that Debian's own version does not meet is relaxed to the bare name, and a
    requirement on a distribution Debian does not package at all is dropped (Debian's package works
    without it); both are printed;
  * compiled packages: the shared libraries their extension modules need beyond glibc, libgcc_s,
    libstdc++ and zlib are copied from the Debian library packages into <dist>.libs/ and found through
    an $ORIGIN RUNPATH set with patchelf, so the wheel imports on a slim base without those packages.
Lines `sdist <source> <dist>` are served as <dist>-<version>.tar.gz made from the source's orig tarball
(bookworm first, then trixie).
"""
import base64
import hashlib
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

ARCH = "x86_64-linux-gnu"
PY = (3, 11, 2)
TAG_COMPILED = "cp311-cp311-linux_x86_64"
TAG_PURE = "py3-none-any"
DIST_PACKAGES = "usr/lib/python3/dist-packages"
WHEELS_DIR = "usr/share/python-wheels"
# Sonames every Debian (and manylinux) system has: never bundled.
SYSTEM_SONAMES = {
    "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1",
    "libresolv.so.2", "libcrypt.so.1", "ld-linux-x86-64.so.2", "libgcc_s.so.1", "libstdc++.so.6",
    "libz.so.1",
}
# The Debian packages those come from: library Depends stop there.
SYSTEM_PACKAGES = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libcrypt1"}
# Debian sources of the interpreter itself (python3, python3.11, python3-distutils, python3-lib2to3 ...).
INTERPRETER_SOURCES = {"python3-defaults", "python3.11", "python3-stdlib-extensions"}
EPOCH = (2023, 6, 10, 0, 0, 0)


_T0 = time.monotonic()


def log(msg):
    print(f"[index] {time.monotonic() - _T0:5.1f}s {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_escape(name):
    return re.sub(r"[-_.]+", "_", name)


# ---------------------------------------------------------------- apt metadata

def parse_stanzas(text):
    out, cur, key = [], {}, None
    for line in text.splitlines():
        if not line.strip():
            if cur:
                out.append(cur)
            cur, key = {}, None
        elif line[0] in " \t" and key:
            cur[key] += "\n" + line.strip()
        elif ":" in line:
            key, _, val = line.partition(":")
            cur[key] = val.strip()
    if cur:
        out.append(cur)
    return out


_show_cache = {}


def apt_show(names):
    """Candidate stanzas for names (virtual packages have none)."""
    todo = sorted({n for n in names if n not in _show_cache})
    for i in range(0, len(todo), 200):
        chunk = todo[i:i + 200]
        text = subprocess.run(["apt-cache", "show", "--no-all-versions", *chunk],
                              text=True, capture_output=True).stdout
        for n in chunk:
            _show_cache[n] = None
        for st in parse_stanzas(text):
            _show_cache[st["Package"]] = st
    return {n: _show_cache[n] for n in names}


_providers_cache = {}


def providers(name):
    if name not in _providers_cache:
        _providers_cache[name] = _providers(name)
    return _providers_cache[name]


def _providers(name):
    text = run(["apt-cache", "showpkg", name])
    part = text.split("Reverse Provides:", 1)[-1]
    return [line.split()[0] for line in part.splitlines() if line.strip()]


def source_of(st):
    return (st.get("Source") or st["Package"]).split()[0]


def parse_depends(st):
    """[[(name, op, version), ...alternatives], ...]"""
    out = []
    for field in ("Pre-Depends", "Depends"):
        for clause in filter(None, (c.strip() for c in st.get(field, "").split(","))):
            alts = []
            for alt in clause.split("|"):
                m = re.match(r"\s*([^\s(]+)\s*(?:\(\s*([<>=]+)\s*([^)\s]+)\s*\))?", alt)
                alts.append((m.group(1).split(":")[0], m.group(2), m.group(3)))
            out.append(alts)
    return out


def is_interpreter(name):
    if name in ("python3", "python3-minimal") or re.fullmatch(r"(lib)?python3\.\d+(-\w+)?", name):
        return True
    st = apt_show([name])[name]
    return bool(st) and source_of(st) in INTERPRETER_SOURCES


def interpreter_meets(op, ver):
    if not op:
        return True
    want = tuple(int(x) for x in re.findall(r"\d+", ver.split("~")[0].split("-")[0]))
    have = PY[:len(want)]
    return {"<<": have < want, "<=": have <= want, ">>": have > want, ">=": have >= want,
            "=": have == want}[op]


def pick(alts, chosen):
    """The package a Depends clause needs from us, or None when the interpreter already satisfies it."""
    for name, op, ver in alts:
        if is_interpreter(name) and interpreter_meets(op, ver):
            return None
    for name, _, _ in alts:
        if is_interpreter(name):
            continue
        if name in chosen:
            return name
        if apt_show([name])[name]:
            return name
        provs = [p for p in providers(name) if p in chosen] or providers(name)
        if provs:
            return provs[0]
    return None


def closure(roots):
    chosen = {}
    queue = list(roots)
    while queue:
        stanzas = apt_show(queue)
        # one apt-cache call for every name the next level may need
        apt_show({alt[0] for st in stanzas.values() if st for alts in parse_depends(st) for alt in alts})
        nxt = []
        for name in queue:
            if name in chosen:
                continue
            st = stanzas[name]
            if st is None:
                sys.exit(f"[index] no such Debian package: {name}")
            chosen[name] = st
            for alts in parse_depends(st):
                dep = pick(alts, chosen)
                if dep is None or dep in chosen or dep in SYSTEM_PACKAGES:
                    continue
                python = dep.startswith("python3-") or dep == "pipenv"
                # library packages only for compiled python packages (and the libraries themselves)
                if python or (st.get("Architecture") != "all" and dep.startswith("lib")):
                    nxt.append(dep)
        queue = sorted(set(nxt))
    return chosen


# ---------------------------------------------------------------- download + extract

def deb_filename(st):
    ver = st["Version"].replace(":", "%3a")
    return f"{st['Package']}_{ver}_{st['Architecture']}.deb"


def download(chosen, debdir):
    os.makedirs(debdir, exist_ok=True)
    missing = [f"{n}={st['Version']}" for n, st in chosen.items()
               if not os.path.exists(os.path.join(debdir, deb_filename(st)))]
    if missing:
        log(f"apt-get download {len(missing)} packages")
        subprocess.run(["apt-get", "download", "-q", *missing], cwd=debdir, check=True,
                       stdout=subprocess.DEVNULL)


def extract(chosen, debdir, xdir):
    """Unpack each .deb once into xdir/<deb file name>/ (kept between runs); xdir/<package> links to it."""
    os.makedirs(xdir, exist_ok=True)

    def one(name):
        deb = deb_filename(chosen[name])
        dest = os.path.join(xdir, deb[:-len(".deb")])
        if not os.path.exists(dest + ".done"):
            shutil.rmtree(dest, ignore_errors=True)
            subprocess.run(["dpkg-deb", "-x", os.path.join(debdir, deb), dest], check=True)
            open(dest + ".done", "w").close()
        link = os.path.join(xdir, name)
        if os.path.islink(link) or os.path.isfile(link):
            os.remove(link)
        elif os.path.isdir(link):
            shutil.rmtree(link)
        os.symlink(os.path.basename(dest), link)
        return name

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        list(ex.map(one, chosen))


# ---------------------------------------------------------------- metadata

def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def find_metadata(root):
    """(kind, path) of the distribution metadata in an extracted package, or None."""
    dp = os.path.join(root, DIST_PACKAGES)
    if not os.path.isdir(dp):
        return None
    for entry in sorted(os.listdir(dp)):
        if entry.endswith(".dist-info"):
            return ("dist-info", os.path.join(dp, entry))
        if entry.endswith(".egg-info"):
            return ("egg-info", os.path.join(dp, entry))
    return None


def headers(text):
    """Email-style header block -> (list of (key, value), body)."""
    head, _, body = text.partition("\n\n")
    items = []
    for line in head.splitlines():
        if line[:1] in (" ", "\t") and items:
            items[-1] = (items[-1][0], items[-1][1] + "\n" + line)
        elif ":" in line:
            k, _, v = line.partition(":")
            items.append((k, v.strip()))
    return items, body


def requires_txt(text):
    """egg-info requires.txt -> Requires-Dist values."""
    out, section = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line[1:-1]
            continue
        marker = []
        if section:
            extra, _, cond = section.partition(":")
            if extra:
                marker.append(f'extra == "{extra}"')
            if cond:
                marker.append(f"({cond})" if extra else cond)
        out.append(line + ("; " + " and ".join(marker) if marker else ""))
    return out


class Dist:
    def __init__(self, pkg, kind, path):
        self.pkg, self.kind, self.metapath = pkg, kind, path
        text = read(os.path.join(path, "METADATA" if kind == "dist-info" else "PKG-INFO")) \
            if os.path.isdir(path) else read(path)
        self.headers, self.body = headers(text)
        get = {k.lower(): v for k, v in self.headers}
        self.name, self.version = get["name"], get["version"]
        self.requires = [v for k, v in self.headers if k.lower() == "requires-dist"]
        self.extras = [v for k, v in self.headers if k.lower() == "provides-extra"]
        if kind == "egg-info" and os.path.isdir(path):
            req = os.path.join(path, "requires.txt")
            if os.path.exists(req):
                self.requires += requires_txt(read(req))
            self.extras += sorted({m.group(1) for r in self.requires
                                   for m in [re.search(r'extra == "([^"]+)"', r)] if m} - set(self.extras))
        self.members = [pkg]


# ---------------------------------------------------------------- shared libraries

def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def needed(path):
    return run(["patchelf", "--print-needed", path]).split()


def soname_index(chosen, xdir):
    """soname -> file, over the extracted library packages."""
    idx = {}
    for name, st in chosen.items():
        if name.startswith("python3-") or name == "pipenv":
            continue
        for d, _, files in os.walk(os.path.join(xdir, name)):
            for f in files:
                if ".so" in f:
                    idx.setdefault(f, os.path.join(d, f))
    return idx


def bundle_libraries(tree, libdir_name, sonames):
    """Copy the non-system libraries the ELF files under tree need into tree/libdir_name; set RUNPATHs."""
    elves = [os.path.join(d, f) for d, _, fs in os.walk(tree) for f in fs
             if ".so" in f and not os.path.islink(os.path.join(d, f)) and is_elf(os.path.join(d, f))]
    libdir = os.path.join(tree, libdir_name)
    bundled, missing = [], set()
    todo = list(elves)
    while todo:
        elf = todo.pop()
        want = [s for s in needed(elf) if s not in SYSTEM_SONAMES]
        rpath = []
        for so in want:
            here = os.path.dirname(elf)
            if os.path.exists(os.path.join(here, so)) and here != libdir:
                if "$ORIGIN" not in rpath:
                    rpath.append("$ORIGIN")  # shipped next to it by the package itself
                continue
            rel = os.path.relpath(libdir, here)
            entry = "$ORIGIN" if rel == "." else "$ORIGIN/" + rel
            if entry not in rpath:
                rpath.append(entry)
            dest = os.path.join(libdir, so)
            if os.path.exists(dest):
                continue
            src = sonames.get(so)
            if not src:
                missing.add(so)
                continue
            os.makedirs(libdir, exist_ok=True)
            shutil.copyfile(os.path.realpath(src), dest)
            os.chmod(dest, 0o755)
            bundled.append(so)
            todo.append(dest)
        if rpath:
            subprocess.run(["patchelf", "--set-rpath", ":".join(rpath), elf], check=True)
    return sorted(bundled), sorted(missing)


# ---------------------------------------------------------------- wheels

def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def write_wheel(path, tree, distinfo, extra_files):
    """Zip tree (files relative to it) plus extra_files {arcname: bytes} as a wheel with RECORD."""
    entries = []
    for d, dirs, files in os.walk(tree):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(d, f)
            arc = os.path.relpath(full, tree)
            if os.path.islink(full) and not os.path.exists(full):
                log(f"  skipped dangling link {arc} -> {os.readlink(full)}")
                continue
            with open(full, "rb") as fh:
                entries.append((arc, fh.read(), os.stat(full).st_mode))
    for arc, data in sorted(extra_files.items()):
        entries.append((arc, data, 0o644))
    record_name = f"{distinfo}/RECORD"
    lines = [f"{arc},{record_hash(data)},{len(data)}" for arc, data, _ in entries]
    lines.append(f"{record_name},,")
    entries.append((record_name, ("\n".join(lines) + "\n").encode(), 0o644))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for arc, data, mode in entries:
            info = zipfile.ZipInfo(arc, EPOCH)
            info.external_attr = ((stat.S_IFREG | (0o755 if mode & 0o111 else 0o644)) << 16)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def copy_dist_packages(src_root, dest, skip_meta):
    dp = os.path.join(src_root, DIST_PACKAGES)
    if not os.path.isdir(dp):
        return
    for d, dirs, files in os.walk(dp):
        dirs[:] = [x for x in dirs if x != "__pycache__" and os.path.join(d, x) != skip_meta]
        for f in files:
            full = os.path.join(d, f)
            if full == skip_meta or f.endswith(".pyc"):
                continue
            rel = os.path.relpath(full, dp)
            out = os.path.join(dest, rel)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            if os.path.islink(full):
                link = os.readlink(full)
                # an absolute link points into this package's own tree (never the host's files)
                target = os.path.join(src_root, link.lstrip("/")) if os.path.isabs(link) else full
                target = os.path.realpath(target)
                if not os.path.isfile(target) or not target.startswith(os.path.realpath(src_root) + "/"):
                    log(f"  skipped link {rel} -> {link} (outside the package)")
                    continue
                shutil.copyfile(target, out)
            elif ".so" in f:
                shutil.copyfile(full, out)  # patchelf may rewrite it: a copy, not a link to the cache
            else:
                os.link(full, out)
                continue
            shutil.copymode(target if os.path.islink(full) else full, out)


# ---------------------------------------------------------------- sdists

def fetch_orig(source, workdir, lab):
    """Download the orig tarball of a Debian source package (bookworm, else trixie); return its path."""
    aptdir = os.path.join(workdir, "aptsrc")
    os.makedirs(os.path.join(aptdir, "lists/partial"), exist_ok=True)
    os.makedirs(os.path.join(aptdir, "etc/sources.list.d"), exist_ok=True)
    os.makedirs(os.path.join(aptdir, "etc/preferences.d"), exist_ok=True)
    with open(os.path.join(aptdir, "etc/sources.list"), "w") as f:
        for suite in ("bookworm", "trixie"):
            f.write(f"deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
                    f"http://deb.debian.org/debian {suite} main\n")
    conf = os.path.join(aptdir, "apt.conf")
    with open(conf, "w") as f:
        f.write(f'Dir::State::Lists "{aptdir}/lists";\nDir::Etc::SourceList "{aptdir}/etc/sources.list";\n'
                f'Dir::Etc::SourceParts "{aptdir}/etc/sources.list.d";\n'
                f'Dir::Etc::Preferences "{aptdir}/etc/preferences";\n'
                f'Dir::Etc::PreferencesParts "{aptdir}/etc/preferences.d";\n'
                f'Dir::Cache "{aptdir}/cache";\nAcquire::Languages "none";\n')
    env = dict(os.environ, APT_CONFIG=conf)
    dl = os.path.join(workdir, "src", source)
    os.makedirs(dl, exist_ok=True)
    origs = lambda: sorted(f for f in os.listdir(dl) if re.match(rf"{re.escape(source)}_.*\.orig\.tar\.", f))
    if not origs():
        if not os.listdir(os.path.join(aptdir, "lists")) or len(os.listdir(os.path.join(aptdir, "lists"))) < 3:
            subprocess.run(["apt-get", "update", "-q"], env=env, check=True, stdout=subprocess.DEVNULL)
        for suite in ("bookworm", "trixie"):
            subprocess.run(["apt-get", "source", "--download-only", "-q", f"{source}/{suite}"],
                           env=env, cwd=dl, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if origs():
                break
    if not origs():
        sys.exit(f"[index] no orig tarball of {source} on the mirror (bookworm, trixie)")
    return os.path.join(dl, origs()[-1])


def make_sdist(orig, dist, outdir):
    version = re.match(r".*?_(.*)\.orig\.tar\.", os.path.basename(orig)).group(1)
    version = re.sub(r"[+~](dfsg|ds)\d*$", "", version)
    top = f"{dist}-{version}"
    out = os.path.join(outdir, f"{top}.tar.gz")
    with tarfile.open(orig) as src, tarfile.open(out, "w:gz", format=tarfile.PAX_FORMAT) as dst:
        for m in src.getmembers():
            parts = m.name.split("/", 1)
            m.name = top if len(parts) == 1 else f"{top}/{parts[1]}"
            if m.islnk():
                lp = m.linkname.split("/", 1)
                m.linkname = f"{top}/{lp[1]}" if len(lp) > 1 else top
            dst.addfile(m, src.extractfile(m) if m.isfile() else None)
    return out, version


# ---------------------------------------------------------------- main

def main():
    pkgs_txt, work, out = sys.argv[1:4]
    roots, sdists = [], []
    for line in open(pkgs_txt):
        line = line.split("#", 1)[0].split()
        if not line:
            continue
        if line[0] == "sdist":
            sdists.append((line[1], line[2]))
        else:
            roots.append(line[0])

    chosen = closure(roots)
    log(f"{len(chosen)} Debian packages ({sum(1 for n in chosen if not n.startswith('lib'))} Python, "
        f"{sum(1 for n in chosen if n.startswith('lib'))} libraries)")
    debdir, xdir = os.path.join(work, "debs"), os.path.join(work, "x")
    download(chosen, debdir)
    extract(chosen, debdir, xdir)

    # python's packaging library, from the extracted python3-packaging (the host may not have it)
    sys.path.insert(0, os.path.join(xdir, "python3-packaging", DIST_PACKAGES))
    from packaging.requirements import Requirement
    from packaging.version import Version

    files_dir = os.path.join(out, "files")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(files_dir)

    python_pkgs = [n for n in chosen if n.startswith("python3-") or n == "pipenv"]
    dists, shipped, pkg_dist = {}, {}, {}
    # 1. packages with their own metadata, and packages shipping upstream wheels
    for name in python_pkgs:
        root = os.path.join(xdir, name)
        wd = os.path.join(root, WHEELS_DIR)
        if os.path.isdir(wd):
            for whl in sorted(os.listdir(wd)):
                if whl.endswith(".whl"):
                    dist_name, version = whl.split("-")[:2]
                    shipped[normalize(dist_name)] = (os.path.join(wd, whl), version)
                    pkg_dist[name] = normalize(dist_name)
            continue
        meta = find_metadata(root)
        if meta:
            d = Dist(name, *meta)
            dists[normalize(d.name)] = d
            pkg_dist[name] = normalize(d.name)
    # 2. packages without metadata join the distribution built from the same source
    for name in python_pkgs:
        if name in pkg_dist:
            continue
        src = source_of(chosen[name])
        mates = [pkg_dist[o] for o in python_pkgs if o in pkg_dist and source_of(chosen[o]) == src
                 and pkg_dist[o] in dists]
        if mates:
            dists[mates[0]].members.append(name)
            pkg_dist[name] = mates[0]
        elif os.path.isdir(os.path.join(xdir, name, DIST_PACKAGES)):
            log(f"{name}: no distribution metadata and no sibling package with it: not served")
    served = {k: Version(d.version) for k, d in dists.items()}
    served.update({k: Version(v) for k, (_, v) in shipped.items()})
    env = {"python_version": "3.11", "python_full_version": "3.11.2", "sys_platform": "linux",
           "platform_system": "Linux", "os_name": "posix", "platform_machine": "x86_64",
           "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}

    sonames = soname_index(chosen, xdir)
    build = os.path.join(work, "build")
    shutil.rmtree(build, ignore_errors=True)
    count_bundled = 0

    def build_one(key):
        d = dists[key]
        if key in shipped:
            return None  # the upstream wheel of the same distribution wins over a repack
        notes = []
        tree = os.path.join(build, key)
        for member in d.members:
            copy_dist_packages(os.path.join(xdir, member), tree,
                               d.metapath if member == d.pkg else None)
        # requirements: the metadata's own, then Debian's Depends
        reqs, named = [], set()
        for r in d.requires:
            req = Requirement(r)
            n = normalize(req.name)
            named.add(n)
            applies = req.marker is None or req.marker.evaluate(env)
            if n not in served:
                if applies:
                    notes.append(f"dropped {r!r} (not packaged in Debian)")
                    continue
            elif req.specifier and not req.specifier.contains(served[n], prereleases=True):
                notes.append(f"relaxed {r!r}: Debian has {served[n]}")
                req.specifier = type(req.specifier)("")
                r = str(req)
            reqs.append(r)
        for member in d.members:
            for alts in parse_depends(chosen[member]):
                dep = pick(alts, chosen)
                n = pkg_dist.get(dep)
                if n and n != key and n not in named:
                    named.add(n)
                    reqs.append(shipped_or(n, dists, shipped))
                    notes.append(f"added {reqs[-1]} (Depends: {dep})")
        compiled = any(".so" in f for _, _, fs in os.walk(tree) for f in fs)
        tag = TAG_COMPILED if compiled else TAG_PURE
        esc = wheel_escape(d.name)
        distinfo = f"{esc}-{d.version}.dist-info"
        bundled, missing = ([], [])
        if compiled:
            bundled, missing = bundle_libraries(tree, f"{esc}.libs", sonames)
            if bundled:
                notes.append("bundled " + " ".join(bundled))
            if missing:
                notes.append("NOT FOUND " + " ".join(missing))
        hdr = [(k, v) for k, v in d.headers if k.lower() not in ("requires-dist", "provides-extra")]
        md = "".join(f"{k}: {v}\n" for k, v in hdr)
        md += "".join(f"Provides-Extra: {e}\n" for e in d.extras)
        md += "".join(f"Requires-Dist: {r}\n" for r in reqs)
        md += ("\n" + d.body) if d.body.strip() else ""
        extra = {f"{distinfo}/METADATA": md.encode("utf-8", "surrogateescape"),
                 f"{distinfo}/WHEEL": (f"Wheel-Version: 1.0\nGenerator: layerwise-debs-to-index\n"
                                       f"Root-Is-Purelib: {'false' if compiled else 'true'}\n"
                                       f"Tag: {tag}\n").encode()}
        if os.path.isdir(d.metapath):
            for f in sorted(os.listdir(d.metapath)):
                p = os.path.join(d.metapath, f)
                keep = f in ("entry_points.txt", "top_level.txt", "LICENSE", "LICENSE.txt") or \
                    (d.kind == "dist-info" and f not in ("METADATA", "RECORD", "WHEEL", "INSTALLER",
                                                        "REQUESTED", "direct_url.json"))
                if keep and os.path.isfile(p):
                    with open(p, "rb") as fh:
                        extra[f"{distinfo}/{f}"] = fh.read()
                elif keep and os.path.isdir(p):
                    for dd, _, fs in os.walk(p):
                        for ff in fs:
                            with open(os.path.join(dd, ff), "rb") as fh:
                                extra[f"{distinfo}/{os.path.relpath(os.path.join(dd, ff), d.metapath)}"] = fh.read()
        os.makedirs(tree, exist_ok=True)
        whl = os.path.join(files_dir, f"{esc}-{d.version}-{tag}.whl")
        write_wheel(whl, tree, distinfo, extra)
        return key, d, os.path.basename(whl), notes, len(bundled)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        results = [r for r in ex.map(build_one, sorted(dists)) if r]
    for key, d, whl, notes, nb in results:
        count_bundled += nb
        log(f"{whl} <- {', '.join(d.members)}")
        for n in notes:
            log(f"    {n}")
    for key, (path, version) in sorted(shipped.items()):
        shutil.copyfile(path, os.path.join(files_dir, os.path.basename(path)))
        log(f"{os.path.basename(path)} (upstream wheel shipped by Debian)")
    for source, dist in sdists:
        orig = fetch_orig(source, work, out)
        path, version = make_sdist(orig, dist, files_dir)
        log(f"{os.path.basename(path)} <- {os.path.basename(orig)}")

    # PEP 503 tree
    by_project = {}
    for f in sorted(os.listdir(files_dir)):
        name = f[:-len(".tar.gz")].rsplit("-", 1)[0] if f.endswith(".tar.gz") else f.split("-")[0]
        by_project.setdefault(normalize(name), []).append(f)
    simple = os.path.join(out, "simple")
    os.makedirs(simple)
    with open(os.path.join(simple, "index.html"), "w") as idx:
        idx.write("<!DOCTYPE html>\n<html><body>\n")
        for proj, files in sorted(by_project.items()):
            idx.write(f'<a href="{proj}/">{proj}</a><br>\n')
            os.makedirs(os.path.join(simple, proj))
            with open(os.path.join(simple, proj, "index.html"), "w") as p:
                p.write(f"<!DOCTYPE html>\n<html><body><h1>Links for {proj}</h1>\n")
                for f in files:
                    with open(os.path.join(files_dir, f), "rb") as fh:
                        h = hashlib.sha256(fh.read()).hexdigest()
                    p.write(f'<a href="../../files/{f}#sha256={h}">{f}</a><br>\n')
                p.write("</body></html>\n")
        idx.write("</body></html>\n")
    total = sum(os.path.getsize(os.path.join(files_dir, f)) for f in os.listdir(files_dir))
    log(f"{len(by_project)} projects, {len(os.listdir(files_dir))} files, {total / 1e6:.1f} MB, "
        f"{count_bundled} shared libraries bundled -> {simple}")


def shipped_or(n, dists, shipped):
    return dists[n].name if n in dists else n


if __name__ == "__main__":
    main()
