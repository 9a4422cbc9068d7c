//! The offer to move the open quarter to a newer version of its rubric.

use leptos::prelude::*;

use super::browser::focus_soon;
use super::i18n::{t, tf, Bilingual, Language};
use super::state::Store;

/// Shown when this build has a newer version of the open quarter's rubric and every answer
/// carries over. A quarter keeps the rubric it started with unless the secretary moves it:
/// a district would otherwise compare cells scored by two rules in the same quarter.
#[component]
pub fn RubricUpgrade() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    // (from version, to version, the new version's description), when the move is possible.
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
                    <button type="button" class="small-btn" on:click=move_now>
                        {move || tf(lang.get(), "Chuyển quý này sang phiên bản {}", &[&version])}
                    </button>
                    {move || failed.get().map(|e| view! { <p class="field-msg" role="alert">{e}</p> })}
                </div>
            }
        })
    }
}
