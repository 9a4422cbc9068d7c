// A Web Worker of the district import: verifies result files off the page's thread, with the
// verifier module (`chibo-verify`, src/bin/verify.rs: built for speed, no view code). The page
// sends {glue, wasm} to have the module loaded ahead, then {glue, wasm, max, files}; the worker
// answers {ok, out, chunk} with, per file in order, the domain's `Received` in its stored form
// (JSON text), and the Blob it read the files from with each file's span ({blob, spans}); or
// {ok: false, error}.

// The module, loaded once (on the page's first message; again after a failed load).
let loading = null;
function load(glue, wasm) {
  if (!loading) {
    loading = import(glue).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

const hex = (digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

self.onmessage = async (event) => {
  const { glue, wasm, max, files } = event.data;
  // A message without files only loads the module ahead of an import (a failure to load shows,
  // and is retried, when files come).
  if (!files) {
    load(glue, wasm).catch(() => {});
    return;
  }
  try {
    const api = await load(glue, wasm);
    // One read for the whole chunk: each read is a round trip to the browser's process, and
    // one blob made of the chunk's files costs one trip instead of a hundred.
    const small = files.filter((f) => f.size <= max);
    const blob = new Blob(small);
    const all = new Uint8Array(await blob.arrayBuffer());
    let at = 0;
    const spans = files.map((f) => (f.size > max ? null : [at, (at += f.size)]));
    const views = spans.map((s) => (s ? all.subarray(s[0], s[1]) : null));
    // Each file's SHA-256 (for dedupe) from the browser's own code: several times faster than
    // hashing in wasm. Without it (a page not served over https), the module hashes.
    const hashes = await Promise.all(views.map((v) => (v && self.crypto?.subtle
      ? crypto.subtle.digest('SHA-256', v).then(hex, () => '')
      : '')));
    const out = files.map((f, i) => (views[i] === null
      ? api.chibo_receive_too_large(f.name, f.size)
      : api.chibo_receive(f.name, views[i], hashes[i])));
    // The chunk's Blob goes back too: the page stores it as it is, with each kept file's span.
    self.postMessage({ ok: true, out, chunk: { blob, spans } });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err) });
  }
};
