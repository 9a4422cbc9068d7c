//! Choosing the quarter (and, for a new quarter, the rubric).

use leptos::prelude::*;

use super::state::Store;
use crate::domain::quarter::QuarterId;

/// Year + quarter + rubric selects and an "open" button.
#[component]
pub fn QuarterPicker() -> impl IntoView {
    let store = expect_context::<Store>();
    let open_now = store
        .record
        .with_untracked(|r| r.as_ref().map(|r| r.quarter));
    let year = RwSignal::new(open_now.map_or(2026, |q| q.year()));
    let quarter = RwSignal::new(open_now.map_or(1, |q| q.quarter()));
    let rubrics: Vec<(String, String)> = store.catalog.with_value(|c| {
        c.all()
            .iter()
            .map(|r| {
                (
                    r.reference().sha256.clone(),
                    format!("{} (phiên bản {})", r.file().id, r.file().version),
                )
            })
            .collect()
    });
    let rubric = RwSignal::new(rubrics.first().map(|r| r.0.clone()).unwrap_or_default());
    let years: Vec<i32> = (year.get_untracked() - 3..=year.get_untracked() + 1).collect();
    let chosen = move || QuarterId::new(year.get(), quarter.get()).ok();
    let exists = move || chosen().is_some_and(|q| store.quarters.with(|qs| qs.contains(&q)));
    let open = move |_| {
        if let Some(q) = chosen() {
            let reference = store.catalog.with_value(|c| {
                c.all()
                    .iter()
                    .find(|r| r.reference().sha256 == rubric.get_untracked())
                    .map(|r| r.reference().clone())
            });
            store.open_quarter(q, reference);
        }
    };
    view! {
        <section class="card picker" aria-labelledby="picker-title">
            <h2 id="picker-title">"Chọn quý"</h2>
            <div class="row">
                <div class="field">
                    <label for="pick-year">"Năm"</label>
                    <select
                        id="pick-year"
                        on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse() {
                                year.set(y);
                            }
                        }
                    >
                        {years
                            .into_iter()
                            .map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="pick-quarter">"Quý"</label>
                    <select
                        id="pick-quarter"
                        on:change=move |ev| {
                            if let Ok(q) = event_target_value(&ev).parse() {
                                quarter.set(q);
                            }
                        }
                    >
                        {(1u8..=4)
                            .map(|q| {
                                view! { <option value=q.to_string() selected=move || quarter.get() == q>{format!("Quý {q}")}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <Show when=move || !exists()>
                    <div class="field">
                        <label for="pick-rubric">"Bộ tiêu chí (cho quý mới)"</label>
                        <select id="pick-rubric" on:change=move |ev| rubric.set(event_target_value(&ev))>
                            {rubrics
                                .iter()
                                .map(|(hash, label)| {
                                    let h = hash.clone();
                                    view! { <option value=hash.clone() selected=move || rubric.get() == h>{label.clone()}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </Show>
                <button type="button" class="primary" on:click=open>
                    {move || if exists() { "Mở quý đã lưu" } else { "Bắt đầu quý này" }}
                </button>
            </div>
        </section>
    }
}
