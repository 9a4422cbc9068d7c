//! Inline SVG: how many counted cells got each rating.

use leptos::prelude::*;

use super::district_state::District;
use super::i18n::{t, Label, Language};
use crate::domain::district::aggregate::bar_lengths;

const FULL: u32 = 220;

/// Rating distribution as horizontal bars.
#[component]
pub fn RatingChart() -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    view! {
        <figure class="chart" data-testid="rating-chart">
            <figcaption>{move || t(lang.get(), "Phân bố xếp loại")}</figcaption>
            {move || d.table.with(|table| {
                let lang = lang.get();
                let counts: Vec<u32> = table.distribution.iter().map(|x| x.1).collect();
                let bars = bar_lengths(&counts, FULL);
                // The figures as text for screen readers (a picture's bars say nothing to them).
                view! {
                    <ul class="sr-only">
                        {table.distribution.iter().map(|(r, n)| view! { <li>{format!("{}: {n}", r.label(lang))}</li> }).collect_view()}
                    </ul>
                    <svg viewBox="0 0 360 130" aria-hidden="true">
                        {table.distribution.iter().zip(bars).zip((0u32..).step_by(30)).map(|(((r, n), w), y)| view! {
                            <g>
                                <text x="0" y=y + 18 class="chart-label">{r.label(lang)}</text>
                                <rect x="90" y=y + 5 width=w height="18" class=format!("bar bar-{}", r.id())></rect>
                                <text x=96 + w y=y + 18 class="chart-value">{*n}</text>
                            </g>
                        }).collect_view()}
                    </svg>
                }
            })}
        </figure>
    }
}
