//! Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Hand-written (about 60
//! lines) instead of a crate: the registry and table files are small and simple, and this keeps
//! the wasm bundle lean.

use thiserror::Error;

use crate::domain::lang::Bilingual;

/// A quoted field still open at the end of the text; `line` is where the text ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("dòng {line}: thiếu dấu ngoặc kép đóng")]
pub struct UnclosedQuote {
    pub line: usize,
}

impl Bilingual for UnclosedQuote {
    fn message_en(&self) -> String {
        format!("line {}: a closing quotation mark is missing", self.line)
    }
}

/// Parses CSV text into rows of fields. A leading UTF-8 BOM is ignored; blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, UnclosedQuote> {
    let text = crate::domain::verify::without_bom(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut line = 1;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                if !(row.len() == 1 && row[0].is_empty()) {
                    rows.push(std::mem::take(&mut row));
                }
                row.clear();
                line += 1;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(UnclosedQuote { line });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// One CSV field, quoted when needed.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
/// leading apostrophe, so signed text from a cell can never run as a formula in the district's
/// Excel ("CSV injection"). For tables meant for spreadsheets, not for files read back.
pub fn spreadsheet_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Rows to CSV text with CRLF line ends (what Excel expects).
pub fn write(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|r| r.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_for_spreadsheets() {
        assert_eq!(spreadsheet_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_text("+1"), "'+1");
        assert_eq!(spreadsheet_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_text("-2"), "'-2");
        assert_eq!(spreadsheet_text("Chi bộ Thôn 1"), "Chi bộ Thôn 1");
    }

    #[test]
    fn quoted_fields_with_commas_quotes_and_newlines_round_trip() {
        let rows = vec![
            vec!["Chi bộ".to_string(), "a, b".into(), "nói \"thật\"".into()],
            vec!["dòng\nhai".into(), String::new(), "x".into()],
        ];
        assert_eq!(parse(&write(&rows)).unwrap(), rows);
    }

    #[test]
    fn a_bom_lf_line_ends_and_blank_lines_are_accepted() {
        let rows = parse("\u{feff}a,b\n\nc,d").unwrap();
        assert_eq!(rows, vec![vec!["a", "b"], vec!["c", "d"]]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_with_its_line() {
        assert_eq!(
            parse("a,b\n\"c,d\n").unwrap_err().to_string(),
            "dòng 3: thiếu dấu ngoặc kép đóng"
        );
        crate::domain::lang::assert_translated(&[UnclosedQuote { line: 3 }], |_| 0);
    }
}
