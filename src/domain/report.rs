//! The live report: every meeting scored, and the quarter rolled up from them.

use super::cell::Officers;
use super::facts::{check_facts, measure, required_minutes, FactsCheck};
use super::meeting::{Meeting, MeetingKind};
use super::rating::{rate_fraction, Rating};
use super::record::QuarterRecord;
use super::rubric::{ItemKind, Measure, Rubric};
use super::scoring::{applies, score_meeting, short_of_tot, ItemOutcome, MeetingScore};

/// answered / required, for progress indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: u32,
    pub required: u32,
}

impl Progress {
    fn add(self, other: Progress) -> Progress {
        Progress {
            answered: self.answered + other.answered,
            required: self.required + other.required,
        }
    }

    /// Whole percent, rounded down (100 only when everything is answered).
    pub fn percent(self) -> u32 {
        (self.answered * 100)
            .checked_div(self.required)
            .unwrap_or(100)
    }
}

/// Whether a meeting's sheet counts as complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetStatus {
    /// Not marked complete.
    Draft,
    /// Marked complete but something is missing or inconsistent: kept as a draft.
    ClaimedButInvalid,
    Complete,
}

/// One meeting in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingReport {
    pub meeting_id: u32,
    pub kind: MeetingKind,
    pub month: u8,
    pub facts: FactsCheck,
    pub score: MeetingScore,
    pub progress: Progress,
    /// Judgement items that apply and have no answer yet.
    pub unanswered_items: Vec<String>,
    pub status: SheetStatus,
    /// Present / required in per-mille (rounded down), when defined.
    pub attendance_permille: Option<u64>,
    /// Speakers / present in per-mille (rounded down), when defined.
    pub speakers_permille: Option<u64>,
    /// The minimum duration that applies to this meeting.
    pub required_minutes: u32,
}

impl MeetingReport {
    /// The sheet has every fact, consistent, and every applicable judgement answered.
    pub fn can_complete(&self) -> bool {
        self.facts.is_consistent_and_full() && self.unanswered_items.is_empty()
    }

    /// Something of the sheet is filled in (a fact or an answer). An untouched sheet still
    /// scores the items that count as met when they do not apply (5 points, Kém, on a regular
    /// meeting of HD 42): a number no one has earned yet, so the views say "not scored yet".
    pub fn started(&self) -> bool {
        self.progress.answered > 0
    }

    /// The score to show (on screen and on paper): `None` until the sheet is [started].
    ///
    /// [started]: MeetingReport::started
    pub fn shown_score(&self) -> Option<&MeetingScore> {
        self.started().then_some(&self.score)
    }
}

/// A quarter-level shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    /// A calendar month with no regular (or combined) meeting.
    MonthWithoutRegular(u8),
    /// No thematic (or combined) meeting in the quarter.
    NoThematic,
    /// A regular (or combined) meeting of this month lacks full marks on an item the rubric
    /// requires for Tốt; only under a rubric that caps the quarter for it.
    TotConditionsMissed(u8),
}

impl Shortfall {
    /// Vietnamese text.
    pub fn message_vi(self) -> String {
        match self {
            Self::MonthWithoutRegular(m) => format!("Tháng {m} không có buổi sinh hoạt thường kỳ"),
            Self::NoThematic => "Quý không có buổi sinh hoạt chuyên đề".to_string(),
            Self::TotConditionsMissed(m) => format!(
                "Buổi sinh hoạt thường kỳ tháng {m} chưa đạt điểm tối đa ở tiêu chí bắt buộc để xếp loại Tốt"
            ),
        }
    }

    /// English text.
    pub fn message_en(self) -> String {
        match self {
            Self::MonthWithoutRegular(m) => format!("Month {m} has no regular meeting"),
            Self::NoThematic => "The quarter has no thematic meeting".to_string(),
            Self::TotConditionsMissed(m) => format!(
                "The regular meeting of month {m} lacks full marks on an item required for Tốt"
            ),
        }
    }

    /// The shortfall a result file names by its code (`month_without_regular:<m>`,
    /// `no_thematic`, `tot_conditions_missed:<m>`); `None` for a code this version does not know.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.split_once(':') {
            Some(("month_without_regular", m)) => m.parse().ok().map(Self::MonthWithoutRegular),
            Some(("tot_conditions_missed", m)) => m.parse().ok().map(Self::TotConditionsMissed),
            None if code == "no_thematic" => Some(Self::NoThematic),
            _ => None,
        }
    }
}

/// The quarter's roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterReport {
    pub meetings: Vec<MeetingReport>,
    pub shortfalls: Vec<Shortfall>,
    /// Number of regular (incl. combined) meetings averaged.
    pub regular_count: u32,
    /// Average score of those meetings in tenths of a point, rounded half up; `None` without any.
    pub average_tenths: Option<u32>,
    /// Rating of the exact average, before caps.
    pub uncapped_rating: Option<Rating>,
    /// Rating after the rubric's caps for shortfalls.
    pub rating: Option<Rating>,
    pub progress: Progress,
    pub complete_meetings: u32,
}

impl QuarterReport {
    /// The report for one meeting.
    pub fn meeting(&self, id: u32) -> Option<&MeetingReport> {
        self.meetings.iter().find(|m| m.meeting_id == id)
    }

    /// Regular (and combined) sheets not [started](MeetingReport::started) yet: each would
    /// count in the average with the few points of its not-applicable items alone.
    pub fn unstarted_regular(&self) -> usize {
        self.meetings
            .iter()
            .filter(|m| m.kind.is_regular() && !m.started())
            .count()
    }

    /// The quarter is rated Tốt by its average while none of its regular meetings was (each
    /// held at Khá for want of full marks on an item the rubric requires for Tốt). Only under a
    /// rubric that rates the quarter by the average alone (version 1 of HD 42 and HD 12; version
    /// 2 caps such a quarter at Khá), and the signed result follows it; this only lets the
    /// screen say so, for the upper level has the final word.
    pub fn tot_without_a_tot_meeting(&self) -> bool {
        self.rating == Some(Rating::Tot)
            && !self
                .meetings
                .iter()
                .any(|m| m.kind.is_regular() && m.score.rating == Rating::Tot)
    }

    /// The average (tenths) and the rating to show (on screen and on paper): `None` while a
    /// regular sheet is untouched. October scored 95 with November and December still blank
    /// would otherwise read "35,0 · Kém", a result nobody earned; the signed result needs every
    /// sheet complete, so it never carries such an average.
    pub fn shown_result(&self) -> (Option<u32>, Option<Rating>) {
        if self.unstarted_regular() == 0 {
            (self.average_tenths, self.rating)
        } else {
            (None, None)
        }
    }

    /// Every sheet is complete and there is at least one.
    pub fn all_complete(&self) -> bool {
        !self.meetings.is_empty() && self.complete_meetings as usize == self.meetings.len()
    }
}

fn report_meeting(
    rubric: &Rubric,
    record: &QuarterRecord,
    m: &Meeting,
    officers: Officers,
) -> MeetingReport {
    let facts = check_facts(&m.facts, record.quarter, m.month);
    let rule = &rubric.file().duration_rule;
    let facts_parsed = facts.parsed;
    let permille = |which| measure(&facts_parsed, m.kind, rule, which).and_then(|v| v.permille());
    let score = score_meeting(rubric, m, &facts.parsed, officers);
    let judgement: Vec<&str> = rubric
        .items()
        .filter(|i| i.kind != ItemKind::Derived && applies(i, m.kind, officers))
        .map(|i| i.id.as_str())
        .collect();
    let unanswered_items: Vec<String> = judgement
        .iter()
        .filter(|id| {
            score
                .item(id)
                .is_none_or(|s| s.outcome == ItemOutcome::Unanswered)
        })
        .map(|id| id.to_string())
        .collect();
    let fact_fields = super::facts::FactField::ALL.len() as u32;
    let progress = Progress {
        answered: fact_fields - facts.missing.len() as u32
            + (judgement.len() - unanswered_items.len()) as u32,
        required: fact_fields + judgement.len() as u32,
    };
    let mut report = MeetingReport {
        meeting_id: m.id,
        kind: m.kind,
        month: m.month,
        facts,
        score,
        progress,
        unanswered_items,
        status: SheetStatus::Draft,
        attendance_permille: permille(Measure::Attendance),
        speakers_permille: permille(Measure::Speakers),
        required_minutes: required_minutes(rule, m.kind, facts_parsed.required),
    };
    report.status = match (m.complete, report.can_complete()) {
        (false, _) => SheetStatus::Draft,
        (true, false) => SheetStatus::ClaimedButInvalid,
        (true, true) => SheetStatus::Complete,
    };
    report
}

/// What moving a quarter to another version of its rubric would change: the average (tenths)
/// and rating shown now and after (see [`QuarterReport::shown_result`]), for the secretary to
/// see before she confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovePreview {
    pub before: (Option<u32>, Option<Rating>),
    pub after: (Option<u32>, Option<Rating>),
}

/// Scores `record` by `from` (its rubric) and by `to`.
pub fn move_preview(
    from: &Rubric,
    to: &Rubric,
    record: &QuarterRecord,
    officers: Officers,
) -> MovePreview {
    MovePreview {
        before: quarter_report(from, record, officers).shown_result(),
        after: quarter_report(to, record, officers).shown_result(),
    }
}

/// Scores every meeting of the quarter and rolls them up by the rubric's rule:
/// the average of the regular (and combined) meetings' scores; the rating of that exact average,
/// then capped by the rubric when a month had no regular meeting, the quarter no thematic one,
/// or (if the rubric says so) a regular meeting missed full marks on an item required for Tốt.
pub fn quarter_report(
    rubric: &Rubric,
    record: &QuarterRecord,
    officers: Officers,
) -> QuarterReport {
    let meetings: Vec<MeetingReport> = record
        .meetings
        .iter()
        .map(|m| report_meeting(rubric, record, m, officers))
        .collect();

    let mut shortfalls = Vec::new();
    for month in record.quarter.months() {
        if !meetings
            .iter()
            .any(|m| m.month == month && m.kind.is_regular())
        {
            shortfalls.push(Shortfall::MonthWithoutRegular(month));
        }
    }
    if !meetings.iter().any(|m| m.kind.is_thematic()) {
        shortfalls.push(Shortfall::NoThematic);
    }
    let rules = &rubric.file().quarter_rollup;
    if rules.cap_if_tot_conditions_missed.is_some() {
        for m in meetings.iter().filter(|m| m.kind.is_regular()) {
            // Only what is known: an item not answered yet, or computed from facts still being
            // typed (a duration of "9" on the way to "95"), is not a miss, or a sheet being
            // filled in would show one at every step. A signed sheet is complete either way.
            let facts_known = m.facts.is_consistent_and_full();
            let missed = short_of_tot(rubric, &m.score.items).any(|i| match i.outcome {
                ItemOutcome::Answered => true,
                ItemOutcome::Derived { .. } => facts_known,
                _ => false,
            });
            let s = Shortfall::TotConditionsMissed(m.month);
            if missed && !shortfalls.contains(&s) {
                shortfalls.push(s);
            }
        }
    }

    let regular: Vec<u32> = meetings
        .iter()
        .filter(|m| m.kind.is_regular())
        .map(|m| m.score.score)
        .collect();
    let n = regular.len() as u64;
    let sum: u64 = regular.iter().map(|&s| u64::from(s)).sum();
    let average_tenths = (n > 0).then(|| ((sum * 20 + n) / (2 * n)) as u32);
    let uncapped_rating = (n > 0).then(|| rate_fraction(sum, n, &rubric.file().ratings));
    let rating = uncapped_rating.map(|r| {
        let mut r = r;
        for s in &shortfalls {
            let cap = match s {
                Shortfall::MonthWithoutRegular(_) => rules.cap_if_month_without_regular,
                Shortfall::NoThematic => rules.cap_if_no_thematic,
                Shortfall::TotConditionsMissed(_) => {
                    rules.cap_if_tot_conditions_missed.unwrap_or(Rating::Tot)
                }
            };
            r = r.min(cap);
        }
        r
    });
    let progress = meetings
        .iter()
        .fold(Progress::default(), |p, m| p.add(m.progress));
    let complete_meetings = meetings
        .iter()
        .filter(|m| m.status == SheetStatus::Complete)
        .count() as u32;
    QuarterReport {
        meetings,
        shortfalls,
        regular_count: n as u32,
        average_tenths,
        uncapped_rating,
        rating,
        progress,
        complete_meetings,
    }
}

/// Formats tenths of a point the Vietnamese way: `895` → `"89,5"`.
pub fn format_tenths(tenths: u32) -> String {
    format!("{},{}", tenths / 10, tenths % 10)
}

/// Formats per-mille as a percentage with one decimal: `857` → `"85,7%"`.
pub fn format_permille(permille: u64) -> String {
    format!("{},{}%", permille / 10, permille % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quarter_shows_no_result_until_every_regular_sheet_is_started() {
        use crate::domain::catalog::Catalog;
        use crate::domain::cell::Officers;
        use crate::domain::facts::FactField;
        use crate::domain::quarter::QuarterId;
        let catalog = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let rubric = catalog.default_rubric().unwrap_or_else(|| panic!("rubric"));
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let mut record = QuarterRecord::new(q, rubric.reference().clone());
        let ids: Vec<u32> = record.meetings.iter().map(|m| m.id).collect();
        assert_eq!(ids.len(), 3);
        let report = |r: &QuarterRecord| quarter_report(rubric, r, Officers::Committee);
        assert_eq!(report(&record).unstarted_regular(), 3);
        assert_eq!(report(&record).shown_result(), (None, None));
        for (n, id) in ids.iter().enumerate() {
            record
                .set_fact(*id, FactField::Date, &format!("2026-{}-05", 10 + n))
                .unwrap_or_else(|e| panic!("{e}"));
            let rep = report(&record);
            assert_eq!(rep.unstarted_regular(), 2 - n);
            if n < 2 {
                assert_eq!(rep.shown_result(), (None, None), "{} of 3 started", n + 1);
            } else {
                assert_eq!(rep.shown_result(), (rep.average_tenths, rep.rating));
                assert!(rep.average_tenths.is_some());
            }
        }
    }

    #[test]
    fn tenths_and_permille_use_a_decimal_comma() {
        assert_eq!(format_tenths(895), "89,5");
        assert_eq!(format_tenths(1000), "100,0");
        assert_eq!(format_permille(857), "85,7%");
        assert_eq!(format_permille(0), "0,0%");
    }

    #[test]
    fn shortfall_codes_are_read_back_and_have_both_languages() {
        assert_eq!(
            Shortfall::from_code("month_without_regular:11"),
            Some(Shortfall::MonthWithoutRegular(11))
        );
        assert_eq!(
            Shortfall::from_code("no_thematic"),
            Some(Shortfall::NoThematic)
        );
        assert_eq!(Shortfall::from_code("month_without_regular:x"), None);
        assert_eq!(Shortfall::from_code("something_new"), None);
        assert_eq!(
            Shortfall::MonthWithoutRegular(11).message_en(),
            "Month 11 has no regular meeting"
        );
        assert_ne!(
            Shortfall::NoThematic.message_en(),
            Shortfall::NoThematic.message_vi()
        );
    }
}
