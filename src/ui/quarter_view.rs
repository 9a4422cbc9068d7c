//! The open quarter: its meetings, the roll-up and the narrative.

use leptos::prelude::*;

use super::add_meeting::AddMeeting;
use super::i18n::{t, tf, Language};
use super::lazy_panel::{Extra, LazyPanel};
use super::meeting_sheet::MeetingSheet;
use super::narrative_form::NarrativeForm;
use super::progress_bar::ProgressBar;
use super::quarter_summary::QuarterSummary;
use super::rubric_upgrade::RubricUpgrade;
use super::state::Store;

/// The open quarter, or a hint when none is open.
#[component]
pub fn QuarterView() -> impl IntoView {
    let store = expect_context::<Store>();
    let Language(lang) = expect_context::<Language>();
    // Memos, so that editing the open quarter does not rebuild the whole view.
    let quarter = Memo::new(move |_| store.record.with(|r| r.as_ref().map(|r| r.quarter)));
    let rubric_missing =
        Memo::new(move |_| quarter.get().is_some() && store.rubric.with(Option::is_none));
    let progress = Signal::derive(move || {
        store
            .report
            .with(|r| r.as_ref().map(|r| r.progress).unwrap_or_default())
    });
    view! {
        {move || match quarter.get() {
            None => view! { <p class="card muted">{move || t(lang.get(), "Chưa mở quý nào. Chọn quý ở trên để bắt đầu.")}</p> }.into_any(),
            Some(_) if rubric_missing.get() => {
                let r = store.record.with_untracked(|r| r.as_ref().map(|r| r.rubric.clone()));
                view! {
                    <p class="notice error" role="alert">
                        {r.map(|r| move || tf(lang.get(),
                            "Quý này được chấm theo bộ tiêu chí «{}» phiên bản {} (mã băm {}…), không có trong phiên bản ứng dụng này. Dữ liệu vẫn được giữ nguyên; hãy mở bằng phiên bản ứng dụng có bộ tiêu chí đó.",
                            &[&r.id, &r.version, &r.sha256.get(..12).unwrap_or_default()]
                        ))}
                    </p>
                }
                .into_any()
            }
            Some(q) => {
                let rubric = store.rubric.get_untracked();
                let title = rubric.as_ref().map(|r| r.file().title.clone()).unwrap_or_default();
                let reference = rubric.as_ref().map(|r| {
                    let x = r.reference().clone();
                    move || tf(lang.get(), "{} · phiên bản {} · mã băm {}…", &[&x.id, &x.version, &x.sha256.get(..12).unwrap_or_default()])
                });
                view! {
                    <section class="quarter" aria-labelledby="quarter-title">
                        <div class="card">
                            <h2 id="quarter-title" data-testid="quarter-title" tabindex="-1">{move || tf(lang.get(), "Tự đánh giá quý {}/{}", &[&q.quarter(), &q.year()])}</h2>
                            <p class="rubric-name" lang="vi">{title}</p>
                            <p class="muted small">{reference}</p>
                            <RubricUpgrade/>
                            <ProgressBar progress=progress label=move || t(lang.get(), "Tiến độ cả quý")/>
                        </div>
                        <h3 class="section-title" id="meetings-title" tabindex="-1">{move || t(lang.get(), "Các buổi sinh hoạt")}</h3>
                        <For
                            each=move || store.record.with(|r| r.as_ref().map(|r| r.meetings.iter().map(|m| (r.quarter, m.id)).collect::<Vec<_>>()).unwrap_or_default())
                            key=|k| *k
                            children=move |(_, id)| view! { <MeetingSheet meeting_id=id/> }
                        />
                        <AddMeeting/>
                        <QuarterSummary/>
                        <NarrativeForm/>
                        <LazyPanel extra=Extra::Export/>
                    </section>
                }
                .into_any()
            }
        }}
    }
}
