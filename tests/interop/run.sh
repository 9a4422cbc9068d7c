#!/usr/bin/env bash
# Interop: results made by our code verify with an independent implementation (Python), and a
# tampered copy does not. Creates its own venv under target/.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/interop-venv
if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/interop/requirements.txt "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
  cp tests/interop/requirements.txt "$venv/requirements.txt"
fi
out=target/interop-samples
rm -rf "$out"
cargo run --quiet --bin chibo -- sample --count 5 --quarter 2026-Q4 --seed 11 --out "$out" --real
"$venv/bin/python" tests/interop/verify_result.py docs/examples/result.signed.json "$out"/*.json
# A single changed digit must fail the independent check too.
sed 's/"present": \([0-9]\)/"present": 9\1/' docs/examples/result.signed.json > "$out/tampered.json"
# (Checked with an if: under set -e a negated command that fails does not stop the script.)
if cmp -s docs/examples/result.signed.json "$out/tampered.json"; then
  echo "run.sh: the sed above changed nothing: the example has no \"present\" to tamper with" >&2
  exit 1
fi
"$venv/bin/python" tests/interop/verify_result.py --expect-fail "$out/tampered.json"
