//! The quarter's narrative: strengths, weaknesses, causes, proposals.

use leptos::prelude::*;

use super::i18n::{t, Label, Language};
use super::state::Store;
use crate::domain::record::NarrativeField;

/// Four text areas, saved as typed.
#[component]
pub fn NarrativeForm() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let initial = store
        .record
        .with_untracked(|r| r.as_ref().map(|r| r.narrative.clone()))
        .unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="narrative-title">
            <h3 id="narrative-title">{move || t(lang.get(), "Nhận xét của chi bộ")}</h3>
            <p class="muted small">{move || t(lang.get(), "Không ghi họ tên đảng viên vào các ô này.")}</p>
            {NarrativeField::ALL.into_iter().map(|f| {
                let id = format!("narrative-{}", f.id());
                view! {
                    <div class="field">
                        <label for=id.clone()>{move || f.label(lang.get())}</label>
                        <textarea id=id rows="3"
                            prop:value=initial.get(f).to_string()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                store.edit::<std::convert::Infallible>(|r| { r.set_narrative(f, &v); Ok(()) });
                            }
                        ></textarea>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}
