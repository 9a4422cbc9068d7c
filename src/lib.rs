//! Chi bộ self-assessment: a client-only app that scores party-cell meetings against a rubric.
//!
//! [`domain`] is pure Rust and builds everywhere; the browser edge ([`storage`], [`ui`]) is only
//! compiled for `wasm32`, so native tests and tools never pull in the UI stack.

pub mod arena;
pub mod domain;

/// The UI's translations are plain Rust: built natively too, so `cargo test` checks them.
#[cfg(not(target_arch = "wasm32"))]
#[path = "ui/i18n.rs"]
pub mod i18n;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::app::App;
#[cfg(target_arch = "wasm32")]
pub use ui::district_app::DistrictApp;
