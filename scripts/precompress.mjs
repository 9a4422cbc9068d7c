// `make build`, last step: writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) next
// to every text or wasm file of the build, so that a static host can send them as they are
// (nginx `brotli_static on; gzip_static on;`, Caddy `file_server { precompressed br gzip }`,
// and tests/e2e/serve.mjs here) instead of compressing on the fly at a lower level or not at
// all. A secretary on a weak connection then downloads ~350 KB (brotli) instead of ~450 KB
// (gzip) on a first visit (docs/benchmarks.md). Usage: node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const COMPRESSIBLE = /\.(?:wasm|js|mjs|css|html|svg|json|webmanifest)$/;

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.test(name)) yield p;
  }
}

let raw = 0;
let br = 0;
let count = 0;
for (const p of files(dir)) {
  const body = readFileSync(p);
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: p.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${p}.br`, b);
  writeFileSync(`${p}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  br += b.length;
  count += 1;
}
console.log(`precompress: ${count} files in ${dir}, ${raw} B raw, ${br} B as brotli`);
