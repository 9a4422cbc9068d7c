//! The verifier's two readers give one verdict: whatever the light path accepts, the full path
//! accepts with the same result, and a valid result, however it is formatted, takes the light
//! path (else the import would pay for both).

mod common;

use chibo::domain::canonical::{canonical_sha256, parse_strict};
use chibo::domain::eddsa_jcs::{sign, ProofOptions};
use chibo::domain::light_json::Light;
use chibo::domain::result_doc::{sign_result, ExportMeta};
use chibo::domain::sample::{sample_cell, sample_key, sample_quarter};
use chibo::domain::verify::{verify_full, verify_light, verify_result};
use proptest::prelude::*;
use serde_json::Value;

fn signed(seed: u64, index: u32) -> Value {
    let r = common::hd42();
    let profile = sample_cell(seed, index);
    let record = sample_quarter(seed, index, &r, common::q4(), &profile);
    let meta = ExportMeta {
        now: "2026-12-28T08:00:00Z".into(),
        uuid_bytes: [index as u8; 16],
        app_version: "0.1.0".into(),
        training: index % 7 == 3,
    };
    sign_result(&r, &record, &profile, &sample_key(seed, index), &meta)
        .expect("sample signs")
        .document
}

/// The same document written another way: every string with its non-ASCII letters as `\u`
/// escapes, and each object's members in reverse order, compact.
fn rewritten(v: &Value) -> String {
    fn write(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
                        c => {
                            let mut units = [0u16; 2];
                            for u in c.encode_utf16(&mut units) {
                                out.push_str(&format!("\\u{u:04X}"));
                            }
                        }
                    }
                }
                out.push('"');
            }
            Value::Array(items) => {
                out.push_str("[ ");
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" ,\n");
                    }
                    write(x, out);
                }
                out.push_str(" ]");
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (k, x)) in members.iter().rev().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(&Value::String(k.clone()), out);
                    out.push_str(" :\t");
                    write(x, out);
                }
                out.push('}');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(v, &mut out);
    out
}

/// Either reader's verdict on `text` is the full reader's.
fn same_verdict(text: &str) {
    let catalog = common::catalog();
    if let Some(light) = verify_light(text, &catalog) {
        assert_eq!(Ok(light), verify_full(text, &catalog), "{text}");
    }
    assert_eq!(
        verify_result(text, &catalog),
        verify_full(text, &catalog),
        "{text}"
    );
}

#[test]
fn valid_results_in_any_formatting_take_the_light_path_with_the_full_paths_result() {
    let catalog = common::catalog();
    for index in 0..40 {
        let doc = signed(5, index);
        let pretty = serde_json::to_string_pretty(&doc).expect("json");
        // As an editor may save it: with a byte order mark first.
        let marked = format!("\u{feff}{pretty}");
        for text in [
            pretty,
            serde_json::to_string(&doc).expect("json"),
            rewritten(&doc),
            marked,
        ] {
            let full = verify_full(&text, &catalog).expect("a sample verifies");
            assert_eq!(verify_light(&text, &catalog), Some(full), "sample {index}");
        }
    }
}

#[test]
fn altered_results_get_the_full_readers_verdict() {
    let doc = signed(5, 1);
    let pretty = serde_json::to_string_pretty(&doc).expect("json");
    let mut cases = vec![
        pretty.replacen("\"present\": ", "\"present\": 1", 1),
        pretty.replacen("\"month\": 10", "\"month\": 10.0", 1),
        pretty.replacen(
            "\"quarter\": ",
            "\"quarter\": \"2026-Q1\", \"quarter\": ",
            1,
        ),
        pretty.replacen(
            "\"training\": false",
            "\"training\": false, \"extra\": 1",
            1,
        ),
        pretty.replacen(
            "\"format\": ",
            "\"formatVersion\": 9007199254740993, \"format\": ",
            1,
        ),
        pretty.replacen("{", "[", 1),
        pretty.replacen("z", "y", 1),
    ];
    // Signed again by the cell's own key over figures that do not add up.
    let mut forged = doc.clone();
    forged.as_object_mut().expect("object").remove("proof");
    forged["credentialSubject"]["meetings"][0]["present"] = serde_json::json!(1);
    let options = ProofOptions {
        created: "2026-12-28T08:00:00Z".into(),
    };
    let forged = sign(&forged, &sample_key(5, 1), &options).expect("signs");
    cases.push(serde_json::to_string(&forged).expect("json"));
    for text in &cases {
        assert_ne!(text, &pretty);
        same_verdict(text);
        assert_eq!(verify_light(text, &common::catalog()), None, "{text}");
    }
}

/// Any JSON value without floats or unsafe integers.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53) + 1..(1i64 << 53)).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-zé\\u{e000}-\\u{e002}\\u{10000}-\\u{10002}\"\\\\\n]{0,4}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                ("[a-zé\\u{e000}-\\u{e002}\\u{10000}-\\u{10002}]{0,3}", inner),
                0..6
            )
            .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn the_light_reader_reads_and_hashes_any_plain_json_as_the_full_reader_does(
        v in json_value()
    ) {
        let pretty = serde_json::to_string_pretty(&v).expect("json");
        for text in [v.to_string(), pretty, rewritten(&v)] {
            let light = Light::parse(&text).expect("plain JSON is taken");
            let full = parse_strict(&text).expect("valid JSON");
            prop_assert_eq!(&light.to_value(), &full);
            prop_assert_eq!(
                light.canonical_sha256(Some("b")),
                canonical_sha256(&full, Some("b")).expect("canonical")
            );
        }
    }
}
