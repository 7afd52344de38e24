#!/usr/bin/env bash
# Build check, step 2: the base images the fixture projects build FROM, made locally under the official names
# (no registry answers in CI). Debian comes from debuerreotype, the tool the official debian images are made with;
# the python images are look-alikes: Debian 12's own python3.11 on top, laid out so that `python`, `pip` and
# `python -m venv` work as in the official images. An image whose recipe has not changed is kept, so a rerun takes
# seconds; each image carries its recipe's hash as a label to tell.
set -Eeuo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

LABEL=io.layerwise.lab.recipe
INDEX_URL=http://127.0.0.1:$LW_INDEX_PORT/simple/
work=$LW_LAB/bases
rebuilt=
mkdir -p "$work"

# The mirrors this machine's apt uses (the only ones that answer in CI).
sources_uri() { # $1: a pattern the URI must (security) or must not (main) match
	awk -v want="$1" '/^URIs:/ { for (i = 2; i <= NF; i++) if ((want == "security") == ($i ~ /security/)) { print $i; exit } }' \
		/etc/apt/sources.list.d/*.sources 2> /dev/null || true
}
MIRROR=${LW_DEBIAN_MIRROR:-$(sources_uri main)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${LW_DEBIAN_SECURITY_MIRROR:-$(sources_uri security)}
SECURITY_MIRROR=${SECURITY_MIRROR:-${MIRROR%/debian}/debian-security}

logged() { # LOG COMMAND...: the command's output goes to $LW_LAB/logs/LOG.log, its tail to stderr when it fails
	local log=$LW_LAB/logs/$1.log
	shift
	"$@" > "$log" 2>&1 || { tail -30 "$log" >&2; echo "[lab] failed: $* (whole log: $log)" >&2; return 1; }
}
recipe_of() { podman image inspect --format "{{index .Labels \"$LABEL\"}}" "$1" 2> /dev/null || true; }
hash_of() { sha256sum | cut -c1-16; }
size_of() { podman image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.1f MB", $1 / 1e6 }'; }

debian_rootfs() {
	# Both flavours from one debootstrap: minbase, the minimizing apt/dpkg config the official images carry,
	# updates applied; slim additionally drops docs, man pages and locales (debuerreotype-slimify).
	local root=$work/rootfs
	rm -rf "$root" "$root-slim"
	logged debootstrap debuerreotype-init --non-debian "$root" bookworm "$MIRROR"
	debuerreotype-minimizing-config "$root"
	# debuerreotype-debian-sources-list asks snapshot.debian.org, which does not answer here: write the
	# deb822 file by hand, the format bookworm's images ship.
	rm -f "$root/etc/apt/sources.list"
	cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOS
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOS
	debuerreotype-apt-get "$root" update -qq
	logged dist-upgrade debuerreotype-apt-get "$root" dist-upgrade -yqq
	cp -a "$root" "$root-slim"
	debuerreotype-slimify "$root-slim"
	debuerreotype-tar "$root" "$work/debian-bookworm.tar"
	debuerreotype-tar "$root-slim" "$work/debian-bookworm-slim.tar"
	rm -rf "$root" "$root-slim"
}

debian_import() {
	local hash=$1 flavour
	for flavour in bookworm bookworm-slim; do
		podman import -q --change 'CMD ["bash"]' --change "LABEL $LABEL=$hash" \
			"$work/debian-$flavour.tar" "docker.io/library/debian:$flavour" > /dev/null
	done
	podman tag docker.io/library/debian:bookworm docker.io/library/debian:12
	podman tag docker.io/library/debian:bookworm-slim docker.io/library/debian:12-slim
	rm -f "$work"/debian-bookworm*.tar
}

debian_bases() {
	local hash
	hash=$({ declare -f debian_rootfs debian_import; echo "$MIRROR $SECURITY_MIRROR"; } | hash_of)
	if [ "$(recipe_of docker.io/library/debian:bookworm)" = "$hash" ] && [ "$(recipe_of docker.io/library/debian:bookworm-slim)" = "$hash" ]; then
		echo "[lab] debian:bookworm and debian:bookworm-slim: up to date"
		return
	fi
	lw_timed "debuerreotype (both rootfs)" debian_rootfs
	lw_timed "podman import" debian_import "$hash"
	rebuilt=1
}

# build NAME CONTAINERFILE-TEXT EXTRA-TAG...: builds (or keeps) docker.io/library/NAME from the text.
build_image() {
	local name=$1 text=$2 parent hash dir tags=() t
	shift 2
	parent=$(sed -n 's/^FROM \([^ ]*\).*/\1/p' <<< "$text" | head -1)
	hash=$({ echo "$text"; podman image inspect --format '{{.Id}}' "$parent"; } | hash_of)
	if [ "$(recipe_of "docker.io/library/$name")" = "$hash" ]; then
		echo "[lab] $name: up to date"
	else
		dir=$work/${name//[:\/]/-}
		mkdir -p "$dir"
		printf '%s\n' "$text" > "$dir/Containerfile"
		tags=(-t "docker.io/library/$name")
		for t in "$@"; do tags+=(-t "docker.io/library/$t"); done
		rebuilt=1
		lw_timed "build $name" logged "base-${name//[:\/]/-}" podman build --pull=never --network host --label "$LABEL=$hash" "${tags[@]}" "$dir"
	fi
	# Extra names follow the image even when it was kept (a tag lost to an interrupted run comes back).
	for t in "$@"; do podman tag "docker.io/library/$name" "docker.io/library/$t"; done
}

# What the official python images have and Debian's python3.11 lacks: the interpreter and pip in /usr/local/bin
# (Dockerfiles call /usr/local/bin/python), no PEP 668 marker (so `pip install` outside a venv works), LANG, and
# the C headers even in slim (installing gcc is enough to compile an sdist there), without the static libpython
# the official images delete too. Slim takes the headers out of libpython3.11-dev rather than installing it, which
# would bring libc6-dev and 30 MB that the official slim image does not have.
# The index settings let unmodified pip, pipenv and pdm projects install from the lab's local index.
SLIM_HEADERS='(cd /tmp && apt-get download -qq libpython3.11-dev && dpkg-deb --fsys-tarfile libpython3.11-dev_*.deb \
		| tar -x -C / ./usr/include && rm libpython3.11-dev_*.deb);'
python_layer() { # $1: the parent image, $2: extra Debian packages, $3: more shell steps
	cat <<EOF
FROM $1
ENV LANG=C.UTF-8 PYTHON_VERSION=3.11.2
RUN set -eux; \\
	apt-get update; \\
	apt-get install -y --no-install-recommends python3 python3-pip python3-venv python3-setuptools python3-wheel $2; \\
	${3:-} \\
	rm -rf /var/lib/apt/lists/*; \\
	rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED; \\
	find /usr/lib -name 'libpython3*.a' -delete; \\
	for n in python python3 python3.11; do ln -s /usr/bin/python3.11 /usr/local/bin/\$n; done; \\
	for n in pip pip3 pip3.11; do ln -s /usr/bin/pip3 /usr/local/bin/\$n; done; \\
	python --version; pip --version
ENV PIP_INDEX_URL=$INDEX_URL PIP_TRUSTED_HOST=127.0.0.1 PIPENV_PYPI_MIRROR=$INDEX_URL PDM_PYPI_URL=$INDEX_URL
CMD ["python3"]
EOF
}

# buildpack-deps:bookworm's three layers (curl, scm, then compilers and the common -dev headers), the package lists
# of the official image's Dockerfiles.
BUILDPACK_DEPS=$(cat <<'EOF'
FROM docker.io/library/debian:bookworm
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends \
	ca-certificates curl gnupg netbase sq wget; \
	rm -rf /var/lib/apt/lists/*
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends \
	git mercurial openssh-client subversion procps; \
	rm -rf /var/lib/apt/lists/*
RUN set -eux; apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev \
	libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev \
	libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev \
	libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev \
	libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev; \
	rm -rf /var/lib/apt/lists/*
CMD ["bash"]
EOF
)

smoke() { # NAME COMMAND...: the image runs and the command succeeds
	local name=$1
	shift
	podman run --rm --network host --pull=never "docker.io/library/$name" "$@" > "$LW_LAB/logs/smoke-${name//[:\/]/-}.log" 2>&1 \
		|| { cat "$LW_LAB/logs/smoke-${name//[:\/]/-}.log" >&2; echo "[lab] $name does not run: $*" >&2; return 1; }
}

all_bases() {
	debian_bases
	build_image python:3.11-slim-bookworm "$(python_layer docker.io/library/debian:bookworm-slim 'ca-certificates netbase tzdata' "$SLIM_HEADERS")" python:3.11-slim
	build_image buildpack-deps:bookworm "$BUILDPACK_DEPS"
	build_image python:3.11-bookworm "$(python_layer docker.io/library/buildpack-deps:bookworm python3-dev)" python:3.11
	# A rerun that kept every image has nothing new to prove.
	if [ -n "$rebuilt" ]; then lw_timed "smoke runs" smoke_all; fi
	local n
	for n in debian:bookworm-slim debian:bookworm python:3.11-slim-bookworm buildpack-deps:bookworm python:3.11-bookworm; do
		printf '[lab]   %-28s %s\n' "$n" "$(size_of "docker.io/library/$n")"
	done
}

smoke_all() {
	smoke debian:bookworm-slim true
	smoke python:3.11-slim-bookworm sh -c 'python -m venv /tmp/v && /tmp/v/bin/pip --version && /usr/local/bin/python -c "import ssl, sqlite3, ensurepip" && test -f /usr/include/python3.11/Python.h'
	smoke python:3.11-bookworm sh -c 'gcc --version && python3-config --includes && python -m venv /tmp/v'
}

lw_timed "bases (total)" all_bases
