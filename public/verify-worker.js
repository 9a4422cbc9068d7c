// A Web Worker of the district import: verifies result files off the page's thread, with the
// verifier module (`chibo-verify`, src/bin/verify.rs: built for speed, no view code). The page
// sends {glue, wasm} to have the module loaded ahead, then {glue, wasm, max, files, start} for
// each chunk (it may send the next before the answer to the last); the worker answers, in order,
// {ok, out, chunk, start} with, per file in order, the domain's `Received` in its stored form
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

// Warm-up: while the page waits for files, the module verifies a sample result over and over
// (`chibo_warm_up`), so that the engine has optimised the verifier's hot code before the first
// real file; an import's first ~400 files per worker were otherwise verified 2-3x slower. It
// runs in short slices and stops for good when files arrive.
const WARM_ROUNDS = 300;
const WARM_MS = 1500;
const SLICE_MS = 15;
let warm = 'not yet'; // then 'warming', then 'over' (files came, or the rounds are done)
async function warm_up(api) {
  if (warm !== 'not yet' || typeof api.chibo_warm_up !== 'function') return;
  warm = 'warming';
  const end = performance.now() + WARM_MS;
  for (let done = 0; warm === 'warming' && done < WARM_ROUNDS && performance.now() < end;) {
    const slice = performance.now() + SLICE_MS;
    while (done < WARM_ROUNDS && performance.now() < slice) {
      if (!api.chibo_warm_up()) { warm = 'over'; break; }
      done += 1;
    }
    // Lets a message with files in before the next slice.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  warm = 'over';
}

// Reads a chunk's files. It starts as soon as the chunk arrives, while the chunk before is
// verified: the browser's process reads meanwhile, though the bytes reach this thread only
// between chunks (docs/benchmarks.md, session 5: the import is CPU-bound either way). The files
// are not hashed here: only a refused file needs its hash, and the module makes it (session 7).
async function read(files, max) {
  // One read for the whole chunk: each read is a round trip to the browser's process, and one
  // blob made of the chunk's files costs one trip instead of a hundred.
  const small = files.filter((f) => f.size <= max);
  const blob = new Blob(small);
  const all = new Uint8Array(await blob.arrayBuffer());
  let at = 0;
  const spans = files.map((f) => (f.size > max ? null : [at, (at += f.size)]));
  const views = spans.map((s) => (s ? all.subarray(s[0], s[1]) : null));
  return { blob, spans, views };
}

// Chunks are verified one after the other, in the order they came (the page matches answers to
// chunks by that order).
let queue = Promise.resolve();

self.onmessage = (event) => {
  const { glue, wasm, max, files, start } = event.data;
  // A message without files only loads the module ahead of an import (a failure to load shows,
  // and is retried, when files come).
  if (!files) {
    load(glue, wasm).then(warm_up).catch(() => {});
    return;
  }
  // Files come first: a warm-up still going stops (and never starts again).
  warm = 'over';
  const reading = read(files, max);
  reading.catch(() => {}); // Reported in turn, below.
  queue = queue.then(async () => {
    try {
      const api = await load(glue, wasm);
      const { blob, spans, views } = await reading;
      const out = files.map((f, i) => (views[i] === null
        ? api.chibo_receive_too_large(f.name, f.size)
        : api.chibo_receive(f.name, views[i])));
      // The chunk's Blob goes back too: the page stores it as it is, with each kept file's span.
      self.postMessage({ ok: true, out, chunk: { blob, spans }, start });
    } catch (err) {
      self.postMessage({ ok: false, error: String(err), start });
    }
  });
};
