#!/usr/bin/env bash
# Builds examples/flask-app twice with podman (the Dockerfile as written, and `layerwise split`'s output), runs both
# containers, curls them on 127.0.0.1 and prints the measured image sizes next to Layerwise's estimates.
#
# Runs as root on Debian 12 with the podman build lab (LAB=<its folder>, see its README). Phases:
#   bash scripts/buildlab/verify-split.sh prepare   # bases + local package index (minutes, once)
#   bash scripts/buildlab/verify-split.sh verify    # the two builds, runs and curls (about a minute)
#   bash scripts/buildlab/verify-split.sh           # both
# Everything lands under $W (default /tmp/buildlab); results in $W/split/results.txt.
#
# What is substituted, and why (the lab is offline, without Docker Hub or PyPI):
#  - `python:3.12` and `python:3.12-slim` are local look-alikes: Debian 12's python3.11 on a debuerreotype
#    Debian base (the lab's "quick" bases, images/python-debian-{full,slim}), plus `ENV PIP_INDEX_URL` pointing at
#    the local index so the example's Dockerfiles build unmodified. The full one builds on a buildpack-deps-like
#    layer (compilers and common -dev headers) made here, because the lab's buildpack-deps recipe is not shipped.
#  - requirements.txt is built with the versions the offline index holds (Debian 12's Flask 2.2.2 and gunicorn
#    20.1.0; psycopg2 2.9.10 as an sdist, so the build really compiles it against libpq).
set -Eeuo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
LAB=${LAB:?set LAB to the build lab folder (env.sh, images/, wheelhouse/)}
. "$LAB/env.sh"
PORT=${PORT:-8080}
S=$W/split
mkdir -p "$S" "$W/logs"
phase=${1:-all}

log() { printf '== %s\n' "$*"; }

have_image() { podman image exists "$1"; }

prepare() {
	have_image localhost/debian:bookworm || { echo "run $LAB/setup.sh and $LAB/mkbase.sh first"; exit 1; }
	# 1. A buildpack-deps-like full Debian: the toolchain and the -dev headers the official full images carry.
	if ! have_image localhost/buildpack-deps:bookworm; then
		log "buildpack-deps stand-in"
		mkdir -p "$S/bpd"
		cat > "$S/bpd/Containerfile" <<'EOF'
FROM localhost/debian:bookworm
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends \
	ca-certificates curl wget gnupg dirmngr git openssh-client procps \
	autoconf automake bzip2 dpkg-dev file g++ gcc make patch unzip xz-utils \
	libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libffi-dev libgdbm-dev libglib2.0-dev \
	libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmaxminddb-dev libncurses-dev libpng-dev \
	libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt1-dev \
	libyaml-dev zlib1g-dev default-libmysqlclient-dev; \
	rm -rf /var/lib/apt/lists/*
EOF
		podman build --network host -t localhost/buildpack-deps:bookworm "$S/bpd" > "$W/logs/split-bpd.log" 2>&1
	fi
	# 2. The lab's quick Python bases (Debian's python3.11).
	for flavour in full slim; do
		tag=localhost/python:3.11-bookworm-debpy
		[ $flavour = slim ] && tag=localhost/python:3.11-slim-bookworm-debpy
		if ! have_image "$tag"; then
			log "quick base $tag"
			podman build --network host -t "$tag" "$LAB/images/python-debian-$flavour" > "$W/logs/split-base-$flavour.log" 2>&1
		fi
	done
	# 3. Offline index: pure-Python packages repacked from Debian 12 debs, setuptools/wheel from Debian's -whl
	#    packages (psycopg2's build needs them), psycopg2 as an sdist from Debian's orig tarball.
	if [ ! -f "$W/split-index/simple/index.html" ]; then
		log "offline index"
		rm -rf "$S/wh" && mkdir -p "$S/wh"/{debs,files,src}
		(cd "$S/wh/debs" && apt-get download python3-flask python3-werkzeug python3-click python3-itsdangerous \
			python3-blinker python3-gunicorn python3-jinja2 python3-markupsafe python3-setuptools-whl \
			python3-wheel-whl > "$W/logs/split-debs.log" 2>&1)
		python3 "$LAB/wheelhouse/deb2wheel.py" "$S/wh/files" "$S"/wh/debs/python3-{flask,werkzeug,click,itsdangerous,blinker,gunicorn,jinja2,markupsafe}_*.deb
		for d in "$S"/wh/debs/python3-{setuptools,wheel}-whl_*.deb; do
			dpkg-deb -x "$d" "$S/wh/x"
		done
		cp "$S"/wh/x/usr/share/python-wheels/{setuptools,wheel}-*.whl "$S/wh/files/"
		curl -fsSL -o "$S/wh/src/psycopg2.tar.gz" http://deb.debian.org/debian/pool/main/p/psycopg2/psycopg2_2.9.10.orig.tar.gz
		mkdir -p "$S/wh/src/psycopg2-2.9.10"
		tar -xzf "$S/wh/src/psycopg2.tar.gz" -C "$S/wh/src/psycopg2-2.9.10" --strip-components=1
		# an sdist is the source tree as a tarball named <name>-<version>.tar.gz
		tar -czf "$S/wh/files/psycopg2-2.9.10.tar.gz" -C "$S/wh/src" psycopg2-2.9.10
		rm -rf "$W/split-index"
		python3 "$LAB/wheelhouse/mkindex.py" "$S/wh/files" "$W/split-index"
	fi
	# 4. Official names for the example's FROM lines, with the index baked in as ENV (both stages inherit it).
	for pair in "python:3.12=localhost/python:3.11-bookworm-debpy" "python:3.12-slim=localhost/python:3.11-slim-bookworm-debpy"; do
		name=${pair%%=*}; base=${pair#*=}
		log "docker.io/library/$name <- $base + PIP_INDEX_URL"
		mkdir -p "$S/alias"
		printf 'FROM %s\nENV PIP_INDEX_URL=http://127.0.0.1:%s/simple/ PIP_DISABLE_PIP_VERSION_CHECK=1\n' "$base" "$PORT" > "$S/alias/Containerfile"
		podman build -q -t "docker.io/library/$name" "$S/alias" > /dev/null
	done
}

serve_index() {
	if ! curl -fsS "http://127.0.0.1:$PORT/simple/" > /dev/null 2>&1; then
		nohup /usr/bin/python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$W/split-index" > "$W/logs/split-index.log" 2>&1 &
		echo $! > "$W/logs/split-index.pid"
		for _ in $(seq 1 40); do curl -fsS "http://127.0.0.1:$PORT/simple/" > /dev/null 2>&1 && break; sleep 0.25; done
	fi
	curl -fsS "http://127.0.0.1:$PORT/simple/psycopg2/" > /dev/null || { echo "index on 127.0.0.1:$PORT does not serve psycopg2"; exit 1; }
}

verify() {
	serve_index
	ctx=$S/ctx
	rm -rf "$ctx" && mkdir -p "$ctx"
	cp "$repo"/examples/flask-app/{app.py,Dockerfile} "$ctx/"
	printf 'flask==2.2.2\ngunicorn==20.1.0\npsycopg2==2.9.10\n' > "$ctx/requirements.txt"
	node "$repo/dist/cli.js" split "$repo/examples/flask-app/Dockerfile" > "$ctx/Dockerfile.split"
	node "$repo/dist/cli.js" split --keep-base "$repo/examples/flask-app/Dockerfile" > "$ctx/Dockerfile.split-keep-base"
	out=$S/results.txt
	: > "$out"
	port=18100
	for v in Dockerfile Dockerfile.split Dockerfile.split-keep-base; do
		tag=localhost/flask-app:${v#Dockerfile.}
		[ "$v" = Dockerfile ] && tag=localhost/flask-app:original
		s=$(date +%s)
		podman build --no-cache --network host -f "$ctx/$v" -t "$tag" "$ctx" > "$W/logs/split-build-${tag##*:}.log" 2>&1 \
			|| { echo "build of $v failed, see $W/logs/split-build-${tag##*:}.log"; tail -20 "$W/logs/split-build-${tag##*:}.log"; exit 1; }
		t=$(( $(date +%s) - s ))
		size=$(podman image inspect --format '{{.Size}}' "$tag")
		port=$((port + 1))
		cid=$(podman run -d -p "127.0.0.1:$port:8000" "$tag")
		answer=
		for _ in $(seq 1 40); do
			if answer=$(curl -fsS "http://127.0.0.1:$port/" 2>/dev/null); then break; fi
			answer=; sleep 0.5
		done
		podman rm -f -t 2 "$cid" > /dev/null
		{
			echo "== $v -> $tag: build ${t}s, podman size ${size} bytes ($(( size / 1000000 )) MB)"
			if [ -n "$answer" ]; then echo "   curl 127.0.0.1:$port/ -> $answer"; else echo "   curl 127.0.0.1:$port/ FAILED"; fi
			podman history --format '{{printf "%12s" .Size}}  {{.CreatedBy}}' "$tag" | cut -c1-140
		} | tee -a "$out"
		[ -n "$answer" ] || exit 1
	done
	echo "== Layerwise's estimates (same Dockerfiles, official-image data)" | tee -a "$out"
	for v in Dockerfile Dockerfile.split Dockerfile.split-keep-base; do
		printf '%s: ' "$v" | tee -a "$out"
		node "$repo/dist/cli.js" estimate "$ctx/$v" --format json 2>/dev/null \
			| python3 -c 'import json,sys; f=json.load(sys.stdin)["final"]["bytes"]; print("%.0f MB (%.0f-%.0f)" % (f["typical"]/1e6, f["low"]/1e6, f["high"]/1e6))' \
			| tee -a "$out" || echo "(no estimate command)" | tee -a "$out"
	done
}

case $phase in
	prepare) prepare ;;
	verify) verify ;;
	all) prepare; verify ;;
	*) echo "usage: $0 [prepare|verify|all]"; exit 2 ;;
esac
