// A Web Worker of the district import: verifies result files off the page's thread, with the
// verifier module (`chibo-verify`, src/bin/verify.rs: built for speed, no view code). The page
// sends {glue, wasm, max, files}; the worker answers {ok, out} with, per file in order, the
// domain's `Received` in its stored form (JSON text), or {ok: false, error}.
let api = null;

const hex = (digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

self.onmessage = async (event) => {
  const { glue, wasm, max, files } = event.data;
  try {
    if (!api) {
      const m = await import(glue);
      await m.default({ module_or_path: wasm });
      api = m;
    }
    // One read for the whole chunk: each read is a round trip to the browser's process, and
    // one blob made of the chunk's files costs one trip instead of fifty.
    const small = files.filter((f) => f.size <= max);
    const all = new Uint8Array(await new Blob(small).arrayBuffer());
    let at = 0;
    const views = files.map((f) => {
      if (f.size > max) return null;
      at += f.size;
      return all.subarray(at - f.size, at);
    });
    // Each file's SHA-256 (for dedupe) from the browser's own code: several times faster than
    // hashing in wasm. Without it (a page not served over https), the module hashes.
    const hashes = await Promise.all(views.map((v) => (v && self.crypto?.subtle
      ? crypto.subtle.digest('SHA-256', v).then(hex, () => '')
      : '')));
    const out = files.map((f, i) => (views[i] === null
      ? api.chibo_receive_too_large(f.name, f.size)
      : api.chibo_receive(f.name, views[i], hashes[i])));
    self.postMessage({ ok: true, out });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err) });
  }
};
