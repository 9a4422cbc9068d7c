//! The district staff's page (`district.html`, its own wasm module built from
//! `src/bin/district.rs`): registry, import, the quarter's table and charts.

use leptos::prelude::*;

use super::app::today_quarter;
use super::app_header::{cannot_open, show_language, AppHeader};
use super::district_state::District;
use super::district_view::DistrictView;
use super::i18n::{Lang, Language};
use super::notice_banner::NoticeBanner;
use super::offline_status::UpdateBanner;
use super::pwa::Pwa;
use super::session::Session;
use super::training_bar::TrainingBar;
use crate::domain::catalog::Catalog;
use crate::storage;

/// The district's page.
#[component]
pub fn DistrictApp() -> impl IntoView {
    let lang = RwSignal::new(storage::language::<Lang>().unwrap_or_default());
    provide_context(Language(lang));
    show_language(lang.get_untracked());
    match Catalog::shipped() {
        Err(e) => cannot_open(lang, e),
        Ok(catalog) => {
            let session = Session::start();
            provide_context(session);
            let mut notices = Vec::new();
            let district = District::load(
                StoredValue::new(catalog),
                today_quarter(),
                lang,
                &mut notices,
            );
            session.notices.update(|n| n.extend(notices));
            provide_context(district);
            provide_context(Pwa::start());
            view! {
                <AppHeader district=true/>
                <TrainingBar/>
                <main>
                    <UpdateBanner/>
                    <NoticeBanner/>
                    <DistrictView/>
                </main>
            }
            .into_any()
        }
    }
}
