//! The cell's profile, set up once and editable later.

use leptos::prelude::*;

use super::choice_field::ChoiceField;
use super::i18n::{t, Bilingual, Label, Language};
use super::state::Store;
use super::text_field::TextField;
use crate::domain::cell::{CellProfile, CellType, Officers, ProfileField};

/// Profile form, folded away once the profile is complete.
#[component]
pub fn CellProfileForm() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    let initial = store.profile.get_untracked();
    let issue = move |field: ProfileField| {
        Signal::derive(move || {
            store.profile.with(|p| {
                p.issues()
                    .into_iter()
                    .find(|i| i.field == field)
                    .map(|i| i.problem.message(lang.get()))
            })
        })
    };
    let text = move |set: fn(&mut CellProfile, String)| {
        Callback::new(move |v: String| store.edit_profile(|p| set(p, v)))
    };
    let complete = move || store.profile.with(CellProfile::is_complete);
    view! {
        <section class="card" aria-labelledby="profile-title">
            <details open=!initial.is_complete()>
                <summary>
                    <h2 id="profile-title">{move || t(lang.get(), "Thông tin chi bộ")}</h2>
                    <span class="summary-note" data-testid="profile-summary">
                        {move || {
                            if complete() {
                                store.profile.with(|p| p.name.clone())
                            } else {
                                t(lang.get(), "Chưa đủ thông tin — hãy điền trước khi chấm").to_string()
                            }
                        }}
                    </span>
                </summary>
                <div class="grid">
                    <TextField
                        id="cell-name".into()
                        label=move || t(lang.get(), "Tên chi bộ")
                        value=initial.name.clone()
                        on_input=text(|p, v| p.name = v)
                        error=issue(ProfileField::Name)
                    />
                    <ChoiceField
                        id="cell-type"
                        label=move || t(lang.get(), "Loại hình chi bộ")
                        choices=CellType::ALL.iter().map(|&c| (c.id(), Signal::derive(move || c.label(lang.get())))).collect()
                        selected=initial.cell_type.id()
                        on_change=move |v: String| {
                            if let Some(t) = CellType::from_id(&v) {
                                store.edit_profile(|p| p.cell_type = t);
                            }
                        }
                    />
                    <TextField
                        id="parent-committee".into()
                        label=move || t(lang.get(), "Đảng bộ cấp trên")
                        value=initial.parent_committee.clone()
                        on_input=text(|p, v| p.parent_committee = v)
                    />
                    <TextField
                        id="secretary".into()
                        label=move || t(lang.get(), "Bí thư chi bộ")
                        value=initial.secretary.clone()
                        on_input=text(|p, v| p.secretary = v)
                        hint=move || t(lang.get(), "Chỉ lưu trên thiết bị, không đưa vào tệp kết quả.")
                    />
                    <ChoiceField
                        id="officers"
                        label=move || t(lang.get(), "Cấp ủy của chi bộ")
                        choices=Officers::ALL.iter().map(|&o| (o.id(), Signal::derive(move || o.label(lang.get())))).collect()
                        selected=initial.officers.id()
                        on_change=move |v: String| {
                            if let Some(o) = Officers::from_id(&v) {
                                store.edit_profile(|p| p.officers = o);
                            }
                        }
                    />
                    <TextField
                        id="members-official".into()
                        label=move || t(lang.get(), "Số đảng viên chính thức")
                        value=initial.members_official.clone()
                        numeric=true
                        on_input=text(|p, v| p.members_official = v)
                        error=issue(ProfileField::MembersOfficial)
                    />
                    <TextField
                        id="members-probationary".into()
                        label=move || t(lang.get(), "Số đảng viên dự bị")
                        value=initial.members_probationary.clone()
                        numeric=true
                        on_input=text(|p, v| p.members_probationary = v)
                        error=issue(ProfileField::MembersProbationary)
                    />
                    <TextField
                        id="members-exempt".into()
                        label=move || t(lang.get(), "Số đảng viên được miễn sinh hoạt")
                        value=initial.members_exempt.clone()
                        numeric=true
                        on_input=text(|p, v| p.members_exempt = v)
                        error=issue(ProfileField::MembersExempt)
                    />
                </div>
            </details>
        </section>
    }
}
