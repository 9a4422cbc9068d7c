//! answered / required, as a bar and in words.

use leptos::prelude::*;

use crate::domain::report::Progress;

/// A progress bar for `progress`.
#[component]
pub fn ProgressBar(#[prop(into)] progress: Signal<Progress>, label: &'static str) -> impl IntoView {
    view! {
        <div class="progress" data-testid="progress">
            <progress
                max=move || progress.get().required
                value=move || progress.get().answered
                aria-label=label
            ></progress>
            <span class="progress-text">
                {move || {
                    let p = progress.get();
                    format!("{}: đã trả lời {}/{} mục ({}%)", label, p.answered, p.required, p.percent())
                }}
            </span>
        </div>
    }
}
