//! The root: builds the shared state and lays out the page.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::cell_profile_form::CellProfileForm;
use super::notice_banner::NoticeBanner;
use super::quarter_picker::QuarterPicker;
use super::quarter_view::QuarterView;
use super::saved_quarters::SavedQuarters;
use super::signing_key_panel::SigningKeyPanel;
use super::state::Store;
use super::verify_panel::VerifyPanel;
use crate::domain::catalog::Catalog;
use crate::domain::quarter::QuarterId;

/// Today's quarter from the device clock (the domain takes the date as an argument).
fn today_quarter() -> QuarterId {
    let now = js_sys::Date::new_0();
    let date = NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, 1)
        .unwrap_or_default();
    QuarterId::containing(date)
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
            provide_context(Store::load(catalog, today_quarter()));
            view! {
                <header class="app-header">
                    <h1>"Tự đánh giá chất lượng sinh hoạt chi bộ"</h1>
                    <p class="tagline">"Chấm điểm từng buổi sinh hoạt, tổng hợp theo quý. Dữ liệu chỉ lưu trên thiết bị này."</p>
                </header>
                <main>
                    <NoticeBanner/>
                    <CellProfileForm/>
                    <QuarterPicker/>
                    <SavedQuarters/>
                    <QuarterView/>
                    <SigningKeyPanel/>
                    <VerifyPanel/>
                </main>
            }
            .into_any()
        }
    }
}
