//! Rubrics as data: the JSON format (see `docs/rubric-format.md`), and the pure parser that turns a
//! file into a [`Rubric`] that is known to be consistent.
//!
//! A rubric differs by province and by year, so the app never hard-codes points: every score is
//! computed from one of these values, and every saved quarter names the exact rubric it used.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::canonical::{canonical_sha256_hex, CanonicalError};
use super::lang::Bilingual;
use super::meeting::MeetingKind;
use super::rating::Rating;

/// The only rubric file format this build reads.
pub const RUBRIC_FORMAT: &str = "chibo-rubric/1";

/// The rubric as written in its file. Not trusted until [`parse_rubric`] has validated it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricFile {
    pub format: String,
    pub id: String,
    pub version: u32,
    pub title: String,
    pub description: String,
    pub language: String,
    pub legal_basis: Vec<String>,
    pub max_points: u32,
    pub duration_rule: DurationRule,
    pub ratings: RatingThresholds,
    #[serde(default)]
    pub full_marks_required_for_tot: Vec<String>,
    pub quarter_rollup: QuarterRollupRule,
    pub groups: Vec<Group>,
}

/// How long a meeting must last. The rubric decides how cell size counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationRule {
    /// Minimum for a regular or thematic meeting.
    pub minutes: u32,
    /// Minimum for a combined regular + thematic meeting.
    pub combined_minutes: u32,
    /// Optional stricter minimum for cells with many members required to attend.
    #[serde(default)]
    pub large_cell: Option<LargeCellRule>,
}

/// "Cells with at least `min_required_members` members required to attend meet at least `minutes`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LargeCellRule {
    pub min_required_members: u32,
    pub minutes: u32,
}

/// Lowest score (inclusive) for each rating above Kém.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingThresholds {
    pub tot: u32,
    pub kha: u32,
    pub trung_binh: u32,
}

/// How the quarter's score and rating are built from its meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuarterRollupRule {
    /// Human-readable statement of the rule, shown in the app.
    pub description: String,
    /// The quarter's rating can be no better than this when a month had no regular meeting.
    pub cap_if_month_without_regular: Rating,
    /// The quarter's rating can be no better than this when the quarter had no thematic meeting.
    pub cap_if_no_thematic: Rating,
    /// The quarter's rating can be no better than this when a regular meeting lacks full marks
    /// on an item of [`RubricFile::full_marks_required_for_tot`]: the meeting's own condition
    /// for Tốt, held for the quarter too. Absent (version 1 of HD 42), the quarter is rated by
    /// its average alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_if_tot_conditions_missed: Option<Rating>,
}

/// One group of the sheet ("Thời gian", "Chuẩn bị", ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub max_points: u32,
    #[serde(default)]
    pub guidance: String,
    pub items: Vec<Item>,
}

/// One scored line of the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// One line telling the secretary what earns the points.
    pub guidance: String,
    pub max_points: u32,
    pub kind: ItemKind,
    /// The levels of a `levels` item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<LevelOption>,
    /// The bands of a `derived` item: the first band whose conditions all hold wins; the last band
    /// has no conditions, so some band always applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// When present, the item is conditional: it only applies when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Applicability>,
    /// What a non-applicable item scores. Required when `applies_if` is present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_not_applicable: Option<NotApplicableRule>,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Yes → `max_points`, no → 0.
    Toggle,
    /// The secretary picks one of `options`.
    Levels,
    /// Computed from the meeting's facts through `bands`.
    Derived,
}

/// One choosable level of a `levels` item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelOption {
    pub id: String,
    pub label: String,
    pub points: u32,
}

/// One band of a derived item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub points: u32,
    /// Short label shown when this band applies, e.g. "≥ 90%".
    pub label: String,
    #[serde(default, rename = "if")]
    pub conditions: Vec<Condition>,
}

/// A comparison of one measure of the meeting's facts with a threshold. Exactly one comparator is
/// set. Ratio measures take thresholds in per-mille and are compared exactly (no rounding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub measure: Measure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<i64>,
}

/// The comparator of a validated [`Condition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    AtLeast(i64),
    Above(i64),
    AtMost(i64),
    Below(i64),
}

impl Condition {
    /// The single comparator, or `None` when zero or several are set (rejected by the parser).
    pub fn comparator(&self) -> Option<Comparator> {
        let set = [
            self.at_least.map(Comparator::AtLeast),
            self.above.map(Comparator::Above),
            self.at_most.map(Comparator::AtMost),
            self.below.map(Comparator::Below),
        ];
        let mut found = set.into_iter().flatten();
        let first = found.next()?;
        match found.next() {
            None => Some(first),
            Some(_) => None,
        }
    }
}

/// What can be measured from a meeting's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// present / required (per-mille thresholds).
    Attendance,
    /// speakers / present (per-mille thresholds).
    Speakers,
    /// duration / required minutes (per-mille thresholds).
    DurationRatio,
    /// duration − required minutes (minutes, may be negative).
    DurationMargin,
    /// Members absent without a reason (count).
    AbsentWithoutReason,
    /// 1 when some member was absent with a reason more than 3 times in a row this year, else 0.
    RepeatedAbsence,
}

impl Measure {
    /// Whether thresholds of this measure are per-mille of a ratio.
    pub fn is_ratio(self) -> bool {
        matches!(
            self,
            Self::Attendance | Self::Speakers | Self::DurationRatio
        )
    }
}

/// When a conditional item applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    /// The item applies only to these kinds of meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_kinds: Option<Vec<MeetingKind>>,
    /// The item applies only to cells whose officers are one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell_officers: Option<Vec<super::cell::Officers>>,
}

/// How a non-applicable item is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotApplicableRule {
    /// The item scores its maximum (the cell cannot be faulted for it).
    FullMarks,
    /// The item leaves the sheet; the meeting's total is rescaled to the rubric's maximum.
    Excluded,
}

/// Identifies one exact rubric: a saved quarter records this and is always scored with it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricRef {
    pub id: String,
    pub version: u32,
    /// Lower-case hex SHA-256 of the rubric file's RFC 8785 canonical JSON.
    pub sha256: String,
}

/// A rubric that passed every check of [`parse_rubric`]. The fields are private so that holding
/// one proves it is consistent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rubric {
    file: RubricFile,
    reference: RubricRef,
}

impl Rubric {
    /// The validated content.
    pub fn file(&self) -> &RubricFile {
        &self.file
    }
    /// id + version + hash.
    pub fn reference(&self) -> &RubricRef {
        &self.reference
    }
    /// Groups in sheet order.
    pub fn groups(&self) -> &[Group] {
        &self.file.groups
    }
    /// All items in sheet order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.file.groups.iter().flat_map(|g| g.items.iter())
    }
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }
}

/// Why a rubric file was rejected. Each names the exact place of the problem.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RubricError {
    #[error("Tệp bộ tiêu chí không phải JSON hợp lệ hoặc sai cấu trúc: {0}")]
    Syntax(String),
    #[error("Định dạng bộ tiêu chí «{0}» không được hỗ trợ (cần «{RUBRIC_FORMAT}»)")]
    UnsupportedFormat(String),
    #[error("Trường «{0}» không được để trống")]
    Empty(&'static str),
    #[error("Mã «{0}» bị trùng")]
    DuplicateId(String),
    #[error("Nhóm «{group}»: khai báo {declared} điểm nhưng các tiêu chí cộng lại {sum} điểm")]
    GroupPointsMismatch {
        group: String,
        declared: u32,
        sum: u32,
    },
    #[error("Bộ tiêu chí khai báo {declared} điểm nhưng các nhóm cộng lại {sum} điểm")]
    TotalPointsMismatch { declared: u32, sum: u32 },
    #[error("Tiêu chí «{item}»: điểm tối đa phải lớn hơn 0")]
    ZeroPointItem { item: String },
    #[error("Tiêu chí «{item}»: mức «{option}» được {points} điểm, vượt điểm tối đa {max}")]
    LevelAboveItem {
        item: String,
        option: String,
        points: u32,
        max: u32,
    },
    #[error("Tiêu chí «{item}»: mức cao nhất được {best} điểm, không bằng điểm tối đa {max}")]
    BestLevelBelowMax { item: String, best: u32, max: u32 },
    #[error("Tiêu chí «{item}»: cần ít nhất hai mức")]
    TooFewLevels { item: String },
    #[error("Tiêu chí «{item}»: loại tiêu chí không khớp với các mức/khoảng khai báo")]
    KindMismatch { item: String },
    #[error("Tiêu chí «{item}»: mức cuối cùng phải không có điều kiện (mức còn lại)")]
    NoFallbackBand { item: String },
    #[error("Tiêu chí «{item}»: chỉ mức cuối cùng được phép không có điều kiện")]
    UnreachableBand { item: String },
    #[error("Tiêu chí «{item}»: mỗi điều kiện cần đúng một phép so sánh")]
    BadCondition { item: String },
    #[error("Tiêu chí «{item}»: tiêu chí có điều kiện phải nói rõ cách chấm khi không áp dụng")]
    MissingNotApplicableRule { item: String },
    #[error("Tiêu chí «{item}»: có cách chấm khi không áp dụng nhưng không có điều kiện áp dụng")]
    NotApplicableRuleWithoutCondition { item: String },
    #[error(
        "Ngưỡng xếp loại phải giảm dần và không vượt tổng điểm (Tốt {}, Khá {}, Trung bình {})",
        .0.tot,
        .0.kha,
        .0.trung_binh
    )]
    BadRatingThresholds(RatingThresholds),
    #[error("Danh sách «phải đạt điểm tối đa để xếp Tốt» có mã không tồn tại: «{0}»")]
    UnknownFullMarksItem(String),
    #[error("Quy định thời lượng không hợp lệ: {0}")]
    BadDurationRule(DurationProblem),
    #[error("Không tính được mã băm của bộ tiêu chí: {0}")]
    Hash(#[from] CanonicalError),
}

/// What is wrong with a rubric's duration rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DurationProblem {
    #[error("thời lượng tối thiểu phải lớn hơn 0")]
    ZeroMinutes,
    #[error("quy định cho chi bộ đông đảng viên phải lớn hơn 0")]
    ZeroLargeCell,
}

impl Bilingual for DurationProblem {
    fn message_en(&self) -> String {
        match self {
            Self::ZeroMinutes => "the minimum duration must be more than 0",
            Self::ZeroLargeCell => "the rule for cells with many members must be more than 0",
        }
        .into()
    }
}

impl Bilingual for RubricError {
    fn message_en(&self) -> String {
        match self {
            Self::Syntax(m) => {
                format!("The rubric file is not valid JSON or has the wrong structure: {m}")
            }
            Self::UnsupportedFormat(f) => {
                format!("The rubric format «{f}» is not supported («{RUBRIC_FORMAT}» is needed)")
            }
            Self::Empty(field) => format!("The field «{field}» must not be empty"),
            Self::DuplicateId(id) => format!("The id «{id}» is used twice"),
            Self::GroupPointsMismatch {
                group,
                declared,
                sum,
            } => format!(
                "Group «{group}»: {declared} points are declared but its criteria add up to {sum}"
            ),
            Self::TotalPointsMismatch { declared, sum } => format!(
                "The rubric declares {declared} points but its groups add up to {sum}"
            ),
            Self::ZeroPointItem { item } => {
                format!("Criterion «{item}»: the maximum must be more than 0 points")
            }
            Self::LevelAboveItem {
                item,
                option,
                points,
                max,
            } => format!(
                "Criterion «{item}»: the level «{option}» gives {points} points, above the maximum of {max}"
            ),
            Self::BestLevelBelowMax { item, best, max } => format!(
                "Criterion «{item}»: the best level gives {best} points, not the maximum of {max}"
            ),
            Self::TooFewLevels { item } => {
                format!("Criterion «{item}»: at least two levels are needed")
            }
            Self::KindMismatch { item } => format!(
                "Criterion «{item}»: the kind of criterion does not match the levels/bands declared"
            ),
            Self::NoFallbackBand { item } => format!(
                "Criterion «{item}»: the last band must have no condition (it takes what is left)"
            ),
            Self::UnreachableBand { item } => format!(
                "Criterion «{item}»: only the last band may have no condition"
            ),
            Self::BadCondition { item } => format!(
                "Criterion «{item}»: each condition needs exactly one comparison"
            ),
            Self::MissingNotApplicableRule { item } => format!(
                "Criterion «{item}»: a criterion with a condition must say how it is scored when it does not apply"
            ),
            Self::NotApplicableRuleWithoutCondition { item } => format!(
                "Criterion «{item}»: it says how to score it when it does not apply, but has no condition"
            ),
            Self::BadRatingThresholds(r) => format!(
                "The rating thresholds must decrease and not exceed the total points (Good {}, Fairly good {}, Average {})",
                r.tot, r.kha, r.trung_binh
            ),
            Self::UnknownFullMarksItem(id) => format!(
                "The list «full marks needed for Good» has an id that does not exist: «{id}»"
            ),
            Self::BadDurationRule(p) => {
                format!("The duration rule is not valid: {}", p.message_en())
            }
            Self::Hash(e) => format!("The rubric's hash could not be computed: {}", e.message_en()),
        }
    }
}

/// Parses and validates a rubric file. Pure: the same text always gives the same answer.
pub fn parse_rubric(text: &str) -> Result<Rubric, RubricError> {
    // Read twice, as a `Value` for the hash and then typed (in `parse_shipped_rubric`): a typed
    // read from the `Value` (`from_value`) is a second copy of every rubric type's reader in the
    // wasm (2.8 KB gzip on the district's page when it was so), for a file of a few KB read once.
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| RubricError::Syntax(e.to_string()))?;
    parse_shipped_rubric(text, &canonical_sha256_hex(&value)?)
}

/// A rubric whose canonical SHA-256 is already known: one shipped with the build, whose hash
/// was recorded beside it ([`super::catalog::SHIPPED_SHA256`], checked by a test). Parsed and
/// validated as [`parse_rubric`] does, without hashing it again.
pub fn parse_shipped_rubric(text: &str, sha256: &str) -> Result<Rubric, RubricError> {
    let file: RubricFile =
        serde_json::from_str(text).map_err(|e| RubricError::Syntax(e.to_string()))?;
    validate(&file)?;
    let reference = RubricRef {
        id: file.id.clone(),
        version: file.version,
        sha256: sha256.to_string(),
    };
    Ok(Rubric { file, reference })
}

fn validate(file: &RubricFile) -> Result<(), RubricError> {
    if file.format != RUBRIC_FORMAT {
        return Err(RubricError::UnsupportedFormat(file.format.clone()));
    }
    if file.id.trim().is_empty() {
        return Err(RubricError::Empty("id"));
    }
    if file.title.trim().is_empty() {
        return Err(RubricError::Empty("title"));
    }
    if file.groups.is_empty() {
        return Err(RubricError::Empty("groups"));
    }
    let rule = &file.duration_rule;
    if rule.minutes == 0 || rule.combined_minutes == 0 {
        return Err(RubricError::BadDurationRule(DurationProblem::ZeroMinutes));
    }
    if let Some(large) = &rule.large_cell {
        if large.minutes == 0 || large.min_required_members == 0 {
            return Err(RubricError::BadDurationRule(DurationProblem::ZeroLargeCell));
        }
    }

    let mut ids = BTreeSet::new();
    let mut total = 0u32;
    for group in &file.groups {
        if !ids.insert(group.id.clone()) {
            return Err(RubricError::DuplicateId(group.id.clone()));
        }
        if group.items.is_empty() {
            return Err(RubricError::Empty("items"));
        }
        let mut sum = 0u32;
        for item in &group.items {
            if !ids.insert(item.id.clone()) {
                return Err(RubricError::DuplicateId(item.id.clone()));
            }
            validate_item(item)?;
            sum = sum.saturating_add(item.max_points);
        }
        if sum != group.max_points {
            return Err(RubricError::GroupPointsMismatch {
                group: group.id.clone(),
                declared: group.max_points,
                sum,
            });
        }
        total = total.saturating_add(group.max_points);
    }
    if total != file.max_points {
        return Err(RubricError::TotalPointsMismatch {
            declared: file.max_points,
            sum: total,
        });
    }
    let r = &file.ratings;
    if !(r.tot <= file.max_points && r.kha < r.tot && r.trung_binh < r.kha) {
        return Err(RubricError::BadRatingThresholds(r.clone()));
    }
    for id in &file.full_marks_required_for_tot {
        let is_item = file
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .any(|i| &i.id == id);
        if !is_item {
            return Err(RubricError::UnknownFullMarksItem(id.clone()));
        }
    }
    Ok(())
}

fn validate_item(item: &Item) -> Result<(), RubricError> {
    let name = || item.id.clone();
    if item.max_points == 0 {
        return Err(RubricError::ZeroPointItem { item: name() });
    }
    match (&item.applies_if, &item.when_not_applicable) {
        (Some(_), None) => return Err(RubricError::MissingNotApplicableRule { item: name() }),
        (None, Some(_)) => {
            return Err(RubricError::NotApplicableRuleWithoutCondition { item: name() })
        }
        _ => {}
    }
    let (options, bands) = (&item.options, &item.bands);
    match item.kind {
        ItemKind::Toggle if options.is_empty() && bands.is_empty() => Ok(()),
        ItemKind::Levels if bands.is_empty() => {
            if options.len() < 2 {
                return Err(RubricError::TooFewLevels { item: name() });
            }
            let mut seen = BTreeSet::new();
            for option in options {
                if !seen.insert(option.id.as_str()) {
                    return Err(RubricError::DuplicateId(format!(
                        "{}/{}",
                        item.id, option.id
                    )));
                }
                check_points(item, &option.id, option.points)?;
            }
            check_best(item, options.iter().map(|o| o.points))
        }
        ItemKind::Derived if options.is_empty() => {
            if bands.len() < 2 {
                return Err(RubricError::TooFewLevels { item: name() });
            }
            let last = bands.len() - 1;
            for (i, band) in bands.iter().enumerate() {
                check_points(item, &band.label, band.points)?;
                if band.conditions.is_empty() && i != last {
                    return Err(RubricError::UnreachableBand { item: name() });
                }
                if band.conditions.iter().any(|c| c.comparator().is_none()) {
                    return Err(RubricError::BadCondition { item: name() });
                }
            }
            if !bands[last].conditions.is_empty() {
                return Err(RubricError::NoFallbackBand { item: name() });
            }
            check_best(item, bands.iter().map(|b| b.points))
        }
        _ => Err(RubricError::KindMismatch { item: name() }),
    }
}

fn check_points(item: &Item, option: &str, points: u32) -> Result<(), RubricError> {
    if points > item.max_points {
        return Err(RubricError::LevelAboveItem {
            item: item.id.clone(),
            option: option.to_string(),
            points,
            max: item.max_points,
        });
    }
    Ok(())
}

fn check_best(item: &Item, points: impl Iterator<Item = u32>) -> Result<(), RubricError> {
    let best = points.max().unwrap_or(0);
    if best != item.max_points {
        return Err(RubricError::BestLevelBelowMax {
            item: item.id.clone(),
            best,
            max: item.max_points,
        });
    }
    Ok(())
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn every_rubric_error_has_an_english_message() {
        use RubricError::*;
        let item = || "trinh_tu".to_string();
        let thresholds = RatingThresholds {
            tot: 90,
            kha: 95,
            trung_binh: 50,
        };
        assert_eq!(
            BadRatingThresholds(thresholds.clone()).to_string(),
            "Ngưỡng xếp loại phải giảm dần và không vượt tổng điểm (Tốt 90, Khá 95, Trung bình 50)"
        );
        crate::domain::lang::assert_translated(
            &[
                Syntax("expected value at line 1 column 1".into()),
                UnsupportedFormat("other/1".into()),
                Empty("groups"),
                DuplicateId("trinh_tu".into()),
                GroupPointsMismatch {
                    group: "tien_hanh".into(),
                    declared: 30,
                    sum: 29,
                },
                TotalPointsMismatch {
                    declared: 99,
                    sum: 100,
                },
                ZeroPointItem { item: item() },
                LevelAboveItem {
                    item: item(),
                    option: "tu_90".into(),
                    points: 12,
                    max: 10,
                },
                BestLevelBelowMax {
                    item: item(),
                    best: 9,
                    max: 10,
                },
                TooFewLevels { item: item() },
                KindMismatch { item: item() },
                NoFallbackBand { item: item() },
                UnreachableBand { item: item() },
                BadCondition { item: item() },
                MissingNotApplicableRule { item: item() },
                NotApplicableRuleWithoutCondition { item: item() },
                BadRatingThresholds(thresholds),
                UnknownFullMarksItem("khong_co".into()),
                BadDurationRule(DurationProblem::ZeroMinutes),
                Hash(CanonicalError("NaN".into())),
            ],
            |e| match e {
                Syntax(_) => 0,
                UnsupportedFormat(_) => 1,
                Empty(_) => 2,
                DuplicateId(_) => 3,
                GroupPointsMismatch { .. } => 4,
                TotalPointsMismatch { .. } => 5,
                ZeroPointItem { .. } => 6,
                LevelAboveItem { .. } => 7,
                BestLevelBelowMax { .. } => 8,
                TooFewLevels { .. } => 9,
                KindMismatch { .. } => 10,
                NoFallbackBand { .. } => 11,
                UnreachableBand { .. } => 12,
                BadCondition { .. } => 13,
                MissingNotApplicableRule { .. } => 14,
                NotApplicableRuleWithoutCondition { .. } => 15,
                BadRatingThresholds(_) => 16,
                UnknownFullMarksItem(_) => 17,
                BadDurationRule(_) => 18,
                Hash(_) => 19,
            },
        );
        use DurationProblem::*;
        crate::domain::lang::assert_translated(&[ZeroMinutes, ZeroLargeCell], |p| match p {
            ZeroMinutes => 0,
            ZeroLargeCell => 1,
        });
    }
}
