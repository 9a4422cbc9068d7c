// Runs the district import's verification in Web Workers (public/verify-worker.js), one per core
// (at most 4), handing out chunks of files as workers become free; the workers load the verifier
// module named by verify.html. Called only from
// src/ui/district_state.rs, which verifies on the page whatever this does not take care of.
const CHUNK = 100;
// Chunks a worker holds at once: it reads the next while it verifies one (see verify-worker.js).
const AHEAD = 3;
let pool = null;

// The verifier module's files (hashed names) are named by verify.html, a page of its own that
// trunk builds at the "verify" profile; the service worker caches it and them for offline use.
let located = null;
function assets() {
  if (!located) {
    located = fetch(new URL('verify.html', document.baseURI))
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const glue = doc.querySelector('link[rel="modulepreload"][href*="chibo-verify-"]');
        const wasm = doc.querySelector('link[rel="preload"][href$="_bg.wasm"]');
        const abs = (el) => new URL(el.getAttribute('href'), document.baseURI).href;
        return glue && wasm ? { glue: abs(glue), wasm: abs(wasm) } : null;
      })
      .catch(() => null)
      .then((a) => { if (!a) located = null; return a; });
  }
  return located;
}

/** Whether workers can be used here at all (the verifier module is looked for when needed). */
export function workers_available() {
  return typeof Worker !== 'undefined' && typeof DOMParser !== 'undefined';
}

// The pool, with each worker told to load the verifier module at once; resolves to the module's
// files, or null when there is none.
async function ready_pool() {
  const a = await assets();
  if (a && !pool) {
    const n = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    const url = new URL('public/verify-worker.js', document.baseURI);
    pool = Array.from({ length: n }, () => new Worker(url, { type: 'module' }));
    pool.forEach((w) => w.postMessage({ glue: a.glue, wasm: a.wasm }));
  }
  return a;
}

/**
 * Starts the workers and their module ahead of an import (the district page calls it once it
 * has loaded), so the first files are not kept waiting for them; they then warm up. It waits
 * for the page to be idle (at most 2 s): it has just been given a collection to show. Never
 * fails: an import starts them again if this could not.
 */
export function prepare_workers() {
  if (!workers_available()) return;
  const start = () => { ready_pool().catch(() => {}); };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 0);
}

/**
 * Verifies `files` in workers. Each chunk's answers (one stored-form text per file, and the
 * worker's Blob of the chunk with each file's span) are handed to `deliver(start, texts, chunk)`
 * in the files' order, one call at a time (it returns a promise: the page stores the chunk while
 * the workers go on). `progress(done)` follows the verification, at most four times a second.
 * Never rejects: resolves to how many files, from the first, were delivered; after a worker
 * failure the page verifies the rest itself.
 */
export async function verify_in_workers(files, max, progress, deliver) {
  const a = await ready_pool();
  if (!a) return 0;
  // Chunks come back in any order; they are delivered in order, through one promise chain.
  const ready = new Map();
  let delivered = 0;
  let chain = Promise.resolve();
  const flush = () => {
    while (ready.has(delivered)) {
      const start = delivered;
      const [texts, chunk] = ready.get(start);
      ready.delete(start);
      delivered += texts.length;
      chain = chain.then(() => deliver(start, texts, chunk));
    }
  };
  let next = 0;
  let done = 0;
  let shown = 0;
  try {
    await Promise.all(pool.map((w) => new Promise((resolve, reject) => {
      // The [first, end) indices of each chunk this worker holds, in the order sent (it answers
      // in order).
      const held = [];
      const give = () => {
        while (held.length < AHEAD && next < files.length) {
          const start = next;
          next = Math.min(files.length, next + CHUNK);
          held.push([start, next]);
          w.postMessage({ glue: a.glue, wasm: a.wasm, max, files: files.slice(start, next), start });
        }
        if (held.length === 0) { w.onmessage = null; w.onerror = null; resolve(); }
      };
      w.onmessage = (e) => {
        if (!e.data.ok) { reject(new Error(e.data.error)); return; }
        // Each answer names its chunk and has one text per file; one that names none, or another
        // than the oldest held, or has too few or too many texts (a worker script of another
        // version) breaks the pool rather than mislabel files.
        const [start, end] = held.shift() ?? [];
        if (e.data.start !== start || !Array.isArray(e.data.out) || e.data.out.length !== end - start) {
          reject(new Error('answer out of order'));
          return;
        }
        ready.set(start, [e.data.out, e.data.chunk ?? null]);
        flush();
        done += end - start;
        // At most four times a second: each update is a frame to lay out and paint, and at one
        // per chunk they cost the page ~0.6 s of a 5,000-file import.
        const now = performance.now();
        if (now - shown >= 250 || done === files.length) {
          shown = now;
          progress(done);
        }
        give();
      };
      w.onerror = (e) => reject(new Error(e.message || 'worker failed'));
      give();
    })));
  } catch (err) {
    // A broken pool is thrown away; the next import starts fresh. Chunks after a gap are
    // dropped: the page verifies them again.
    pool.forEach((w) => w.terminate());
    pool = null;
  }
  try { await chain; } catch (err) { /* deliver never rejects; nothing more to hand over */ }
  return delivered;
}
