//! Drafts saved by earlier versions still open: stored values are versioned, and a field added
//! later (here `lastExport`, session 2) is optional, so an older draft reads without migration.

mod common;

use chibo::domain::record::QuarterRecord;
use chibo::domain::sample::{sample_cell, sample_quarter};
use chibo::storage::envelope::{decode, encode};

const OLD: &str = include_str!("golden/quarter-record.session1.json");

#[test]
fn a_draft_saved_before_last_export_existed_still_opens() {
    let record: QuarterRecord = decode(OLD).expect("an older draft decodes");
    assert!(record.last_export.is_none());
    assert_eq!(record.meetings.len(), 3);
    // Written back, it is the same text (nothing lost, nothing added).
    assert_eq!(encode(&record).expect("encodes"), OLD.trim_end());
}

#[test]
fn the_golden_draft_is_what_the_sample_quarter_saves() {
    let r = common::hd42();
    let profile = sample_cell(5, 0);
    let mut record = sample_quarter(5, 0, &r, common::q4(), &profile);
    record.meetings.retain(|m| m.id <= 3);
    let text = encode(&record).expect("encodes");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/golden/quarter-record.session1.json"
            ),
            format!("{text}\n"),
        )
        .expect("write golden");
    }
    assert_eq!(text, OLD.trim_end());
}
