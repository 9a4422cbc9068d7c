//! A read-only view of one received result.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::focus_soon;
use super::district_state::District;
use super::i18n::{decimal, shortfall_code, t, tf, Bilingual, Label, Language};
use crate::domain::district::aggregate::shortfall_vi;
use crate::domain::district::collection::Outcome;
use crate::domain::record::NarrativeField;
use crate::domain::report::{format_permille, format_tenths};
use crate::domain::result_doc::ResultSubject;
use crate::storage::CollectionError;

/// The full result of the file at `selected`, with a close button. The collection keeps only
/// each file's summary in memory, so the result is read from the store when it is opened.
#[component]
pub fn ResultDetail(selected: RwSignal<Option<usize>>) -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    type Opened = Result<(ResultSubject, String, String), CollectionError>;
    let opened = RwSignal::new(None::<(usize, Opened)>);
    Effect::new(move |_| {
        let Some(i) = selected.get() else {
            opened.set(None);
            return;
        };
        let signed = d.files.with_untracked(|f| match &f.get(i)?.outcome {
            Outcome::Verified {
                fingerprint,
                created,
                ..
            } => Some((fingerprint.clone(), created.clone())),
            Outcome::Rejected { .. } => None,
        });
        let Some((fp, created)) = signed else {
            opened.set(None);
            return;
        };
        spawn_local(async move {
            let r = d.open(i).await.map(|s| (s, fp, created));
            // Only the latest choice is shown (an earlier read may finish later).
            if selected.get_untracked() == Some(i) {
                opened.set(Some((i, r)));
            }
        });
    });
    let result = move || match opened.get() {
        Some((i, r)) if selected.get() == Some(i) => Some(r),
        _ => None,
    };
    move || {
        result().map(|r| match r {
            Err(e) => view! {
                <section class="card detail" data-testid="result-detail">
                    <p class="error" role="alert">{e.message(lang.get())}</p>
                    <button type="button" on:click=move |_| { selected.set(None); focus_soon("table-title"); }>{t(lang.get(), "Đóng")}</button>
                </section>
            }
            .into_any(),
            Ok((s, fp, created)) => {
            let lang = lang.get();
            let title = |id: &str| {
                d.catalog.with_value(|c| c.get(&s.rubric).and_then(|r| r.item(id).map(|i| i.title.clone()))).unwrap_or_else(|| id.to_string())
            };
            view! {
                <section class="card detail" aria-labelledby="detail-title" data-testid="result-detail">
                    <h2 id="detail-title" tabindex="-1">{tf(lang, "{} — quý {}/{}", &[&s.cell.name, &s.quarter.quarter(), &s.quarter.year()])}</h2>
                    <button type="button" on:click=move |_| { selected.set(None); focus_soon("table-title"); }>{t(lang, "Đóng")}</button>
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
            .into_any()
            }
        })
    }
}
