//! Chi bộ self-assessment: a client-only app that scores party-cell meetings against a rubric.
//!
//! [`domain`] is pure Rust and builds everywhere; the browser edge ([`storage`], [`ui`]) is only
//! compiled for `wasm32`, so native tests and tools never pull in the UI stack.

pub mod domain;

pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::app::App;
