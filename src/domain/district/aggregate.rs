//! The district's view of one quarter: one row per counted cell, who is missing, the rating
//! distribution and the criteria where cells lose most points; and the table as CSV.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::collection::{Classified, Outcome, Received, Status};
use super::csv;
use super::digest::ResultDigest;
use super::registry::{normalize, Registry, RegistryEntry};
use crate::domain::catalog::Catalog;
use crate::domain::quarter::QuarterId;
use crate::domain::rating::Rating;

/// The upper level's own rating and note for one cell and quarter. Kept beside the signed
/// result, never inside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Review {
    pub rating: Option<Rating>,
    pub note: String,
}

/// Reviews by (lower-cased cell name, quarter).
pub type Reviews = BTreeMap<(String, QuarterId), Review>;

/// The review key of a cell and quarter.
pub fn review_key(cell: &str, quarter: QuarterId) -> (String, QuarterId) {
    (normalize(cell), quarter)
}

/// One counted cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRow {
    /// Index of the file in the collection.
    pub index: usize,
    pub cell_name: String,
    pub cell_type: crate::domain::cell::CellType,
    pub parent_committee: String,
    pub meetings: u32,
    pub average_tenths: u32,
    pub rating: Rating,
    pub shortfalls: Vec<String>,
    pub fingerprint: String,
    pub file_name: String,
    pub review: Option<Review>,
}

/// Points lost on one criterion across the counted results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    pub item_id: String,
    pub title: String,
    pub lost: u32,
    pub possible: u32,
}

impl Loss {
    /// Share of the possible points lost, per-mille.
    pub fn permille(&self) -> u32 {
        (u64::from(self.lost) * 1000)
            .checked_div(u64::from(self.possible))
            .unwrap_or(0) as u32
    }
}

/// The quarter's table and figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterTable {
    pub quarter: QuarterId,
    pub rows: Vec<CellRow>,
    /// Registered cells with no counted result this quarter.
    pub missing: Vec<RegistryEntry>,
    /// Count of counted cells per rating, best first.
    pub distribution: Vec<(Rating, u32)>,
    /// Criteria by points lost, worst first.
    pub losses: Vec<Loss>,
    /// Files of this quarter (or unreadable) per status.
    pub status_counts: Vec<(Status, u32)>,
}

/// A shortfall code in Vietnamese.
pub fn shortfall_vi(code: &str) -> String {
    match code.split_once(':') {
        Some(("month_without_regular", m)) => format!("tháng {m} không sinh hoạt thường kỳ"),
        _ if code == "no_thematic" => "không sinh hoạt chuyên đề".into(),
        Some(("tot_conditions_missed", m)) => {
            format!("tháng {m} chưa đủ điều kiện xếp loại Tốt")
        }
        _ => code.to_string(),
    }
}

fn digest(r: &Received) -> Option<&ResultDigest> {
    match &r.outcome {
        Outcome::Verified { digest, .. } => Some(digest),
        Outcome::Rejected { .. } => None,
    }
}

/// Builds the table of `quarter` from the collection.
pub fn aggregate(
    received: &[Received],
    classified: &[Classified],
    registry: &Registry,
    reviews: &Reviews,
    catalog: &Catalog,
    quarter: QuarterId,
) -> QuarterTable {
    let mut rows = Vec::new();
    let mut status_counts: HashMap<Status, u32> = HashMap::new();
    let mut losses: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut titles: HashMap<String, String> = HashMap::new();
    for (index, (r, c)) in received.iter().zip(classified).enumerate() {
        let s = digest(r);
        if s.is_some_and(|s| s.quarter != quarter) {
            continue;
        }
        *status_counts.entry(c.status).or_default() += 1;
        let (Some(s), Status::Valid) = (s, c.status) else {
            continue;
        };
        let Outcome::Verified { fingerprint, .. } = &r.outcome else {
            continue;
        };
        let cell_name = c.cell.clone().unwrap_or_else(|| s.cell_name.clone());
        for l in &s.losses {
            let e = losses.entry(l.item.clone()).or_default();
            e.0 += l.lost;
            e.1 += l.possible;
        }
        if let Some(rubric) = catalog.get(&s.rubric) {
            for item in rubric.items() {
                titles
                    .entry(item.id.clone())
                    .or_insert_with(|| item.title.clone());
            }
        }
        rows.push(CellRow {
            index,
            review: reviews.get(&review_key(&cell_name, quarter)).cloned(),
            cell_name,
            cell_type: s.cell_type,
            parent_committee: s.parent_committee.clone(),
            meetings: s.meetings,
            average_tenths: s.average_tenths,
            rating: s.rating,
            shortfalls: s.shortfalls.clone(),
            fingerprint: fingerprint.clone(),
            file_name: r.file_name.clone(),
        });
    }
    rows.sort_by_cached_key(|r| r.cell_name.to_lowercase());
    // One entry per registered cell without a counted row (hash sets: thousands of cells).
    let submitted: std::collections::HashSet<String> =
        rows.iter().map(|r| normalize(&r.cell_name)).collect();
    let mut listed = std::collections::HashSet::new();
    // A key valid only from after the quarter owes nothing for it (both dates `YYYY-MM-DD`).
    let last_day = quarter.last_day_iso();
    let missing = registry
        .entries
        .iter()
        .filter(|e| e.valid_from <= last_day)
        .filter(|e| {
            let n = normalize(&e.cell_name);
            !submitted.contains(&n) && listed.insert(n)
        })
        .cloned()
        .collect();
    let distribution = [Rating::Tot, Rating::Kha, Rating::TrungBinh, Rating::Kem]
        .into_iter()
        .map(|rt| (rt, rows.iter().filter(|r| r.rating == rt).count() as u32))
        .collect();
    let mut losses: Vec<Loss> = losses
        .into_iter()
        .filter(|(_, (lost, _))| *lost > 0)
        .map(|(item_id, (lost, possible))| Loss {
            title: titles
                .get(&item_id)
                .cloned()
                .unwrap_or_else(|| item_id.clone()),
            item_id,
            lost,
            possible,
        })
        .collect();
    losses.sort_by(|a, b| b.lost.cmp(&a.lost).then(a.item_id.cmp(&b.item_id)));
    let status_counts = Status::ALL
        .into_iter()
        .map(|s| (s, status_counts.get(&s).copied().unwrap_or(0)))
        .collect();
    QuarterTable {
        quarter,
        rows,
        missing,
        distribution,
        losses,
        status_counts,
    }
}

fn tenths(t: u32) -> String {
    crate::domain::report::format_tenths(t)
}

/// The table as CSV for Excel: UTF-8 with BOM, Vietnamese headers, CRLF.
pub fn table_csv(table: &QuarterTable) -> String {
    let mut rows = vec![[
        "Chi bộ",
        "Loại hình",
        "Đảng bộ cấp trên",
        "Quý",
        "Số buổi",
        "Điểm bình quân",
        "Tự xếp loại",
        "Thiếu sót",
        "Cấp trên xếp loại",
        "Nhận xét của cấp trên",
        "Dấu vân tay khóa",
        "Tệp",
    ]
    .map(String::from)
    .to_vec()];
    for r in &table.rows {
        rows.push(vec![
            r.cell_name.clone(),
            r.cell_type.label_vi().to_string(),
            r.parent_committee.clone(),
            table.quarter.to_string(),
            r.meetings.to_string(),
            tenths(r.average_tenths),
            r.rating.label_vi().to_string(),
            r.shortfalls
                .iter()
                .map(|s| shortfall_vi(s))
                .collect::<Vec<_>>()
                .join("; "),
            r.review
                .as_ref()
                .and_then(|v| v.rating)
                .map(|x| x.label_vi().to_string())
                .unwrap_or_default(),
            r.review
                .as_ref()
                .map(|v| v.note.clone())
                .unwrap_or_default(),
            r.fingerprint.clone(),
            r.file_name.clone(),
        ]);
    }
    for m in &table.missing {
        rows.push(vec![
            m.cell_name.clone(),
            String::new(),
            String::new(),
            table.quarter.to_string(),
            "0".into(),
            String::new(),
            "Chưa nộp".into(),
            String::new(),
            String::new(),
            String::new(),
            m.fingerprint(),
            String::new(),
        ]);
    }
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|f| csv::spreadsheet_text(f)).collect())
        .collect();
    format!("\u{feff}{}", csv::write(&rows))
}

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    /// Highest average first.
    Score,
    /// Best rating first, then by name.
    Rating,
}

/// The rows to show: filtered by type and rating, then sorted.
pub fn select_rows(
    rows: &[CellRow],
    cell_type: Option<crate::domain::cell::CellType>,
    rating: Option<Rating>,
    sort: SortBy,
) -> Vec<&CellRow> {
    let mut out: Vec<&CellRow> = rows
        .iter()
        .filter(|r| cell_type.is_none_or(|t| r.cell_type == t))
        .filter(|r| rating.is_none_or(|x| r.rating == x))
        .collect();
    match sort {
        SortBy::Name => out.sort_by_cached_key(|r| r.cell_name.to_lowercase()),
        SortBy::Score => out.sort_by_key(|r| std::cmp::Reverse(r.average_tenths)),
        SortBy::Rating => {
            out.sort_by_cached_key(|r| (std::cmp::Reverse(r.rating), r.cell_name.to_lowercase()))
        }
    }
    out
}

/// Bar lengths (0..=`full`) proportional to `values`, the largest value getting `full`.
pub fn bar_lengths(values: &[u32], full: u32) -> Vec<u32> {
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            (u64::from(v) * u64::from(full))
                .checked_div(u64::from(max))
                .unwrap_or(0) as u32
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_survive_all_zero() {
        assert_eq!(bar_lengths(&[10, 5, 0], 200), vec![200, 100, 0]);
        assert_eq!(bar_lengths(&[0, 0], 200), vec![0, 0]);
        assert_eq!(bar_lengths(&[], 200), Vec::<u32>::new());
    }
}
