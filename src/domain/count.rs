//! Whole-number fields typed by a person: parsed strictly, never guessed.

use thiserror::Error;

use super::lang::Bilingual;

/// Largest count or minute value accepted; far above any real cell, far below 2^53.
pub const MAX_COUNT: u32 = 100_000;

/// Why a typed number was refused. Shown next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CountError {
    #[error("Không được là số âm")]
    Negative,
    #[error("Phải là số nguyên (không có dấu phẩy, chữ)")]
    NotWhole,
    #[error("Số quá lớn")]
    TooLarge,
}

impl Bilingual for CountError {
    fn message_en(&self) -> String {
        match self {
            Self::Negative => "Must not be negative",
            Self::NotWhole => "Must be a whole number (no commas or letters)",
            Self::TooLarge => "The number is too large",
        }
        .to_string()
    }
}

/// Parses a typed count: empty means "not answered yet" (`Ok(None)`); surrounding spaces are
/// ignored; anything but digits is an error that names the problem.
pub fn parse_count(raw: &str) -> Result<Option<u32>, CountError> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = s.strip_prefix('-') {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
            return Err(CountError::Negative);
        }
        return Err(CountError::NotWhole);
    }
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(CountError::NotWhole);
    }
    match s.parse::<u64>() {
        Ok(n) if n <= u64::from(MAX_COUNT) => Ok(Some(n as u32)),
        _ => Err(CountError::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_means_not_answered() {
        assert_eq!(parse_count("  "), Ok(None));
    }

    #[test]
    fn digits_parse_and_spaces_are_ignored() {
        assert_eq!(parse_count(" 42 "), Ok(Some(42)));
        assert_eq!(parse_count("0"), Ok(Some(0)));
    }

    #[test]
    fn negative_decimal_and_words_are_refused_with_their_reason() {
        assert_eq!(parse_count("-3"), Err(CountError::Negative));
        assert_eq!(parse_count("4.5"), Err(CountError::NotWhole));
        assert_eq!(parse_count("abc"), Err(CountError::NotWhole));
        assert_eq!(parse_count("-"), Err(CountError::NotWhole));
        assert_eq!(
            parse_count("99999999999999999999"),
            Err(CountError::TooLarge)
        );
    }

    #[test]
    fn every_reason_has_an_english_message() {
        use CountError::*;
        crate::domain::lang::assert_translated(&[Negative, NotWhole, TooLarge], |e| match e {
            Negative => 0,
            NotWhole => 1,
            TooLarge => 2,
        });
    }
}
