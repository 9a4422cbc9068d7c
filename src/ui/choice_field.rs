//! A labelled select over a fixed list of choices.

use leptos::prelude::*;

/// One select. `choices` are `(id, label)`; `on_change` gets the chosen id.
#[component]
pub fn ChoiceField(
    id: &'static str,
    label: &'static str,
    choices: Vec<(&'static str, &'static str)>,
    /// The id selected at first.
    selected: &'static str,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {choices
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value selected=value == selected>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
