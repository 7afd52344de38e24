#!/usr/bin/env bash
# Build check, step 1: installs podman and the tools that make base images (from Debian's apt mirror, only when
# missing), writes the lab's private podman configuration under $LW_LAB and proves a build works.
set -Eeuo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

tools=(podman buildah runc skopeo newuidmap debootstrap debuerreotype-init python3)
packages=(podman buildah runc skopeo uidmap debootstrap debuerreotype netavark aardvark-dns iptables python3 ca-certificates wget)

install_missing() {
	local missing=() t
	for t in "${tools[@]}"; do command -v "$t" > /dev/null 2>&1 || missing+=("$t"); done
	if [ ${#missing[@]} = 0 ]; then
		echo "[lab] podman, buildah, runc, skopeo, debootstrap, debuerreotype: installed"
		return
	fi
	if [ "$(id -u)" != 0 ]; then
		echo "[lab] missing ${missing[*]}; the build check installs them with apt-get and needs root" >&2
		exit 1
	fi
	echo "[lab] missing ${missing[*]}: installing with apt-get"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" > "$LW_LAB/logs/apt-install.log" 2>&1 \
		|| { tail -20 "$LW_LAB/logs/apt-install.log" >&2; exit 1; }
}

write_config() {
	# The lab's own storage, so its images never mix with a host's containers and `rm -rf $LW_LAB` removes them.
	cat > "$CONTAINERS_STORAGE_CONF" <<EOS
[storage]
driver = "overlay"
graphroot = "$LW_LAB/storage"
runroot = "$LW_LAB/run"
EOS
	# No registry answers here: a short name (FROM python:3.11-slim) resolves to the local image of that name
	# (docker.io/library/...) and is never looked up anywhere.
	cat > "$CONTAINERS_REGISTRIES_CONF" <<'EOS'
unqualified-search-registries = []
short-name-mode = "permissive"
EOS
	# Containers may not raise rlimits above ours (no CAP_SYS_RESOURCE in CI VMs), and podman itself lowers nproc
	# to 32768 before it starts the runtime: podman's default ulimits fail with "setrlimit ...: Operation not
	# permitted". crun (1.8 on Debian 12) refuses hosts with cgroup v1 plus a cgroup2 mount that holds a
	# controller; runc works on them.
	local nofile nproc
	nofile=$(ulimit -Hn)
	nproc=$(ulimit -Hu)
	[ "$nofile" = unlimited ] && nofile=1048576
	{ [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; } && nproc=32768
	cat > "$CONTAINERS_CONF" <<EOS
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$LW_LAB/tmp"
EOS
}

smoke_test() {
	# A build from nothing: proves storage, the config and buildah work before minutes go into the bases.
	local dir=$LW_LAB/smoke
	mkdir -p "$dir"
	echo "layerwise lab" > "$dir/hello.txt"
	printf 'FROM scratch\nCOPY hello.txt /hello.txt\n' > "$dir/Containerfile"
	podman build -q --pull=never -t localhost/lw-smoke "$dir" > "$LW_LAB/logs/smoke.log" 2>&1 \
		|| { cat "$LW_LAB/logs/smoke.log" >&2; echo "[lab] the smoke build failed (log above)" >&2; exit 1; }
	podman rmi -f localhost/lw-smoke > /dev/null
	podman info --format '[lab] podman {{.Version.Version}}: storage {{.Store.GraphDriverName}} in {{.Store.GraphRoot}}, runtime {{.Host.OCIRuntime.Name}}, cgroups {{.Host.CgroupsVersion}}'
}

lw_timed "install tools" install_missing
lw_timed "write config" write_config
lw_timed "smoke build (FROM scratch)" smoke_test
