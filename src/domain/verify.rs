//! Verifying an exported result, in a fixed order; each failure is a distinct error.
//!
//! parse → proof type, suite, context → did:key → signature over the document *as parsed* →
//! typed result (unknown fields rejected) → rubric known and hash matches → every derived value
//! recomputed from the facts and answers.

use serde::Deserialize;
use serde_json::Value;
use thiserror::Error;

use super::catalog::Catalog;
use super::did_key::{decode_did_key, fingerprint, DidKeyError};
use super::eddsa_jcs::{check_proof_shape, verify as verify_proof, verify_prehashed, SuiteError};
use super::lang::Bilingual;
use super::light_json::Light;
use super::result_doc::{
    recompute, ExportError, ResultSubject, CREDENTIAL_TYPE, RESULT_FORMAT, RESULT_FORMAT_VERSION,
    VC_CONTEXT,
};

/// Largest result file accepted (a real one is ~30 KB).
pub const MAX_RESULT_BYTES: usize = 2 * 1024 * 1024;
/// Largest integer a JSON reader in any language keeps exactly.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Why a result file was refused, in the order the checks run.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VerifyError {
    #[error("Tệp quá lớn ({0} byte)")]
    TooLarge(usize),
    #[error("Không đọc được: không phải JSON hợp lệ")]
    NotJson,
    #[error("Không đọc được: {0}")]
    DuplicateKey(String),
    #[error("Sai định dạng chữ ký: {0}")]
    Proof(SuiteError),
    #[error("@context không phải của chứng nhận W3C VC 2.0")]
    BadContext,
    #[error("Khóa ký (did:key) không hợp lệ: {0}")]
    BadKey(DidKeyError),
    #[error("Người ký (issuer) không trùng với khóa đã ký")]
    IssuerMismatch,
    #[error("Chữ ký không hợp lệ: tệp đã bị sửa hoặc không do khóa này ký")]
    BadSignature,
    #[error("Chữ ký đúng nhưng nội dung sai định dạng kết quả: {0}")]
    NotAResult(ShapeProblem),
    #[error("Có số không phải số nguyên an toàn (số thực hoặc vượt 2^53) tại {0}")]
    UnsafeNumber(String),
    #[error("Bộ tiêu chí không xác định: {id} phiên bản {version}")]
    UnknownRubric { id: String, version: u32 },
    #[error("Sai mã băm bộ tiêu chí {id} phiên bản {version}")]
    RubricHashMismatch { id: String, version: u32 },
    #[error("Số liệu không khớp: {0}")]
    Mismatch(Difference),
}

/// How a correctly signed document is not a result of this format.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShapeProblem {
    #[error("type phải gồm VerifiableCredential và ChiBoSelfAssessment")]
    Types,
    #[error("id phải là urn:uuid")]
    Id,
    #[error("trường lạ «{0}»")]
    UnknownField(String),
    /// The subject does not have this format's shape (the reader's own words).
    #[error("{0}")]
    Shape(String),
    #[error("định dạng {format} v{version}")]
    Format { format: String, version: u32 },
}

/// The first value of a result that is not what recomputing it gives.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Difference {
    /// The facts and answers cannot even be recomputed.
    #[error("{0}")]
    Recompute(ExportError),
    #[error("{0}: thiếu")]
    Missing(String),
    #[error("{0}: thừa")]
    Extra(String),
    #[error("{path}: tính lại được {computed}, tệp ghi {file}")]
    Value {
        path: String,
        computed: String,
        file: String,
    },
    /// Different, at no place found (not expected to happen).
    #[error("credentialSubject")]
    Somewhere,
}

impl Bilingual for ShapeProblem {
    fn message_en(&self) -> String {
        match self {
            Self::Types => "type must include VerifiableCredential and ChiBoSelfAssessment".into(),
            Self::Id => "id must be a urn:uuid".into(),
            Self::UnknownField(k) => format!("unknown field «{k}»"),
            Self::Shape(m) => format!("wrong shape: {m}"),
            Self::Format { format, version } => format!("format {format} v{version}"),
        }
    }
}

impl Bilingual for Difference {
    fn message_en(&self) -> String {
        match self {
            Self::Recompute(e) => e.message_en(),
            Self::Missing(p) => format!("{p}: missing"),
            Self::Extra(p) => format!("{p}: not expected"),
            Self::Value {
                path,
                computed,
                file,
            } => format!("{path}: recomputed {computed}, the file says {file}"),
            Self::Somewhere => "credentialSubject (somewhere)".into(),
        }
    }
}

impl Bilingual for VerifyError {
    fn message_en(&self) -> String {
        match self {
            Self::TooLarge(n) => format!("The file is too large ({n} bytes)"),
            Self::NotJson => "Unreadable: not valid JSON".into(),
            Self::DuplicateKey(m) => format!(
                "Unreadable: {}",
                super::canonical::duplicate_key_en(m)
                    .unwrap_or_else(|| "a key appears twice in one object".into())
            ),
            Self::Proof(e) => format!("Wrong signature format: {}", e.message_en()),
            Self::BadContext => "@context is not that of a W3C VC 2.0 credential".into(),
            Self::BadKey(e) => {
                format!("The signing key (did:key) is not valid: {}", e.message_en())
            }
            Self::IssuerMismatch => "The signer (issuer) is not the key that signed".into(),
            Self::BadSignature => {
                "Invalid signature: the file was altered or not signed by this key".into()
            }
            Self::NotAResult(e) => format!(
                "The signature is right but the content is not a result: {}",
                e.message_en()
            ),
            Self::UnsafeNumber(at) => {
                format!("A number is not a safe integer (a decimal, or beyond 2^53) at {at}")
            }
            Self::UnknownRubric { id, version } => {
                format!("Unknown rubric: {id} version {version}")
            }
            Self::RubricHashMismatch { id, version } => {
                format!("Wrong hash for rubric {id} version {version}")
            }
            Self::Mismatch(d) => format!("The figures do not match: {}", d.message_en()),
        }
    }
}

impl VerifyError {
    /// A stable machine code for `--json` output and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge(_) => "too_large",
            Self::NotJson => "not_json",
            Self::DuplicateKey(_) => "duplicate_key",
            Self::Proof(_) => "bad_proof_format",
            Self::BadContext => "bad_context",
            Self::BadKey(_) => "bad_key",
            Self::IssuerMismatch => "issuer_mismatch",
            Self::BadSignature => "bad_signature",
            Self::NotAResult(_) => "not_a_result",
            Self::UnsafeNumber(_) => "unsafe_number",
            Self::UnknownRubric { .. } => "unknown_rubric",
            Self::RubricHashMismatch { .. } => "rubric_hash_mismatch",
            Self::Mismatch(_) => "mismatch",
        }
    }

    /// An English reason for a refusal known only by its [`code`](Self::code) (files received by
    /// a version of the app that kept only the Vietnamese message).
    pub fn code_message_en(code: &str) -> Option<&'static str> {
        Some(match code {
            "too_large" => "The file is too large",
            "not_json" => "Unreadable: not valid JSON",
            "duplicate_key" => "Unreadable: a key appears twice in one object",
            "bad_proof_format" => "Wrong signature format",
            "bad_context" => "@context is not that of a W3C VC 2.0 credential",
            "bad_key" => "The signing key (did:key) is not valid",
            "issuer_mismatch" => "The signer (issuer) is not the key that signed",
            "bad_signature" => "Invalid signature: the file was altered or not signed by this key",
            "not_a_result" => "The signature is right but the content is not a result",
            "unsafe_number" => "A number is not a safe integer (a decimal, or beyond 2^53)",
            "unknown_rubric" => "Unknown rubric",
            "rubric_hash_mismatch" => "Wrong rubric hash",
            "mismatch" => "The figures do not match",
            _ => return None,
        })
    }
}

/// A result that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedResult {
    pub subject: ResultSubject,
    pub issuer: String,
    pub public_key: [u8; 32],
    pub fingerprint: String,
    pub id: String,
    pub created: String,
}

/// Whether any number in `v` is not a safe integer: a walk that builds no paths (it runs on every
/// file; [`unsafe_number`] then names the place, for the few that fail).
fn has_unsafe_number(v: &Value) -> bool {
    match v {
        Value::Number(n) => !is_safe(n),
        Value::Array(a) => a.iter().any(has_unsafe_number),
        Value::Object(o) => o.values().any(has_unsafe_number),
        _ => false,
    }
}

fn is_safe(n: &serde_json::Number) -> bool {
    n.as_u64().is_some_and(|x| x <= MAX_SAFE_INTEGER)
        || n.as_i64()
            .is_some_and(|x| x.unsigned_abs() <= MAX_SAFE_INTEGER)
}

fn unsafe_number(v: &Value, path: &mut String) -> Option<String> {
    match v {
        Value::Number(n) => (!is_safe(n)).then(|| path.clone()),
        Value::Array(a) => a.iter().enumerate().find_map(|(i, x)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let r = unsafe_number(x, path);
            path.truncate(len);
            r
        }),
        Value::Object(o) => o.iter().find_map(|(k, x)| {
            let len = path.len();
            path.push('.');
            path.push_str(k);
            let r = unsafe_number(x, path);
            path.truncate(len);
            r
        }),
        _ => None,
    }
}

/// First differing path between two JSON values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<Difference> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let p = format!("{path}.{k}");
                match y.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(va, vb, &p) {
                            return Some(d);
                        }
                    }
                    None => return Some(Difference::Missing(p)),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| Difference::Extra(format!("{path}.{k}")))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(Difference::Value {
            path: path.to_string(),
            computed: a.to_string(),
            file: b.to_string(),
        }),
    }
}

/// Runs every check on a result file's text.
///
/// Two readers, one verdict: the light reader ([`Light`]) takes the common case, a valid result,
/// in about two thirds of the time natively and 10-20 % less in the import's wasm, where the
/// signature check is a third of the work (docs/benchmarks.md). Anything it does not accept, it
/// leaves to the full reader, which names the problem. The light path returns only what the
/// full path would return: tests/light_json.rs and the fuzz target check that on generated,
/// reformatted and mutated files.
pub fn verify_result(text: &str, catalog: &Catalog) -> Result<VerifiedResult, VerifyError> {
    // Each path refuses a file that is too large itself (both are public).
    match verify_light(text, catalog) {
        Some(verified) => Ok(verified),
        None => verify_full(text, catalog),
    }
}

/// The light path of [`verify_result`]: `Some` only for a result that passes every check.
pub fn verify_light(text: &str, catalog: &Catalog) -> Option<VerifiedResult> {
    if text.len() > MAX_RESULT_BYTES {
        return None;
    }
    let text = without_bom(text);
    let light = Light::parse(text).ok()?;
    let Light::Object(members) = &light else {
        return None;
    };
    let document_hash = light.canonical_sha256(Some("proof"));
    // Every top-level member but the subject, as the full reader holds them: the envelope's
    // checks are the full path's own, run on this small value with the hash computed above.
    let head = Value::Object(
        members
            .iter()
            .filter(|(k, _)| k != "credentialSubject")
            .map(|(k, v)| (k.to_string(), v.to_value()))
            .collect(),
    );
    let envelope = check_envelope(&head, Some(document_hash)).ok()?;
    // The subject typed from the tree, as the full path types it from its value.
    let subject = ResultSubject::deserialize(light.get("credentialSubject")?).ok()?;
    let expected = recomputed(&subject, catalog).ok()?;
    (expected == subject).then(|| envelope.into_verified(subject))
}

/// The full path of [`verify_result`]: every check, each failure named.
pub fn verify_full(text: &str, catalog: &Catalog) -> Result<VerifiedResult, VerifyError> {
    if text.len() > MAX_RESULT_BYTES {
        return Err(VerifyError::TooLarge(text.len()));
    }
    let doc: Value = super::canonical::parse_strict(without_bom(text)).map_err(|e| {
        if super::canonical::duplicate_key_en(&e).is_some() {
            VerifyError::DuplicateKey(e)
        } else {
            VerifyError::NotJson
        }
    })?;
    let envelope = check_envelope(&doc, None)?;
    // Read in place: the subject is most of a 27 KB document.
    let subject_value = doc.get("credentialSubject").unwrap_or(&Value::Null);
    let subject = ResultSubject::deserialize(subject_value)
        .map_err(|e| VerifyError::NotAResult(ShapeProblem::Shape(e.to_string())))?;
    let expected = recomputed(&subject, catalog)?;
    if expected != subject {
        let a = serde_json::to_value(&expected).unwrap_or(Value::Null);
        let d = first_difference(&a, subject_value, "credentialSubject")
            .unwrap_or(Difference::Somewhere);
        return Err(VerifyError::Mismatch(d));
    }
    Ok(envelope.into_verified(subject))
}

/// The text without the byte order mark an editor may have put first (RFC 8259 §8.1 lets a
/// reader ignore it). The signature is over the JSON, which the mark is not part of; and the
/// browser's own `Blob.text()`, which the cell page's check uses, drops it too, so the CLI, the
/// import and that check agree on such a file.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// What the checks around the subject establish.
struct Envelope {
    issuer: String,
    public_key: [u8; 32],
    id: String,
    created: String,
}

impl Envelope {
    fn into_verified(self, subject: ResultSubject) -> VerifiedResult {
        VerifiedResult {
            fingerprint: fingerprint(&self.public_key),
            subject,
            issuer: self.issuer,
            public_key: self.public_key,
            id: self.id,
            created: self.created,
        }
    }
}

/// The proof, the key, the signature, then the document's shape around its subject. The
/// signature is over `doc` without its proof, or over `document_hash` when the caller hashed the
/// document itself (then `doc` may leave out the subject).
fn check_envelope(doc: &Value, document_hash: Option<[u8; 32]>) -> Result<Envelope, VerifyError> {
    let proof = check_proof_shape(doc).map_err(VerifyError::Proof)?;
    if doc
        .get("@context")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .and_then(Value::as_str)
        != Some(VC_CONTEXT)
    {
        return Err(VerifyError::BadContext);
    }
    let vm = proof
        .get("verificationMethod")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let public_key = decode_did_key(vm).map_err(VerifyError::BadKey)?;
    let issuer = doc
        .get("issuer")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if decode_did_key(&issuer).ok() != Some(public_key) || issuer.contains('#') {
        return Err(VerifyError::IssuerMismatch);
    }
    let verified = match document_hash {
        Some(hash) => verify_prehashed(doc, hash),
        None => verify_proof(doc),
    }
    .map_err(|e| match e {
        SuiteError::BadSignature | SuiteError::BadProofValue => VerifyError::BadSignature,
        SuiteError::BadKey(k) => VerifyError::BadKey(k),
        other => VerifyError::Proof(other),
    })?;

    // Only now, with a valid signature, is the content read.
    if has_unsafe_number(doc) {
        let path = unsafe_number(doc, &mut String::new()).unwrap_or_default();
        return Err(VerifyError::UnsafeNumber(path));
    }
    let types_ok = doc.get("type").and_then(Value::as_array).is_some_and(|t| {
        t.iter().any(|x| x == "VerifiableCredential") && t.iter().any(|x| x == CREDENTIAL_TYPE)
    });
    if !types_ok {
        return Err(VerifyError::NotAResult(ShapeProblem::Types));
    }
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .filter(|i| i.starts_with("urn:uuid:"));
    let id = id
        .ok_or(VerifyError::NotAResult(ShapeProblem::Id))?
        .to_string();
    let allowed = [
        "@context",
        "type",
        "id",
        "issuer",
        "validFrom",
        "credentialSubject",
        "proof",
    ];
    if let Some(k) = doc
        .as_object()
        .and_then(|o| o.keys().find(|k| !allowed.contains(&k.as_str())))
    {
        return Err(VerifyError::NotAResult(ShapeProblem::UnknownField(
            k.clone(),
        )));
    }
    Ok(Envelope {
        issuer,
        public_key,
        id,
        created: verified.created,
    })
}

/// The subject's format and rubric checked, and every derived value recomputed from its facts
/// and answers (the caller compares).
fn recomputed(subject: &ResultSubject, catalog: &Catalog) -> Result<ResultSubject, VerifyError> {
    if subject.format != RESULT_FORMAT || subject.format_version != RESULT_FORMAT_VERSION {
        return Err(VerifyError::NotAResult(ShapeProblem::Format {
            format: subject.format.clone(),
            version: subject.format_version,
        }));
    }
    let r = &subject.rubric;
    let rubric = match catalog
        .all()
        .iter()
        .find(|x| x.reference().id == r.id && x.reference().version == r.version)
    {
        None => {
            return Err(VerifyError::UnknownRubric {
                id: r.id.clone(),
                version: r.version,
            })
        }
        Some(x) if x.reference().sha256 != r.sha256 => {
            return Err(VerifyError::RubricHashMismatch {
                id: r.id.clone(),
                version: r.version,
            })
        }
        Some(x) => x,
    };
    recompute(rubric, subject).map_err(|e| VerifyError::Mismatch(Difference::Recompute(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::{assert_translated, has_vietnamese_letters};

    #[test]
    fn every_verify_error_has_an_english_message() {
        use VerifyError::*;
        let duplicate = super::super::canonical::parse_strict(r#"{"a":1,"a":2}"#).unwrap_err();
        assert_translated(
            &[
                TooLarge(3_000_000),
                NotJson,
                DuplicateKey(duplicate),
                Proof(SuiteError::NoProof),
                BadContext,
                BadKey(DidKeyError::BadBase58),
                IssuerMismatch,
                BadSignature,
                NotAResult(ShapeProblem::Id),
                UnsafeNumber("credentialSubject.meetings[0].score".into()),
                UnknownRubric {
                    id: "hd99".into(),
                    version: 1,
                },
                RubricHashMismatch {
                    id: "hd42-2025".into(),
                    version: 1,
                },
                Mismatch(Difference::Missing("credentialSubject.meetings".into())),
            ],
            |e| match e {
                TooLarge(_) => 0,
                NotJson => 1,
                DuplicateKey(_) => 2,
                Proof(_) => 3,
                BadContext => 4,
                BadKey(_) => 5,
                IssuerMismatch => 6,
                BadSignature => 7,
                NotAResult(_) => 8,
                UnsafeNumber(_) => 9,
                UnknownRubric { .. } => 10,
                RubricHashMismatch { .. } => 11,
                Mismatch(_) => 12,
            },
        );
        for e in [
            TooLarge(1),
            NotJson,
            Proof(SuiteError::NoProof),
            BadContext,
            BadKey(DidKeyError::BadBase58),
            IssuerMismatch,
            BadSignature,
            NotAResult(ShapeProblem::Id),
            UnsafeNumber(String::new()),
            UnknownRubric {
                id: String::new(),
                version: 1,
            },
            RubricHashMismatch {
                id: String::new(),
                version: 1,
            },
            Mismatch(Difference::Somewhere),
        ] {
            let en = VerifyError::code_message_en(e.code()).unwrap_or_default();
            assert!(!en.is_empty() && !has_vietnamese_letters(en), "{e:?}");
        }
        assert_eq!(VerifyError::code_message_en("unreadable"), None);
    }

    #[test]
    fn every_shape_problem_and_difference_has_an_english_message() {
        use ShapeProblem::*;
        assert_translated(
            &[
                Types,
                Id,
                UnknownField("extra".into()),
                Shape("missing field `cell`".into()),
                Format {
                    format: "other".into(),
                    version: 2,
                },
            ],
            |e| match e {
                Types => 0,
                Id => 1,
                UnknownField(_) => 2,
                Shape(_) => 3,
                Format { .. } => 4,
            },
        );
        assert_translated(
            &[
                Difference::Recompute(ExportError::BadFacts(10)),
                Difference::Missing("credentialSubject.cell".into()),
                Difference::Extra("credentialSubject.extra".into()),
                Difference::Value {
                    path: "credentialSubject.meetings[0].score".into(),
                    computed: "80".into(),
                    file: "85".into(),
                },
                Difference::Somewhere,
            ],
            |d| match d {
                Difference::Recompute(_) => 0,
                Difference::Missing(_) => 1,
                Difference::Extra(_) => 2,
                Difference::Value { .. } => 3,
                Difference::Somewhere => 4,
            },
        );
    }

    #[test]
    fn the_vietnamese_messages_are_the_ones_written_so_far() {
        let d = Difference::Value {
            path: "credentialSubject.meetings[0].score".into(),
            computed: "80".into(),
            file: "85".into(),
        };
        assert_eq!(
            VerifyError::Mismatch(d).to_string(),
            "Số liệu không khớp: credentialSubject.meetings[0].score: tính lại được 80, tệp ghi 85"
        );
        assert_eq!(
            VerifyError::NotAResult(ShapeProblem::UnknownField("x".into())).to_string(),
            "Chữ ký đúng nhưng nội dung sai định dạng kết quả: trường lạ «x»"
        );
        assert_eq!(
            Difference::Missing("credentialSubject.cell".into()).to_string(),
            "credentialSubject.cell: thiếu"
        );
    }
}
