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
    Ok(sha256_hex(canonical_json(value)?.as_bytes()))
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
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "{}{key}{}",
                    TWICE.0, TWICE.1
                )));
            }
            out.insert(key, v);
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
