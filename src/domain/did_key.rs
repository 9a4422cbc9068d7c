//! `did:key` identifiers for Ed25519 keys, and the short fingerprint people read aloud.

use thiserror::Error;

use super::canonical::sha256_hex;
use super::lang::Bilingual;

/// Multicodec prefix of an Ed25519 public key (0xed, varint-encoded).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// Multicodec prefix of an Ed25519 private key (0x1300, varint-encoded).
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];

/// Why a did:key or multibase key was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DidKeyError {
    #[error("không phải định danh did:key")]
    NotDidKey,
    #[error("khóa không ở dạng multibase base58btc (phải bắt đầu bằng «z»)")]
    NotBase58btc,
    #[error("mã base58 không hợp lệ")]
    BadBase58,
    #[error("không phải khóa Ed25519 (sai mã multicodec)")]
    NotEd25519,
    #[error("khóa Ed25519 phải dài 32 byte, ở đây là {0} byte")]
    BadLength(usize),
    #[error("phần sau dấu # không khớp với khóa")]
    FragmentMismatch,
}

impl Bilingual for DidKeyError {
    fn message_en(&self) -> String {
        match self {
            Self::NotDidKey => "not a did:key identifier".into(),
            Self::NotBase58btc => {
                "the key is not in multibase base58btc form (it must start with «z»)".into()
            }
            Self::BadBase58 => "not valid base58".into(),
            Self::NotEd25519 => "not an Ed25519 key (wrong multicodec)".into(),
            Self::BadLength(n) => format!("an Ed25519 key is 32 bytes long, this one is {n}"),
            Self::FragmentMismatch => "the part after # does not match the key".into(),
        }
    }
}

fn decode_multibase(text: &str, prefix: [u8; 2]) -> Result<[u8; 32], DidKeyError> {
    let b58 = text.strip_prefix('z').ok_or(DidKeyError::NotBase58btc)?;
    let bytes = bs58::decode(b58)
        .into_vec()
        .map_err(|_| DidKeyError::BadBase58)?;
    let key = bytes.strip_prefix(&prefix).ok_or(DidKeyError::NotEd25519)?;
    key.try_into()
        .map_err(|_| DidKeyError::BadLength(key.len()))
}

fn encode_multibase(key: &[u8; 32], prefix: [u8; 2]) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&prefix);
    bytes.extend_from_slice(key);
    format!("z{}", bs58::encode(bytes).into_string())
}

/// `z6Mk…` multibase form of an Ed25519 public key.
pub fn public_key_multibase(public: &[u8; 32]) -> String {
    encode_multibase(public, ED25519_PUB)
}

/// The public key in a `z6Mk…` multibase string.
pub fn decode_public_key_multibase(text: &str) -> Result<[u8; 32], DidKeyError> {
    decode_multibase(text, ED25519_PUB)
}

/// The private key in a multibase `z3u2…` string (the W3C test vectors' form).
pub fn decode_private_key_multibase(text: &str) -> Result<[u8; 32], DidKeyError> {
    decode_multibase(text, ED25519_PRIV)
}

/// `did:key:z6Mk…`.
pub fn did_key(public: &[u8; 32]) -> String {
    format!("did:key:{}", public_key_multibase(public))
}

/// `did:key:z6Mk…#z6Mk…`, the verification method of a did:key.
pub fn verification_method(public: &[u8; 32]) -> String {
    let mb = public_key_multibase(public);
    format!("did:key:{mb}#{mb}")
}

/// The public key named by a `did:key:…` (with or without a `#fragment`, which must repeat the key).
pub fn decode_did_key(did: &str) -> Result<[u8; 32], DidKeyError> {
    let rest = did.strip_prefix("did:key:").ok_or(DidKeyError::NotDidKey)?;
    let (mb, fragment) = match rest.split_once('#') {
        Some((mb, f)) => (mb, Some(f)),
        None => (rest, None),
    };
    if fragment.is_some_and(|f| f != mb) {
        return Err(DidKeyError::FragmentMismatch);
    }
    decode_public_key_multibase(mb)
}

/// A short fingerprint of a public key to read aloud: the first 16 hex digits of the SHA-256 of
/// the did:key, in four groups, e.g. `3F2A-91C0-0B7D-44E1`.
pub fn fingerprint(public: &[u8; 32]) -> String {
    let hex = sha256_hex(did_key(public).as_bytes()).to_ascii_uppercase();
    let h = &hex[..16];
    format!("{}-{}-{}-{}", &h[0..4], &h[4..8], &h[8..12], &h[12..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTOR_PUB: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    #[test]
    fn a_public_key_round_trips_through_did_key() {
        let key = decode_public_key_multibase(VECTOR_PUB).unwrap();
        assert_eq!(public_key_multibase(&key), VECTOR_PUB);
        assert_eq!(decode_did_key(&verification_method(&key)).unwrap(), key);
        assert_eq!(did_key(&key), format!("did:key:{VECTOR_PUB}"));
    }

    #[test]
    fn broken_did_keys_are_refused_with_their_reason() {
        assert_eq!(
            decode_did_key("did:web:example.com"),
            Err(DidKeyError::NotDidKey)
        );
        assert_eq!(
            decode_did_key("did:key:6Mk"),
            Err(DidKeyError::NotBase58btc)
        );
        assert_eq!(decode_did_key("did:key:z0OIl"), Err(DidKeyError::BadBase58));
        let short = format!("z{}", bs58::encode([0xed, 0x01, 1, 2, 3]).into_string());
        assert_eq!(
            decode_public_key_multibase(&short),
            Err(DidKeyError::BadLength(3))
        );
        let wrong = format!("z{}", bs58::encode([0xec, 0x01, 1]).into_string());
        assert_eq!(
            decode_public_key_multibase(&wrong),
            Err(DidKeyError::NotEd25519)
        );
        let mismatch = format!("did:key:{VECTOR_PUB}#z6Mkother");
        assert_eq!(
            decode_did_key(&mismatch),
            Err(DidKeyError::FragmentMismatch)
        );
    }

    #[test]
    fn every_did_key_error_has_an_english_message() {
        use DidKeyError::*;
        crate::domain::lang::assert_translated(
            &[
                NotDidKey,
                NotBase58btc,
                BadBase58,
                NotEd25519,
                BadLength(3),
                FragmentMismatch,
            ],
            |e| match e {
                NotDidKey => 0,
                NotBase58btc => 1,
                BadBase58 => 2,
                NotEd25519 => 3,
                BadLength(_) => 4,
                FragmentMismatch => 5,
            },
        );
    }

    #[test]
    fn fingerprints_are_four_groups_of_four_hex_digits() {
        let key = decode_public_key_multibase(VECTOR_PUB).unwrap();
        let f = fingerprint(&key);
        assert_eq!(f.len(), 19);
        assert_eq!(f.matches('-').count(), 3);
        assert_ne!(f, fingerprint(&[0u8; 32]));
    }
}
