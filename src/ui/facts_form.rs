//! The meeting's raw facts, checked as they are typed.

use leptos::prelude::*;

use super::browser::today;
use super::i18n::{decimal, t, tf, Bilingual, Language};
use super::state::Store;
use super::text_field::TextField;
use crate::domain::cell::required_mismatch;
use crate::domain::facts::{not_held_yet, FactField};
use crate::domain::meeting::{Meeting, RawFacts};
use crate::domain::report::{format_permille, MeetingReport};

/// Date, duration and attendance of one meeting, with derived percentages. `report` and
/// `meeting` are that meeting's memos (an answer elsewhere does not wake this form).
#[component]
pub fn FactsForm(
    meeting_id: u32,
    report: Memo<Option<MeetingReport>>,
    meeting: Memo<Option<Meeting>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let raw: RawFacts = store
        .record
        .with_untracked(|r| {
            r.as_ref()
                .and_then(|r| r.meeting(meeting_id))
                .map(|m| m.facts.clone())
        })
        .unwrap_or_default();
    let month = store
        .record
        .with_untracked(|r| {
            r.as_ref()
                .and_then(|r| r.meeting(meeting_id))
                .map(|m| m.month)
        })
        .unwrap_or(1);
    // The facts check only: answers change the report, not this.
    let facts = Memo::new(move |_| report.with(|m| m.as_ref().map(|m| m.facts.clone())));
    let issue = move |field: FactField| {
        Signal::derive(move || {
            facts.with(|f| {
                f.as_ref()
                    .and_then(|f| f.issue(field).map(|p| p.message(lang.get())))
            })
        })
    };
    let set = move |field: FactField| {
        Callback::new(move |v: String| store.edit(|r| r.set_fact(meeting_id, field, &v)))
    };
    let id = move |field: FactField| format!("m{meeting_id}-{}", field.id());
    let from_report = move |f: &dyn Fn(&MeetingReport) -> Option<String>| {
        report
            .with(|m| m.as_ref().and_then(f))
            .unwrap_or_else(|| "—".into())
    };
    let repeated = move || meeting.with(|m| m.as_ref().and_then(|m| m.facts.repeated_absence));
    let rep_name = format!("m{meeting_id}-repeated");
    let today = today();
    view! {
        <section class="facts" aria-label=move || t(lang.get(), "Số liệu buổi sinh hoạt")>
            <h4>{move || t(lang.get(), "Số liệu buổi sinh hoạt")}</h4>
            <div class="grid">
                <div class="field" class:invalid=move || issue(FactField::Date).with(Option::is_some)>
                    <label for=id(FactField::Date)>{move || t(lang.get(), "Ngày họp")}</label>
                    <input
                        id=id(FactField::Date)
                        type="date"
                        prop:value=raw.date.clone()
                        on:input=move |ev| set(FactField::Date).run(event_target_value(&ev))
                        data-month=month
                    />
                    <p class="field-msg">{move || issue(FactField::Date).get().unwrap_or_default()}</p>
                    {move || not_held_yet(facts.with(|f| f.as_ref().and_then(|f| f.parsed.date)), today).then(|| view! {
                        <p class="warn small" data-testid="not-held-yet">{t(lang.get(), "Ngày này chưa đến: chỉ chấm và gửi buổi sinh hoạt đã họp.")}</p>
                    })}
                </div>
                <TextField id=id(FactField::DurationMinutes) label=move || t(lang.get(), "Thời lượng (phút)") numeric=true
                    value=raw.duration_minutes.clone() on_input=set(FactField::DurationMinutes)
                    error=issue(FactField::DurationMinutes)/>
                <TextField id=id(FactField::Required) label=move || t(lang.get(), "Số đảng viên phải dự") numeric=true
                    value=raw.required.clone() on_input=set(FactField::Required) error=issue(FactField::Required)
                    hint=move || t(lang.get(), "Không tính người được miễn sinh hoạt.")/>
                {move || {
                    let typed = facts.with(|f| f.as_ref().and_then(|f| f.parsed.required));
                    store.profile.with(|p| required_mismatch(p, typed)).map(|n| view! {
                        <p class="warn small span-all" data-testid="required-mismatch">
                            {tf(lang.get(), "Theo thông tin chi bộ, số phải dự là {} (chính thức + dự bị − miễn sinh hoạt). Hãy kiểm tra lại, trừ khi số đảng viên đã thay đổi.", &[&n])}
                        </p>
                    })
                }}
                <TextField id=id(FactField::Present) label=move || t(lang.get(), "Có mặt") numeric=true
                    value=raw.present.clone() on_input=set(FactField::Present) error=issue(FactField::Present)/>
                <TextField id=id(FactField::AbsentWithReason) label=move || t(lang.get(), "Vắng có lý do") numeric=true
                    value=raw.absent_with_reason.clone() on_input=set(FactField::AbsentWithReason)
                    error=issue(FactField::AbsentWithReason)/>
                <TextField id=id(FactField::AbsentWithoutReason) label=move || t(lang.get(), "Vắng không lý do") numeric=true
                    value=raw.absent_without_reason.clone() on_input=set(FactField::AbsentWithoutReason)
                    error=issue(FactField::AbsentWithoutReason)/>
                <TextField id=id(FactField::Speakers) label=move || t(lang.get(), "Số đảng viên phát biểu") numeric=true
                    value=raw.speakers.clone() on_input=set(FactField::Speakers) error=issue(FactField::Speakers)
                    hint=move || t(lang.get(), "Số người, không phải số ý kiến: mỗi đảng viên tính một lần.")/>
            </div>
            <fieldset class="field">
                <legend>{move || t(lang.get(), "Có đảng viên vắng có lý do quá 3 lần liên tiếp trong năm không?")}</legend>
                <label class="radio">
                    <input type="radio" name=rep_name.clone() id=format!("m{meeting_id}-repeated-no")
                        prop:checked=move || repeated() == Some(false)
                        on:change=move |_| set(FactField::RepeatedAbsence).run("no".into())/>
                    {move || t(lang.get(), " Không")}
                </label>
                <label class="radio">
                    <input type="radio" name=rep_name id=format!("m{meeting_id}-repeated-yes")
                        prop:checked=move || repeated() == Some(true)
                        on:change=move |_| set(FactField::RepeatedAbsence).run("yes".into())/>
                    {move || t(lang.get(), " Có")}
                </label>
            </fieldset>
            <dl class="derived" data-testid="derived-facts">
                <div><dt>{move || t(lang.get(), "Tỷ lệ dự họp")}</dt><dd data-testid="attendance-pct">{move || decimal(lang.get(), from_report(&|m| m.attendance_permille.map(format_permille)))}</dd></div>
                <div><dt>{move || t(lang.get(), "Tỷ lệ phát biểu")}</dt><dd data-testid="speakers-pct">{move || decimal(lang.get(), from_report(&|m| m.speakers_permille.map(format_permille)))}</dd></div>
                <div><dt>{move || t(lang.get(), "Thời lượng tối thiểu")}</dt><dd data-testid="needed-minutes">{move || {
                    let lang = lang.get();
                    from_report(&|m| Some(tf(lang, "{} phút", &[&m.required_minutes])))
                }}</dd></div>
            </dl>
        </section>
    }
}
