//! Signed export and verification: round trip, formatting freedom, tampering, and the golden
//! example file `docs/examples/result.signed.json`.

mod common;

use chibo::domain::eddsa_jcs::{sign, to_pretty, ProofOptions};
use chibo::domain::result_doc::{sign_result, ExportError, ExportMeta, SignError};
use chibo::domain::sample::{sample_cell, sample_key, sample_quarter};
use chibo::domain::verify::{verify_result, VerifyError};
use ed25519_dalek::SigningKey;
use serde_json::{json, Value};

const SEED: u64 = 2026;

fn export(training: bool) -> (Value, SigningKey, String) {
    let r = common::hd42();
    let profile = sample_cell(SEED, 0);
    let record = sample_quarter(SEED, 0, &r, common::q4(), &profile);
    let key = sample_key(SEED, 0);
    let meta = ExportMeta {
        now: "2026-12-28T08:00:00Z".into(),
        uuid_bytes: [0x5a; 16],
        app_version: "0.1.0".into(),
        training,
    };
    let e = sign_result(&r, &record, &profile, &key, &meta).unwrap();
    (e.document, key, e.file_name)
}

fn check(doc: &Value) -> Result<chibo::domain::verify::VerifiedResult, VerifyError> {
    verify_result(&to_pretty(doc), &common::catalog())
}

/// Changes one value and signs again with the same key, to reach the checks after the signature.
fn resign(doc: &Value, key: &SigningKey, edit: impl FnOnce(&mut Value)) -> Value {
    let mut d = doc.clone();
    d.as_object_mut().unwrap().remove("proof");
    edit(&mut d);
    sign(
        &d,
        key,
        &ProofOptions {
            created: "2026-12-28T08:00:00Z".into(),
        },
    )
    .unwrap()
}

#[test]
fn an_exported_result_verifies_and_names_its_cell_and_key() {
    let (doc, key, name) = export(false);
    let v = check(&doc).unwrap();
    assert_eq!(v.subject.cell.name, "Chi bộ Trường Tiểu học Thạch Bàn số 1");
    assert_eq!(
        name,
        "tu-danh-gia_chi-bo-truong-tieu-hoc-thach-ban-so-1_2026-Q4.json"
    );
    assert_eq!(v.public_key, key.verifying_key().to_bytes());
    assert!(!v.subject.training);
    assert!(v.id.starts_with("urn:uuid:"));
}

#[test]
fn the_result_holds_only_integers_strings_and_booleans_and_no_secretary_name() {
    let (doc, _, _) = export(false);
    fn walk(v: &Value) {
        match v {
            Value::Number(n) => assert!(n.is_u64() || n.is_i64(), "float {n}"),
            Value::Array(a) => a.iter().for_each(walk),
            Value::Object(o) => o.values().for_each(walk),
            _ => {}
        }
    }
    walk(&doc);
    assert!(doc["credentialSubject"]["cell"].get("secretary").is_none());
}

#[test]
fn the_same_file_reindented_and_with_keys_reordered_still_verifies() {
    let (doc, _, _) = export(false);
    let compact = serde_json::to_string(&doc).unwrap();
    assert!(verify_result(&compact, &common::catalog()).is_ok());
    // Reverse the order of every object's keys.
    fn reverse(v: &Value) -> Value {
        match v {
            Value::Object(o) => Value::Object(
                o.iter()
                    .rev()
                    .map(|(k, v)| (k.clone(), reverse(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(reverse).collect()),
            other => other.clone(),
        }
    }
    let reordered = serde_json::to_string_pretty(&reverse(&doc))
        .unwrap()
        .replace("  ", "\t");
    assert!(reordered.find("\"proof\"").unwrap() < reordered.find("\"@context\"").unwrap());
    assert!(verify_result(&reordered, &common::catalog()).is_ok());
}

#[test]
fn changing_any_single_signed_value_breaks_the_signature() {
    let (doc, _, _) = export(false);
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a number",
            Box::new(|d| d["credentialSubject"]["meetings"][0]["present"] = json!(1)),
        ),
        (
            "a string",
            Box::new(|d| d["credentialSubject"]["cell"]["name"] = json!("Chi bộ khác")),
        ),
        (
            "a rating",
            Box::new(|d| d["credentialSubject"]["quarterResult"]["rating"] = json!("kem")),
        ),
        (
            "the rubric hash",
            Box::new(|d| d["credentialSubject"]["rubric"]["sha256"] = json!("00")),
        ),
        (
            "the training flag",
            Box::new(|d| d["credentialSubject"]["training"] = json!(true)),
        ),
        (
            "the date",
            Box::new(|d| d["validFrom"] = json!("2027-01-01T00:00:00Z")),
        ),
        (
            "the proof time",
            Box::new(|d| d["proof"]["created"] = json!("2027-01-01T00:00:00Z")),
        ),
    ];
    for (what, edit) in edits {
        let mut d = doc.clone();
        edit(&mut d);
        assert_ne!(d, doc, "{what} changed");
        assert_eq!(check(&d).unwrap_err(), VerifyError::BadSignature, "{what}");
    }
}

#[test]
fn changing_the_did_is_caught_as_a_key_problem() {
    let (doc, _, _) = export(false);
    let other = chibo::domain::did_key::did_key(&sample_key(SEED, 1).verifying_key().to_bytes());
    let mut d = doc.clone();
    d["issuer"] = json!(other);
    assert_eq!(check(&d).unwrap_err(), VerifyError::IssuerMismatch);
    let mut d = doc.clone();
    d["issuer"] = json!(other.clone());
    d["proof"]["verificationMethod"] = json!(format!("{other}#{}", &other[8..]));
    assert_eq!(check(&d).unwrap_err(), VerifyError::BadSignature);
    let mut d = doc;
    d["proof"]["verificationMethod"] = json!("did:key:zBAD#zBAD");
    assert!(matches!(check(&d).unwrap_err(), VerifyError::BadKey(_)));
}

#[test]
fn a_wrong_proof_type_or_suite_or_a_missing_proof_is_a_format_error() {
    let (doc, _, _) = export(false);
    let mut d = doc.clone();
    d["proof"]["cryptosuite"] = json!("ecdsa-jcs-2019");
    assert_eq!(check(&d).unwrap_err().code(), "bad_proof_format");
    let mut d = doc.clone();
    d["proof"]["type"] = json!("Ed25519Signature2020");
    assert_eq!(check(&d).unwrap_err().code(), "bad_proof_format");
    let mut d = doc.clone();
    d.as_object_mut().unwrap().remove("proof");
    assert_eq!(check(&d).unwrap_err().code(), "bad_proof_format");
    let mut d = doc.clone();
    d["proof"] = json!([d["proof"].clone(), d["proof"].clone()]);
    assert_eq!(check(&d).unwrap_err().code(), "bad_proof_format");
    assert_eq!(
        verify_result("{not json", &common::catalog()).unwrap_err(),
        VerifyError::NotJson
    );
}

#[test]
fn a_validly_signed_file_with_wrong_content_fails_at_the_right_later_step() {
    let (doc, key, _) = export(false);
    let unknown = resign(&doc, &key, |d| {
        d["credentialSubject"]["rubric"]["id"] = json!("tinh-x-2030")
    });
    assert!(matches!(
        check(&unknown).unwrap_err(),
        VerifyError::UnknownRubric { .. }
    ));

    let hash = resign(&doc, &key, |d| {
        d["credentialSubject"]["rubric"]["sha256"] = json!("ab".repeat(32))
    });
    assert!(matches!(
        check(&hash).unwrap_err(),
        VerifyError::RubricHashMismatch { .. }
    ));

    let score = resign(&doc, &key, |d| {
        let s = d["credentialSubject"]["meetings"][0]["score"]
            .as_u64()
            .unwrap();
        d["credentialSubject"]["meetings"][0]["score"] = json!(s - 1);
    });
    let err = check(&score).unwrap_err();
    assert!(
        matches!(&err, VerifyError::Mismatch(m) if m.to_string().contains("meetings[0].score")),
        "{err}"
    );

    let rating = resign(&doc, &key, |d| {
        d["credentialSubject"]["quarterResult"]["rating"] = json!("kem")
    });
    assert!(
        matches!(check(&rating).unwrap_err(), VerifyError::Mismatch(m) if m.to_string().contains("quarterResult"))
    );

    let facts = resign(&doc, &key, |d| {
        d["credentialSubject"]["meetings"][0]["present"] = json!(0)
    });
    assert_eq!(check(&facts).unwrap_err().code(), "mismatch");

    let unknown_field = resign(&doc, &key, |d| {
        d["credentialSubject"]["memberNames"] = json!(["A"])
    });
    assert_eq!(check(&unknown_field).unwrap_err().code(), "not_a_result");

    let float = resign(&doc, &key, |d| {
        d["credentialSubject"]["meetings"][0]["present"] = json!(12.5)
    });
    assert_eq!(check(&float).unwrap_err().code(), "unsafe_number");

    let big = resign(&doc, &key, |d| {
        d["credentialSubject"]["formatVersion"] = json!(1u64 << 60)
    });
    assert_eq!(check(&big).unwrap_err().code(), "unsafe_number");
}

#[test]
fn an_incomplete_quarter_cannot_be_exported() {
    let r = common::hd42();
    let profile = sample_cell(SEED, 0);
    let mut record = sample_quarter(SEED, 0, &r, common::q4(), &profile);
    record.meetings[0].complete = false;
    let meta = ExportMeta {
        now: "x".into(),
        uuid_bytes: [0; 16],
        app_version: "0".into(),
        training: false,
    };
    assert_eq!(
        sign_result(&r, &record, &profile, &sample_key(SEED, 0), &meta).unwrap_err(),
        SignError::NotReady(ExportError::SheetsIncomplete(1))
    );
}

/// `docs/examples/result.signed.json` is a real export made by this code (regenerate with
/// `UPDATE_GOLDEN=1 cargo test --test result_export`), and it verifies.
#[test]
fn the_documented_example_is_a_current_export_and_verifies() {
    let (doc, _, _) = export(false);
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/result.signed.json");
    let text = to_pretty(&doc) + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(committed, text, "regenerate with UPDATE_GOLDEN=1");
    assert!(verify_result(&committed, &common::catalog()).is_ok());
}
