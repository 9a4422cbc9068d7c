//! A read-only view of one received result.

use leptos::prelude::*;

use super::district_state::District;
use crate::domain::district::aggregate::shortfall_vi;
use crate::domain::district::collection::Outcome;
use crate::domain::report::{format_permille, format_tenths};

/// The full result of the file at `selected`, with a close button.
#[component]
pub fn ResultDetail(selected: RwSignal<Option<usize>>) -> impl IntoView {
    let d = expect_context::<District>();
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
            let title = |id: &str| {
                d.catalog.with_value(|c| c.get(&s.rubric).and_then(|r| r.item(id).map(|i| i.title.clone()))).unwrap_or_else(|| id.to_string())
            };
            view! {
                <section class="card detail" aria-labelledby="detail-title" data-testid="result-detail">
                    <h2 id="detail-title">{format!("{} — quý {}/{}", s.cell.name, s.quarter.quarter(), s.quarter.year())}</h2>
                    <button type="button" on:click=move |_| selected.set(None)>"Đóng"</button>
                    <p>{format!("{} · {} · {} đảng viên chính thức, {} dự bị, {} miễn sinh hoạt",
                        s.cell.cell_type.label_vi(), s.cell.parent_committee, s.cell.members_official, s.cell.members_probationary, s.cell.members_exempt)}</p>
                    <p>{format!("Khóa {fp} · ký lúc {created} · bộ tiêu chí {} v{}", s.rubric.id, s.rubric.version)}</p>
                    <p class="total">{format!("Điểm quý {} · xếp loại {}", format_tenths(s.quarter_result.average_tenths), s.quarter_result.rating.label_vi())}</p>
                    {(!s.quarter_result.shortfalls.is_empty()).then(|| view! {
                        <p class="warn">{s.quarter_result.shortfalls.iter().map(|x| shortfall_vi(x)).collect::<Vec<_>>().join("; ")}</p>
                    })}
                    {s.meetings.iter().map(|m| view! {
                        <details class="sub">
                            <summary>{format!("Tháng {} · {} · {} · {} điểm · {}", m.month, m.kind.label_vi(), m.date, m.score, m.rating.label_vi())}</summary>
                            <p class="small">{format!("{} phút (tối thiểu {}), dự {}/{} ({}), vắng có lý do {}, không lý do {}, phát biểu {} ({})",
                                m.duration_minutes, m.required_minutes, m.present, m.required, format_permille(m.attendance_permille),
                                m.absent_with_reason, m.absent_without_reason, m.speakers, format_permille(m.speakers_permille))}</p>
                            <table>
                                <tbody>
                                    {m.items.iter().map(|i| view! {
                                        <tr class:lost=i.points < i.max_points><td>{title(&i.id)}</td><td class="num">{format!("{}/{}", i.points, i.max_points)}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }).collect_view()}
                    <h3>"Nhận xét của chi bộ"</h3>
                    <dl>
                        <dt>"Ưu điểm"</dt><dd>{s.narrative.strengths.clone()}</dd>
                        <dt>"Hạn chế"</dt><dd>{s.narrative.weaknesses.clone()}</dd>
                        <dt>"Nguyên nhân"</dt><dd>{s.narrative.causes.clone()}</dd>
                        <dt>"Kiến nghị"</dt><dd>{s.narrative.proposals.clone()}</dd>
                    </dl>
                </section>
            }
        })
    }
}
