//! The rubrics shipped with this build.
//!
//! Policy: a shipped rubric file is never edited. A changed rubric is a new file with a new
//! version, added here beside the old one, so every saved quarter can still be scored with the
//! exact rubric (same SHA-256) it was started with. `tests::shipped_rubric_hashes_never_change`
//! enforces this.

use super::quarter::QuarterId;
use super::rubric::{parse_shipped_rubric, Rubric, RubricError, RubricRef};

/// Text of every shipped rubric file, newest default first.
pub const SHIPPED: [(&str, &str); 4] = [
    (
        "hd42-2025.v2.json",
        include_str!("../../rubrics/hd42-2025.v2.json"),
    ),
    (
        "hd42-2025.v1.json",
        include_str!("../../rubrics/hd42-2025.v1.json"),
    ),
    (
        "hd12-2018.v2.json",
        include_str!("../../rubrics/hd12-2018.v2.json"),
    ),
    (
        "hd12-2018.v1.json",
        include_str!("../../rubrics/hd12-2018.v1.json"),
    ),
];

/// The canonical SHA-256 of each file of [`SHIPPED`], in the same order. Recorded rather than
/// computed at start-up: the secretary's page then needs no SHA-256 or JSON canonicalisation
/// before the sheet is drawn (they come with the export, in a chunk of their own), and opens a
/// little sooner. `tests::recorded_hashes_are_the_files_hashes` computes them again.
pub const SHIPPED_SHA256: [&str; 4] = [
    "57966a78f9f558b08881ea88a72bf6313c4fed17df315f007d1baca92e10cdeb",
    "5a9da39eb5a575915abd5631f0013df67cf24508a7657dd37eb6c1d4ff6ccd5f",
    "4e579728f94dc6d6e2d5fb2b52914079c1913876d9a56b1a87a1487c6cd210aa",
    "b3c5b28d8fa4e417c0fa0d4822499e37ee58e75431a69e78a567407586646b1e",
];

/// The default rubric id for new quarters.
pub const DEFAULT_RUBRIC_ID: &str = "hd42-2025";

/// The rubric of the guidance in force before HD 42, and the day HD 42 was issued
/// (`YYYY-MM-DD`): a quarter that ended before it starts with HD 12 (RUBRICS.md: HD 12 of 2018,
/// replaced by HD 42 of 28/10/2025).
const EARLIER: (&str, &str) = ("hd12-2018", "2025-10-28");

/// The parsed shipped rubrics.
#[derive(Debug, Clone)]
pub struct Catalog {
    rubrics: Vec<Rubric>,
}

impl Catalog {
    /// Parses every shipped rubric. Fails only if a shipped file is broken (a build defect caught
    /// by the tests, reported rather than panicking).
    pub fn shipped() -> Result<Self, RubricError> {
        let rubrics = SHIPPED
            .iter()
            .zip(SHIPPED_SHA256)
            .map(|((_, text), sha256)| parse_shipped_rubric(text, sha256))
            .collect::<Result<_, _>>()?;
        Ok(Self { rubrics })
    }

    /// Every rubric, default first.
    pub fn all(&self) -> &[Rubric] {
        &self.rubrics
    }

    /// The exact rubric a record names (id, version and hash must all match).
    pub fn get(&self, r: &RubricRef) -> Option<&Rubric> {
        self.rubrics.iter().find(|x| x.reference() == r)
    }

    /// The newest version of a rubric id.
    pub fn latest(&self, id: &str) -> Option<&Rubric> {
        self.rubrics
            .iter()
            .filter(|x| x.reference().id == id)
            .max_by_key(|x| x.reference().version)
    }

    /// The default rubric for new quarters.
    pub fn default_rubric(&self) -> Option<&Rubric> {
        self.latest(DEFAULT_RUBRIC_ID)
            .or_else(|| self.rubrics.first())
    }

    /// The rubric a new `quarter` starts with: the guidance in force then. A secretary filling
    /// in a quarter of 2025 before HD 42 is offered HD 12, not a sheet that did not exist yet.
    pub fn default_for(&self, quarter: QuarterId) -> Option<&Rubric> {
        let (earlier, until) = EARLIER;
        if quarter.last_day_iso().as_str() < until {
            if let Some(r) = self.latest(earlier) {
                return Some(r);
            }
        }
        self.default_rubric()
    }

    /// A newer version of the rubric `r` names, if this build has one.
    pub fn newer_version(&self, r: &RubricRef) -> Option<&Rubric> {
        self.latest(&r.id)
            .filter(|n| n.reference().version > r.version)
    }

    /// The rubrics offered for a new quarter: the newest version of each id, default first. An
    /// older version stays in the catalog for the quarters started with it, but a new quarter
    /// has no reason to start with a superseded one.
    pub fn offered(&self) -> Vec<&Rubric> {
        self.rubrics
            .iter()
            .filter(|r| {
                self.latest(&r.reference().id)
                    .is_some_and(|l| l.reference() == r.reference())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rubric::parse_rubric;

    #[test]
    fn recorded_hashes_are_the_files_hashes() {
        assert_eq!(SHIPPED.len(), SHIPPED_SHA256.len());
        for ((file, text), recorded) in SHIPPED.iter().zip(SHIPPED_SHA256) {
            let computed = parse_rubric(text).map(|r| r.reference().sha256.clone());
            assert_eq!(computed.as_deref(), Ok(recorded), "{file}");
        }
    }

    #[test]
    fn a_new_quarter_starts_with_the_guidance_in_force_then() {
        let c = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let id = |y, q| {
            let q = QuarterId::new(y, q).unwrap_or_else(|e| panic!("{e}"));
            c.default_for(q)
                .map(|r| (r.reference().id.clone(), r.reference().version))
        };
        assert_eq!(id(2025, 3), Some(("hd12-2018".into(), 2)));
        assert_eq!(id(2019, 1), Some(("hd12-2018".into(), 2)));
        // HD 42 was issued on 28 October 2025, within the fourth quarter.
        assert_eq!(id(2025, 4), Some(("hd42-2025".into(), 2)));
        assert_eq!(id(2026, 4), Some(("hd42-2025".into(), 2)));
    }

    #[test]
    fn a_superseded_version_is_kept_but_not_offered_for_a_new_quarter() {
        let c = Catalog::shipped().unwrap_or_else(|e| panic!("{e}"));
        let offered: Vec<(String, u32)> = c
            .offered()
            .iter()
            .map(|r| (r.reference().id.clone(), r.reference().version))
            .collect();
        assert_eq!(
            offered,
            vec![("hd42-2025".into(), 2), ("hd12-2018".into(), 2)]
        );
        assert_eq!(c.all().len(), 4);
    }

    #[test]
    fn the_catalog_reads_each_shipped_file_as_parse_rubric_does() {
        let refs = |rs: &[Rubric]| rs.iter().map(|r| r.reference().clone()).collect::<Vec<_>>();
        let catalog = Catalog::shipped().map(|c| refs(c.all()));
        let parsed: Result<Vec<_>, _> = SHIPPED.iter().map(|(_, t)| parse_rubric(t)).collect();
        assert_eq!(catalog, parsed.map(|p| refs(&p)));
    }
}
