//! The root: builds the shared state and lays out the page.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::browser::set_document_language;
use super::cell_profile_form::CellProfileForm;
use super::district_state::District;
use super::district_view::DistrictView;
use super::guide_panel::{Guide, GuidePanel};
use super::i18n::{t, Bilingual, Lang, Language};
use super::notice_banner::NoticeBanner;
use super::offline_status::{OfflineStatus, UpdateBanner};
use super::print_report::{listen_for_print, PrintReport, Printing};
use super::pwa::Pwa;
use super::quarter_picker::QuarterPicker;
use super::quarter_view::QuarterView;
use super::saved_quarters::SavedQuarters;
use super::signing_key_panel::SigningKeyPanel;
use super::state::{switch_workspace, Store};
use super::sync_notice::SyncNotice;
use super::training_bar::TrainingBar;
use super::verify_panel::VerifyPanel;
use crate::domain::catalog::Catalog;
use crate::domain::quarter::QuarterId;
use crate::storage::{self, keys::Workspace};

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

/// Shows `lang` as the page's language (screen readers, spelling, the tab's title).
fn show_language(lang: Lang) {
    set_document_language(lang.code(), t(lang, "Tự đánh giá sinh hoạt chi bộ"));
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    // A device preference, the same in both workspaces: read before anything is drawn.
    let lang = RwSignal::new(storage::language::<Lang>().unwrap_or_default());
    provide_context(Language(lang));
    show_language(lang.get_untracked());
    match Catalog::shipped() {
        Err(e) => view! {
            <main class="fatal" role="alert">
                <h1>{move || t(lang.get(), "Không mở được ứng dụng")}</h1>
                <p>{move || e.message(lang.get())}</p>
            </main>
        }
        .into_any(),
        Ok(catalog) => {
            let today = today_quarter();
            let store = Store::load(catalog, today);
            let mut notices = Vec::new();
            provide_context(District::load(store.catalog, today, lang, &mut notices));
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
            let switch_language = move |_| {
                let next = lang.get_untracked().other();
                lang.set(next);
                show_language(next);
                nav_error.set(storage::choose_language(&next).err().map(|_| {
                    t(next, "Không lưu được lựa chọn ngôn ngữ trên thiết bị; lần mở sau sẽ dùng ngôn ngữ cũ.").to_string()
                }));
            };
            view! {
                <header class="app-header">
                    <h1>{move || t(lang.get(), "Tự đánh giá chất lượng sinh hoạt chi bộ")}</h1>
                    <p class="tagline">{move || t(lang.get(), "Chấm điểm từng buổi sinh hoạt, tổng hợp theo quý. Dữ liệu chỉ lưu trên thiết bị này.")}</p>
                    <nav aria-label=move || t(lang.get(), "Chuyển trang") class="nav">
                        <button type="button" class:active=move || !district.get() aria-current=move || if district.get() { "false" } else { "page" }
                            on:click=move |_| go(false)>{move || t(lang.get(), "Chi bộ tự đánh giá")}</button>
                        <button type="button" class:active=move || district.get() aria-current=move || if district.get() { "page" } else { "false" }
                            on:click=move |_| go(true)>{move || t(lang.get(), "Cấp trên tổng hợp")}</button>
                        <button type="button" on:click=move |_| { go(false); guide.0.set(Some(0)); }>{move || t(lang.get(), "Hướng dẫn")}</button>
                        {(!training).then(|| view! {
                            <button type="button" data-testid="enter-training" on:click=move |_| {
                                if let Err(e) = switch_workspace(Workspace::Training) { nav_error.set(Some(e.message(lang.get_untracked()))); }
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
                <TrainingBar/>
                <main>
                    <UpdateBanner/>
                    <NoticeBanner/>
                    <SyncNotice/>
                    // The forms read their values once (typing is never disturbed); when another tab
                    // changes the data, the cell's page is built again from it.
                    <Show when=move || district.get() fallback=move || { store.revision.track(); view! {
                        <CellProfileForm/>
                        <GuidePanel/>
                        <QuarterPicker/>
                        <SavedQuarters/>
                        <QuarterView/>
                        <SigningKeyPanel/>
                        <VerifyPanel/>
                        <OfflineStatus/>
                        <PrintReport/>
                    }}>
                        <DistrictView/>
                    </Show>
                </main>
            }
            .into_any()
        }
    }
}
