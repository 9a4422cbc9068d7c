//! ASCII slugs of Vietnamese names, for file names.

use super::vietnamese::{base_letter, is_combining_mark};

/// `"Chi bộ Thôn Đông Hà"` → `"chi-bo-thon-dong-ha"`; never empty (falls back to `"chi-bo"`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    // Marks typed apart from their letter (Unikey's composite mode) are left out, not read as
    // a word break.
    for c in name
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .map(base_letter)
    {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "chi-bo".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_names_become_ascii_slugs() {
        assert_eq!(slug("Chi bộ Thôn Đông Hà"), "chi-bo-thon-dong-ha");
        assert_eq!(
            slug("  Chi bộ Trường THPT Nguyễn Huệ (số 2) "),
            "chi-bo-truong-thpt-nguyen-hue-so-2"
        );
        assert_eq!(slug("ỨNG HÒA"), "ung-hoa");
        assert_eq!(slug("Tho\u{302}n \u{110}o\u{302}ng"), "thon-dong");
    }

    #[test]
    fn an_empty_or_symbol_only_name_gets_a_fallback() {
        assert_eq!(slug(""), "chi-bo");
        assert_eq!(slug("///"), "chi-bo");
    }
}
