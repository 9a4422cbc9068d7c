// Runs the district import's verification in Web Workers (public/verify-worker.js), one per core
// (at most 4), handing out chunks of files as workers become free. Called only from
// src/ui/district_state.rs, which falls back to verifying on the page if this fails.
const CHUNK = 50;
let pool = null;

function assets() {
  const glue = document.querySelector('link[rel="modulepreload"][href*="chibo-app-"]');
  const wasm = document.querySelector('link[rel="preload"][href$="_bg.wasm"]');
  return glue && wasm ? { glue: glue.href, wasm: wasm.href } : null;
}

/** Whether workers can be used here (a built page that names its wasm). */
export function workers_available() {
  return typeof Worker !== 'undefined' && assets() !== null;
}

/** Resolves to one JSON text per file, in order; calls progress(done) after each chunk. */
export async function verify_in_workers(files, max, progress) {
  const a = assets();
  if (!a) throw new Error('no wasm to load');
  if (!pool) {
    const n = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    const url = new URL('public/verify-worker.js', document.baseURI);
    pool = Array.from({ length: n }, () => new Worker(url, { type: 'module' }));
  }
  const out = new Array(files.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(pool.map((w) => new Promise((resolve, reject) => {
      const take = () => {
        if (next >= files.length) { w.onmessage = null; w.onerror = null; resolve(); return; }
        const start = next;
        next = Math.min(files.length, next + CHUNK);
        w.onmessage = (e) => {
          if (!e.data.ok) { reject(new Error(e.data.error)); return; }
          e.data.out.forEach((text, i) => { out[start + i] = text; });
          done += e.data.out.length;
          progress(done);
          take();
        };
        w.onerror = (e) => reject(new Error(e.message || 'worker failed'));
        w.postMessage({ glue: a.glue, wasm: a.wasm, max, files: files.slice(start, next) });
      };
      take();
    })));
  } catch (err) {
    // A broken pool is thrown away; the next import starts fresh.
    pool.forEach((w) => w.terminate());
    pool = null;
    throw err;
  }
  return out;
}
