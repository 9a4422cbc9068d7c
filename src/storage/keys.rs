//! Typed storage keys. Every key the app writes is made here, under one versioned prefix.

use crate::domain::quarter::QuarterId;

/// Prefix of every key of this app (the version is the key layout's, not the data schema's).
pub const PREFIX: &str = "chibo/v1/";
/// Prefix of the keys that hold set-aside unreadable values.
pub const BACKUP_PREFIX: &str = "chibo/backup/";
const QUARTER: &str = "quarter/";

/// Prefix of the training workspace's keys (inside [`PREFIX`], so a real-data key can never
/// start with it: real keys are `chibo/v1/<name>` with fixed names that are not `training/`).
pub const TRAINING_PREFIX: &str = "chibo/v1/training/";
/// Where the chosen workspace is kept (shared by both workspaces).
pub const WORKSPACE_KEY: &str = "chibo/v1/workspace";
/// Where the chosen UI language is kept (a device preference shared by both workspaces).
pub const LANGUAGE_KEY: &str = "chibo/v1/language";

/// Which data the app works on. Workshops use `Training`, whose keys (and IndexedDB database)
/// are apart from the real ones, so practice never touches a real draft or collection.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Workspace {
    #[default]
    Real,
    Training,
}

impl Workspace {
    /// The prefix of this workspace's keys.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Real => PREFIX,
            Self::Training => TRAINING_PREFIX,
        }
    }

    /// The IndexedDB database of this workspace's district collection.
    pub fn database(self) -> &'static str {
        match self {
            Self::Real => "chibo-district",
            Self::Training => "chibo-district-training",
        }
    }
}

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
    /// Whether the guided walk-through was finished or skipped (`bool`).
    GuideSeen,
}

impl Key {
    /// The localStorage key in the real workspace.
    pub fn name(self) -> String {
        self.name_in(Workspace::Real)
    }

    /// The localStorage key in a workspace.
    pub fn name_in(self, ws: Workspace) -> String {
        let p = ws.prefix();
        match self {
            Self::Profile => format!("{p}profile"),
            Self::Settings => format!("{p}settings"),
            Self::Quarter(q) => format!("{p}{QUARTER}{q}"),
            Self::SigningKey => format!("{p}signing-key"),
            Self::Registry => format!("{p}district/registry"),
            Self::Reviews => format!("{p}district/reviews"),
            Self::DistrictQuarter => format!("{p}district/quarter"),
            Self::GuideSeen => format!("{p}guide-seen"),
        }
    }

    /// The quarter a real-workspace key name holds, if it is a quarter key.
    pub fn quarter_of(name: &str) -> Option<QuarterId> {
        Self::quarter_of_in(Workspace::Real, name)
    }

    /// The quarter a key name of a workspace holds, if it is a quarter key of that workspace.
    pub fn quarter_of_in(ws: Workspace, name: &str) -> Option<QuarterId> {
        let rest = name.strip_prefix(ws.prefix())?.strip_prefix(QUARTER)?;
        QuarterId::parse(rest).ok()
    }

    /// Whether a stored name belongs to the training workspace: one of its keys, or a copy set
    /// aside from one (`chibo/backup/<stamp>/chibo/v1/training/…`).
    pub fn is_training_name(name: &str) -> bool {
        let training = Workspace::Training.prefix();
        name.starts_with(training)
            || name
                .strip_prefix(BACKUP_PREFIX)
                .and_then(|rest| rest.split_once('/'))
                .is_some_and(|(_, original)| original.starts_with(training))
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
    fn training_keys_never_collide_with_real_ones(
    ) -> Result<(), crate::domain::quarter::QuarterError> {
        let q = QuarterId::new(2026, 4)?;
        let keys = [
            Key::Profile,
            Key::Settings,
            Key::Quarter(q),
            Key::SigningKey,
            Key::Registry,
            Key::Reviews,
            Key::DistrictQuarter,
            Key::GuideSeen,
        ];
        for k in keys {
            let (real, training) = (k.name_in(Workspace::Real), k.name_in(Workspace::Training));
            assert!(training.starts_with(TRAINING_PREFIX));
            assert!(!real.starts_with(TRAINING_PREFIX));
            assert_ne!(real, WORKSPACE_KEY);
            assert_ne!(training, WORKSPACE_KEY);
            assert_ne!(real, LANGUAGE_KEY);
            assert_ne!(training, LANGUAGE_KEY);
        }
        let tq = Key::Quarter(q).name_in(Workspace::Training);
        assert_eq!(
            Key::quarter_of(&tq),
            None,
            "a training quarter is not a real one"
        );
        assert_eq!(Key::quarter_of_in(Workspace::Training, &tq), Some(q));
        assert_ne!(Workspace::Real.database(), Workspace::Training.database());
        // Clearing the training workspace never forgets the device's language.
        assert!(!LANGUAGE_KEY.starts_with(TRAINING_PREFIX));
        Ok(())
    }

    #[test]
    fn backup_keys_are_distinct_from_live_keys() {
        let b = Key::backup_name("chibo/v1/profile", 17, 0);
        assert_eq!(b, "chibo/backup/17/chibo/v1/profile");
        assert!(!b.starts_with(PREFIX));
        assert_ne!(b, Key::backup_name("chibo/v1/profile", 17, 1));
    }

    #[test]
    fn training_values_and_their_set_aside_copies_are_told_from_real_ones() {
        let training = Key::Profile.name_in(Workspace::Training);
        let real = Key::Profile.name_in(Workspace::Real);
        assert!(Key::is_training_name(&training));
        assert!(Key::is_training_name(&Key::backup_name(&training, 17, 2)));
        assert!(!Key::is_training_name(&real));
        assert!(!Key::is_training_name(&Key::backup_name(&real, 17, 0)));
        assert!(!Key::is_training_name(WORKSPACE_KEY));
        assert!(!Key::is_training_name(LANGUAGE_KEY));
    }
}
