//! Receiving result files: choose many, a folder, or drop them; each gets a status and reason.
//! A valid file signed by an unknown key can register its key after a confirmation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{chosen_files, dropped_files, focus_soon, now_iso};
use super::district_state::District;
use super::i18n::{t, tf, Bilingual, Label, Language};
use super::outcome_message::OutcomeMessage;
use super::show_more::{first_rows, ShowMore, PAGE};
use crate::domain::district::collection::{is_result_file_name, Outcome, Reason, Status};
use crate::domain::district::registry::{offered_valid_from, RegistryEntry};

/// A file row for display.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    index: usize,
    file: String,
    status: Status,
    reason: Reason,
    /// For a valid signature with a key the registry does not know (not one it knows from a
    /// later day): (cell name, did, fingerprint, signed).
    registrable: Option<(String, String, String, String)>,
}

/// Import box and the list of received files.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    let filter: RwSignal<Option<Status>> = RwSignal::new(None);
    let confirming: RwSignal<Option<(String, String, String, String)>> = RwSignal::new(None);
    let valid_from = RwSignal::new(now_iso().get(..10).unwrap_or("2026-01-01").to_string());
    let dragging = RwSignal::new(false);
    let importing = Memo::new(move |_| d.progress.with(Option::is_some));
    let progress = move || d.progress.get().unwrap_or_default();
    // `webkitdirectory` (choose a whole folder) is not in the view macro's attribute list.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });

    // Only the first rows are drawn (thousands of rows would make every change slow); filtering by
    // status reaches the others.
    let limit = RwSignal::new(PAGE);
    // (rows drawn, rows matching the filter)
    let selection = Memo::new(move |_| {
        d.files.with(|files| {
            d.classified.with(|cl| {
                let matching = files
                    .iter()
                    .zip(cl)
                    .enumerate()
                    .filter(|(_, (_, c))| filter.get().is_none_or(|f| c.status == f))
                    .map(|(index, (r, c))| Row {
                        index,
                        file: r.file_name.clone(),
                        status: c.status,
                        reason: c.reason.clone(),
                        registrable: match (&r.outcome, &c.reason) {
                            (
                                Outcome::Verified {
                                    issuer,
                                    fingerprint,
                                    digest,
                                    created,
                                    ..
                                },
                                Reason::UnknownKey { .. },
                            ) => Some((
                                digest.cell_name.clone(),
                                issuer.clone(),
                                fingerprint.clone(),
                                created.clone(),
                            )),
                            _ => None,
                        },
                    });
                first_rows(matching, limit.get())
            })
        })
    });
    let counts = move || {
        d.classified.with(|cl| {
            Status::ALL
                .into_iter()
                .map(|s| (s, cl.iter().filter(|c| c.status == s).count()))
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>()
        })
    };
    let take = move |ev: &leptos::ev::Event, from_folder: bool| {
        let mut files = chosen_files(ev);
        if from_folder {
            files.retain(|f| is_result_file_name(&f.name()));
        }
        if !files.is_empty() && !importing.get_untracked() {
            d.import(files);
        }
        // Let the same files be chosen again later.
        if let Some(i) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            i.set_value("");
        }
    };
    let on_files = move |ev: leptos::ev::Event| take(&ev, false);
    let on_folder = move |ev: leptos::ev::Event| take(&ev, true);
    // One import at a time: a second would take over the workers while the first still waits
    // for their answers (the controls are disabled meanwhile; a drop is ignored).
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if importing.get_untracked() {
            return;
        }
        let Some(dt) = ev.data_transfer() else { return };
        let files = dropped_files(&dt);
        leptos::task::spawn_local(async move {
            let files = files.await;
            if !files.is_empty() {
                d.import(files);
            }
        });
    };
    let confirm = move |_| {
        if let Some((cell, did, _, _)) = confirming.get_untracked() {
            let lang = lang.get_untracked();
            let r = d.upsert(RegistryEntry {
                cell_name: cell.clone(),
                did,
                valid_from: valid_from.get_untracked(),
            });
            d.message.set(Some(
                r.map(|_| tf(lang, "Đã đăng ký khóa của «{}».", &[&cell]))
                    .map_err(|e| tf(lang, "Không đăng ký được: {}", &[&e.message(lang)])),
            ));
            confirming.set(None);
            focus_soon("import-title");
        }
    };
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title" tabindex="-1">{move || t(lang.get(), "Nhận tệp kết quả")}</h2>
            <div
                class="dropzone"
                class:dragging=dragging
                data-testid="dropzone"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>{move || t(lang.get(), "Kéo thả các tệp kết quả .json, tệp nén .zip hoặc cả thư mục vào đây, hoặc:")}</p>
                <div class="row">
                    <div class="field">
                        <label for="import-files">{move || t(lang.get(), "Chọn tệp (được chọn nhiều)")}</label>
                        <input id="import-files" type="file" multiple accept=".json,application/json,.zip,application/zip" disabled=importing on:change=on_files/>
                    </div>
                    <div class="field">
                        <label for="import-folder">{move || t(lang.get(), "Hoặc chọn cả thư mục")}</label>
                        <input id="import-folder" type="file" multiple node_ref=folder disabled=importing on:change=on_folder/>
                    </div>
                </div>
            </div>
            // Built once per import, then only its figures change: rebuilding the paragraph on
            // each chunk made the browser lay out and paint the whole page (a third of the
            // page's time during a 5,000-file import).
            {move || importing.get().then(|| view! {
                // Not a live region: it changes with every chunk, which a screen reader would read
                // out each time; the import's end is announced by its message.
                <p data-testid="import-progress">
                    <progress max=move || progress().1 value=move || progress().0></progress>
                    {move || tf(lang.get(), " Đang kiểm tra {}/{} tệp…", &[&progress().0, &progress().1])}
                </p>
            })}
            <OutcomeMessage message=d.message testid="district-message"/>
            <ul class="chips" data-testid="status-counts">
                <li><button type="button" class:active=move || filter.get().is_none() aria-pressed=move || if filter.get().is_none() { "true" } else { "false" } on:click=move |_| filter.set(None)>
                    {move || tf(lang.get(), "Tất cả: {}", &[&d.files.with(Vec::len)])}
                </button></li>
                {move || counts().into_iter().map(|(s, n)| view! {
                    <li><button type="button" data-status=s.id() class:active=move || filter.get() == Some(s) aria-pressed=move || if filter.get() == Some(s) { "true" } else { "false" } on:click=move |_| filter.set(Some(s))>
                        {move || format!("{}: {n}", s.label(lang.get()))}
                    </button></li>
                }).collect_view()}
            </ul>
            {move || confirming.get().map(|(cell, did, fp, _)| view! {
                <div class="notice warning" role="alertdialog" aria-labelledby="confirm-key-title" data-testid="confirm-key">
                    <h3 id="confirm-key-title" tabindex="-1">{move || t(lang.get(), "Xác nhận đăng ký khóa mới")}</h3>
                    <p>{move || tf(lang.get(), "Chi bộ: {}", &[&cell])}</p>
                    <p>{move || t(lang.get(), "Dấu vân tay: ")} <strong data-testid="confirm-fingerprint">{fp}</strong></p>
                    <p class="small"><code>{did}</code></p>
                    <p>{move || t(lang.get(), "Chỉ xác nhận khi dấu vân tay trùng với dấu vân tay bí thư chi bộ đọc cho bạn.")}</p>
                    <div class="field">
                        <label for="confirm-from">{move || t(lang.get(), "Hiệu lực từ ngày")}</label>
                        <input id="confirm-from" type="date" prop:value=valid_from on:input=move |ev| valid_from.set(event_target_value(&ev))/>
                    </div>
                    <button type="button" class="primary" on:click=confirm>{move || t(lang.get(), "Xác nhận đăng ký")}</button>
                    <button type="button" on:click=move |_| {
                        confirming.set(None);
                        focus_soon("import-title");
                    }>{move || t(lang.get(), "Huỷ")}</button>
                </div>
            })}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="import-title">
                <table data-testid="files-table">
                    <thead><tr><th scope="col">{move || t(lang.get(), "Tệp")}</th><th scope="col">{move || t(lang.get(), "Trạng thái")}</th><th scope="col">{move || t(lang.get(), "Lý do")}</th><th scope="col"><span class="sr-only">{move || t(lang.get(), "Thao tác")}</span></th></tr></thead>
                    <tbody>
                        <For each=move || selection.with(|s| s.0.clone()) key=|r| (r.index, r.status, r.reason.clone()) let:r>
                            <tr data-testid="file-row" data-status=r.status.id()>
                                <td class="file-name">{r.file.clone()}</td>
                                <td><span class=format!("status status-{}", r.status.id())>{move || r.status.label(lang.get())}</span></td>
                                <td class="small">{let reason = r.reason.clone(); move || reason.message(lang.get())}</td>
                                <td>{r.registrable.clone().map(|x| view! {
                                    <button type="button" class="small-btn" on:click=move |_| {
                                        valid_from.set(offered_valid_from(&x.3, &now_iso()));
                                        confirming.set(Some(x.clone()));
                                        focus_soon("confirm-key-title");
                                    }>{move || t(lang.get(), "Đăng ký khóa…")}</button>
                                })}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <ShowMore total=Signal::derive(move || selection.with(|s| s.1)) limit=limit template="Đang hiển thị {}/{} tệp. "/>
        </section>
    }
}
