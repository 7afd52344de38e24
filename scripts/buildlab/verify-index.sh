#!/usr/bin/env bash
# Proves the served index (serve-index.sh) is usable: for each top-level requirement, a fresh venv of the
# host's Debian Python installs it from http://127.0.0.1:${LW_INDEX_PORT:-3141}/simple/ only, imports it with an
# empty environment (no LD_LIBRARY_PATH), and every shared object in the venv finds its libraries inside the
# venv or among glibc/libgcc_s/libstdc++/zlib (ldd). psycopg2 compiles from the sdist (needs gcc, libpq-dev).
# Usage: verify-index.sh [requirement=import,...] ; prints one line per requirement, exits 1 on a failure.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -f $here/env.sh ]]; then . "$here/env.sh"; fi
LW_LAB=${LW_LAB:-/tmp/layerwise-lab}
url=http://127.0.0.1:${LW_INDEX_PORT:-3141}/simple/
py=/usr/bin/python3
[[ -x $py ]] || py=python3
work=$LW_LAB/verify-index
rm -rf "$work"; mkdir -p "$work"

default=(
	flask==2.2.2=flask gunicorn==20.1.0=gunicorn django==3.2.25=django whitenoise=whitenoise
	psycopg2==2.9.10=psycopg2 fastapi==0.92.0=fastapi uvicorn==0.17.6=uvicorn pydantic=pydantic
	starlette=starlette numpy==1.24.2=numpy pandas==1.5.3=pandas requests==2.28.1=requests
	poetry==1.3.2=poetry pipenv==2022.12.19=pipenv pdm==2.2.1=pdm poetry-core=poetry.core
	pdm-pep517=pdm.pep517 hatchling=hatchling setuptools=setuptools wheel=wheel pip=pip
)
if (($#)); then IFS=, read -ra items <<<"$1"; else items=("${default[@]}"); fi

one() {
	local item=$1 req mod dir
	req=${item%=*}; mod=${item##*=}; dir=$work/${mod//./_}
	{
		"$py" -m venv "$dir" &&
		env -i PATH=/usr/bin:/bin HOME="$dir" "$dir/bin/pip" install -q --disable-pip-version-check \
			--no-cache-dir --index-url "$url" "$req" &&
		env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= HOME="$dir" "$dir/bin/python" -c \
			"import $mod, sys; print('version', getattr($mod, '__version__', '') or '?')" &&
		"$py" - "$dir" <<'PY'
import os, subprocess, sys
venv = os.path.realpath(sys.argv[1])
system = {"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1",
          "libresolv.so.2", "libcrypt.so.1", "ld-linux-x86-64.so.2", "libgcc_s.so.1", "libstdc++.so.6",
          "libz.so.1", "libpq.so.5"}  # libpq5: the run-time package a psycopg2 build links against
bad = []
for d, _, files in os.walk(os.path.join(venv, "lib")):
    for f in files:
        p = os.path.join(d, f)
        if ".so" not in f or os.path.islink(p):
            continue
        with open(p, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        # each library an ELF file names itself must be a system one or found through its own RUNPATH
        # inside the venv (ldd would also list the system libraries' own dependencies)
        needed = subprocess.run(["patchelf", "--print-needed", p], capture_output=True, text=True).stdout.split()
        rpath = subprocess.run(["patchelf", "--print-rpath", p], capture_output=True, text=True).stdout.strip()
        dirs = [e.replace("$ORIGIN", os.path.dirname(p)) for e in rpath.split(":") if e]
        for so in needed:
            if so in system:
                continue
            found = [x for x in dirs if os.path.exists(os.path.join(x, so))]
            if not found or not os.path.realpath(found[0]).startswith(venv):
                bad.append(f"{os.path.relpath(p, venv)}: {so} not in the venv (RUNPATH {rpath or 'none'})")
if bad:
    print("\n".join(bad)); sys.exit(1)
PY
	} >"$dir.log" 2>&1
	local rc=$? v
	v=$(sed -n 's/^version //p' "$dir.log" 2>/dev/null)
	if ((rc == 0)); then
		printf '[verify] ok   %-22s import %-12s %s (%s packages)\n' "$req" "$mod" "$v" \
			"$(ls -d "$dir"/lib/python3*/site-packages/*.dist-info | wc -l)"
	else
		printf '[verify] FAIL %-22s import %s; see %s.log\n' "$req" "$mod" "$dir"
		tail -5 "$dir.log" | sed 's/^/         /'
	fi
	return $rc
}

start=$EPOCHREALTIME
fails=0
pids=()
for item in "${items[@]}"; do
	one "$item" & pids+=($!)
	if ((${#pids[@]} >= 3)); then wait "${pids[0]}" || fails=$((fails + 1)); pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
awk -v a="$start" -v b="$EPOCHREALTIME" -v n=${#items[@]} -v f=$fails \
	'BEGIN { printf "[verify] %d requirements, %d failed, %.1f s\n", n, f, b - a }'
((fails == 0))
