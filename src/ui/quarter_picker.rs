//! Choosing the quarter (and, for a new quarter, the rubric).

use leptos::prelude::*;

use chrono::Datelike;

use super::browser::today;
use super::i18n::{t, tf, Bilingual, Language};
use super::state::{Store, Unsaved};
use crate::domain::quarter::{picker_years, QuarterId};

/// Year + quarter + rubric selects and an "open" button.
#[component]
pub fn QuarterPicker() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let open_now = store
        .record
        .with_untracked(|r| r.as_ref().map(|r| r.quarter));
    let this_year = today().year();
    let year = RwSignal::new(open_now.map_or(this_year, |q| q.year()));
    let quarter = RwSignal::new(open_now.map_or(1, |q| q.quarter()));
    let rubrics: Vec<(String, String, String)> = store.catalog.with_value(|c| {
        c.offered()
            .iter()
            .map(|r| {
                (
                    r.reference().sha256.clone(),
                    r.file().id.clone(),
                    r.file().version.to_string(),
                )
            })
            .collect()
    });
    let chosen = move || QuarterId::new(year.get(), quarter.get()).ok();
    // The guidance in force in the chosen quarter: suggested again whenever the year or the
    // quarter changes (a choice made by hand is for the quarter it was made for).
    let suggested = move || {
        store.catalog.with_value(|c| {
            chosen()
                .and_then(|q| c.default_for(q))
                .map(|r| r.reference().sha256.clone())
                .unwrap_or_default()
        })
    };
    let rubric = RwSignal::new(suggested());
    let years: Vec<i32> = picker_years(open_now.map(|q| q.year()), this_year).collect();
    let refused: RwSignal<Option<Unsaved>> = RwSignal::new(None);
    let exists = move || chosen().is_some_and(|q| store.quarters.with(|qs| qs.contains(&q)));
    let open = move |_| {
        if let Some(q) = chosen() {
            let reference = store.catalog.with_value(|c| {
                c.all()
                    .iter()
                    .find(|r| r.reference().sha256 == rubric.get_untracked())
                    .map(|r| r.reference().clone())
            });
            refused.set(store.open_quarter(q, reference).err());
        }
    };
    view! {
        <section class="card picker" aria-labelledby="picker-title">
            <h2 id="picker-title">{move || t(lang.get(), "Chọn quý")}</h2>
            <div class="row">
                <div class="field">
                    <label for="pick-year">{move || t(lang.get(), "Năm")}</label>
                    <select
                        id="pick-year"
                        on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse() {
                                year.set(y);
                                rubric.set(suggested());
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
                    <label for="pick-quarter">{move || t(lang.get(), "Quý")}</label>
                    <select
                        id="pick-quarter"
                        on:change=move |ev| {
                            if let Ok(q) = event_target_value(&ev).parse() {
                                quarter.set(q);
                                rubric.set(suggested());
                            }
                        }
                    >
                        {(1u8..=4)
                            .map(|q| {
                                view! { <option value=q.to_string() selected=move || quarter.get() == q>{move || tf(lang.get(), "Quý {}", &[&q])}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <Show when=move || !exists()>
                    <div class="field">
                        <label for="pick-rubric">{move || t(lang.get(), "Bộ tiêu chí (cho quý mới)")}</label>
                        <select id="pick-rubric" prop:value=move || rubric.get() on:change=move |ev| rubric.set(event_target_value(&ev))>
                            {rubrics
                                .iter()
                                .map(|(hash, id, version)| {
                                    let h = hash.clone();
                                    let (id, version) = (id.clone(), version.clone());
                                    view! {
                                        <option value=hash.clone() selected=move || rubric.get() == h>
                                            {move || tf(lang.get(), "{} (phiên bản {})", &[&id, &version])}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </Show>
                <button type="button" class="primary" on:click=open>
                    {move || if exists() { t(lang.get(), "Mở quý đã lưu") } else { t(lang.get(), "Bắt đầu quý này") }}
                </button>
            </div>
            {move || refused.get().map(|e| view! { <p class="notice error" role="alert">{e.message(lang.get())}</p> })}
        </section>
    }
}
