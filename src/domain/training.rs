//! The training workspace's content: a sample cell with a half-filled quarter for secretaries to
//! practise on, and a set of sample result files for a trainer to show the district view.
//!
//! Everything is deterministic from a seed (the caller passes randomness and the clock).

use super::catalog::Catalog;
use super::cell::{CellProfile, Officers};
use super::cell_key::CellKey;
use super::did_key::did_key;
use super::district::registry::RegistryEntry;
use super::eddsa_jcs::to_pretty;
use super::meeting::{MeetingKind, RawFacts};
use super::quarter::QuarterId;
use super::record::QuarterRecord;
use super::result_doc::{sign_result, ExportMeta, SignError};
use super::rubric::Rubric;
use super::sample::{sample_cell, sample_key, sample_quarter, SampleRng};

/// The practice cell of the training workspace.
pub fn training_profile(seed: u64) -> CellProfile {
    CellProfile {
        name: "Chi bộ Thôn Tập Huấn".into(),
        secretary: "Nguyễn Văn Mẫu".into(),
        officers: Officers::Committee,
        members_official: "24".into(),
        members_probationary: "1".into(),
        members_exempt: "1".into(),
        ..sample_cell(seed, 0)
    }
}

/// A quarter of one meeting a month, the second combined with the thematic one (as most cells
/// do), with the first meeting filled in and complete and the others blank: the trainee sees a
/// finished sheet and fills the rest. The shape is fixed so a workshop can follow one script.
pub fn training_quarter(
    seed: u64,
    rubric: &Rubric,
    quarter: QuarterId,
    profile: &CellProfile,
) -> QuarterRecord {
    let mut record = sample_quarter(seed, 0, rubric, quarter, profile);
    record.meetings.retain(|m| m.kind != MeetingKind::Thematic);
    for (i, m) in record.meetings.iter_mut().enumerate() {
        m.kind = if i == 1 {
            MeetingKind::Combined
        } else {
            MeetingKind::Regular
        };
    }
    for m in record.meetings.iter_mut().skip(1) {
        m.facts = RawFacts::default();
        m.answers.clear();
        m.complete = false;
    }
    record
}

/// What a training key says in place of its backup's date (after the date, in brackets).
pub const NO_BACKUP_NEEDED: &str = "tập huấn: không cần sao lưu";

/// A download's file name, marked when it comes from the training workspace: a file made in a
/// workshop (a result, a key backup, a district table or registry) must not pass for a real
/// one once it sits in a folder beside them.
pub fn download_name(name: &str, training: bool) -> String {
    if training {
        format!("tap-huan_{name}")
    } else {
        name.to_string()
    }
}

/// A training key: throwaway, so it needs no backup file before exporting (a workshop should
/// get to the export in one sitting; the real key's backup is taught, not enforced, here).
pub fn training_key(secret: [u8; 32], now: &str) -> CellKey {
    let mut key = CellKey::new(secret, now);
    key.backup_saved = Some(format!("{now} ({NO_BACKUP_NEEDED})"));
    key
}

/// Sample files for demonstrating the district view, and the registry entries they need.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoSet {
    /// (file name, file text)
    pub files: Vec<(String, String)>,
    pub registry: Vec<RegistryEntry>,
}

/// How many regular sample cells a demo set has.
pub const DEMO_CELLS: u32 = 8;

/// Sample result files showing every status a district meets: valid ones, a newer submission
/// that supersedes an older one, an exact duplicate, a tampered file, a key not in the registry,
/// a key registered for another cell, a training export, and a file that is not JSON.
///
/// The files are marked real (not training) so that the trainer can show counting; they are
/// signed with sample keys that no real registry holds, so if one ever reached a real district
/// it would be refused as "khóa chưa đăng ký".
pub fn demo_files(
    catalog: &Catalog,
    quarter: QuarterId,
    now: &str,
    seed: u64,
) -> Result<DemoSet, SignError> {
    let Some(rubric) = catalog.default_for(quarter) else {
        return Ok(DemoSet {
            files: Vec::new(),
            registry: Vec::new(),
        });
    };
    let earlier = format!("{}-{:02}-20T08:00:00Z", quarter.year(), quarter.months()[2]);
    let valid_from = format!("{}-01-01", quarter.year());
    let sign = |index: u32, created: &str, training: bool| -> Result<(String, String), SignError> {
        let key = sample_key(seed, index);
        let profile = sample_cell(seed, index);
        let record = sample_quarter(seed, index, rubric, quarter, &profile);
        // Different moments of the same cell get different ids.
        let salt = created
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let stream = u64::from(index) | (5 << 40) | (u64::from(training) << 41);
        let mut rng = SampleRng::new(seed ^ salt, stream);
        let mut uuid_bytes = [0u8; 16];
        uuid_bytes.copy_from_slice(&rng.bytes32()[..16]);
        let meta = ExportMeta {
            now: created.into(),
            uuid_bytes,
            app_version: env!("CARGO_PKG_VERSION").into(),
            training,
        };
        let export = sign_result(rubric, &record, &profile, &key, &meta)?;
        Ok((export.file_name, to_pretty(&export.document) + "\n"))
    };
    let entry = |index: u32, name: Option<&str>| RegistryEntry {
        cell_name: name
            .map(str::to_string)
            .unwrap_or_else(|| sample_cell(seed, index).name),
        did: did_key(&sample_key(seed, index).verifying_key().to_bytes()),
        valid_from: valid_from.clone(),
    };
    let mut files = Vec::new();
    let mut registry = Vec::new();
    for i in 0..DEMO_CELLS {
        let (name, text) = sign(i, now, false)?;
        files.push((format!("{:02}_{name}", i + 1), text));
        registry.push(entry(i, None));
    }
    // Cell 1 also sent an earlier version: it is superseded by the one above.
    let (name, text) = sign(1, &earlier, false)?;
    files.push((format!("09_ban-cu_{name}"), text));
    // The same file twice.
    if let Some((name, text)) = files.first().cloned() {
        files.push((format!("10_gui-lai_{name}"), text));
    }
    // A number changed after signing.
    if let Some((name, text)) = files.get(2).cloned() {
        let tampered = text.replacen("\"present\": ", "\"present\": 1", 1);
        files.push((format!("11_bi-sua_{name}"), tampered));
    }
    // A key the district never registered.
    let (name, text) = sign(DEMO_CELLS, now, false)?;
    files.push((format!("12_khoa-la_{name}"), text));
    // A key registered for another cell.
    let (name, text) = sign(DEMO_CELLS + 1, now, false)?;
    files.push((format!("13_sai-chi-bo_{name}"), text));
    registry.push(entry(DEMO_CELLS + 1, Some("Chi bộ Khác Hẳn")));
    // A training export (counted never).
    let (name, text) = sign(DEMO_CELLS + 2, now, true)?;
    files.push((format!("14_tap-huan_{name}"), text));
    registry.push(entry(DEMO_CELLS + 2, None));
    files.push((
        "15_khong-phai-json.json".into(),
        "Đây là biên bản họp, không phải tệp kết quả.".into(),
    ));
    Ok(DemoSet { files, registry })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::district::collection::{classify, receive, Status};
    use crate::domain::district::registry::Registry;
    use crate::domain::report::quarter_report;

    fn q() -> QuarterId {
        QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_practice_quarter_has_one_finished_meeting_and_blank_others() {
        let catalog = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let rubric = catalog.default_rubric().unwrap_or_else(|| panic!("rubric"));
        let profile = training_profile(7);
        let record = training_quarter(7, rubric, q(), &profile);
        let report = quarter_report(rubric, &record, profile.officers);
        assert_eq!(report.meetings.len(), 3);
        assert_eq!(record.meetings[1].kind, MeetingKind::Combined);
        assert!(report.meetings[0].can_complete());
        assert!(record.meetings[1..]
            .iter()
            .all(|m| m.answers.is_empty() && !m.complete));
    }

    #[test]
    fn a_training_key_can_export_without_a_backup_file() {
        let k = training_key([3; 32], "2026-11-23T08:00:00Z");
        assert!(k.backup_saved.is_some());
        assert!(k.signing_key().is_some());
    }

    #[test]
    fn the_demo_set_shows_every_status_a_district_meets() {
        let catalog = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let set =
            demo_files(&catalog, q(), "2026-12-28T08:00:00Z", 11).unwrap_or_else(|e| panic!("{e}"));
        let registry =
            Registry::from_entries(set.registry.clone()).unwrap_or_else(|e| panic!("{e:?}"));
        let received: Vec<_> = set
            .files
            .iter()
            .map(|(n, t)| receive(n, t.as_bytes(), &catalog))
            .collect();
        let statuses: Vec<Status> = classify(&received, &registry)
            .iter()
            .map(|c| c.status)
            .collect();
        let count = |s| statuses.iter().filter(|x| **x == s).count();
        assert_eq!(count(Status::Valid), DEMO_CELLS as usize);
        for s in [
            Status::Superseded,
            Status::Duplicate,
            Status::BadSignature,
            Status::UnregisteredKey,
            Status::KeyCellMismatch,
            Status::Training,
            Status::Unreadable,
        ] {
            assert_eq!(count(s), 1, "{s:?} in {statuses:?}");
        }
        // Deterministic: the same seed gives the same files.
        let again =
            demo_files(&catalog, q(), "2026-12-28T08:00:00Z", 11).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again, set);
    }
}
