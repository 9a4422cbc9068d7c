//! The quarter's table: filter, sort, the district's own rating and note, CSV export, missing
//! cells, and clearing the quarter.

use super::browser::focus_soon;
use super::session::Session;
use crate::domain::training::download_name;
use leptos::prelude::*;

use super::browser::download;
use super::district_state::District;
use super::i18n::{decimal, shortfall_code, t, tf, Label, Language};
use super::show_more::{first_rows, ShowMore, PAGE};
use crate::domain::cell::CellType;
use crate::domain::district::aggregate::{
    review_key, select_rows, shortfall_vi, table_csv, Review, SortBy,
};
use crate::domain::quarter::QuarterId;
use crate::domain::rating::Rating;
use crate::domain::report::format_tenths;

const RATINGS: [Rating; 4] = [Rating::Tot, Rating::Kha, Rating::TrungBinh, Rating::Kem];

/// The table; `selected` receives the index of the file to show in full.
#[component]
pub fn DistrictTable(selected: RwSignal<Option<usize>>) -> impl IntoView {
    let d = expect_context::<District>();
    let Language(lang) = expect_context::<Language>();
    let type_filter: RwSignal<Option<CellType>> = RwSignal::new(None);
    let rating_filter: RwSignal<Option<Rating>> = RwSignal::new(None);
    let sort = RwSignal::new(SortBy::Name);
    let confirm_clear = RwSignal::new(false);
    // Draw the first rows only; "Xem thêm" adds more (filters and CSV always cover all rows).
    let limit = RwSignal::new(PAGE);
    let year = move || d.quarter.get().year();
    // (rows drawn, rows matching the filters)
    let selection = Memo::new(move |_| {
        d.table.with(|t| {
            first_rows(
                select_rows(&t.rows, type_filter.get(), rating_filter.get(), sort.get())
                    .into_iter()
                    .cloned(),
                limit.get(),
            )
        })
    });
    let shown = move || selection.with(|s| s.0.clone());
    let matching = move || selection.with(|s| s.1);
    let missing_limit = RwSignal::new(PAGE);
    let set_quarter = move |y: Option<i32>, q: Option<u8>| {
        let cur = d.quarter.get_untracked();
        if let Ok(n) = QuarterId::new(y.unwrap_or(cur.year()), q.unwrap_or(cur.quarter())) {
            d.quarter.set(n);
        }
    };
    let training = expect_context::<Session>().training();
    let export_csv = move |_| {
        let (text, q) = d.table.with_untracked(|t| (table_csv(t), t.quarter));
        if let Err(e) = download(
            lang.get_untracked(),
            &download_name(&format!("tong-hop_{q}.csv"), training),
            &text,
            "text/csv;charset=utf-8",
        ) {
            d.message.set(Some(Err(e)));
        }
    };
    view! {
        <section class="card" aria-labelledby="table-title">
            <h2 id="table-title" tabindex="-1">{move || t(lang.get(), "Tổng hợp theo quý")}</h2>
            <div class="row">
                <div class="field">
                    <label for="district-year">{move || t(lang.get(), "Năm")}</label>
                    <input id="district-year" type="text" inputmode="numeric" prop:value=move || year().to_string()
                        on:change=move |ev| set_quarter(event_target_value(&ev).trim().parse().ok(), None)/>
                </div>
                <div class="field">
                    <label for="district-quarter">{move || t(lang.get(), "Quý")}</label>
                    <select id="district-quarter" on:change=move |ev| set_quarter(None, event_target_value(&ev).parse().ok())>
                        {(1u8..=4).map(|q| view! { <option value=q.to_string() selected=move || d.quarter.get().quarter() == q>{move || tf(lang.get(), "Quý {}", &[&q])}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-type">{move || t(lang.get(), "Loại hình")}</label>
                    <select id="filter-type" on:change=move |ev| type_filter.set(CellType::from_id(&event_target_value(&ev)))>
                        <option value="">{move || t(lang.get(), "Tất cả")}</option>
                        {CellType::ALL.into_iter().map(|t| view! { <option value=t.id()>{move || t.label(lang.get())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-rating">{move || t(lang.get(), "Xếp loại")}</label>
                    <select id="filter-rating" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        rating_filter.set(RATINGS.into_iter().find(|r| r.id() == v));
                    }>
                        <option value="">{move || t(lang.get(), "Tất cả")}</option>
                        {RATINGS.into_iter().map(|r| view! { <option value=r.id()>{move || r.label(lang.get())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sort-by">{move || t(lang.get(), "Sắp xếp")}</label>
                    <select id="sort-by" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "score" => SortBy::Score, "rating" => SortBy::Rating, _ => SortBy::Name })>
                        <option value="name">{move || t(lang.get(), "Theo tên")}</option>
                        <option value="score">{move || t(lang.get(), "Điểm cao trước")}</option>
                        <option value="rating">{move || t(lang.get(), "Xếp loại tốt trước")}</option>
                    </select>
                </div>
            </div>
            <p data-testid="table-summary">{move || d.table.with(|x| tf(lang.get(),
                "{} chi bộ đã nộp hợp lệ, {} chi bộ chưa nộp.", &[&x.rows.len(), &x.missing.len()]))}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="table-title">
                <table data-testid="district-table">
                    <thead><tr>
                        <th scope="col">{move || t(lang.get(), "Chi bộ")}</th><th scope="col">{move || t(lang.get(), "Loại hình")}</th><th scope="col">{move || t(lang.get(), "Số buổi")}</th>
                        <th scope="col">{move || t(lang.get(), "Điểm BQ")}</th><th scope="col">{move || t(lang.get(), "Tự xếp loại")}</th><th scope="col">{move || t(lang.get(), "Thiếu sót")}</th>
                        <th scope="col">{move || t(lang.get(), "Cấp trên xếp loại")}</th><th scope="col">{move || t(lang.get(), "Nhận xét")}</th><th scope="col"><span class="sr-only">{move || t(lang.get(), "Xem")}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=shown key=|r| (r.index, r.review.clone(), r.rating) let:r>
                            {
                                let key = review_key(&r.cell_name, d.quarter.get_untracked());
                                let (k1, k2) = (key.clone(), key);
                                let current = r.review.clone().unwrap_or_default();
                                let (c1, c2) = (current.clone(), current);
                                let index = r.index;
                                let (label, label2) = (r.cell_name.clone(), r.cell_name.clone());
                                let (cell_type, rating) = (r.cell_type, r.rating);
                                let shortfalls = r.shortfalls.clone();
                                view! {
                                    <tr data-testid="district-row">
                                        <th scope="row">{r.cell_name.clone()}</th>
                                        <td>{move || cell_type.label(lang.get())}</td>
                                        <td class="num">{r.meetings}</td>
                                        <td class="num">{move || decimal(lang.get(), format_tenths(r.average_tenths))}</td>
                                        <td>{move || rating.label(lang.get())}</td>
                                        <td class="small">{move || shortfalls.iter().map(|s| shortfall_code(lang.get(), s, shortfall_vi)).collect::<Vec<_>>().join("; ")}</td>
                                        <td>
                                            <select aria-label=move || tf(lang.get(), "Cấp trên xếp loại {}", &[&label]) on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                let rating = RATINGS.into_iter().find(|r| r.id() == v);
                                                d.set_review(k1.clone(), Review { rating, note: c1.note.clone() });
                                            }>
                                                <option value="" selected=c2.rating.is_none()>"—"</option>
                                                {RATINGS.into_iter().map(|x| view! { <option value=x.id() selected=c2.rating == Some(x)>{move || x.label(lang.get())}</option> }).collect_view()}
                                            </select>
                                        </td>
                                        <td>
                                            <input type="text" aria-label=move || tf(lang.get(), "Nhận xét của cấp trên về {}", &[&label2]) prop:value=c2.note.clone()
                                                on:change=move |ev| {
                                                    let note = event_target_value(&ev);
                                                    let rating = d.reviews.with_untracked(|v| v.get(&k2).and_then(|x| x.rating));
                                                    d.set_review(k2.clone(), Review { rating, note });
                                                }/>
                                        </td>
                                        <td><button type="button" class="small-btn" on:click=move |_| {
                                            selected.set(Some(index));
                                            focus_soon("detail-title");
                                        }>{move || t(lang.get(), "Xem")}</button></td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <ShowMore total=Signal::derive(matching) limit=limit template="Đang hiển thị {}/{} dòng. "/>
            <div class="row">
                <button type="button" class="primary" on:click=export_csv>{move || t(lang.get(), "Xuất bảng CSV (Excel)")}</button>
                <Show when=move || confirm_clear.get() fallback=move || view! {
                    <button type="button" class="danger" on:click=move |_| confirm_clear.set(true)>{move || t(lang.get(), "Xoá dữ liệu quý này…")}</button>
                }>
                    <span class="confirm" role="alert">
                        {move || tf(lang.get(), "Xoá mọi tệp đã nhận của quý {}/{} (và các tệp không đọc được)?", &[&d.quarter.get().quarter(), &d.quarter.get().year()])}
                        <button type="button" class="danger" on:click=move |_| { confirm_clear.set(false); d.clear_quarter(d.quarter.get_untracked()); }>{move || t(lang.get(), "Xoá hẳn")}</button>
                        <button type="button" on:click=move |_| confirm_clear.set(false)>{move || t(lang.get(), "Huỷ")}</button>
                    </span>
                </Show>
            </div>
            <h3>{move || t(lang.get(), "Chi bộ chưa nộp")}</h3>
            <ul data-testid="missing-cells">
                {move || d.table.with(|t| t.missing.iter().take(missing_limit.get()).map(|m| view! { <li>{m.cell_name.clone()}</li> }).collect_view())}
            </ul>
            <ShowMore total=Signal::derive(move || d.table.with(|t| t.missing.len())) limit=missing_limit template="Đang hiển thị {}/{} chi bộ. "/>
        </section>
    }
}
