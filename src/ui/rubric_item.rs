//! One line of the sheet: a toggle, a choice of levels, or a value computed from the facts.

use leptos::prelude::*;

use super::i18n::{t, tf, Language};
use super::state::Store;
use std::collections::BTreeMap;

use crate::domain::meeting::Answer;
use crate::domain::report::MeetingReport;
use crate::domain::rubric::{Item, ItemKind};
use crate::domain::scoring::{ItemOutcome, ItemScore};

/// The item `item` of meeting `meeting_id`; `report` and `answers` are that meeting's.
#[component]
pub fn RubricItem(
    meeting_id: u32,
    item: Item,
    report: Memo<Option<MeetingReport>>,
    answers: Memo<Option<BTreeMap<String, Answer>>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let item_id = item.id.clone();
    // Memos: this line's views re-run only when this line's score or answer changes.
    let score = {
        let item_id = item_id.clone();
        let m = Memo::new(move |_| {
            report.with(|m| m.as_ref().and_then(|m| m.score.item(&item_id).cloned()))
        });
        move || m.get()
    };
    let answer = {
        let item_id = item_id.clone();
        let m =
            Memo::new(move |_| answers.with(|a| a.as_ref().and_then(|a| a.get(&item_id).cloned())));
        move || m.get()
    };
    let answer_with = {
        let item_id = item_id.clone();
        move |a: Option<Answer>| {
            let item_id = item_id.clone();
            store.edit(move |r| r.set_answer(meeting_id, &item_id, a))
        }
    };
    let name = format!("m{meeting_id}-{}", item.id);
    let outcome = move || score().map(|s| s.outcome);
    let not_applicable = move || {
        matches!(
            outcome(),
            Some(ItemOutcome::NotApplicableFull | ItemOutcome::Excluded)
        )
    };
    let points_text = {
        move || match score() {
            Some(ItemScore {
                outcome: ItemOutcome::Excluded,
                ..
            }) => t(lang.get(), "không tính").to_string(),
            Some(s) => format!("{}/{}", s.points, s.max),
            None => String::new(),
        }
    };
    let note = {
        move || match outcome() {
            Some(ItemOutcome::NotApplicableFull) => {
                t(lang.get(), "Không áp dụng cho buổi này: được đủ điểm.").to_string()
            }
            Some(ItemOutcome::Excluded) => t(
                lang.get(),
                "Không áp dụng cho buổi này: không tính vào tổng.",
            )
            .to_string(),
            // The band is the rubric's text.
            Some(ItemOutcome::Derived { band }) => tf(lang.get(), "Tự tính: {}", &[&band]),
            Some(ItemOutcome::DerivedMissing) => {
                t(lang.get(), "Tự tính khi đã nhập đủ số liệu.").to_string()
            }
            _ => String::new(),
        }
    };
    let control = match item.kind {
        ItemKind::Toggle => {
            let (yes, no) = (answer_with.clone(), answer_with.clone());
            let (a1, a2) = (answer, answer);
            let (na1, na2) = (not_applicable, not_applicable);
            view! {
                <div class="choices" role="radiogroup" aria-label=item.title.clone()>
                    <label class="radio">
                        <input type="radio" name=name.clone() id=format!("{name}-yes")
                            prop:checked=move || a1() == Some(Answer::Toggle(true))
                            prop:disabled=na1
                            on:change=move |_| yes(Some(Answer::Toggle(true)))/>
                        {move || t(lang.get(), " Đạt")}
                    </label>
                    <label class="radio">
                        <input type="radio" name=name.clone() id=format!("{name}-no")
                            prop:checked=move || a2() == Some(Answer::Toggle(false))
                            prop:disabled=na2
                            on:change=move |_| no(Some(Answer::Toggle(false)))/>
                        {move || t(lang.get(), " Chưa đạt")}
                    </label>
                </div>
            }
            .into_any()
        }
        ItemKind::Levels => view! {
            <div class="choices levels" role="radiogroup" aria-label=item.title.clone()>
                {item.options.iter().map(|o| {
                    let chosen = Answer::Level(o.id.clone());
                    let pick = answer_with.clone();
                    let a = answer;
                    let na = not_applicable;
                    let c2 = chosen.clone();
                    let points = o.points;
                    view! {
                        <label class="radio">
                            <input type="radio" name=name.clone() id=format!("{name}-{}", o.id)
                                prop:checked=move || a().as_ref() == Some(&c2)
                                prop:disabled=na
                                on:change=move |_| pick(Some(chosen.clone()))/>
                            " "<span lang="vi">{o.label.clone()}</span>{move || tf(lang.get(), " ({} điểm)", &[&points])}
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        ItemKind::Derived => ().into_any(),
    };
    let lost =
        move || score().is_some_and(|s| s.lost() > 0 && s.outcome != ItemOutcome::Unanswered);
    view! {
        <div class="item" class:lost=lost class:na=not_applicable data-testid=format!("item-{}", item_id)>
            <div class="item-head">
                <span class="item-title" lang="vi">{item.title.clone()}</span>
                <span class="item-points" data-testid="item-points">{points_text}</span>
            </div>
            <p class="guidance" lang="vi">{item.guidance.clone()}</p>
            {control}
            <p class="item-note">{note}</p>
        </div>
    }
}
