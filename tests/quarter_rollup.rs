//! The quarter roll-up: averages, caps for shortfalls, progress and completion.

mod common;

use chibo::domain::cell::Officers;
use chibo::domain::facts::FactField;
use chibo::domain::meeting::{Answer, Meeting, MeetingKind};
use chibo::domain::rating::Rating;
use chibo::domain::record::QuarterRecord;
use chibo::domain::report::{quarter_report, SheetStatus, Shortfall};
use common::*;

/// A quarter with a perfect meeting of `kind` in each listed month (dates set to the 5th).
fn quarter(meetings: &[(MeetingKind, u8)]) -> QuarterRecord {
    let r = hd42();
    let mut rec = QuarterRecord::new(q4(), r.reference().clone());
    rec.meetings.clear();
    for &(kind, month) in meetings {
        let id = rec.add_meeting(kind, month).unwrap();
        let mut m: Meeting = perfect(&r, kind);
        m.id = id;
        m.month = month;
        m.facts.date = format!("2026-{month:02}-05");
        m.complete = true;
        *rec.meetings.iter_mut().find(|x| x.id == id).unwrap() = m;
    }
    rec
}

use MeetingKind::{Combined, Regular, Thematic};

#[test]
fn a_new_quarter_has_one_blank_regular_meeting_per_month_and_misses_a_thematic_one() {
    let rec = QuarterRecord::new(q4(), hd42().reference().clone());
    assert_eq!(
        rec.meetings.iter().map(|m| m.month).collect::<Vec<_>>(),
        vec![10, 11, 12]
    );
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert_eq!(rep.shortfalls, vec![Shortfall::NoThematic]);
    assert_eq!(rep.progress.answered, 0);
    assert_eq!(rep.complete_meetings, 0);
}

#[test]
fn an_untouched_sheet_is_not_started_and_one_fact_or_answer_starts_it() {
    let r = hd42();
    let mut rec = QuarterRecord::new(q4(), r.reference().clone());
    let rep = quarter_report(&r, &rec, Officers::Committee);
    // Untouched, a regular sheet still scores its not-applicable items: no result to show.
    assert!(rep.meetings[0].score.score > 0);
    assert!(!rep.meetings.iter().any(|m| m.started()));
    assert_eq!(rep.unstarted_regular(), 3);

    rec.meetings[1].facts.duration_minutes = "95".into();
    let rep = quarter_report(&r, &rec, Officers::Committee);
    assert_eq!(
        rep.meetings.iter().map(|m| m.started()).collect::<Vec<_>>(),
        [false, true, false]
    );
    assert_eq!(rep.unstarted_regular(), 2);

    let mut rec = QuarterRecord::new(q4(), r.reference().clone());
    rec.meetings[2]
        .answers
        .insert("trinh_tu".into(), Answer::Toggle(false));
    let rep = quarter_report(&r, &rec, Officers::Committee);
    assert!(rep.meetings[2].started());
    assert_eq!(rep.unstarted_regular(), 2);
}

#[test]
fn a_full_quarter_of_perfect_meetings_is_rated_tot() {
    let rec = quarter(&[(Regular, 10), (Regular, 11), (Thematic, 11), (Regular, 12)]);
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert!(rep.shortfalls.is_empty());
    assert_eq!(
        (rep.regular_count, rep.average_tenths, rep.rating),
        (3, Some(1000), Some(Rating::Tot))
    );
    assert!(rep.all_complete());
    assert_eq!(rep.progress.answered, rep.progress.required);
}

#[test]
fn a_month_without_a_regular_meeting_caps_the_quarter_at_kha() {
    let rec = quarter(&[(Regular, 10), (Thematic, 11), (Regular, 12)]);
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert_eq!(rep.shortfalls, vec![Shortfall::MonthWithoutRegular(11)]);
    assert_eq!(rep.uncapped_rating, Some(Rating::Tot));
    assert_eq!(rep.rating, Some(Rating::Kha));
    assert_eq!(rep.average_tenths, Some(1000));
}

#[test]
fn a_quarter_without_a_thematic_meeting_is_capped_at_kha() {
    let rec = quarter(&[(Regular, 10), (Regular, 11), (Regular, 12)]);
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert_eq!(rep.shortfalls, vec![Shortfall::NoThematic]);
    assert_eq!(rep.rating, Some(Rating::Kha));
}

#[test]
fn a_combined_meeting_counts_as_both_regular_and_thematic() {
    let rec = quarter(&[(Regular, 10), (Combined, 11), (Regular, 12)]);
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert!(rep.shortfalls.is_empty());
    assert_eq!(rep.rating, Some(Rating::Tot));
}

#[test]
fn a_cap_never_raises_a_lower_rating() {
    let mut rec = quarter(&[(Regular, 10), (Regular, 11), (Regular, 12)]);
    for m in &mut rec.meetings {
        m.answers
            .insert("ket_qua_nghi_quyet".into(), Answer::Level("duoi_50".into()));
        m.answers
            .insert("noi_dung_thuong_ky".into(), Answer::Toggle(false));
        m.answers.insert("dinh_huong".into(), Answer::Toggle(false));
    }
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert_eq!(rep.average_tenths, Some(660));
    assert_eq!(rep.rating, Some(Rating::TrungBinh));
}

#[test]
fn the_average_is_shown_to_a_tenth_and_rated_without_rounding_up() {
    // 90 + 89 → 89.5: shown as 89.5 and rated Khá, never rounded up into Tốt.
    let mut rec = quarter(&[(Regular, 10), (Combined, 11)]);
    let r = hd42();
    let m0 = rec.meetings[0].id;
    rec.set_answer(
        m0,
        "ket_qua_nghi_quyet",
        Some(Answer::Level("80_90".into())),
    )
    .unwrap(); // 97
    rec.set_answer(m0, "dinh_huong", Some(Answer::Toggle(false)))
        .unwrap(); // 93
    rec.set_answer(m0, "linh_hoat", Some(Answer::Toggle(false)))
        .unwrap(); // 91
    rec.set_answer(m0, "ket_luan", Some(Answer::Toggle(false)))
        .unwrap(); // 90
    let m1 = rec.meetings[1].id;
    rec.set_answer(
        m1,
        "ket_qua_nghi_quyet",
        Some(Answer::Level("80_90".into())),
    )
    .unwrap(); // 97
    rec.set_answer(m1, "dinh_huong", Some(Answer::Toggle(false)))
        .unwrap(); // 93
    rec.set_answer(m1, "linh_hoat", Some(Answer::Toggle(false)))
        .unwrap(); // 91
    rec.set_answer(m1, "ket_luan", Some(Answer::Toggle(false)))
        .unwrap(); // 90
    rec.set_answer(m1, "thong_tin_tam_tu", Some(Answer::Toggle(false)))
        .unwrap(); // 89
    let rep = quarter_report(&r, &rec, Officers::Committee);
    let scores: Vec<u32> = rep.meetings.iter().map(|m| m.score.score).collect();
    assert_eq!(scores, vec![90, 89]);
    assert_eq!(rep.average_tenths, Some(895));
    assert_eq!(rep.uncapped_rating, Some(Rating::Kha));
}

#[test]
fn thematic_only_meetings_are_shown_but_not_averaged() {
    let mut rec = quarter(&[(Regular, 10), (Regular, 11), (Regular, 12), (Thematic, 12)]);
    let t = rec.meetings.iter().find(|m| m.kind == Thematic).unwrap().id;
    rec.set_answer(t, "tu_phe_binh", Some(Answer::Toggle(false)))
        .unwrap();
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert_eq!(rep.meetings.len(), 4);
    assert_eq!(rep.average_tenths, Some(1000));
}

#[test]
fn a_quarter_with_no_regular_meeting_has_no_score_or_rating() {
    let rec = quarter(&[(Thematic, 10)]);
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    assert_eq!((rep.average_tenths, rep.rating), (None, None));
    assert_eq!(rep.shortfalls.len(), 3);
}

#[test]
fn an_inconsistent_sheet_marked_complete_stays_a_draft() {
    let mut rec = quarter(&[(Regular, 10), (Thematic, 11), (Regular, 11), (Regular, 12)]);
    let id = rec.meetings[0].id;
    rec.set_fact(id, FactField::Present, "25").unwrap();
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    let m = rep.meeting(id).unwrap();
    assert_eq!(m.status, SheetStatus::ClaimedButInvalid);
    assert!(!m.can_complete());
    assert_eq!(rep.complete_meetings, 3);
}

#[test]
fn progress_counts_facts_and_applicable_judgement_items() {
    let mut rec = QuarterRecord::new(q4(), hd42().reference().clone());
    let id = rec.meetings[0].id;
    rec.set_fact(id, FactField::Date, "2026-10-03").unwrap();
    rec.set_fact(id, FactField::RepeatedAbsence, "no").unwrap();
    rec.set_answer(id, "trinh_tu", Some(Answer::Toggle(false)))
        .unwrap();
    let rep = quarter_report(&hd42(), &rec, Officers::Committee);
    let m = rep.meeting(id).unwrap();
    // 8 facts + 24 judgement items (hd42 has 28 items, 4 derived; the thematic one does not apply).
    assert_eq!((m.progress.answered, m.progress.required), (3, 8 + 24 - 1));
    // A cell with only a secretary has one judgement item fewer.
    let rep = quarter_report(&hd42(), &rec, Officers::OnlySecretary);
    assert_eq!(rep.meeting(id).unwrap().progress.required, 8 + 24 - 2);
}

#[test]
fn meetings_can_be_added_moved_and_removed_but_not_outside_the_quarter() {
    let mut rec = QuarterRecord::new(q4(), hd42().reference().clone());
    assert!(rec.add_meeting(Thematic, 9).is_err());
    let id = rec.add_meeting(Thematic, 11).unwrap();
    assert_eq!(id, 4);
    assert_eq!(
        rec.meetings.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![1, 2, 4, 3]
    );
    rec.set_month(id, 12).unwrap();
    assert_eq!(rec.meetings.last().unwrap().id, 4);
    rec.remove_meeting(2).unwrap();
    assert!(rec.remove_meeting(2).is_err());
    assert_eq!(
        rec.add_meeting(Regular, 11).unwrap(),
        5,
        "ids are never reused"
    );
}

#[test]
fn a_quarter_record_survives_a_json_round_trip() {
    let rec = quarter(&[(Regular, 10), (Combined, 11), (Regular, 12)]);
    let text = serde_json::to_string(&rec).unwrap();
    let back: QuarterRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(back, rec);
}

/// Every regular meeting of a full quarter, one member absent without reason: attendance at
/// its lowest level (−3), each meeting still ≥ 90 points but held at Khá, for Tốt needs full
/// marks on attendance.
fn absent_without_reason_each_month(rec: &mut QuarterRecord) {
    for m in rec.meetings.iter_mut().filter(|m| m.kind.is_regular()) {
        m.facts.present = "19".into();
        m.facts.absent_without_reason = "1".into();
        m.facts.speakers = "19".into();
    }
}

fn regular_scores(rep: &chibo::domain::report::QuarterReport) -> Vec<(u32, Rating)> {
    rep.meetings
        .iter()
        .filter(|m| m.kind.is_regular())
        .map(|m| (m.score.score, m.score.rating))
        .collect()
}

#[test]
fn a_tot_average_of_meetings_each_held_at_kha_is_pointed_out_under_version_1() {
    let r = hd42_v1();
    let mut rec = quarter(&[(Regular, 10), (Regular, 11), (Thematic, 11), (Regular, 12)]);
    rec.rubric = r.reference().clone();
    let rep = quarter_report(&r, &rec, Officers::Committee);
    assert_eq!(rep.rating, Some(Rating::Tot));
    assert!(!rep.tot_without_a_tot_meeting(), "every meeting is Tốt");

    absent_without_reason_each_month(&mut rec);
    let rep = quarter_report(&r, &rec, Officers::Committee);
    let regular = regular_scores(&rep);
    assert_eq!(regular.len(), 3);
    assert!(
        regular.iter().all(|&(s, r)| s >= 90 && r == Rating::Kha),
        "{regular:?}"
    );
    assert_eq!(rep.rating, Some(Rating::Tot));
    assert!(rep.tot_without_a_tot_meeting());
    assert_eq!(rep.shortfalls, vec![]);
}

#[test]
fn under_version_2_a_regular_meeting_short_of_a_tot_condition_holds_the_quarter_at_kha() {
    let r = hd42();
    assert_eq!(r.reference().version, 2);
    let mut rec = quarter(&[(Regular, 10), (Regular, 11), (Thematic, 11), (Regular, 12)]);
    assert_eq!(
        quarter_report(&r, &rec, Officers::Committee).rating,
        Some(Rating::Tot)
    );

    // One month only: the other two are Tốt, the average is still ≥ 90, the quarter is Khá.
    let november = rec
        .meetings
        .iter_mut()
        .find(|m| m.month == 11 && m.kind.is_regular());
    let november = november.expect("a regular meeting in November");
    november.facts.present = "19".into();
    november.facts.absent_without_reason = "1".into();
    november.facts.speakers = "19".into();
    let rep = quarter_report(&r, &rec, Officers::Committee);
    assert_eq!(rep.uncapped_rating, Some(Rating::Tot));
    assert_eq!(rep.rating, Some(Rating::Kha));
    assert_eq!(rep.shortfalls, vec![Shortfall::TotConditionsMissed(11)]);

    absent_without_reason_each_month(&mut rec);
    let rep = quarter_report(&r, &rec, Officers::Committee);
    assert_eq!(rep.rating, Some(Rating::Kha));
    assert!(!rep.tot_without_a_tot_meeting());
    assert_eq!(
        rep.shortfalls,
        vec![
            Shortfall::TotConditionsMissed(10),
            Shortfall::TotConditionsMissed(11),
            Shortfall::TotConditionsMissed(12)
        ]
    );
}

#[test]
fn a_short_duration_counts_as_missed_only_once_the_sheet_s_facts_add_up() {
    let r = hd42();
    let mut rec = quarter(&[(Regular, 10), (Regular, 11), (Thematic, 11), (Regular, 12)]);
    let october = rec.meetings.iter_mut().find(|m| m.month == 10);
    let october = october.expect("October's meeting");
    october.facts.duration_minutes = "9".into();
    // November: the same short duration, but the attendance does not add up yet (a secretary
    // still typing): not counted.
    assert_eq!((rec.meetings[1].month, rec.meetings[1].kind), (11, Regular));
    rec.meetings[1].facts.duration_minutes = "9".into();
    rec.meetings[1].facts.present = "25".into();
    let rep = quarter_report(&r, &rec, Officers::Committee);
    // "9" is a valid duration, so the facts are full and consistent: October's is a miss.
    assert_eq!(rep.shortfalls, vec![Shortfall::TotConditionsMissed(10)]);
}

#[test]
fn an_item_not_answered_yet_is_not_a_missed_tot_condition() {
    let r = hd42();
    let mut rec = quarter(&[(Regular, 10), (Regular, 11), (Thematic, 11), (Regular, 12)]);
    for m in rec.meetings.iter_mut().filter(|m| m.kind.is_regular()) {
        m.answers.remove("bien_ban");
        m.facts.present = String::new();
        m.complete = false;
    }
    let rep = quarter_report(&r, &rec, Officers::Committee);
    assert_eq!(rep.shortfalls, vec![]);
}
