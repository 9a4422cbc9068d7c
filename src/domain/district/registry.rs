//! The district's key registry: which did:key belongs to which cell, from when. It is the trust
//! decision: a valid signature only counts when its key is registered for that cell.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::csv::{self, UnclosedQuote};
use crate::domain::did_key::{decode_did_key, fingerprint, DidKeyError};
use crate::domain::lang::Bilingual;
use crate::domain::vietnamese::comparable;

/// One registered key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RegistryEntry {
    pub cell_name: String,
    pub did: String,
    /// `YYYY-MM-DD`: results signed before this day are not accepted with this key. Compared as
    /// text with a result's `created`, so always written in full: by [`checked`] when an entry
    /// is added, and when one is read (a registry stored by an earlier version, or a JSON file,
    /// may hold `2026-7-1`).
    #[serde(deserialize_with = "full_date")]
    pub valid_from: String,
}

impl RegistryEntry {
    /// The key's fingerprint (empty if the did is broken, which parsing prevents).
    pub fn fingerprint(&self) -> String {
        decode_did_key(&self.did)
            .map(|k| fingerprint(&k))
            .unwrap_or_default()
    }
}

/// A date read as `YYYY-MM-DD` in full; text that is no date is kept as it is ([`checked`]
/// refuses it when the entry is added).
fn full_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    Ok(
        crate::domain::date::parse_iso_date(text.trim())
            .map_or(text, crate::domain::date::iso_date),
    )
}

/// The valid-from day offered when a key first seen in a file is registered: today, or the day
/// the file was signed if earlier, so the file just checked counts (the key was the cell's
/// then, by the fingerprint the secretary read out). Both `YYYY-MM-DD…`.
pub fn offered_valid_from(created: &str, today: &str) -> String {
    let signed = created.get(..10).unwrap_or(created);
    let today = today.get(..10).unwrap_or(today);
    if crate::domain::date::parse_iso_date(signed).is_some() && signed < today {
        signed.to_string()
    } else {
        today.to_string()
    }
}

/// The registry: entries sorted by cell name, one entry per did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub entries: Vec<RegistryEntry>,
}

/// Why a registry file or entry was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RegistryError {
    #[error("Dòng {line}: {reason}")]
    Line { line: usize, reason: EntryProblem },
    #[error("Tệp danh bạ khóa không hợp lệ: {0}")]
    File(FileProblem),
}

/// What is wrong with one registry entry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EntryProblem {
    #[error("thiếu tên chi bộ")]
    NoCellName,
    #[error("did:key không hợp lệ: {0}")]
    BadDid(DidKeyError),
    #[error("ngày hiệu lực «{0}» không hợp lệ (năm-tháng-ngày)")]
    BadDate(String),
    #[error("dấu vân tay không khớp với did:key")]
    FingerprintMismatch,
}

/// What is wrong with a registry file as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileProblem {
    #[error("{0}")]
    Csv(UnclosedQuote),
    #[error("cần dòng tiêu đề có cột cell_name và did")]
    NoHeader,
    /// Not the JSON form (the reader's own words).
    #[error("{0}")]
    Json(String),
}

impl Bilingual for EntryProblem {
    fn message_en(&self) -> String {
        match self {
            Self::NoCellName => "the cell name is missing".into(),
            Self::BadDid(e) => format!("the did:key is not valid: {}", e.message_en()),
            Self::BadDate(d) => format!("the valid-from date «{d}» is not valid (year-month-day)"),
            Self::FingerprintMismatch => "the fingerprint does not match the did:key".into(),
        }
    }
}

impl Bilingual for FileProblem {
    fn message_en(&self) -> String {
        match self {
            Self::Csv(e) => e.message_en(),
            Self::NoHeader => "a header line with the columns cell_name and did is needed".into(),
            Self::Json(m) => format!("not the registry's JSON form: {m}"),
        }
    }
}

impl Bilingual for RegistryError {
    fn message_en(&self) -> String {
        match self {
            Self::Line { line, reason } => format!("Line {line}: {}", reason.message_en()),
            Self::File(p) => format!("The key registry file is not valid: {}", p.message_en()),
        }
    }
}

/// A cell name as compared: lower case, single spaces, Vietnamese letters in one Unicode form
/// (typed with combining tone marks or precomposed, see [`comparable`]).
///
/// One pass, ASCII words copied without a lookup: the classification of an import normalises
/// each file's cell name several times (5,000 files: ~25,000 calls on the page's thread).
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            // Word by word: `str::to_lowercase` knows the context rules (final sigma) that
            // `char`'s does not.
            out.push_str(&comparable(word));
        }
    }
    out
}

/// Whether two names are the same cell (case, spacing and Unicode form ignored).
pub fn same_cell(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// Validates an entry, trims its name and writes its date as `YYYY-MM-DD`: valid-from is
/// compared as text with a result's `created`, so `2026-7-1` kept as typed would put every 2026
/// result of the cell before it.
fn checked(entry: RegistryEntry) -> Result<RegistryEntry, EntryProblem> {
    if entry.cell_name.trim().is_empty() {
        return Err(EntryProblem::NoCellName);
    }
    decode_did_key(&entry.did).map_err(EntryProblem::BadDid)?;
    let Some(valid_from) = crate::domain::date::parse_iso_date(entry.valid_from.trim()) else {
        return Err(EntryProblem::BadDate(entry.valid_from));
    };
    Ok(RegistryEntry {
        cell_name: entry.cell_name.trim().to_string(),
        valid_from: crate::domain::date::iso_date(valid_from),
        ..entry
    })
}

impl Registry {
    /// Checks and adds (or replaces, by did) an entry.
    pub fn upsert(&mut self, entry: RegistryEntry) -> Result<(), EntryProblem> {
        let entry = checked(entry)?;
        self.entries.retain(|e| e.did != entry.did);
        self.entries.push(entry);
        self.entries.sort();
        Ok(())
    }

    /// Builds a registry from many entries at once (a later entry replaces an earlier one with
    /// the same did). Linear, unlike repeated `upsert`: a province's file has thousands of rows.
    /// On a bad entry, returns its 0-based position and the reason.
    pub fn from_entries(
        entries: impl IntoIterator<Item = RegistryEntry>,
    ) -> Result<Self, (usize, EntryProblem)> {
        let entries = entries
            .into_iter()
            .enumerate()
            .map(|(i, e)| checked(e).map_err(|reason| (i, reason)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::from_checked(entries))
    }

    /// Adds another registry's entries (they replace entries with the same did). Both sides are
    /// checked already, so nothing is checked again.
    pub fn merge(&mut self, incoming: Registry) {
        let current = std::mem::take(&mut self.entries);
        *self = Self::from_checked(current.into_iter().chain(incoming.entries));
    }

    /// One entry per did (the last wins), sorted; the entries must be checked already.
    fn from_checked(entries: impl IntoIterator<Item = RegistryEntry>) -> Self {
        let by_did: std::collections::HashMap<String, RegistryEntry> =
            entries.into_iter().map(|e| (e.did.clone(), e)).collect();
        let mut entries: Vec<RegistryEntry> = by_did.into_values().collect();
        entries.sort();
        Self { entries }
    }

    /// Entries whose cell name (case and spacing ignored), did or fingerprint contains `query`;
    /// all entries for an empty query.
    pub fn search(&self, query: &str) -> Vec<&RegistryEntry> {
        let q = normalize(query);
        self.entries
            .iter()
            .filter(|e| {
                q.is_empty()
                    || normalize(&e.cell_name).contains(&q)
                    || e.did.to_lowercase().contains(&q)
                    || e.fingerprint().to_lowercase().contains(&q)
            })
            .collect()
    }

    /// An index by did, for looking up many files against the registry.
    pub fn by_did(&self) -> std::collections::HashMap<&str, &RegistryEntry> {
        self.entries.iter().map(|e| (e.did.as_str(), e)).collect()
    }

    /// Removes the entry of a did.
    pub fn remove(&mut self, did: &str) {
        self.entries.retain(|e| e.did != did);
    }

    /// The entry of a did.
    pub fn get(&self, did: &str) -> Option<&RegistryEntry> {
        self.entries.iter().find(|e| e.did == did)
    }

    /// Reads `cell_name,did,fingerprint,valid_from` CSV (header required; fingerprint optional,
    /// checked when given).
    pub fn from_csv(text: &str) -> Result<Self, RegistryError> {
        let rows = csv::parse(text).map_err(|e| RegistryError::File(FileProblem::Csv(e)))?;
        let mut rows = rows.into_iter().enumerate();
        let header = rows.next().map(|(_, h)| h).unwrap_or_default();
        let col = |name: &str| header.iter().position(|h| h.trim() == name);
        let (Some(name), Some(did)) = (col("cell_name"), col("did")) else {
            return Err(RegistryError::File(FileProblem::NoHeader));
        };
        let (fp, from) = (col("fingerprint"), col("valid_from"));
        let mut entries = Vec::new();
        for (i, row) in rows {
            let get = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            let entry = RegistryEntry {
                cell_name: get(Some(name)),
                did: get(Some(did)),
                valid_from: Some(get(from))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "2000-01-01".into()),
            };
            let given = get(fp);
            // The did is checked first, so a bad did is not reported as a fingerprint mismatch.
            let entry = checked(entry).map_err(|reason| RegistryError::Line {
                line: i + 1,
                reason,
            })?;
            if !given.is_empty() && given != entry.fingerprint() {
                return Err(RegistryError::Line {
                    line: i + 1,
                    reason: EntryProblem::FingerprintMismatch,
                });
            }
            entries.push(entry);
        }
        Ok(Self::from_checked(entries))
    }

    /// Writes the registry as CSV (UTF-8 with BOM, header `cell_name,did,fingerprint,valid_from`).
    pub fn to_csv(&self) -> String {
        let mut rows = vec![vec![
            "cell_name".into(),
            "did".into(),
            "fingerprint".into(),
            "valid_from".into(),
        ]];
        rows.extend(self.entries.iter().map(|e| {
            vec![
                e.cell_name.clone(),
                e.did.clone(),
                e.fingerprint(),
                e.valid_from.clone(),
            ]
        }));
        format!("\u{feff}{}", csv::write(&rows))
    }

    /// Reads the JSON form (`{"entries":[{"cellName","did","validFrom"}]}`), checking every entry.
    pub fn from_json(text: &str) -> Result<Self, RegistryError> {
        let raw: Registry = serde_json::from_str(text)
            .map_err(|e| RegistryError::File(FileProblem::Json(e.to_string())))?;
        Self::from_entries(raw.entries).map_err(|(i, reason)| RegistryError::Line {
            line: i + 1,
            reason,
        })
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod normalize_tests {
    use super::{normalize, same_cell};
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    proptest! {
        #[test]
        fn normalizing_is_lower_case_with_single_spaces(
            name in "[ a-zA-ZđĐộỘôÔΣσ\t\u{a0}\u{3000}]{0,24}"
        ) {
            let expected = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            prop_assert_eq!(normalize(&name), expected);
        }
    }

    #[test]
    fn a_valid_from_date_stored_loosely_is_read_in_full() {
        let e: super::RegistryEntry = serde_json::from_str(
            r#"{"cellName":"Chi bộ A","did":"did:key:z6Mk","validFrom":"2026-7-1"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.valid_from, "2026-07-01");
    }

    #[test]
    fn a_key_registered_from_a_file_is_offered_from_the_day_it_signed_at_the_latest() {
        use super::offered_valid_from;
        assert_eq!(
            offered_valid_from("2026-09-28T10:00:00Z", "2026-10-02T08:00:00Z"),
            "2026-09-28"
        );
        assert_eq!(
            offered_valid_from("2026-10-05T10:00:00Z", "2026-10-02"),
            "2026-10-02"
        );
        assert_eq!(offered_valid_from("garbage", "2026-10-02"), "2026-10-02");
    }

    #[test]
    fn a_name_typed_with_combining_tone_marks_is_the_same_cell() {
        let precomposed = "Chi bộ Thôn Đông Hà";
        let combining: String = precomposed.nfd().collect();
        assert!(same_cell(precomposed, &combining));
        // Composed, as names were compared before: keys stored under a compared name (the
        // district's reviews) still match.
        assert_eq!(normalize(&combining), "chi bộ thôn đông hà");
        // Unikey's composite mode: `ô` precomposed, the dot below typed after it.
        assert!(same_cell("CHI BÔ\u{323}", "chi bộ"));
        assert!(!same_cell("Chi bộ Thôn", "Chi bộ Thơn"));
    }

    #[test]
    fn a_final_sigma_stays_final_word_by_word() {
        assert_eq!(normalize("ΟΔΟΣ ΟΔΟΣ"), "ΟΔΟΣ ΟΔΟΣ".to_lowercase());
        assert_eq!(normalize("  Chi   bộ THÔN  Đông "), "chi bộ thôn đông");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_finds_entries_by_name_ignoring_case_and_spacing_or_by_fingerprint() {
        let key = |seed: u8| {
            crate::domain::did_key::did_key(
                &ed25519_dalek::SigningKey::from_bytes(&[seed; 32])
                    .verifying_key()
                    .to_bytes(),
            )
        };
        let reg = Registry::from_entries([
            RegistryEntry {
                cell_name: "Chi bộ Thôn  Yên Thế".into(),
                did: key(1),
                valid_from: "2026-01-01".into(),
            },
            RegistryEntry {
                cell_name: "Chi bộ Trường Tiểu học".into(),
                did: key(2),
                valid_from: "2026-01-01".into(),
            },
        ])
        .expect("valid entries");
        assert_eq!(reg.search("").len(), 2);
        let found = reg.search("thôn yên");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cell_name, "Chi bộ Thôn  Yên Thế");
        let fp = reg.entries[1].fingerprint();
        assert_eq!(reg.search(&fp[..6])[0].did, reg.entries[1].did);
        assert!(reg.search("không có").is_empty());
    }

    use super::*;
    use crate::domain::did_key::did_key;

    fn did(n: u8) -> String {
        did_key(
            &ed25519_dalek::SigningKey::from_bytes(&[n; 32])
                .verifying_key()
                .to_bytes(),
        )
    }

    #[test]
    fn a_registry_round_trips_through_csv_and_json() {
        let mut r = Registry::default();
        r.upsert(RegistryEntry {
            cell_name: "Chi bộ Thôn Đông, số 1".into(),
            did: did(1),
            valid_from: "2026-01-01".into(),
        })
        .unwrap();
        r.upsert(RegistryEntry {
            cell_name: "Chi bộ \"A\"".into(),
            did: did(2),
            valid_from: "2025-07-01".into(),
        })
        .unwrap();
        assert_eq!(Registry::from_csv(&r.to_csv()).unwrap(), r);
        assert_eq!(Registry::from_json(&r.to_json()).unwrap(), r);
        assert!(r
            .to_csv()
            .starts_with("\u{feff}cell_name,did,fingerprint,valid_from\r\n"));
    }

    #[test]
    fn a_bad_did_a_bad_date_or_a_wrong_fingerprint_names_its_line() {
        let bad_did = "cell_name,did,valid_from\nA,did:key:zzz,2026-01-01\n";
        assert!(matches!(
            Registry::from_csv(bad_did),
            Err(RegistryError::Line { line: 2, .. })
        ));
        let bad_date = format!("cell_name,did,valid_from\nA,{},2026-13-01\n", did(1));
        assert!(matches!(
            Registry::from_csv(&bad_date),
            Err(RegistryError::Line { line: 2, .. })
        ));
        let bad_fp = format!(
            "cell_name,did,fingerprint,valid_from\nA,{},0000-0000-0000-0000,2026-01-01\n",
            did(1)
        );
        assert!(matches!(
            Registry::from_csv(&bad_fp),
            Err(RegistryError::Line { line: 2, .. })
        ));
        assert!(matches!(
            Registry::from_csv("a,b\n"),
            Err(RegistryError::File(_))
        ));
    }

    #[test]
    fn the_same_did_is_registered_once_and_can_be_removed() {
        let mut r = Registry::default();
        r.upsert(RegistryEntry {
            cell_name: "A".into(),
            did: did(1),
            valid_from: "2026-01-01".into(),
        })
        .unwrap();
        r.upsert(RegistryEntry {
            cell_name: "B".into(),
            did: did(1),
            valid_from: "2026-01-01".into(),
        })
        .unwrap();
        assert_eq!(r.entries.len(), 1);
        assert_eq!(r.get(&did(1)).unwrap().cell_name, "B");
        r.remove(&did(1));
        assert!(r.entries.is_empty());
    }

    #[test]
    fn every_registry_error_has_an_english_message() {
        use crate::domain::lang::assert_translated;
        assert_translated(
            &[
                EntryProblem::NoCellName,
                EntryProblem::BadDid(DidKeyError::NotDidKey),
                EntryProblem::BadDate("2026-13-01".into()),
                EntryProblem::FingerprintMismatch,
            ],
            |e| match e {
                EntryProblem::NoCellName => 0,
                EntryProblem::BadDid(_) => 1,
                EntryProblem::BadDate(_) => 2,
                EntryProblem::FingerprintMismatch => 3,
            },
        );
        assert_translated(
            &[
                FileProblem::Csv(UnclosedQuote { line: 3 }),
                FileProblem::NoHeader,
                FileProblem::Json("expected value at line 1 column 1".into()),
            ],
            |e| match e {
                FileProblem::Csv(_) => 0,
                FileProblem::NoHeader => 1,
                FileProblem::Json(_) => 2,
            },
        );
        assert_translated(
            &[
                RegistryError::Line {
                    line: 2,
                    reason: EntryProblem::FingerprintMismatch,
                },
                RegistryError::File(FileProblem::NoHeader),
            ],
            |e| match e {
                RegistryError::Line { .. } => 0,
                RegistryError::File(_) => 1,
            },
        );
        assert_eq!(
            Registry::from_csv("a,b\n").unwrap_err().to_string(),
            "Tệp danh bạ khóa không hợp lệ: cần dòng tiêu đề có cột cell_name và did"
        );
        let bad_date = format!("cell_name,did,valid_from\nA,{},2026-13-01\n", did(1));
        assert_eq!(
            Registry::from_csv(&bad_date).unwrap_err().to_string(),
            "Dòng 2: ngày hiệu lực «2026-13-01» không hợp lệ (năm-tháng-ngày)"
        );
    }

    #[test]
    fn cell_names_compare_without_case_or_spacing() {
        assert!(same_cell("Chi bộ  Thôn Đông", "chi bộ thôn đông"));
        assert!(!same_cell("Chi bộ Thôn Đông", "Chi bộ Thôn Tây"));
    }
}
