#!/usr/bin/env bash
# Builds the build lab's local Python package index from Debian 12 packages (see debs-to-index.py):
# $LW_LAB/index/simple/<project>/ (PEP 503, sha256 fragments) and $LW_LAB/index/files/.
# The downloaded .debs stay in $LW_LAB/index-work/debs, so a second run only repacks.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -f $here/env.sh ]]; then . "$here/env.sh"; fi
LW_LAB=${LW_LAB:-/tmp/layerwise-lab}
start=$(date +%s.%N)

need=()
command -v patchelf >/dev/null || need+=(patchelf)
command -v dpkg-deb >/dev/null || need+=(dpkg)
if ((${#need[@]})); then
	[[ -n $(ls /var/lib/apt/lists/ 2>/dev/null | grep -m1 Packages) ]] || apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
# apt-get download needs the package lists
apt-cache show --no-all-versions python3-flask >/dev/null 2>&1 || apt-get update -q >/dev/null

# The host's Debian interpreter when there is one (the repacker needs nothing beyond the standard library).
py=/usr/bin/python3
[[ -x $py ]] || py=python3
"$py" "$here/debs-to-index.py" "$here/index-packages.txt" "$LW_LAB/index-work" "$LW_LAB/index"
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "[index] index built in %.1f s\n", b - a }' >&2
