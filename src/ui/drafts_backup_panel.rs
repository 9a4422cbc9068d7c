//! The drafts backup: every quarter of this device (and the cell profile) saved to one file, and
//! restored from it on another device, with nothing overwritten unseen (`domain::drafts_backup`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{download, local_date, now_iso, read_text, take_chosen_files, today};
use super::i18n::{t, tf, Bilingual, Language};
use super::outcome_message::{Outcome, OutcomeMessage};
use super::state::Store;
use crate::domain::date::display_date;
use crate::domain::drafts_backup::{
    file_name, read_backup, write_backup, BackupMeta, Change, DraftsBackup, QuarterPlan,
    RestorePlan, MAX_BACKUP_BYTES,
};
use crate::domain::quarter::QuarterId;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A backup file read and compared with the device, waiting for the user's go.
#[derive(Clone)]
struct Pending {
    file_name: String,
    backup: DraftsBackup,
    plan: RestorePlan,
}

/// "Sao lưu dữ liệu chấm điểm": save the file, or restore from one after seeing what it changes.
#[component]
pub fn DraftsBackupPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let save_msg: Outcome = RwSignal::new(None);
    let restore_msg: Outcome = RwSignal::new(None);
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let replace: RwSignal<Vec<QuarterId>> = RwSignal::new(Vec::new());
    let replace_profile = RwSignal::new(false);
    // Which choice of file is the latest: a slow read of an earlier one must not win.
    let chosen = StoredValue::new(0u32);

    let save = move |_| {
        let lang = lang.get_untracked();
        // The file is made from the device: a change it could not take would be missing, and
        // the file said to be complete.
        if store.unsaved() {
            save_msg.set(Some(Err(t(lang, "Thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị, nên tệp sao lưu sẽ thiếu nó: hãy giải phóng bộ nhớ và lưu lại trước khi sao lưu.").into())));
            return;
        }
        let profile = store.profile.get_untracked();
        let quarters = store.all_quarters();
        let meta = BackupMeta {
            created: now_iso(),
            app_version: APP_VERSION.into(),
            training: store.training(),
        };
        let result = write_backup(&profile, &quarters, &meta)
            .map_err(|_| t(lang, "Không tạo được tệp sao lưu.").to_string())
            .and_then(|text| {
                let name = file_name(&profile.name, today(), meta.training);
                download(lang, &name, &text, "application/json").map(|_| {
                    tf(
                        lang,
                        "Đã lưu tệp «{}» ({} quý). Hãy cất tệp ở nơi an toàn, ngoài điện thoại.",
                        &[&name, &quarters.len()],
                    )
                })
            });
        save_msg.set(Some(result));
    };

    let choose = move |ev: leptos::ev::Event| {
        let lang = lang.get_untracked();
        pending.set(None);
        restore_msg.set(None);
        replace.set(Vec::new());
        replace_profile.set(false);
        chosen.update_value(|n| *n += 1);
        let this = chosen.get_value();
        let Some(file) = take_chosen_files(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let read = read_text(lang, &file, MAX_BACKUP_BYTES as f64)
                .await
                .and_then(|text| read_backup(&text, store.training()).map_err(|e| e.message(lang)));
            if chosen.get_value() != this {
                return;
            }
            match read {
                Ok(backup) => {
                    let plan = store.restore_plan(&backup);
                    pending.set(Some(Pending {
                        file_name: file.name(),
                        backup,
                        plan,
                    }));
                }
                Err(e) => restore_msg.set(Some(Err(format!("«{}»: {e}", file.name())))),
            }
        });
    };

    let restore = move |_| {
        let lang = lang.get_untracked();
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let restored = store.restore(
            &p.backup,
            &replace.get_untracked(),
            replace_profile.get_untracked(),
        );
        let Ok(done) = restored else {
            restore_msg.set(Some(Err(t(lang, "Thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị: hãy giải phóng bộ nhớ và lưu lại trước khi khôi phục.").into())));
            return;
        };
        pending.set(None);
        let mut text = tf(
            lang,
            "Đã khôi phục: thêm {} quý, thay {} quý{}.",
            &[
                &done.added,
                &done.replaced,
                &if done.profile {
                    t(lang, ", lấy thông tin chi bộ trong tệp")
                } else {
                    ""
                },
            ],
        );
        if done.replaced > 0 {
            text.push(' ');
            text.push_str(t(
                lang,
                "Bản cũ trên máy được giữ lại trong bộ nhớ của trình duyệt, không bị xoá.",
            ));
        }
        restore_msg.set(Some(match done.failed {
            None => Ok(text),
            Some(_) => Err(tf(
                lang,
                "Không ghi hết được vào thiết bị (bộ nhớ của trình duyệt đầy hoặc bị chặn): hãy giải phóng bộ nhớ rồi khôi phục lại. Phần đã ghi: {}",
                &[&text],
            )),
        }));
    };

    let quarter_line = move |q: QuarterPlan| {
        let lang = lang.get();
        let name = tf(
            lang,
            "Quý {}/{}",
            &[&q.quarter.quarter(), &q.quarter.year()],
        );
        let count = |p: Option<crate::domain::report::Progress>| {
            p.map(|p| tf(lang, "{}/{} mục", &[&p.answered, &p.required]))
                .unwrap_or_default()
        };
        let what = match (q.restorable(), q.change) {
            (false, _) => t(
                lang,
                "bộ tiêu chí của quý này không có trong phiên bản ứng dụng này: bỏ qua",
            )
            .to_string(),
            (_, Change::New) => tf(
                lang,
                "chưa có trên máy: sẽ thêm ({} đã trả lời)",
                &[&count(q.in_file)],
            ),
            (_, Change::Same) => t(lang, "giống hệt bản trên máy").to_string(),
            (_, Change::Differs) => tf(
                lang,
                "khác bản trên máy (trên máy: {}; trong tệp: {})",
                &[&count(q.on_device), &count(q.in_file)],
            ),
        };
        let id = format!("replace-{}", q.quarter);
        let quarter = q.quarter;
        view! {
            <li data-testid="restore-quarter">
                <strong>{name}</strong>": "{what}
                {(q.restorable() && q.change == Change::Differs).then(|| view! {
                    <label class="check">
                        <input type="checkbox" id=id
                            prop:checked=move || replace.with(|r| r.contains(&quarter))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                replace.update(|r| {
                                    r.retain(|x| *x != quarter);
                                    if on { r.push(quarter); }
                                });
                            }/>
                        {t(lang, " Thay bản trên máy bằng bản trong tệp")}
                    </label>
                })}
            </li>
        }
    };

    view! {
        <section class="card" aria-labelledby="drafts-backup-title" data-testid="drafts-backup">
            <h2 id="drafts-backup-title">{move || t(lang.get(), "Sao lưu dữ liệu chấm điểm")}</h2>
            <p class="muted small">{move || t(lang.get(), "Thông tin chi bộ và mọi quý đã chấm trên thiết bị này, trong một tệp: để chuyển sang máy khác, hoặc phòng khi trình duyệt xoá dữ liệu. Tệp không có chữ ký và không có khóa ký (khóa có tệp sao lưu riêng); tệp có tên bí thư, nên đừng gửi cho cấp trên.")}</p>
            <button type="button" on:click=save>{move || t(lang.get(), "Lưu tệp sao lưu dữ liệu")}</button>
            <OutcomeMessage message=save_msg testid="drafts-save-message"/>
            <div class="field">
                <label for="drafts-file">{move || t(lang.get(), "Khôi phục từ tệp sao lưu dữ liệu")}</label>
                <input id="drafts-file" type="file" accept=".json,application/json" on:change=choose/>
            </div>
            {move || pending.get().map(|p| {
                let lang = lang.get();
                let profile = p.plan.profile.map(|change| match change {
                    Change::New => view! { <p>{t(lang, "Thông tin chi bộ: chưa có trên máy, sẽ lấy từ tệp.")}</p> }.into_any(),
                    Change::Same => view! { <p>{t(lang, "Thông tin chi bộ: giống hệt trên máy.")}</p> }.into_any(),
                    Change::Differs => view! {
                        <p>{t(lang, "Thông tin chi bộ: khác trên máy.")}</p>
                        <label class="check">
                            <input type="checkbox" id="replace-profile" prop:checked=replace_profile
                                on:change=move |ev| replace_profile.set(event_target_checked(&ev))/>
                            {t(lang, " Thay thông tin chi bộ trên máy bằng thông tin trong tệp")}
                        </label>
                    }.into_any(),
                });
                view! {
                    <div class="restore-plan" data-testid="restore-plan">
                        <p>{tf(lang, "«{}», lưu ngày {}, có {} quý:", &[&p.file_name, &local_date(&p.backup.created).map(display_date).unwrap_or(p.backup.created.clone()), &p.backup.quarters.len()])}</p>
                        {profile}
                        <ul>{p.plan.quarters.into_iter().map(quarter_line).collect_view()}</ul>
                        <p class="muted small">{t(lang, "Quý khác bản trên máy chỉ bị thay khi bạn đánh dấu; bản trên máy khi đó được giữ lại.")}</p>
                        <button type="button" class="primary" on:click=restore>{t(lang, "Khôi phục")}</button>
                        " "
                        <button type="button" on:click=move |_| pending.set(None)>{t(lang, "Huỷ")}</button>
                    </div>
                }
            })}
            <OutcomeMessage message=restore_msg testid="drafts-restore-message"/>
        </section>
    }
}
