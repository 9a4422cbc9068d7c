//! The district's received files, in IndexedDB (through `idb.js`), by batch (one per chunk of an
//! import): each file's summary (a [`Received`] in the storage envelope) and, beside them, the
//! bytes of the batch's verified files, read only when someone opens that result.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::Blob;

use super::envelope::{decode, encode};
use super::errors::CollectionError;
use super::keys::Workspace;
use super::local::workspace;
use crate::domain::district::collection::{legacy_file, stored_subject, Outcome, Received};
use crate::domain::result_doc::ResultSubject;

fn db() -> &'static str {
    workspace().database()
}

#[wasm_bindgen(module = "/src/storage/idb.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_add_batch(
        name: &str,
        texts: Array,
        files: Array,
        chunk: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_get_all(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_migrate(
        name: &str,
        legacy_keys: Array,
        texts: Array,
        files: Array,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_get_file(name: &str, batch: f64, index: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(name: &str, pairs: Array) -> Result<JsValue, JsValue>;
}

// Only the cell's page deletes a database (resetting training), and it never opens one: a
// snippet of its own keeps the collection module (idb.js, 2.6 KB gzip) out of its first load.
#[wasm_bindgen(inline_js = r#"
export function idb_delete_database(name) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve(undefined);
    req.onerror = () => reject(req.error);
    // Another tab still has it open: it is deleted once that tab closes it.
    req.onblocked = () => resolve(undefined);
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_delete_database(name: &str) -> Result<JsValue, JsValue>;
}

/// Where a file is stored: its batch's IndexedDB key and its place in the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileKey {
    pub batch: u64,
    pub index: u32,
}

impl FileKey {
    /// File `index` of the batch stored under `batch` (IndexedDB keys reach JS as numbers).
    fn at(batch: f64, index: usize) -> Self {
        Self {
            batch: batch as u64,
            index: index as u32,
        }
    }
}

/// A stored file and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub key: FileKey,
    pub received: Received,
}

/// The files of a new batch, with their keys.
fn stored_batch(batch: f64, received: Vec<Received>) -> Vec<Stored> {
    received
        .into_iter()
        .enumerate()
        .map(|(i, received)| Stored {
            key: FileKey::at(batch, i),
            received,
        })
        .collect()
}

/// A received file, the text its summary is stored as, and the file itself, kept for a verified
/// file only: the chosen `File`, or `true` for "its span in the worker's Blob of the chunk" (see
/// [`add_all`]); stored by the browser, never copied into the module's memory.
pub struct ToStore {
    /// The stored form, as a JS string: a worker's answer goes back to IndexedDB as it came,
    /// without a round trip through the module's memory.
    text: JsValue,
    received: Received,
    file: JsValue,
}

impl ToStore {
    /// Wraps a file verified on the page, with the file. (Encoding a `Received` cannot fail:
    /// every map in it has string keys; if it ever did, the empty text makes [`add_all`] refuse
    /// the chunk rather than store something unreadable.)
    pub fn new(received: Received, file: &Blob) -> Self {
        let text = encode(&received).unwrap_or_default();
        Self::kept(JsValue::from_str(&text), received, file.clone().into())
    }

    /// Takes the stored form a worker made (`worker_api::chibo_receive`) and where the file is
    /// (the `File`, or `true`: in the chunk's Blob), so the page only reads the summary; `None`
    /// if it is not a stored `Received`.
    pub fn from_stored(text: JsValue, file: JsValue) -> Option<Self> {
        let received = decode::<Received>(&text.as_string()?).ok()?;
        Some(Self::kept(text, received, file))
    }

    fn kept(text: JsValue, received: Received, file: JsValue) -> Self {
        let verified = matches!(received.outcome, Outcome::Verified { .. });
        Self {
            text,
            received,
            file: if verified { file } else { JsValue::NULL },
        }
    }

    /// The file, without its stored form.
    pub fn into_received(self) -> Received {
        self.received
    }
}

/// Adds files, as one batch; returns them with their keys. `chunk` is the worker's `{blob,
/// spans}` of these files (or null). On failure the files come back with the message, so the
/// caller can still show them.
pub async fn add_all(
    items: Vec<ToStore>,
    chunk: &JsValue,
) -> Result<Vec<Stored>, (CollectionError, Vec<Received>)> {
    let (texts, files) = (Array::new(), Array::new());
    let mut received = Vec::with_capacity(items.len());
    let mut unencoded = false;
    for item in items {
        unencoded |= item
            .text
            .dyn_ref::<js_sys::JsString>()
            .is_none_or(|t| t.length() == 0);
        texts.push(&item.text);
        files.push(&item.file);
        received.push(item.received);
    }
    let items = received;
    if unencoded {
        return Err((CollectionError::Write, items));
    }
    match idb_add_batch(db(), texts, files, chunk)
        .await
        .ok()
        .and_then(|b| b.as_f64())
    {
        Some(batch) => Ok(stored_batch(batch, items)),
        None => Err((CollectionError::Write, items)),
    }
}

/// Loads every file's summary, moving files stored by the first version (whole results in one
/// store) to the current layout on the way. Values that cannot be read are left in place and
/// counted (never deleted).
pub async fn load_all() -> Result<(Vec<Stored>, usize), CollectionError> {
    let all = Array::from(&idb_get_all(db()).await.map_err(|_| CollectionError::Read)?);
    let (keys, batches) = (Array::from(&all.get(0)), Array::from(&all.get(1)));
    let mut out = Vec::new();
    let mut unreadable = 0;
    for (k, texts) in keys.iter().zip(batches.iter()) {
        let Some(batch) = k.as_f64() else {
            unreadable += 1;
            continue;
        };
        for (i, v) in Array::from(&texts).iter().enumerate() {
            if v.is_null() {
                continue; // deleted
            }
            match v.as_string().map(|s| decode::<Received>(&s)) {
                Some(Ok(received)) => out.push(Stored {
                    key: FileKey::at(batch, i),
                    received,
                }),
                _ => unreadable += 1,
            }
        }
    }
    // A migration that cannot be written leaves the old values where they are, counted as not
    // readable this time, and is tried again at the next opening.
    let (legacy_keys, legacy_values) = (Array::from(&all.get(2)), Array::from(&all.get(3)));
    let (migrated, left) = migrate(&legacy_keys, &legacy_values)
        .await
        .unwrap_or((Vec::new(), legacy_values.length() as usize));
    out.extend(migrated);
    out.sort_by_key(|s| s.key);
    Ok((out, unreadable + left))
}

/// Moves the first version's values that can be read; returns them, and how many could not
/// (those stay where they are).
async fn migrate(keys: &Array, values: &Array) -> Result<(Vec<Stored>, usize), CollectionError> {
    let (old_keys, texts, files) = (Array::new(), Array::new(), Array::new());
    let mut received = Vec::new();
    let mut unreadable = 0;
    for (k, v) in keys.iter().zip(values.iter()) {
        let text = v.as_string().unwrap_or_default();
        let (Ok(r), Ok(value)) = (
            decode::<Received>(&text),
            decode::<serde_json::Value>(&text),
        ) else {
            unreadable += 1;
            continue;
        };
        let Ok(summary) = encode(&r) else {
            unreadable += 1;
            continue;
        };
        let file = legacy_file(&value).map_or(JsValue::NULL, |b| {
            JsValue::from(Uint8Array::from(b.as_slice()).buffer())
        });
        old_keys.push(&k);
        texts.push(&JsValue::from_str(&summary));
        files.push(&file);
        received.push(r);
    }
    if received.is_empty() {
        return Ok((Vec::new(), unreadable));
    }
    let batch = idb_migrate(db(), old_keys, texts, files)
        .await
        .ok()
        .and_then(|b| b.as_f64())
        .ok_or(CollectionError::Write)?;
    Ok((stored_batch(batch, received), unreadable))
}

/// The full result of a stored, verified file.
pub async fn load_subject(key: FileKey) -> Result<ResultSubject, CollectionError> {
    let file = idb_get_file(db(), key.batch as f64, key.index)
        .await
        .map_err(|_| CollectionError::Read)?;
    if !file.is_instance_of::<ArrayBuffer>() {
        return Err(CollectionError::Missing);
    }
    stored_subject(&Uint8Array::new(&file).to_vec()).map_err(|_| CollectionError::Missing)
}

/// Deletes files by key.
pub async fn delete(keys: &[FileKey]) -> Result<(), CollectionError> {
    let arr = Array::new();
    for k in keys {
        arr.push(&Array::of2(
            &JsValue::from_f64(k.batch as f64),
            &JsValue::from(k.index),
        ));
    }
    idb_delete(db(), arr)
        .await
        .map(|_| ())
        .map_err(|_| CollectionError::Delete)
}

/// Deletes the training workspace's whole collection (from the cell's page, which holds no
/// connection to it; a district tab that does keeps it until that tab closes).
pub async fn drop_training() -> Result<(), CollectionError> {
    idb_delete_database(Workspace::Training.database())
        .await
        .map(|_| ())
        .map_err(|_| CollectionError::Delete)
}
