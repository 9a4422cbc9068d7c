//! Hostile input: a corpus of bad result files, each refused (or flagged) with the right reason,
//! never a panic. The corpus is also written to `target/hostile-corpus/` for the browser test
//! (`tests/e2e/specs/hostile.spec.mjs`) and as seeds for `make fuzz`.

mod common;

use chibo::domain::eddsa_jcs::{sign, to_pretty, ProofOptions};
use chibo::domain::result_doc::{sign_result, ExportMeta};
use chibo::domain::sample::{sample_cell, sample_key, sample_quarter};
use chibo::domain::verify::{verify_full, verify_light, verify_result, MAX_RESULT_BYTES};
use serde_json::{json, Value};

const SEED: u64 = 99;

fn valid() -> Value {
    let r = common::hd42();
    let profile = sample_cell(SEED, 0);
    let record = sample_quarter(SEED, 0, &r, common::q4(), &profile);
    let meta = ExportMeta {
        now: "2026-12-28T08:00:00Z".into(),
        uuid_bytes: [3; 16],
        app_version: "0.1.0".into(),
        training: false,
    };
    sign_result(&r, &record, &profile, &sample_key(SEED, 0), &meta)
        .expect("sample signs")
        .document
}

/// Edits a document and signs it again with the cell's own key (a valid signature over bad
/// content, as a forger holding the key could make).
fn resigned(edit: impl FnOnce(&mut Value)) -> String {
    let mut d = valid();
    d.as_object_mut().expect("object").remove("proof");
    edit(&mut d);
    let signed = sign(
        &d,
        &sample_key(SEED, 0),
        &ProofOptions {
            created: "2026-12-28T08:00:00Z".into(),
        },
    )
    .expect("signs");
    to_pretty(&signed)
}

fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut d = valid();
    edit(&mut d);
    to_pretty(&d)
}

/// Every string in a JSON value replaced by `f(old)`.
fn map_strings(v: &mut Value, f: &dyn Fn(&str) -> String) {
    match v {
        Value::String(s) => *s = f(s),
        Value::Array(a) => a.iter_mut().for_each(|x| map_strings(x, f)),
        Value::Object(o) => o.iter_mut().for_each(|(_, x)| map_strings(x, f)),
        _ => {}
    }
}

const HTML: &str = "<img src=x onerror=\"document.body.dataset.pwned=1\"><script>document.body.dataset.pwned=1</script>";

/// (file name, contents, expected verification code or "ok")
fn corpus() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = to_pretty(&valid());
    let did = valid()["issuer"].as_str().unwrap_or_default().to_string();
    let mut c: Vec<(&'static str, Vec<u8>, &'static str)> = vec![
        ("00-valid.json", good.clone().into_bytes(), "ok"),
        (
            "01-tampered-number.json",
            edited(|d| {
                let p = &mut d["credentialSubject"]["meetings"][0]["present"];
                *p = json!(p.as_u64().unwrap_or(0) + 1);
            })
            .into_bytes(),
            "bad_signature",
        ),
        (
            "02-tampered-rating.json",
            // Whatever the sample's rating is, another one (a same-value edit is no tampering).
            edited(|d| {
                let rating = &mut d["credentialSubject"]["quarterResult"]["rating"];
                *rating = json!(if *rating == json!("kem") {
                    "tot"
                } else {
                    "kem"
                });
            })
            .into_bytes(),
            "bad_signature",
        ),
        (
            "03-proof-removed.json",
            edited(|d| {
                d.as_object_mut().map(|o| o.remove("proof"));
            })
            .into_bytes(),
            "bad_proof_format",
        ),
        (
            "04-proof-duplicated.json",
            edited(|d| d["proof"] = json!([d["proof"].clone(), d["proof"].clone()])).into_bytes(),
            "bad_proof_format",
        ),
        (
            "05-wrong-suite.json",
            edited(|d| d["proof"]["cryptosuite"] = json!("eddsa-rdfc-2022")).into_bytes(),
            "bad_proof_format",
        ),
        (
            "06-bad-base58.json",
            edited(|d| d["proof"]["proofValue"] = json!("z0OIl0OIl0OIl")).into_bytes(),
            "bad_signature",
        ),
        (
            "07-wrong-key-length.json",
            edited(|d| {
                // A did:key whose multibase holds 31 bytes instead of 32.
                let short = format!(
                    "z{}",
                    bs58::encode([&[0xed, 0x01][..], &[7u8; 31]].concat()).into_string()
                );
                let vm = format!("did:key:{short}#{short}");
                d["proof"]["verificationMethod"] = json!(vm);
                d["issuer"] = json!(format!("did:key:{short}"));
            })
            .into_bytes(),
            "bad_key",
        ),
        (
            "08-not-json.json",
            "Biên bản họp chi bộ tháng 10".as_bytes().to_vec(),
            "not_json",
        ),
        (
            "09-truncated.json",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "not_json",
        ),
        (
            "10-deeply-nested.json",
            ("[".repeat(100_000) + &"]".repeat(100_000)).into_bytes(),
            "not_json",
        ),
        (
            "11-duplicate-keys.json",
            good.replacen(
                "\"quarter\": ",
                "\"quarter\": \"2026-Q1\",\n  \"quarter\": ",
                1,
            )
            .into_bytes(),
            "duplicate_key",
        ),
        (
            "12-float.json",
            resigned(|d| d["credentialSubject"]["meetings"][0]["present"] = json!(20.5))
                .into_bytes(),
            "unsafe_number",
        ),
        (
            "13-beyond-2-53.json",
            resigned(|d| {
                d["credentialSubject"]["meetings"][0]["present"] = json!(9_007_199_254_740_993u64)
            })
            .into_bytes(),
            "unsafe_number",
        ),
        (
            "14-lone-surrogate.json",
            good.replacen("\"Chi bộ", "\"\\ud800Chi bộ", 1).into_bytes(),
            "not_json",
        ),
        (
            "15-unknown-rubric.json",
            resigned(|d| d["credentialSubject"]["rubric"]["id"] = json!("khong-co")).into_bytes(),
            "unknown_rubric",
        ),
        (
            "16-rubric-hash-mismatch.json",
            resigned(|d| d["credentialSubject"]["rubric"]["sha256"] = json!("0".repeat(64)))
                .into_bytes(),
            "rubric_hash_mismatch",
        ),
        (
            "17-points-do-not-match-facts.json",
            resigned(|d| {
                let p = &mut d["credentialSubject"]["meetings"][0]["items"][0]["points"];
                *p = json!(if p.as_u64() == Some(5) { 4 } else { 5 });
            })
            .into_bytes(),
            "mismatch",
        ),
        (
            "18-html-in-every-string.json",
            resigned(|d| {
                // Another export (its own id), so it is not a duplicate of 00-valid.
                d["id"] = json!("urn:uuid:18181818-1818-4818-9818-181818181818");
                let subject = &mut d["credentialSubject"];
                for path in [["cell", "name"], ["cell", "parentCommittee"]] {
                    subject[path[0]][path[1]] = json!(format!(
                        "{HTML} {}",
                        subject[path[0]][path[1]].as_str().unwrap_or("")
                    ));
                }
                map_strings(&mut subject["narrative"], &|s| format!("{HTML}{s}"));
            })
            .into_bytes(),
            "ok",
        ),
        (
            "19-html-everywhere-unsigned.json",
            edited(|d| map_strings(d, &|s| format!("{HTML}{s}"))).into_bytes(),
            "bad_proof_format",
        ),
        (
            "20-issuer-not-signer.json",
            edited(|d| d["issuer"] = json!(did.replace("z6Mk", "z6Mm"))).into_bytes(),
            "issuer_mismatch",
        ),
    ];
    let mut big = good.into_bytes();
    big.resize(50 * 1024 * 1024, b' ');
    c.push(("21-fifty-megabytes.json", big, "too_large"));
    c
}

#[test]
fn the_light_reader_gives_every_hostile_file_the_full_readers_verdict() {
    let catalog = common::catalog();
    let mut light_taken = 0;
    for (name, bytes, _) in corpus() {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let full = verify_full(text, &catalog);
        if let Some(light) = verify_light(text, &catalog) {
            assert_eq!(Ok(light), full, "{name}");
            light_taken += 1;
        }
        assert_eq!(verify_result(text, &catalog), full, "{name}");
    }
    // The valid ones (the HTML-in-every-field result among them) take the light path.
    assert!(light_taken >= 2, "{light_taken}");
}

#[test]
fn every_hostile_file_is_refused_with_its_reason_and_nothing_panics() {
    let catalog = common::catalog();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/hostile-corpus");
    std::fs::create_dir_all(&out).expect("corpus dir");
    for (name, bytes, expected) in corpus() {
        let got = match std::str::from_utf8(&bytes) {
            Err(_) => "not_json",
            Ok(text) => match verify_result(text, &catalog) {
                Ok(_) => "ok",
                Err(e) => e.code(),
            },
        };
        assert_eq!(got, expected, "{name}");
        std::fs::write(out.join(name), &bytes).expect("write corpus file");
    }
}

#[test]
fn html_in_a_signed_file_is_kept_as_text() {
    let catalog = common::catalog();
    let (_, bytes, _) = corpus()
        .into_iter()
        .find(|(n, _, _)| n.starts_with("18-"))
        .expect("case 18");
    let v = verify_result(std::str::from_utf8(&bytes).expect("utf8"), &catalog).expect("verifies");
    assert!(v.subject.cell.name.starts_with(HTML));
}

#[test]
fn the_size_limit_is_checked_before_parsing() {
    let text = " ".repeat(MAX_RESULT_BYTES + 1);
    let e = verify_result(&text, &common::catalog()).expect_err("too large");
    assert_eq!(e.code(), "too_large");
}
