//! The cell page's rarely used panels (the signed export, the signing key and its backup, the
//! file check, the printout) live in a wasm chunk of their own, split off at build time
//! (`scripts/split.py`, `wasm-split-cli`): the page's module is about a quarter smaller, so the
//! sheet is usable that much sooner on a weak connection.
//!
//! The chunk is fetched as soon as the page has drawn the sheet and is idle (not when a panel is
//! first needed): the panels are on the page from the start, and the service worker caches the
//! chunk with the page, so nothing changes offline. Waiting for idle keeps the chunk's download
//! and compilation out of the way of the sheet's first drawing. If the fetch fails, each panel
//! says so and offers to try again. (Printing from the browser's menu in the seconds before the
//! chunk is there prints the page as on screen, not the A4 report: the report is in the chunk,
//! and the print style only hides the rest when the report is on the page.)
//!
//! The split point itself is in the cell page's binary (`src/main.rs`), which hands its loader to
//! [`App`](super::app::App): a split point is an exported (`no_mangle`) function, and in the
//! library every binary would export it, and so link the panels (the district's page and its
//! verifier grew by 0.2 and 0.7 MB raw when it was here).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::drafts_backup_panel::DraftsBackupPanel;
use super::export_panel::ExportPanel;
use super::i18n::{t, Language};
use super::print_report::PrintReport;
use super::signing_key_panel::SigningKeyPanel;
use super::verify_panel::VerifyPanel;

/// The chunk could not be fetched or instantiated (the browser's console has the details).
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Which panel a [`LazyPanel`] stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    Export,
    SigningKey,
    Verify,
    Print,
    DraftsBackup,
}

/// The panels' view, a function that lives in the chunk.
#[derive(Clone, Copy)]
pub struct Views(fn(Extra) -> AnyView);

/// Fetches the chunk (if need be) and gives its panels: the cell page's split point, wrapped.
pub type LoadViews = fn() -> Pin<Box<dyn Future<Output = Result<Views, NotLoaded>>>>;

impl Views {
    /// The panels. Called only from the split point, so that they land in the chunk.
    pub fn in_chunk() -> Self {
        Self(|extra| match extra {
            Extra::Export => view! { <ExportPanel/> }.into_any(),
            Extra::SigningKey => view! { <SigningKeyPanel/> }.into_any(),
            Extra::Verify => view! { <VerifyPanel/> }.into_any(),
            Extra::Print => view! { <PrintReport/> }.into_any(),
            Extra::DraftsBackup => view! { <DraftsBackupPanel/> }.into_any(),
        })
    }
}

#[derive(Clone, Copy)]
enum Load {
    Pending,
    Ready(Views),
    Failed,
}

/// The chunk's state, shared by the page's panels (context, built at the root).
#[derive(Clone, Copy)]
pub struct Extras(RwSignal<Load>, LoadViews);

impl Extras {
    /// Fetches the chunk once the page is idle.
    pub fn start(load: LoadViews) -> Self {
        let extras = Self(RwSignal::new(Load::Pending), load);
        request_idle_callback(move || extras.load());
        extras
    }

    fn load(self) {
        self.0.set(Load::Pending);
        spawn_local(async move {
            self.0.set(match (self.1)().await {
                Ok(views) => Load::Ready(views),
                Err(NotLoaded) => Load::Failed,
            });
        });
    }
}

/// One of the chunk's panels: a line saying it is on its way while the chunk loads (on a weak
/// connection that takes seconds after the sheet is usable), the panel once it is there, and a
/// way to try again if it could not be fetched. The printout, hidden on screen, shows neither.
#[component]
pub fn LazyPanel(extra: Extra) -> impl IntoView {
    let extras = expect_context::<Extras>();
    let Language(lang) = expect_context::<Language>();
    let pending = move || {
        view! {
            <p class="card muted small" aria-busy="true" data-testid="extras-pending">
                {move || t(lang.get(), "Đang tải phần này…")}
            </p>
        }
    };
    let failed = move || {
        view! {
            <p class="notice error" role="alert" data-testid="extras-failed">
                {move || t(lang.get(), "Chưa tải được phần này của ứng dụng (cần mạng ở lần mở đầu tiên).")}
                " "
                <button type="button" on:click=move |_| extras.load()>{move || t(lang.get(), "Thử lại")}</button>
            </p>
        }
    };
    move || match (extras.0.get(), extra) {
        (Load::Ready(Views(view_of)), _) => view_of(extra),
        (_, Extra::Print) => ().into_any(),
        (Load::Pending, _) => pending().into_any(),
        (Load::Failed, _) => failed().into_any(),
    }
}
