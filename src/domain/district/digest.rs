//! What the district keeps at hand of a verified result: the figures its statuses, table and
//! charts need. The full result (every meeting's facts and answers, the narrative) stays in the
//! file and is read only when someone opens it; keeping ~1 KB per file instead of ~13 KB is what
//! lets a collection of thousands open and import quickly (docs/benchmarks.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::cell::CellType;
use crate::domain::quarter::QuarterId;
use crate::domain::rating::Rating;
use crate::domain::result_doc::ResultSubject;
use crate::domain::rubric::RubricRef;

/// Points a cell lost on one rubric item over the quarter's meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemLoss {
    /// The rubric item's id.
    pub item: String,
    pub lost: u32,
    pub possible: u32,
}

/// The district's summary of one verified result (derived from its subject by [`Self::of`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ResultDigest {
    /// Produced in a training workspace: never counted.
    pub training: bool,
    pub rubric: RubricRef,
    pub cell_name: String,
    pub cell_type: CellType,
    pub parent_committee: String,
    pub quarter: QuarterId,
    /// Meetings of every kind in the result.
    pub meetings: u32,
    pub average_tenths: u32,
    pub rating: Rating,
    /// Shortfall codes of the quarter (`month_without_regular:11`, `no_thematic`,
    /// `tot_conditions_missed:10`).
    pub shortfalls: Vec<String>,
    /// Per item, in item-id order, for the items with points to lose.
    pub losses: Vec<ItemLoss>,
}

impl ResultDigest {
    /// The digest of a result's subject.
    pub fn of(s: &ResultSubject) -> Self {
        let mut losses: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        for item in s.meetings.iter().flat_map(|m| &m.items) {
            let e = losses.entry(item.id.as_str()).or_default();
            e.0 += item.max_points - item.points.min(item.max_points);
            e.1 += item.max_points;
        }
        Self {
            training: s.training,
            rubric: s.rubric.clone(),
            cell_name: s.cell.name.clone(),
            cell_type: s.cell.cell_type,
            parent_committee: s.cell.parent_committee.clone(),
            quarter: s.quarter,
            meetings: s.meetings.len() as u32,
            average_tenths: s.quarter_result.average_tenths,
            rating: s.quarter_result.rating,
            shortfalls: s.quarter_result.shortfalls.clone(),
            losses: losses
                .into_iter()
                .map(|(item, (lost, possible))| ItemLoss {
                    item: item.to_string(),
                    lost,
                    possible,
                })
                .collect(),
        }
    }
}
