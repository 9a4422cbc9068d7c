//! The one storage edge: only this module touches the browser's storage.
//!
//! Every value is wrapped in a versioned envelope ([`envelope`]) under a typed key ([`keys`]).
//! A value that cannot be read is moved to a backup key and reported; it is never overwritten.

pub mod envelope;
pub mod errors;
pub mod keys;

pub use errors::{CollectionError, SaveError, SetAside};

#[cfg(target_arch = "wasm32")]
pub mod collection;
#[cfg(target_arch = "wasm32")]
mod local;
#[cfg(target_arch = "wasm32")]
pub use local::*;
