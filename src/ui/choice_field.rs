//! A labelled select over a fixed list of choices.

use leptos::prelude::*;

/// One select. `choices` are `(id, label)`; `on_change` gets the chosen id. The labels are
/// signals, so they follow the UI's language.
#[component]
pub fn ChoiceField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    choices: Vec<(&'static str, Signal<&'static str>)>,
    /// The id selected at first.
    selected: &'static str,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {choices
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value selected=value == selected>{move || text.get()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
