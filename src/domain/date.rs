//! Calendar dates as the app reads and writes them: `YYYY-MM-DD` (ISO 8601's calendar date).
//!
//! Parsed and written by hand rather than through chrono's format strings: those pulled chrono's
//! whole strftime reader and writer into the secretary's page (12 KB of its gzip, measured in
//! docs/benchmarks.md), for one fixed shape.

use chrono::{Datelike, NaiveDate};

/// Reads `YYYY-MM-DD` (a four-digit year; month and day of one or two digits, as chrono's
/// `%Y-%m-%d` took them); `None` for anything else or a day that does not exist. Unlike chrono,
/// a year of fewer digits or with a sign is refused: "26-12-06" is not meant as the year 26.
/// Spaces around it are ignored.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) {
        return None;
    }
    if !(1..=2).contains(&d.len())
        || ![y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Writes `YYYY-MM-DD`.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Writes `DD/MM/YYYY`, as dates are read in Vietnam.
pub fn display_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_shown_day_first() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(display_date(d), "07/03/2026");
    }

    #[test]
    fn reads_what_chronos_iso_format_reads_for_four_digit_years() {
        for s in [
            "2026-12-06",
            "2026-1-5",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-12-32",
            "2026-12",
            "2026-12-06-",
            "",
            "2026/12/06",
            "2026-+1-05",
            "2026-012-05",
            "２０２６-12-06",
            "2026-12-6x",
        ] {
            let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            assert_eq!(parse_iso_date(s), chrono, "{s:?}");
        }
    }

    #[test]
    fn a_year_of_fewer_than_four_digits_or_with_a_sign_is_refused() {
        for s in [
            "26-12-06",
            "202-12-06",
            "0-01-01",
            "+2026-12-06",
            "-2026-12-06",
        ] {
            assert_eq!(parse_iso_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn spaces_around_a_date_are_ignored() {
        for s in [" 2026-12-06", "2026-12-06 ", "\t2026-12-06\n"] {
            assert_eq!(
                parse_iso_date(s),
                NaiveDate::from_ymd_opt(2026, 12, 6),
                "{s:?}"
            );
        }
    }

    #[test]
    fn writes_what_it_reads() {
        for s in ["2026-12-06", "0001-01-01", "2024-02-29"] {
            let d = parse_iso_date(s).unwrap();
            assert_eq!(iso_date(d), s);
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        }
    }
}
