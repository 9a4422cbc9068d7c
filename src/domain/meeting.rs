//! One meeting of the quarter: what kind, which month, the raw facts and the answers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Regular (thường kỳ), thematic (chuyên đề) or both in one sitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    Regular,
    Thematic,
    Combined,
}

impl MeetingKind {
    /// Every kind, in the order shown to users.
    pub const ALL: [MeetingKind; 3] = [Self::Regular, Self::Thematic, Self::Combined];

    /// Whether this meeting counts as the month's regular meeting.
    pub fn is_regular(self) -> bool {
        matches!(self, Self::Regular | Self::Combined)
    }

    /// Whether this meeting counts as a thematic meeting.
    pub fn is_thematic(self) -> bool {
        matches!(self, Self::Thematic | Self::Combined)
    }

    /// Stable id (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            Self::Regular => "regular",
            Self::Thematic => "thematic",
            Self::Combined => "combined",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Regular => "Thường kỳ",
            Self::Thematic => "Chuyên đề",
            Self::Combined => "Thường kỳ kết hợp chuyên đề",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Regular => "Regular",
            Self::Thematic => "Thematic",
            Self::Combined => "Regular combined with thematic",
        }
    }
}

/// An answer to a judgement item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A toggle item: met or not.
    Toggle(bool),
    /// A levels item: the chosen option's id.
    Level(String),
}

/// The meeting's facts exactly as typed (text), so a wrong entry is kept and explained, not lost.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFacts {
    /// `YYYY-MM-DD` (the value of a date input).
    pub date: String,
    pub duration_minutes: String,
    pub required: String,
    pub present: String,
    pub absent_with_reason: String,
    pub absent_without_reason: String,
    pub speakers: String,
    /// Whether some member has been absent with a reason more than 3 times in a row this year.
    pub repeated_absence: Option<bool>,
}

/// One meeting of the quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable within its quarter (never reused).
    pub id: u32,
    pub kind: MeetingKind,
    /// The calendar month (1–12) this meeting is held for.
    pub month: u8,
    pub facts: RawFacts,
    /// Judgement answers by item id. Derived items are never stored: they are computed.
    pub answers: BTreeMap<String, Answer>,
    /// The secretary marked the sheet complete (only honoured while the sheet stays consistent).
    pub complete: bool,
}

impl Meeting {
    /// A blank sheet.
    pub fn new(id: u32, kind: MeetingKind, month: u8) -> Self {
        Self {
            id,
            kind,
            month,
            facts: RawFacts::default(),
            answers: BTreeMap::new(),
            complete: false,
        }
    }
}
