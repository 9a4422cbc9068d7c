//! Exporting the quarter as a signed result file (download, and the share sheet on phones).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{can_share_file, download, now_iso, random, share_file, today};
use super::i18n::{t, tf, Bilingual, Language};
use super::outcome_message::OutcomeMessage;
use super::print_report::{print_now, Printing};
use super::state::Store;
use crate::domain::canonical::sha256_hex;
use crate::domain::cell_key::CellKey;
use crate::domain::eddsa_jcs::to_pretty;
use crate::domain::paper::{content_fingerprint, ExportStamp};
use crate::domain::result_doc::{check_held, check_ready, sign_result, ExportMeta};

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
const MIME: &str = "application/json";

/// The export box under the quarter.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let printing = expect_context::<Printing>();
    let Language(lang) = expect_context::<Language>();
    let message: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let last: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    // Why the quarter cannot be exported yet (None: ready).
    let blocker = Memo::new(move |_| {
        store.report.with(|r| {
            let r = r.as_ref()?;
            // A workshop practises the export whatever day it is: the practice quarter's later
            // months are often still to come, and a training result is never counted.
            let held = || match store.training() {
                true => Ok(()),
                false => check_held(r, today()),
            };
            store
                .profile
                .with(|p| check_ready(r, p).and_then(|_| held()).err())
        })
    });
    let has_key = move || store.key.with(Option::is_some);
    let export = move |_| {
        let lang = lang.get_untracked();
        let result = (|| -> Result<String, String> {
            if store.key.with_untracked(Option::is_none) {
                let secret = random::<32>().map_err(|e| e.message(lang))?;
                store
                    .set_key(CellKey::new(secret, &now_iso()))
                    .map_err(|e| e.message(lang))?;
            }
            let key = store.key.get_untracked().ok_or(t(lang, "Chưa có khóa."))?;
            if key.backup_saved.is_none() {
                return Err(t(lang, "Đã tạo khóa ký cho chi bộ. Trước lần xuất đầu tiên, hãy lưu tệp sao lưu khóa ở mục «Khóa ký của chi bộ» bên dưới, rồi bấm xuất lại.").into());
            }
            let signing = key.signing_key().ok_or(t(
                lang,
                "Khóa lưu trên thiết bị bị hỏng; hãy khôi phục từ tệp sao lưu.",
            ))?;
            let rubric = store
                .rubric
                .get_untracked()
                .ok_or(t(lang, "Không có bộ tiêu chí của quý này."))?;
            let record = store
                .record
                .get_untracked()
                .ok_or(t(lang, "Chưa mở quý nào."))?;
            let profile = store.profile.get_untracked();
            let meta = ExportMeta {
                now: now_iso(),
                uuid_bytes: random::<16>().map_err(|e| e.message(lang))?,
                app_version: APP_VERSION.into(),
                // Inside the signed document, so no district can count a workshop's file.
                training: store.training(),
            };
            let export = sign_result(&rubric, &record, &profile, &signing, &meta)
                .map_err(|e| e.message(lang))?;
            let text = to_pretty(&export.document) + "\n";
            download(lang, &export.file_name, &text, MIME)?;
            // Remember what was signed, so the printout can carry the file's id and hash.
            let stamp = ExportStamp {
                id: export
                    .document
                    .get("id")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string(),
                file_sha256: sha256_hex(text.as_bytes()),
                content: content_fingerprint(&record, &profile),
            };
            store.edit(|r| {
                r.last_export = Some(stamp);
                Ok::<(), ()>(())
            });
            let name = export.file_name.clone();
            last.set(Some((export.file_name, text)));
            Ok(if store.training() {
                tf(
                    lang,
                    "Đã xuất tệp tập huấn «{}». Tệp chỉ để luyện tập: cấp trên nhận sẽ không tính.",
                    &[&name],
                )
            } else {
                tf(
                    lang,
                    "Đã xuất tệp «{}». Gửi tệp này cho cấp trên (USB, thư điện tử, tin nhắn).",
                    &[&name],
                )
            })
        })();
        message.set(Some(result));
    };
    let share = move |_| {
        if let Some((name, text)) = last.get_untracked() {
            spawn_local(async move {
                if let Err(e) = share_file(lang.get_untracked(), &name, &text, MIME).await {
                    message.set(Some(Err(e)));
                }
            });
        }
    };
    let can_share =
        move || last.with(|l| l.as_ref().is_some_and(|(n, t)| can_share_file(n, t, MIME)));
    view! {
        <section class="card" aria-labelledby="export-title">
            <h3 id="export-title">{move || t(lang.get(), "Xuất kết quả đã ký")}</h3>
            <p class="muted small">
                {move || t(lang.get(), "Tệp JSON có chữ ký số của chi bộ (chuẩn W3C, eddsa-jcs-2022); cấp trên kiểm tra được tệp có bị sửa hay không. Tệp không chứa họ tên đảng viên.")}
            </p>
            {move || blocker.get().map(|b| view! { <p class="warn" data-testid="export-blocker">{move || {
                let lang = lang.get();
                tf(lang, "Chưa xuất được: {}.", &[&b.message(lang)])
            }}</p> })}
            {move || (!has_key()).then(|| view! { <p class="muted small">{move || t(lang.get(), "Lần xuất đầu tiên sẽ tạo khóa ký cho chi bộ trên thiết bị này.")}</p> })}
            <div class="row">
                <button type="button" class="primary" prop:disabled=move || blocker.with(Option::is_some) on:click=export>
                    {move || t(lang.get(), "Xuất tệp kết quả")}
                </button>
                <button type="button" on:click=move |_| print_now(printing)>{move || t(lang.get(), "In báo cáo (A4)")}</button>
                <Show when=can_share>
                    <button type="button" on:click=share>{move || t(lang.get(), "Chia sẻ tệp…")}</button>
                </Show>
            </div>
            <OutcomeMessage message=message testid="export-message"/>
        </section>
    }
}
