// A Web Worker of the district import: verifies result files off the page's thread, with the
// app's own wasm module (the same, already cached files; its entry point does nothing without a
// page). The page sends {glue, wasm, max, files}; the worker answers {ok, out} with one JSON
// text per file (the domain's `Received`), in order, or {ok: false, error}.
let api = null;

self.onmessage = async (event) => {
  const { glue, wasm, max, files } = event.data;
  try {
    if (!api) {
      const m = await import(glue);
      await m.default({ module_or_path: wasm });
      api = m;
    }
    // Read the whole chunk at once (each read is a round trip to the browser), then verify.
    const buffers = await Promise.all(files.map((f) => (f.size > max ? null : f.arrayBuffer())));
    const out = files.map((f, i) => (buffers[i] === null
      ? api.chibo_receive_too_large(f.name, f.size)
      : api.chibo_receive(f.name, new Uint8Array(buffers[i]))));
    self.postMessage({ ok: true, out });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err) });
  }
};
