//! One meeting's score sheet: its kind and month, facts, items, live score and completion.

use leptos::prelude::*;

use super::browser::focus_soon;
use super::facts_form::FactsForm;
use super::i18n::{t, tf, Label, Language};
use super::meeting_summary::MeetingSummary;
use super::progress_bar::ProgressBar;
use super::rubric_item::RubricItem;
use super::state::Store;
use crate::domain::meeting::MeetingKind;
use crate::domain::report::{MeetingReport, SheetStatus};

/// The sheet for `meeting_id` of the open quarter.
#[component]
pub fn MeetingSheet(meeting_id: u32) -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let Some(rubric) = store.rubric.get_untracked() else {
        return ().into_any();
    };
    let months = store
        .record
        .with_untracked(|r| r.as_ref().map(|r| r.quarter.months()).unwrap_or([1, 2, 3]));
    // This meeting's slice of the record and of the report. Everything below reads these memos,
    // not the whole quarter: an answer in one sheet then wakes only that sheet's views, and the
    // quarter-wide signals keep a handful of subscribers (see docs/benchmarks.md, answer cost).
    let meeting = Memo::new(move |_| {
        store
            .record
            .with(|r| r.as_ref().and_then(|r| r.meeting(meeting_id).cloned()))
    });
    let meeting_report = Memo::new(move |_| {
        store
            .report
            .with(|r| r.as_ref().and_then(|r| r.meeting(meeting_id).cloned()))
    });
    let answers = Memo::new(move |_| meeting.with(|m| m.as_ref().map(|m| m.answers.clone())));
    let kind = move || meeting.with(|m| m.as_ref().map(|m| m.kind).unwrap_or(MeetingKind::Regular));
    let month = move || meeting.with(|m| m.as_ref().map(|m| m.month).unwrap_or(0));
    let report = move |f: &dyn Fn(&MeetingReport) -> String| {
        meeting_report.with(|m| m.as_ref().map(f).unwrap_or_default())
    };
    let progress = Signal::derive(move || {
        meeting_report.with(|m| m.as_ref().map(|m| m.progress).unwrap_or_default())
    });
    let can_complete =
        move || meeting_report.with(|m| m.as_ref().is_some_and(|m| m.can_complete()));
    let status = move || meeting_report.with(|m| m.as_ref().map(|m| m.status));
    let confirm_remove = RwSignal::new(false);
    let dom = format!("m{meeting_id}");
    let groups = rubric.groups().to_vec();
    view! {
        <details class="card meeting" id=dom.clone() data-testid=format!("meeting-{meeting_id}")>
            <summary>
                <span class="meeting-title">
                    {move || tf(lang.get(), "Tháng {} · {}", &[&month(), &kind().label(lang.get())])}
                </span>
                <span class="meeting-score" data-testid="meeting-summary-score">
                    {move || {
                        let lang = lang.get();
                        report(&|m| match m.shown_score() {
                            Some(s) => tf(lang, "{} điểm · {}", &[&s.score, &s.rating.label(lang)]),
                            None => t(lang, "Chưa chấm").to_string(),
                        })
                    }}
                </span>
                <span class="badge" class:ok=move || status() == Some(SheetStatus::Complete)>
                    {move || match status() {
                        Some(SheetStatus::Complete) => t(lang.get(), "Hoàn thành"),
                        Some(SheetStatus::ClaimedButInvalid) => t(lang.get(), "Bản nháp (có lỗi)"),
                        _ => t(lang.get(), "Bản nháp"),
                    }}
                </span>
            </summary>
            <div class="row meeting-head">
                <div class="field">
                    <label for=format!("{dom}-kind")>{move || t(lang.get(), "Loại buổi")}</label>
                    <select id=format!("{dom}-kind") on:change=move |ev| {
                        if let Some(k) = MeetingKind::from_id(&event_target_value(&ev)) {
                            store.edit(|r| r.set_kind(meeting_id, k));
                        }
                    }>
                        {MeetingKind::ALL.into_iter().map(|k| view! {
                            <option value=k.id() selected=move || kind() == k>{move || k.label(lang.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{dom}-month")>{move || t(lang.get(), "Tháng")}</label>
                    <select id=format!("{dom}-month") on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse() {
                            store.edit(|r| r.set_month(meeting_id, m));
                        }
                    }>
                        {months.into_iter().map(|m| view! {
                            <option value=m.to_string() selected=move || month() == m>{move || tf(lang.get(), "Tháng {}", &[&m])}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || confirm_remove.get() fallback=move || view! {
                    <button type="button" class="danger" id=format!("m{meeting_id}-remove") on:click=move |_| {
                        confirm_remove.set(true);
                        focus_soon(format!("m{meeting_id}-remove-yes"));
                    }>{move || t(lang.get(), "Xoá buổi này")}</button>
                }>
                    <span class="confirm" role="alert">
                        {move || t(lang.get(), "Xoá buổi sinh hoạt này cùng mọi số liệu đã nhập?")}
                        <button type="button" class="danger" id=format!("m{meeting_id}-remove-yes") on:click=move |_| {
                            store.edit(|r| r.remove_meeting(meeting_id));
                            focus_soon("meetings-title");
                        }>{move || t(lang.get(), "Xoá hẳn")}</button>
                        <button type="button" on:click=move |_| {
                            confirm_remove.set(false);
                            focus_soon(format!("m{meeting_id}-remove"));
                        }>{move || t(lang.get(), "Huỷ")}</button>
                    </span>
                </Show>
            </div>
            <ProgressBar progress=progress label=move || t(lang.get(), "Tiến độ buổi này")/>
            <FactsForm meeting_id=meeting_id report=meeting_report meeting=meeting/>
            {groups.into_iter().map(|g| {
                let gid = g.id.clone();
                let group_points = move || {
                    let gid = gid.clone();
                    report(&move |m| {
                        m.score.groups.iter().find(|x| x.group_id == gid).map(|x| format!("{}/{}", x.points, x.max)).unwrap_or_default()
                    })
                };
                view! {
                    <section class="group" data-testid=format!("group-{}", g.id)>
                        <h4>
                            <span lang="vi">{g.title.clone()}</span>
                            <span class="group-points" data-testid="group-points">{group_points}</span>
                        </h4>
                        <p class="guidance" lang="vi">{g.guidance.clone()}</p>
                        {g.items.into_iter().map(|item| view! { <RubricItem meeting_id=meeting_id item=item report=meeting_report answers=answers/> }).collect_view()}
                    </section>
                }
            }).collect_view()}
            <MeetingSummary report=meeting_report/>
            <div class="complete-box">
                <label class="check">
                    <input
                        type="checkbox"
                        id=format!("{dom}-complete")
                        prop:checked=move || meeting.with(|m| m.as_ref().is_some_and(|m| m.complete))
                        prop:disabled=move || !can_complete() && !meeting.with(|m| m.as_ref().is_some_and(|m| m.complete))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            store.edit(|r| r.set_complete(meeting_id, on));
                        }
                    />
                    {move || t(lang.get(), " Đánh dấu phiếu đã hoàn thành")}
                </label>
                <p class="field-msg">
                    {move || if can_complete() {
                        ""
                    } else {
                        t(lang.get(), "Chưa thể hoàn thành: cần nhập đủ số liệu hợp lệ và trả lời mọi tiêu chí. Phiếu vẫn được lưu dưới dạng bản nháp.")
                    }}
                </p>
            </div>
        </details>
    }
    .into_any()
}
