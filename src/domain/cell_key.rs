//! The cell's signing key as kept on the device.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};

use super::did_key::{did_key, fingerprint};

/// The key and what the user did with it. The secret never leaves the device except inside the
/// encrypted backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CellKey {
    /// Base64 of the 32-byte Ed25519 secret.
    secret: String,
    /// When the key was made (or restored).
    pub created: String,
    /// When a backup file was last saved; exports are refused until there is one.
    pub backup_saved: Option<String>,
}

impl CellKey {
    /// A key from 32 fresh random bytes.
    pub fn new(secret: [u8; 32], created: &str) -> Self {
        Self {
            secret: B64.encode(secret),
            created: created.into(),
            backup_saved: None,
        }
    }

    /// A restored key: its backup exists by definition.
    pub fn restored(key: &SigningKey, now: &str) -> Self {
        Self {
            secret: B64.encode(key.to_bytes()),
            created: now.into(),
            backup_saved: Some(now.into()),
        }
    }

    /// The signing key, `None` if the stored secret is damaged.
    pub fn signing_key(&self) -> Option<SigningKey> {
        let bytes: [u8; 32] = B64.decode(&self.secret).ok()?.try_into().ok()?;
        Some(SigningKey::from_bytes(&bytes))
    }

    /// The public did:key.
    pub fn did(&self) -> Option<String> {
        self.signing_key()
            .map(|k| did_key(&k.verifying_key().to_bytes()))
    }

    /// The fingerprint to read aloud.
    pub fn fingerprint(&self) -> Option<String> {
        self.signing_key()
            .map(|k| fingerprint(&k.verifying_key().to_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_has_no_backup_and_a_stable_identity() {
        let k = CellKey::new([3; 32], "2026-11-23T09:00:00Z");
        assert!(k.backup_saved.is_none());
        assert!(k.did().unwrap().starts_with("did:key:z6Mk"));
        let again: CellKey = serde_json::from_str(&serde_json::to_string(&k).unwrap()).unwrap();
        assert_eq!(again.did(), k.did());
    }

    #[test]
    fn a_damaged_secret_gives_no_key_rather_than_a_wrong_one() {
        let k = CellKey {
            secret: "AAAA".into(),
            created: String::new(),
            backup_saved: None,
        };
        assert!(k.signing_key().is_none());
    }
}
