//! The two languages of the app's messages: Vietnamese (the default) and English.
//!
//! A message made by the domain (or the storage edge) keeps its Vietnamese text as its `Display`
//! (the CLI, the tests and stored data use it) and has an English version beside it through
//! [`Bilingual`]; the UI picks one with [`Bilingual::message`]. Plain Rust, so the domain stays
//! free of the browser stack.

use std::fmt::Display;

use serde::{Deserialize, Serialize};

/// A language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }

    /// The other language (what the header's switch offers).
    pub fn other(self) -> Self {
        match self {
            Self::Vi => Self::En,
            Self::En => Self::Vi,
        }
    }
}

/// A message with a Vietnamese text (its `Display`) and an English one.
pub trait Bilingual: Display {
    /// The message in English.
    fn message_en(&self) -> String;

    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.to_string(),
            Lang::En => self.message_en(),
        }
    }
}

/// Test support: every example has an English text that is not empty, differs from the
/// Vietnamese one and has no Vietnamese letters left in it (examples use ASCII values), and the
/// examples are one of each variant: `variant` (an exhaustive `match`, so a new variant does not
/// compile until it is listed) numbers them `0..examples.len()`, each once.
#[cfg(test)]
pub fn assert_translated<T: Bilingual + std::fmt::Debug>(examples: &[T], variant: fn(&T) -> usize) {
    let mut seen: Vec<usize> = examples.iter().map(variant).collect();
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..examples.len()).collect::<Vec<_>>(),
        "one example per variant, numbered 0.. in the match"
    );
    for e in examples {
        let (vi, en) = (e.to_string(), e.message_en());
        assert!(!en.trim().is_empty(), "{e:?}: no English");
        assert!(!vi.trim().is_empty(), "{e:?}: no Vietnamese");
        assert_ne!(vi, en, "{e:?}: the English is the Vietnamese");
        assert_eq!(e.message(Lang::Vi), vi);
        assert_eq!(e.message(Lang::En), en);
        assert!(
            !has_vietnamese_letters(&en),
            "{e:?}: Vietnamese left in the English: {en}"
        );
    }
}

/// Whether `s` has a letter only Vietnamese uses (a tone mark, đ, ơ, ư, ă, â, ê, ô).
#[cfg(test)]
pub fn has_vietnamese_letters(s: &str) -> bool {
    s.chars().any(|c| {
        !c.is_ascii()
            && c.is_alphabetic()
            && !matches!(c, 'é' | 'è' | 'à' | 'ü' | 'ö' | 'ä' | 'ç' | 'ï' | 'ë')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_the_default_and_the_other_language_alternates() {
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(Lang::Vi.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Vi);
        assert_eq!(Lang::En.code(), "en");
    }

    #[test]
    fn vietnamese_letters_are_spotted() {
        assert!(has_vietnamese_letters("Số quá lớn"));
        assert!(has_vietnamese_letters("đ"));
        assert!(!has_vietnamese_letters(
            "The number is too large «x» — 2^53"
        ));
    }
}
