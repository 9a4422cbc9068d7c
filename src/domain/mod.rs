//! The pure domain core: rubrics, answers, scoring, rating, quarter roll-up.
//!
//! Plain Rust only (no browser APIs): everything here is tested natively with `cargo test`, and
//! the clock and randomness come in as arguments.

pub mod canonical;
pub mod catalog;
pub mod cell;
pub mod cell_key;
pub mod count;
pub mod date;
pub mod did_key;
pub mod district;
pub mod drafts_backup;
pub mod eddsa_jcs;
pub mod facts;
pub mod key_backup;
pub mod lang;
pub mod light_json;
pub mod meeting;
pub mod paper;
pub mod quarter;
pub mod rating;
pub mod record;
pub mod report;
pub mod result_doc;
pub mod rubric;
pub mod sample;
pub mod scoring;
pub mod slug;
pub mod training;
pub mod verify;
pub mod vietnamese;
