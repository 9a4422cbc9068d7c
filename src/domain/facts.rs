//! Checking a meeting's facts and measuring them: pure functions the scoring builds on.

use chrono::NaiveDate;
use thiserror::Error;

use super::count::{parse_count, CountError};
use super::lang::Bilingual;
use super::meeting::{MeetingKind, RawFacts};
use super::quarter::QuarterId;
use super::rubric::{DurationRule, Measure};

/// Longest meeting accepted, in minutes (a whole day).
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;

/// A fact field, for placing messages next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactField {
    Date,
    DurationMinutes,
    Required,
    Present,
    AbsentWithReason,
    AbsentWithoutReason,
    Speakers,
    RepeatedAbsence,
}

impl FactField {
    /// Every field, in form order.
    pub const ALL: [FactField; 8] = [
        Self::Date,
        Self::DurationMinutes,
        Self::Required,
        Self::Present,
        Self::AbsentWithReason,
        Self::AbsentWithoutReason,
        Self::Speakers,
        Self::RepeatedAbsence,
    ];

    /// Stable id, used in stored data, exports and element ids.
    pub fn id(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::DurationMinutes => "duration_minutes",
            Self::Required => "required",
            Self::Present => "present",
            Self::AbsentWithReason => "absent_with_reason",
            Self::AbsentWithoutReason => "absent_without_reason",
            Self::Speakers => "speakers",
            Self::RepeatedAbsence => "repeated_absence",
        }
    }
}

/// What is wrong with a fact. `Display` is the Vietnamese message shown next to the field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FactProblem {
    /// The typed number was refused.
    #[error("{0}")]
    Count(CountError),
    #[error("Ngày họp phải thuộc tháng {month}/{year}")]
    DateOutsideMonth { month: u8, year: i32 },
    #[error("Ngày không hợp lệ (dạng năm-tháng-ngày)")]
    BadDate,
    #[error("Thời lượng phải lớn hơn 0 phút")]
    ZeroDuration,
    #[error("Thời lượng không thể quá {MAX_DURATION_MINUTES} phút")]
    TooLong,
    #[error("Số đảng viên phải dự phải lớn hơn 0")]
    ZeroRequired,
    #[error(
        "Có mặt + vắng có lý do + vắng không lý do = {sum}, phải bằng số phải dự ({required})"
    )]
    SumMismatch { sum: u64, required: u32 },
    #[error("Số có mặt ({present}) không thể lớn hơn số phải dự ({required})")]
    PresentAboveRequired { present: u32, required: u32 },
    #[error("Số đảng viên phát biểu ({speakers}) không thể lớn hơn số có mặt ({present})")]
    SpeakersAbovePresent { speakers: u32, present: u32 },
    #[error("Không có đảng viên nào có mặt thì buổi sinh hoạt chưa diễn ra; nếu chi bộ không họp, hãy xóa buổi này")]
    NobodyPresent,
}

impl Bilingual for FactProblem {
    fn message_en(&self) -> String {
        match self {
            Self::Count(e) => e.message_en(),
            Self::DateOutsideMonth { month, year } => {
                format!("The meeting date must be in month {month}/{year}")
            }
            Self::BadDate => "Not a valid date (year-month-day)".into(),
            Self::ZeroDuration => "The duration must be more than 0 minutes".into(),
            Self::TooLong => {
                format!("The duration cannot be more than {MAX_DURATION_MINUTES} minutes")
            }
            Self::ZeroRequired => "Members required to attend must be more than 0".into(),
            Self::NobodyPresent => {
                "With nobody present the meeting was not held; if the cell did not meet, remove this meeting".into()
            }
            Self::SumMismatch { sum, required } => format!(
                "Present + absent with a reason + absent without a reason = {sum}, it must equal the members required to attend ({required})"
            ),
            Self::PresentAboveRequired { present, required } => format!(
                "Present ({present}) cannot be more than the members required to attend ({required})"
            ),
            Self::SpeakersAbovePresent { speakers, present } => {
                format!("Members who spoke ({speakers}) cannot be more than present ({present})")
            }
        }
    }
}

/// A problem with one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactIssue {
    pub field: FactField,
    pub problem: FactProblem,
}

/// The facts that parsed. A field is `None` when empty or invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParsedFacts {
    pub date: Option<NaiveDate>,
    pub duration_minutes: Option<u32>,
    pub required: Option<u32>,
    pub present: Option<u32>,
    pub absent_with_reason: Option<u32>,
    pub absent_without_reason: Option<u32>,
    pub speakers: Option<u32>,
    pub repeated_absence: Option<bool>,
}

/// The result of checking a meeting's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactsCheck {
    pub parsed: ParsedFacts,
    /// Wrong or inconsistent entries (shown next to the field).
    pub issues: Vec<FactIssue>,
    /// Fields not filled in yet.
    pub missing: Vec<FactField>,
}

impl FactsCheck {
    /// Every fact is present and consistent: the sheet may be marked complete.
    pub fn is_consistent_and_full(&self) -> bool {
        self.issues.is_empty() && self.missing.is_empty()
    }

    /// The problem of a field, if any (its `Display` is the Vietnamese message).
    pub fn issue(&self, field: FactField) -> Option<&FactProblem> {
        self.issues
            .iter()
            .find(|i| i.field == field)
            .map(|i| &i.problem)
    }
}

/// Whether a meeting dated `date` is still to come on `today`. A warning only, kept out of the
/// facts check: scores and verification must not depend on the day they are computed, and a
/// planned date typed ahead is no error of the sheet.
pub fn not_held_yet(date: Option<NaiveDate>, today: NaiveDate) -> bool {
    date.is_some_and(|d| d > today)
}

/// Checks the facts of a meeting held for `month` of `quarter`.
pub fn check_facts(raw: &RawFacts, quarter: QuarterId, month: u8) -> FactsCheck {
    let mut issues = Vec::new();
    let mut missing = Vec::new();
    let mut count = |field: FactField, text: &str| match parse_count(text) {
        Ok(Some(n)) => Some(n),
        Ok(None) => {
            missing.push(field);
            None
        }
        Err(e) => {
            issues.push(FactIssue {
                field,
                problem: FactProblem::Count(e),
            });
            None
        }
    };
    let duration_minutes = count(FactField::DurationMinutes, &raw.duration_minutes);
    let required = count(FactField::Required, &raw.required);
    let present = count(FactField::Present, &raw.present);
    let absent_with_reason = count(FactField::AbsentWithReason, &raw.absent_with_reason);
    let absent_without_reason = count(FactField::AbsentWithoutReason, &raw.absent_without_reason);
    let speakers = count(FactField::Speakers, &raw.speakers);

    let date = if raw.date.trim().is_empty() {
        missing.insert(0, FactField::Date);
        None
    } else {
        match super::date::parse_iso_date(raw.date.trim()) {
            Some(d) if quarter.date_in_month(d, month) => Some(d),
            Some(_) => {
                issues.push(FactIssue {
                    field: FactField::Date,
                    problem: FactProblem::DateOutsideMonth {
                        month,
                        year: quarter.year(),
                    },
                });
                None
            }
            None => {
                issues.push(FactIssue {
                    field: FactField::Date,
                    problem: FactProblem::BadDate,
                });
                None
            }
        }
    };
    if raw.repeated_absence.is_none() {
        missing.push(FactField::RepeatedAbsence);
    }

    if duration_minutes == Some(0) {
        issues.push(FactIssue {
            field: FactField::DurationMinutes,
            problem: FactProblem::ZeroDuration,
        });
    } else if duration_minutes.is_some_and(|d| d > MAX_DURATION_MINUTES) {
        issues.push(FactIssue {
            field: FactField::DurationMinutes,
            problem: FactProblem::TooLong,
        });
    }
    if required == Some(0) {
        issues.push(FactIssue {
            field: FactField::Required,
            problem: FactProblem::ZeroRequired,
        });
    }
    // A meeting nobody attended was not held, and its speakers' share has no denominator. Also
    // checked when a district recomputes a result: one signed with nobody present by an
    // earlier version is refused as invalid facts, deliberately.
    if present == Some(0) && required != Some(0) {
        issues.push(FactIssue {
            field: FactField::Present,
            problem: FactProblem::NobodyPresent,
        });
    }
    if let (Some(req), Some(p), Some(a), Some(b)) =
        (required, present, absent_with_reason, absent_without_reason)
    {
        let sum = u64::from(p) + u64::from(a) + u64::from(b);
        if sum != u64::from(req) {
            issues.push(FactIssue {
                field: FactField::Present,
                problem: FactProblem::SumMismatch { sum, required: req },
            });
        }
    } else if let (Some(req), Some(p)) = (required, present) {
        if p > req {
            issues.push(FactIssue {
                field: FactField::Present,
                problem: FactProblem::PresentAboveRequired {
                    present: p,
                    required: req,
                },
            });
        }
    }
    if let (Some(s), Some(p)) = (speakers, present) {
        if s > p {
            issues.push(FactIssue {
                field: FactField::Speakers,
                problem: FactProblem::SpeakersAbovePresent {
                    speakers: s,
                    present: p,
                },
            });
        }
    }

    FactsCheck {
        parsed: ParsedFacts {
            date,
            duration_minutes,
            required,
            present,
            absent_with_reason,
            absent_without_reason,
            speakers,
            repeated_absence: raw.repeated_absence,
        },
        issues,
        missing,
    }
}

/// Minimum duration for a meeting of this kind with this many members required to attend.
///
/// Cell size is measured by the meeting's own "members required to attend", so a score depends
/// only on the meeting's facts (and can be recomputed from an exported file). When several rules
/// apply (a combined meeting of a large cell), the strictest wins.
pub fn required_minutes(
    rule: &DurationRule,
    kind: MeetingKind,
    required_members: Option<u32>,
) -> u32 {
    let mut minutes = rule.minutes;
    if kind == MeetingKind::Combined {
        minutes = minutes.max(rule.combined_minutes);
    }
    if let (Some(large), Some(n)) = (&rule.large_cell, required_members) {
        if n >= large.min_required_members {
            minutes = minutes.max(large.minutes);
        }
    }
    minutes
}

/// A measured value: an exact ratio, or a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureValue {
    /// `num / den`, `den > 0`.
    Ratio {
        num: u64,
        den: u64,
    },
    Whole(i64),
}

impl MeasureValue {
    /// Per-mille of a ratio, rounded down (for display and export only; never for scoring).
    pub fn permille(self) -> Option<u64> {
        match self {
            Self::Ratio { num, den } => Some(num * 1000 / den),
            Self::Whole(_) => None,
        }
    }
}

/// Measures one aspect of the facts. `None` when the facts needed are missing or undefined (no
/// members required, nobody present).
pub fn measure(
    facts: &ParsedFacts,
    kind: MeetingKind,
    rule: &DurationRule,
    which: Measure,
) -> Option<MeasureValue> {
    let ratio = |num: Option<u32>, den: Option<u32>| match (num, den) {
        (Some(n), Some(d)) if d > 0 => Some(MeasureValue::Ratio {
            num: n.into(),
            den: d.into(),
        }),
        _ => None,
    };
    let needed = || required_minutes(rule, kind, facts.required);
    match which {
        Measure::Attendance => ratio(facts.present, facts.required),
        Measure::Speakers => ratio(facts.speakers, facts.present),
        Measure::DurationRatio => ratio(facts.duration_minutes, Some(needed())),
        Measure::DurationMargin => {
            // Large cells change the minimum, so the margin waits for the member count too
            // when the rubric has a large-cell rule.
            if rule.large_cell.is_some() && facts.required.is_none() {
                return None;
            }
            facts
                .duration_minutes
                .map(|d| MeasureValue::Whole(i64::from(d) - i64::from(needed())))
        }
        Measure::AbsentWithoutReason => facts
            .absent_without_reason
            .map(|n| MeasureValue::Whole(n.into())),
        Measure::RepeatedAbsence => facts
            .repeated_absence
            .map(|b| MeasureValue::Whole(i64::from(b))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q4() -> QuarterId {
        QuarterId::new(2026, 4).unwrap()
    }

    fn full() -> RawFacts {
        RawFacts {
            date: "2026-10-05".into(),
            duration_minutes: "95".into(),
            required: "20".into(),
            present: "18".into(),
            absent_with_reason: "2".into(),
            absent_without_reason: "0".into(),
            speakers: "9".into(),
            repeated_absence: Some(false),
        }
    }

    #[test]
    fn consistent_full_facts_have_no_issue() {
        let c = check_facts(&full(), q4(), 10);
        assert!(c.is_consistent_and_full(), "{c:?}");
        assert_eq!(c.parsed.present, Some(18));
    }

    #[test]
    fn present_plus_absent_must_equal_required() {
        let c = check_facts(
            &RawFacts {
                present: "17".into(),
                ..full()
            },
            q4(),
            10,
        );
        assert_eq!(c.issues.len(), 1);
        assert_eq!(c.issues[0].field, FactField::Present);
        assert!(c.issues[0].problem.to_string().contains("= 19"));
    }

    #[test]
    fn a_meeting_dated_after_today_is_not_held_yet() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
        let today = d(23).unwrap_or_default();
        assert!(not_held_yet(d(24), today));
        assert!(!not_held_yet(d(23), today));
        assert!(!not_held_yet(d(5), today));
        assert!(!not_held_yet(None, today));
    }

    #[test]
    fn more_speakers_than_present_is_refused() {
        let c = check_facts(
            &RawFacts {
                speakers: "19".into(),
                ..full()
            },
            q4(),
            10,
        );
        assert_eq!(c.issue(FactField::Speakers).map(|_| ()), Some(()));
    }

    #[test]
    fn negative_numbers_are_refused_next_to_their_field() {
        let c = check_facts(
            &RawFacts {
                absent_with_reason: "-2".into(),
                ..full()
            },
            q4(),
            10,
        );
        assert_eq!(
            c.issue(FactField::AbsentWithReason)
                .map(ToString::to_string),
            Some("Không được là số âm".to_string())
        );
    }

    #[test]
    fn zero_required_and_zero_duration_are_refused() {
        let raw = RawFacts {
            required: "0".into(),
            present: "0".into(),
            absent_with_reason: "0".into(),
            absent_without_reason: "0".into(),
            speakers: "0".into(),
            duration_minutes: "0".into(),
            ..full()
        };
        let c = check_facts(&raw, q4(), 10);
        assert!(c.issue(FactField::Required).is_some());
        assert!(c.issue(FactField::DurationMinutes).is_some());
    }

    #[test]
    fn a_date_outside_the_meeting_month_is_refused() {
        let c = check_facts(
            &RawFacts {
                date: "2026-11-05".into(),
                ..full()
            },
            q4(),
            10,
        );
        assert!(c
            .issue(FactField::Date)
            .unwrap()
            .to_string()
            .contains("tháng 10/2026"));
    }

    #[test]
    fn empty_fields_are_missing_not_wrong() {
        let c = check_facts(&RawFacts::default(), q4(), 10);
        assert!(c.issues.is_empty());
        assert_eq!(c.missing.len(), FactField::ALL.len());
    }

    #[test]
    fn messages_are_the_vietnamese_texts_shown_so_far() {
        let c = check_facts(
            &RawFacts {
                present: "17".into(),
                speakers: "18".into(),
                ..full()
            },
            q4(),
            10,
        );
        assert_eq!(
            c.issue(FactField::Present)
                .map(ToString::to_string)
                .as_deref(),
            Some("Có mặt + vắng có lý do + vắng không lý do = 19, phải bằng số phải dự (20)")
        );
        assert_eq!(
            c.issue(FactField::Speakers)
                .map(ToString::to_string)
                .as_deref(),
            Some("Số đảng viên phát biểu (18) không thể lớn hơn số có mặt (17)")
        );
        let c = check_facts(
            &RawFacts {
                duration_minutes: "2000".into(),
                ..full()
            },
            q4(),
            10,
        );
        assert_eq!(
            c.issue(FactField::DurationMinutes)
                .map(ToString::to_string)
                .as_deref(),
            Some("Thời lượng không thể quá 1440 phút")
        );
    }

    #[test]
    fn every_fact_problem_has_an_english_message() {
        use FactProblem::*;
        crate::domain::lang::assert_translated(
            &[
                Count(CountError::Negative),
                DateOutsideMonth {
                    month: 10,
                    year: 2026,
                },
                BadDate,
                ZeroDuration,
                TooLong,
                ZeroRequired,
                SumMismatch {
                    sum: 19,
                    required: 20,
                },
                PresentAboveRequired {
                    present: 21,
                    required: 20,
                },
                SpeakersAbovePresent {
                    speakers: 19,
                    present: 18,
                },
                NobodyPresent,
            ],
            |p| match p {
                Count(_) => 0,
                DateOutsideMonth { .. } => 1,
                BadDate => 2,
                ZeroDuration => 3,
                TooLong => 4,
                ZeroRequired => 5,
                SumMismatch { .. } => 6,
                PresentAboveRequired { .. } => 7,
                SpeakersAbovePresent { .. } => 8,
                NobodyPresent => 9,
            },
        );
    }

    #[test]
    fn a_meeting_nobody_attended_is_refused_on_the_present_field() {
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let raw = RawFacts {
            required: "20".into(),
            present: "0".into(),
            absent_with_reason: "20".into(),
            absent_without_reason: "0".into(),
            speakers: "0".into(),
            ..Default::default()
        };
        let c = check_facts(&raw, q, 10);
        assert!(c
            .issues
            .iter()
            .any(|i| i.field == FactField::Present && i.problem == FactProblem::NobodyPresent));
        let raw = RawFacts {
            present: "1".into(),
            absent_with_reason: "19".into(),
            ..raw
        };
        assert!(check_facts(&raw, q, 10).issues.is_empty());
    }

    #[test]
    fn attendance_and_speakers_are_undefined_without_a_denominator() {
        let rule = DurationRule {
            minutes: 90,
            combined_minutes: 120,
            large_cell: None,
        };
        let f = ParsedFacts {
            required: Some(0),
            present: Some(0),
            speakers: Some(0),
            ..Default::default()
        };
        assert_eq!(
            measure(&f, MeetingKind::Regular, &rule, Measure::Attendance),
            None
        );
        assert_eq!(
            measure(&f, MeetingKind::Regular, &rule, Measure::Speakers),
            None
        );
    }
}
