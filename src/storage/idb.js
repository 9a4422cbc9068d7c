// The district collection in IndexedDB (localStorage's ~5 MB cannot hold thousands of results).
// Called only from src/storage/collection.rs. Each workspace has its own database (name passed
// in): training data never mixes with real.
//
// Version 2 (2026-12) stores files by batch, one batch per chunk of an import: in `batches`, the
// chunk's file summaries (an array of the versioned envelopes of `Received`, ~1 KB each, all read
// when the page opens; null where a file was deleted); in `files`, under the same key, the
// chunk's verified files as one Blob with each file's span (read only when someone opens a
// result). IndexedDB costs ~0.1 ms per record whatever its size, so 5,000 files in 100 records
// instead of 10,000 saved about a second of a 5,000-file import (docs/benchmarks.md).
// Version 1 kept one store, `received`, with the whole result in each value; `idb_migrate` moves
// its values over (converted by Rust) and the store stays, empty.
const LEGACY = 'received';
const BATCHES = 'batches';
const FILES = 'files';
const VERSION = 2;

// One connection per database, kept open: opening one per call cost ~1.5 ms each, a few hundred
// times per import. It is closed when another tab upgrades or deletes the database.
const connections = new Map();

function open(DB) {
  if (!connections.has(DB)) {
    connections.set(DB, new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(BATCHES)) db.createObjectStore(BATCHES, { autoIncrement: true });
        if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => { db.close(); connections.delete(DB); };
        resolve(db);
      };
      req.onerror = () => { connections.delete(DB); reject(req.error); };
    }));
  }
  return connections.get(DB);
}

function done(tx, value) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(value());
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

// Adds one batch in `tx`: summaries, and the files kept (one Blob for the batch, each file's
// span in it). `files[i]` is a File or other Blob, an ArrayBuffer, `true` for "its span in
// `chunk`" ({blob, spans}: the Blob a worker read the chunk from, stored as it is), or null for
// a file not kept. Chosen files are stored by the browser itself, never copied through this
// page. Returns a function giving the batch's key once the transaction is done.
function addBatch(tx, texts, files, chunk) {
  let blob = null;
  let spans;
  if (chunk && files.every((f) => !f || f === true)) {
    blob = chunk.blob;
    spans = Array.from(files, (f, i) => (f ? chunk.spans[i] : null));
  } else {
    const parts = [];
    let at = 0;
    spans = Array.from(files, (f, i) => {
      const part = f === true ? chunk.blob.slice(...chunk.spans[i]) : f;
      if (!part) return null;
      const size = part.size ?? part.byteLength;
      parts.push(part);
      at += size;
      return [at - size, at];
    });
    if (parts.length > 0) blob = new Blob(parts);
  }
  let key = null;
  tx.objectStore(BATCHES).add(Array.from(texts)).onsuccess = (e) => {
    key = e.target.result;
    if (blob && spans.some((x) => x)) tx.objectStore(FILES).put({ blob, spans }, key);
  };
  return () => key;
}

/** Adds one batch of summaries with their files (see `addBatch`); resolves to the batch's key. */
export async function idb_add_batch(name, texts, files, chunk) {
  const db = await open(name);
  // Relaxed: the commit does not wait for the disk to confirm (an import writes a hundred
  // batches); what a power cut could lose, the district still has as files.
  const tx = db.transaction([BATCHES, FILES], 'readwrite', { durability: 'relaxed' });
  return done(tx, addBatch(tx, texts, files, chunk));
}

/** Resolves to [batchKeys, batches (arrays of summaries), legacyKeys, legacyValues]. */
export async function idb_get_all(name) {
  const db = await open(name);
  const names = [BATCHES];
  const legacy = db.objectStoreNames.contains(LEGACY);
  if (legacy) names.push(LEGACY);
  const tx = db.transaction(names, 'readonly');
  const out = [[], [], [], []];
  const read = (store, k, v) => {
    const s = tx.objectStore(store);
    s.getAllKeys().onsuccess = (e) => { out[k] = e.target.result; };
    s.getAll().onsuccess = (e) => { out[v] = e.target.result; };
  };
  read(BATCHES, 0, 1);
  if (legacy) read(LEGACY, 2, 3);
  return done(tx, () => out);
}

/** Moves version-1 values into one new batch and deletes them, in one transaction. */
export async function idb_migrate(name, legacyKeys, texts, files) {
  const db = await open(name);
  const tx = db.transaction([BATCHES, FILES, LEGACY], 'readwrite');
  const key = addBatch(tx, texts, files, null);
  const legacy = tx.objectStore(LEGACY);
  for (const k of legacyKeys) legacy.delete(k);
  return done(tx, key);
}

/** Resolves to the bytes of file `index` of a batch (an ArrayBuffer), or null. */
export async function idb_get_file(name, batch, index) {
  const db = await open(name);
  const tx = db.transaction(FILES, 'readonly');
  let part = null;
  tx.objectStore(FILES).get(batch).onsuccess = (e) => {
    const span = e.target.result?.spans?.[index];
    if (span && e.target.result.blob instanceof Blob) part = e.target.result.blob.slice(span[0], span[1]);
  };
  const blob = await done(tx, () => part);
  return blob ? blob.arrayBuffer() : null;
}

/**
 * Deletes files, given as [batch, index] pairs: their summaries become null; a batch with
 * nothing left is deleted with its files.
 */
export async function idb_delete(name, pairs) {
  const db = await open(name);
  const tx = db.transaction([BATCHES, FILES], 'readwrite');
  const batches = tx.objectStore(BATCHES);
  const byBatch = new Map();
  for (const [b, i] of pairs) {
    if (!byBatch.has(b)) byBatch.set(b, []);
    byBatch.get(b).push(i);
  }
  for (const [b, indexes] of byBatch) {
    batches.get(b).onsuccess = (e) => {
      const texts = e.target.result;
      if (!Array.isArray(texts)) return;
      for (const i of indexes) texts[i] = null;
      if (texts.every((t) => t === null)) {
        batches.delete(b);
        tx.objectStore(FILES).delete(b);
      } else {
        batches.put(texts, b);
      }
    };
  }
  return done(tx, () => undefined);
}

// Deleting a whole database (the training workspace's, on reset) is not here: only the cell's
// page does it, and that page never opens a collection, so it needs none of this module
// (`drop_training` in collection.rs).
