//! Long lists draw their first rows only (thousands of rows would make every change slow); this
//! is the "showing n/m … Show more" line under them, and the one way they pick their rows.

use leptos::prelude::*;

use super::i18n::{t, tf, Language};

/// Rows drawn at first, and added by each "Xem thêm".
pub const PAGE: usize = 100;

/// The first `limit` items, and how many there are in all.
pub fn first_rows<T>(items: impl IntoIterator<Item = T>, limit: usize) -> (Vec<T>, usize) {
    let mut rows = Vec::new();
    let mut n = 0;
    for x in items {
        if n < limit {
            rows.push(x);
        }
        n += 1;
    }
    (rows, n)
}

/// Shown while `total` exceeds `limit`; `template` (a `t` string with `{}/{}`) names the rows.
#[component]
pub fn ShowMore(
    #[prop(into)] total: Signal<usize>,
    limit: RwSignal<usize>,
    template: &'static str,
) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    view! {
        <Show when=move || { total.get() > limit.get() }>
            <p class="muted small">
                {move || tf(lang.get(), template, &[&limit.get().min(total.get()), &total.get()])}
                <button type="button" class="small-btn" on:click=move |_| limit.update(|l| *l += PAGE)>{move || t(lang.get(), "Xem thêm")}</button>
            </p>
        </Show>
    }
}
