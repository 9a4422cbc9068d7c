//! The offer to move the open quarter to a newer version of its rubric.

use leptos::prelude::*;

use super::browser::focus_soon;
use super::i18n::{decimal, t, tf, Bilingual, Label, Language};
use super::state::Store;
use crate::domain::rating::Rating;
use crate::domain::report::{format_tenths, move_preview, MovePreview};

/// Shown when this build has a newer version of the open quarter's rubric and every answer
/// carries over. A quarter keeps the rubric it started with unless the secretary moves it:
/// a district would otherwise compare cells scored by two rules in the same quarter. The move
/// asks for a confirmation that shows what it changes (the quarter's score and rating, and a
/// result already sent that no longer matches).
#[component]
pub fn RubricUpgrade() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    // (from version, to, the new version's description), when the move is possible.
    let offer = Memo::new(move |_| {
        store.record.with(|r| {
            let r = r.as_ref()?;
            store.catalog.with_value(|c| {
                let newer = c.newer_version(&r.rubric)?;
                r.can_move_to(newer).ok()?;
                Some((
                    r.rubric.version,
                    newer.reference().clone(),
                    newer.file().description.clone(),
                ))
            })
        })
    });
    let preview = move || -> Option<(MovePreview, bool)> {
        let (_, to, _) = offer.get()?;
        let to = store.catalog.with_value(|c| c.get(&to).cloned())?;
        let officers = store.profile.with(|p| p.officers);
        store.rubric.with(|from| {
            let from = from.as_ref()?;
            store.record.with(|r| {
                let r = r.as_ref()?;
                Some((
                    move_preview(from, &to, r, officers),
                    r.last_export.is_some(),
                ))
            })
        })
    };
    let result_text = move |(average, rating): (Option<u32>, Option<Rating>)| {
        let lang = lang.get();
        match (average, rating) {
            (Some(a), Some(r)) => {
                format!("{} · {}", decimal(lang, format_tenths(a)), r.label(lang))
            }
            _ => t(lang, "Chưa xếp loại").to_string(),
        }
    };
    let move_now = move |_| {
        let Some((_, to, _)) = offer.get_untracked() else {
            return;
        };
        let Some(rubric) = store.catalog.with_value(|c| c.get(&to).cloned()) else {
            return;
        };
        match store.move_to(&rubric) {
            Ok(()) => {
                failed.set(None);
                confirming.set(false);
                focus_soon("quarter-title");
            }
            Err(e) => failed.set(Some(e.message(lang.get_untracked()))),
        }
    };
    move || {
        offer.get().map(|(from, to, description)| {
            let version = to.version;
            view! {
                <div class="notice warning" data-testid="rubric-upgrade">
                    <p>{move || tf(lang.get(), "Bộ tiêu chí này đã có phiên bản {}; quý này đang chấm theo phiên bản {}.", &[&version, &from])}</p>
                    <p class="small" lang="vi">{description}</p>
                    <p class="small">{move || t(lang.get(), "Số liệu và câu trả lời được giữ nguyên; điểm và xếp loại được tính lại theo phiên bản mới, như các chi bộ bắt đầu quý này với phiên bản mới.")}</p>
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="small-btn" id="rubric-upgrade-start" on:click=move |_| {
                                confirming.set(true);
                                focus_soon("rubric-upgrade-confirm");
                            }>
                                {move || tf(lang.get(), "Chuyển quý này sang phiên bản {}", &[&version])}
                            </button>
                        }
                    >
                        {move || preview().map(|(p, exported)| view! {
                            <p data-testid="rubric-upgrade-preview">{move || tf(lang.get(), "Kết quả quý: {} → {}", &[&result_text(p.before), &result_text(p.after)])}</p>
                            {exported.then(|| view! {
                                <p class="small"><strong>{move || t(lang.get(), "Tệp kết quả đã xuất sẽ không còn khớp: sau khi chuyển, hãy xuất và gửi lại.")}</strong></p>
                            })}
                        })}
                        <div class="row">
                            <button type="button" class="small-btn" id="rubric-upgrade-confirm" on:click=move_now>
                                {move || t(lang.get(), "Xác nhận chuyển")}
                            </button>
                            <button type="button" class="small-btn" on:click=move |_| {
                                confirming.set(false);
                                focus_soon("rubric-upgrade-start");
                            }>
                                {move || t(lang.get(), "Huỷ")}
                            </button>
                        </div>
                    </Show>
                    {move || failed.get().map(|e| view! { <p class="field-msg" role="alert">{e}</p> })}
                </div>
            }
        })
    }
}
