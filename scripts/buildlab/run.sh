#!/usr/bin/env bash
# The build check end to end (`npm run test:build`): the lab's tools and config, the base images, the local
# package index and its server, then the runner over every fixture project. Arguments go to check.mjs
# (--only a,b, --keep). Every phase prints its duration; reruns reuse the bases and the index downloads.
set -Eeuo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$here/env.sh"
cd "$repo"

for f in build-index.sh serve-index.sh index-packages.txt; do
	if [ ! -f "$here/$f" ]; then
		echo "[lab] scripts/buildlab/$f is missing: without the local package index no project can install its" >&2
		echo "[lab] Python packages offline, so the build check cannot run" >&2
		exit 1
	fi
done

index_answers() { (exec 3<> "/dev/tcp/127.0.0.1/$LW_INDEX_PORT") 2> /dev/null; }

start=$EPOCHREALTIME
lw_timed "setup (tools, config)" bash "$here/setup.sh"
lw_timed "bases" bash "$here/bases.sh"
lw_timed "index" bash "$here/build-index.sh"
# A server this run starts is stopped when it ends; one that was already answering is left alone.
if ! index_answers; then trap 'bash "$here/serve-index.sh" stop' EXIT; fi
lw_timed "serve index" bash "$here/serve-index.sh"
lw_timed "dist/cli.js" node scripts/build.mjs --only=dist
rc=0
lw_timed "check (all projects)" node "$here/check.mjs" "$@" || rc=$?
awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "[lab] build check total %.1f s\n", b - a }' >&2
exit $rc
