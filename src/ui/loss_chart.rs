//! Inline SVG: the criteria where the counted cells lose most points.

use leptos::prelude::*;

use super::district_state::District;
use super::i18n::{decimal, t, Language};
use crate::domain::district::aggregate::bar_lengths;

const FULL: u32 = 150;
const TOP: usize = 8;

/// The worst criteria as horizontal bars, with their share of points lost.
#[component]
pub fn LossChart() -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    view! {
        <figure class="chart" data-testid="loss-chart">
            <figcaption>{move || t(lang.get(), "Tiêu chí bị trừ điểm nhiều nhất")}</figcaption>
            {move || d.table.with(|table| {
                let lang = lang.get();
                let top: Vec<_> = table.losses.iter().take(TOP).cloned().collect();
                if top.is_empty() {
                    return view! { <p class="muted small">{t(lang, "Chưa có dữ liệu.")}</p> }.into_any();
                }
                let bars = bar_lengths(&top.iter().map(|l| l.lost).collect::<Vec<_>>(), FULL);
                let height = 26 * top.len() as u32 + 4;
                // The same figures as a list: read by screen readers, and shown instead of the
                // bars on a phone, where the picture's labels would shrink to ~7 px.
                view! {
                    <ul class="chart-list" data-testid="loss-list">
                        {top.iter().map(|l| view! {
                            <li><span lang="vi">{l.title.clone()}</span>{format!(": −{} ({})", l.lost, decimal(lang, crate::domain::report::format_permille(u64::from(l.permille()))))}</li>
                        }).collect_view()}
                    </ul>
                    <svg viewBox=format!("0 0 560 {height}") aria-hidden="true" class="wide-only">
                        {top.into_iter().zip(bars).zip((0u32..).step_by(26)).map(|((l, w), y)| view! {
                            <g>
                                <text x="0" y=y + 16 class="chart-label" lang="vi">{l.title.chars().take(48).collect::<String>()}</text>
                                <rect x="340" y=y + 4 width=w height="16" class="bar bar-loss"></rect>
                                <text x=346 + w y=y + 16 class="chart-value">
                                    {format!("−{} ({})", l.lost, decimal(lang, crate::domain::report::format_permille(u64::from(l.permille()))))}
                                </text>
                            </g>
                        }).collect_view()}
                    </svg>
                }
                .into_any()
            })}
        </figure>
    }
}
