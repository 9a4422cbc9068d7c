//! Every scoring rule of the shipped rubrics at its boundaries.

mod common;

use chibo::domain::cell::Officers;
use chibo::domain::meeting::{Answer, MeetingKind, RawFacts};
use chibo::domain::rating::Rating;
use chibo::domain::scoring::ItemOutcome;
use common::*;

fn with_facts(f: impl FnOnce(&mut RawFacts)) -> chibo::domain::meeting::Meeting {
    let mut m = perfect(&hd42(), MeetingKind::Regular);
    f(&mut m.facts);
    m
}

fn attendance(present: u32, required: u32, without_reason: u32) -> u32 {
    let m = with_facts(|f| {
        f.required = required.to_string();
        f.present = present.to_string();
        f.absent_without_reason = without_reason.to_string();
        f.absent_with_reason = (required - present - without_reason).to_string();
        f.speakers = present.to_string();
    });
    item_points(&hd42(), &m, "ty_le_du_hop")
}

#[test]
fn hd42_attendance_levels_change_exactly_at_90_75_and_65_percent() {
    assert_eq!(attendance(100, 100, 0), 4);
    assert_eq!(attendance(90, 100, 0), 4);
    assert_eq!(attendance(89, 100, 0), 3);
    assert_eq!(attendance(85, 100, 0), 3);
    assert_eq!(attendance(84, 100, 0), 3);
    assert_eq!(attendance(75, 100, 0), 3);
    assert_eq!(attendance(74, 100, 0), 2);
    assert_eq!(attendance(65, 100, 0), 2);
    assert_eq!(attendance(64, 100, 0), 1);
}

#[test]
fn hd42_attendance_is_compared_exactly_not_after_rounding() {
    // 899/1000 = 89.9%: rounding to whole percent would wrongly give 90%.
    assert_eq!(attendance(899, 1000, 0), 3);
    assert_eq!(attendance(900, 1000, 0), 4);
}

#[test]
fn any_absence_without_reason_drops_attendance_to_one_point() {
    assert_eq!(attendance(99, 100, 1), 1);
}

#[test]
fn zero_present_scores_the_lowest_attendance_and_no_speaker_points() {
    let m = with_facts(|f| {
        f.present = "0".into();
        f.absent_with_reason = "20".into();
        f.speakers = "0".into();
    });
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!(s.item("ty_le_du_hop").unwrap().points, 1);
    assert_eq!(s.item("phat_bieu").unwrap().points, 0);
    assert_eq!(
        s.item("phat_bieu").unwrap().outcome,
        ItemOutcome::DerivedMissing
    );
}

#[test]
fn zero_required_gives_no_attendance_points() {
    let m = with_facts(|f| {
        f.required = "0".into();
        f.present = "0".into();
        f.absent_with_reason = "0".into();
        f.speakers = "0".into();
    });
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!(
        s.item("ty_le_du_hop").unwrap().outcome,
        ItemOutcome::DerivedMissing
    );
    assert_eq!(s.item("ty_le_du_hop").unwrap().points, 0);
}

#[test]
fn hd12_attendance_needs_strictly_more_than_85_percent() {
    let r = hd12();
    let pts = |present: u32, required: u32| {
        let mut m = perfect(&r, MeetingKind::Regular);
        m.facts.required = required.to_string();
        m.facts.present = present.to_string();
        m.facts.absent_with_reason = (required - present).to_string();
        m.facts.speakers = present.to_string();
        item_points(&r, &m, "tc1_ty_le")
    };
    assert_eq!(pts(84, 100), 5);
    assert_eq!(pts(85, 100), 5);
    assert_eq!(pts(851, 1000), 10);
    assert_eq!(pts(86, 100), 10);
    assert_eq!(pts(89, 100), 10);
    assert_eq!(pts(90, 100), 10);
    assert_eq!(pts(69, 100), 0);
}

#[test]
fn hd12_version_2_asks_90_minutes_of_a_combined_meeting_and_full_marks_on_speakers_for_tot() {
    let r = hd12();
    assert_eq!(r.reference().version, 2);
    let mut m = perfect(&r, MeetingKind::Combined);
    m.facts.duration_minutes = "95".into();
    let s = score(&r, &m, Officers::Committee);
    assert_eq!(s.item("tc3_thoi_luong").unwrap().lost(), 0);
    assert_eq!(s.rating, Rating::Tot);
    // Fewer than half of those present spoke: still ≥ 90 points, but not Tốt.
    let present: u32 = m.facts.present.parse().unwrap();
    m.facts.speakers = (present / 3).to_string();
    let s = score(&r, &m, Officers::Committee);
    assert!(s.score >= 90, "{}", s.score);
    assert_eq!(s.rating, Rating::Kha);
    assert_eq!(s.tot_blocked_by, vec!["tc3_phat_bieu".to_string()]);
}

fn duration(kind: MeetingKind, required: u32, minutes: u32) -> u32 {
    let mut m = perfect(&hd42(), kind);
    m.facts = good_facts(required);
    m.facts.duration_minutes = minutes.to_string();
    item_points(&hd42(), &m, "thoi_luong")
}

#[test]
fn a_small_cell_needs_90_minutes_with_steps_at_15_30_and_half() {
    use MeetingKind::Regular;
    assert_eq!(duration(Regular, 29, 90), 5);
    assert_eq!(duration(Regular, 29, 89), 4);
    assert_eq!(duration(Regular, 29, 75), 4);
    assert_eq!(duration(Regular, 29, 74), 3);
    assert_eq!(duration(Regular, 29, 60), 3);
    assert_eq!(duration(Regular, 29, 59), 2);
    assert_eq!(duration(Regular, 29, 45), 2);
    assert_eq!(duration(Regular, 29, 44), 1);
}

#[test]
fn a_large_cell_needs_120_minutes() {
    use MeetingKind::Regular;
    assert_eq!(duration(Regular, 30, 120), 5);
    assert_eq!(duration(Regular, 30, 119), 4);
    assert_eq!(duration(Regular, 30, 105), 4);
    assert_eq!(duration(Regular, 30, 104), 3);
    assert_eq!(duration(Regular, 30, 90), 3);
    assert_eq!(duration(Regular, 30, 89), 2);
    assert_eq!(duration(Regular, 30, 60), 2);
    assert_eq!(duration(Regular, 30, 59), 1);
}

#[test]
fn a_combined_meeting_needs_120_minutes_even_in_a_small_cell() {
    assert_eq!(duration(MeetingKind::Combined, 10, 120), 5);
    assert_eq!(duration(MeetingKind::Combined, 10, 119), 4);
    assert_eq!(duration(MeetingKind::Thematic, 10, 90), 5);
}

fn speakers(n: u32) -> u32 {
    let m = with_facts(|f| {
        f.required = "100".into();
        f.present = "100".into();
        f.absent_with_reason = "0".into();
        f.speakers = n.to_string();
        f.duration_minutes = "120".into();
    });
    item_points(&hd42(), &m, "phat_bieu")
}

#[test]
fn speakers_levels_change_above_50_and_at_40_and_30_percent() {
    assert_eq!(speakers(51), 5);
    assert_eq!(speakers(50), 4);
    assert_eq!(speakers(40), 4);
    assert_eq!(speakers(39), 3);
    assert_eq!(speakers(30), 3);
    assert_eq!(speakers(29), 2);
    assert_eq!(speakers(0), 2);
}

#[test]
fn a_perfect_regular_meeting_scores_100_and_is_rated_tot() {
    let s = score(
        &hd42(),
        &perfect(&hd42(), MeetingKind::Regular),
        Officers::Committee,
    );
    assert_eq!(
        (s.points, s.max, s.score, s.rating),
        (100, 100, 100, Rating::Tot)
    );
    assert!(s.losses().is_empty());
    assert_eq!(
        s.groups.iter().map(|g| g.points).collect::<Vec<_>>(),
        vec![5, 5, 10, 30, 10, 5, 30, 5]
    );
}

#[test]
fn tot_needs_full_marks_on_minutes_even_when_the_score_is_99() {
    let mut m = perfect(&hd42(), MeetingKind::Regular);
    m.answers.insert("bien_ban".into(), Answer::Toggle(false));
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!(s.score, 99);
    assert_eq!(s.rating, Rating::Kha);
    assert_eq!(s.tot_blocked_by, vec!["bien_ban".to_string()]);
}

#[test]
fn losing_points_outside_the_full_marks_list_keeps_tot() {
    let mut m = perfect(&hd42(), MeetingKind::Regular);
    m.answers.insert("linh_hoat".into(), Answer::Toggle(false));
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.score, s.rating), (98, Rating::Tot));
    assert_eq!(s.losses()[0].item_id, "linh_hoat");
}

#[test]
fn ratings_follow_the_thresholds_90_70_50() {
    let mut m = perfect(&hd42(), MeetingKind::Regular);
    m.answers
        .insert("ket_qua_nghi_quyet".into(), Answer::Level("duoi_50".into())); // −20
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.score, s.rating), (80, Rating::Kha));
    m.answers
        .insert("noi_dung_thuong_ky".into(), Answer::Toggle(false)); // −10
    m.answers.insert("dinh_huong".into(), Answer::Toggle(false)); // −4
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.score, s.rating), (66, Rating::TrungBinh));
    for id in [
        "trinh_tu",
        "khen_nhac_phe_binh",
        "noi_dung_chuan_bi",
        "du_thao_ket_luan",
        "phat_huy_dan_chu",
    ] {
        m.answers.insert(id.into(), Answer::Toggle(false));
    }
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.score, s.rating), (51, Rating::TrungBinh));
    m.answers
        .insert("tu_phe_binh".into(), Answer::Toggle(false));
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.score, s.rating), (49, Rating::Kem));
}

#[test]
fn thematic_content_scores_full_marks_in_a_regular_meeting_without_an_answer() {
    let mut m = perfect(&hd42(), MeetingKind::Regular);
    m.answers.remove("noi_dung_chuyen_de");
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!(
        s.item("noi_dung_chuyen_de").unwrap().outcome,
        ItemOutcome::NotApplicableFull
    );
    assert_eq!(s.score, 100);
}

#[test]
fn thematic_content_counts_in_a_combined_meeting() {
    let mut m = perfect(&hd42(), MeetingKind::Combined);
    m.answers
        .insert("noi_dung_chuyen_de".into(), Answer::Toggle(false));
    assert_eq!(score(&hd42(), &m, Officers::Committee).score, 95);
}

#[test]
fn a_cell_with_only_a_secretary_gets_full_marks_for_the_committee_meeting() {
    let mut m = perfect(&hd42(), MeetingKind::Regular);
    m.answers.insert("hop_chi_uy".into(), Answer::Toggle(false));
    assert_eq!(score(&hd42(), &m, Officers::Committee).score, 98);
    assert_eq!(score(&hd42(), &m, Officers::OnlySecretary).score, 100);
    assert_eq!(score(&hd42(), &m, Officers::SecretaryAndDeputy).score, 98);
}

#[test]
fn a_thematic_only_meeting_excludes_regular_items_and_is_rescaled_to_100() {
    let mut m = perfect(&hd42(), MeetingKind::Thematic);
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.points, s.max, s.score), (60, 60, 100));
    assert_eq!(
        s.item("ket_qua_nghi_quyet").unwrap().outcome,
        ItemOutcome::Excluded
    );
    // Losing 1 of 60 points: 59/60 × 100 = 98.33 → 98.
    m.answers
        .insert("tap_trung_dan_chu".into(), Answer::Toggle(false));
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!((s.points, s.max, s.score), (59, 60, 98));
    // 57/60 × 100 = 95 exactly; 57.5 would round half up.
    m.answers
        .insert("tu_phe_binh".into(), Answer::Toggle(false));
    assert_eq!(score(&hd42(), &m, Officers::Committee).score, 95);
}

#[test]
fn unanswered_judgement_items_score_zero_and_derived_ones_wait_for_facts() {
    let m = chibo::domain::meeting::Meeting::new(1, MeetingKind::Regular, 10);
    let s = score(&hd42(), &m, Officers::Committee);
    assert_eq!(s.item("trinh_tu").unwrap().outcome, ItemOutcome::Unanswered);
    assert_eq!(
        s.item("thoi_luong").unwrap().outcome,
        ItemOutcome::DerivedMissing
    );
    // Only the not-applicable thematic item scores.
    assert_eq!(s.points, 5);
}

#[test]
fn repeated_absence_costs_the_streak_point() {
    let m = with_facts(|f| f.repeated_absence = Some(true));
    assert_eq!(item_points(&hd42(), &m, "vang_lien_tiep"), 0);
}
