//! The quarter's roll-up: every meeting's result, the average, the rating and the shortfalls.

use leptos::prelude::*;

use super::i18n::{decimal, shortfall, t, tf, Label, Language};
use super::state::Store;
use crate::domain::date::display_date;
use crate::domain::report::{format_tenths, SheetStatus};

/// Quarter result table.
#[component]
pub fn QuarterSummary() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let rule = store
        .rubric
        .get_untracked()
        .map(|r| r.file().quarter_rollup.description.clone())
        .unwrap_or_default();
    let dates = move || {
        store.record.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.meetings
                        .iter()
                        .map(|m| (m.id, m.facts.date.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card summary" aria-labelledby="summary-title" data-testid="quarter-summary">
            <h3 id="summary-title">{move || t(lang.get(), "Kết quả quý")}</h3>
            {move || store.report.get().map(|rep| {
                let dates = dates();
                let lang = lang.get();
                let (average, rating) = rep.shown_result();
                view! {
                    <table class="meetings-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(lang, "Tháng")}</th><th scope="col">{t(lang, "Loại buổi")}</th><th scope="col" class="date">{t(lang, "Ngày")}</th>
                                <th scope="col">{t(lang, "Điểm")}</th><th scope="col">{t(lang, "Xếp loại")}</th><th scope="col">{t(lang, "Trạng thái")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rep.meetings.iter().map(|m| {
                                let date = m.facts.parsed.date.map(display_date).or_else(|| dates.iter().find(|d| d.0 == m.meeting_id).map(|d| d.1.clone())).unwrap_or_default();
                                view! {
                                    <tr data-testid="summary-row">
                                        <td>{m.month}</td>
                                        <td>{m.kind.label(lang)}</td>
                                        <td class="date">{date}</td>
                                        <td class="num">{m.shown_score().map_or_else(|| "—".into(), |s| s.score.to_string())}</td>
                                        <td>{m.shown_score().map_or(t(lang, "Chưa chấm"), |s| s.rating.label(lang))}</td>
                                        <td>{match m.status { SheetStatus::Complete => t(lang, "Hoàn thành"), _ => t(lang, "Bản nháp") }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="total">
                        {t(lang, "Điểm quý: ")}
                        <strong data-testid="quarter-score">{average.map(|x| decimal(lang, format_tenths(x))).unwrap_or_else(|| "—".into())}</strong>
                        {t(lang, " · Xếp loại quý: ")}
                        <strong data-testid="quarter-rating">{rating.map(|r| r.label(lang)).unwrap_or(t(lang, "Chưa xếp loại"))}</strong>
                    </p>
                    {(average.is_none() && rep.unstarted_regular() > 0).then(|| view! {
                        <p class="muted small" data-testid="quarter-pending">{tf(lang, "Điểm quý được tính khi mọi buổi thường kỳ đã được chấm (còn {} phiếu chưa chấm).", &[&rep.unstarted_regular()])}</p>
                    })}
                    {(rating.is_some() && rep.tot_without_a_tot_meeting()).then(|| view! {
                        <p class="muted small" data-testid="tot-note">{t(lang, "Xếp loại Tốt theo điểm bình quân, dù không buổi thường kỳ nào được xếp loại Tốt; cấp trên có thể xem lại khi duyệt.")}</p>
                    })}
                    {(rating.is_some() && rep.rating != rep.uncapped_rating).then(|| view! {
                        <p class="warn">{tf(lang, "Theo điểm là {}, nhưng bị giới hạn bởi các thiếu sót dưới đây.", &[&rep.uncapped_rating.map(|r| r.label(lang)).unwrap_or_default()])}</p>
                    })}
                    <p class="muted small">{tf(lang, "Đã hoàn thành {}/{} phiếu.", &[&rep.complete_meetings, &rep.meetings.len()])}</p>
                    {(!rep.shortfalls.is_empty()).then(|| view! {
                        <h4>{t(lang, "Thiếu sót")}</h4>
                        <ul class="shortfalls" data-testid="shortfalls">
                            {rep.shortfalls.iter().map(|&s| view! { <li>{shortfall(lang, s)}</li> }).collect_view()}
                        </ul>
                    })}
                }
            })}
            // The rule is the rubric's own text (Vietnamese).
            <p class="muted small">{move || t(lang.get(), "Cách tính: ")}<span lang="vi">{rule}</span></p>
        </section>
    }
}
