//! A read-only view of one received result.

use leptos::prelude::*;

use super::district_state::District;
use super::i18n::{decimal, shortfall_code, t, tf, Label, Language};
use crate::domain::district::aggregate::shortfall_vi;
use crate::domain::district::collection::Outcome;
use crate::domain::record::NarrativeField;
use crate::domain::report::{format_permille, format_tenths};

/// The full result of the file at `selected`, with a close button.
#[component]
pub fn ResultDetail(selected: RwSignal<Option<usize>>) -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    let result = move || {
        let i = selected.get()?;
        d.files.with(|f| match &f.get(i)?.outcome {
            Outcome::Verified {
                subject,
                fingerprint,
                created,
                ..
            } => Some((subject.clone(), fingerprint.clone(), created.clone())),
            Outcome::Rejected { .. } => None,
        })
    };
    move || {
        result().map(|(s, fp, created)| {
            let lang = lang.get();
            let title = |id: &str| {
                d.catalog.with_value(|c| c.get(&s.rubric).and_then(|r| r.item(id).map(|i| i.title.clone()))).unwrap_or_else(|| id.to_string())
            };
            view! {
                <section class="card detail" aria-labelledby="detail-title" data-testid="result-detail">
                    <h2 id="detail-title">{tf(lang, "{} — quý {}/{}", &[&s.cell.name, &s.quarter.quarter(), &s.quarter.year()])}</h2>
                    <button type="button" on:click=move |_| selected.set(None)>{t(lang, "Đóng")}</button>
                    <p>{tf(lang, "{} · {} · {} đảng viên chính thức, {} dự bị, {} miễn sinh hoạt",
                        &[&s.cell.cell_type.label(lang), &s.cell.parent_committee, &s.cell.members_official, &s.cell.members_probationary, &s.cell.members_exempt])}</p>
                    <p>{tf(lang, "Khóa {} · ký lúc {} · bộ tiêu chí {} v{}", &[&fp, &created, &s.rubric.id, &s.rubric.version])}</p>
                    <p class="total">{tf(lang, "Điểm quý {} · xếp loại {}", &[&decimal(lang, format_tenths(s.quarter_result.average_tenths)), &s.quarter_result.rating.label(lang)])}</p>
                    {(!s.quarter_result.shortfalls.is_empty()).then(|| view! {
                        <p class="warn">{s.quarter_result.shortfalls.iter().map(|x| shortfall_code(lang, x, shortfall_vi)).collect::<Vec<_>>().join("; ")}</p>
                    })}
                    {s.meetings.iter().map(|m| view! {
                        <details class="sub">
                            <summary>{tf(lang, "Tháng {} · {} · {} · {} điểm · {}", &[&m.month, &m.kind.label(lang), &m.date, &m.score, &m.rating.label(lang)])}</summary>
                            <p class="small">{tf(lang, "{} phút (tối thiểu {}), dự {}/{} ({}), vắng có lý do {}, không lý do {}, phát biểu {} ({})",
                                &[&m.duration_minutes, &m.required_minutes, &m.present, &m.required, &decimal(lang, format_permille(m.attendance_permille)),
                                &m.absent_with_reason, &m.absent_without_reason, &m.speakers, &decimal(lang, format_permille(m.speakers_permille))])}</p>
                            <table>
                                <tbody>
                                    {m.items.iter().map(|i| view! {
                                        <tr class:lost=i.points < i.max_points><td lang="vi">{title(&i.id)}</td><td class="num">{format!("{}/{}", i.points, i.max_points)}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }).collect_view()}
                    <h3>{t(lang, "Nhận xét của chi bộ")}</h3>
                    <dl>
                        <dt>{NarrativeField::UuDiem.label(lang)}</dt><dd>{s.narrative.strengths.clone()}</dd>
                        <dt>{NarrativeField::HanChe.label(lang)}</dt><dd>{s.narrative.weaknesses.clone()}</dd>
                        <dt>{NarrativeField::NguyenNhan.label(lang)}</dt><dd>{s.narrative.causes.clone()}</dd>
                        <dt>{NarrativeField::KienNghi.label(lang)}</dt><dd>{s.narrative.proposals.clone()}</dd>
                    </dl>
                </section>
            }
        })
    }
}
