//! The district's received files, in IndexedDB (through `idb.js`), each in the storage envelope.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use super::envelope::{decode, encode};
use super::errors::CollectionError;
use super::keys::Workspace;
use super::local::workspace;
use crate::domain::district::collection::Received;

fn db() -> &'static str {
    workspace().database()
}

#[wasm_bindgen(module = "/src/storage/idb.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_add_all(name: &str, values: Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_get_all(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(name: &str, keys: Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_drop(name: &str) -> Result<JsValue, JsValue>;
}

/// A stored file and its IndexedDB key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub key: u64,
    pub received: Received,
}

/// A received file and the text it is stored as.
pub struct ToStore {
    text: String,
    received: Received,
}

impl ToStore {
    /// Wraps a file verified on the page. (Encoding a `Received` cannot fail: every map in it has
    /// string keys; if it ever did, the empty text makes [`add_all`] refuse the chunk rather than
    /// store something unreadable.)
    pub fn new(received: Received) -> Self {
        Self {
            text: encode(&received).unwrap_or_default(),
            received,
        }
    }

    /// Takes the stored form a worker made (`worker_api::chibo_receive`), so the page only reads
    /// it; `None` if it is not a stored `Received`.
    pub fn from_stored(text: String) -> Option<Self> {
        let received = decode::<Received>(&text).ok()?;
        Some(Self { text, received })
    }

    /// The file, without its stored form.
    pub fn into_received(self) -> Received {
        self.received
    }
}

/// Adds files; returns them with their keys. On failure the files come back with the message,
/// so the caller can still show them.
pub async fn add_all(items: Vec<ToStore>) -> Result<Vec<Stored>, (CollectionError, Vec<Received>)> {
    let values = Array::new();
    let mut received = Vec::with_capacity(items.len());
    let mut unencoded = false;
    for item in items {
        unencoded |= item.text.is_empty();
        values.push(&JsValue::from_str(&item.text));
        received.push(item.received);
    }
    let items = received;
    if unencoded {
        return Err((CollectionError::Write, items));
    }
    let keys = match idb_add_all(db(), values).await {
        Ok(k) => k,
        Err(_) => return Err((CollectionError::Write, items)),
    };
    let keys: Vec<u64> = Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_f64())
        .map(|k| k as u64)
        .collect();
    if keys.len() != items.len() {
        return Err((CollectionError::Write, items));
    }
    Ok(keys
        .into_iter()
        .zip(items)
        .map(|(key, received)| Stored { key, received })
        .collect())
}

/// Loads every file. Values that cannot be read are left in place and counted (never deleted).
pub async fn load_all() -> Result<(Vec<Stored>, usize), CollectionError> {
    let pair = Array::from(&idb_get_all(db()).await.map_err(|_| CollectionError::Read)?);
    let (keys, values) = (Array::from(&pair.get(0)), Array::from(&pair.get(1)));
    let mut out = Vec::with_capacity(values.length() as usize);
    let mut unreadable = 0;
    for (k, v) in keys.iter().zip(values.iter()) {
        match (k.as_f64(), v.as_string().map(|s| decode::<Received>(&s))) {
            (Some(key), Some(Ok(received))) => out.push(Stored {
                key: key as u64,
                received,
            }),
            _ => unreadable += 1,
        }
    }
    Ok((out, unreadable))
}

/// Deletes files by key.
pub async fn delete(keys: &[u64]) -> Result<(), CollectionError> {
    let arr = Array::new();
    for k in keys {
        arr.push(&JsValue::from_f64(*k as f64));
    }
    idb_delete(db(), arr)
        .await
        .map(|_| ())
        .map_err(|_| CollectionError::Delete)
}

/// Deletes the training workspace's whole collection.
pub async fn drop_training() -> Result<(), CollectionError> {
    idb_drop(Workspace::Training.database())
        .await
        .map(|_| ())
        .map_err(|_| CollectionError::Delete)
}
