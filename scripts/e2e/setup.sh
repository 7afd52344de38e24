#!/usr/bin/env bash
# Installs the tools the editor tests need (Debian packages, code-server, playwright-core) into a cache folder; idempotent.
#
#   bash scripts/e2e/setup.sh            # folder: $LAYERWISE_E2E_DIR or /tmp/layerwise-e2e
#
# Leaves:  $DIR/code-server/node_modules/.bin/code-server   code-server (VS Code 1.100.3 with a Node extension host)
#          $DIR/tools/node_modules/playwright-core            drives Debian's /usr/bin/chromium (never `playwright install`)
# Each step is skipped when its stamp file says the same version is already installed, so a warm run takes seconds
# and makes no network call. None of this is a project dependency: the tools stay out of the repo's node_modules.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # newest code-server whose postinstall accepts Node 20 (4.103+ demand Node 22)
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium libkrb5-dev pkg-config ripgrep python3 make g++)

DIR="${LAYERWISE_E2E_DIR:-/tmp/layerwise-e2e}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
started=$(date +%s)
say() { echo "[e2e-setup +$(( $(date +%s) - started ))s] $*"; }

# Two runs at once (two terminals, CI retry) would fight over the same npm folders.
exec 9>"$DIR/.setup.lock"
flock 9

# --- Debian packages -------------------------------------------------------------------------------------------
# chromium: the browser of the UI pass; libkrb5-dev + pkg-config: code-server's `kerberos` native module needs
# gssapi.h; ripgrep: stands in for the rg binary @vscode/ripgrep would otherwise download from GitHub.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else
    echo "e2e-setup: missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present"
fi

# --- code-server -----------------------------------------------------------------------------------------------
CS="$DIR/code-server"
CS_STAMP="$CS/.installed"
if [ -x "$CS/node_modules/.bin/code-server" ] && [ "$(cat "$CS_STAMP" 2>/dev/null)" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION present"
else
  say "installing code-server $CODE_SERVER_VERSION (2-3 minutes: native modules are compiled)"
  rm -rf "$CS"
  mkdir -p "$CS/tmp/unpack"
  cd "$CS/tmp/unpack"
  # The tarball tells us which Node it accepts and which @vscode/ripgrep it pulls in; `npm pack` only fills npm's cache.
  npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null
  tar xzf code-server-*.tgz package/package.json package/lib/vscode/npm-shrinkwrap.json
  want_node=$(node -p "(require('./package/package.json').engines.node.match(/\\d+/) || [''])[0]")
  have_node=$(node -p 'process.versions.node.split(".")[0]')
  if [ -n "$want_node" ] && [ "$want_node" != "$have_node" ]; then
    echo "e2e-setup: code-server $CODE_SERVER_VERSION wants Node $want_node, this is Node $have_node; its postinstall would refuse" >&2
    exit 1
  fi
  rg_pkg=$(node -p "require('./package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
  npm pack --silent "@vscode/ripgrep@$rg_pkg" >/dev/null
  tar xzf vscode-ripgrep-*.tgz package/lib/postinstall.js
  rg_asset=$(sed -n "s/^const VERSION = '\\(.*\\)';.*/\\1/p" package/lib/postinstall.js)
  case "$(uname -m)" in aarch64|arm64) rg_target=aarch64-unknown-linux-musl ;; *) rg_target=x86_64-unknown-linux-musl ;; esac
  # @vscode/ripgrep's postinstall looks for "$TMPDIR/vscode-ripgrep-cache-<pkg>/ripgrep-<asset>-<target>.tar.gz" before
  # calling api.github.com, so an archive holding Debian's rg makes it install offline.
  mkdir -p "$CS/tmp/rg" "$CS/tmp/vscode-ripgrep-cache-$rg_pkg"
  cp "$(command -v rg)" "$CS/tmp/rg/rg"
  tar czf "$CS/tmp/vscode-ripgrep-cache-$rg_pkg/ripgrep-$rg_asset-$rg_target.tar.gz" -C "$CS/tmp/rg" rg
  cd "$CS"
  rm -rf "$CS/tmp/unpack" "$CS/tmp/rg"
  echo '{ "name": "layerwise-e2e-code-server", "private": true }' > package.json
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's build step runs `npx node-gyp`, which would otherwise stop at a prompt.
  if ! TMPDIR="$CS/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION" >"$CS/install.log" 2>&1; then
    tail -30 "$CS/install.log" >&2
    echo "e2e-setup: code-server install failed; log: $CS/install.log" >&2
    exit 1
  fi
  [ -x "$CS/node_modules/.bin/code-server" ] || { echo "e2e-setup: no code-server launcher after install" >&2; exit 1; }
  echo "$CODE_SERVER_VERSION" > "$CS_STAMP"
  say "code-server installed ($(du -sh "$CS" | cut -f1))"
fi

# --- playwright-core -------------------------------------------------------------------------------------------
TOOLS="$DIR/tools"
if [ "$(cat "$TOOLS/.installed" 2>/dev/null)" = "$PLAYWRIGHT_VERSION" ] && [ -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  say "playwright-core $PLAYWRIGHT_VERSION present"
else
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  echo '{ "name": "layerwise-e2e-tools", "private": true }' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --save-exact "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
  echo "$PLAYWRIGHT_VERSION" > "$TOOLS/.installed"
  say "playwright-core $PLAYWRIGHT_VERSION installed"
fi

say "ready in $DIR"
