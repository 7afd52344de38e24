# Sourced by every build-check script: podman and buildah keep all their state and configuration under $LW_LAB,
# never in the host's /etc/containers or /var/lib/containers.
export LW_LAB=${LW_LAB:-/tmp/layerwise-lab}
export LW_INDEX_PORT=${LW_INDEX_PORT:-3141}
export CONTAINERS_CONF=$LW_LAB/conf/containers.conf
export CONTAINERS_STORAGE_CONF=$LW_LAB/conf/storage.conf
export CONTAINERS_REGISTRIES_CONF=$LW_LAB/conf/registries.conf
# The Docker image format keeps HEALTHCHECK, SHELL and ONBUILD; the OCI format (podman's default) drops them.
export BUILDAH_FORMAT=docker
export TMPDIR=$LW_LAB/tmp
mkdir -p "$LW_LAB"/conf "$LW_LAB"/storage "$LW_LAB"/run "$LW_LAB"/tmp "$LW_LAB"/logs

# lw_timed LABEL COMMAND...: runs COMMAND (a shell function too) and prints how long it took, also when it fails.
# COMMAND runs in a subshell outside any `||`, so `set -e` still stops it at its first failing step.
lw_timed() {
	local label=$1 start rc had_e=$-
	shift
	start=$EPOCHREALTIME
	set +e
	(set -e; "$@")
	rc=$?
	[[ $had_e == *e* ]] && set -e
	awk -v a="$start" -v b="$EPOCHREALTIME" -v l="$label" -v rc=$rc \
		'BEGIN { printf "[lab] %-30s %7.1f s%s\n", l, b - a, rc ? "  (failed, exit " rc ")" : "" }' >&2
	return $rc
}
