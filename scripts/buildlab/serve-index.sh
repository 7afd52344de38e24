#!/usr/bin/env bash
# Serves $LW_LAB/index at http://127.0.0.1:${LW_INDEX_PORT:-3141}/simple/ (PID in $LW_LAB/logs/index-server.pid).
# Idempotent: a server already answering there is left running. `serve-index.sh stop` stops it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -f $here/env.sh ]]; then . "$here/env.sh"; fi
LW_LAB=${LW_LAB:-/tmp/layerwise-lab}
port=${LW_INDEX_PORT:-3141}
pidfile=$LW_LAB/logs/index-server.pid
url=http://127.0.0.1:$port/simple/
mkdir -p "$LW_LAB/logs"
py=/usr/bin/python3
[[ -x $py ]] || py=python3

answers() { "$py" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$url" 2>/dev/null; }

if [[ ${1:-} == stop ]]; then
	if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then kill "$(cat "$pidfile")"; fi
	rm -f "$pidfile"
	exit 0
fi
[[ -f $LW_LAB/index/simple/index.html ]] || { echo "[index] no index in $LW_LAB/index: run build-index.sh first" >&2; exit 1; }
if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null && answers; then
	echo "[index] already serving $url (pid $(cat "$pidfile"))" >&2
	exit 0
fi
nohup "$py" -m http.server "$port" --bind 127.0.0.1 --directory "$LW_LAB/index" \
	>"$LW_LAB/logs/index-server.log" 2>&1 &
echo $! >"$pidfile"
for _ in $(seq 50); do
	if answers; then echo "[index] serving $url (pid $(cat "$pidfile"))" >&2; exit 0; fi
	kill -0 "$(cat "$pidfile")" 2>/dev/null || break
	sleep 0.1
done
echo "[index] the index server did not answer at $url; see $LW_LAB/logs/index-server.log" >&2
exit 1
