//! The exported result: a VC 2.0 credential whose `credentialSubject` holds the quarter's
//! self-assessment as integers and strings (booleans for flags), and nothing that names a member.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use thiserror::Error;

use super::cell::{CellProfile, CellType, Officers};
use super::date::iso_date;
use super::facts::not_held_yet;
use super::lang::Bilingual;
use super::meeting::{Answer, Meeting, MeetingKind, RawFacts};
use super::quarter::QuarterId;
use super::rating::Rating;
use super::record::{Narrative, QuarterRecord};
use super::report::{quarter_report, QuarterReport, Shortfall};
use super::rubric::{Rubric, RubricRef};
use super::scoring::ItemOutcome;
use super::slug::slug;

/// Identifies this result format.
pub const RESULT_FORMAT: &str = "chibo-self-assessment";
/// Version of the result format.
pub const RESULT_FORMAT_VERSION: u32 = 1;
/// The credential type besides `VerifiableCredential`.
pub const CREDENTIAL_TYPE: &str = "ChiBoSelfAssessment";
/// The VC 2.0 base context (its `@vocab` covers this format's terms).
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// `credentialSubject`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ResultSubject {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// Produced in a training workspace: never counted by the district.
    pub training: bool,
    pub rubric: RubricRef,
    pub cell: CellSummary,
    pub quarter: QuarterId,
    pub meetings: Vec<MeetingResult>,
    pub quarter_result: QuarterResult,
    pub narrative: NarrativeOut,
}

/// The cell, without the secretary's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CellSummary {
    pub name: String,
    pub cell_type: CellType,
    pub parent_committee: String,
    pub officers: Officers,
    pub members_official: u32,
    pub members_probationary: u32,
    pub members_exempt: u32,
}

/// One meeting: facts, answers, and every derived value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MeetingResult {
    pub kind: MeetingKind,
    pub month: u8,
    pub date: String,
    pub duration_minutes: u32,
    pub required: u32,
    pub present: u32,
    pub absent_with_reason: u32,
    pub absent_without_reason: u32,
    pub speakers: u32,
    pub repeated_absence: bool,
    /// Judgement answers: `true`/`false` for toggles, the option id for levels.
    pub answers: std::collections::BTreeMap<String, Answer>,
    pub attendance_permille: u64,
    pub speakers_permille: u64,
    pub required_minutes: u32,
    pub items: Vec<ItemResult>,
    pub groups: Vec<GroupResult>,
    pub points: u32,
    pub max_points: u32,
    pub score: u32,
    pub rating: Rating,
    pub tot_blocked_by: Vec<String>,
}

/// One item's points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ItemResult {
    pub id: String,
    pub points: u32,
    pub max_points: u32,
    /// `answered`, `derived`, `not_applicable_full`, `excluded`.
    pub basis: String,
}

/// One group's points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GroupResult {
    pub id: String,
    pub points: u32,
    pub max_points: u32,
}

/// The quarter roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct QuarterResult {
    pub regular_meetings: u32,
    pub average_tenths: u32,
    pub uncapped_rating: Rating,
    pub rating: Rating,
    pub shortfalls: Vec<String>,
}

/// The narrative, under English field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NarrativeOut {
    pub strengths: String,
    pub weaknesses: String,
    pub causes: String,
    pub proposals: String,
}

/// Why a quarter cannot be exported yet.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error("Thông tin chi bộ chưa đủ (tên, số đảng viên)")]
    ProfileIncomplete,
    #[error("Quý chưa có buổi sinh hoạt nào")]
    NoMeetings,
    #[error("Còn {0} phiếu chưa đánh dấu hoàn thành")]
    SheetsIncomplete(usize),
    #[error("Quý chưa có buổi sinh hoạt thường kỳ nào nên chưa có điểm")]
    NoScore,
    #[error("Phiếu tháng {0} có số liệu chưa hợp lệ")]
    BadFacts(u8),
    #[error(
        "Buổi sinh hoạt tháng {0} ghi ngày họp chưa đến; chỉ xuất kết quả khi các buổi đã họp"
    )]
    NotHeldYet(u8),
}

impl Bilingual for ExportError {
    fn message_en(&self) -> String {
        match self {
            Self::ProfileIncomplete => {
                "The cell profile is incomplete (name, member counts)".into()
            }
            Self::NoMeetings => "The quarter has no meetings yet".into(),
            Self::SheetsIncomplete(1) => "1 sheet is not marked complete yet".into(),
            Self::SheetsIncomplete(n) => format!("{n} sheets are not marked complete yet"),
            Self::NoScore => {
                "The quarter has no regular meeting yet, so it has no score yet".into()
            }
            Self::BadFacts(m) => format!("The sheet of month {m} has facts that are not valid"),
            Self::NotHeldYet(m) => format!(
                "The meeting of month {m} is dated in the future; export once every meeting has been held"
            ),
        }
    }
}

fn shortfall_code(s: Shortfall) -> String {
    match s {
        Shortfall::MonthWithoutRegular(m) => format!("month_without_regular:{m}"),
        Shortfall::NoThematic => "no_thematic".to_string(),
        Shortfall::TotConditionsMissed(m) => format!("tot_conditions_missed:{m}"),
    }
}

fn basis(o: &ItemOutcome) -> &'static str {
    match o {
        ItemOutcome::Answered | ItemOutcome::Unanswered => "answered",
        ItemOutcome::Derived { .. } | ItemOutcome::DerivedMissing => "derived",
        ItemOutcome::NotApplicableFull => "not_applicable_full",
        ItemOutcome::Excluded => "excluded",
    }
}

/// Whether a quarter (its live report) can be exported yet; the member counts when it can. The
/// app shows the reason from the report it already has, without building the subject.
pub fn check_ready(
    report: &QuarterReport,
    profile: &CellProfile,
) -> Result<super::cell::MemberCounts, ExportError> {
    let counts = profile
        .member_counts()
        .filter(|_| profile.is_complete())
        .ok_or(ExportError::ProfileIncomplete)?;
    if report.meetings.is_empty() {
        return Err(ExportError::NoMeetings);
    }
    let incomplete = report.meetings.len() - report.complete_meetings as usize;
    if incomplete > 0 {
        return Err(ExportError::SheetsIncomplete(incomplete));
    }
    if report.average_tenths.is_none() {
        return Err(ExportError::NoScore);
    }
    Ok(counts)
}

/// Refuses a quarter with a meeting dated after `today` (the device's date): a signed result
/// says the meetings were held. Kept apart from [`check_ready`] so that signing itself takes no
/// clock (the tests, the CLI's sample files); the export box runs both.
pub fn check_held(report: &QuarterReport, today: NaiveDate) -> Result<(), ExportError> {
    match report
        .meetings
        .iter()
        .find(|m| not_held_yet(m.facts.parsed.date, today))
    {
        Some(m) => Err(ExportError::NotHeldYet(m.month)),
        None => Ok(()),
    }
}

/// Builds the subject from a quarter whose every sheet is complete.
pub fn build_subject(
    rubric: &Rubric,
    record: &QuarterRecord,
    profile: &CellProfile,
    app_version: &str,
    training: bool,
) -> Result<ResultSubject, ExportError> {
    let report = quarter_report(rubric, record, profile.officers);
    let counts = check_ready(&report, profile)?;
    let cell = CellSummary {
        name: profile.name.trim().to_string(),
        cell_type: profile.cell_type,
        parent_committee: profile.parent_committee.trim().to_string(),
        officers: profile.officers,
        members_official: counts.official,
        members_probationary: counts.probationary,
        members_exempt: counts.exempt,
    };
    let n = &record.narrative;
    let narrative = NarrativeOut {
        strengths: n.uu_diem.clone(),
        weaknesses: n.han_che.clone(),
        causes: n.nguyen_nhan.clone(),
        proposals: n.kien_nghi.clone(),
    };
    subject_from(
        rubric,
        record,
        &report,
        cell,
        narrative,
        app_version,
        training,
    )
}

fn subject_from(
    rubric: &Rubric,
    record: &QuarterRecord,
    report: &QuarterReport,
    cell: CellSummary,
    narrative: NarrativeOut,
    app_version: &str,
    training: bool,
) -> Result<ResultSubject, ExportError> {
    let mut meetings = Vec::new();
    for (m, r) in record.meetings.iter().zip(&report.meetings) {
        let f = &r.facts.parsed;
        let bad = || ExportError::BadFacts(m.month);
        meetings.push(MeetingResult {
            kind: m.kind,
            month: m.month,
            date: iso_date(f.date.ok_or_else(bad)?),
            duration_minutes: f.duration_minutes.ok_or_else(bad)?,
            required: f.required.ok_or_else(bad)?,
            present: f.present.ok_or_else(bad)?,
            absent_with_reason: f.absent_with_reason.ok_or_else(bad)?,
            absent_without_reason: f.absent_without_reason.ok_or_else(bad)?,
            speakers: f.speakers.ok_or_else(bad)?,
            repeated_absence: f.repeated_absence.ok_or_else(bad)?,
            answers: m.answers.clone(),
            attendance_permille: r.attendance_permille.ok_or_else(bad)?,
            speakers_permille: r.speakers_permille.unwrap_or(0),
            required_minutes: r.required_minutes,
            items: r
                .score
                .items
                .iter()
                .map(|i| ItemResult {
                    id: i.item_id.clone(),
                    points: i.points,
                    max_points: i.max,
                    basis: basis(&i.outcome).to_string(),
                })
                .collect(),
            groups: r
                .score
                .groups
                .iter()
                .map(|g| GroupResult {
                    id: g.group_id.clone(),
                    points: g.points,
                    max_points: g.max,
                })
                .collect(),
            points: r.score.points,
            max_points: r.score.max,
            score: r.score.score,
            rating: r.score.rating,
            tot_blocked_by: r.score.tot_blocked_by.clone(),
        });
    }
    let (Some(average_tenths), Some(uncapped_rating), Some(rating)) =
        (report.average_tenths, report.uncapped_rating, report.rating)
    else {
        return Err(ExportError::NoScore);
    };
    Ok(ResultSubject {
        format: RESULT_FORMAT.to_string(),
        format_version: RESULT_FORMAT_VERSION,
        app_version: app_version.to_string(),
        training,
        rubric: rubric.reference().clone(),
        cell,
        quarter: record.quarter,
        meetings,
        quarter_result: QuarterResult {
            regular_meetings: report.regular_count,
            average_tenths,
            uncapped_rating,
            rating,
            shortfalls: report
                .shortfalls
                .iter()
                .map(|s| shortfall_code(*s))
                .collect(),
        },
        narrative,
    })
}

/// Recomputes every derived value of a subject from its facts and answers with `rubric`.
/// Returns the subject as it should be; the caller compares it with the one received.
pub fn recompute(rubric: &Rubric, subject: &ResultSubject) -> Result<ResultSubject, ExportError> {
    let record = QuarterRecord {
        quarter: subject.quarter,
        rubric: subject.rubric.clone(),
        meetings: subject
            .meetings
            .iter()
            .zip(1..)
            .map(|(m, id)| Meeting {
                id,
                kind: m.kind,
                month: m.month,
                facts: RawFacts {
                    date: m.date.clone(),
                    duration_minutes: m.duration_minutes.to_string(),
                    required: m.required.to_string(),
                    present: m.present.to_string(),
                    absent_with_reason: m.absent_with_reason.to_string(),
                    absent_without_reason: m.absent_without_reason.to_string(),
                    speakers: m.speakers.to_string(),
                    repeated_absence: Some(m.repeated_absence),
                },
                answers: m.answers.clone(),
                complete: true,
            })
            .collect(),
        narrative: Narrative::default(),
        next_meeting_id: subject.meetings.len() as u32 + 1,
        last_export: None,
    };
    let report = quarter_report(rubric, &record, subject.cell.officers);
    if let Some(m) = report.meetings.iter().find(|m| !m.can_complete()) {
        return Err(ExportError::BadFacts(m.month));
    }
    subject_from(
        rubric,
        &record,
        &report,
        subject.cell.clone(),
        subject.narrative.clone(),
        &subject.app_version,
        subject.training,
    )
}

/// The unsigned credential around a subject.
pub fn credential(
    subject: &ResultSubject,
    issuer_did: &str,
    id_uuid: &str,
    valid_from: &str,
) -> Value {
    json!({
        "@context": [VC_CONTEXT],
        "type": ["VerifiableCredential", CREDENTIAL_TYPE],
        "id": format!("urn:uuid:{id_uuid}"),
        "issuer": issuer_did,
        "validFrom": valid_from,
        "credentialSubject": subject,
    })
}

/// A version-4 UUID from 16 random bytes (randomness is the caller's).
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// `tu-danh-gia_<cell-slug>_<year>-Q<n>.json` (`tap-huan_` first for a training result).
pub fn file_name(cell_name: &str, quarter: QuarterId, training: bool) -> String {
    super::training::download_name(
        &format!("tu-danh-gia_{}_{}.json", slug(cell_name), quarter),
        training,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_version_and_variant_bits() {
        let u = uuid_v4([0xff; 16]);
        assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn file_names_follow_the_agreed_pattern() {
        let q = QuarterId::new(2026, 4).unwrap();
        assert_eq!(
            file_name("Chi bộ Thôn Đông Hà", q, false),
            "tu-danh-gia_chi-bo-thon-dong-ha_2026-Q4.json"
        );
        assert_eq!(
            file_name("Chi bộ Thôn Đông Hà", q, true),
            "tap-huan_tu-danh-gia_chi-bo-thon-dong-ha_2026-Q4.json"
        );
    }

    #[test]
    fn a_quarter_with_a_meeting_still_to_come_is_not_exported() {
        use crate::domain::catalog::Catalog;
        use crate::domain::sample::{sample_cell, sample_quarter};
        let catalog = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let rubric = catalog.default_rubric().unwrap_or_else(|| panic!("rubric"));
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let profile = sample_cell(3, 0);
        let record = sample_quarter(3, 0, rubric, q, &profile);
        let report = quarter_report(rubric, &record, profile.officers);
        let last = report
            .meetings
            .iter()
            .filter_map(|m| m.facts.parsed.date.map(|d| (d, m.month)))
            .max()
            .unwrap_or_else(|| panic!("dated meetings"));
        assert_eq!(check_held(&report, last.0), Ok(()));
        let day_before = last.0.pred_opt().unwrap_or_else(|| panic!("a day before"));
        assert_eq!(
            check_held(&report, day_before),
            Err(ExportError::NotHeldYet(last.1))
        );
    }
}

/// A signed export: the credential and its file name.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedExport {
    pub document: Value,
    pub file_name: String,
}

/// What an export needs besides the quarter: the caller's clock and randomness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportMeta {
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub now: String,
    /// Fresh random bytes for the credential id.
    pub uuid_bytes: [u8; 16],
    pub app_version: String,
    pub training: bool,
}

/// Builds and signs a quarter's result.
pub fn sign_result(
    rubric: &Rubric,
    record: &QuarterRecord,
    profile: &CellProfile,
    key: &ed25519_dalek::SigningKey,
    meta: &ExportMeta,
) -> Result<SignedExport, SignError> {
    let subject = build_subject(rubric, record, profile, &meta.app_version, meta.training)?;
    let did = super::did_key::did_key(&key.verifying_key().to_bytes());
    let unsigned = credential(&subject, &did, &uuid_v4(meta.uuid_bytes), &meta.now);
    let options = super::eddsa_jcs::ProofOptions {
        created: meta.now.clone(),
    };
    let document = super::eddsa_jcs::sign(&unsigned, key, &options)?;
    Ok(SignedExport {
        document,
        file_name: file_name(&subject.cell.name, subject.quarter, subject.training),
    })
}

/// Why a result could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SignError {
    #[error(transparent)]
    NotReady(#[from] ExportError),
    #[error("Không ký được: {0}")]
    Suite(#[from] super::eddsa_jcs::SuiteError),
}

impl Bilingual for SignError {
    fn message_en(&self) -> String {
        match self {
            Self::NotReady(e) => e.message_en(),
            Self::Suite(e) => format!("Could not sign: {}", e.message_en()),
        }
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::domain::lang::assert_translated;

    #[test]
    fn every_export_and_sign_error_has_an_english_message() {
        use ExportError::*;
        assert_translated(
            &[
                ProfileIncomplete,
                NoMeetings,
                SheetsIncomplete(3),
                NoScore,
                BadFacts(11),
                NotHeldYet(12),
            ],
            |e| match e {
                ProfileIncomplete => 0,
                NoMeetings => 1,
                SheetsIncomplete(_) => 2,
                NoScore => 3,
                BadFacts(_) => 4,
                NotHeldYet(_) => 5,
            },
        );
        assert_eq!(
            SheetsIncomplete(1).message_en(),
            "1 sheet is not marked complete yet"
        );
        assert_eq!(
            SheetsIncomplete(3).to_string(),
            "Còn 3 phiếu chưa đánh dấu hoàn thành"
        );
        assert_translated(
            &[
                SignError::NotReady(NoScore),
                SignError::Suite(super::super::eddsa_jcs::SuiteError::AlreadySigned),
            ],
            |e| match e {
                SignError::NotReady(_) => 0,
                SignError::Suite(_) => 1,
            },
        );
    }
}
