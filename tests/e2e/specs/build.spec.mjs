// The built files a host serves: precompressed copies (scripts/precompress.mjs) that decode to
// the very bytes of each file, so a host sending them as they are serves the same app.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const DIST = process.env.E2E_DIST ?? '../../dist';

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

test('every text and wasm file of the build has brotli and gzip copies that decode to its bytes', () => {
  const all = [...files(DIST)];
  const originals = all.filter((p) => /\.(?:wasm|js|css|html|svg|webmanifest)$/.test(p));
  expect(originals.some((p) => p.endsWith('_bg.wasm'))).toBe(true);
  for (const p of originals) {
    const body = readFileSync(p);
    expect(brotliDecompressSync(readFileSync(`${p}.br`)).equals(body), `${p}.br`).toBe(true);
    expect(gunzipSync(readFileSync(`${p}.gz`)).equals(body), `${p}.gz`).toBe(true);
  }
});

test('the wasm a browser downloads is brotli-compressed when it asks for it', async ({ page }) => {
  const wasm = page.waitForResponse((r) => /chibo-app-[0-9a-f]+_bg\.wasm$/.test(r.url()));
  await page.goto('/');
  const res = await wasm;
  expect(res.headers()['content-encoding']).toBe('br');
  // Decoded by the browser: the app starts.
  await expect(page.getByTestId('quarter-title')).toBeVisible();
});

test('only the cell page is split: the district page and the verifier carry none of its rarely used panels', () => {
  const all = [...files(DIST)];
  const cell = all.filter((p) => /chibo-app-[0-9a-f]{8,16}_bg\.wasm$/.test(p));
  const others = all.filter((p) => /chibo-(district|verify)-[0-9a-f]{8,16}_bg\.wasm$/.test(p));
  expect(cell.length).toBe(1);
  expect(others.length).toBe(2);
  // The split point's exported name: a library-level split point would be exported (and its
  // panels linked) by every binary, as it once was (the verifier doubled in size).
  expect(readFileSync(cell[0]).includes('cell_extras'), cell[0]).toBe(true);
  for (const p of others) expect(readFileSync(p).includes('cell_extras'), p).toBe(false);
  expect(all.filter((p) => /cell_extras-[0-9a-f]{16}_bg\.wasm$/.test(p)).length).toBe(1);
});
