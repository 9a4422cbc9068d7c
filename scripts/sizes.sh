#!/usr/bin/env bash
# Prints the built app's sizes (raw and gzip -9) as Markdown tables, one per page, for the README.
# Each page loads its own wasm module and JS glue, and both share the CSS and the service worker.
# The cell page's rarely used panels come from a wasm chunk and its loader (src/ui/lazy_panel.rs),
# fetched once the page has drawn the sheet: in the total, and left out of the line "before the
# sheet is usable".
set -euo pipefail
cd "$(dirname "$0")/../dist"
page() { # title html module [more files]
  printf '\n%s\n\n| file | raw | gzip -9 |\n|---|---:|---:|\n' "$1"
  local total_raw=0 total_gz=0 later_raw=0 later_gz=0 f raw gz
  for f in "$3"-*_bg.wasm "$3"-*.js ${4:-} sw.js *.css "$2"; do
    [ -f "$f" ] || continue
    raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    if [[ $f == cell_extras-* ]]; then later_raw=$((later_raw + raw)); later_gz=$((later_gz + gz)); fi
    printf '| `%s` | %d B | %d B |\n' "$(echo "$f" | sed -E 's/-[0-9a-f]{8,16}(_bg\.wasm|\.js|\.css)$/-…\1/')" "$raw" "$gz"
  done
  printf '| **total** | %d B | %d B |\n' "$total_raw" "$total_gz"
  if [ "$later_gz" -gt 0 ]; then
    printf '| of which before the sheet is usable (all but the chunk) | %d B | %d B |\n' \
      "$((total_raw - later_raw))" "$((total_gz - later_gz))"
  fi
}
page "Cell page (\`index.html\`, what a secretary downloads):" index.html chibo-app "cell_extras-*_bg.wasm __wasm_split-*.js"
page "District page (\`district.html\`):" district.html chibo-district
page "The district import's verifier (\`verify.html\`, loaded by the import's Web Workers, built for speed):" verify.html chibo-verify
