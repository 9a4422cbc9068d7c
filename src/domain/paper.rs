//! The printed quarter report (A4, the customary form) as plain data, and the stamp that ties a
//! paper copy to the signed file it was printed with.
//!
//! The view only lays these strings out; every number and phrase is decided here, so it is
//! tested natively.

use chrono::{Datelike, NaiveDate};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::{Deserialize, Serialize};

use super::canonical::sha256_hex;
use super::cell::{CellProfile, Officers};
use super::record::{NarrativeField, QuarterRecord};
use super::report::{format_tenths, QuarterReport, SheetStatus};
use super::rubric::Rubric;
use super::scoring::ItemOutcome;

/// Printed in both point columns of a row that does not apply to the meeting (its items left
/// the sheet, which was rescaled to 100).
const NOT_APPLICABLE: &str = "—";

/// What the last signed export of a quarter was: kept with the draft so the printout can name
/// the file (or say that the draft changed since).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExportStamp {
    /// The result's id (`urn:uuid:…`).
    pub id: String,
    /// SHA-256 (hex) of the exported file's bytes: what a district sees as the file's hash.
    pub file_sha256: String,
    /// [`content_fingerprint`] of the draft and profile that were signed.
    pub content: String,
}

/// A fingerprint of what a signed export is made from (the quarter's answers and facts and the
/// cell profile). It changes with any edit, so a stale stamp is never printed as current.
pub fn content_fingerprint(record: &QuarterRecord, profile: &CellProfile) -> String {
    let mut record = record.clone();
    record.last_export = None;
    let text = serde_json::to_string(&(record, profile)).unwrap_or_default();
    sha256_hex(text.as_bytes())
}

/// The id, short hash and QR code printed on the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperStamp {
    pub id: String,
    /// The first 16 hex digits of the file's SHA-256, in groups of four.
    pub short_hash: String,
    /// An SVG image (made here from the id and the hash only, never from user text).
    pub qr_svg: String,
}

/// What the QR code carries: the result id and the file's full SHA-256.
pub fn stamp_text(stamp: &ExportStamp) -> String {
    format!("{};sha256={}", stamp.id, stamp.file_sha256)
}

fn paper_stamp(stamp: &ExportStamp) -> PaperStamp {
    let short = stamp
        .file_sha256
        .get(..16)
        .unwrap_or_default()
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let qr_svg = QrCode::with_error_correction_level(stamp_text(stamp), EcLevel::M)
        .map(|code| {
            code.render()
                .min_dimensions(120, 120)
                .dark_color(svg::Color("#000"))
                .light_color(svg::Color("#fff"))
                .build()
        })
        .unwrap_or_default();
    PaperStamp {
        id: stamp.id.clone(),
        short_hash: short,
        qr_svg,
    }
}

/// One line of a meeting's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperRow {
    /// Group rows are bold; item rows are indented under them.
    pub is_group: bool,
    pub number: String,
    pub title: String,
    pub max: String,
    pub points: String,
}

/// One meeting's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperMeeting {
    pub heading: String,
    pub facts: String,
    pub rows: Vec<PaperRow>,
    pub total: String,
    pub rating: String,
    /// What the table alone does not say, as on screen: a sheet rescaled to 100 because items
    /// left it, a score of Tốt rated Khá for want of full marks on a required item.
    pub notes: Vec<String>,
}

/// The whole printed report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperReport {
    pub party: String,
    /// The committee above the cell, as typed (printed in capitals by the style).
    pub upper_committee: String,
    /// The cell's name, as typed (printed in capitals by the style).
    pub cell_name: String,
    pub date_line: String,
    pub title: String,
    pub subtitle: String,
    pub rubric_line: String,
    pub meetings: Vec<PaperMeeting>,
    /// (label, value)
    pub rollup: Vec<(String, String)>,
    /// (heading, text)
    pub narrative: Vec<(String, String)>,
    pub signature_on_behalf: String,
    pub signature_title: String,
    pub signer: String,
    pub stamp: Option<PaperStamp>,
    pub stamp_note: String,
    pub training: bool,
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// The committee and cell names go on paper in capitals, but the page's style makes them so
/// (`text-transform: uppercase`, style/main.css): Rust's `to_uppercase` would add its Unicode case
/// tables, 7 KB gzip, to the secretary's page for two lines of print.
fn name_line(s: &str) -> String {
    s.trim().to_string()
}

fn date_vi(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Lays out the quarter for printing. `today` fills the date line; `training` adds the mark.
pub fn paper_report(
    rubric: &Rubric,
    record: &QuarterRecord,
    report: &QuarterReport,
    profile: &CellProfile,
    today: NaiveDate,
    training: bool,
) -> PaperReport {
    let q = record.quarter;
    let meetings = report
        .meetings
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let date = m
                .facts
                .parsed
                .date
                .map(|d| format!(", ngày {}", date_vi(d)))
                .unwrap_or_default();
            let mut rows = Vec::new();
            for (gi, g) in rubric.groups().iter().enumerate() {
                let gs = m.score.groups.iter().find(|s| s.group_id == g.id);
                rows.push(PaperRow {
                    is_group: true,
                    number: ROMAN.get(gi).map_or_else(|| (gi + 1).to_string(), |r| r.to_string()),
                    // "5. Vai trò…" is printed as "V | Vai trò…", the customary numbering.
                    title: g
                        .title
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .trim_start_matches('.')
                        .trim()
                        .to_string(),
                    max: gs.map_or(g.max_points, |s| s.max).to_string(),
                    points: gs.map_or(0, |s| s.points).to_string(),
                });
                // A group whose items all left this sheet (a thematic meeting's group VII) is
                // printed as not applying, not as "0 of 0".
                if let Some(row) = rows.last_mut().filter(|_| gs.is_some_and(|s| s.max == 0)) {
                    row.max = NOT_APPLICABLE.into();
                    row.points = NOT_APPLICABLE.into();
                }
                for (ii, item) in g.items.iter().enumerate() {
                    let s = m.score.items.iter().find(|s| s.item_id == item.id);
                    // An item that does not apply but counts as met (a regular meeting's
                    // thematic content, the chi ủy meeting of a cell whose only officer is the
                    // secretary) keeps its points, which the totals include, and says why: the
                    // upper level would otherwise read them as a claim the cell made.
                    let title = if s.is_some_and(|s| s.outcome == ItemOutcome::NotApplicableFull) {
                        format!("{} (không áp dụng, tính đủ điểm)", item.title)
                    } else {
                        item.title.clone()
                    };
                    rows.push(PaperRow {
                        is_group: false,
                        number: format!("{}.{}", gi + 1, ii + 1),
                        title,
                        max: s.map_or(item.max_points, |s| s.max).to_string(),
                        points: s.map_or(0, |s| s.points).to_string(),
                    });
                    if let Some(row) = rows
                        .last_mut()
                        .filter(|_| s.is_some_and(|s| s.outcome == ItemOutcome::Excluded))
                    {
                        row.max = NOT_APPLICABLE.into();
                        row.points = NOT_APPLICABLE.into();
                    }
                }
            }
            let p = &m.facts.parsed;
            let num = |v: Option<u32>| v.map_or_else(|| "…".to_string(), |v| v.to_string());
            PaperMeeting {
                heading: format!(
                    "Buổi {}: {} tháng {}/{}{date}{}",
                    n + 1,
                    m.kind.label_vi(),
                    m.month,
                    q.year(),
                    // The computed status, as on screen: a sheet marked complete and then
                    // made inconsistent is not complete.
                    if m.status == SheetStatus::Complete { "" } else { " (phiếu chưa hoàn thành)" }
                ),
                facts: format!(
                    "Thời lượng {} phút; đảng viên phải dự {}, có mặt {}, vắng có lý do {}, vắng không lý do {}; số đảng viên phát biểu {}.",
                    num(p.duration_minutes),
                    num(p.required),
                    num(p.present),
                    num(p.absent_with_reason),
                    num(p.absent_without_reason),
                    num(p.speakers)
                ),
                rows,
                // As on screen: an untouched sheet's not-applicable items are no result.
                total: format!(
                    "{}/{} điểm",
                    m.shown_score().map_or("…".into(), |s| s.score.to_string()),
                    rubric.file().max_points
                ),
                rating: m
                    .shown_score()
                    .map_or("chưa chấm", |s| s.rating.label_vi())
                    .to_string(),
                notes: m.shown_score().map_or_else(Vec::new, |s| {
                    let mut notes = Vec::new();
                    if s.max != rubric.file().max_points {
                        notes.push(format!(
                            "Đạt {}/{} điểm trên các tiêu chí áp dụng, quy đổi ra thang {}: {} điểm.",
                            s.points,
                            s.max,
                            rubric.file().max_points,
                            s.score
                        ));
                    }
                    if !s.tot_blocked_by.is_empty() {
                        let names: Vec<&str> = s
                            .tot_blocked_by
                            .iter()
                            .map(|id| rubric.item(id).map_or(id.as_str(), |i| i.title.as_str()))
                            .collect();
                        notes.push(format!(
                            "Đủ điểm Tốt nhưng chưa đạt điểm tối đa ở: {}. Xếp loại Khá.",
                            names.join("; ")
                        ));
                    }
                    notes
                }),
            }
        })
        .collect();
    let (shown_average, shown_rating) = report.shown_result();
    let mut rollup = vec![
        (
            "Số buổi sinh hoạt thường kỳ được tính".to_string(),
            report.regular_count.to_string(),
        ),
        (
            "Điểm bình quân quý".to_string(),
            shown_average.map_or_else(|| "chưa đủ dữ liệu".to_string(), format_tenths),
        ),
        (
            "Xếp loại chất lượng sinh hoạt quý".to_string(),
            shown_rating.map_or_else(|| "chưa xếp loại".to_string(), |r| r.label_vi().to_string()),
        ),
    ];
    if !report.shortfalls.is_empty() {
        rollup.push((
            "Thiếu sót".to_string(),
            report
                .shortfalls
                .iter()
                .map(|s| s.message_vi())
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    let narrative = NarrativeField::ALL
        .into_iter()
        .map(|f| {
            (
                f.label_vi().to_string(),
                record.narrative.get(f).to_string(),
            )
        })
        .collect();
    let current = record
        .last_export
        .as_ref()
        .filter(|s| s.content == content_fingerprint(record, profile));
    let stamp_note = match (&record.last_export, current) {
        (_, Some(_)) => "Bản in này khớp với tệp kết quả đã ký có mã và mã băm dưới đây.".to_string(),
        (Some(_), None) => "Nội dung đã sửa sau lần xuất tệp gần nhất: hãy xuất lại tệp kết quả rồi in, để bản in khớp với tệp.".to_string(),
        (None, None) => "Chưa xuất tệp kết quả đã ký: hãy xuất tệp trước khi in, để bản in đối chiếu được với tệp.".to_string(),
    };
    PaperReport {
        party: "ĐẢNG CỘNG SẢN VIỆT NAM".into(),
        upper_committee: name_line(&profile.parent_committee),
        cell_name: name_line(&profile.name),
        date_line: format!(
            "…………, ngày {} tháng {} năm {}",
            today.day(),
            today.month(),
            today.year()
        ),
        title: "BÁO CÁO TỰ ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT CHI BỘ".into(),
        subtitle: format!(
            "Quý {} năm {}",
            ROMAN[usize::from(q.quarter().clamp(1, 4)) - 1],
            q.year()
        ),
        rubric_line: format!("Theo bộ tiêu chí: {}", rubric.file().title),
        meetings,
        rollup,
        narrative,
        signature_on_behalf: match profile.officers {
            Officers::Committee => "T/M CHI ỦY".into(),
            // No committee: the secretary signs for the cell.
            Officers::OnlySecretary | Officers::SecretaryAndDeputy => "T/M CHI BỘ".into(),
        },
        signature_title: "BÍ THƯ".into(),
        signer: profile.secretary.trim().to_string(),
        stamp: current.map(paper_stamp),
        stamp_note,
        training,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Catalog;
    use crate::domain::facts::FactField;
    use crate::domain::meeting::MeetingKind;
    use crate::domain::quarter::QuarterId;
    use crate::domain::report::quarter_report;
    use crate::domain::sample::{sample_cell, sample_quarter};

    fn setup() -> (Rubric, QuarterRecord, CellProfile) {
        let catalog = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let rubric = catalog
            .default_rubric()
            .cloned()
            .unwrap_or_else(|| panic!("rubric"));
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let mut profile = sample_cell(3, 0);
        profile.officers = Officers::Committee;
        profile.secretary = "Nguyễn Văn An".into();
        let record = sample_quarter(3, 0, &rubric, q, &profile);
        (rubric, record, profile)
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 28).unwrap_or_default()
    }

    #[test]
    fn the_paper_has_the_customary_header_tables_totals_and_signature() {
        let (rubric, record, profile) = setup();
        let report = quarter_report(&rubric, &record, profile.officers);
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        assert_eq!(p.party, "ĐẢNG CỘNG SẢN VIỆT NAM");
        assert_eq!(p.cell_name, profile.name.trim());
        assert_eq!(p.date_line, "…………, ngày 28 tháng 12 năm 2026");
        assert_eq!(p.subtitle, "Quý IV năm 2026");
        assert_eq!(p.signature_on_behalf, "T/M CHI ỦY");
        assert_eq!(p.meetings.len(), record.meetings.len());
        for (m, r) in p.meetings.iter().zip(&report.meetings) {
            assert_eq!(m.total, format!("{}/100 điểm", r.score.score));
            // Group rows add up to the meeting's raw points.
            let groups: u32 = m
                .rows
                .iter()
                .filter(|x| x.is_group)
                .map(|x| x.points.parse::<u32>().unwrap_or(0))
                .sum();
            assert_eq!(groups, r.score.points);
        }
        assert!(p.stamp.is_none());
        assert!(p.stamp_note.contains("Chưa xuất"));
    }

    #[test]
    fn an_untouched_sheet_is_printed_as_not_scored_like_on_screen() {
        let (rubric, mut record, profile) = setup();
        record = QuarterRecord::new(record.quarter, record.rubric);
        let report = quarter_report(&rubric, &record, profile.officers);
        assert!(report.meetings[0].score.score > 0);
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        assert_eq!(p.meetings[0].total, "…/100 điểm");
        assert_eq!(p.meetings[0].rating, "chưa chấm");
        let rollup: Vec<&str> = p.rollup.iter().map(|(_, v)| v.as_str()).collect();
        assert!(rollup.contains(&"chưa đủ dữ liệu") && rollup.contains(&"chưa xếp loại"));
    }

    #[test]
    fn a_thematic_meeting_prints_its_left_out_rows_as_not_applying_and_says_it_was_rescaled() {
        let (rubric, _, profile) = setup();
        let q = QuarterId::new(2026, 4).unwrap_or_else(|e| panic!("{e}"));
        let mut record = QuarterRecord::new(q, rubric.reference().clone());
        let id = record
            .add_meeting(MeetingKind::Thematic, 11)
            .unwrap_or_else(|e| panic!("{e}"));
        record
            .set_fact(id, FactField::Date, "2026-11-20")
            .unwrap_or_else(|e| panic!("{e}"));
        let report = quarter_report(&rubric, &record, profile.officers);
        let at = report
            .meetings
            .iter()
            .position(|m| m.meeting_id == id)
            .unwrap_or_else(|| panic!("the thematic meeting"));
        let score = report.meetings[at].score.clone();
        assert!(score.max < 100, "a thematic meeting leaves items out");
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        let m = &p.meetings[at];
        let left_out = m.rows.iter().filter(|r| r.max == "—").count();
        assert!(left_out > 0);
        // No row reads "0 of 0": what left the sheet is a dash in both columns.
        assert!(!m.rows.iter().any(|r| r.max == "0"));
        assert!(m.rows.iter().all(|r| (r.max == "—") == (r.points == "—")));
        assert_eq!(
            m.notes,
            vec![format!(
                "Đạt {}/{} điểm trên các tiêu chí áp dụng, quy đổi ra thang 100: {} điểm.",
                score.points, score.max, score.score
            )]
        );
        // A started regular sheet on the full scale has no such note.
        let regular = report
            .meetings
            .iter()
            .position(|m| m.kind == MeetingKind::Regular)
            .unwrap_or_else(|| panic!("a regular meeting"));
        let regular_id = report.meetings[regular].meeting_id;
        record
            .set_fact(regular_id, FactField::Date, "2026-10-05")
            .unwrap_or_else(|e| panic!("{e}"));
        let report = quarter_report(&rubric, &record, profile.officers);
        assert!(report.meetings[regular].shown_score().is_some());
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        assert!(p.meetings[regular].rows.iter().all(|r| r.max != "—"));
        assert!(p.meetings[regular].notes.is_empty());
    }

    #[test]
    fn an_item_that_does_not_apply_but_counts_as_met_says_so_beside_its_points() {
        let (rubric, mut record, mut profile) = setup();
        profile.officers = Officers::OnlySecretary;
        record.meetings.retain(|m| m.kind == MeetingKind::Regular);
        let report = quarter_report(&rubric, &record, profile.officers);
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        let marked: Vec<&PaperRow> = p.meetings[0]
            .rows
            .iter()
            .filter(|r| r.title.ends_with("(không áp dụng, tính đủ điểm)"))
            .collect();
        // The thematic content (a regular meeting) and the chi ủy's meeting (no committee).
        assert_eq!(marked.len(), 2, "{marked:?}");
        assert!(marked.iter().all(|r| r.points == r.max && r.max != "0"));
        let answered = p.meetings[0].rows.iter().filter(|r| !r.is_group).count();
        assert!(answered > marked.len());
    }

    #[test]
    fn a_sheet_marked_complete_then_made_inconsistent_prints_as_not_complete() {
        let (rubric, mut record, profile) = setup();
        let report = quarter_report(&rubric, &record, profile.officers);
        let at = report
            .meetings
            .iter()
            .position(|m| m.status == SheetStatus::Complete)
            .unwrap_or_else(|| panic!("the sample has a complete sheet"));
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        assert!(!p.meetings[at].heading.contains("chưa hoàn thành"));
        let id = report.meetings[at].meeting_id;
        record
            .set_fact(id, FactField::Present, "999")
            .unwrap_or_else(|e| panic!("{e}"));
        let report = quarter_report(&rubric, &record, profile.officers);
        assert_eq!(report.meetings[at].status, SheetStatus::ClaimedButInvalid);
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        assert!(p.meetings[at].heading.ends_with(" (phiếu chưa hoàn thành)"));
    }

    #[test]
    fn a_stamp_is_printed_only_while_the_draft_is_what_was_signed() {
        let (rubric, mut record, profile) = setup();
        record.last_export = Some(ExportStamp {
            id: "urn:uuid:5a5a5a5a-5a5a-4a5a-9a5a-5a5a5a5a5a5a".into(),
            file_sha256: "0123456789abcdef".repeat(4),
            content: content_fingerprint(&record, &profile),
        });
        let report = quarter_report(&rubric, &record, profile.officers);
        let p = paper_report(&rubric, &record, &report, &profile, day(), true);
        let stamp = p.stamp.unwrap_or_else(|| panic!("stamp"));
        assert_eq!(stamp.short_hash, "0123 4567 89ab cdef");
        assert!(stamp.qr_svg.starts_with("<?xml") || stamp.qr_svg.contains("<svg"));
        assert!(p.training);

        // Any edit (here: the narrative) makes the stamp stale.
        record.set_narrative(NarrativeField::KienNghi, "Thêm một kiến nghị.");
        let p = paper_report(&rubric, &record, &report, &profile, day(), false);
        assert!(p.stamp.is_none());
        assert!(p.stamp_note.contains("đã sửa sau lần xuất"));
    }
}
