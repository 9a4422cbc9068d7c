//! The "TẬP HUẤN" band shown on every screen of the training workspace, with reset and exit.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{t, Bilingual, Language};
use super::session::Session;
use super::state::{reset_training, switch_workspace};
use crate::storage::keys::Workspace;

/// The training mark and its two actions (nothing in the real workspace).
#[component]
pub fn TrainingBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let Language(lang) = expect_context::<Language>();
    let confirm_reset = RwSignal::new(false);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let leave = move |_| {
        if let Err(e) = switch_workspace(Workspace::Real, &session) {
            error.set(Some(e.message(lang.get_untracked())));
        }
    };
    let reset = move |_| {
        spawn_local(async move {
            if let Err(e) = reset_training().await {
                error.set(Some(e.message(lang.get_untracked())));
            }
        });
    };
    session.training().then(|| {
        view! {
            <section class="training-mark" role="region" aria-label=move || t(lang.get(), "Chế độ tập huấn") data-testid="training-mark">
                <p class="training-title">{move || t(lang.get(), "TẬP HUẤN")}</p>
                <p class="small">{move || t(lang.get(), "Dữ liệu luyện tập, tách riêng khỏi dữ liệu thật. Tệp xuất ra được đánh dấu tập huấn và không bao giờ được cấp trên tính.")}</p>
                <div class="row no-print">
                    <Show when=move || confirm_reset.get() fallback=move || view! {
                        <button type="button" on:click=move |_| confirm_reset.set(true)>{move || t(lang.get(), "Làm lại từ đầu…")}</button>
                    }>
                        <span role="alert">{move || t(lang.get(), "Xoá mọi dữ liệu tập huấn và bắt đầu lại với bài mẫu?")}</span>
                        <button type="button" class="danger" on:click=reset>{move || t(lang.get(), "Làm lại")}</button>
                        <button type="button" on:click=move |_| confirm_reset.set(false)>{move || t(lang.get(), "Huỷ")}</button>
                    </Show>
                    <button type="button" class="primary" on:click=leave>{move || t(lang.get(), "Thoát tập huấn")}</button>
                </div>
                {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            </section>
        }
    })
}
