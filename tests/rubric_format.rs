//! The rubric parser accepts the shipped rubrics and rejects inconsistent ones precisely.

mod common;

use chibo::domain::catalog::SHIPPED;
use chibo::domain::rubric::{parse_rubric, DurationProblem, RubricError};
use serde_json::{json, Value};

fn hd42_value() -> Value {
    serde_json::from_str(SHIPPED[0].1).unwrap()
}

fn parse(v: &Value) -> Result<chibo::domain::rubric::Rubric, RubricError> {
    parse_rubric(&v.to_string())
}

#[test]
fn the_shipped_rubrics_parse_with_eight_and_five_groups_of_100_points() {
    let c = common::catalog();
    let hd42 = c.latest("hd42-2025").unwrap();
    assert_eq!(hd42.groups().len(), 8);
    assert_eq!(hd42.file().max_points, 100);
    let hd12 = c.latest("hd12-2018").unwrap();
    assert_eq!(hd12.groups().len(), 5);
    assert_eq!(c.default_rubric().unwrap().reference().id, "hd42-2025");
}

/// A shipped rubric file must never change (quarters are scored with the exact hash they name);
/// publish a new version as a new file instead.
#[test]
fn shipped_rubric_hashes_never_change() {
    let c = common::catalog();
    let hashes: Vec<(String, u32, String)> = c
        .all()
        .iter()
        .map(|r| {
            (
                r.reference().id.clone(),
                r.reference().version,
                r.reference().sha256.clone(),
            )
        })
        .collect();
    let expected = include_str!("golden/rubric-hashes.txt");
    let actual: String = hashes
        .iter()
        .map(|(id, v, h)| format!("{id} {v} {h}\n"))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn reindenting_or_reordering_a_rubric_keeps_its_hash() {
    let v = hd42_value();
    let a = parse_rubric(SHIPPED[0].1).unwrap();
    let b = parse_rubric(&serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(a.reference(), b.reference());
}

#[test]
fn points_that_do_not_add_up_in_a_group_are_rejected_with_the_group_named() {
    let mut v = hd42_value();
    v["groups"][2]["items"][0]["max_points"] = json!(4);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::GroupPointsMismatch {
            group: "chuan_bi".into(),
            declared: 10,
            sum: 11
        }
    );
}

#[test]
fn groups_that_do_not_add_up_to_the_total_are_rejected() {
    let mut v = hd42_value();
    v["max_points"] = json!(99);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::TotalPointsMismatch {
            declared: 99,
            sum: 100
        }
    );
}

#[test]
fn a_duplicate_item_id_is_rejected() {
    let mut v = hd42_value();
    v["groups"][2]["items"][1]["id"] = json!("noi_dung_chuan_bi");
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::DuplicateId("noi_dung_chuan_bi".into())
    );
}

#[test]
fn a_level_worth_more_than_its_item_is_rejected() {
    let mut v = hd42_value();
    v["groups"][6]["items"][0]["options"][1]["points"] = json!(31);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::LevelAboveItem {
            item: "ket_qua_nghi_quyet".into(),
            option: "80_90".into(),
            points: 31,
            max: 30
        }
    );
}

#[test]
fn a_levels_item_whose_best_level_is_below_its_maximum_is_rejected() {
    let mut v = hd42_value();
    v["groups"][6]["items"][0]["options"][0]["points"] = json!(29);
    assert!(matches!(
        parse(&v).unwrap_err(),
        RubricError::BestLevelBelowMax { best: 29, .. }
    ));
}

#[test]
fn a_derived_item_without_a_fallback_band_is_rejected() {
    let mut v = hd42_value();
    v["groups"][0]["items"][0]["bands"][4]["if"] =
        json!([{"measure": "duration_ratio", "at_least": 0}]);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::NoFallbackBand {
            item: "thoi_luong".into()
        }
    );
}

#[test]
fn a_condition_with_two_comparators_is_rejected() {
    let mut v = hd42_value();
    v["groups"][0]["items"][0]["bands"][0]["if"][0]["at_most"] = json!(10);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::BadCondition {
            item: "thoi_luong".into()
        }
    );
}

#[test]
fn a_conditional_item_must_say_how_it_scores_when_not_applicable() {
    let mut v = hd42_value();
    v["groups"][2]["items"][2]
        .as_object_mut()
        .unwrap()
        .remove("when_not_applicable");
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::MissingNotApplicableRule {
            item: "hop_chi_uy".into()
        }
    );
}

#[test]
fn an_empty_id_title_group_list_or_group_is_rejected_with_the_field_named() {
    let mut v = hd42_value();
    v["title"] = json!("  ");
    assert_eq!(parse(&v).unwrap_err(), RubricError::Empty("title"));
    let mut v = hd42_value();
    v["groups"] = json!([]);
    assert_eq!(parse(&v).unwrap_err(), RubricError::Empty("groups"));
    let mut v = hd42_value();
    v["groups"][7]["items"] = json!([]);
    assert_eq!(parse(&v).unwrap_err(), RubricError::Empty("items"));
}

#[test]
fn an_item_worth_no_points_is_rejected() {
    let mut v = hd42_value();
    v["groups"][7]["items"][2]["max_points"] = json!(0);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::ZeroPointItem {
            item: "dang_tai_sau".into()
        }
    );
}

#[test]
fn an_item_with_a_single_level_or_band_is_rejected() {
    let mut v = hd42_value();
    let best = v["groups"][6]["items"][0]["options"][0].clone();
    v["groups"][6]["items"][0]["options"] = json!([best]);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::TooFewLevels {
            item: "ket_qua_nghi_quyet".into()
        }
    );
    let mut v = hd42_value();
    let fallback = v["groups"][1]["items"][1]["bands"][1].clone();
    v["groups"][1]["items"][1]["bands"] = json!([fallback]);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::TooFewLevels {
            item: "vang_lien_tiep".into()
        }
    );
}

#[test]
fn a_band_without_a_condition_before_the_last_is_rejected() {
    let mut v = hd42_value();
    v["groups"][0]["items"][0]["bands"][1]["if"] = json!([]);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::UnreachableBand {
            item: "thoi_luong".into()
        }
    );
}

#[test]
fn a_rule_for_when_not_applicable_without_a_condition_is_rejected() {
    let mut v = hd42_value();
    v["groups"][2]["items"][2]
        .as_object_mut()
        .unwrap()
        .remove("applies_if");
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::NotApplicableRuleWithoutCondition {
            item: "hop_chi_uy".into()
        }
    );
}

#[test]
fn a_duration_rule_of_zero_minutes_or_members_is_rejected() {
    let mut v = hd42_value();
    v["duration_rule"]["minutes"] = json!(0);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::BadDurationRule(DurationProblem::ZeroMinutes)
    );
    let mut v = hd42_value();
    v["duration_rule"]["combined_minutes"] = json!(0);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::BadDurationRule(DurationProblem::ZeroMinutes)
    );
    let mut v = hd42_value();
    v["duration_rule"]["large_cell"]["min_required_members"] = json!(0);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::BadDurationRule(DurationProblem::ZeroLargeCell)
    );
}

#[test]
fn a_toggle_with_levels_is_a_kind_mismatch() {
    let mut v = hd42_value();
    v["groups"][2]["items"][0]["options"] = v["groups"][6]["items"][0]["options"].clone();
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::KindMismatch {
            item: "noi_dung_chuan_bi".into()
        }
    );
}

#[test]
fn rating_thresholds_must_decrease() {
    let mut v = hd42_value();
    v["ratings"]["kha"] = json!(95);
    assert!(matches!(
        parse(&v).unwrap_err(),
        RubricError::BadRatingThresholds(_)
    ));
}

#[test]
fn a_full_marks_rule_naming_an_unknown_item_is_rejected() {
    let mut v = hd42_value();
    v["full_marks_required_for_tot"] = json!(["khong_co"]);
    assert_eq!(
        parse(&v).unwrap_err(),
        RubricError::UnknownFullMarksItem("khong_co".into())
    );
}

#[test]
fn unknown_fields_and_formats_and_bad_json_are_rejected() {
    let mut v = hd42_value();
    v["extra"] = json!(1);
    assert!(matches!(parse(&v).unwrap_err(), RubricError::Syntax(m) if m.contains("extra")));
    let mut v = hd42_value();
    v["format"] = json!("chibo-rubric/9");
    assert!(matches!(
        parse(&v).unwrap_err(),
        RubricError::UnsupportedFormat(_)
    ));
    assert!(matches!(
        parse_rubric("{").unwrap_err(),
        RubricError::Syntax(_)
    ));
    assert!(matches!(
        parse_rubric("[]").unwrap_err(),
        RubricError::Syntax(_)
    ));
}

#[test]
fn every_error_message_is_vietnamese_text_for_the_user() {
    let mut v = hd42_value();
    v["max_points"] = json!(99);
    assert_eq!(
        parse(&v).unwrap_err().to_string(),
        "Bộ tiêu chí khai báo 99 điểm nhưng các nhóm cộng lại 100 điểm"
    );
}
