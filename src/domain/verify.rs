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
use super::eddsa_jcs::{check_proof_shape, verify as verify_proof, SuiteError};
use super::result_doc::{
    recompute, ResultSubject, CREDENTIAL_TYPE, RESULT_FORMAT, RESULT_FORMAT_VERSION, VC_CONTEXT,
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
    NotAResult(String),
    #[error("Có số không phải số nguyên an toàn (số thực hoặc vượt 2^53) tại {0}")]
    UnsafeNumber(String),
    #[error("Bộ tiêu chí không xác định: {id} phiên bản {version}")]
    UnknownRubric { id: String, version: u32 },
    #[error("Sai mã băm bộ tiêu chí {id} phiên bản {version}")]
    RubricHashMismatch { id: String, version: u32 },
    #[error("Số liệu không khớp: {0}")]
    Mismatch(String),
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

fn unsafe_number(v: &Value, path: &mut String) -> Option<String> {
    match v {
        Value::Number(n) => {
            let ok = n.as_u64().is_some_and(|x| x <= MAX_SAFE_INTEGER)
                || n.as_i64()
                    .is_some_and(|x| x.unsigned_abs() <= MAX_SAFE_INTEGER);
            (!ok).then(|| path.clone())
        }
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
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
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
                    None => return Some(format!("{p}: thiếu")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: thừa"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: tính lại được {a}, tệp ghi {b}")),
    }
}

/// Runs every check on a result file's text.
pub fn verify_result(text: &str, catalog: &Catalog) -> Result<VerifiedResult, VerifyError> {
    if text.len() > MAX_RESULT_BYTES {
        return Err(VerifyError::TooLarge(text.len()));
    }
    let doc: Value = super::canonical::parse_strict(text).map_err(|e| {
        if e.contains("hai lần") {
            VerifyError::DuplicateKey(e)
        } else {
            VerifyError::NotJson
        }
    })?;
    let proof = check_proof_shape(&doc).map_err(VerifyError::Proof)?;
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
    let verified = verify_proof(&doc).map_err(|e| match e {
        SuiteError::BadSignature | SuiteError::BadProofValue => VerifyError::BadSignature,
        SuiteError::BadKey(k) => VerifyError::BadKey(k),
        other => VerifyError::Proof(other),
    })?;

    // Only now, with a valid signature, is the content read.
    if let Some(path) = unsafe_number(&doc, &mut String::new()) {
        return Err(VerifyError::UnsafeNumber(path));
    }
    let types_ok = doc.get("type").and_then(Value::as_array).is_some_and(|t| {
        t.iter().any(|x| x == "VerifiableCredential") && t.iter().any(|x| x == CREDENTIAL_TYPE)
    });
    if !types_ok {
        return Err(VerifyError::NotAResult(
            "type phải gồm VerifiableCredential và ChiBoSelfAssessment".into(),
        ));
    }
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .filter(|i| i.starts_with("urn:uuid:"));
    let id = id
        .ok_or_else(|| VerifyError::NotAResult("id phải là urn:uuid".into()))?
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
        return Err(VerifyError::NotAResult(format!("trường lạ «{k}»")));
    }
    // Read in place: the subject is most of a 27 KB document, and imports verify thousands.
    let subject_value = doc.get("credentialSubject").unwrap_or(&Value::Null);
    let subject = ResultSubject::deserialize(subject_value)
        .map_err(|e| VerifyError::NotAResult(e.to_string()))?;
    if subject.format != RESULT_FORMAT || subject.format_version != RESULT_FORMAT_VERSION {
        return Err(VerifyError::NotAResult(format!(
            "định dạng {} v{}",
            subject.format, subject.format_version
        )));
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
    let expected = recompute(rubric, &subject).map_err(|e| VerifyError::Mismatch(e.to_string()))?;
    if expected != subject {
        let a = serde_json::to_value(&expected).unwrap_or(Value::Null);
        let d = first_difference(&a, subject_value, "credentialSubject")
            .unwrap_or_else(|| "credentialSubject".into());
        return Err(VerifyError::Mismatch(d));
    }
    Ok(VerifiedResult {
        fingerprint: fingerprint(&public_key),
        subject,
        issuer,
        public_key,
        id,
        created: verified.created,
    })
}
