//! The rubrics shipped with this build.
//!
//! Policy: a shipped rubric file is never edited. A changed rubric is a new file with a new
//! version, added here beside the old one, so every saved quarter can still be scored with the
//! exact rubric (same SHA-256) it was started with. `tests::shipped_rubric_hashes_never_change`
//! enforces this.

use super::rubric::{parse_rubric, Rubric, RubricError, RubricRef};

/// Text of every shipped rubric file, newest default first.
pub const SHIPPED: [(&str, &str); 2] = [
    (
        "hd42-2025.v1.json",
        include_str!("../../rubrics/hd42-2025.v1.json"),
    ),
    (
        "hd12-2018.v1.json",
        include_str!("../../rubrics/hd12-2018.v1.json"),
    ),
];

/// The default rubric id for new quarters.
pub const DEFAULT_RUBRIC_ID: &str = "hd42-2025";

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
            .map(|(_, text)| parse_rubric(text))
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
}
