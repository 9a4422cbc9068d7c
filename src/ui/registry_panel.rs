//! The district's key registry: list, add/edit, remove, import and export (CSV, JSON).

use super::outcome_message::OutcomeMessage;
use super::session::Session;
use crate::domain::training::download_name;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{chosen_files, download, now_iso, read_text};
use super::district_state::District;
use super::i18n::{t, tf, Bilingual, Language};
use super::show_more::{first_rows, ShowMore, PAGE};
use crate::domain::district::registry::{Registry, RegistryEntry};

/// Registry of cell keys.
#[component]
pub fn RegistryPanel() -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    let name = RwSignal::new(String::new());
    let did = RwSignal::new(String::new());
    let from = RwSignal::new(now_iso().get(..10).unwrap_or("2026-01-01").to_string());
    let msg: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let confirm_remove: RwSignal<Option<String>> = RwSignal::new(None);
    // A province's registry has thousands of keys: draw the first rows that match the search.
    let query = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let selection = Memo::new(move |_| {
        d.registry
            .with(|r| first_rows(r.search(&query.get()).into_iter().cloned(), limit.get()))
    });

    let save = move |_| {
        let entry = RegistryEntry {
            cell_name: name.get_untracked(),
            did: did.get_untracked().trim().to_string(),
            valid_from: from.get_untracked(),
        };
        let label = entry.cell_name.clone();
        let lang = lang.get_untracked();
        msg.set(Some(
            d.upsert(entry)
                .map(|_| tf(lang, "Đã lưu khóa của «{}».", &[&label]))
                .map_err(|e| tf(lang, "Không lưu được: {}.", &[&e.message(lang)])),
        ));
        if msg.with_untracked(|m| matches!(m, Some(Ok(_)))) {
            name.set(String::new());
            did.set(String::new());
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_files(&ev).into_iter().next() else {
            return;
        };
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = read_text(lang, &file, 5.0 * 1024.0 * 1024.0)
                .await
                .and_then(|text| {
                    let parsed = if text.trim_start().starts_with('{') {
                        Registry::from_json(&text)
                    } else {
                        Registry::from_csv(&text)
                    };
                    parsed.map_err(|e| e.message(lang))
                });
            match result {
                Ok(incoming) => {
                    let n = incoming.entries.len();
                    // The file's entries replace same-did ones.
                    let mut reg = d.registry.get_untracked();
                    reg.merge(incoming);
                    d.set_registry(reg);
                    msg.set(Some(Ok(tf(lang, "Đã nhập {} khóa vào danh bạ.", &[&n]))));
                }
                Err(e) => msg.set(Some(Err(tf(lang, "Không nhập được danh bạ: {}", &[&e])))),
            }
        });
    };
    // A workshop's registry holds practice keys: marked, so it is never taken for the real one.
    let training = expect_context::<Session>().training();
    let export_csv = move |_| {
        let text = d.registry.with_untracked(Registry::to_csv);
        if let Err(e) = download(
            lang.get_untracked(),
            &download_name("danh-ba-khoa.csv", training),
            &text,
            "text/csv;charset=utf-8",
        ) {
            msg.set(Some(Err(e)));
        }
    };
    let export_json = move |_| {
        let text = d.registry.with_untracked(Registry::to_json);
        if let Err(e) = download(
            lang.get_untracked(),
            &download_name("danh-ba-khoa.json", training),
            &text,
            "application/json",
        ) {
            msg.set(Some(Err(e)));
        }
    };
    view! {
        <section class="card" aria-labelledby="registry-title">
            <h2 id="registry-title">{move || t(lang.get(), "Danh bạ khóa các chi bộ")}</h2>
            <p class="muted small">{move || t(lang.get(), "Chỉ tệp ký bằng khóa có trong danh bạ, đúng tên chi bộ, mới được tính. Đối chiếu dấu vân tay với chi bộ trước khi thêm.")}</p>
            <div class="row">
                <div class="field">
                    <label for="registry-file">{move || t(lang.get(), "Nhập danh bạ (CSV hoặc JSON)")}</label>
                    <input id="registry-file" type="file" accept=".csv,.json,text/csv,application/json" on:change=import/>
                </div>
                <button type="button" on:click=export_csv>{move || t(lang.get(), "Xuất danh bạ CSV")}</button>
                <button type="button" on:click=export_json>{move || t(lang.get(), "Xuất danh bạ JSON")}</button>
            </div>
            <p data-testid="registry-count">{move || tf(lang.get(), "{} khóa trong danh bạ.", &[&d.registry.with(|r| r.entries.len())])}</p>
            <div class="field">
                <label for="registry-search">{move || t(lang.get(), "Tìm trong danh bạ (tên chi bộ hoặc dấu vân tay)")}</label>
                <input id="registry-search" type="search" prop:value=query on:input=move |ev| { query.set(event_target_value(&ev)); limit.set(PAGE); }/>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="registry-title">
                <table data-testid="registry-table">
                    <thead><tr><th scope="col">{move || t(lang.get(), "Chi bộ")}</th><th scope="col">{move || t(lang.get(), "Dấu vân tay")}</th><th scope="col">{move || t(lang.get(), "Hiệu lực từ")}</th><th scope="col"><span class="sr-only">{move || t(lang.get(), "Thao tác")}</span></th></tr></thead>
                    <tbody>
                        <For each=move || selection.with(|s| s.0.clone()) key=|e| (e.did.clone(), e.cell_name.clone(), e.valid_from.clone()) let:e>
                            {
                                let (edit_e, rm_did, rm_did2, show_did) = (e.clone(), e.did.clone(), e.did.clone(), e.did.clone());
                                view! {
                                    <tr>
                                        <td>{e.cell_name.clone()}</td>
                                        <td><code>{e.fingerprint()}</code></td>
                                        <td>{e.valid_from.clone()}</td>
                                        <td class="actions">
                                            <button type="button" class="small-btn" on:click=move |_| {
                                                name.set(edit_e.cell_name.clone());
                                                did.set(edit_e.did.clone());
                                                from.set(edit_e.valid_from.clone());
                                            }>{move || t(lang.get(), "Sửa")}</button>
                                            <Show when=move || confirm_remove.get().as_deref() == Some(show_did.as_str())
                                                fallback=move || { let x = rm_did.clone(); view! {
                                                    <button type="button" class="small-btn danger" on:click=move |_| confirm_remove.set(Some(x.clone()))>{move || t(lang.get(), "Xoá")}</button>
                                                }}>
                                                {
                                                    let x = rm_did2.clone();
                                                    view! {
                                                        <button type="button" class="small-btn danger" on:click=move |_| { d.remove(&x); confirm_remove.set(None); }>{move || t(lang.get(), "Xoá hẳn")}</button>
                                                        <button type="button" class="small-btn" on:click=move |_| confirm_remove.set(None)>{move || t(lang.get(), "Huỷ")}</button>
                                                    }
                                                }
                                            </Show>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <ShowMore total=Signal::derive(move || selection.with(|s| s.1)) limit=limit template="Đang hiển thị {}/{} khóa. "/>
            <h3>{move || t(lang.get(), "Thêm hoặc sửa một khóa")}</h3>
            <div class="grid">
                <div class="field">
                    <label for="reg-name">{move || t(lang.get(), "Tên chi bộ")}</label>
                    <input id="reg-name" type="text" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="reg-did">{move || t(lang.get(), "Định danh khóa (did:key)")}</label>
                    <input id="reg-did" type="text" prop:value=did on:input=move |ev| did.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="reg-from">{move || t(lang.get(), "Hiệu lực từ ngày")}</label>
                    <input id="reg-from" type="date" prop:value=from on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
            </div>
            <button type="button" class="primary" on:click=save>{move || t(lang.get(), "Lưu vào danh bạ")}</button>
            <OutcomeMessage message=msg testid="registry-message"/>
        </section>
    }
}
