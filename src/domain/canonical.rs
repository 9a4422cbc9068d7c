//! RFC 8785 (JCS) canonical JSON and its SHA-256, used for rubric hashes and for signing.

use sha2::{Digest, Sha256};
use thiserror::Error;

use super::lang::Bilingual;

/// Canonicalisation failed (in practice only for values JSON cannot represent).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("không chuẩn hoá được JSON: {0}")]
pub struct CanonicalError(pub String);

impl Bilingual for CanonicalError {
    fn message_en(&self) -> String {
        format!("the JSON could not be canonicalised: {}", self.0)
    }
}

/// The RFC 8785 canonical text of a JSON value.
pub fn canonical_json(value: &serde_json::Value) -> Result<String, CanonicalError> {
    serde_json_canonicalizer::to_string(value).map_err(|e| CanonicalError(e.to_string()))
}

/// Lower-case hex of SHA-256 over bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    out
}

/// Lower-case hex SHA-256 of a value's canonical JSON.
pub fn canonical_sha256_hex(value: &serde_json::Value) -> Result<String, CanonicalError> {
    let digest = canonical_sha256(value, None)?;
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    Ok(out)
}

/// SHA-256 of the canonical JSON of `value`, leaving out the top-level member `without` (the
/// signature's `proof` or `proofValue`) so the caller need not copy the document to drop it.
///
/// Why not only the crate: verifying an import canonicalises thousands of 27 KB documents, and
/// `serde_json_canonicalizer` builds a buffer per object and a `String` per document (≈ 0.47 ms
/// of ≈ 1.07 ms per file in wasm, see docs/benchmarks.md). For the values this app reads (strings,
/// booleans, null and safe integers) [`write_canonical`] writes the same bytes straight into one
/// buffer; any other number (a decimal, or an integer beyond 2^53, whose RFC 8785 form follows
/// ECMAScript's double formatting) hands the whole value to the crate, which stays the reference
/// (a property test checks that both agree byte for byte).
pub fn canonical_sha256(
    value: &serde_json::Value,
    without: Option<&str>,
) -> Result<[u8; 32], CanonicalError> {
    let mut buf = Vec::with_capacity(32 * 1024);
    if write_canonical(value, without, &mut buf).is_err() {
        buf.clear();
        let text = match (without, value) {
            (Some(key), serde_json::Value::Object(map)) if map.contains_key(key) => {
                let mut copy = map.clone();
                copy.shift_remove(key);
                canonical_json(&serde_json::Value::Object(copy))?
            }
            _ => canonical_json(value)?,
        };
        buf = text.into_bytes();
    }
    Ok(Sha256::digest(&buf).into())
}

/// A number [`write_canonical`] leaves to the crate (see [`canonical_sha256`]).
#[derive(Debug)]
pub struct NotAnInteger;

/// Appends the RFC 8785 form of `value` to `out` (without the top-level member `without`), or
/// refuses at the first number that is not an integer of at most 2^53 in magnitude.
pub fn write_canonical(
    value: &serde_json::Value,
    without: Option<&str>,
    out: &mut Vec<u8>,
) -> Result<(), NotAnInteger> {
    use serde_json::Value;
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            // Below 2^53 ECMAScript prints an integer's digits as they are.
            const SAFE: u64 = 1 << 53;
            if let Some(u) = n.as_u64().filter(|u| *u <= SAFE) {
                push_decimal(u, out);
            } else if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= SAFE) {
                out.push(b'-');
                push_decimal(i.unsigned_abs(), out);
            } else {
                return Err(NotAnInteger);
            }
        }
        Value::String(s) => push_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, None, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map
                .iter()
                .filter(|(k, _)| Some(k.as_str()) != without)
                .collect();
            members.sort_unstable_by(|a, b| utf16_order(a.0, b.0));
            out.push(b'{');
            for (i, (k, v)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                push_string(k, out);
                out.push(b':');
                write_canonical(v, None, out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}

/// RFC 8785 sorts member names by their UTF-16 code units. For ASCII names that is byte order;
/// in general it differs from UTF-8 byte order only between U+E000..U+FFFF and astral letters.
pub(super) fn utf16_order(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.as_bytes().cmp(b.as_bytes())
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

pub(super) fn push_decimal(mut n: u64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// A JSON string as ECMAScript's `JSON.stringify` writes it (RFC 8785 §3.2.2.2): `"` and `\`
/// escaped, the short escapes for \b \t \n \f \r, `\u00xx` (lower-case) for other control
/// characters, everything else as UTF-8.
pub(super) fn push_string(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x09 => b't',
            0x0a => b'n',
            0x0c => b'f',
            0x0d => b'r',
            0x00..=0x1f => 0,
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if short == 0 {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.push(b'\\');
            out.push(short);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_order_and_whitespace_do_not_change_the_hash() {
        let a: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":[true,"x"]}"#).unwrap();
        let b: serde_json::Value =
            serde_json::from_str("{ \"a\" : [ true , \"x\" ],\n \"b\" : 1 }").unwrap();
        assert_eq!(canonical_json(&a).unwrap(), r#"{"a":[true,"x"],"b":1}"#);
        assert_eq!(
            canonical_sha256_hex(&a).unwrap(),
            canonical_sha256_hex(&b).unwrap()
        );
    }

    #[test]
    fn sha256_of_empty_input_is_the_known_value() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}

/// Parses JSON like `serde_json::from_str`, but refuses an object that has the same key twice.
///
/// Such a document is ambiguous (readers disagree on which value wins), so a signature over one
/// reading could be shown with the other; a signed format must not accept it. The error names
/// the key.
pub fn parse_strict(text: &str) -> Result<serde_json::Value, String> {
    use serde::Deserialize;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = StrictValue::deserialize(&mut de).map_err(|e| e.to_string())?;
    // Trailing characters are an error, as in `from_str`.
    de.end().map_err(|e| e.to_string())?;
    Ok(value.0)
}

/// The words around the key in [`parse_strict`]'s error for a repeated key.
const TWICE: (&str, &str) = ("khóa «", "» xuất hiện hai lần trong một đối tượng");

/// A [`parse_strict`] error about a repeated key, in English (`None` for any other error).
pub fn duplicate_key_en(message: &str) -> Option<String> {
    let rest = message.strip_prefix(TWICE.0)?;
    let end = rest.rfind(TWICE.1)?;
    let (key, place) = (&rest[..end], &rest[end + TWICE.1.len()..]);
    Some(format!(
        "the key «{key}» appears twice in one object{place}"
    ))
}

struct StrictValue(serde_json::Value);

impl<'de> serde::Deserialize<'de> for StrictValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        serde_json::Number::from_f64(v)
            .map(serde_json::Value::Number)
            .ok_or_else(|| E::custom("số không hữu hạn"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(StrictValue(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(serde_json::Value::Array(out))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let StrictValue(v) = map.next_value()?;
            // One lookup per key (imports parse thousands of documents).
            match out.entry(key) {
                serde_json::map::Entry::Vacant(e) => {
                    e.insert(v);
                }
                serde_json::map::Entry::Occupied(e) => {
                    return Err(serde::de::Error::custom(format!(
                        "{}{}{}",
                        TWICE.0,
                        e.key(),
                        TWICE.1
                    )));
                }
            }
        }
        Ok(serde_json::Value::Object(out))
    }
}

#[cfg(test)]
mod strict_tests {
    use super::parse_strict;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        assert!(parse_strict(r#"{"a":1,"b":{"c":2}}"#).is_ok());
        let e = parse_strict(r#"{"a":1,"b":{"c":2,"c":3}}"#).unwrap_err();
        assert!(e.contains("«c»"), "{e}");
        assert!(e.starts_with("khóa «c» xuất hiện hai lần trong một đối tượng"));
        assert_eq!(
            super::duplicate_key_en(&e).as_deref(),
            Some("the key «c» appears twice in one object at line 1 column 24")
        );
        assert_eq!(super::duplicate_key_en("EOF while parsing"), None);
        assert!(parse_strict(r#"{"a":1,"a":1}"#).is_err());
    }

    #[test]
    fn it_reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for t in ["[1,2.5,-3,true,null,\"x\"]", "{}", "0", "\"\\u00e9\""] {
            assert_eq!(parse_strict(t).ok(), serde_json::from_str(t).ok(), "{t}");
        }
        for t in ["{", "[1,]", "1 2", "\"\\ud800\"", "nan", ""] {
            assert!(parse_strict(t).is_err(), "{t}");
        }
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(
            parse_strict(&deep).is_err(),
            "recursion limit, no stack overflow"
        );
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Names and texts that exercise RFC 8785's corners: UTF-16 order between the private-use
    /// area and astral letters, control characters, quotes and backslashes.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'e'),
                Just('\u{0}'),
                Just('\u{8}'),
                Just('\u{1f}'),
                Just('\u{7f}'),
                Just('"'),
                Just('\\'),
                Just('/'),
                Just('é'),
                Just('ơ'),
                Just('\u{2028}'),
                Just('\u{e000}'),
                Just('\u{ffff}'),
                Just('\u{10000}'),
                Just('😀'),
            ],
            0..6,
        )
        .prop_map(|c| c.into_iter().collect())
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-(1i64 << 53)..=(1i64 << 53)).prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e30f64..1e30).prop_map(Value::from),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((text(), inner), 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_fast_writer_gives_the_crates_bytes_or_steps_aside(v in value()) {
            let reference = canonical_json(&v).unwrap();
            let mut fast = Vec::new();
            if write_canonical(&v, None, &mut fast).is_ok() {
                prop_assert_eq!(String::from_utf8(fast).unwrap(), reference.clone());
            }
            let digest: [u8; 32] = Sha256::digest(reference.as_bytes()).into();
            prop_assert_eq!(canonical_sha256(&v, None).unwrap(), digest);
        }

        #[test]
        fn leaving_out_a_member_hashes_like_removing_it(v in value(), key in text()) {
            let mut map = match v {
                Value::Object(m) => m,
                other => [("x".to_string(), other)].into_iter().collect(),
            };
            map.insert(key.clone(), Value::from(1.5));
            let with = Value::Object(map.clone());
            map.shift_remove(&key);
            let without = Value::Object(map);
            prop_assert_eq!(
                canonical_sha256(&with, Some(&key)).unwrap(),
                canonical_sha256(&without, None).unwrap()
            );
        }
    }

    #[test]
    fn a_decimal_anywhere_is_left_to_the_crate() {
        let v: Value =
            serde_json::from_str(r#"{"b":[1,2.50],"a":1e21,"c":9007199254740993}"#).unwrap();
        assert!(write_canonical(&v, None, &mut Vec::new()).is_err());
        let digest: [u8; 32] = Sha256::digest(canonical_json(&v).unwrap().as_bytes()).into();
        assert_eq!(canonical_sha256(&v, None).unwrap(), digest);
    }
}

#[cfg(test)]
mod rfc8785_order_tests {
    use super::*;

    #[test]
    fn members_are_sorted_by_utf16_code_units_as_in_rfc_8785_section_3_2_3() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7}"#,
        )
        .unwrap();
        let mut fast = Vec::new();
        write_canonical(&v, None, &mut fast).unwrap();
        let expected = "{\"\\r\":2,\"1\":4,\"\u{80}\":6,\"ö\":7,\"€\":1,\"😀\":5,\"\u{fb33}\":3}";
        assert_eq!(String::from_utf8(fast).unwrap(), expected);
        assert_eq!(canonical_json(&v).unwrap(), expected);
    }
}
