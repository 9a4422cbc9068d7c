//! The district's collection of received files, and the status each one gets.
//!
//! Verification is done once per file ([`receive`]); the final status also depends on the
//! registry and on the other files ([`classify`]), so it is recomputed whenever either changes.

use serde::{Deserialize, Serialize};

use super::registry::{normalize, same_cell, Registry};
use crate::domain::canonical::sha256_hex;
use crate::domain::catalog::Catalog;
use crate::domain::quarter::QuarterId;
use crate::domain::result_doc::ResultSubject;
use crate::domain::verify::{verify_result, VerifyError};

/// A file as received: its name, content hash and what verification found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Received {
    pub file_name: String,
    /// SHA-256 of the file's bytes: the same file twice has the same hash.
    pub sha256: String,
    pub outcome: Outcome,
}

/// The verification outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Outcome {
    /// Signature and every recomputed value are right.
    Verified {
        id: String,
        issuer: String,
        fingerprint: String,
        created: String,
        subject: Box<ResultSubject>,
    },
    /// Refused by verification.
    Rejected { code: String, message: String },
}

/// Verifies one file's bytes.
pub fn receive(file_name: &str, bytes: &[u8], catalog: &Catalog) -> Received {
    let sha256 = sha256_hex(bytes);
    let outcome = match std::str::from_utf8(bytes) {
        Err(_) => Outcome::Rejected {
            code: "not_json".into(),
            message: VerifyError::NotJson.to_string(),
        },
        Ok(text) => match verify_result(text, catalog) {
            Ok(v) => Outcome::Verified {
                id: v.id,
                issuer: v.issuer,
                fingerprint: v.fingerprint,
                created: v.created,
                subject: Box::new(v.subject),
            },
            Err(e) => Outcome::Rejected {
                code: e.code().into(),
                message: e.to_string(),
            },
        },
    };
    Received {
        file_name: file_name.to_string(),
        sha256,
        outcome,
    }
}

/// A file refused unread because it is larger than any result can be. It gets its own hash (of
/// its name and size), so two different large files are not taken for duplicates.
pub fn receive_too_large(file_name: &str, size: u64) -> Received {
    Received {
        file_name: file_name.to_string(),
        sha256: sha256_hex(format!("too-large\u{0}{file_name}\u{0}{size}").as_bytes()),
        outcome: Outcome::Rejected {
            code: VerifyError::TooLarge(0).code().into(),
            message: VerifyError::TooLarge(usize::try_from(size).unwrap_or(usize::MAX)).to_string(),
        },
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

/// A file's final status, with the reason to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    pub status: Status,
    pub detail: String,
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
        let status = |status, detail: String| Classified {
            status,
            detail,
            cell: None,
        };
        let c = match &r.outcome {
            Outcome::Rejected { code, message } => {
                if !seen_hash.insert(r.sha256.clone()) {
                    status(Status::Duplicate, "tệp giống hệt một tệp đã nhận".into())
                } else {
                    status(Status::from_rejection(code), message.clone())
                }
            }
            Outcome::Verified {
                id,
                issuer,
                created,
                subject,
                fingerprint,
            } => {
                let first_bytes = seen_hash.insert(r.sha256.clone());
                // Ids are only compared within one signer: anyone can put a cell's id (printed
                // on its paper) into a file of their own, and that must not push out the real one.
                let first_id = seen_id.insert((issuer.clone(), id.clone()));
                if !first_bytes || !first_id {
                    status(
                        Status::Duplicate,
                        "tệp đã nhận trước đó (cùng mã kết quả)".into(),
                    )
                } else if subject.training {
                    status(
                        Status::Training,
                        "tệp tạo trong chế độ tập huấn, không tính".into(),
                    )
                } else {
                    match registry.get(issuer.as_str()) {
                        None => status(
                            Status::UnregisteredKey,
                            format!("khóa {fingerprint} chưa có trong danh bạ"),
                        ),
                        Some(e)
                            if created.get(..10).unwrap_or_default() < e.valid_from.as_str() =>
                        {
                            status(
                                Status::UnregisteredKey,
                                format!("khóa {fingerprint} chỉ có hiệu lực từ {}", e.valid_from),
                            )
                        }
                        Some(e) if !same_cell(&e.cell_name, &subject.cell.name) => status(
                            Status::KeyCellMismatch,
                            format!(
                                "khóa đăng ký cho «{}», tệp ghi «{}»",
                                e.cell_name, subject.cell.name
                            ),
                        ),
                        Some(e) => Classified {
                            status: Status::Valid,
                            detail: String::new(),
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
                subject,
                ..
            },
        ) = (c.status, &r.outcome)
        {
            let key = (
                normalize(c.cell.as_deref().unwrap_or_default()),
                subject.quarter,
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
        if let (Status::Valid, Outcome::Verified { subject, .. }) = (c.status, &r.outcome) {
            let key = (
                normalize(c.cell.as_deref().unwrap_or_default()),
                subject.quarter,
            );
            if let Some(best) = newest.get(&key).filter(|b| b.2 != i) {
                c.status = Status::Superseded;
                c.detail = format!(
                    "đã có tệp mới hơn ({}) của cùng chi bộ và quý",
                    received[best.2].file_name
                );
            }
        }
    }
    out
}
