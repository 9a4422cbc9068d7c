//! What the district import's Web Workers call (`public/verify-worker.js`): the domain's
//! `receive` with the shipped rubrics, answering the stored form (workers and the page exchange
//! text).

use std::cell::OnceCell;

use crate::domain::catalog::Catalog;
use crate::domain::district::collection::{receive, receive_too_large, Received};
use crate::storage::envelope::encode;

thread_local! {
    /// Parsed once per worker.
    static CATALOG: OnceCell<Option<Catalog>> = const { OnceCell::new() };
}

/// In the storage envelope: the page stores this very text, without encoding it again.
fn to_json(r: &Received) -> String {
    encode(r).unwrap_or_default()
}

/// Verifies one file's bytes; the `Received` as stored (empty if the rubrics failed to load,
/// which the page treats as "verify it here instead"). Exported to JS by the district's module
/// only (`src/bin/district.rs`), so the cell's page does not carry the verifier.
pub fn chibo_receive(name: &str, bytes: &[u8]) -> String {
    CATALOG.with(|c| {
        c.get_or_init(|| Catalog::shipped().ok())
            .as_ref()
            .map(|cat| to_json(&receive(name, bytes, cat)))
            .unwrap_or_default()
    })
}

/// A file refused unread for its size, in its stored form.
pub fn chibo_receive_too_large(name: &str, size: f64) -> String {
    to_json(&receive_too_large(name, size as u64))
}
