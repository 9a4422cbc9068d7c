//! The message under a form: a success is announced politely, a problem as an alert.

use leptos::prelude::*;

/// A message under a form: `Ok` text is a success, `Err` text a problem.
pub type Outcome = RwSignal<Option<Result<String, String>>>;

/// Shows `message`. The polite live region is on the page before any success appears: screen
/// readers announce a change inside a region they already know, but often say nothing of a
/// region inserted together with its text. A problem is an alert, which is announced when it
/// appears.
#[component]
pub fn OutcomeMessage(
    #[prop(into)] message: Signal<Option<Result<String, String>>>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="live" aria-live="polite">
            {move || message.get().and_then(Result::ok).map(|t| view! { <p class="notice ok" data-testid=testid>{t}</p> })}
        </div>
        {move || message.get().and_then(Result::err).map(|t| view! { <p class="notice error" role="alert" data-testid=testid>{t}</p> })}
    }
}
