//! The district's collection of received files, and the status each one gets.
//!
//! Verification is done once per file ([`receive`]); the final status also depends on the
//! registry and on the other files ([`classify`]), so it is recomputed whenever either changes.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::digest::ResultDigest;
use super::registry::{normalize, same_cell, Registry};
use crate::domain::canonical::sha256_hex;
use crate::domain::catalog::Catalog;
use crate::domain::lang::Bilingual;
use crate::domain::quarter::QuarterId;
use crate::domain::result_doc::ResultSubject;
use crate::domain::verify::{verify_result, VerifiedResult, VerifyError};

/// A file as received: its name, what verification found, and for a refused file its content
/// hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Received {
    pub file_name: String,
    /// SHA-256 of the file's bytes (lower-case hex) when it was refused: the same bad file twice
    /// is one file. Empty for a verified file, which is known by its signer and id instead (the
    /// same bytes always have the same ones), so an import does not hash 5,000 good files for
    /// nothing. Records stored before 2026-12 have it for verified files too; it is not read.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
    pub outcome: Outcome,
}

/// The verification outcome.
///
/// Written internally tagged (`"kind": "verified"` beside the fields); read through
/// [`OutcomeWire`], because serde reads an internally tagged enum by first copying the whole value
/// into a buffer. A verified file keeps only its [`ResultDigest`]; the full result stays in the
/// file (stored beside it by the app).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", try_from = "OutcomeWire")]
pub enum Outcome {
    /// Signature and every recomputed value are right.
    Verified {
        id: String,
        issuer: String,
        fingerprint: String,
        created: String,
        digest: Box<ResultDigest>,
    },
    /// Refused by verification: the reason's code, Vietnamese message and English message
    /// (empty in files received by a version that did not keep it).
    Rejected {
        code: String,
        message: String,
        #[serde(
            default,
            rename = "messageEn",
            skip_serializing_if = "String::is_empty"
        )]
        message_en: String,
    },
}

/// Every field of either [`Outcome`] variant, read in one pass; [`Outcome::try_from`] then
/// insists on the fields of the variant `kind` names (unknown fields are ignored, as the derived
/// reader did). Files received before digests (schema of 2026-11) kept the whole `subject`: its
/// digest is made when it is read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OutcomeWire {
    kind: String,
    id: Option<String>,
    issuer: Option<String>,
    fingerprint: Option<String>,
    created: Option<String>,
    digest: Option<Box<ResultDigest>>,
    subject: Option<Box<ResultSubject>>,
    code: Option<String>,
    message: Option<String>,
    #[serde(default, rename = "messageEn")]
    message_en: String,
}

impl TryFrom<OutcomeWire> for Outcome {
    type Error = String;

    fn try_from(w: OutcomeWire) -> Result<Self, String> {
        let need = |v: Option<String>, field: &str| v.ok_or(format!("missing field `{field}`"));
        match w.kind.as_str() {
            "verified" => Ok(Self::Verified {
                id: need(w.id, "id")?,
                issuer: need(w.issuer, "issuer")?,
                fingerprint: need(w.fingerprint, "fingerprint")?,
                created: need(w.created, "created")?,
                digest: match (w.digest, w.subject) {
                    (Some(d), _) => d,
                    (None, Some(s)) => Box::new(ResultDigest::of(&s)),
                    (None, None) => return Err("missing field `digest`".into()),
                },
            }),
            "rejected" => Ok(Self::Rejected {
                code: need(w.code, "code")?,
                message: need(w.message, "message")?,
                message_en: w.message_en,
            }),
            other => Err(format!(
                "unknown variant `{other}`, expected `verified` or `rejected`"
            )),
        }
    }
}

impl Outcome {
    /// The outcome of a refusal.
    fn rejected(e: &VerifyError) -> Self {
        Self::Rejected {
            code: e.code().into(),
            message: e.to_string(),
            message_en: e.message_en(),
        }
    }
}

/// Whether a file found in a chosen or dropped folder is offered to the import: results and
/// archives only (`desktop.ini`, the registry's own CSV and the like would each count as an
/// unreadable file). A file chosen by itself is always offered.
pub fn is_result_file_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".json") || lower.ends_with(".zip")
}

/// A file that passed verification as the collection keeps it (known by signer and id, so its
/// bytes are not hashed).
pub fn verified_received(file_name: &str, v: VerifiedResult) -> Received {
    Received {
        file_name: file_name.to_string(),
        sha256: String::new(),
        outcome: Outcome::Verified {
            digest: Box::new(ResultDigest::of(&v.subject)),
            id: v.id,
            issuer: v.issuer,
            fingerprint: v.fingerprint,
            created: v.created,
        },
    }
}

/// Verifies one file's bytes; a refused file's bytes are hashed too (see [`Received::sha256`]).
pub fn receive(file_name: &str, bytes: &[u8], catalog: &Catalog) -> Received {
    let (outcome, sha256) = match std::str::from_utf8(bytes)
        .map_err(|_| VerifyError::NotJson)
        .and_then(|text| verify_result(text, catalog))
    {
        Ok(v) => return verified_received(file_name, v),
        // Files that could not be read at all arrive empty: told apart by name, or the second
        // would be "the same file again" instead of unreadable.
        Err(e) if bytes.is_empty() => (
            Outcome::rejected(&e),
            sha256_hex(format!("empty\u{0}{file_name}").as_bytes()),
        ),
        Err(e) => (Outcome::rejected(&e), sha256_hex(bytes)),
    };
    Received {
        file_name: file_name.to_string(),
        sha256,
        outcome,
    }
}

/// The file a result was verified from, read again when someone opens it: its
/// `credentialSubject`. (Files received before the app kept them are stored as the stand-in
/// `{"credentialSubject": …}` that [`legacy_file`] makes.)
pub fn stored_subject(bytes: &[u8]) -> Result<ResultSubject, String> {
    #[derive(Deserialize)]
    struct StoredFile {
        #[serde(rename = "credentialSubject")]
        subject: ResultSubject,
    }
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    serde_json::from_str::<StoredFile>(crate::domain::verify::without_bom(text))
        .map(|f| f.subject)
        .map_err(|e| e.to_string())
}

/// For a stored [`Received`] of the first format (2026-11), whose verified outcome held the
/// whole subject: the stand-in file to keep beside its summary (read by [`stored_subject`]).
/// `None` for a rejected file, which keeps no file.
pub fn legacy_file(received: &serde_json::Value) -> Option<Vec<u8>> {
    let subject = received.get("outcome")?.get("subject")?;
    serde_json::to_vec(&serde_json::json!({ "credentialSubject": subject })).ok()
}

/// A file refused unread because it is larger than any result can be. It gets its own hash (of
/// its name and size), so two different large files are not taken for duplicates.
pub fn receive_too_large(file_name: &str, size: u64) -> Received {
    Received {
        file_name: file_name.to_string(),
        sha256: sha256_hex(format!("too-large\u{0}{file_name}\u{0}{size}").as_bytes()),
        outcome: Outcome::rejected(&VerifyError::TooLarge(
            usize::try_from(size).unwrap_or(usize::MAX),
        )),
    }
}

/// The status a file gets in the district's collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Valid,
    BadSignature,
    UnregisteredKey,
    KeyCellMismatch,
    RubricProblem,
    Mismatch,
    Training,
    Duplicate,
    Superseded,
    Unreadable,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 10] = [
        Self::Valid,
        Self::BadSignature,
        Self::UnregisteredKey,
        Self::KeyCellMismatch,
        Self::RubricProblem,
        Self::Mismatch,
        Self::Training,
        Self::Duplicate,
        Self::Superseded,
        Self::Unreadable,
    ];

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Valid => "hợp lệ",
            Self::BadSignature => "chữ ký không hợp lệ",
            Self::UnregisteredKey => "khóa chưa đăng ký",
            Self::KeyCellMismatch => "khóa không khớp chi bộ",
            Self::RubricProblem => "bộ tiêu chí không xác định / sai mã băm",
            Self::Mismatch => "số liệu không khớp",
            Self::Training => "dữ liệu tập huấn",
            Self::Duplicate => "trùng lặp",
            Self::Superseded => "bị thay thế",
            Self::Unreadable => "không đọc được",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::BadSignature => "invalid signature",
            Self::UnregisteredKey => "key not registered",
            Self::KeyCellMismatch => "key does not match the cell",
            Self::RubricProblem => "unknown rubric / wrong hash",
            Self::Mismatch => "figures do not match",
            Self::Training => "training data",
            Self::Duplicate => "duplicate",
            Self::Superseded => "superseded",
            Self::Unreadable => "unreadable",
        }
    }

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::BadSignature => "bad_signature",
            Self::UnregisteredKey => "unregistered_key",
            Self::KeyCellMismatch => "key_cell_mismatch",
            Self::RubricProblem => "rubric_problem",
            Self::Mismatch => "mismatch",
            Self::Training => "training",
            Self::Duplicate => "duplicate",
            Self::Superseded => "superseded",
            Self::Unreadable => "unreadable",
        }
    }

    fn from_rejection(code: &str) -> Self {
        match code {
            "bad_proof_format" | "bad_context" | "bad_key" | "issuer_mismatch"
            | "bad_signature" => Self::BadSignature,
            "unknown_rubric" | "rubric_hash_mismatch" => Self::RubricProblem,
            "mismatch" => Self::Mismatch,
            _ => Self::Unreadable,
        }
    }
}

/// Why a file has its status. `Display` is the Vietnamese reason (empty for a valid file).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
pub enum Reason {
    /// Valid: nothing to say.
    #[error("")]
    Counted,
    /// Refused by verification, with the messages it gave.
    #[error("{vi}")]
    Rejected {
        code: String,
        vi: String,
        en: String,
    },
    #[error("tệp giống hệt một tệp đã nhận")]
    SameBytes,
    #[error("tệp đã nhận trước đó (cùng mã kết quả)")]
    SameId,
    #[error("tệp tạo trong chế độ tập huấn, không tính")]
    Training,
    #[error("khóa {fingerprint} chưa có trong danh bạ")]
    UnknownKey { fingerprint: String },
    #[error("khóa {fingerprint} chỉ có hiệu lực từ {valid_from}")]
    KeyNotYetValid {
        fingerprint: String,
        valid_from: String,
    },
    #[error("khóa đăng ký cho «{registered}», tệp ghi «{named}»")]
    KeyOfAnotherCell { registered: String, named: String },
    #[error("đã có tệp mới hơn ({newer}) của cùng chi bộ và quý")]
    Superseded { newer: String },
}

impl Bilingual for Reason {
    fn message_en(&self) -> String {
        match self {
            Self::Counted => String::new(),
            Self::Rejected { code, vi, en } => match en.as_str() {
                "" => VerifyError::code_message_en(code)
                    .map(str::to_string)
                    .unwrap_or_else(|| vi.clone()),
                en => en.to_string(),
            },
            Self::SameBytes => "the same file as one received before".into(),
            Self::SameId => "received before (same result id)".into(),
            Self::Training => "made in training mode, not counted".into(),
            Self::UnknownKey { fingerprint } => {
                format!("the key {fingerprint} is not in the registry")
            }
            Self::KeyNotYetValid {
                fingerprint,
                valid_from,
            } => format!("the key {fingerprint} is only valid from {valid_from}"),
            Self::KeyOfAnotherCell { registered, named } => {
                format!("the key is registered for «{registered}», the file names «{named}»")
            }
            Self::Superseded { newer } => {
                format!("there is a newer file ({newer}) of the same cell and quarter")
            }
        }
    }
}

/// A file's final status, with the reason to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    pub status: Status,
    /// The reason in Vietnamese (`reason`'s `Display`; empty for a valid file).
    pub detail: String,
    /// The reason, to show in either language.
    pub reason: Reason,
    /// The registered cell name, for valid or superseded files.
    pub cell: Option<String>,
}

/// Gives every received file its status, in the order received.
///
/// Rules, in order: a rejected file keeps the reason verification gave; a file whose bytes (or
/// credential id) were seen earlier is a duplicate (counted once); training files are kept apart;
/// the key must be registered, valid on the signing day, and registered for the cell the file
/// names; among the valid files of one cell and quarter the newest `created` counts and the older
/// ones are superseded (still listed).
pub fn classify(received: &[Received], registry: &Registry) -> Vec<Classified> {
    let mut out: Vec<Classified> = Vec::with_capacity(received.len());
    let mut seen_hash = std::collections::HashSet::new();
    let mut seen_id = std::collections::HashSet::new();
    let registry = registry.by_did();
    for r in received {
        let status = |status, reason: Reason| Classified {
            status,
            detail: reason.to_string(),
            reason,
            cell: None,
        };
        let c = match &r.outcome {
            Outcome::Rejected {
                code,
                message,
                message_en,
            } => {
                if !seen_hash.insert(r.sha256.clone()) {
                    status(Status::Duplicate, Reason::SameBytes)
                } else {
                    status(
                        Status::from_rejection(code),
                        Reason::Rejected {
                            code: code.clone(),
                            vi: message.clone(),
                            en: message_en.clone(),
                        },
                    )
                }
            }
            Outcome::Verified {
                id,
                issuer,
                created,
                digest,
                fingerprint,
            } => {
                // The same bytes have the same signer and id, so this also finds the same file
                // again. Ids are only compared within one signer: anyone can put a cell's id
                // (printed on its paper) into a file of their own, and that must not push out the
                // real one.
                if !seen_id.insert((issuer.clone(), id.clone())) {
                    status(Status::Duplicate, Reason::SameId)
                } else if digest.training {
                    status(Status::Training, Reason::Training)
                } else {
                    match registry.get(issuer.as_str()) {
                        None => status(
                            Status::UnregisteredKey,
                            Reason::UnknownKey {
                                fingerprint: fingerprint.clone(),
                            },
                        ),
                        Some(e)
                            if created.get(..10).unwrap_or_default() < e.valid_from.as_str() =>
                        {
                            status(
                                Status::UnregisteredKey,
                                Reason::KeyNotYetValid {
                                    fingerprint: fingerprint.clone(),
                                    valid_from: e.valid_from.clone(),
                                },
                            )
                        }
                        Some(e) if !same_cell(&e.cell_name, &digest.cell_name) => status(
                            Status::KeyCellMismatch,
                            Reason::KeyOfAnotherCell {
                                registered: e.cell_name.clone(),
                                named: digest.cell_name.clone(),
                            },
                        ),
                        Some(e) => Classified {
                            status: Status::Valid,
                            detail: String::new(),
                            reason: Reason::Counted,
                            cell: Some(e.cell_name.clone()),
                        },
                    }
                }
            }
        };
        out.push(c);
    }
    // Newest per (cell, quarter) counts.
    let mut newest: std::collections::HashMap<(String, QuarterId), (String, String, usize)> =
        Default::default();
    for (i, (r, c)) in received.iter().zip(&out).enumerate() {
        if let (
            Status::Valid,
            Outcome::Verified {
                created,
                id,
                digest,
                ..
            },
        ) = (c.status, &r.outcome)
        {
            let key = (
                normalize(c.cell.as_deref().unwrap_or_default()),
                digest.quarter,
            );
            let cand = (created.clone(), id.clone(), i);
            match newest.get(&key) {
                Some(best) if (&best.0, &best.1) >= (&cand.0, &cand.1) => {}
                _ => {
                    newest.insert(key, cand);
                }
            }
        }
    }
    for (i, (r, c)) in received.iter().zip(out.iter_mut()).enumerate() {
        if let (Status::Valid, Outcome::Verified { digest, .. }) = (c.status, &r.outcome) {
            let key = (
                normalize(c.cell.as_deref().unwrap_or_default()),
                digest.quarter,
            );
            if let Some(best) = newest.get(&key).filter(|b| b.2 != i) {
                c.status = Status::Superseded;
                c.reason = Reason::Superseded {
                    newer: received[best.2].file_name.clone(),
                };
                c.detail = c.reason.to_string();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::{assert_translated, Lang};

    #[test]
    fn an_outcome_reads_back_as_written_and_a_wrong_one_is_refused_with_its_reason() {
        let rejected = Outcome::rejected(&VerifyError::NotJson);
        let text = serde_json::to_string(&rejected).unwrap();
        assert!(
            text.starts_with(r#"{"kind":"rejected","code":"not_json""#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Outcome>(&text).unwrap(), rejected);
        // A value stored by a version that kept no English message.
        let old: Outcome =
            serde_json::from_str(r#"{"kind":"rejected","code":"x","message":"y"}"#).unwrap();
        assert_eq!(
            old,
            Outcome::Rejected {
                code: "x".into(),
                message: "y".into(),
                message_en: String::new()
            }
        );
        let missing = serde_json::from_str::<Outcome>(r#"{"kind":"verified","id":"a"}"#);
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `issuer`"));
        let unknown = serde_json::from_str::<Outcome>(r#"{"kind":"maybe"}"#);
        assert!(unknown
            .unwrap_err()
            .to_string()
            .contains("unknown variant `maybe`"));
    }

    #[test]
    fn every_reason_has_an_english_message() {
        use Reason::*;
        let fingerprint = "3F2A-91C0-0B7D-44E1".to_string();
        let examples = [
            Rejected {
                code: "not_json".into(),
                vi: VerifyError::NotJson.to_string(),
                en: VerifyError::NotJson.message_en(),
            },
            SameBytes,
            SameId,
            Training,
            UnknownKey {
                fingerprint: fingerprint.clone(),
            },
            KeyNotYetValid {
                fingerprint,
                valid_from: "2027-01-01".into(),
            },
            KeyOfAnotherCell {
                registered: "Chi bo A".into(),
                named: "Chi bo B".into(),
            },
            Superseded {
                newer: "tu-danh-gia_a_2026-Q4.json".into(),
            },
        ];
        // A valid file has no reason, in either language.
        assert_eq!(Counted.message(Lang::Vi), "");
        assert_eq!(Counted.message(Lang::En), "");
        assert_translated(&examples, |r| match r {
            Counted => usize::MAX,
            Rejected { .. } => 0,
            SameBytes => 1,
            SameId => 2,
            Training => 3,
            UnknownKey { .. } => 4,
            KeyNotYetValid { .. } => 5,
            KeyOfAnotherCell { .. } => 6,
            Superseded { .. } => 7,
        });
    }

    #[test]
    fn a_refusal_keeps_both_messages_and_old_records_fall_back_to_the_code() {
        let catalog = Catalog::shipped().expect("shipped rubrics");
        let r = receive("a.json", b"not json", &catalog);
        let Outcome::Rejected {
            message,
            message_en,
            ..
        } = &r.outcome
        else {
            panic!("{r:?}")
        };
        assert_eq!(message, "Không đọc được: không phải JSON hợp lệ");
        assert_eq!(message_en, "Unreadable: not valid JSON");
        let c = classify(std::slice::from_ref(&r), &Registry::default());
        assert_eq!(c[0].status, Status::Unreadable);
        assert_eq!(c[0].detail, "Không đọc được: không phải JSON hợp lệ");
        assert_eq!(c[0].reason.message(Lang::En), "Unreadable: not valid JSON");

        // Stored by a version without the English message: still read, reason from the code.
        let old = r#"{"fileName":"a.json","sha256":"00","outcome":{"kind":"rejected","code":"bad_signature","message":"Chữ ký không hợp lệ: tệp đã bị sửa hoặc không do khóa này ký"}}"#;
        let old: Received = serde_json::from_str(old).expect("old record");
        let c = classify(&[old], &Registry::default());
        assert_eq!(c[0].status, Status::BadSignature);
        assert_eq!(
            c[0].reason.message(Lang::En),
            "Invalid signature: the file was altered or not signed by this key"
        );
        // Written back without an empty English field.
        let json = serde_json::to_string(&receive_too_large("big.json", 9_000_000)).unwrap();
        assert!(
            json.contains("\"messageEn\":\"The file is too large (9000000 bytes)\""),
            "{json}"
        );
    }
}
