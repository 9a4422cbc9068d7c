//! The header of both pages: title, the links between the cell's page and the district's, the
//! guide, training and the language switch.

use leptos::prelude::*;

use super::browser::set_document_language;
use super::guide_panel::Guide;
use super::i18n::{t, Bilingual, Lang, Language};
use super::session::Session;
use super::state::switch_workspace;
use crate::storage::{self, keys::Workspace};

/// The cell's page (`./`) and the district's (`district.html`): two pages, each with its own
/// wasm module, so a cell secretary never downloads the district's code (see
/// docs/benchmarks.md, "Bundle size").
pub const CELL_PAGE: &str = "./";
/// See [`CELL_PAGE`].
pub const DISTRICT_PAGE: &str = "district.html";
/// The cell's page opens the walk-through when reached with this hash (from the district page).
pub const GUIDE_HASH: &str = "#huong-dan";

/// Shows `lang` as the page's language (screen readers, spelling, the tab's title).
pub fn show_language(lang: Lang) {
    set_document_language(lang.code(), t(lang, "Tự đánh giá sinh hoạt chi bộ"));
}

/// What either page shows when its rubrics cannot be read (nothing else can work then).
pub fn cannot_open(lang: RwSignal<Lang>, e: impl Bilingual + Send + Sync + 'static) -> AnyView {
    view! {
        <main class="fatal" role="alert">
            <h1>{move || t(lang.get(), "Không mở được ứng dụng")}</h1>
            <p>{move || e.message(lang.get())}</p>
        </main>
    }
    .into_any()
}

/// The header; `district` tells which page it is on.
#[component]
pub fn AppHeader(district: bool) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let session = expect_context::<Session>();
    let guide = use_context::<Guide>();
    let nav_error: RwSignal<Option<String>> = RwSignal::new(None);
    let switch_language = move |_| {
        let next = lang.get_untracked().other();
        lang.set(next);
        show_language(next);
        nav_error.set(storage::choose_language(&next).err().map(|_| {
            t(
                next,
                "Không lưu được lựa chọn ngôn ngữ trên thiết bị; lần mở sau sẽ dùng ngôn ngữ cũ.",
            )
            .to_string()
        }));
    };
    let current = |on: bool| if on { "page" } else { "false" };
    view! {
        <header class="app-header">
            <h1>{move || t(lang.get(), "Tự đánh giá chất lượng sinh hoạt chi bộ")}</h1>
            <p class="tagline">{move || t(lang.get(), "Chấm điểm từng buổi sinh hoạt, tổng hợp theo quý. Dữ liệu chỉ lưu trên thiết bị này.")}</p>
            <nav aria-label=move || t(lang.get(), "Chuyển trang") class="nav">
                <a href=CELL_PAGE class:active=!district aria-current=current(!district)>{move || t(lang.get(), "Chi bộ tự đánh giá")}</a>
                <a href=DISTRICT_PAGE class:active=district aria-current=current(district)>{move || t(lang.get(), "Cấp trên tổng hợp")}</a>
                {match guide {
                    Some(Guide(step)) => view! {
                        <button type="button" on:click=move |_| step.set(Some(0))>{move || t(lang.get(), "Hướng dẫn")}</button>
                    }.into_any(),
                    None => view! {
                        <a href=format!("{CELL_PAGE}{GUIDE_HASH}")>{move || t(lang.get(), "Hướng dẫn")}</a>
                    }.into_any(),
                }}
                {(!session.training()).then(|| view! {
                    <button type="button" data-testid="enter-training" on:click=move |_| {
                        if let Err(e) = switch_workspace(Workspace::Training, &session) { nav_error.set(Some(e.message(lang.get_untracked()))); }
                    }>{move || t(lang.get(), "Tập huấn")}</button>
                })}
                // Named in the language it switches to, so a reader of that language finds it.
                <button type="button" data-testid="switch-language" on:click=switch_language>
                    {move || match lang.get() {
                        Lang::Vi => view! { <span lang="en">"English"</span> }.into_any(),
                        Lang::En => view! { <span lang="vi">"Tiếng Việt"</span> }.into_any(),
                    }}
                </button>
            </nav>
            {move || nav_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        </header>
    }
}
