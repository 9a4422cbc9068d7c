//! The list of quarters saved on this device: reopen or delete (with confirmation).

use leptos::prelude::*;

use super::browser::focus_soon;
use super::i18n::{t, tf, Bilingual, Language};
use super::state::Store;
use crate::domain::quarter::QuarterId;

/// Saved quarters, newest first.
#[component]
pub fn SavedQuarters() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let confirming: RwSignal<Option<QuarterId>> = RwSignal::new(None);
    let open_quarter = move || store.record.with(|r| r.as_ref().map(|r| r.quarter));
    // Why the last open or delete was refused.
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    view! {
        <section class="card" aria-labelledby="saved-title">
            <h2 id="saved-title" tabindex="-1">{move || t(lang.get(), "Các quý đã lưu trên thiết bị")}</h2>
            <Show
                when=move || store.quarters.with(|q| !q.is_empty())
                fallback=move || view! { <p class="muted">{move || t(lang.get(), "Chưa có quý nào.")}</p> }
            >
                <ul class="saved-list" data-testid="saved-quarters">
                    <For each=move || store.quarters.get() key=|q| *q let:q>
                        <li>
                            <span class="saved-name">{move || tf(lang.get(), "Quý {}/{}", &[&q.quarter(), &q.year()])}</span>
                            // The open quarter is marked, not offered again.
                            {move || if open_quarter() == Some(q) {
                                view! { <span class="badge">{move || t(lang.get(), "đang mở")}</span> }.into_any()
                            } else {
                                view! { <button type="button" on:click=move |_| {
                                    let result = store.open_quarter(q, None);
                                    if result.is_ok() {
                                        // The button is gone with the quarter it opened.
                                        focus_soon("quarter-title");
                                    }
                                    refused.set(result.err().map(|e| e.message(lang.get_untracked())));
                                }>{move || t(lang.get(), "Mở")}</button> }.into_any()
                            }}
                            <Show
                                when=move || confirming.get() == Some(q)
                                fallback=move || {
                                    view! {
                                        <button type="button" class="danger" id=format!("saved-{q}-delete") on:click=move |_| {
                                            confirming.set(Some(q));
                                            focus_soon(format!("saved-{q}-yes"));
                                        }>
                                            {move || t(lang.get(), "Xoá")}
                                        </button>
                                    }
                                }
                            >
                                <span class="confirm" role="alert">
                                    {move || tf(lang.get(), "Xoá hẳn quý {}/{}? Không thể hoàn tác.", &[&q.quarter(), &q.year()])}
                                    <button
                                        type="button"
                                        class="danger"
                                        id=format!("saved-{q}-yes")
                                        on:click=move |_| {
                                            confirming.set(None);
                                            focus_soon("saved-title");
                                            refused.set(store.delete_quarter(q).err().map(|e| e.message(lang.get_untracked())));
                                        }
                                    >
                                        {move || t(lang.get(), "Xoá hẳn")}
                                    </button>
                                    <button type="button" on:click=move |_| {
                                        confirming.set(None);
                                        focus_soon(format!("saved-{q}-delete"));
                                    }>{move || t(lang.get(), "Huỷ")}</button>
                                </span>
                            </Show>
                        </li>
                    </For>
                </ul>
            </Show>
            {move || refused.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        </section>
    }
}
