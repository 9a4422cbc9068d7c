#!/usr/bin/env bash
# Installs everything `make serve` and `make test` need, from the registries only (crates.io, npm,
# Debian). Idempotent: a second run checks versions and returns in seconds.
# Facts behind the choices: docs/toolchain.md (the team's shared toolchain notes it started from
# are kept outside this repository; nothing here needs them).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly, or trunk tries to
# download one (and fails offline).
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for c in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$c"; then
    say "adding $c"
    rustup component add "$c"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG_VERSION"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes)"
  # Not --locked: its lock pins a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# wasm-split-cli splits the cell page's wasm into the page's module and a lazy chunk
# (scripts/split.py). Its format must match Leptos' wasm_split_helpers in Cargo.lock; the two
# crates are released together, with the same version.
WSPLIT_VERSION=$(awk '/^name = "wasm_split_helpers"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WSPLIT_VERSION:"; then
  say "installing wasm-split-cli $WSPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WSPLIT_VERSION" --features build-binary --locked
fi

npm_ci() { # dir
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}
# wasm-opt from npm's binaryen 132 (Debian's 108 produces a wasm that dies at start-up).
npm_ci tools
# Playwright drives Debian's Chromium; it never downloads a browser.
npm_ci tests/e2e

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium + chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# tests/interop/run.sh makes its own venv: Debian ships venv's pip bootstrap (ensurepip) apart,
# in python3-venv, and without it `python3 -m venv` fails. Checked by importing it, so a Python
# that has it (another distribution's, pyenv's) needs nothing from apt.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  say "installing Debian python3-venv"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WSPLIT_VERSION, $(tools/node_modules/.bin/wasm-opt --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null | head -1)"
