//! The W3C Data Integrity cryptosuite `eddsa-jcs-2022`: Ed25519 over the SHA-256 hashes of the
//! RFC 8785 canonical proof configuration and document. Works on JSON values *as parsed*, so a
//! signature is checked over exactly what was received.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde_json::{Map, Value};
use thiserror::Error;

use super::canonical::{canonical_sha256, CanonicalError};
use super::did_key::{decode_did_key, verification_method, DidKeyError};
use super::lang::Bilingual;

/// The proof type.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The cryptosuite name.
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
/// The only proof purpose this app signs and accepts.
pub const PROOF_PURPOSE: &str = "assertionMethod";

/// Why signing or checking a proof failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SuiteError {
    #[error("tài liệu không phải một đối tượng JSON")]
    NotObject,
    #[error("tài liệu đã có chữ ký")]
    AlreadySigned,
    #[error("thiếu phần chữ ký (proof)")]
    NoProof,
    #[error("phần chữ ký không hợp lệ: {0}")]
    BadProof(&'static str),
    #[error("loại chữ ký không được hỗ trợ: «{0}»")]
    WrongType(String),
    #[error("bộ mật mã không được hỗ trợ: «{0}» (cần eddsa-jcs-2022)")]
    WrongSuite(String),
    #[error("mục đích chữ ký không đúng: «{0}»")]
    WrongPurpose(String),
    #[error("@context của chữ ký không khớp với tài liệu")]
    ContextMismatch,
    #[error("khóa ký không hợp lệ: {0}")]
    BadKey(#[from] DidKeyError),
    #[error("giá trị chữ ký không hợp lệ (phải là base58btc của 64 byte)")]
    BadProofValue,
    #[error("chữ ký không đúng: tệp đã bị sửa hoặc không do khóa này ký")]
    BadSignature,
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
}

/// The [`SuiteError::BadProof`] reason when `proof` is not one object (the others name a field).
const NOT_ONE_PROOF: &str = "proof phải là một đối tượng (đúng một chữ ký)";

impl Bilingual for SuiteError {
    fn message_en(&self) -> String {
        match self {
            Self::NotObject => "the document is not a JSON object".into(),
            Self::AlreadySigned => "the document is already signed".into(),
            Self::NoProof => "the signature (proof) is missing".into(),
            Self::BadProof(NOT_ONE_PROOF) => {
                "the signature is not valid: proof must be one object (exactly one signature)"
                    .into()
            }
            Self::BadProof(field) => format!("the signature is not valid: {field}"),
            Self::WrongType(t) => format!("unsupported signature type: «{t}»"),
            Self::WrongSuite(s) => {
                format!("unsupported cryptosuite: «{s}» (eddsa-jcs-2022 is required)")
            }
            Self::WrongPurpose(p) => format!("wrong signature purpose: «{p}»"),
            Self::ContextMismatch => {
                "the signature's @context does not match the document's".into()
            }
            Self::BadKey(e) => format!("the signing key is not valid: {}", e.message_en()),
            Self::BadProofValue => {
                "the signature value is not valid (it must be base58btc of 64 bytes)".into()
            }
            Self::BadSignature => {
                "the signature is wrong: the file was altered or not signed by this key".into()
            }
            Self::Canonical(e) => e.message_en(),
        }
    }
}

/// The proof fields a signer chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofOptions {
    /// `YYYY-MM-DDTHH:MM:SSZ` (the clock is the caller's).
    pub created: String,
}

/// The proof configuration: the proof without `proofValue`, carrying the document's `@context`.
fn proof_config(document: &Map<String, Value>, created: &str, vm: &str) -> Map<String, Value> {
    let mut config = Map::new();
    config.insert("type".into(), PROOF_TYPE.into());
    config.insert("cryptosuite".into(), CRYPTOSUITE.into());
    config.insert("created".into(), created.into());
    config.insert("verificationMethod".into(), vm.into());
    config.insert("proofPurpose".into(), PROOF_PURPOSE.into());
    if let Some(ctx) = document.get("@context") {
        config.insert("@context".into(), ctx.clone());
    }
    config
}

/// SHA-256 of the canonical proof configuration followed by SHA-256 of the canonical document.
pub fn hash_data(document: &Value, config: &Value) -> Result<[u8; 64], CanonicalError> {
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(&canonical_sha256(config, None)?);
    out[32..].copy_from_slice(&canonical_sha256(document, None)?);
    Ok(out)
}

/// Signs an unsigned document with `key`, adding its `proof`.
pub fn sign(
    unsigned: &Value,
    key: &SigningKey,
    options: &ProofOptions,
) -> Result<Value, SuiteError> {
    let doc = unsigned.as_object().ok_or(SuiteError::NotObject)?;
    if doc.contains_key("proof") {
        return Err(SuiteError::AlreadySigned);
    }
    let vm = verification_method(&key.verifying_key().to_bytes());
    let mut proof = proof_config(doc, &options.created, &vm);
    let data = hash_data(unsigned, &Value::Object(proof.clone()))?;
    let signature = key.sign(&data);
    proof.insert(
        "proofValue".into(),
        format!("z{}", bs58::encode(signature.to_bytes()).into_string()).into(),
    );
    let mut signed = doc.clone();
    signed.insert("proof".into(), Value::Object(proof));
    Ok(Value::Object(signed))
}

/// What a valid proof tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedProof {
    /// The signer's Ed25519 public key.
    pub public_key: [u8; 32],
    /// The proof's `verificationMethod`.
    pub verification_method: String,
    /// The proof's `created`.
    pub created: String,
}

fn str_field<'a>(m: &'a Map<String, Value>, k: &'static str) -> Result<&'a str, SuiteError> {
    m.get(k)
        .and_then(Value::as_str)
        .ok_or(SuiteError::BadProof(k))
}

/// Checks the proof type, suite and purpose, and that the proof's `@context` matches the
/// document's. Returns the proof object.
pub fn check_proof_shape(signed: &Value) -> Result<&Map<String, Value>, SuiteError> {
    let doc = signed.as_object().ok_or(SuiteError::NotObject)?;
    let proof = match doc.get("proof") {
        None => return Err(SuiteError::NoProof),
        Some(Value::Object(p)) => p,
        Some(_) => return Err(SuiteError::BadProof(NOT_ONE_PROOF)),
    };
    let kind = str_field(proof, "type")?;
    if kind != PROOF_TYPE {
        return Err(SuiteError::WrongType(kind.to_string()));
    }
    let suite = str_field(proof, "cryptosuite")?;
    if suite != CRYPTOSUITE {
        return Err(SuiteError::WrongSuite(suite.to_string()));
    }
    let purpose = str_field(proof, "proofPurpose")?;
    if purpose != PROOF_PURPOSE {
        return Err(SuiteError::WrongPurpose(purpose.to_string()));
    }
    if let Some(ctx) = proof.get("@context") {
        if doc.get("@context") != Some(ctx) {
            return Err(SuiteError::ContextMismatch);
        }
    }
    Ok(proof)
}

/// Verifies a signed document (strict Ed25519 verification).
pub fn verify(signed: &Value) -> Result<VerifiedProof, SuiteError> {
    // The document is hashed without its proof, as the signer hashed it, and without a copy.
    verify_with(signed, || canonical_sha256(signed, Some("proof")))
}

/// [`verify`], given the SHA-256 of the canonical document without its `proof`, computed by the
/// caller: the import's light reader hashes the whole document, and `signed` then needs only
/// its other top-level members (see `verify::verify_result`).
pub fn verify_prehashed(
    signed: &Value,
    document_hash: [u8; 32],
) -> Result<VerifiedProof, SuiteError> {
    verify_with(signed, || Ok(document_hash))
}

fn verify_with(
    signed: &Value,
    document_hash: impl FnOnce() -> Result<[u8; 32], CanonicalError>,
) -> Result<VerifiedProof, SuiteError> {
    let proof = check_proof_shape(signed)?;
    let vm = str_field(proof, "verificationMethod")?;
    let created = str_field(proof, "created")?;
    let public_key = decode_did_key(vm)?;
    let proof_value = str_field(proof, "proofValue")?;
    let sig_bytes = proof_value
        .strip_prefix('z')
        .and_then(|b| bs58::decode(b).into_vec().ok())
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .ok_or(SuiteError::BadProofValue)?;
    let verifying = VerifyingKey::from_bytes(&public_key).map_err(|_| SuiteError::BadSignature)?;

    let mut config = proof.clone();
    config.remove("proofValue");
    let mut data = [0u8; 64];
    data[..32].copy_from_slice(&canonical_sha256(&Value::Object(config), None)?);
    data[32..].copy_from_slice(&document_hash()?);
    verifying
        .verify_strict(&data, &Signature::from_bytes(&sig_bytes))
        .map_err(|_| SuiteError::BadSignature)?;
    Ok(VerifiedProof {
        public_key,
        verification_method: vm.to_string(),
        created: created.to_string(),
    })
}

/// Pretty JSON with two-space indent and no trailing newline (as the W3C vectors are written).
pub fn to_pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn every_suite_error_has_an_english_message() {
        use SuiteError::*;
        crate::domain::lang::assert_translated(
            &[
                NotObject,
                AlreadySigned,
                NoProof,
                BadProof(NOT_ONE_PROOF),
                WrongType("Ed25519Signature2020".into()),
                WrongSuite("ecdsa-rdfc-2019".into()),
                WrongPurpose("authentication".into()),
                ContextMismatch,
                BadKey(DidKeyError::NotDidKey),
                BadProofValue,
                BadSignature,
                Canonical(CanonicalError("NaN".into())),
            ],
            |e| match e {
                NotObject => 0,
                AlreadySigned => 1,
                NoProof => 2,
                BadProof(_) => 3,
                WrongType(_) => 4,
                WrongSuite(_) => 5,
                WrongPurpose(_) => 6,
                ContextMismatch => 7,
                BadKey(_) => 8,
                BadProofValue => 9,
                BadSignature => 10,
                Canonical(_) => 11,
            },
        );
        assert_eq!(
            BadProof("type").message_en(),
            "the signature is not valid: type"
        );
        assert_eq!(
            check_proof_shape(&serde_json::json!({"proof": []})).map(|_| ()),
            Err(BadProof(NOT_ONE_PROOF))
        );
    }
}
