#!/usr/bin/env bash
# Installs code-server (a real VS Code: web workbench + extension host) into .cache/code-server on first use
# and prints the path of its launcher. Handles the pitfalls of these machines (see docs/testing.md): root
# postinstall, npx prompts, ripgrep download from GitHub, kerberos build, HOME/TMPDIR writes.
# It does not install system packages (.ci/run does: chromium ripgrep libkrb5-dev).
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # last release whose engines allow Node 20 (VS Code 1.100.3)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${CODE_SERVER_CACHE:-$ROOT/.cache/code-server}"
PREFIX="$CACHE/$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

if [ -x "$BIN" ] && [ -f "$PREFIX/.installed" ]; then
  echo "$BIN"
  exit 0
fi

for tool in rg; do
  command -v "$tool" >/dev/null || { echo "installCodeServer: '$tool' is missing (apt-get install -y ripgrep)" >&2; exit 1; }
done
if ! [ -e /usr/include/krb5.h ] && ! [ -e /usr/include/gssapi/gssapi.h ]; then
  echo "installCodeServer: kerberos headers missing (apt-get install -y libkrb5-dev)" >&2
  exit 1
fi

# keep the user's npm config (registry, CA, nodedir) although HOME moves below; native modules (argon2,
# kerberos, node-pty) need node's headers: without a nodedir node-gyp would download them from nodejs.org
if [ -z "${npm_config_userconfig:-}" ] && [ -f "$HOME/.npmrc" ]; then export npm_config_userconfig="$HOME/.npmrc"; fi
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
if [ -z "$(npm config get nodedir 2>/dev/null | grep -v '^undefined$' || true)" ] && [ -f /usr/include/node/node_api.h ]; then
  export npm_config_nodedir=/usr
fi

SCRATCH="$CACHE/scratch"
mkdir -p "$PREFIX" "$SCRATCH/home" "$SCRATCH/tmp"
# code-server's postinstall and node-gyp write under HOME and TMPDIR: keep them out of the user's home
export HOME="$SCRATCH/home" TMPDIR="$SCRATCH/tmp"
export npm_config_unsafe_perm=true   # as root, code-server's postinstall refuses to run otherwise
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp` and would prompt
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# @vscode/ripgrep downloads rg from GitHub in postinstall; it first looks in $TMPDIR/vscode-ripgrep-cache-<ver>/
# for the archive, so pre-seed that with Debian's rg (same CLI; code-server only calls it for search).
for RGVER in ${RIPGREP_PKG_VERSION:-1.15.11}; do
  for RGTAG in ${RIPGREP_TAG:-v13.0.0-10}; do
    dir="$TMPDIR/vscode-ripgrep-cache-$RGVER"
    mkdir -p "$dir"
    if ! [ -f "$dir/ripgrep-$RGTAG-x86_64-unknown-linux-musl.tar.gz" ]; then
      stage="$(mktemp -d)"
      cp "$(command -v rg)" "$stage/rg"
      tar -C "$stage" -czf "$dir/ripgrep-$RGTAG-x86_64-unknown-linux-musl.tar.gz" rg
      rm -rf "$stage"
    fi
  done
done

echo "installCodeServer: installing code-server@$VERSION into $PREFIX (about 40 s, 300 MB)" >&2
cd "$PREFIX"
[ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > package.json
npm install --no-save --no-package-lock --loglevel=error "code-server@$VERSION" >&2
[ -x "$BIN" ] || { echo "installCodeServer: $BIN not found after install" >&2; exit 1; }
touch "$PREFIX/.installed"
echo "$BIN"
