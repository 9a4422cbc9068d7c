//! District collection: every status, dedupe and supersede rules, and the aggregate numbers.

mod common;

use chibo::domain::did_key::did_key;
use chibo::domain::district::aggregate::{aggregate, review_key, table_csv, Review, Reviews};
use chibo::domain::district::collection::{classify, receive, Received, Status};
use chibo::domain::district::registry::{Registry, RegistryEntry};
use chibo::domain::eddsa_jcs::{sign, to_pretty, ProofOptions};
use chibo::domain::rating::Rating;
use chibo::domain::result_doc::{sign_result, ExportMeta};
use chibo::domain::sample::{sample_cell, sample_key, sample_quarter};
use chibo::domain::verify::verify_result;
use serde_json::{json, Value};

const SEED: u64 = 44;

fn export(i: u32, training: bool, now: &str, uuid: u8) -> Value {
    let r = common::hd42();
    let profile = sample_cell(SEED, i);
    let record = sample_quarter(SEED, i, &r, common::q4(), &profile);
    let meta = ExportMeta {
        now: now.into(),
        uuid_bytes: [uuid; 16],
        app_version: "0.1.0".into(),
        training,
    };
    sign_result(&r, &record, &profile, &sample_key(SEED, i), &meta)
        .unwrap()
        .document
}

fn resign(doc: &Value, i: u32, edit: impl FnOnce(&mut Value)) -> Value {
    let mut d = doc.clone();
    d.as_object_mut().unwrap().remove("proof");
    edit(&mut d);
    sign(
        &d,
        &sample_key(SEED, i),
        &ProofOptions {
            created: "2026-12-20T00:00:00Z".into(),
        },
    )
    .unwrap()
}

fn entry(i: u32, name: &str) -> RegistryEntry {
    RegistryEntry {
        cell_name: name.into(),
        did: did_key(&sample_key(SEED, i).verifying_key().to_bytes()),
        valid_from: "2026-01-01".into(),
    }
}

fn registry(cells: &[u32]) -> Registry {
    let mut reg = Registry::default();
    for &i in cells {
        reg.upsert(entry(i, &sample_cell(SEED, i).name)).unwrap();
    }
    reg
}

struct Collection {
    files: Vec<(&'static str, Vec<u8>)>,
}

impl Collection {
    fn add(&mut self, name: &'static str, doc: &Value) {
        self.files.push((name, to_pretty(doc).into_bytes()));
    }
    fn receive(&self) -> Vec<Received> {
        let c = common::catalog();
        self.files.iter().map(|(n, b)| receive(n, b, &c)).collect()
    }
}

/// Points a result lost over its meetings, from its full subject.
fn points_lost(s: &chibo::domain::result_doc::ResultSubject) -> u32 {
    s.meetings.iter().map(|m| m.max_points - m.points).sum()
}

fn build() -> (Vec<Received>, Registry) {
    let (c, reg) = build_files();
    (c.receive(), reg)
}

fn build_files() -> (Collection, Registry) {
    let mut c = Collection { files: Vec::new() };
    for i in 0..4 {
        c.add(
            ["v0", "v1", "v2", "v3"][i as usize],
            &export(i, false, "2026-12-20T08:00:00Z", i as u8),
        );
    }
    let mut tampered = export(4, false, "2026-12-20T08:00:00Z", 4);
    tampered["credentialSubject"]["meetings"][0]["present"] = json!(1);
    c.add("tampered", &tampered);
    c.add("unregistered", &export(5, false, "2026-12-20T08:00:00Z", 5));
    c.add("other-cell", &export(6, false, "2026-12-20T08:00:00Z", 6));
    let base7 = export(7, false, "2026-12-20T08:00:00Z", 7);
    c.add(
        "rubric",
        &resign(&base7, 7, |d| {
            d["credentialSubject"]["rubric"]["id"] = json!("tinh-x-2030")
        }),
    );
    c.add(
        "mismatch",
        &resign(&base7, 7, |d| {
            d["credentialSubject"]["quarterResult"]["averageTenths"] = json!(1)
        }),
    );
    c.add("training", &export(8, true, "2026-12-20T08:00:00Z", 8));
    c.files.push(("duplicate", c.files[0].1.clone()));
    c.add("newer-v1", &export(1, false, "2026-12-25T08:00:00Z", 0x71));
    c.files.push(("notes.json", b"ghi chu".to_vec()));
    c.files.push(("huge.json", vec![b' '; 3 * 1024 * 1024]));
    let mut reg = registry(&[0, 1, 2, 3, 4, 7, 9]);
    reg.upsert(entry(6, "Chi bộ khác hẳn")).unwrap();
    (c, reg)
}

#[test]
fn every_file_gets_its_status_with_a_reason() {
    let (received, reg) = build();
    let statuses: Vec<(String, Status)> = received
        .iter()
        .zip(classify(&received, &reg))
        .map(|(r, c)| (r.file_name.clone(), c.status))
        .collect();
    let expect = [
        ("v0", Status::Valid),
        ("v1", Status::Superseded),
        ("v2", Status::Valid),
        ("v3", Status::Valid),
        ("tampered", Status::BadSignature),
        ("unregistered", Status::UnregisteredKey),
        ("other-cell", Status::KeyCellMismatch),
        ("rubric", Status::RubricProblem),
        ("mismatch", Status::Mismatch),
        ("training", Status::Training),
        ("duplicate", Status::Duplicate),
        ("newer-v1", Status::Valid),
        ("notes.json", Status::Unreadable),
        ("huge.json", Status::Unreadable),
    ];
    let expect: Vec<(String, Status)> = expect.iter().map(|(n, s)| (n.to_string(), *s)).collect();
    assert_eq!(statuses, expect);
    let classified = classify(&received, &reg);
    assert!(classified[1].detail.contains("newer-v1"));
    assert!(classified[6].detail.contains("Chi bộ khác hẳn"));
    assert!(classified
        .iter()
        .filter(|c| c.status != Status::Valid)
        .all(|c| !c.detail.is_empty()));
}

#[test]
fn a_key_used_before_its_valid_from_date_is_not_accepted() {
    let (received, mut reg) = build();
    let mut e = entry(0, &sample_cell(SEED, 0).name);
    e.valid_from = "2027-01-01".into();
    reg.upsert(e).unwrap();
    let c = classify(&received, &reg);
    assert_eq!(c[0].status, Status::UnregisteredKey);
    assert!(c[0].detail.contains("2027-01-01"));
}

#[test]
fn registering_a_key_later_changes_the_status_without_reverifying() {
    let (received, mut reg) = build();
    reg.upsert(entry(5, &sample_cell(SEED, 5).name)).unwrap();
    assert_eq!(classify(&received, &reg)[5].status, Status::Valid);
}

#[test]
fn the_newest_file_of_a_cell_counts_whatever_the_order_received() {
    let (mut received, reg) = build();
    received.reverse();
    let c = classify(&received, &reg);
    let status_of =
        |name: &str| c[received.iter().position(|r| r.file_name == name).unwrap()].status;
    assert_eq!(status_of("newer-v1"), Status::Valid);
    assert_eq!(status_of("v1"), Status::Superseded);
    // Reversed, the copy comes first and the original is the duplicate.
    assert_eq!(status_of("duplicate"), Status::Valid);
    assert_eq!(status_of("v0"), Status::Duplicate);
}

#[test]
fn the_aggregate_counts_only_valid_files_and_lists_missing_cells() {
    let (received, reg) = build();
    let classified = classify(&received, &reg);
    let mut reviews = Reviews::new();
    let v0 = sample_cell(SEED, 0).name;
    reviews.insert(
        review_key(&v0, common::q4()),
        Review {
            rating: Some(Rating::Kha),
            note: "Cần nâng chất lượng thảo luận".into(),
        },
    );
    let t = aggregate(
        &received,
        &classified,
        &reg,
        &reviews,
        &common::catalog(),
        common::q4(),
    );
    assert_eq!(t.rows.len(), 4, "v0, v2, v3 and the newer v1");
    let names: Vec<&str> = t.rows.iter().map(|r| r.file_name.as_str()).collect();
    assert!(names.contains(&"newer-v1") && !names.contains(&"v1"));
    assert_eq!(t.distribution.iter().map(|d| d.1).sum::<u32>(), 4);
    // Cells 4 (tampered), 6 (registered under another name), 7 (bad files) and 9 (nothing sent).
    let mut missing: Vec<String> = t.missing.iter().map(|m| m.cell_name.clone()).collect();
    missing.sort();
    let mut expected = vec![
        sample_cell(SEED, 4).name,
        "Chi bộ khác hẳn".to_string(),
        sample_cell(SEED, 7).name,
        sample_cell(SEED, 9).name,
    ];
    expected.sort();
    assert_eq!(missing, expected);
    let count = |s: Status| t.status_counts.iter().find(|x| x.0 == s).unwrap().1;
    assert_eq!(
        (
            count(Status::Valid),
            count(Status::Superseded),
            count(Status::Unreadable)
        ),
        (4, 1, 2)
    );
    // Losses add up over the counted meetings.
    let lost: u32 = t.losses.iter().map(|l| l.lost).sum();
    // Worked out again from the files' full results, not from the digests the table reads.
    let (files, _) = build_files();
    let expected_lost: u32 = t
        .rows
        .iter()
        .map(|row| {
            let text = std::str::from_utf8(&files.files[row.index].1).unwrap();
            points_lost(&verify_result(text, &common::catalog()).unwrap().subject)
        })
        .sum();
    assert_eq!(lost, expected_lost);
    assert!(t.losses.windows(2).all(|w| w[0].lost >= w[1].lost));

    let csv = table_csv(&t);
    assert!(csv.starts_with(
        "\u{feff}Chi bộ,Loại hình,Đảng bộ cấp trên,Quý,Số buổi,Điểm bình quân,Tự xếp loại"
    ));
    assert_eq!(csv.matches("\r\n").count(), 1 + 4 + 4);
    assert!(csv.contains("Cần nâng chất lượng thảo luận"));
    assert!(csv.contains("Chưa nộp"));
}

#[test]
fn files_of_another_quarter_are_left_out_of_the_table() {
    let (received, reg) = build();
    let c = classify(&received, &reg);
    let q3 = chibo::domain::quarter::QuarterId::new(2026, 3).unwrap();
    let t = aggregate(&received, &c, &reg, &Reviews::new(), &common::catalog(), q3);
    assert!(t.rows.is_empty());
    assert_eq!(t.missing.len(), reg.entries.len());
}

#[test]
fn a_file_from_another_key_that_reuses_a_cells_id_cannot_push_out_the_real_file() {
    let real = export(1, false, "2026-12-28T08:00:00Z", 7);
    // An attacker copies the real id (it is printed on the paper) into a file of their own key,
    // and gets it imported first.
    let id = real["id"].clone();
    let forged = resign(&export(2, false, "2026-12-28T08:00:00Z", 9), 2, |d| {
        d["id"] = id;
    });
    let c = common::catalog();
    let received: Vec<Received> = [("forged.json", &forged), ("real.json", &real)]
        .iter()
        .map(|(n, d)| receive(n, to_pretty(d).as_bytes(), &c))
        .collect();
    let statuses: Vec<Status> = classify(&received, &registry(&[1]))
        .iter()
        .map(|x| x.status)
        .collect();
    assert_eq!(statuses, vec![Status::UnregisteredKey, Status::Valid]);
}

#[test]
fn the_district_csv_neutralises_formula_like_text() {
    let mut doc = export(3, false, "2026-12-28T08:00:00Z", 5);
    let name = sample_cell(SEED, 3).name;
    doc = resign(&doc, 3, |d| {
        d["credentialSubject"]["cell"]["parentCommittee"] =
            json!("=HYPERLINK(\"http://x\",\"bấm\")");
    });
    let c = common::catalog();
    let received = vec![receive("f.json", to_pretty(&doc).as_bytes(), &c)];
    let reg = registry(&[3]);
    let cl = classify(&received, &reg);
    assert_eq!(cl[0].status, Status::Valid, "{}", cl[0].detail);
    let t = aggregate(&received, &cl, &reg, &Reviews::default(), &c, common::q4());
    let csv = table_csv(&t);
    assert!(csv.contains(&name));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\""),
        "{csv}"
    );
}

#[test]
fn two_different_oversized_files_are_both_too_large_not_duplicates() {
    use chibo::domain::district::collection::receive_too_large;
    let received = vec![
        receive_too_large("a.json", 50_000_000),
        receive_too_large("b.json", 60_000_000),
    ];
    let statuses: Vec<Status> = classify(&received, &Registry::default())
        .iter()
        .map(|x| x.status)
        .collect();
    assert_eq!(statuses, vec![Status::Unreadable, Status::Unreadable]);
}

#[test]
fn a_refused_file_is_known_again_by_its_bytes_and_a_verified_one_by_its_signer_and_id() {
    use chibo::domain::district::collection::Reason;
    use chibo::storage::envelope::encode;
    let c = common::catalog();
    let doc = export(0, false, "2026-12-20T08:00:00Z", 0);
    let pretty = to_pretty(&doc);
    let compact = serde_json::to_string(&doc).unwrap();
    let received = vec![
        receive("bad.json", b"ghi chu", &c),
        receive("bad-again.json", b"ghi chu", &c),
        receive("other-bad.json", b"ghi chu khac", &c),
        receive("v0.json", pretty.as_bytes(), &c),
        receive("v0-compact.json", compact.as_bytes(), &c),
    ];
    // Only refused files are hashed: the import does not hash thousands of good files.
    assert_eq!(received[0].sha256.len(), 64);
    assert_eq!(received[0].sha256, received[1].sha256);
    assert_ne!(received[0].sha256, received[2].sha256);
    assert!(received[3].sha256.is_empty());
    let stored: Value = serde_json::from_str(&encode(&received[3]).unwrap()).unwrap();
    assert_eq!(stored["data"]["fileName"], json!("v0.json"));
    assert!(stored["data"].get("sha256").is_none());
    let classified = classify(&received, &registry(&[0]));
    let got: Vec<(Status, &Reason)> = classified.iter().map(|x| (x.status, &x.reason)).collect();
    assert_eq!(got[0].0, Status::Unreadable);
    assert_eq!(got[1], (Status::Duplicate, &Reason::SameBytes));
    assert_eq!(got[2].0, Status::Unreadable);
    assert_eq!(got[3].0, Status::Valid);
    // Other bytes, the same signed result: the same file again.
    assert_eq!(got[4], (Status::Duplicate, &Reason::SameId));
}

#[test]
fn every_received_file_reads_back_from_its_storage_envelope_unchanged() {
    use chibo::storage::envelope::{decode, encode};
    let (files, _) = build();
    assert!(files.iter().any(|f| matches!(
        f.outcome,
        chibo::domain::district::collection::Outcome::Verified { .. }
    )));
    for f in &files {
        let back: Received = decode(&encode(f).unwrap()).unwrap();
        assert_eq!(&back, f, "{}", f.file_name);
    }
}

#[test]
fn a_file_stored_before_digests_reads_back_with_its_digest_and_its_full_result() {
    use chibo::domain::district::collection::{legacy_file, stored_subject, Outcome};
    use chibo::domain::district::digest::ResultDigest;
    let bytes = to_pretty(&export(0, false, "2026-12-20T08:00:00Z", 0)).into_bytes();
    let v = verify_result(std::str::from_utf8(&bytes).unwrap(), &common::catalog()).unwrap();
    // The file itself, as the app stores it now, gives its full result back.
    assert_eq!(stored_subject(&bytes).unwrap(), v.subject);
    // Also when an editor saved it with a byte order mark first.
    let marked = [&[0xef, 0xbb, 0xbf][..], &bytes].concat();
    let received = receive("marked.json", &marked, &common::catalog());
    assert!(
        matches!(received.outcome, Outcome::Verified { .. }),
        "{received:?}"
    );
    assert_eq!(stored_subject(&marked).unwrap(), v.subject);
    // The first stored format kept the whole subject in the summary.
    let legacy = json!({
        "fileName": "v0", "sha256": "00",
        "outcome": {
            "kind": "verified", "id": v.id, "issuer": v.issuer,
            "fingerprint": v.fingerprint, "created": v.created, "subject": v.subject,
        },
    });
    let r: Received = serde_json::from_value(legacy.clone()).unwrap();
    let Outcome::Verified { digest, .. } = &r.outcome else {
        panic!("not verified: {r:?}");
    };
    assert_eq!(**digest, ResultDigest::of(&v.subject));
    assert_eq!(digest.cell_name, v.subject.cell.name);
    let lost: u32 = digest.losses.iter().map(|l| l.lost).sum();
    assert_eq!(lost, points_lost(&v.subject));
    let stand_in = legacy_file(&legacy).unwrap();
    assert_eq!(stored_subject(&stand_in).unwrap(), v.subject);
    // A rejected file keeps no file.
    assert!(legacy_file(&json!({"outcome": {"kind": "rejected"}})).is_none());
    // What the app writes now reads back the same.
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains("\"subject\""), "{text}");
    assert_eq!(serde_json::from_str::<Received>(&text).unwrap(), r);
}

/// The import's workers warm up by verifying `docs/examples/result.signed.json` over and over
/// (`ui::worker_api::warm_up_round`): it must be received as a verified result with the shipped
/// rubrics, or the warm-up stops at once and warms nothing.
#[test]
fn the_workers_warm_up_sample_is_received_as_verified() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/result.signed.json");
    let bytes = std::fs::read(path).unwrap();
    let r = receive("warm-up.json", &bytes, &common::catalog());
    assert!(
        matches!(
            r.outcome,
            chibo::domain::district::collection::Outcome::Verified { .. }
        ),
        "{:?}",
        r.outcome
    );
}

#[test]
fn a_valid_from_date_written_loosely_is_kept_in_full_and_compared_as_a_date() {
    let (received, mut reg) = build();
    let mut e = entry(0, &sample_cell(SEED, 0).name);
    e.valid_from = " 2026-7-1".into();
    reg.upsert(e).unwrap();
    let kept = reg
        .entries
        .iter()
        .find(|x| x.did == entry(0, "").did)
        .unwrap();
    assert_eq!(kept.valid_from, "2026-07-01");
    // Signed 2026-12-20, after 1 July: accepted ("2026-12-20" < "2026-7-1" as text).
    assert_eq!(classify(&received, &reg)[0].status, Status::Valid);
}

#[test]
fn a_cell_whose_key_is_valid_only_after_the_quarter_is_not_listed_as_missing() {
    let (received, mut reg) = build();
    let late = RegistryEntry {
        valid_from: "2027-01-01".into(),
        ..entry(30, "Chi bộ mới thành lập")
    };
    let from_last_day = RegistryEntry {
        valid_from: "2026-12-31".into(),
        ..entry(31, "Chi bộ có khóa từ cuối quý")
    };
    reg.upsert(late).unwrap();
    reg.upsert(from_last_day).unwrap();
    let classified = classify(&received, &reg);
    let c = common::catalog();
    let table = aggregate(
        &received,
        &classified,
        &reg,
        &Reviews::new(),
        &c,
        common::q4(),
    );
    let missing: Vec<&str> = table.missing.iter().map(|e| e.cell_name.as_str()).collect();
    assert!(!missing.contains(&"Chi bộ mới thành lập"));
    assert!(missing.contains(&"Chi bộ có khóa từ cuối quý"));
}

#[test]
fn files_that_could_not_be_read_are_each_unreadable_not_duplicates_of_one_another() {
    let c = common::catalog();
    let received = vec![receive("a.json", b"", &c), receive("b.json", b"", &c)];
    let statuses: Vec<Status> = classify(&received, &Registry::default())
        .iter()
        .map(|x| x.status)
        .collect();
    assert_eq!(statuses, vec![Status::Unreadable, Status::Unreadable]);
    // The same empty file received twice is still one file.
    let again = vec![receive("a.json", b"", &c), receive("a.json", b"", &c)];
    let statuses: Vec<Status> = classify(&again, &Registry::default())
        .iter()
        .map(|x| x.status)
        .collect();
    assert_eq!(statuses, vec![Status::Unreadable, Status::Duplicate]);
}
