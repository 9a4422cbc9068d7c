//! Messages about stored data that could not be read, and about failed saves.

use leptos::prelude::*;

use super::i18n::{t, Bilingual, Language};
use super::session::Session;

/// Shows set-aside data notices (dismissable) and the last save error.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let store = expect_context::<Session>();
    let Language(lang) = expect_context::<Language>();
    view! {
        <Show when=move || store.notices.with(|n| !n.is_empty())>
            <section class="notice warning" role="alert" data-testid="storage-notice">
                <h2>{move || t(lang.get(), "Có dữ liệu không đọc được")}</h2>
                <ul>
                    {move || {
                        let lang = lang.get();
                        store.notices.with(|n| n.iter().map(|n| n.message(lang)).collect::<Vec<_>>())
                            .into_iter().map(|n| view! { <li>{n}</li> }).collect_view()
                    }}
                </ul>
                <button type="button" on:click=move |_| store.notices.set(Vec::new())>{move || t(lang.get(), "Đã hiểu")}</button>
            </section>
        </Show>
        <Show when=move || store.save_error.with(Option::is_some)>
            <p class="notice error" role="alert" data-testid="save-error">
                {move || store.save_error.with(|e| e.as_ref().map(|e| e.message(lang.get())).unwrap_or_default())}
            </p>
        </Show>
    }
}
