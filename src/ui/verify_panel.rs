//! Checking result files in the browser with the same code as `chibo verify`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{chosen_files, read_text};
use super::i18n::{t, tf, Bilingual, Label, Language};
use super::state::Store;
use crate::domain::verify::{verify_full, MAX_RESULT_BYTES};

/// One checked file: name, whether it is valid, and the line to show.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Checked {
    name: String,
    ok: bool,
    text: String,
}

/// Choose result files; each gets "hợp lệ" or its reason.
#[component]
pub fn VerifyPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let results: RwSignal<Vec<Checked>> = RwSignal::new(Vec::new());
    let choose = move |ev: leptos::ev::Event| {
        let files = chosen_files(&ev);
        let lang = lang.get_untracked();
        results.set(Vec::new());
        spawn_local(async move {
            for file in files {
                let name = file.name();
                let checked = match read_text(lang, &file, MAX_RESULT_BYTES as f64).await {
                    Err(e) => Checked {
                        name,
                        ok: false,
                        text: e,
                    },
                    // The full reader only: the light one is for imports of thousands of files,
                    // and its code would add ~14 KB gzip to this page's first load (same
                    // verdict: tests/light_json.rs).
                    Ok(text) => match store.catalog.with_value(|c| verify_full(&text, c)) {
                        Ok(v) => Checked {
                            ok: true,
                            text: tf(
                                lang,
                                "Hợp lệ — {}, quý {}/{}, xếp loại {}; khóa {}{}",
                                &[
                                    &v.subject.cell.name,
                                    &v.subject.quarter.quarter(),
                                    &v.subject.quarter.year(),
                                    &v.subject.quarter_result.rating.label(lang),
                                    &v.fingerprint,
                                    &if v.subject.training {
                                        t(lang, " (dữ liệu tập huấn)")
                                    } else {
                                        ""
                                    },
                                ],
                            ),
                            name,
                        },
                        Err(e) => Checked {
                            name,
                            ok: false,
                            text: e.message(lang),
                        },
                    },
                };
                results.update(|r| r.push(checked));
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="verify-title">
            <h2 id="verify-title">{move || t(lang.get(), "Kiểm tra tệp kết quả")}</h2>
            <p class="muted small">{move || t(lang.get(), "Kiểm tra chữ ký và tính lại toàn bộ điểm của tệp kết quả, ngay trên thiết bị.")}</p>
            <div class="field">
                <label for="verify-files">{move || t(lang.get(), "Chọn tệp kết quả (.json)")}</label>
                <input id="verify-files" type="file" multiple accept=".json,application/json" on:change=choose/>
            </div>
            <ul class="verify-list" data-testid="verify-results">
                <For each=move || results.get() key=|c| c.name.clone() let:c>
                    <li class=if c.ok { "ok-text" } else { "err-text" }>
                        <strong>{c.name.clone()}</strong>": "{c.text.clone()}
                    </li>
                </For>
            </ul>
        </section>
    }
}
