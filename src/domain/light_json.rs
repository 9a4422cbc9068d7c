//! A light, borrowed JSON tree for the common case of the import: a well-formed result whose
//! numbers are all safe integers and whose objects repeat no key.
//!
//! Why it exists: verifying an import reads thousands of 27 KB documents, and reading each into a
//! `serde_json::Value` (an `IndexMap` per object, SipHash per key, a `String` per key and value)
//! and then sorting every object again to hash it was a fifth of the workers' time
//! (docs/benchmarks.md). This tree borrows its strings from the text, keeps each object's members
//! already in RFC 8785 order, and so is hashed without a copy or a second sort.
//!
//! It does not report errors: anything it does not take (a parse error, a repeated key, a number
//! that is not a safe integer) is [`Declined`], and the caller reads the text again with the full
//! reader ([`super::canonical::parse_strict`]), which names the problem. So a document this reader
//! accepts must hash exactly as the full reader's value does; tests/light_json.rs and the fuzz
//! target check that on generated and mutated documents.

use std::borrow::Cow;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::canonical::{push_decimal, push_string, utf16_order};
use super::verify::MAX_SAFE_INTEGER;

/// A JSON value whose strings borrow from the text where they have no escapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Light<'a> {
    Null,
    Bool(bool),
    /// An integer of magnitude at most 2^53 − 1 (anything else is declined).
    Int(i64),
    Str(Cow<'a, str>),
    Array(Vec<Light<'a>>),
    /// Members sorted in RFC 8785 order (by UTF-16 code units), no name twice.
    Object(Vec<(Cow<'a, str>, Light<'a>)>),
}

/// The light reader did not take the text; read it with the full one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declined;

impl<'a> Light<'a> {
    /// Reads `text`, or declines it (see the module's documentation).
    pub fn parse(text: &'a str) -> Result<Self, Declined> {
        let mut de = serde_json::Deserializer::from_str(text);
        let value = Light::deserialize(&mut de).map_err(|_| Declined)?;
        de.end().map_err(|_| Declined)?;
        Ok(value)
    }

    /// The member `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Light<'a>> {
        match self {
            Light::Object(members) => members
                .binary_search_by(|(k, _)| utf16_order(k, name))
                .ok()
                .map(|i| &members[i].1),
            _ => None,
        }
    }

    /// The same value as the full reader's `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self {
            Light::Null => Value::Null,
            Light::Bool(b) => Value::Bool(*b),
            Light::Int(i) => Value::from(*i),
            Light::Str(s) => Value::String(s.to_string()),
            Light::Array(items) => Value::Array(items.iter().map(Light::to_value).collect()),
            Light::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_value()))
                    .collect(),
            ),
        }
    }

    /// SHA-256 of the RFC 8785 form, leaving out the top-level member `without`.
    pub fn canonical_sha256(&self, without: Option<&str>) -> [u8; 32] {
        let mut out = Vec::with_capacity(32 * 1024);
        self.write_canonical(without, &mut out);
        Sha256::digest(&out).into()
    }

    /// Appends the RFC 8785 form (members are already in order).
    pub fn write_canonical(&self, without: Option<&str>, out: &mut Vec<u8>) {
        match self {
            Light::Null => out.extend_from_slice(b"null"),
            Light::Bool(true) => out.extend_from_slice(b"true"),
            Light::Bool(false) => out.extend_from_slice(b"false"),
            Light::Int(i) => {
                if *i < 0 {
                    out.push(b'-');
                }
                push_decimal(i.unsigned_abs(), out);
            }
            Light::Str(s) => push_string(s, out),
            Light::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    item.write_canonical(None, out);
                }
                out.push(b']');
            }
            Light::Object(members) => {
                out.push(b'{');
                let mut first = true;
                for (k, v) in members {
                    if Some(k.as_ref()) == without {
                        continue;
                    }
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    push_string(k, out);
                    out.push(b':');
                    v.write_canonical(None, out);
                }
                out.push(b'}');
            }
        }
    }
}

impl<'de> Deserialize<'de> for Light<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LightVisitor)
    }
}

/// An object's member name, borrowed where it has no escapes.
struct Name<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(LightVisitor).and_then(|v| match v {
            Light::Str(s) => Ok(Name(s)),
            _ => Err(de::Error::custom("member name")),
        })
    }
}

struct LightVisitor;

fn safe<E: de::Error>(magnitude: u64) -> Result<(), E> {
    if magnitude <= MAX_SAFE_INTEGER {
        Ok(())
    } else {
        Err(E::custom("declined"))
    }
}

impl<'de> Visitor<'de> for LightVisitor {
    type Value = Light<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Light::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Light::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        safe(v.unsigned_abs()).map(|()| Light::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        // Below 2^53, so it fits an i64.
        safe(v).map(|()| Light::Int(v as i64))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(E::custom("declined"))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Light::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Light::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Light::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Light::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members: Vec<(Cow<'de, str>, Light<'de>)> = Vec::new();
        while let Some(Name(name)) = map.next_key()? {
            members.push((name, map.next_value()?));
        }
        // Sorted once here, so hashing needs no sort, and a repeated name sits next to itself.
        members.sort_unstable_by(|a, b| utf16_order(&a.0, &b.0));
        if members.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(de::Error::custom("declined"));
        }
        Ok(Light::Object(members))
    }
}

/// Typed values are read from the tree as from the text, so the verifier reads a document once.
/// It is a subset of serde_json's own reader: integers, strings, arrays, objects, options and
/// string-named enum variants; anything else is an error, and the caller falls back to the full
/// reader (refusing more is safe, accepting more would not be).
impl<'de> Deserializer<'de> for &Light<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Light::Null => visitor.visit_unit(),
            Light::Bool(b) => visitor.visit_bool(*b),
            // As serde_json: a non-negative integer is a u64, a negative one an i64.
            Light::Int(i) if *i >= 0 => visitor.visit_u64(i.unsigned_abs()),
            Light::Int(i) => visitor.visit_i64(*i),
            Light::Str(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Light::Str(Cow::Owned(s)) => visitor.visit_str(s),
            Light::Array(items) => {
                let mut seq = de::value::SeqDeserializer::new(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Light::Object(members) => {
                let mut map =
                    de::value::MapDeserializer::new(members.iter().map(|(k, v)| (Key(k), v)));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Light::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            Light::Str(s) => visitor.visit_enum(de::value::StrDeserializer::new(s)),
            _ => Err(de::Error::custom("declined")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> de::IntoDeserializer<'de, serde_json::Error> for &Light<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// A member name handed to a typed reader.
struct Key<'a, 'de>(&'a Cow<'de, str>);

impl<'de> de::IntoDeserializer<'de, serde_json::Error> for Key<'_, 'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_str(s),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::canonical::{canonical_sha256, parse_strict};

    fn same_as_full_reader(text: &str) {
        let light = Light::parse(text).unwrap();
        let full = parse_strict(text).unwrap();
        assert_eq!(light.to_value(), full, "{text}");
        assert_eq!(
            light.canonical_sha256(None),
            canonical_sha256(&full, None).unwrap(),
            "{text}"
        );
    }

    #[test]
    fn a_plain_document_reads_and_hashes_as_the_full_reader_does() {
        same_as_full_reader(r#"{"b":[1,-2,true,null,"x"],"a":{"z":"\u00e9\n","é":0}}"#);
        same_as_full_reader(r#"{"\ud800\udc00":1,"\ue000":2,"":[]}"#);
        same_as_full_reader(r#"[9007199254740991,-9007199254740991]"#);
    }

    #[test]
    fn strings_without_escapes_are_borrowed_not_copied() {
        let light = Light::parse(r#"{"name":"Chi bộ 1","esc":"a\"b"}"#).unwrap();
        assert!(matches!(
            light.get("name"),
            Some(Light::Str(Cow::Borrowed("Chi bộ 1")))
        ));
        assert!(matches!(light.get("esc"), Some(Light::Str(Cow::Owned(_)))));
    }

    #[test]
    fn what_the_full_reader_must_judge_is_declined() {
        for text in [
            r#"{"a":1,"a":1}"#,
            r#"{"a":{"b":1,"c":2,"b":3}}"#,
            r#"{"\u0061":1,"a":2}"#,
            "[1.0]",
            "[1e2]",
            "[9007199254740992]",
            "[-9007199254740992]",
            "[18446744073709551616]",
            "{",
            "[1] 2",
            "",
        ] {
            assert_eq!(Light::parse(text), Err(Declined), "{text}");
        }
    }

    #[test]
    fn a_top_level_member_can_be_left_out_of_the_hash() {
        let light = Light::parse(r#"{"proof":{"x":1},"a":2}"#).unwrap();
        let full = parse_strict(r#"{"proof":{"x":1},"a":2}"#).unwrap();
        assert_eq!(
            light.canonical_sha256(Some("proof")),
            canonical_sha256(&full, Some("proof")).unwrap()
        );
        assert_eq!(
            light.canonical_sha256(Some("proof")),
            canonical_sha256(&parse_strict(r#"{"a":2}"#).unwrap(), None).unwrap()
        );
    }
}
