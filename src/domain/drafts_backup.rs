//! A backup of the secretary's work on this device: the cell profile and every saved quarter of
//! the workspace, as one plain JSON file. It moves the drafts to a new phone, or keeps them safe
//! from a browser that clears its storage when the phone runs short of space.
//!
//! Decisions:
//! - **Not signed, not for the district.** What the district trusts is the signed result; this
//!   file only carries drafts from one device of the cell to another.
//! - **No signing key in it.** A key leaves the device only inside its own passphrase-protected
//!   backup (`key_backup`); the secretary's name, which the signed result never carries, is in
//!   it (the profile), so the screen says to keep the file private.
//! - **Restoring never overwrites silently.** A quarter the device does not have is added; one
//!   that is the same is left alone; one that differs is replaced only when the user ticks it,
//!   and the device's own version is kept aside first (storage edge). See [`plan`].
//! - **Training and real data stay apart**: a file of one workspace is refused by the other.
//! - The quarters are stored records as they are ([`QuarterRecord`] of storage schema 1);
//!   `formatVersion` goes up with the storage schema, and reading an older file then migrates it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::catalog::Catalog;
use super::cell::CellProfile;
use super::date::iso_date;
use super::lang::Bilingual;
use super::quarter::QuarterId;
use super::record::QuarterRecord;
use super::report::{quarter_report, Progress};
use super::slug::slug;

/// The `format` of a drafts backup file.
pub const FORMAT: &str = "chibo-drafts";
/// The version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Larger files are refused before they are read: a whole year of quarters is about 100 KB.
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;

/// The file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftsBackup {
    pub format: String,
    pub format_version: u32,
    /// When it was written (the device's clock, ISO 8601).
    pub created: String,
    pub app_version: String,
    /// Written in the training workspace (and restorable only there).
    pub training: bool,
    /// `None` when the cell profile was never filled in.
    pub profile: Option<CellProfile>,
    /// Each quarter once (the app writes them oldest first).
    pub quarters: Vec<QuarterRecord>,
}

/// What is written down besides the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupMeta {
    pub created: String,
    pub app_version: String,
    pub training: bool,
}

/// Why a file cannot be restored (`Display` in Vietnamese, [`Bilingual`] in English).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("tệp quá lớn ({0} byte; tối đa 5 MB)")]
    TooLarge(usize),
    #[error("tệp không phải JSON")]
    NotJson,
    #[error("tệp không phải bản sao lưu dữ liệu chấm điểm (có thể là tệp kết quả hoặc tệp sao lưu khóa)")]
    NotABackup,
    #[error("tệp do phiên bản mới hơn của ứng dụng ghi (định dạng {0}); hãy cập nhật ứng dụng")]
    Newer(u32),
    #[error("tệp sao lưu bị hỏng: {0}")]
    Damaged(Damage),
    #[error("tệp sao lưu của chế độ tập huấn: chỉ khôi phục được khi đang tập huấn")]
    TrainingIntoReal,
    #[error("tệp sao lưu dữ liệu thật: không khôi phục vào chế độ tập huấn")]
    RealIntoTraining,
}

impl Bilingual for BackupError {
    fn message_en(&self) -> String {
        match self {
            Self::TooLarge(n) => format!("the file is too large ({n} bytes; at most 5 MB)"),
            Self::NotJson => "the file is not JSON".into(),
            Self::NotABackup => "the file is not a backup of assessment data (it may be a result file or a key backup)".into(),
            Self::Newer(v) => format!("the file was written by a newer version of the app (format {v}); update the app"),
            Self::Damaged(why) => format!("the backup file is damaged: {}", why.message_en()),
            Self::TrainingIntoReal => "a backup of the training workspace: it can be restored only while training".into(),
            Self::RealIntoTraining => "a backup of real data: it is not restored into the training workspace".into(),
        }
    }
}

/// What is wrong inside a file that is a backup of ours.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Damage {
    #[error("phiên bản định dạng không hợp lệ")]
    BadVersion,
    /// The JSON reader's own words (English, as elsewhere in the app's messages).
    #[error("{0}")]
    Unreadable(String),
    #[error("quý {0} có hai lần")]
    QuarterTwice(QuarterId),
    #[error("quý {0}: buổi sinh hoạt ở tháng {1}, ngoài quý")]
    MonthOutside(QuarterId, u8),
    #[error("quý {0}: mã buổi sinh hoạt {1} không hợp lệ hoặc trùng")]
    BadMeetingId(QuarterId, u32),
    #[error("quý {0}: các buổi sinh hoạt không theo thứ tự tháng")]
    OutOfOrder(QuarterId),
    #[error("quý {0}: quá nhiều buổi sinh hoạt")]
    TooManyMeetings(QuarterId),
}

impl Bilingual for Damage {
    fn message_en(&self) -> String {
        match self {
            Self::BadVersion => "the format version is not valid".into(),
            Self::Unreadable(why) => why.clone(),
            Self::QuarterTwice(q) => format!("quarter {q} is in it twice"),
            Self::MonthOutside(q, m) => {
                format!("quarter {q}: a meeting in month {m}, outside the quarter")
            }
            Self::BadMeetingId(q, id) => {
                format!("quarter {q}: meeting id {id} is not valid or repeated")
            }
            Self::OutOfOrder(q) => format!("quarter {q}: the meetings are not in month order"),
            Self::TooManyMeetings(q) => format!("quarter {q}: too many meetings"),
        }
    }
}

/// Most meetings in one quarter of a backup (a quarter has four or five); ids stay below
/// [`MAX_MEETING_ID`], so adding meetings later can never run out of ids.
const MAX_MEETINGS: usize = 60;
const MAX_MEETING_ID: u32 = 100_000;

/// The file's text for `profile` and `quarters` (written in the order given).
///
/// One line of JSON, as the device stores it: the page already has that writer for every
/// stored type, and a pretty-printed one would be a second copy of it (≈ 10 KB of wasm).
pub fn write_backup(
    profile: &CellProfile,
    quarters: &[QuarterRecord],
    meta: &BackupMeta,
) -> Result<String, serde_json::Error> {
    let doc = DraftsBackupOut {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        created: meta.created.clone(),
        app_version: meta.app_version.clone(),
        training: meta.training,
        profile: (*profile != CellProfile::default()).then_some(profile),
        quarters,
    };
    serde_json::to_string(&doc).map(|t| t + "\n")
}

/// [`DraftsBackup`] as written, borrowing its data.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DraftsBackupOut<'a> {
    format: &'static str,
    format_version: u32,
    created: String,
    app_version: String,
    training: bool,
    profile: Option<&'a CellProfile>,
    quarters: &'a [QuarterRecord],
}

/// The file's name: `sao-luu-du-lieu_<cell>_<YYYY-MM-DD>.json` (`tap-huan_` first in training).
pub fn file_name(cell_name: &str, day: NaiveDate, training: bool) -> String {
    super::training::download_name(
        &format!("sao-luu-du-lieu_{}_{}.json", slug(cell_name), iso_date(day)),
        training,
    )
}

/// Just enough of any JSON object to tell a backup of ours (of any version) from other files.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    format: Option<String>,
    format_version: Option<u32>,
}

/// Reads a backup file for the workspace it is restored into, checking every quarter as the app
/// would open it.
pub fn read_backup(text: &str, training_workspace: bool) -> Result<DraftsBackup, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge(text.len()));
    }
    let text = super::verify::without_bom(text);
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            BackupError::NotABackup
        } else {
            BackupError::NotJson
        }
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match header.format_version {
        Some(FORMAT_VERSION) => {}
        Some(v) if v > FORMAT_VERSION => return Err(BackupError::Newer(v)),
        _ => return Err(BackupError::Damaged(Damage::BadVersion)),
    }
    let doc: DraftsBackup = serde_json::from_str(text)
        .map_err(|e| BackupError::Damaged(Damage::Unreadable(e.to_string())))?;
    match (doc.training, training_workspace) {
        (true, false) => return Err(BackupError::TrainingIntoReal),
        (false, true) => return Err(BackupError::RealIntoTraining),
        _ => {}
    }
    let mut seen = Vec::new();
    for q in &doc.quarters {
        if seen.contains(&q.quarter) {
            return Err(BackupError::Damaged(Damage::QuarterTwice(q.quarter)));
        }
        seen.push(q.quarter);
        check_record(q).map_err(BackupError::Damaged)?;
    }
    Ok(doc)
}

/// What the app's own edits guarantee of a stored quarter, which a file edited by hand may break:
/// meetings in the quarter's months, in order of month then id, each id once and below the next
/// id (which stays far from overflowing).
fn check_record(r: &QuarterRecord) -> Result<(), Damage> {
    let q = r.quarter;
    if r.meetings.len() > MAX_MEETINGS {
        return Err(Damage::TooManyMeetings(q));
    }
    if r.next_meeting_id > MAX_MEETING_ID {
        return Err(Damage::BadMeetingId(q, r.next_meeting_id));
    }
    let months = q.months();
    let mut ids = Vec::with_capacity(r.meetings.len());
    let mut last_month = 0;
    for m in &r.meetings {
        if !months.contains(&m.month) {
            return Err(Damage::MonthOutside(q, m.month));
        }
        if m.id >= r.next_meeting_id || ids.contains(&m.id) {
            return Err(Damage::BadMeetingId(q, m.id));
        }
        if m.month < last_month
            || ids
                .last()
                .is_some_and(|&l| m.month == last_month && m.id < l)
        {
            return Err(Damage::OutOfOrder(q));
        }
        ids.push(m.id);
        last_month = m.month;
    }
    Ok(())
}

/// How a value of the file compares with the device's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The device has none, or only the blank quarter the app starts by itself: restoring
    /// adds it.
    New,
    /// The device has exactly this: nothing to do.
    Same,
    /// The device has another version: replaced only if the user chooses so.
    Differs,
}

/// One quarter of the file against the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterPlan {
    pub quarter: QuarterId,
    pub change: Change,
    /// Answered / required items in the file's version; `None` when this app does not have the
    /// quarter's rubric (the quarter cannot be restored).
    pub in_file: Option<Progress>,
    /// The same for the device's version, when it has one.
    pub on_device: Option<Progress>,
}

impl QuarterPlan {
    /// The app can open the file's version (its exact rubric is shipped).
    pub fn restorable(&self) -> bool {
        self.in_file.is_some()
    }
}

/// The file against the device, to show before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestorePlan {
    /// `None` when the file has no profile.
    pub profile: Option<Change>,
    /// Newest first, like the list of saved quarters.
    pub quarters: Vec<QuarterPlan>,
}

/// Compares `backup` with the device: its profile (`CellProfile::default()` when there is none)
/// and its stored quarters (`device(q)`).
pub fn plan(
    backup: &DraftsBackup,
    device_profile: &CellProfile,
    device: impl Fn(QuarterId) -> Option<QuarterRecord>,
    catalog: &Catalog,
) -> RestorePlan {
    let compare = |ours: Option<bool>| match ours {
        None => Change::New,
        Some(true) => Change::Same,
        Some(false) => Change::Differs,
    };
    let profile = backup.profile.as_ref().map(|p| {
        let has = *device_profile != CellProfile::default();
        compare(has.then(|| p == device_profile))
    });
    // Progress is counted with the profile that will be in force after restoring.
    let officers = backup
        .profile
        .as_ref()
        .filter(|_| *device_profile == CellProfile::default())
        .unwrap_or(device_profile)
        .officers;
    let progress = |r: &QuarterRecord| {
        catalog
            .get(&r.rubric)
            .map(|rubric| quarter_report(rubric, r, officers).progress)
    };
    let mut quarters: Vec<QuarterPlan> = backup
        .quarters
        .iter()
        .map(|r| {
            let ours = device(r.quarter).filter(|o| !o.is_untouched());
            QuarterPlan {
                quarter: r.quarter,
                change: compare(ours.as_ref().map(|o| o == r)),
                in_file: progress(r),
                on_device: ours.as_ref().and_then(progress),
            }
        })
        .collect();
    quarters.reverse();
    RestorePlan { profile, quarters }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::Answer;
    use crate::domain::sample::{sample_cell, sample_quarter};

    fn catalog() -> Catalog {
        Catalog::shipped().unwrap()
    }

    fn meta(training: bool) -> BackupMeta {
        BackupMeta {
            created: "2026-12-06T08:00:00Z".into(),
            app_version: "0.1.0".into(),
            training,
        }
    }

    fn q(year: i32, n: u8) -> QuarterId {
        QuarterId::new(year, n).unwrap()
    }

    fn two_quarters() -> (CellProfile, Vec<QuarterRecord>) {
        let c = catalog();
        let rubric = c.default_rubric().unwrap();
        let profile = sample_cell(9, 0);
        let quarters = vec![
            sample_quarter(9, 1, rubric, q(2026, 3), &profile),
            sample_quarter(9, 0, rubric, q(2026, 4), &profile),
        ];
        (profile, quarters)
    }

    #[test]
    fn a_written_backup_reads_back_the_same() {
        let (profile, quarters) = two_quarters();
        let text = write_backup(&profile, &quarters, &meta(false)).unwrap();
        let back = read_backup(&text, false).unwrap();
        assert_eq!(back.profile.as_ref(), Some(&profile));
        assert_eq!(
            back.quarters.iter().map(|r| r.quarter).collect::<Vec<_>>(),
            [q(2026, 3), q(2026, 4)]
        );
        assert_eq!(back.quarters, quarters);
        assert!(text.starts_with("{\"format\":\"chibo-drafts\",\"formatVersion\":1,"));
    }

    #[test]
    fn the_file_is_named_after_the_cell_and_the_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            file_name("Chi bộ Thôn Đông Hà", day, false),
            "sao-luu-du-lieu_chi-bo-thon-dong-ha_2026-11-23.json"
        );
        assert_eq!(
            file_name("", day, true),
            "tap-huan_sao-luu-du-lieu_chi-bo_2026-11-23.json"
        );
    }

    #[test]
    fn an_empty_profile_is_left_out_and_the_file_still_reads() {
        let text = write_backup(&CellProfile::default(), &[], &meta(false)).unwrap();
        let back = read_backup(&text, false).unwrap();
        assert!(back.profile.is_none() && back.quarters.is_empty());
    }

    #[test]
    fn other_files_are_told_apart_from_a_damaged_or_newer_backup() {
        assert_eq!(read_backup("{not json", false), Err(BackupError::NotJson));
        assert_eq!(read_backup("[1,2]", false), Err(BackupError::NotABackup));
        assert_eq!(
            read_backup(r#"{"@context":["x"],"proof":{}}"#, false),
            Err(BackupError::NotABackup)
        );
        assert_eq!(
            read_backup(r#"{"format":"chibo-key-backup","formatVersion":1}"#, false),
            Err(BackupError::NotABackup)
        );
        assert_eq!(
            read_backup(
                r#"{"format":"chibo-drafts","formatVersion":2,"whatever":1}"#,
                false
            ),
            Err(BackupError::Newer(2))
        );
        assert!(matches!(
            read_backup(r#"{"format":"chibo-drafts","formatVersion":1}"#, false),
            Err(BackupError::Damaged(_))
        ));
        let big = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert_eq!(
            read_backup(&big, false),
            Err(BackupError::TooLarge(MAX_BACKUP_BYTES + 1))
        );
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        let text = write_backup(&CellProfile::default(), &[], &meta(false)).unwrap();
        assert!(read_backup(&format!("\u{feff}{text}"), false).is_ok());
    }

    #[test]
    fn training_and_real_backups_stay_in_their_own_workspace() {
        let text = write_backup(&CellProfile::default(), &[], &meta(true)).unwrap();
        assert_eq!(
            read_backup(&text, false),
            Err(BackupError::TrainingIntoReal)
        );
        assert!(read_backup(&text, true).is_ok());
        let text = write_backup(&CellProfile::default(), &[], &meta(false)).unwrap();
        assert_eq!(read_backup(&text, true), Err(BackupError::RealIntoTraining));
    }

    #[test]
    fn a_hand_edited_quarter_that_the_app_could_not_have_saved_is_refused() {
        let (profile, quarters) = two_quarters();
        type Edit = dyn Fn(&mut Vec<QuarterRecord>);
        let damaged = |edit: &Edit| {
            let mut qs = quarters.clone();
            edit(&mut qs);
            let text = write_backup(&profile, &qs, &meta(false)).unwrap();
            read_backup(&text, false)
        };
        let cases: [&Edit; 7] = [
            &|qs| qs[0].meetings[0].month = 2,
            &|qs| qs[0].next_meeting_id = 1,
            &|qs| qs[0].meetings.reverse(),
            &|qs| {
                let again = qs[0].clone();
                qs.push(again);
            },
            // The same id in two months: in order, but two sheets would share it.
            &|qs| {
                let first = qs[0].meetings[0].id;
                qs[0].meetings[1].id = first;
            },
            &|qs| qs[0].next_meeting_id = u32::MAX,
            &|qs| {
                let one = qs[0].meetings[0].clone();
                qs[0].meetings = vec![one; 61];
            },
        ];
        for edit in cases {
            assert!(matches!(damaged(edit), Err(BackupError::Damaged(_))));
        }
    }

    #[test]
    fn the_plan_adds_new_quarters_leaves_equal_ones_and_flags_different_ones() {
        let c = catalog();
        let (profile, quarters) = two_quarters();
        let text = write_backup(&profile, &quarters, &meta(false)).unwrap();
        let backup = read_backup(&text, false).unwrap();

        // A new phone (which has started the current quarter blank): everything is new.
        let blank = |id: QuarterId| Some(QuarterRecord::new(id, quarters[0].rubric.clone()));
        let p = plan(&backup, &CellProfile::default(), blank, &c);
        assert_eq!(p.profile, Some(Change::New));
        assert_eq!(
            p.quarters
                .iter()
                .map(|x| (x.quarter, x.change))
                .collect::<Vec<_>>(),
            [(q(2026, 4), Change::New), (q(2026, 3), Change::New)]
        );
        assert!(p
            .quarters
            .iter()
            .all(|x| x.restorable() && x.on_device.is_none()));

        // The same device, one quarter edited since: that one differs.
        let mut edited = quarters[1].clone();
        edited.meetings[0]
            .answers
            .insert("trinh_tu".into(), Answer::Toggle(false));
        let device = |id: QuarterId| {
            if id == q(2026, 4) {
                Some(edited.clone())
            } else {
                quarters.iter().find(|r| r.quarter == id).cloned()
            }
        };
        let p = plan(&backup, &profile, device, &c);
        assert_eq!(p.profile, Some(Change::Same));
        assert_eq!(
            p.quarters.iter().map(|x| x.change).collect::<Vec<_>>(),
            [Change::Differs, Change::Same]
        );
        assert!(p.quarters[0].on_device.is_some());

        let mut other = profile.clone();
        other.name = "Chi bộ khác".into();
        assert_eq!(
            plan(&backup, &other, |_| None, &c).profile,
            Some(Change::Differs)
        );
    }

    #[test]
    fn a_quarter_with_a_rubric_this_app_lacks_is_not_restorable() {
        let c = catalog();
        let (profile, mut quarters) = two_quarters();
        // The newer quarter (listed first in the plan).
        quarters[1].rubric.sha256 = "0".repeat(64);
        let text = write_backup(&profile, &quarters, &meta(false)).unwrap();
        let backup = read_backup(&text, false).unwrap();
        let p = plan(&backup, &profile, |_| None, &c);
        assert!(!p.quarters[0].restorable());
        assert!(p.quarters[1].restorable());
    }

    #[test]
    fn every_error_has_an_english_message() {
        for e in [
            BackupError::TooLarge(1),
            BackupError::NotJson,
            BackupError::NotABackup,
            BackupError::Newer(2),
            BackupError::Damaged(Damage::BadVersion),
            BackupError::Damaged(Damage::OutOfOrder(QuarterId::new(2026, 4).unwrap())),
            BackupError::TrainingIntoReal,
            BackupError::RealIntoTraining,
        ] {
            assert!(!e.message_en().is_empty() && e.message_en() != e.to_string());
        }
    }
}
