//! A short guided walk-through of the sheet for first-time users: one step per rubric group
//! (what it means, what earns the points). Skippable; the header's help button reopens it.

use leptos::prelude::*;

use super::browser::focus_soon;
use super::i18n::{t, tf, Language};
use super::state::Store;
use crate::storage::{self, keys::Key};

/// The walk-through's step: `None` closed, `Some(0)` the introduction, `Some(i)` group `i - 1`.
#[derive(Clone, Copy)]
pub struct Guide(pub RwSignal<Option<usize>>);

impl Guide {
    /// Closed, unless it was never seen (then an offer to start is shown).
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }
}

impl Default for Guide {
    fn default() -> Self {
        Self::new()
    }
}

/// The walk-through, and the first-visit offer.
#[component]
pub fn GuidePanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let Guide(step) = expect_context::<Guide>();
    let Language(lang) = expect_context::<Language>();
    let seen = RwSignal::new(matches!(
        storage::load::<bool>(Key::GuideSeen),
        Ok(Some(true))
    ));
    let heading = NodeRef::<leptos::html::H2>::new();
    // Move keyboard focus to each step's heading, so screen readers read the new step.
    Effect::new(move |_| {
        if step.get().is_some() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    let close = move || {
        step.set(None);
        seen.set(true);
        let _ = storage::save(Key::GuideSeen, &true);
        // The guide leaves with the focused button: on to the sheet it explained.
        focus_soon("quarter-title");
    };
    let groups = move || {
        store
            .rubric
            .with(|r| r.as_ref().map(|r| r.groups().to_vec()).unwrap_or_default())
    };
    let count = move || groups().len();
    view! {
        <Show when=move || step.get().is_none() && !seen.get()>
            <section class="card guide-offer" aria-labelledby="guide-offer-title" data-testid="guide-offer">
                <h2 id="guide-offer-title">{move || t(lang.get(), "Lần đầu dùng?")}</h2>
                <p>{move || t(lang.get(), "Xem nhanh từng nhóm tiêu chí: ý nghĩa và cách được điểm (khoảng 2 phút).")}</p>
                <div class="row">
                    <button type="button" class="primary" on:click=move |_| step.set(Some(0))>{move || t(lang.get(), "Xem hướng dẫn")}</button>
                    <button type="button" on:click=move |_| close()>{move || t(lang.get(), "Bỏ qua")}</button>
                </div>
            </section>
        </Show>
        {move || step.get().map(|i| {
            let total = count();
            let body = if i == 0 {
                view! {
                    <h2 id="guide-title" tabindex="-1" node_ref=heading>{move || t(lang.get(), "Hướng dẫn: phiếu tự đánh giá")}</h2>
                    <p>{move || t(lang.get(), "Mỗi buổi sinh hoạt trong quý có một phiếu chấm 100 điểm. Nhập số liệu thật của buổi họp (ngày, thời lượng, số đảng viên có mặt, số đảng viên phát biểu): các mục thời gian, dự họp và thảo luận được ứng dụng tự tính. Các mục còn lại chọn Đạt/Chưa đạt hoặc chọn mức.")}</p>
                    <p>{move || t(lang.get(), "Điểm quý là bình quân các buổi sinh hoạt thường kỳ; xếp loại Tốt, Khá, Trung bình, Kém theo bộ tiêu chí. Dữ liệu được lưu ngay trên thiết bị sau mỗi lần chọn.")}</p>
                }
                .into_any()
            } else {
                let g = groups().get(i - 1).cloned();
                match g {
                    None => view! { <h2 id="guide-title" tabindex="-1" node_ref=heading>{move || t(lang.get(), "Hết hướng dẫn")}</h2> }.into_any(),
                    // The rubric's own texts stay in its language (Vietnamese).
                    Some(g) => view! {
                        <h2 id="guide-title" tabindex="-1" node_ref=heading>
                            <span lang="vi">{g.title.clone()}</span>
                            {move || tf(lang.get(), " ({} điểm)", &[&g.max_points])}
                        </h2>
                        <p lang="vi">{g.guidance.clone()}</p>
                        <ul class="guide-items">
                            {g.items.into_iter().map(|it| view! {
                                <li><strong><span lang="vi">{it.title}</span>{move || tf(lang.get(), " – tối đa {} điểm.", &[&it.max_points])}</strong>" "<span lang="vi">{it.guidance}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            };
            view! {
                <section class="card guide" aria-labelledby="guide-title" data-testid="guide">
                    <p class="muted small">{move || tf(lang.get(), "Bước {}/{}", &[&(i + 1), &(total + 1)])}</p>
                    {body}
                    <div class="row">
                        <button type="button" prop:disabled=i == 0 on:click=move |_| step.set(Some(i.saturating_sub(1)))>{move || t(lang.get(), "← Trước")}</button>
                        {if i < total {
                            view! { <button type="button" class="primary" on:click=move |_| step.set(Some(i + 1))>{move || t(lang.get(), "Tiếp →")}</button> }.into_any()
                        } else {
                            view! { <button type="button" class="primary" on:click=move |_| close()>{move || t(lang.get(), "Bắt đầu chấm")}</button> }.into_any()
                        }}
                        <button type="button" on:click=move |_| close()>{move || t(lang.get(), "Đóng hướng dẫn")}</button>
                    </div>
                </section>
            }
        })}
    }
}
