//! In the training workspace, the district view can make a set of sample result files (every
//! status a district meets), register their keys and import them, for a trainer to demonstrate.

use leptos::prelude::*;

use super::browser::{now_iso, random, text_file};
use super::district_state::District;
use super::i18n::{t, Bilingual, Language};
use super::session::Session;
use crate::domain::district::registry::Registry;
use crate::domain::training::demo_files;

/// The "make sample files" box (training workspace only).
#[component]
pub fn TrainingDemo() -> impl IntoView {
    let session = expect_context::<Session>();
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    let make = move |_| {
        let lang = lang.get_untracked();
        let result = (|| -> Result<(), String> {
            let seed = u64::from_le_bytes(random::<8>().map_err(|e| e.message(lang))?);
            let quarter = d.quarter.get_untracked();
            let set = d
                .catalog
                .with_value(|c| demo_files(c, quarter, &now_iso(), seed))
                .map_err(|e| e.message(lang))?;
            let mut reg = d.registry.get_untracked();
            reg.merge(Registry::from_entries(set.registry).map_err(|(_, e)| e.message(lang))?);
            d.set_registry(reg);
            let files: Vec<_> = set
                .files
                .iter()
                .filter_map(|(name, text)| text_file(name, text, "application/json"))
                .collect();
            d.import(files);
            Ok(())
        })();
        if let Err(e) = result {
            d.message.set(Some(Err(e)));
        }
    };
    session.training().then(|| {
        view! {
            <section class="card" aria-labelledby="demo-title">
                <h2 id="demo-title">{move || t(lang.get(), "Tệp mẫu cho buổi tập huấn")}</h2>
                <p class="small">{move || t(lang.get(), "Tạo 15 tệp kết quả mẫu của quý đang chọn (có tệp hợp lệ, tệp bị sửa, tệp trùng, tệp bị thay thế, khóa lạ, tệp tập huấn, tệp không đọc được), đăng ký khóa của chúng vào danh bạ tập huấn và nhận vào ngay. Cũng có thể dùng lệnh «chibo sample» để tạo tệp mẫu.")}</p>
                <button type="button" class="primary" on:click=make>{move || t(lang.get(), "Tạo và nhận tệp mẫu")}</button>
            </section>
        }
    })
}
