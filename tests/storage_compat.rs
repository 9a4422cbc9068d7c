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

/// Every field path of a JSON value (array positions left out), to compare shapes, not values.
fn field_paths(v: &serde_json::Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, v) in o {
                let path = format!("{at}/{k}");
                out.insert(path.clone());
                field_paths(v, &path, out);
            }
        }
        serde_json::Value::Array(a) => a
            .iter()
            .for_each(|v| field_paths(v, &format!("{at}[]"), out)),
        _ => {}
    }
}

/// The golden draft is what session 1 saved and must never change; what this version saves for a
/// sample quarter has the same fields (besides the ones added later as optional), so the golden
/// keeps testing the format actually written. (It no longer compares values: the sample data's
/// generator changed in session 9.)
#[test]
fn the_golden_draft_has_the_fields_this_version_saves() {
    let r = common::hd42();
    let profile = sample_cell(5, 0);
    let record = sample_quarter(5, 0, &r, common::q4(), &profile);
    let shape = |text: &str| {
        let mut out = std::collections::BTreeSet::new();
        field_paths(&serde_json::from_str(text).expect("json"), "", &mut out);
        out
    };
    let now = shape(&encode(&record).expect("encodes"));
    let old = shape(OLD);
    assert!(
        old.is_subset(&now),
        "{:?}",
        old.difference(&now).collect::<Vec<_>>()
    );
    let added: Vec<_> = now.difference(&old).collect();
    assert!(
        added
            .iter()
            .all(|p| p.starts_with("/data/meetings[]/answers/")),
        "fields saved now but not by session 1 must be optional: {added:?}"
    );
}
