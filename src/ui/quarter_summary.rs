//! The quarter's roll-up: every meeting's result, the average, the rating and the shortfalls.

use leptos::prelude::*;

use super::state::Store;
use crate::domain::report::{format_tenths, SheetStatus};

/// Quarter result table.
#[component]
pub fn QuarterSummary() -> impl IntoView {
    let store = expect_context::<Store>();
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
            <h3 id="summary-title">"Kết quả quý"</h3>
            {move || store.report.get().map(|rep| {
                let dates = dates();
                view! {
                    <table class="meetings-table">
                        <thead>
                            <tr>
                                <th scope="col">"Tháng"</th><th scope="col">"Loại buổi"</th><th scope="col">"Ngày"</th>
                                <th scope="col">"Điểm"</th><th scope="col">"Xếp loại"</th><th scope="col">"Trạng thái"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rep.meetings.iter().map(|m| {
                                let date = dates.iter().find(|d| d.0 == m.meeting_id).map(|d| d.1.clone()).unwrap_or_default();
                                view! {
                                    <tr data-testid="summary-row">
                                        <td>{m.month}</td>
                                        <td>{m.kind.label_vi()}</td>
                                        <td>{date}</td>
                                        <td class="num">{m.score.score}</td>
                                        <td>{m.score.rating.label_vi()}</td>
                                        <td>{match m.status { SheetStatus::Complete => "Hoàn thành", _ => "Bản nháp" }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="total">
                        "Điểm quý: "
                        <strong data-testid="quarter-score">{rep.average_tenths.map(format_tenths).unwrap_or_else(|| "—".into())}</strong>
                        " · Xếp loại quý: "
                        <strong data-testid="quarter-rating">{rep.rating.map(|r| r.label_vi()).unwrap_or("Chưa xếp loại")}</strong>
                    </p>
                    {(rep.rating != rep.uncapped_rating).then(|| view! {
                        <p class="warn">{format!("Theo điểm là {}, nhưng bị giới hạn do thiếu buổi sinh hoạt.", rep.uncapped_rating.map(|r| r.label_vi()).unwrap_or_default())}</p>
                    })}
                    <p class="muted small">{format!("Đã hoàn thành {}/{} phiếu.", rep.complete_meetings, rep.meetings.len())}</p>
                    {(!rep.shortfalls.is_empty()).then(|| view! {
                        <h4>"Thiếu sót"</h4>
                        <ul class="shortfalls" data-testid="shortfalls">
                            {rep.shortfalls.iter().map(|s| view! { <li>{s.message_vi()}</li> }).collect_view()}
                        </ul>
                    })}
                }
            })}
            <p class="muted small">{format!("Cách tính: {rule}")}</p>
        </section>
    }
}
