//! Vietnamese letters in one form, for comparing names.
//!
//! The same name can reach the district in two Unicode forms: precomposed (`ộ` as one code
//! point, what most phone keyboards type) or with combining marks (`o` + U+0323 + U+0302, what
//! Unikey's *Unicode tổ hợp* and some older Windows setups type). They look the same and must
//! match. The `unicode-normalization` crate would settle it for every script, but its tables
//! measured +64 KB gzip on the district page (docs/benchmarks.md, session 10), so this module
//! does Unicode's canonical composition (NFC) for the letters and marks Vietnamese uses, which is
//! all a cell name needs; a test checks it against that crate (a dev-dependency only).
//!
//! Composed, not decomposed: the names stored before this module (the district's reviews are
//! kept under a cell's compared name) were precomposed lower case, and stay the same key.
//!
//! Not covered, and compared as typed: letters of other languages (`ñ` and `n` + tilde differ),
//! and the rare marks whose combining class is not that of the marks above (the cedilla, the
//! grapheme joiner): no Vietnamese name has them.

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

/// A lower-case Vietnamese vowel as its parts: base letter, modifier, tone.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Vowel {
    base: char,
    modifier: Option<char>,
    tone: Option<char>,
}

impl Vowel {
    fn of(c: char) -> Option<Self> {
        if c.is_ascii() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            return None;
        }
        ROWS.iter().find_map(|(row, base, modifier)| {
            let column = row.chars().position(|x| x == c)?;
            Some(Self {
                base: *base,
                modifier: *modifier,
                tone: column.checked_sub(1).and_then(|i| TONES.get(i).copied()),
            })
        })
    }

    fn letter(self) -> Option<char> {
        let (row, _, _) = ROWS
            .iter()
            .find(|(_, base, modifier)| *base == self.base && *modifier == self.modifier)?;
        let column = match self.tone {
            None => 0,
            Some(t) => 1 + TONES.iter().position(|x| *x == t)?,
        };
        row.chars().nth(column)
    }

    /// The letter's marks in canonical order (by class; the modifier first within a class).
    fn marks(self) -> [Option<char>; 2] {
        let mut marks = [self.modifier, self.tone];
        marks.sort_by_key(|m| m.map_or(u8::MAX, combining_class));
        marks
    }

    /// The letter with `mark` added, if Vietnamese has it and Unicode composes the pair: only
    /// when `mark` is the last of that letter's marks in canonical order (`ồ` is `ô` + grave,
    /// so `ò` + circumflex stays two characters, as in NFC).
    fn with(self, mark: char) -> Option<char> {
        let next = if TONES.contains(&mark) && self.tone.is_none() {
            Self {
                tone: Some(mark),
                ..self
            }
        } else if matches!(mark, BREVE | CIRCUMFLEX | HORN) && self.modifier.is_none() {
            Self {
                modifier: Some(mark),
                ..self
            }
        } else {
            return None;
        };
        let mut expected = self.marks();
        if let Some(free) = expected.iter_mut().find(|m| m.is_none()) {
            *free = Some(mark);
        }
        (next.marks() == expected).then(|| next.letter()).flatten()
    }

    /// Pushes the letter's canonical decomposition: the base, then its marks in order.
    fn decompose_into(self, out: &mut Vec<char>) {
        out.push(self.base);
        out.extend(self.marks().into_iter().flatten());
    }
}

/// The base letter of a Vietnamese letter, either case (`Ộ` → `o`, `đ` → `d`); other characters
/// lower-cased.
pub fn base_letter(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'đ' => 'd',
        _ => Vowel::of(lower).map_or(lower, |v| v.base),
    }
}

/// `s` in lower case with its Vietnamese letters precomposed, as Unicode's NFC has them: a name
/// typed with combining marks or precomposed gives the same text. Only for comparing: never
/// shown.
pub fn comparable(s: &str) -> String {
    let lower = s.to_lowercase();
    if !lower.chars().any(is_combining_mark) {
        // Already composed (what nearly every name is): nothing to do.
        return lower;
    }
    // Canonical decomposition, then canonical ordering of each run of marks (stable: marks of
    // the same class keep the order typed), then canonical composition.
    let mut chars = Vec::with_capacity(lower.len());
    for c in lower.chars() {
        // The old tone marks, which Unicode maps to grave and acute.
        let c = match c {
            '\u{340}' => '\u{300}',
            '\u{341}' => '\u{301}',
            c => c,
        };
        match Vowel::of(c) {
            Some(v) => v.decompose_into(&mut chars),
            None => chars.push(c),
        }
    }
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
    let mut out = String::with_capacity(lower.len());
    let mut starter: Option<char> = None;
    // Marks that did not compose with the starter, kept after it. A mark is blocked from the
    // starter by an earlier one left of the same or a higher class (Unicode's rule).
    let mut left: Vec<char> = Vec::new();
    let flush = |out: &mut String, starter: &mut Option<char>, left: &mut Vec<char>| {
        out.extend(starter.take());
        out.extend(left.drain(..));
    };
    for c in chars {
        if !is_combining_mark(c) {
            flush(&mut out, &mut starter, &mut left);
            starter = Some(c);
            continue;
        }
        let blocked = left
            .last()
            .is_some_and(|m| combining_class(*m) >= combining_class(c));
        match starter.and_then(Vowel::of).filter(|_| !blocked) {
            Some(v) => match v.with(c) {
                Some(composed) => starter = Some(composed),
                None => left.push(c),
            },
            None => left.push(c),
        }
    }
    flush(&mut out, &mut starter, &mut left);
    out
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
    fn every_vietnamese_vowel_typed_either_way_compares_as_its_precomposed_lower_case() {
        for (row, _, _) in ROWS {
            for c in row.chars() {
                let expected = c.to_string();
                assert_eq!(comparable(&expected), expected);
                let upper: String = c.to_uppercase().collect();
                assert_eq!(comparable(&upper), expected, "{upper}");
                for typed in [upper.nfd().collect::<String>(), expected.nfd().collect()] {
                    assert_eq!(comparable(&typed), expected, "{typed:?}");
                }
            }
        }
    }

    #[test]
    fn a_name_typed_with_combining_marks_matches_the_precomposed_one() {
        let precomposed = "Chi bộ Thôn Đông Hà Ngữ";
        let combining: String = precomposed.nfd().collect();
        assert_ne!(precomposed, combining);
        assert_eq!(comparable(&combining), "chi bộ thôn đông hà ngữ");
        // Unikey's composite mode: the modified letter precomposed, the tone as a mark.
        assert_eq!(comparable("b\u{f4}\u{323}"), "bộ");
        assert_eq!(comparable("Ngư\u{303}"), "ngữ");
        // Marks typed out of canonical order: the dot below before the circumflex.
        assert_eq!(comparable("o\u{302}\u{323}"), "ộ");
        // The old tone marks U+0340 and U+0341 are grave and acute.
        assert_eq!(comparable("Ha\u{340} ngo\u{341}"), "hà ngó");
    }

    #[test]
    fn a_different_letter_still_differs() {
        assert_ne!(comparable("Chi bộ Thôn"), comparable("Chi bộ Thơn"));
        assert_ne!(comparable("bộ"), comparable("bố"));
        assert_ne!(comparable("đông"), comparable("dông"));
    }

    #[test]
    fn base_letters_drop_every_mark_and_the_stroke() {
        let bases: String = "ẶỆÍỘỰỸĐz".chars().map(base_letter).collect();
        assert_eq!(bases, "aeiouydz");
    }

    proptest! {
        #[test]
        fn comparing_is_lower_case_nfc_for_vietnamese_text(
            s in proptest::collection::vec(proptest::sample::select(alphabet()), 0..24)
        ) {
            let s: String = s.into_iter().collect();
            let decomposed: String = s.nfd().collect();
            prop_assert_eq!(comparable(&decomposed), comparable(&s));
            // Equal to Unicode's own composition whenever that composes to Vietnamese letters
            // only (`g` + breve composes to `ğ`, which this module does not know).
            let nfc: String = s.to_lowercase().nfc().collect();
            let vietnamese = |c: char| {
                c.is_ascii() || is_combining_mark(c) || c == 'đ' || Vowel::of(c).is_some()
            };
            if nfc.chars().all(vietnamese) {
                prop_assert_eq!(comparable(&s), nfc);
            }
        }
    }
}
