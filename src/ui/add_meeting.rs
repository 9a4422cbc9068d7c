//! Adding a meeting to the quarter.

use leptos::prelude::*;

use super::i18n::{t, tf, Label, Language};
use super::state::Store;
use crate::domain::meeting::MeetingKind;

/// Kind + month + "add" button.
#[component]
pub fn AddMeeting() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let months = store
        .record
        .with_untracked(|r| r.as_ref().map(|r| r.quarter.months()).unwrap_or([1, 2, 3]));
    let kind = RwSignal::new(MeetingKind::Thematic);
    let month = RwSignal::new(months[0]);
    view! {
        <div class="card add-meeting">
            <h3>{move || t(lang.get(), "Thêm buổi sinh hoạt")}</h3>
            <div class="row">
                <div class="field">
                    <label for="add-kind">{move || t(lang.get(), "Loại buổi")}</label>
                    <select id="add-kind" on:change=move |ev| {
                        if let Some(k) = MeetingKind::from_id(&event_target_value(&ev)) { kind.set(k) }
                    }>
                        {MeetingKind::ALL.into_iter().map(|k| view! {
                            <option value=k.id() selected=k == MeetingKind::Thematic>{move || k.label(lang.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="add-month">{move || t(lang.get(), "Tháng")}</label>
                    <select id="add-month" on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse() { month.set(m) }
                    }>
                        {months.into_iter().map(|m| view! { <option value=m.to_string()>{move || tf(lang.get(), "Tháng {}", &[&m])}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" class="primary" on:click=move |_| {
                    store.edit(|r| r.add_meeting(kind.get_untracked(), month.get_untracked()).map(|_| ()))
                }>{move || t(lang.get(), "Thêm buổi")}</button>
            </div>
        </div>
    }
}
