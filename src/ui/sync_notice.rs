//! The message shown when another tab of the app changed the data on this screen.

use leptos::prelude::*;

use super::i18n::{t, Language};
use super::state::Store;

/// A dismissable note that the screen was updated from another tab.
#[component]
pub fn SyncNotice() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    move || {
        store.synced.get().then(|| {
            view! {
                <p class="notice ok" role="status" data-testid="sync-notice">
                    {move || t(lang.get(), "Dữ liệu vừa được sửa ở một thẻ (cửa sổ) khác của ứng dụng; màn hình này đã cập nhật theo.")}" "
                    <button type="button" class="small-btn" on:click=move |_| store.synced.set(false)>{move || t(lang.get(), "Đã hiểu")}</button>
                </p>
            }
        })
    }
}
