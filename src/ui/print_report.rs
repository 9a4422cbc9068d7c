//! The A4 printout of the open quarter. It is built only when printing (the print button, or
//! the browser's own print command through `beforeprint`), so editing never pays for it.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::state::Store;
use crate::domain::paper::paper_report;

/// Whether the printout is wanted; shared so the print button can ask for it.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// Builds the printout, then opens the browser's print dialog once it is in the page.
pub fn print_now(printing: Printing) {
    printing.0.set(true);
    if let Some(w) = web_sys::window() {
        let print = Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
        // After this turn, when the view has rendered the printout.
        let _ = w.set_timeout_with_callback(print.unchecked_ref());
    }
}

/// Listens for the browser's print command, so Ctrl+P prints the report too.
pub fn listen_for_print(printing: Printing) {
    let Some(w) = web_sys::window() else { return };
    let before = Closure::<dyn Fn()>::new(move || printing.0.set(true));
    let _ = w.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
    // The page lives as long as the app: keep the listener for good.
    before.forget();
}

/// The printout (hidden on screen; the only thing printed from the cell's page).
#[component]
pub fn PrintReport() -> impl IntoView {
    let store = expect_context::<Store>();
    let Printing(printing) = expect_context::<Printing>();
    let paper = Memo::new(move |_| {
        if !printing.get() {
            return None;
        }
        let rubric = store.rubric.get()?;
        store.report.with(|rep| {
            let rep = rep.as_ref()?;
            store.record.with(|rec| {
                let rec = rec.as_ref()?;
                store.profile.with(|p| {
                    Some(paper_report(
                        &rubric,
                        rec,
                        rep,
                        p,
                        super::browser::today(),
                        store.training(),
                    ))
                })
            })
        })
    });
    move || {
        paper.get().map(|p| {
            view! {
                <article class="print-report" data-testid="print-report">
                    {p.training.then(|| view! { <p class="paper-training">"TẬP HUẤN – BẢN LUYỆN TẬP, KHÔNG CÓ GIÁ TRỊ BÁO CÁO"</p> })}
                    <div class="paper-head">
                        <div>
                            <p class="paper-upper">{p.upper_committee.clone()}</p>
                            <p class="paper-cell"><strong>{p.cell_name.clone()}</strong></p>
                            <p>"*"</p>
                        </div>
                        <div>
                            <p class="paper-party"><strong><u>{p.party.clone()}</u></strong></p>
                            <p class="paper-date"><em>{p.date_line.clone()}</em></p>
                        </div>
                    </div>
                    <h1 class="paper-title">{p.title.clone()}</h1>
                    <p class="paper-subtitle"><strong>{p.subtitle.clone()}</strong></p>
                    <p class="paper-rubric"><em>{p.rubric_line.clone()}</em></p>
                    {p.meetings.into_iter().map(|m| view! {
                        <section class="paper-meeting">
                            <h2>{m.heading}</h2>
                            <p class="paper-facts">{m.facts}</p>
                            <table>
                                <thead><tr><th>"TT"</th><th>"Nội dung"</th><th>"Điểm tối đa"</th><th>"Điểm đạt"</th></tr></thead>
                                <tbody>
                                    {m.rows.into_iter().map(|r| view! {
                                        <tr class:paper-group=r.is_group>
                                            <td>{r.number}</td><td>{r.title}</td><td class="num">{r.max}</td><td class="num">{r.points}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                                <tfoot><tr><th colspan="2">"Tổng điểm – xếp loại"</th><th colspan="2">{format!("{} – {}", m.total, m.rating)}</th></tr></tfoot>
                            </table>
                            {m.notes.into_iter().map(|n| view! { <p class="paper-note">{n}</p> }).collect_view()}
                        </section>
                    }).collect_view()}
                    <section class="paper-rollup">
                        <h2>"Tổng hợp quý"</h2>
                        <ul>{p.rollup.into_iter().map(|(k, v)| view! { <li>{format!("{k}: ")}<strong>{v}</strong></li> }).collect_view()}</ul>
                    </section>
                    <section class="paper-narrative">
                        {p.narrative.into_iter().map(|(k, v)| view! { <h3>{k}</h3><p>{if v.trim().is_empty() { "…".to_string() } else { v }}</p> }).collect_view()}
                    </section>
                    <div class="paper-foot">
                        <div class="paper-stamp">
                            <p class="small">{p.stamp_note.clone()}</p>
                            {p.stamp.map(|s| view! {
                                <p class="small">"Mã kết quả: " <code>{s.id}</code></p>
                                <p class="small">"Mã băm tệp (SHA-256): " <code>{s.short_hash}</code>"…"</p>
                                <div class="paper-qr" inner_html=s.qr_svg></div>
                            })}
                        </div>
                        <div class="paper-sign">
                            <p><strong>{p.signature_on_behalf.clone()}</strong></p>
                            <p><strong>{p.signature_title.clone()}</strong></p>
                            <p class="paper-sign-space"></p>
                            <p><strong>{p.signer.clone()}</strong></p>
                        </div>
                    </div>
                </article>
            }
        })
    }
}
