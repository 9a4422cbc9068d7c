//! Tells the user how the app works offline, whether storage is persistent, and when a new
//! version is ready.

use leptos::prelude::*;

use super::i18n::{t, Language};
use super::pwa::Pwa;
use super::session::Session;

/// The update banner (shown at the top when a new version waits).
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let pwa = expect_context::<Pwa>();
    let Language(lang) = expect_context::<Language>();
    let session = expect_context::<Session>();
    let refused = RwSignal::new(false);
    // Switching reloads the page: a change the device could not take lives only on the screen.
    let update = move |_| {
        if session.unsaved() {
            refused.set(true);
        } else {
            pwa.update_now();
        }
    };
    view! {
        <Show when=move || pwa.update_ready.get()>
            <p class="notice ok" role="status" data-testid="update-ready">
                {move || t(lang.get(), "Đã có phiên bản mới của ứng dụng. Dữ liệu đã lưu không bị ảnh hưởng. ")}
                <button type="button" class="small-btn" on:click=update>{move || t(lang.get(), "Dùng phiên bản mới")}</button>
            </p>
            {move || refused.get().then(|| view! {
                <p class="notice error" role="alert">{move || t(lang.get(), "Chưa chuyển phiên bản: thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị và sẽ mất khi tải lại. Hãy giải phóng bộ nhớ rồi sửa lại một ô để lưu trước.")}</p>
            })}
        </Show>
    }
}

/// Offline and storage status, with the reminder to keep the key backup.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let pwa = expect_context::<Pwa>();
    let Language(lang) = expect_context::<Language>();
    view! {
        <section class="card" aria-labelledby="offline-title" data-testid="offline-status">
            <h2 id="offline-title">{move || t(lang.get(), "Dùng khi không có mạng")}</h2>
            <p>{move || if pwa.offline_capable.get() {
                t(lang.get(), "Sau lần mở đầu tiên, ứng dụng mở và dùng được cả khi mất mạng. Có thể cài lên màn hình chính.")
            } else {
                t(lang.get(), "Trình duyệt này không hỗ trợ dùng ngoại tuyến; hãy giữ kết nối khi mở ứng dụng.")
            }}</p>
            <p data-testid="persist-status">{move || match pwa.persisted.get().as_deref() {
                Some("granted") => t(lang.get(), "Trình duyệt đã cho phép lưu lâu dài: dữ liệu không bị xoá khi máy thiếu bộ nhớ."),
                Some("denied") => t(lang.get(), "Trình duyệt chưa cho phép lưu lâu dài: khi máy thiếu bộ nhớ, dữ liệu có thể bị xoá. Hãy cài ứng dụng lên màn hình chính và lưu tệp sao lưu dữ liệu thường xuyên."),
                Some(_) => t(lang.get(), "Trình duyệt không hỗ trợ yêu cầu lưu lâu dài."),
                None => t(lang.get(), "Đang hỏi trình duyệt về lưu lâu dài…"),
            }}</p>
            <p class="muted small">{move || t(lang.get(), "Hãy luôn giữ tệp sao lưu khóa ký và tệp sao lưu dữ liệu ở nơi an toàn (ngoài điện thoại).")}</p>
        </section>
    }
}
