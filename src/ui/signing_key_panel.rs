//! The cell's signing key: its public identity, the encrypted backup, restore and replacement.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{chosen_files, copy_text, download, now_iso, random, read_text};
use super::i18n::{t, tf, Bilingual, Language};
use super::outcome_message::{Outcome, OutcomeMessage};
use super::state::Store;
use crate::domain::cell_key::CellKey;
use crate::domain::key_backup::{
    check_workspace, create_backup, file_name as key_backup_file_name, open_backup, parse_backup,
    MIN_PASSPHRASE_CHARS,
};
use crate::domain::slug::slug;
use crate::domain::training::NO_BACKUP_NEEDED;

/// Key identity, backup, restore and replace.
#[component]
pub fn SigningKeyPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let pass1 = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let backup_msg: Outcome = RwSignal::new(None);
    let restore_msg: Outcome = RwSignal::new(None);
    let replace_msg: Outcome = RwSignal::new(None);
    let restore_text: RwSignal<Option<String>> = RwSignal::new(None);
    let restore_pass = RwSignal::new(String::new());
    let replace_ok = RwSignal::new(false);
    let restore_over_ok = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let did = move || store.key.with(|k| k.as_ref().and_then(CellKey::did));
    let fingerprint = move || {
        store
            .key
            .with(|k| k.as_ref().and_then(CellKey::fingerprint))
    };
    let backed_up = move || {
        store
            .key
            .with(|k| k.as_ref().and_then(|k| k.backup_saved.clone()))
    };

    let create = move |_| {
        let lang = lang.get_untracked();
        let result = random::<32>().map_err(|e| e.message(lang)).and_then(|s| {
            store
                .set_key(CellKey::new(s, &now_iso()))
                .map_err(|e| e.message(lang))
        });
        replace_msg.set(result.err().map(Err));
    };

    let save_backup = move |_| {
        let lang = lang.get_untracked();
        let (a, b) = (pass1.get_untracked(), pass2.get_untracked());
        if a != b {
            backup_msg.set(Some(Err(t(
                lang,
                "Hai lần nhập mật khẩu không giống nhau.",
            )
            .into())));
            return;
        }
        if a.chars().count() < MIN_PASSPHRASE_CHARS {
            backup_msg.set(Some(Err(tf(
                lang,
                "Mật khẩu phải có ít nhất {} ký tự.",
                &[&MIN_PASSPHRASE_CHARS],
            ))));
            return;
        }
        busy.set(true);
        backup_msg.set(Some(Ok(t(
            lang,
            "Đang mã hoá khóa (vài giây trên điện thoại)…",
        )
        .into())));
        // Let the message paint before the deliberately slow key derivation runs.
        set_timeout(
            move || {
                let result = (|| -> Result<String, String> {
                    let mut key = store
                        .key
                        .get_untracked()
                        .ok_or(t(lang, "Chưa có khóa để sao lưu."))?;
                    let signing = key
                        .signing_key()
                        .ok_or(t(lang, "Khóa lưu trên thiết bị bị hỏng."))?;
                    let now = now_iso();
                    let salt = random::<16>().map_err(|e| e.message(lang))?;
                    let nonce = random::<12>().map_err(|e| e.message(lang))?;
                    let mut backup = create_backup(&signing, &a, salt, nonce, &now)
                        .map_err(|e| e.message(lang))?;
                    backup.training = store.training();
                    let text = serde_json::to_string_pretty(&backup).map_err(|e| e.to_string())?;
                    let cell = store.profile.with_untracked(|p| slug(&p.name));
                    let name = key_backup_file_name(&cell, &backup);
                    download(lang, &name, &text, "application/json")?;
                    key.backup_saved = Some(now);
                    store.set_key(key).map_err(|e| e.message(lang))?;
                    Ok(tf(lang, "Đã lưu tệp «{}». Hãy cất tệp này và nhớ mật khẩu: mất cả hai thì không khôi phục được khóa.", &[&name]))
                })();
                pass1.set(String::new());
                pass2.set(String::new());
                busy.set(false);
                backup_msg.set(Some(result));
            },
            Duration::from_millis(30),
        );
    };

    let choose_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_files(&ev).into_iter().next() else {
            return;
        };
        let lang = lang.get_untracked();
        spawn_local(async move {
            match read_text(lang, &file, 64.0 * 1024.0).await {
                Ok(t) => {
                    restore_text.set(Some(t));
                    restore_msg.set(None);
                }
                Err(e) => restore_msg.set(Some(Err(e))),
            }
        });
    };

    let restore = move |_| {
        let lang = lang.get_untracked();
        let Some(text) = restore_text.get_untracked() else {
            restore_msg.set(Some(Err(t(lang, "Hãy chọn tệp sao lưu khóa.").into())));
            return;
        };
        let backup = match parse_backup(&text).and_then(|b| {
            check_workspace(&b, store.training())?;
            Ok(b)
        }) {
            Ok(b) => b,
            Err(e) => return restore_msg.set(Some(Err(e.message(lang)))),
        };
        let current = did();
        if current.as_ref().is_some_and(|d| d != &backup.did) && !restore_over_ok.get_untracked() {
            restore_msg.set(Some(Err(t(
                lang,
                "Thiết bị đang có một khóa khác. Đánh dấu ô xác nhận thay khóa rồi thử lại.",
            )
            .into())));
            return;
        }
        busy.set(true);
        restore_msg.set(Some(Ok(t(lang, "Đang giải mã…").into())));
        let pass = restore_pass.get_untracked();
        set_timeout(
            move || {
                let result = open_backup(&backup, &pass)
                    .map_err(|e| e.message(lang))
                    .and_then(|k| {
                        store
                            .set_key(CellKey::restored(&k, &now_iso()))
                            .map_err(|e| e.message(lang))
                    })
                    .map(|_| tf(lang, "Đã khôi phục khóa {}.", &[&backup.fingerprint]));
                busy.set(false);
                restore_pass.set(String::new());
                restore_msg.set(Some(result));
            },
            Duration::from_millis(30),
        );
    };

    let replace = move |_| {
        let lang = lang.get_untracked();
        if !replace_ok.get_untracked() {
            replace_msg.set(Some(Err(t(lang, "Hãy đánh dấu ô xác nhận trước.").into())));
            return;
        }
        let result = random::<32>().map_err(|e| e.message(lang)).and_then(|s| {
            store
                .set_key(CellKey::new(s, &now_iso()))
                .map_err(|e| e.message(lang))
        });
        replace_ok.set(false);
        replace_msg.set(Some(result.map(|_| {
            t(
                lang,
                "Đã tạo khóa mới. Hãy lưu tệp sao lưu và báo dấu vân tay mới cho cấp trên.",
            )
            .to_string()
        })));
    };

    view! {
        <section class="card" aria-labelledby="key-title" id="signing-key">
            <h2 id="key-title">{move || t(lang.get(), "Khóa ký của chi bộ")}</h2>
            <Show
                when=move || did().is_some()
                fallback=move || view! {
                    <p>{move || t(lang.get(), "Chưa có khóa ký. Khóa được tạo trên thiết bị này khi xuất kết quả lần đầu, hoặc khôi phục từ tệp sao lưu.")}</p>
                    <button type="button" on:click=create>{move || t(lang.get(), "Tạo khóa ngay")}</button>
                }
            >
                <dl class="key-id">
                    <dt>{move || t(lang.get(), "Định danh (did:key)")}</dt>
                    <dd>
                        <code data-testid="key-did">{did}</code>
                        " "
                        <button type="button" class="small-btn" on:click=move |_| {
                            if let Some(d) = did() {
                                spawn_local(async move {
                                    let lang = lang.get_untracked();
                                    let r = copy_text(lang, &d).await.map(|_| t(lang, "Đã sao chép định danh khóa.").to_string());
                                    replace_msg.set(Some(r));
                                });
                            }
                        }>{move || t(lang.get(), "Sao chép")}</button>
                    </dd>
                    <dt>{move || t(lang.get(), "Dấu vân tay (đọc cho cấp trên đối chiếu)")}</dt>
                    <dd><strong data-testid="key-fingerprint">{fingerprint}</strong></dd>
                </dl>
                <p data-testid="backup-status" class=move || if backed_up().is_some() { "ok-text" } else { "warn" }>
                    {move || match backed_up() {
                        // A training key needs no backup: none was saved, none is said to be.
                        Some(at) if at.contains(NO_BACKUP_NEEDED) => t(lang.get(), "Khóa tập huấn: không cần tệp sao lưu.").to_string(),
                        Some(at) => tf(lang.get(), "Đã lưu tệp sao lưu khóa ({}).", &[&at]),
                        None => t(lang.get(), "Chưa lưu tệp sao lưu khóa. Phải lưu trước lần xuất đầu tiên.").to_string(),
                    }}
                </p>
                <h3>{move || t(lang.get(), "Lưu tệp sao lưu khóa")}</h3>
                <p class="muted small">{move || t(lang.get(), "Tệp được mã hoá bằng mật khẩu của bạn. Khóa bí mật không bao giờ rời thiết bị theo cách khác.")}</p>
                <div class="grid">
                    <div class="field">
                        <label for="backup-pass">{move || t(lang.get(), "Mật khẩu cho tệp sao lưu")}</label>
                        <input id="backup-pass" type="password" autocomplete="new-password" prop:value=pass1
                            on:input=move |ev| pass1.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="backup-pass2">{move || t(lang.get(), "Nhập lại mật khẩu")}</label>
                        <input id="backup-pass2" type="password" autocomplete="new-password" prop:value=pass2
                            on:input=move |ev| pass2.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="button" class="primary" prop:disabled=busy on:click=save_backup>{move || t(lang.get(), "Lưu tệp sao lưu khóa")}</button>
                <OutcomeMessage message=backup_msg testid="backup-message"/>
            </Show>
            <details class="sub">
                <summary><h3>{move || t(lang.get(), "Khôi phục khóa từ tệp sao lưu")}</h3></summary>
                <div class="field">
                    <label for="restore-file">{move || t(lang.get(), "Tệp sao lưu khóa")}</label>
                    <input id="restore-file" type="file" accept=".json,application/json" on:change=choose_file/>
                </div>
                <div class="field">
                    <label for="restore-pass">{move || t(lang.get(), "Mật khẩu của tệp")}</label>
                    <input id="restore-pass" type="password" autocomplete="current-password" prop:value=restore_pass
                        on:input=move |ev| restore_pass.set(event_target_value(&ev))/>
                </div>
                <Show when=move || did().is_some()>
                    <label class="check">
                        <input type="checkbox" id="restore-over" prop:checked=restore_over_ok
                            on:change=move |ev| restore_over_ok.set(event_target_checked(&ev))/>
                        {move || t(lang.get(), " Tôi hiểu khóa hiện tại trên thiết bị sẽ bị thay")}
                    </label>
                </Show>
                <button type="button" prop:disabled=busy on:click=restore>{move || t(lang.get(), "Khôi phục")}</button>
                <OutcomeMessage message=restore_msg testid="restore-message"/>
            </details>
            <Show when=move || did().is_some()>
                <details class="sub">
                    <summary><h3>{move || t(lang.get(), "Thay khóa mới")}</h3></summary>
                    <p class="warn">{move || t(lang.get(), "Cảnh báo: sau khi thay, các tệp ký bằng khóa mới chỉ được cấp trên chấp nhận khi đã đăng ký dấu vân tay mới. Khóa cũ bị xoá khỏi thiết bị; chỉ còn trong tệp sao lưu cũ (nếu có).")}</p>
                    <label class="check">
                        <input type="checkbox" id="replace-ok" prop:checked=replace_ok
                            on:change=move |ev| replace_ok.set(event_target_checked(&ev))/>
                        {move || t(lang.get(), " Tôi hiểu và muốn thay khóa")}
                    </label>
                    <button type="button" class="danger" on:click=replace>{move || t(lang.get(), "Tạo khóa mới thay thế")}</button>
                </details>
            </Show>
            <OutcomeMessage message=replace_msg testid="key-message"/>
        </section>
    }
}
