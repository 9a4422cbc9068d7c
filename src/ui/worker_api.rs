//! What the district import's Web Workers call (`public/verify-worker.js`): the domain's
//! `receive` with the shipped rubrics, answering the stored form (workers and the page exchange
//! text).

use std::cell::OnceCell;

use crate::domain::catalog::Catalog;
use crate::domain::district::collection::{receive, receive_too_large, Outcome, Received};
use crate::storage::envelope::encode;

thread_local! {
    /// Parsed once per worker.
    static CATALOG: OnceCell<Option<Catalog>> = const { OnceCell::new() };
}

/// In the storage envelope: the page stores this very text, without encoding it again.
fn to_json(r: &Received) -> String {
    encode(r).unwrap_or_default()
}

/// Runs `f` with the shipped rubrics, parsed on first use (`None` if they failed to load).
fn with_catalog<R>(f: impl FnOnce(&Catalog) -> R) -> Option<R> {
    CATALOG.with(|c| c.get_or_init(|| Catalog::shipped().ok()).as_ref().map(f))
}

/// Parses the shipped rubrics now (the worker module calls this before each arena scope, so the
/// catalog, which lives on, is never allocated inside one).
pub fn warm_up() {
    with_catalog(|_| ());
}

/// A real signed result: the documented example, which a test keeps a current, verifying
/// export (`tests/result_export.rs`).
const WARM_UP_SAMPLE: &str = include_str!("../../docs/examples/result.signed.json");

/// Verifies the documented example once and forgets the answer; whether it verified. The
/// workers run this while the page waits for files: the engine first runs wasm with a baseline
/// compiler and optimises each function only once it is hot, and an import's first 400 files
/// were verified 2-3x slower than the rest (docs/benchmarks.md, session 5).
pub fn warm_up_round() -> bool {
    with_catalog(|cat| {
        let r = receive("warm-up.json", WARM_UP_SAMPLE.as_bytes(), cat);
        // Encoded as a real answer is, so that code warms up too.
        !to_json(&r).is_empty() && matches!(r.outcome, Outcome::Verified { .. })
    })
    .unwrap_or(false)
}

/// Verifies one file's bytes; the `Received` as stored (empty if the rubrics failed to load,
/// which the page treats as "verify it here instead"). Exported to JS by the verifier module
/// (`src/bin/verify.rs`) only.
pub fn chibo_receive(name: &str, bytes: &[u8]) -> String {
    with_catalog(|cat| to_json(&receive(name, bytes, cat))).unwrap_or_default()
}

/// A file refused unread for its size, in its stored form.
pub fn chibo_receive_too_large(name: &str, size: f64) -> String {
    to_json(&receive_too_large(name, size as u64))
}
