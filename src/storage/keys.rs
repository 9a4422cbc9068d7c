//! Typed storage keys. Every key the app writes is made here, under one versioned prefix.

use crate::domain::quarter::QuarterId;

/// Prefix of every key of this app (the version is the key layout's, not the data schema's).
pub const PREFIX: &str = "chibo/v1/";
/// Prefix of the keys that hold set-aside unreadable values.
pub const BACKUP_PREFIX: &str = "chibo/backup/";
const QUARTER: &str = "quarter/";

/// A place in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// The cell profile.
    Profile,
    /// Settings (last opened quarter).
    Settings,
    /// One quarter's self-assessment.
    Quarter(QuarterId),
    /// The cell's signing key.
    SigningKey,
    /// The district's key registry.
    Registry,
    /// The district's own ratings and notes.
    Reviews,
    /// The quarter the district view shows.
    DistrictQuarter,
}

impl Key {
    /// The localStorage key.
    pub fn name(self) -> String {
        match self {
            Self::Profile => format!("{PREFIX}profile"),
            Self::Settings => format!("{PREFIX}settings"),
            Self::Quarter(q) => format!("{PREFIX}{QUARTER}{q}"),
            Self::SigningKey => format!("{PREFIX}signing-key"),
            Self::Registry => format!("{PREFIX}district/registry"),
            Self::Reviews => format!("{PREFIX}district/reviews"),
            Self::DistrictQuarter => format!("{PREFIX}district/quarter"),
        }
    }

    /// The quarter a key name holds, if it is a quarter key.
    pub fn quarter_of(name: &str) -> Option<QuarterId> {
        let rest = name.strip_prefix(PREFIX)?.strip_prefix(QUARTER)?;
        QuarterId::parse(rest).ok()
    }

    /// Where an unreadable value of `name` is set aside; `stamp` (e.g. milliseconds since the
    /// epoch) and `n` keep two backups from ever sharing a key.
    pub fn backup_name(name: &str, stamp: u64, n: u32) -> String {
        if n == 0 {
            format!("{BACKUP_PREFIX}{stamp}/{name}")
        } else {
            format!("{BACKUP_PREFIX}{stamp}-{n}/{name}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_keys_round_trip() -> Result<(), crate::domain::quarter::QuarterError> {
        let q = QuarterId::new(2026, 4)?;
        assert_eq!(Key::Quarter(q).name(), "chibo/v1/quarter/2026-Q4");
        assert_eq!(Key::quarter_of(&Key::Quarter(q).name()), Some(q));
        assert_eq!(Key::quarter_of(&Key::Profile.name()), None);
        assert_eq!(Key::quarter_of("chibo/v1/quarter/nonsense"), None);
        Ok(())
    }

    #[test]
    fn backup_keys_are_distinct_from_live_keys() {
        let b = Key::backup_name("chibo/v1/profile", 17, 0);
        assert_eq!(b, "chibo/backup/17/chibo/v1/profile");
        assert!(!b.starts_with(PREFIX));
        assert_ne!(b, Key::backup_name("chibo/v1/profile", 17, 1));
    }
}
