#!/usr/bin/env bash
# Prints the built app's sizes (raw and gzip -9) as a Markdown table, for the README.
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '| file | raw | gzip -9 |\n|---|---:|---:|\n'
total_raw=0; total_gz=0
for f in *.wasm *.js *.css index.html; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  kind=${f##*.}; [ "$f" = index.html ] && kind=html
  printf '| %s | %d B | %d B |\n' "$kind" "$raw" "$gz"
done
printf '| **total** | %d B | %d B |\n' "$total_raw" "$total_gz"
