//! A saved quarter: the secretary's working copy, and the edits the UI can make to it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::facts::FactField;
use super::lang::Bilingual;
use super::meeting::{Answer, Meeting, MeetingKind};
use super::quarter::QuarterId;
use super::rubric::{ItemKind, Rubric, RubricRef};

/// Narrative fields of the quarter report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    pub uu_diem: String,
    pub han_che: String,
    pub nguyen_nhan: String,
    pub kien_nghi: String,
}

/// Which narrative field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NarrativeField {
    UuDiem,
    HanChe,
    NguyenNhan,
    KienNghi,
}

impl NarrativeField {
    /// Every field, in form order.
    pub const ALL: [NarrativeField; 4] =
        [Self::UuDiem, Self::HanChe, Self::NguyenNhan, Self::KienNghi];

    /// The heading in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::UuDiem => "Ưu điểm",
            Self::HanChe => "Hạn chế",
            Self::NguyenNhan => "Nguyên nhân",
            Self::KienNghi => "Kiến nghị",
        }
    }

    /// The heading in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::UuDiem => "Strengths",
            Self::HanChe => "Weaknesses",
            Self::NguyenNhan => "Causes",
            Self::KienNghi => "Proposals",
        }
    }

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Self::UuDiem => "uu_diem",
            Self::HanChe => "han_che",
            Self::NguyenNhan => "nguyen_nhan",
            Self::KienNghi => "kien_nghi",
        }
    }
}

impl Narrative {
    /// The text of a field.
    pub fn get(&self, field: NarrativeField) -> &str {
        match field {
            NarrativeField::UuDiem => &self.uu_diem,
            NarrativeField::HanChe => &self.han_che,
            NarrativeField::NguyenNhan => &self.nguyen_nhan,
            NarrativeField::KienNghi => &self.kien_nghi,
        }
    }

    fn get_mut(&mut self, field: NarrativeField) -> &mut String {
        match field {
            NarrativeField::UuDiem => &mut self.uu_diem,
            NarrativeField::HanChe => &mut self.han_che,
            NarrativeField::NguyenNhan => &mut self.nguyen_nhan,
            NarrativeField::KienNghi => &mut self.kien_nghi,
        }
    }
}

/// One quarter's self-assessment as stored on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuarterRecord {
    pub quarter: QuarterId,
    /// The exact rubric this quarter is scored with, for ever.
    pub rubric: RubricRef,
    pub meetings: Vec<Meeting>,
    pub narrative: Narrative,
    /// Next meeting id (ids are never reused, so a stale edit can never hit the wrong meeting).
    pub next_meeting_id: u32,
    /// The last signed export of this quarter (for the printout); absent in older drafts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<super::paper::ExportStamp>,
}

/// An edit that could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("Không tìm thấy buổi sinh hoạt này (có thể đã bị xoá)")]
    NoSuchMeeting,
    #[error("Tháng {0} không thuộc quý này")]
    MonthOutsideQuarter(u8),
}

impl Bilingual for EditError {
    fn message_en(&self) -> String {
        match self {
            Self::NoSuchMeeting => "This meeting was not found (it may have been deleted)".into(),
            Self::MonthOutsideQuarter(m) => format!("Month {m} is not in this quarter"),
        }
    }
}

/// Why a quarter cannot move to another version of its rubric.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoveError {
    #[error("«{0}» không phải một phiên bản khác của bộ tiêu chí quý này đang dùng")]
    OtherRubric(String),
    #[error("Phiên bản {0} không mới hơn phiên bản quý này đang dùng")]
    NotNewer(u32),
    #[error("Câu trả lời cho mục «{0}» không dùng được trong phiên bản mới")]
    AnswerNotCarried(String),
}

impl Bilingual for MoveError {
    fn message_en(&self) -> String {
        match self {
            Self::OtherRubric(id) => {
                format!("«{id}» is not another version of the rubric this quarter uses")
            }
            Self::NotNewer(v) => {
                format!("Version {v} is not newer than the one this quarter uses")
            }
            Self::AnswerNotCarried(item) => {
                format!("The answer to item «{item}» cannot be used in the new version")
            }
        }
    }
}

impl QuarterRecord {
    /// Whether every answer of this quarter carries over to `to`, a newer version of the same
    /// rubric: each answered item is there, of the same kind, and a chosen level still exists
    /// (an item new in `to` is simply unanswered: its sheet shows it, and a sheet marked
    /// complete is not complete until it is answered).
    pub fn can_move_to(&self, to: &Rubric) -> Result<(), MoveError> {
        let target = to.reference();
        if target.id != self.rubric.id {
            return Err(MoveError::OtherRubric(format!(
                "{} {}",
                target.id, target.version
            )));
        }
        // Forward only: a result signed with the newer rules is never taken back to the older.
        if target.version <= self.rubric.version {
            return Err(MoveError::NotNewer(target.version));
        }
        for m in &self.meetings {
            for (item_id, answer) in &m.answers {
                let carried = to.item(item_id).is_some_and(|item| match answer {
                    Answer::Toggle(_) => item.kind == ItemKind::Toggle,
                    Answer::Level(option) => {
                        item.kind == ItemKind::Levels
                            && item.options.iter().any(|o| &o.id == option)
                    }
                });
                if !carried {
                    return Err(MoveError::AnswerNotCarried(item_id.clone()));
                }
            }
        }
        Ok(())
    }

    /// Moves the quarter to `to`, another version of its rubric, keeping every fact and answer
    /// (see [`can_move_to`](Self::can_move_to)); scores and ratings follow the new version.
    /// Only at the secretary's request: a quarter is otherwise scored for ever with the exact
    /// rubric it started with.
    pub fn move_to(&mut self, to: &Rubric) -> Result<(), MoveError> {
        self.can_move_to(to)?;
        self.rubric = to.reference().clone();
        Ok(())
    }

    /// A new quarter: one regular meeting per month, blank (the thematic one is added by the
    /// secretary; until then the quarter shows the shortfall).
    pub fn new(quarter: QuarterId, rubric: RubricRef) -> Self {
        let meetings: Vec<Meeting> = quarter
            .months()
            .iter()
            .zip(1..)
            .map(|(&m, id)| Meeting::new(id, MeetingKind::Regular, m))
            .collect();
        let next_meeting_id = meetings.len() as u32 + 1;
        Self {
            quarter,
            rubric,
            meetings,
            narrative: Narrative::default(),
            next_meeting_id,
            last_export: None,
        }
    }

    /// Nothing was done to it since [`QuarterRecord::new`] (the app starts the current quarter by
    /// itself, so a new phone has one of these).
    pub fn is_untouched(&self) -> bool {
        *self == Self::new(self.quarter, self.rubric.clone())
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: u32) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    fn meeting_mut(&mut self, id: u32) -> Result<&mut Meeting, EditError> {
        self.meetings
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or(EditError::NoSuchMeeting)
    }

    /// Adds a blank meeting; returns its id. Meetings stay sorted by month, then id.
    pub fn add_meeting(&mut self, kind: MeetingKind, month: u8) -> Result<u32, EditError> {
        if !self.quarter.months().contains(&month) {
            return Err(EditError::MonthOutsideQuarter(month));
        }
        let id = self.next_meeting_id;
        self.next_meeting_id += 1;
        self.insert_in_order(Meeting::new(id, kind, month));
        Ok(id)
    }

    /// Removes a meeting.
    pub fn remove_meeting(&mut self, id: u32) -> Result<(), EditError> {
        let before = self.meetings.len();
        self.meetings.retain(|m| m.id != id);
        if self.meetings.len() == before {
            return Err(EditError::NoSuchMeeting);
        }
        Ok(())
    }

    /// Changes a meeting's kind.
    pub fn set_kind(&mut self, id: u32, kind: MeetingKind) -> Result<(), EditError> {
        self.meeting_mut(id)?.kind = kind;
        Ok(())
    }

    /// Moves a meeting to another month of the quarter.
    pub fn set_month(&mut self, id: u32, month: u8) -> Result<(), EditError> {
        if !self.quarter.months().contains(&month) {
            return Err(EditError::MonthOutsideQuarter(month));
        }
        let at = self
            .meetings
            .iter()
            .position(|m| m.id == id)
            .ok_or(EditError::NoSuchMeeting)?;
        let mut meeting = self.meetings.remove(at);
        meeting.month = month;
        self.insert_in_order(meeting);
        Ok(())
    }

    /// Puts a meeting where the order by month, then id, wants it. The list is already in that
    /// order, so a search does it; a general sort would bring ~3 KB of wasm to the page.
    fn insert_in_order(&mut self, meeting: Meeting) {
        let key = (meeting.month, meeting.id);
        let at = self.meetings.partition_point(|m| (m.month, m.id) < key);
        self.meetings.insert(at, meeting);
    }

    /// Sets a fact as typed. `repeated_absence` takes "yes"/"no"/"" (unanswered).
    pub fn set_fact(&mut self, id: u32, field: FactField, text: &str) -> Result<(), EditError> {
        let f = &mut self.meeting_mut(id)?.facts;
        let slot = match field {
            FactField::Date => &mut f.date,
            FactField::DurationMinutes => &mut f.duration_minutes,
            FactField::Required => &mut f.required,
            FactField::Present => &mut f.present,
            FactField::AbsentWithReason => &mut f.absent_with_reason,
            FactField::AbsentWithoutReason => &mut f.absent_without_reason,
            FactField::Speakers => &mut f.speakers,
            FactField::RepeatedAbsence => {
                f.repeated_absence = match text {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                };
                return Ok(());
            }
        };
        *slot = text.to_string();
        Ok(())
    }

    /// Sets or clears (`None`) a judgement answer.
    pub fn set_answer(
        &mut self,
        id: u32,
        item: &str,
        answer: Option<Answer>,
    ) -> Result<(), EditError> {
        let m = self.meeting_mut(id)?;
        match answer {
            Some(a) => m.answers.insert(item.to_string(), a),
            None => m.answers.remove(item),
        };
        Ok(())
    }

    /// Records the secretary's "complete" claim. Whether it is honoured is decided by the report
    /// (an inconsistent sheet stays a draft), so the claim never hides an error.
    pub fn set_complete(&mut self, id: u32, complete: bool) -> Result<(), EditError> {
        self.meeting_mut(id)?.complete = complete;
        Ok(())
    }

    /// Sets a narrative field.
    pub fn set_narrative(&mut self, field: NarrativeField, text: &str) {
        *self.narrative.get_mut(field) = text.to_string();
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn every_edit_error_has_an_english_message() {
        crate::domain::lang::assert_translated(
            &[EditError::NoSuchMeeting, EditError::MonthOutsideQuarter(7)],
            |e| match e {
                EditError::NoSuchMeeting => 0,
                EditError::MonthOutsideQuarter(_) => 1,
            },
        );
    }
}

#[cfg(test)]
mod move_tests {
    use super::*;
    use crate::domain::catalog::Catalog;
    use crate::domain::report::quarter_report;
    use crate::domain::sample::{sample_cell, sample_quarter};

    fn version(c: &Catalog, id: &str, v: u32) -> Rubric {
        c.all()
            .iter()
            .find(|r| r.reference().id == id && r.reference().version == v)
            .cloned()
            .unwrap_or_else(|| panic!("{id} v{v}"))
    }

    #[test]
    fn a_version_1_quarter_moves_to_version_2_with_every_answer_and_is_scored_by_it() {
        let c = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let (v1, v2) = (version(&c, "hd42-2025", 1), version(&c, "hd42-2025", 2));
        assert_eq!(
            c.newer_version(v1.reference()).map(|r| r.reference()),
            Some(v2.reference())
        );
        assert!(c.newer_version(v2.reference()).is_none());
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let profile = sample_cell(5, 1);
        let mut record = sample_quarter(5, 1, &v1, q, &profile);
        let before = record.clone();
        record.move_to(&v2).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&record.rubric, v2.reference());
        assert_eq!(record.meetings, before.meetings);
        assert_eq!(record.narrative, before.narrative);
    }

    #[test]
    fn a_move_scores_by_the_new_rules_and_the_preview_says_what_changes() {
        use crate::domain::meeting::MeetingKind;
        use crate::domain::rating::Rating;
        use crate::domain::report::move_preview;
        let c = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let q = QuarterId::new(2025, 3).unwrap_or_else(|e| panic!("{e}"));
        // HD 12: a combined meeting of 100 minutes fell short of version 1's 120 minutes.
        let (old, new) = (version(&c, "hd12-2018", 1), version(&c, "hd12-2018", 2));
        let profile = sample_cell(5, 1);
        let mut record = sample_quarter(5, 1, &old, q, &profile);
        record.meetings[0].kind = MeetingKind::Combined;
        record.meetings[0].facts.duration_minutes = "100".into();
        let duration = |r: &Rubric, rec: &QuarterRecord| {
            quarter_report(r, rec, profile.officers).meetings[0]
                .score
                .item("tc3_thoi_luong")
                .map(|i| i.lost())
        };
        assert!(duration(&old, &record) > Some(0));
        record.move_to(&new).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(duration(&new, &record), Some(0));

        // HD 42: some sample quarter is Tốt by its average under version 1 and Khá under
        // version 2 (a regular meeting short of a Tốt condition); the preview shows both.
        let (v1, v2) = (version(&c, "hd42-2025", 1), version(&c, "hd42-2025", 2));
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let found = (0..200).find_map(|i| {
            let profile = sample_cell(7, i);
            let record = sample_quarter(7, i, &v1, q, &profile);
            let p = move_preview(&v1, &v2, &record, profile.officers);
            (p.before.1 == Some(Rating::Tot) && p.after.1 == Some(Rating::Kha)).then_some(p)
        });
        let p = found.unwrap_or_else(|| panic!("a quarter whose rating the move changes"));
        assert_eq!(
            p.before.0, p.after.0,
            "the average is the same; the rule differs"
        );
    }

    #[test]
    fn a_quarter_does_not_move_to_another_rubric_or_lose_an_answer() {
        let c = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let (v1, hd12) = (version(&c, "hd42-2025", 1), version(&c, "hd12-2018", 2));
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let mut record = QuarterRecord::new(q, v1.reference().clone());
        assert!(matches!(
            record.can_move_to(&hd12),
            Err(MoveError::OtherRubric(_))
        ));
        assert_eq!(record.can_move_to(&v1), Err(MoveError::NotNewer(1)));
        let mut newer = QuarterRecord::new(q, version(&c, "hd42-2025", 2).reference().clone());
        assert_eq!(
            newer.move_to(&v1),
            Err(MoveError::NotNewer(1)),
            "never back"
        );
        let v2 = version(&c, "hd42-2025", 2);
        let id = record.meetings[0].id;
        let _ = record.set_answer(
            id,
            "ket_qua_nghi_quyet",
            Some(Answer::Level("no_such".into())),
        );
        assert_eq!(
            record.move_to(&v2),
            Err(MoveError::AnswerNotCarried("ket_qua_nghi_quyet".into()))
        );
        assert_eq!(&record.rubric, v1.reference(), "left as it was");
    }

    #[test]
    fn every_move_error_has_an_english_message() {
        crate::domain::lang::assert_translated(
            &[
                MoveError::OtherRubric("x 1".into()),
                MoveError::NotNewer(1),
                MoveError::AnswerNotCarried("y".into()),
            ],
            |e| match e {
                MoveError::OtherRubric(_) => 0,
                MoveError::NotNewer(_) => 1,
                MoveError::AnswerNotCarried(_) => 2,
            },
        );
    }
}
