//! A labelled text input with its message underneath.

use leptos::prelude::*;

/// One input. `value` is read once (the input then owns its text, so typing is never disturbed).
/// `label` and `hint` are signals, so they follow the UI's language.
///
/// An empty field nobody has reached yet keeps its hint instead of its error: a first visit
/// opening on a form already marked in red ("Cần nhập…" under every empty field) reads as a
/// scolding before anything was typed. The error shows once the field was left or typed in, or
/// from the start when it holds a value (a stored value that is wrong must be seen at once).
/// What is missing is still said elsewhere (the form's summary, the export's blockers).
#[component]
pub fn TextField(
    /// Element id (also ties the label and the message to the input).
    id: String,
    #[prop(into)] label: Signal<&'static str>,
    value: String,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    /// "numeric" shows a number pad on phones; the text is still kept as typed.
    #[prop(optional)]
    numeric: bool,
    #[prop(into, optional)] hint: Signal<&'static str>,
) -> impl IntoView {
    let msg_id = format!("{id}-msg");
    let reached = RwSignal::new(!value.is_empty());
    let error = Signal::derive(move || if reached.get() { error.get() } else { None });
    let described = msg_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                type="text"
                inputmode=if numeric { "numeric" } else { "text" }
                autocomplete="off"
                prop:value=value
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
                on:input=move |ev| {
                    reached.set(true);
                    on_input.run(event_target_value(&ev));
                }
                on:blur=move |_| reached.set(true)
            />
            // Not a live region: a sum re-announced at each keystroke drowns the typing. The
            // message is the input's description (read with it) and `aria-invalid` marks it.
            <p class="field-msg" id=msg_id>
                {move || error.get().unwrap_or_else(|| hint.get().to_string())}
            </p>
        </div>
    }
}
