//! RFC 8785 (JCS) canonical JSON and its SHA-256, used for rubric hashes and for signing.

use sha2::{Digest, Sha256};
use thiserror::Error;

/// Canonicalisation failed (in practice only for values JSON cannot represent).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("không chuẩn hoá được JSON: {0}")]
pub struct CanonicalError(pub String);

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
