// The district collection in IndexedDB (localStorage's ~5 MB cannot hold thousands of results).
// Called only from src/storage/collection.rs. Values are strings (the versioned envelope).
// Each workspace has its own database (name passed in): training data never mixes with real.
const STORE = 'received';
const VERSION = 1;

function open(DB) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx, db, value) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => { db.close(); resolve(value()); };
    tx.onerror = () => { db.close(); reject(tx.error); };
    tx.onabort = () => { db.close(); reject(tx.error); };
  });
}

/** Adds values; resolves to their new keys, in order. */
export async function idb_add_all(name, values) {
  const db = await open(name);
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  const keys = [];
  for (const v of values) store.add(v).onsuccess = (e) => keys.push(e.target.result);
  return done(tx, db, () => keys);
}

/** Resolves to [keys, values]. */
export async function idb_get_all(name) {
  const db = await open(name);
  const tx = db.transaction(STORE, 'readonly');
  const store = tx.objectStore(STORE);
  let keys, values;
  store.getAllKeys().onsuccess = (e) => { keys = e.target.result; };
  store.getAll().onsuccess = (e) => { values = e.target.result; };
  return done(tx, db, () => [keys, values]);
}

/** Deletes the given keys. */
export async function idb_delete(name, keys) {
  const db = await open(name);
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  for (const k of keys) store.delete(k);
  return done(tx, db, () => undefined);
}

/** Deletes a whole database (the training workspace's, on reset). */
export function idb_drop(name) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve(undefined);
    req.onerror = () => reject(req.error);
    // Another tab still has it open: it is deleted once that tab closes it.
    req.onblocked = () => resolve(undefined);
  });
}
