//! District collection: the key registry, received files and their statuses, and the quarter's
//! aggregate table. Pure Rust, shared by the app and `chibo aggregate`.

pub mod aggregate;
pub mod archive;
pub mod collection;
pub mod csv;
pub mod digest;
pub mod registry;
