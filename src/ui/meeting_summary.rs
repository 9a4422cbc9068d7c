//! A meeting's live result: points per group, total, rating and what cost points.

use leptos::prelude::*;

use super::i18n::{t, tf, Label, Language};
use super::state::Store;
use crate::domain::report::MeetingReport;

/// Result box under a meeting's sheet; `report` is that meeting's (so an answer in another sheet
/// does not rebuild this box).
#[component]
pub fn MeetingSummary(report: Memo<Option<MeetingReport>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let Some(rubric) = store.rubric.get_untracked() else {
        return ().into_any();
    };
    let title_of = {
        let rubric = rubric.clone();
        move |id: &str| {
            rubric
                .item(id)
                .map(|i| i.title.clone())
                .unwrap_or_else(|| id.to_string())
        }
    };
    let group_title = move |id: &str| {
        rubric
            .groups()
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.title.clone())
            .unwrap_or_default()
    };
    let score = Memo::new(move |_| report.with(|m| m.as_ref().map(|m| m.shown_score().cloned())));
    view! {
        <section class="meeting-result" aria-label=move || t(lang.get(), "Kết quả buổi sinh hoạt") data-testid="meeting-result">
            {move || score.get().map(|shown| {
                let lang = lang.get();
                let title_of = title_of.clone();
                let group_title = group_title.clone();
                let Some(s) = shown else {
                    return view! {
                        <p class="total">
                            {t(lang, "Tổng điểm: ")} <strong data-testid="meeting-total">"—"</strong> {t(lang, "/100 · Xếp loại: ")}
                            <strong data-testid="meeting-rating">{t(lang, "Chưa chấm")}</strong>
                        </p>
                        <p class="muted small">{t(lang, "Điểm hiện ra khi bạn nhập số liệu hoặc trả lời mục đầu tiên.")}</p>
                    }
                    .into_any();
                };
                view! {
                    <p class="total">
                        {t(lang, "Tổng điểm: ")} <strong data-testid="meeting-total">{s.score}</strong> {t(lang, "/100 · Xếp loại: ")}
                        <strong data-testid="meeting-rating">{s.rating.label(lang)}</strong>
                    </p>
                    {(s.max != 100).then(|| view! {
                        <p class="muted small">{tf(lang, "Đạt {}/{} điểm trên các tiêu chí áp dụng, quy đổi ra thang 100.", &[&s.points, &s.max])}</p>
                    })}
                    // Item and group titles are the rubric's (Vietnamese).
                    {(!s.tot_blocked_by.is_empty()).then(|| {
                        let names: Vec<String> = s.tot_blocked_by.iter().map(|i| title_of(i)).collect();
                        view! { <p class="warn">{tf(lang, "Đủ điểm Tốt nhưng chưa đạt điểm tối đa ở: {}. Xếp loại Khá.", &[&names.join("; ")])}</p> }
                    })}
                    <table class="groups">
                        <caption class="sr-only">{t(lang, "Điểm theo nhóm")}</caption>
                        <thead><tr><th scope="col">{t(lang, "Nhóm")}</th><th scope="col">{t(lang, "Điểm")}</th></tr></thead>
                        <tbody>
                            {s.groups.iter().map(|g| view! {
                                <tr><td lang="vi">{group_title(&g.group_id)}</td><td class="num">{format!("{}/{}", g.points, g.max)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {
                        let losses: Vec<(String, u32)> = s.losses().into_iter().map(|l| (title_of(&l.item_id), l.lost())).collect();
                        (!losses.is_empty()).then(|| view! {
                            <h5>{t(lang, "Các mục bị trừ điểm (hoặc chưa trả lời)")}</h5>
                            <ul class="losses" data-testid="losses">
                                {losses.into_iter().map(|(title, n)| view! { <li><span lang="vi">{title}</span>{format!(": −{n}")}</li> }).collect_view()}
                            </ul>
                        })
                    }
                }
                .into_any()
            })}
        </section>
    }
    .into_any()
}
