//! The root: builds the shared state and lays out the page.

use leptos::prelude::*;

use super::app_header::{cannot_open, show_language, AppHeader, DISTRICT_PAGE, GUIDE_HASH};
use super::browser::replace_location;
use super::cell_profile_form::CellProfileForm;
use super::guide_panel::{Guide, GuidePanel};
use super::i18n::{Lang, Language};
use super::lazy_panel::{Extra, Extras, LazyPanel, LoadViews};
use super::notice_banner::NoticeBanner;
use super::offline_status::{OfflineStatus, UpdateBanner};
use super::print_report::{listen_for_print, Printing};
use super::pwa::Pwa;
use super::quarter_picker::QuarterPicker;
use super::quarter_view::QuarterView;
use super::saved_quarters::SavedQuarters;
use super::session::Session;
use super::state::Store;
use super::sync_notice::SyncNotice;
use super::training_bar::TrainingBar;
use crate::domain::catalog::Catalog;
use crate::domain::quarter::QuarterId;
use crate::storage;

/// Today's quarter from the device clock (the domain takes the date as an argument).
pub fn today_quarter() -> QuarterId {
    QuarterId::containing(super::browser::today())
}

/// Where the district view was before it got its own page: old bookmarks still get there.
const OLD_DISTRICT_HASH: &str = "#cap-tren";

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Leaves `hash` out of the address without a new history entry.
fn clear_location_hash() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash("");
    }
}

/// The cell's page (the district's is [`DistrictApp`](super::district_app::DistrictApp)).
/// `extras` loads the rarely used panels from their chunk (see [`super::lazy_panel`]).
#[component]
pub fn App(extras: LoadViews) -> impl IntoView {
    if location_hash() == OLD_DISTRICT_HASH {
        replace_location(DISTRICT_PAGE);
    }
    // A device preference, the same in both workspaces: read before anything is drawn.
    let lang = RwSignal::new(storage::language::<Lang>().unwrap_or_default());
    provide_context(Language(lang));
    show_language(lang.get_untracked());
    match Catalog::shipped() {
        Err(e) => cannot_open(lang, e),
        Ok(catalog) => {
            let session = Session::start();
            provide_context(session);
            let store = Store::load(catalog, today_quarter(), session);
            provide_context(store);
            provide_context(Pwa::start());
            let printing = Printing(RwSignal::new(false));
            provide_context(printing);
            listen_for_print(printing);
            provide_context(Extras::start(extras));
            let guide = Guide::new();
            provide_context(guide);
            if location_hash() == GUIDE_HASH {
                guide.0.set(Some(0));
                clear_location_hash();
            }
            view! {
                <AppHeader district=false/>
                <TrainingBar/>
                <main>
                    <UpdateBanner/>
                    <NoticeBanner/>
                    <SyncNotice/>
                    // The forms read their values once (typing is never disturbed); when another tab
                    // changes the data, the cell's page is built again from it.
                    {move || { store.revision.track(); view! {
                        <CellProfileForm/>
                        <GuidePanel/>
                        <QuarterPicker/>
                        <SavedQuarters/>
                        <QuarterView/>
                        <LazyPanel extra=Extra::SigningKey/>
                        <LazyPanel extra=Extra::Verify/>
                        <OfflineStatus/>
                        <LazyPanel extra=Extra::Print/>
                    }}}
                    // Outside the block above: a restore rebuilds it, and this panel's report of
                    // what the restore did must stay on screen.
                    <LazyPanel extra=Extra::DraftsBackup/>
                </main>
            }
            .into_any()
        }
    }
}
