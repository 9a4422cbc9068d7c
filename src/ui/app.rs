//! The root: builds the shared state and lays out the page.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::cell_profile_form::CellProfileForm;
use super::district_state::District;
use super::district_view::DistrictView;
use super::guide_panel::{Guide, GuidePanel};
use super::notice_banner::NoticeBanner;
use super::offline_status::{OfflineStatus, UpdateBanner};
use super::print_report::{listen_for_print, PrintReport, Printing};
use super::pwa::Pwa;
use super::quarter_picker::QuarterPicker;
use super::quarter_view::QuarterView;
use super::saved_quarters::SavedQuarters;
use super::signing_key_panel::SigningKeyPanel;
use super::state::{switch_workspace, Store};
use super::training_bar::TrainingBar;
use super::verify_panel::VerifyPanel;
use crate::domain::catalog::Catalog;
use crate::domain::quarter::QuarterId;
use crate::storage::keys::Workspace;

/// Today's quarter from the device clock (the domain takes the date as an argument).
fn today_quarter() -> QuarterId {
    let now = js_sys::Date::new_0();
    let date = NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, 1)
        .unwrap_or_default();
    QuarterId::containing(date)
}

const DISTRICT_HASH: &str = "#cap-tren";

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn set_location_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    match Catalog::shipped() {
        Err(e) => view! {
            <main class="fatal" role="alert">
                <h1>"Không mở được ứng dụng"</h1>
                <p>{e.to_string()}</p>
            </main>
        }
        .into_any(),
        Ok(catalog) => {
            let today = today_quarter();
            let store = Store::load(catalog, today);
            let mut notices = Vec::new();
            provide_context(District::load(store.catalog, today, &mut notices));
            if !notices.is_empty() {
                store.notices.update(|n| n.extend(notices));
            }
            provide_context(store);
            provide_context(Pwa::start());
            let printing = Printing(RwSignal::new(false));
            provide_context(printing);
            listen_for_print(printing);
            let guide = Guide::new();
            provide_context(guide);
            let training = store.training();
            let nav_error: RwSignal<Option<String>> = RwSignal::new(None);
            // The district page is at #cap-tren, so a reload (or a bookmark) keeps it.
            let district = RwSignal::new(location_hash() == DISTRICT_HASH);
            let go = move |to_district: bool| {
                district.set(to_district);
                set_location_hash(if to_district { DISTRICT_HASH } else { "" });
            };
            view! {
                <header class="app-header">
                    <h1>"Tự đánh giá chất lượng sinh hoạt chi bộ"</h1>
                    <p class="tagline">"Chấm điểm từng buổi sinh hoạt, tổng hợp theo quý. Dữ liệu chỉ lưu trên thiết bị này."</p>
                    <nav aria-label="Chuyển trang" class="nav">
                        <button type="button" class:active=move || !district.get() aria-current=move || if district.get() { "false" } else { "page" }
                            on:click=move |_| go(false)>"Chi bộ tự đánh giá"</button>
                        <button type="button" class:active=move || district.get() aria-current=move || if district.get() { "page" } else { "false" }
                            on:click=move |_| go(true)>"Cấp trên tổng hợp"</button>
                        <button type="button" on:click=move |_| { go(false); guide.0.set(Some(0)); }>"Hướng dẫn"</button>
                        {(!training).then(|| view! {
                            <button type="button" data-testid="enter-training" on:click=move |_| {
                                if let Err(e) = switch_workspace(Workspace::Training) { nav_error.set(Some(e)); }
                            }>"Tập huấn"</button>
                        })}
                    </nav>
                    {move || nav_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
                </header>
                <TrainingBar/>
                <main>
                    <UpdateBanner/>
                    <NoticeBanner/>
                    <Show when=move || district.get() fallback=|| view! {
                        <CellProfileForm/>
                        <GuidePanel/>
                        <QuarterPicker/>
                        <SavedQuarters/>
                        <QuarterView/>
                        <SigningKeyPanel/>
                        <VerifyPanel/>
                        <OfflineStatus/>
                        <PrintReport/>
                    }>
                        <DistrictView/>
                    </Show>
                </main>
            }
            .into_any()
        }
    }
}
