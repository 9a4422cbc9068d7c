//! Vietnamese letters in one form, for comparing names.
//!
//! The same name can reach the district in two Unicode forms: precomposed (`ộ` as one code
//! point, what most phone keyboards type) or with combining marks (`o` + U+0323 + U+0302, what
//! Unikey's *Unicode tổ hợp* and some older Windows setups type). They look the same and must
//! match. The `unicode-normalization` crate would settle it for every script, but its tables
//! measured +64 KB gzip on the district page (docs/benchmarks.md, session 10), so this module
//! does the canonical decomposition (NFD) for the letters and marks Vietnamese uses, which is
//! all a cell name needs; a test checks it against that crate (a dev-dependency only).

/// The lower-case Vietnamese vowels with their tone marks: each row is a vowel with its
/// modifier (if any) in the order ngang, huyền, sắc, hỏi, ngã, nặng.
const ROWS: [(&str, char, Option<char>); 12] = [
    ("aàáảãạ", 'a', None),
    ("ăằắẳẵặ", 'a', Some(BREVE)),
    ("âầấẩẫậ", 'a', Some(CIRCUMFLEX)),
    ("eèéẻẽẹ", 'e', None),
    ("êềếểễệ", 'e', Some(CIRCUMFLEX)),
    ("iìíỉĩị", 'i', None),
    ("oòóỏõọ", 'o', None),
    ("ôồốổỗộ", 'o', Some(CIRCUMFLEX)),
    ("ơờớởỡợ", 'o', Some(HORN)),
    ("uùúủũụ", 'u', None),
    ("ưừứửữự", 'u', Some(HORN)),
    ("yỳýỷỹỵ", 'y', None),
];

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31B}';
const DOT_BELOW: char = '\u{323}';

/// The tone marks, in the order of a row's columns after the first.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', DOT_BELOW];

/// Whether `c` is a combining diacritical mark (U+0300–U+036F), which no letter starts with.
pub fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// The canonical combining class of the marks Vietnamese uses (Unicode's `ccc`): marks are put
/// in this order, and marks of the same class keep theirs. Other marks get the common class of
/// marks above, which is what most of them have.
fn combining_class(c: char) -> u8 {
    match c {
        HORN => 216,
        DOT_BELOW => 220,
        _ => 230,
    }
}

/// Pushes the canonical decomposition of a lower-case letter, or the letter itself.
fn push_decomposed(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    for (row, base, modifier) in ROWS {
        if let Some(column) = row.chars().position(|x| x == c) {
            out.push(base);
            let tone = column.checked_sub(1).and_then(|i| TONES.get(i).copied());
            let mut marks = [modifier, tone];
            // The dot below sorts before the circumflex and the breve, after the horn.
            marks.sort_by_key(|m| m.map(combining_class));
            out.extend(marks.into_iter().flatten());
            return;
        }
    }
    out.push(c);
}

/// `s` in lower case with its Vietnamese letters decomposed and their marks in canonical order:
/// a name typed either way gives the same text. Only for comparing: never shown.
pub fn comparable(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    let mut chars = Vec::with_capacity(lower.len());
    for c in lower.chars() {
        push_decomposed(c, &mut chars);
    }
    // Canonical ordering: each run of marks sorted by class (a stable sort keeps same-class
    // marks in the order typed, as Unicode does). Typed marks may follow a precomposed letter
    // (`ê` + dot below), so this runs over the decomposed text.
    let mut start = 0;
    while start < chars.len() {
        let run = chars[start..]
            .iter()
            .take_while(|c| is_combining_mark(**c))
            .count();
        if run > 1 {
            chars[start..start + run].sort_by_key(|c| combining_class(*c));
        }
        start += run.max(1);
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every Vietnamese letter, both cases, and the marks it can be typed with.
    fn alphabet() -> Vec<char> {
        let mut letters: Vec<char> = ROWS.iter().flat_map(|(row, _, _)| row.chars()).collect();
        letters.extend(['đ', 'd', 'n', 'g', 'h', 't']);
        let upper: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
        letters.extend(upper);
        letters.extend([BREVE, CIRCUMFLEX, HORN, DOT_BELOW]);
        letters.extend(TONES);
        letters.push(' ');
        letters
    }

    #[test]
    fn every_vietnamese_vowel_decomposes_as_unicode_says() {
        for (row, _, _) in ROWS {
            for c in row.chars() {
                let expected: String = c.to_string().nfd().collect();
                assert_eq!(comparable(&c.to_string()), expected, "{c}");
                let upper: String = c.to_uppercase().collect();
                assert_eq!(comparable(&upper), expected, "{upper}");
                let upper_nfd: String = upper.nfd().collect();
                assert_eq!(comparable(&upper_nfd), expected, "{upper_nfd:?}");
            }
        }
    }

    #[test]
    fn a_name_typed_with_combining_marks_matches_the_precomposed_one() {
        let precomposed = "Chi bộ Thôn Đông Hà Ngữ";
        let combining: String = precomposed.nfd().collect();
        assert_ne!(precomposed, combining);
        assert_eq!(comparable(precomposed), comparable(&combining));
        // Unikey's composite mode: the modified letter precomposed, the tone as a mark.
        assert_eq!(comparable("b\u{f4}\u{323}"), comparable("bộ"));
        assert_eq!(comparable("Ngư\u{303}"), comparable("Ngữ"));
    }

    #[test]
    fn a_different_letter_still_differs() {
        assert_ne!(comparable("Chi bộ Thôn"), comparable("Chi bộ Thơn"));
        assert_ne!(comparable("bộ"), comparable("bố"));
        assert_ne!(comparable("đông"), comparable("dông"));
    }

    proptest! {
        #[test]
        fn comparing_is_lower_case_nfd_for_vietnamese_text(
            s in proptest::collection::vec(proptest::sample::select(alphabet()), 0..24)
        ) {
            let s: String = s.into_iter().collect();
            let expected: String = s.to_lowercase().nfd().collect();
            prop_assert_eq!(comparable(&s), expected);
            // Composed, the same text compares the same, as long as it composes to Vietnamese
            // letters (`g` + breve composes to `ğ`, which this module does not know).
            let nfc: String = s.nfc().collect();
            let vietnamese = |c: char| {
                let lower = c.to_lowercase().next().unwrap_or(c);
                c.is_ascii()
                    || is_combining_mark(c)
                    || lower == 'đ'
                    || ROWS.iter().any(|(row, _, _)| row.contains(lower))
            };
            if nfc.chars().all(vietnamese) {
                prop_assert_eq!(comparable(&nfc), comparable(&s));
            }
        }
    }
}
