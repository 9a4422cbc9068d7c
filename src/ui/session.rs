//! What both pages (the cell's and the district's) share about this visit: the workspace, and
//! the storage notices shown at the top. Built at each page's root.

use leptos::prelude::*;

use crate::storage::{self, keys::Workspace, SaveError, SetAside};

/// The page's session (all `Copy` handles).
#[derive(Clone, Copy)]
pub struct Session {
    /// Real data or the training workspace (fixed for the page's life: switching reloads).
    pub workspace: Workspace,
    /// Stored values that were unreadable and set aside (shown until dismissed, in the UI's
    /// language).
    pub notices: RwSignal<Vec<SetAside>>,
    /// The failed save shown, while a write has failed and not been made good since (the
    /// cell page's `Store` keeps it).
    pub save_error: RwSignal<Option<SaveError>>,
}

impl Session {
    /// Reads the workspace chosen on this device.
    pub fn start() -> Self {
        Self {
            workspace: storage::workspace(),
            notices: RwSignal::new(Vec::new()),
            save_error: RwSignal::new(None),
        }
    }

    /// Whether a change on screen is not saved on the device yet, so a reload would lose it. A
    /// value this session must not write ([`SaveError::Frozen`]) does not count: no wait makes
    /// it good (the store shows such an error only when nothing else failed).
    pub fn unsaved(&self) -> bool {
        self.save_error
            .with_untracked(|e| e.as_ref().is_some_and(|e| *e != SaveError::Frozen))
    }

    /// Whether this is the training workspace.
    pub fn training(&self) -> bool {
        self.workspace == Workspace::Training
    }
}
