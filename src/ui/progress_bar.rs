//! answered / required, as a bar and in words.

use leptos::prelude::*;

use super::i18n::{tf, Language};
use crate::domain::report::Progress;

/// A progress bar for `progress`.
#[component]
pub fn ProgressBar(
    #[prop(into)] progress: Signal<Progress>,
    #[prop(into)] label: Signal<&'static str>,
) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    view! {
        <div class="progress" data-testid="progress">
            <progress
                max=move || progress.get().required
                value=move || progress.get().answered
                aria-label=move || label.get()
            ></progress>
            <span class="progress-text">
                {move || {
                    let p = progress.get();
                    tf(lang.get(), "{}: đã trả lời {}/{} mục ({}%)", &[&label.get(), &p.answered, &p.required, &p.percent()])
                }}
            </span>
        </div>
    }
}
