//! Scoring one meeting against a rubric: points per item and group, total, rating.

use super::cell::Officers;
use super::facts::{measure, MeasureValue, ParsedFacts};
use super::meeting::{Answer, Meeting, MeetingKind};
use super::rating::{rate, Rating};
use super::rubric::{Comparator, Condition, Item, ItemKind, NotApplicableRule, Rubric};

/// How an item got its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemOutcome {
    /// A judgement answer was given.
    Answered,
    /// A judgement item with no answer yet (scores 0).
    Unanswered,
    /// A derived item: the band that applied (its label).
    Derived { band: String },
    /// A derived item whose facts are missing (scores 0).
    DerivedMissing,
    /// Does not apply and scores full marks by the rubric's rule.
    NotApplicableFull,
    /// Does not apply and leaves the sheet by the rubric's rule.
    Excluded,
}

/// One item's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemScore {
    pub item_id: String,
    pub points: u32,
    /// The item's maximum, or 0 when excluded.
    pub max: u32,
    pub outcome: ItemOutcome,
}

impl ItemScore {
    /// Points this item cost the meeting.
    pub fn lost(&self) -> u32 {
        self.max - self.points
    }
}

/// One group's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupScore {
    pub group_id: String,
    pub points: u32,
    pub max: u32,
}

/// The whole sheet's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingScore {
    pub items: Vec<ItemScore>,
    pub groups: Vec<GroupScore>,
    /// Raw points over the applicable items.
    pub points: u32,
    /// Maximum over the applicable items.
    pub max: u32,
    /// The score on the rubric's scale (equal to `points` unless items were excluded, then
    /// rescaled and rounded half up).
    pub score: u32,
    pub rating: Rating,
    /// Items that are not at full marks although the rubric requires it for Tốt; non-empty only
    /// when the score alone would have been Tốt.
    pub tot_blocked_by: Vec<String>,
}

impl MeetingScore {
    /// Items that cost points, worst first (ties in sheet order).
    pub fn losses(&self) -> Vec<&ItemScore> {
        // Placed one by one after every item that lost as much or more: stable, and a sheet has
        // a few dozen items at most, so no general sort (each `sort_by_key` brings ~3 KB of wasm).
        let mut lost: Vec<&ItemScore> = Vec::new();
        for item in self.items.iter().filter(|i| i.lost() > 0) {
            let at = lost.partition_point(|x| x.lost() >= item.lost());
            lost.insert(at, item);
        }
        lost
    }

    /// The result for one item.
    pub fn item(&self, id: &str) -> Option<&ItemScore> {
        self.items.iter().find(|i| i.item_id == id)
    }
}

/// The items of `items` the rubric requires at full marks for Tốt that lost points, in the
/// rubric's order: what holds a meeting at Khá, and (under a version-2 rubric) its quarter.
pub fn short_of_tot<'a>(
    rubric: &'a Rubric,
    items: &'a [ItemScore],
) -> impl Iterator<Item = &'a ItemScore> + 'a {
    rubric
        .file()
        .full_marks_required_for_tot
        .iter()
        .filter_map(|id| items.iter().find(|s| &s.item_id == id))
        .filter(|s| s.lost() > 0)
}

/// Whether a conditional item applies to this meeting of this cell.
pub fn applies(item: &Item, kind: MeetingKind, officers: Officers) -> bool {
    match &item.applies_if {
        None => true,
        Some(a) => {
            a.meeting_kinds.as_ref().is_none_or(|k| k.contains(&kind))
                && a.cell_officers
                    .as_ref()
                    .is_none_or(|o| o.contains(&officers))
        }
    }
}

fn holds(value: MeasureValue, comparator: Comparator) -> bool {
    // Ratios are compared exactly: num/den >= t/1000  <=>  1000*num >= t*den.
    let (lhs, scale) = match value {
        MeasureValue::Ratio { num, den } => (i128::from(num) * 1000, i128::from(den)),
        MeasureValue::Whole(n) => (i128::from(n), 1),
    };
    match comparator {
        Comparator::AtLeast(t) => lhs >= i128::from(t) * scale,
        Comparator::Above(t) => lhs > i128::from(t) * scale,
        Comparator::AtMost(t) => lhs <= i128::from(t) * scale,
        Comparator::Below(t) => lhs < i128::from(t) * scale,
    }
}

fn condition_holds(
    c: &Condition,
    facts: &ParsedFacts,
    kind: MeetingKind,
    rubric: &Rubric,
) -> Option<bool> {
    let value = measure(facts, kind, &rubric.file().duration_rule, c.measure)?;
    Some(c.comparator().is_some_and(|cmp| holds(value, cmp)))
}

fn score_item(
    item: &Item,
    meeting: &Meeting,
    facts: &ParsedFacts,
    officers: Officers,
    rubric: &Rubric,
) -> ItemScore {
    let result = |points, max, outcome| ItemScore {
        item_id: item.id.clone(),
        points,
        max,
        outcome,
    };
    if !applies(item, meeting.kind, officers) {
        return match item.when_not_applicable {
            Some(NotApplicableRule::Excluded) => result(0, 0, ItemOutcome::Excluded),
            _ => result(
                item.max_points,
                item.max_points,
                ItemOutcome::NotApplicableFull,
            ),
        };
    }
    let max = item.max_points;
    match item.kind {
        ItemKind::Toggle => match meeting.answers.get(&item.id) {
            Some(Answer::Toggle(yes)) => {
                result(if *yes { max } else { 0 }, max, ItemOutcome::Answered)
            }
            _ => result(0, max, ItemOutcome::Unanswered),
        },
        ItemKind::Levels => {
            let chosen = match meeting.answers.get(&item.id) {
                Some(Answer::Level(id)) => item.options.iter().find(|o| &o.id == id),
                _ => None,
            };
            match chosen {
                Some(o) => result(o.points, max, ItemOutcome::Answered),
                None => result(0, max, ItemOutcome::Unanswered),
            }
        }
        ItemKind::Derived => {
            for band in &item.bands {
                let mut all = Some(true);
                for c in &band.conditions {
                    match condition_holds(c, facts, meeting.kind, rubric) {
                        None => {
                            all = None;
                            break;
                        }
                        Some(false) => all = Some(false),
                        Some(true) => {}
                    }
                }
                match all {
                    None => return result(0, max, ItemOutcome::DerivedMissing),
                    Some(true) => {
                        return result(
                            band.points,
                            max,
                            ItemOutcome::Derived {
                                band: band.label.clone(),
                            },
                        )
                    }
                    Some(false) => {}
                }
            }
            // Unreachable for a validated rubric (its last band has no condition).
            result(0, max, ItemOutcome::DerivedMissing)
        }
    }
}

/// Scores one meeting. `facts` are the meeting's parsed facts; `officers` come from the cell.
pub fn score_meeting(
    rubric: &Rubric,
    meeting: &Meeting,
    facts: &ParsedFacts,
    officers: Officers,
) -> MeetingScore {
    let mut items = Vec::new();
    let mut groups = Vec::new();
    for group in rubric.groups() {
        let (mut points, mut max) = (0, 0);
        for item in &group.items {
            let s = score_item(item, meeting, facts, officers, rubric);
            points += s.points;
            max += s.max;
            items.push(s);
        }
        groups.push(GroupScore {
            group_id: group.id.clone(),
            points,
            max,
        });
    }
    let points: u32 = groups.iter().map(|g| g.points).sum();
    let max: u32 = groups.iter().map(|g| g.max).sum();
    let scale = rubric.file().max_points;
    let score = if max == scale || max == 0 {
        points
    } else {
        // Round half up: (2·p·S + m) / (2·m).
        let (p, m, s) = (u64::from(points), u64::from(max), u64::from(scale));
        ((2 * p * s + m) / (2 * m)) as u32
    };
    let base = rate(score, &rubric.file().ratings);
    let tot_blocked_by = if base == Rating::Tot {
        short_of_tot(rubric, &items)
            .map(|s| s.item_id.clone())
            .collect()
    } else {
        Vec::new()
    };
    let rating = if tot_blocked_by.is_empty() {
        base
    } else {
        base.one_below()
    };
    MeetingScore {
        items,
        groups,
        points,
        max,
        score,
        rating,
        tot_blocked_by,
    }
}
