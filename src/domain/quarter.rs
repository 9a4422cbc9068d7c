//! Quarters of the year: which one, its months, and which one "now" falls in.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use super::lang::Bilingual;

/// A calendar quarter, written `2026-Q4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuarterId {
    year: i32,
    quarter: u8,
}

/// Why a quarter could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuarterError {
    #[error("Quý phải từ 1 đến 4")]
    BadQuarter,
    #[error("Năm phải từ 2000 đến 2100")]
    BadYear,
    #[error("Quý phải viết dạng NNNN-Qn, ví dụ 2026-Q4")]
    BadText,
}

impl Bilingual for QuarterError {
    fn message_en(&self) -> String {
        match self {
            Self::BadQuarter => "The quarter must be from 1 to 4",
            Self::BadYear => "The year must be from 2000 to 2100",
            Self::BadText => "Write the quarter as YYYY-Qn, for example 2026-Q4",
        }
        .into()
    }
}

impl QuarterId {
    /// Earliest and latest years accepted: wide enough for archives, narrow enough to catch typos.
    pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

    /// A quarter from a year and 1–4.
    pub fn new(year: i32, quarter: u8) -> Result<Self, QuarterError> {
        if !(1..=4).contains(&quarter) {
            return Err(QuarterError::BadQuarter);
        }
        if !Self::YEARS.contains(&year) {
            return Err(QuarterError::BadYear);
        }
        Ok(Self { year, quarter })
    }

    /// The quarter a date falls in (the clock is the caller's).
    pub fn containing(date: NaiveDate) -> Self {
        let year = date.year().clamp(*Self::YEARS.start(), *Self::YEARS.end());
        Self {
            year,
            quarter: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1–4.
    pub fn quarter(self) -> u8 {
        self.quarter
    }

    /// The three calendar months (1–12) of the quarter.
    pub fn months(self) -> [u8; 3] {
        let first = (self.quarter - 1) * 3 + 1;
        [first, first + 1, first + 2]
    }

    /// The quarter's last day, `YYYY-MM-DD` (compared with a registry entry's valid-from).
    pub fn last_day_iso(self) -> String {
        let (month, day) = match self.quarter {
            1 => (3, 31),
            2 => (6, 30),
            3 => (9, 30),
            _ => (12, 31),
        };
        format!("{:04}-{month:02}-{day:02}", self.year)
    }

    /// Whether a date lies in the given calendar month of this quarter's year.
    pub fn date_in_month(self, date: NaiveDate, month: u8) -> bool {
        date.year() == self.year && date.month() == u32::from(month)
    }

    /// Parses `2026-Q4`.
    pub fn parse(text: &str) -> Result<Self, QuarterError> {
        let (y, q) = text.split_once("-Q").ok_or(QuarterError::BadText)?;
        let year: i32 = y.parse().map_err(|_| QuarterError::BadText)?;
        let quarter: u8 = q.parse().map_err(|_| QuarterError::BadText)?;
        Self::new(year, quarter)
    }
}

impl fmt::Display for QuarterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.quarter)
    }
}

impl Serialize for QuarterId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for QuarterId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The years offered when choosing a quarter: three back and one ahead of both the open
/// quarter's year and this year, so neither an old quarter left open nor a new year ever hides
/// the other.
pub fn picker_years(open: Option<i32>, this_year: i32) -> std::ops::RangeInclusive<i32> {
    let open = open.unwrap_or(this_year);
    (open.min(this_year) - 3)..=(open.max(this_year) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_list_keeps_this_year_when_an_old_quarter_is_open() {
        assert_eq!(picker_years(Some(2023), 2026), 2020..=2027);
        assert_eq!(picker_years(None, 2026), 2023..=2027);
        assert_eq!(picker_years(Some(2027), 2026), 2023..=2028);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_month_falls_in_its_quarter() {
        assert_eq!(
            QuarterId::containing(date(2026, 1, 1)).to_string(),
            "2026-Q1"
        );
        assert_eq!(
            QuarterId::containing(date(2026, 3, 31)).to_string(),
            "2026-Q1"
        );
        assert_eq!(
            QuarterId::containing(date(2026, 4, 1)).to_string(),
            "2026-Q2"
        );
        assert_eq!(
            QuarterId::containing(date(2026, 11, 23)).to_string(),
            "2026-Q4"
        );
        assert_eq!(
            QuarterId::containing(date(2026, 12, 31)).months(),
            [10, 11, 12]
        );
    }

    #[test]
    fn quarters_parse_and_print_the_same() {
        let q = QuarterId::parse("2025-Q3").unwrap();
        assert_eq!((q.year(), q.quarter()), (2025, 3));
        assert_eq!(q.to_string(), "2025-Q3");
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"2025-Q3\"");
    }

    #[test]
    fn impossible_quarters_are_refused() {
        assert_eq!(QuarterId::parse("2025-Q5"), Err(QuarterError::BadQuarter));
        assert_eq!(QuarterId::parse("1999-Q1"), Err(QuarterError::BadYear));
        assert_eq!(QuarterId::parse("2025Q1"), Err(QuarterError::BadText));
    }

    #[test]
    fn every_quarter_error_has_an_english_message() {
        use QuarterError::*;
        crate::domain::lang::assert_translated(&[BadQuarter, BadYear, BadText], |e| match e {
            BadQuarter => 0,
            BadYear => 1,
            BadText => 2,
        });
    }
}
