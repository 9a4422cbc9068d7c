//! The passphrase-protected backup file of the cell's signing key (format in
//! `docs/result-format.md`): Argon2id derives a key from the passphrase, ChaCha20-Poly1305 seals
//! the 32-byte Ed25519 secret, with the did:key as associated data so the header cannot be swapped.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::lang::Bilingual;
use zeroize::Zeroizing;

use super::did_key::{did_key, fingerprint};

/// Format tag of a backup file.
pub const BACKUP_FORMAT: &str = "chibo-key-backup";
/// Shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Argon2id cost. 19 MiB, 2 passes, 1 lane (the OWASP minimum for Argon2id): ~0.15 s in wasm on
/// this machine, a few seconds on a low-end phone.
pub const KDF_MEMORY_KIB: u32 = 19 * 1024;
/// Argon2id passes.
pub const KDF_ITERATIONS: u32 = 2;
/// Argon2id lanes.
pub const KDF_PARALLELISM: u32 = 1;

/// The backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct KeyBackup {
    pub format: String,
    pub version: u32,
    /// The key's did:key (public), also the AEAD's associated data.
    pub did: String,
    pub fingerprint: String,
    pub created: String,
    pub kdf: KdfParams,
    pub cipher: CipherParams,
    /// Base64 of the sealed 32-byte secret plus the 16-byte tag.
    pub ciphertext: String,
    /// Made in the training workspace (written only then, so a real backup reads as before). Not
    /// sealed: it guards against a mix-up, not an attacker (whose file would fail the
    /// passphrase or give a key the district does not know).
    #[serde(default, skip_serializing_if = "is_false")]
    pub training: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Argon2id parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct KdfParams {
    pub name: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Base64 of 16 random bytes.
    pub salt: String,
}

/// AEAD parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CipherParams {
    pub name: String,
    /// Base64 of 12 random bytes.
    pub nonce: String,
}

/// Why a backup could not be made or opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("Mật khẩu phải có ít nhất {MIN_PASSPHRASE_CHARS} ký tự")]
    WeakPassphrase,
    #[error("Tệp không phải tệp sao lưu khóa của ứng dụng này")]
    NotABackup,
    #[error("Tệp sao lưu khóa từ phiên bản mới hơn (phiên bản {0})")]
    UnsupportedVersion(u32),
    #[error("Tệp sao lưu bị hỏng")]
    Corrupted,
    #[error("Sai mật khẩu (hoặc tệp đã bị sửa)")]
    WrongPassphrase,
    #[error("Thông số mã hoá quá lớn hoặc không hợp lệ")]
    BadParameters,
    #[error("Đây là tệp sao lưu khóa của chế độ tập huấn: không dùng để ký kết quả thật")]
    TrainingKey,
    #[error("Đây là tệp sao lưu khóa thật: chế độ tập huấn dùng khóa riêng của nó")]
    RealKeyInTraining,
}

impl Bilingual for BackupError {
    fn message_en(&self) -> String {
        match self {
            Self::WeakPassphrase => {
                format!("The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters")
            }
            Self::NotABackup => "The file is not a key backup file of this app".into(),
            Self::UnsupportedVersion(v) => {
                format!("The key backup file is from a newer version (version {v})")
            }
            Self::Corrupted => "The backup file is damaged".into(),
            Self::WrongPassphrase => "Wrong passphrase (or the file was altered)".into(),
            Self::BadParameters => "The encryption parameters are too large or not valid".into(),
            Self::TrainingKey => {
                "This is a key backup from the training workspace: it cannot sign real results"
                    .into()
            }
            Self::RealKeyInTraining => {
                "This is a real key backup: the training workspace uses its own key".into()
            }
        }
    }
}

fn argon(
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
) -> Result<Argon2<'static>, BackupError> {
    // Refuse absurd costs from a crafted file (a 4 GiB allocation would kill the tab).
    if memory_kib > 256 * 1024 || iterations > 10 || parallelism > 4 {
        return Err(BackupError::BadParameters);
    }
    let params = Params::new(memory_kib, iterations, parallelism, Some(32))
        .map_err(|_| BackupError::BadParameters)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn derive(passphrase: &str, salt: &[u8], a: &Argon2) -> Result<Zeroizing<[u8; 32]>, BackupError> {
    let mut key = Zeroizing::new([0u8; 32]);
    a.hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|_| BackupError::BadParameters)?;
    Ok(key)
}

/// Seals `key` under `passphrase`. `salt` and `nonce` must be fresh random bytes; `created` is
/// the caller's clock.
pub fn create_backup(
    key: &SigningKey,
    passphrase: &str,
    salt: [u8; 16],
    nonce: [u8; 12],
    created: &str,
) -> Result<KeyBackup, BackupError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(BackupError::WeakPassphrase);
    }
    let public = key.verifying_key().to_bytes();
    let did = did_key(&public);
    let a = argon(KDF_MEMORY_KIB, KDF_ITERATIONS, KDF_PARALLELISM)?;
    let k = derive(passphrase, &salt, &a)?;
    let cipher = ChaCha20Poly1305::new(k.as_ref().into());
    let secret = Zeroizing::new(key.to_bytes());
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: secret.as_ref(),
                aad: did.as_bytes(),
            },
        )
        .map_err(|_| BackupError::BadParameters)?;
    Ok(KeyBackup {
        format: BACKUP_FORMAT.into(),
        version: 1,
        fingerprint: fingerprint(&public),
        did,
        created: created.into(),
        kdf: KdfParams {
            name: "argon2id".into(),
            memory_kib: KDF_MEMORY_KIB,
            iterations: KDF_ITERATIONS,
            parallelism: KDF_PARALLELISM,
            salt: B64.encode(salt),
        },
        cipher: CipherParams {
            name: "chacha20-poly1305".into(),
            nonce: B64.encode(nonce),
        },
        ciphertext: B64.encode(sealed),
        training: false,
    })
}

/// Reads a backup file's text (without opening it).
pub fn parse_backup(text: &str) -> Result<KeyBackup, BackupError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(1) => {}
        Some(v) => return Err(BackupError::UnsupportedVersion(v as u32)),
        None => return Err(BackupError::Corrupted),
    }
    serde_json::from_value(value).map_err(|_| BackupError::Corrupted)
}

/// Refuses a backup made in the other workspace: a practice key must never sign a real result,
/// and a real key has no business in a workshop.
pub fn check_workspace(backup: &KeyBackup, training: bool) -> Result<(), BackupError> {
    match (backup.training, training) {
        (true, false) => Err(BackupError::TrainingKey),
        (false, true) => Err(BackupError::RealKeyInTraining),
        _ => Ok(()),
    }
}

/// The backup's file name: `khoa-ky_<cell-slug>_<fingerprint>.json`, `tap-huan_` first for a
/// training key.
pub fn file_name(cell_slug: &str, backup: &KeyBackup) -> String {
    super::training::download_name(
        &format!("khoa-ky_{cell_slug}_{}.json", backup.fingerprint),
        backup.training,
    )
}

/// Opens a backup with its passphrase, giving back the same signing key.
pub fn open_backup(backup: &KeyBackup, passphrase: &str) -> Result<SigningKey, BackupError> {
    if backup.kdf.name != "argon2id" || backup.cipher.name != "chacha20-poly1305" {
        return Err(BackupError::Corrupted);
    }
    let salt = B64
        .decode(&backup.kdf.salt)
        .map_err(|_| BackupError::Corrupted)?;
    let nonce = B64
        .decode(&backup.cipher.nonce)
        .map_err(|_| BackupError::Corrupted)?;
    let sealed = B64
        .decode(&backup.ciphertext)
        .map_err(|_| BackupError::Corrupted)?;
    if salt.len() < 8 || nonce.len() != 12 || sealed.len() != 48 {
        return Err(BackupError::Corrupted);
    }
    let a = argon(
        backup.kdf.memory_kib,
        backup.kdf.iterations,
        backup.kdf.parallelism,
    )?;
    let k = derive(passphrase, &salt, &a)?;
    let cipher = ChaCha20Poly1305::new(k.as_ref().into());
    let secret = Zeroizing::new(
        cipher
            .decrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &sealed,
                    aad: backup.did.as_bytes(),
                },
            )
            .map_err(|_| BackupError::WrongPassphrase)?,
    );
    let bytes: [u8; 32] = secret
        .as_slice()
        .try_into()
        .map_err(|_| BackupError::Corrupted)?;
    let key = SigningKey::from_bytes(&bytes);
    if did_key(&key.verifying_key().to_bytes()) != backup.did {
        return Err(BackupError::Corrupted);
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_backup_error_has_an_english_message() {
        use BackupError::*;
        crate::domain::lang::assert_translated(
            &[
                WeakPassphrase,
                NotABackup,
                UnsupportedVersion(2),
                Corrupted,
                WrongPassphrase,
                BadParameters,
                TrainingKey,
                RealKeyInTraining,
            ],
            |e| match e {
                WeakPassphrase => 0,
                NotABackup => 1,
                UnsupportedVersion(_) => 2,
                Corrupted => 3,
                WrongPassphrase => 4,
                BadParameters => 5,
                TrainingKey => 6,
                RealKeyInTraining => 7,
            },
        );
    }

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn backup() -> KeyBackup {
        create_backup(
            &key(),
            "mật khẩu rất dài 2026",
            [1; 16],
            [2; 12],
            "2026-11-23T09:00:00Z",
        )
        .unwrap()
    }

    #[test]
    fn a_backup_restores_the_same_key_on_another_device() {
        let text = serde_json::to_string_pretty(&backup()).unwrap();
        let restored = open_backup(&parse_backup(&text).unwrap(), "mật khẩu rất dài 2026").unwrap();
        assert_eq!(restored.to_bytes(), key().to_bytes());
    }

    #[test]
    fn a_backup_is_refused_in_the_other_workspace_and_marked_in_its_name() {
        let real = backup();
        let text = serde_json::to_string(&real).unwrap();
        // A real backup reads as before: no training field written.
        assert!(!text.contains("training"));
        assert_eq!(check_workspace(&real, false), Ok(()));
        assert_eq!(
            check_workspace(&real, true),
            Err(BackupError::RealKeyInTraining)
        );
        let practice = KeyBackup {
            training: true,
            ..real.clone()
        };
        let text = serde_json::to_string(&practice).unwrap();
        let read = parse_backup(&text).unwrap();
        assert!(read.training);
        assert_eq!(check_workspace(&read, false), Err(BackupError::TrainingKey));
        assert_eq!(check_workspace(&read, true), Ok(()));
        assert!(file_name("chi-bo-a", &read).starts_with("tap-huan_khoa-ky_chi-bo-a_"));
        assert!(file_name("chi-bo-a", &real).starts_with("khoa-ky_chi-bo-a_"));
    }

    #[test]
    fn a_wrong_passphrase_is_told_as_such() {
        assert_eq!(
            open_backup(&backup(), "mật khẩu sai hoàn toàn").unwrap_err(),
            BackupError::WrongPassphrase
        );
    }

    #[test]
    fn a_short_passphrase_is_refused() {
        assert_eq!(
            create_backup(&key(), "ngắn", [1; 16], [2; 12], "x").unwrap_err(),
            BackupError::WeakPassphrase
        );
    }

    #[test]
    fn corrupted_and_foreign_files_are_told_apart() {
        assert_eq!(
            parse_backup("not json").unwrap_err(),
            BackupError::NotABackup
        );
        assert_eq!(
            parse_backup(r#"{"format":"other"}"#).unwrap_err(),
            BackupError::NotABackup
        );
        assert_eq!(
            parse_backup(r#"{"format":"chibo-key-backup","version":2}"#).unwrap_err(),
            BackupError::UnsupportedVersion(2)
        );
        let mut b = backup();
        b.ciphertext = "@@@".into();
        assert_eq!(
            open_backup(&b, "mật khẩu rất dài 2026").unwrap_err(),
            BackupError::Corrupted
        );
        // A flipped ciphertext byte fails authentication.
        let mut b = backup();
        let mut raw = B64.decode(&b.ciphertext).unwrap();
        raw[0] ^= 1;
        b.ciphertext = B64.encode(raw);
        assert_eq!(
            open_backup(&b, "mật khẩu rất dài 2026").unwrap_err(),
            BackupError::WrongPassphrase
        );
        // Swapping the did in the header fails too (it is the associated data).
        let mut b = backup();
        b.did = did_key(&[9u8; 32]);
        assert_eq!(
            open_backup(&b, "mật khẩu rất dài 2026").unwrap_err(),
            BackupError::WrongPassphrase
        );
    }

    #[test]
    fn absurd_kdf_costs_from_a_crafted_file_are_refused() {
        let mut b = backup();
        b.kdf.memory_kib = 4 * 1024 * 1024;
        assert_eq!(
            open_backup(&b, "mật khẩu rất dài 2026").unwrap_err(),
            BackupError::BadParameters
        );
    }
}
