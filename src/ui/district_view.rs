//! The district staff's page: registry, import, the quarter's table and charts.

use leptos::prelude::*;

use super::district_table::DistrictTable;
use super::i18n::{t, Language};
use super::import_panel::ImportPanel;
use super::loss_chart::LossChart;
use super::rating_chart::RatingChart;
use super::registry_panel::RegistryPanel;
use super::result_detail::ResultDetail;
use super::training_demo::TrainingDemo;

/// The district view.
#[component]
pub fn DistrictView() -> impl IntoView {
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    let Language(lang) = expect_context::<Language>();
    view! {
        <TrainingDemo/>
        <ImportPanel/>
        <DistrictTable selected=selected/>
        <ResultDetail selected=selected/>
        <section class="card charts" aria-label=move || t(lang.get(), "Biểu đồ")>
            <RatingChart/>
            <LossChart/>
        </section>
        <RegistryPanel/>
    }
}
