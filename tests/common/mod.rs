//! Shared builders for the domain tests.
#![allow(dead_code)]

use chibo::domain::catalog::Catalog;
use chibo::domain::cell::Officers;
use chibo::domain::facts::check_facts;
use chibo::domain::meeting::{Answer, Meeting, MeetingKind, RawFacts};
use chibo::domain::quarter::QuarterId;
use chibo::domain::rubric::{ItemKind, Rubric};
use chibo::domain::scoring::{score_meeting, MeetingScore};

pub fn catalog() -> Catalog {
    Catalog::shipped().expect("shipped rubrics parse")
}

pub fn hd42() -> Rubric {
    catalog().latest("hd42-2025").expect("hd42").clone()
}

/// Version 1 of HD 42, which rates the quarter by its average alone (quarters started with it
/// keep it).
pub fn hd42_v1() -> Rubric {
    catalog()
        .all()
        .iter()
        .find(|r| r.reference().id == "hd42-2025" && r.reference().version == 1)
        .expect("hd42 v1")
        .clone()
}

pub fn hd12() -> Rubric {
    catalog().latest("hd12-2018").expect("hd12").clone()
}

pub fn q4() -> QuarterId {
    QuarterId::new(2026, 4).expect("quarter")
}

/// Facts of a good meeting in October 2026 with `required` members required to attend.
pub fn good_facts(required: u32) -> RawFacts {
    RawFacts {
        date: "2026-10-05".into(),
        duration_minutes: "130".into(),
        required: required.to_string(),
        present: required.to_string(),
        absent_with_reason: "0".into(),
        absent_without_reason: "0".into(),
        speakers: required.to_string(),
        repeated_absence: Some(false),
    }
}

/// A meeting with every judgement item at its best answer and good facts.
pub fn perfect(rubric: &Rubric, kind: MeetingKind) -> Meeting {
    let mut m = Meeting::new(1, kind, 10);
    m.facts = good_facts(20);
    for item in rubric.items() {
        match item.kind {
            ItemKind::Toggle => {
                m.answers.insert(item.id.clone(), Answer::Toggle(true));
            }
            ItemKind::Levels => {
                let best = item
                    .options
                    .iter()
                    .max_by_key(|o| o.points)
                    .expect("options");
                m.answers
                    .insert(item.id.clone(), Answer::Level(best.id.clone()));
            }
            ItemKind::Derived => {}
        }
    }
    m
}

pub fn score(rubric: &Rubric, m: &Meeting, officers: Officers) -> MeetingScore {
    let facts = check_facts(&m.facts, q4(), m.month);
    score_meeting(rubric, m, &facts.parsed, officers)
}

/// Points of one item for a meeting.
pub fn item_points(rubric: &Rubric, m: &Meeting, item: &str) -> u32 {
    score(rubric, m, Officers::Committee)
        .item(item)
        .expect("item")
        .points
}
