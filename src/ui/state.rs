//! The app's state, built once at the root and shared through context.
//!
//! Components read signals and call the methods here; every edit goes through the domain's pure
//! functions and is saved to the device at once.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::session::Session;

use crate::domain::catalog::Catalog;
use crate::domain::cell::CellProfile;
use crate::domain::cell_key::CellKey;
use crate::domain::drafts_backup::{plan, Change, DraftsBackup, RestorePlan};
use crate::domain::quarter::QuarterId;
use crate::domain::record::QuarterRecord;
use crate::domain::report::{quarter_report, QuarterReport};
use crate::domain::rubric::{Rubric, RubricRef};
use crate::domain::training::{training_key, training_profile, training_quarter};
use crate::storage::{self, keys::Key, keys::Workspace, CollectionError, SaveError, SetAside};

/// Small preferences kept between visits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub last_quarter: Option<QuarterId>,
}

/// The loaded value, or `None` with the set-aside notice recorded.
fn take<T>(loaded: Result<Option<T>, SetAside>, notices: &mut Vec<SetAside>) -> Option<T> {
    loaded.unwrap_or_else(|e| {
        notices.push(e);
        None
    })
}

/// Everything the views share. All fields are `Copy` handles.
#[derive(Clone, Copy)]
pub struct Store {
    pub catalog: StoredValue<Catalog>,
    pub profile: RwSignal<CellProfile>,
    pub record: RwSignal<Option<QuarterRecord>>,
    pub quarters: RwSignal<Vec<QuarterId>>,
    /// The cell's signing key, once made or restored.
    pub key: RwSignal<Option<CellKey>>,
    /// The page's [`Session`] notices (the same signal).
    pub notices: RwSignal<Vec<SetAside>>,
    /// The page's [`Session`] last failed save (the same signal).
    pub save_error: RwSignal<Option<SaveError>>,
    /// The rubric of the open quarter, `None` when no quarter is open or the rubric is unknown.
    pub rubric: Memo<Option<Rubric>>,
    /// The live report of the open quarter.
    pub report: Memo<Option<QuarterReport>>,
    /// Real data or the training workspace (fixed for the page's life: switching reloads).
    pub workspace: Workspace,
    /// Set when another tab changed the data shown here (and it was reloaded).
    pub synced: RwSignal<bool>,
    /// Bumped when another tab's change was taken, so views that read their values once rebuild.
    pub revision: RwSignal<u32>,
}

/// What restoring a drafts backup did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    /// Quarters the device did not have (or had only blank).
    pub added: u32,
    /// Quarters replaced as the user chose; the device's versions were kept aside.
    pub replaced: u32,
    /// The file's cell profile was taken.
    pub profile: bool,
    /// The write that failed, if one did (what came before it was written).
    pub failed: Option<SaveError>,
}

/// A restore was refused: the last change on screen is not saved on the device yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsaved;

/// Fills an empty training workspace with the practice cell, a half-filled quarter and a
/// throwaway key. Does nothing if the practice cell exists (the trainee's work is kept).
fn seed_training(catalog: &Catalog, quarter: QuarterId, secret: [u8; 32], now: &str) {
    if matches!(storage::load::<CellProfile>(Key::Profile), Ok(Some(_))) {
        return;
    }
    let seed = u64::from_le_bytes([
        secret[0], secret[1], secret[2], secret[3], secret[4], secret[5], secret[6], secret[7],
    ]);
    let profile = training_profile(seed);
    let _ = storage::save(Key::Profile, &profile);
    if let Some(rubric) = catalog.default_rubric() {
        let record = training_quarter(seed, rubric, quarter, &profile);
        let _ = storage::save(Key::Quarter(quarter), &record);
    }
    let _ = storage::save(Key::SigningKey, &training_key(secret, now));
    let _ = storage::save(
        Key::Settings,
        &Settings {
            last_quarter: Some(quarter),
        },
    );
}

/// Switches to the training workspace (or back) and reloads the page. Real data is not touched.
pub fn switch_workspace(to: Workspace) -> Result<(), SaveError> {
    storage::choose_workspace(to)?;
    super::browser::reload();
    Ok(())
}

/// Deletes everything in the training workspace and starts it again.
pub async fn reset_training() -> Result<(), CollectionError> {
    storage::clear_training();
    storage::collection::drop_training().await?;
    super::browser::reload();
    Ok(())
}

impl Store {
    /// Whether this is the training workspace.
    pub fn training(&self) -> bool {
        self.workspace == Workspace::Training
    }

    /// Loads everything from the device and opens the last (or the current) quarter.
    pub fn load(catalog: Catalog, today_quarter: QuarterId, session: Session) -> Self {
        let workspace = session.workspace;
        if workspace == Workspace::Training {
            if let Ok(secret) = super::browser::random::<32>() {
                seed_training(&catalog, today_quarter, secret, &super::browser::now_iso());
            }
        }
        let mut notices = Vec::new();
        let profile: CellProfile =
            take(storage::load(Key::Profile), &mut notices).unwrap_or_default();
        let settings: Settings =
            take(storage::load(Key::Settings), &mut notices).unwrap_or_default();
        let key: Option<CellKey> = take(storage::load(Key::SigningKey), &mut notices);
        let catalog = StoredValue::new(catalog);
        let profile = RwSignal::new(profile);
        let record: RwSignal<Option<QuarterRecord>> = RwSignal::new(None);
        // Two steps, so a keystroke (which changes the record, not its rubric) costs one small
        // comparison instead of cloning and comparing a whole rubric.
        let rubric_ref = Memo::new(move |_| record.with(|r| r.as_ref().map(|r| r.rubric.clone())));
        let rubric = Memo::new(move |_| {
            rubric_ref.with(|r| catalog.with_value(|c| c.get(r.as_ref()?).cloned()))
        });
        let report = Memo::new(move |_| {
            let officers = profile.with(|p| p.officers);
            rubric.with(|rb| {
                let rb = rb.as_ref()?;
                record.with(|r| r.as_ref().map(|r| quarter_report(rb, r, officers)))
            })
        });
        session.notices.update(|n| n.extend(notices));
        let store = Self {
            catalog,
            profile,
            record,
            quarters: RwSignal::new(storage::stored_quarters()),
            key: RwSignal::new(key),
            notices: session.notices,
            save_error: session.save_error,
            rubric,
            report,
            workspace,
            synced: RwSignal::new(false),
            revision: RwSignal::new(0),
        };
        // Two tabs on the same data: take the other tab's change at once, so the next edit here
        // applies on top of it instead of silently overwriting it.
        storage::on_other_tab_change(move |name| store.take_other_tab_change(name));
        let quarter = settings.last_quarter.unwrap_or(today_quarter);
        store.open_quarter(quarter, None);
        store
    }

    fn saved(&self, result: Result<(), SaveError>) {
        let message = result.err();
        if self.save_error.get_untracked() != message {
            self.save_error.set(message);
        }
    }

    /// Opens a stored quarter, or starts it with `rubric` (the default rubric when `None`).
    pub fn open_quarter(&self, quarter: QuarterId, rubric: Option<RubricRef>) {
        let loaded = match storage::load::<QuarterRecord>(Key::Quarter(quarter)) {
            Ok(v) => v.filter(|r| r.quarter == quarter),
            Err(e) => {
                self.notices.update(|n| n.push(e));
                None
            }
        };
        let record = match loaded {
            Some(r) => r,
            None => {
                let reference = rubric.or_else(|| {
                    self.catalog
                        .with_value(|c| c.default_rubric().map(|r| r.reference().clone()))
                });
                let Some(reference) = reference else { return };
                let r = QuarterRecord::new(quarter, reference);
                self.saved(storage::save(Key::Quarter(quarter), &r));
                r
            }
        };
        self.record.set(Some(record));
        self.quarters.set(storage::stored_quarters());
        self.saved(storage::save(
            Key::Settings,
            &Settings {
                last_quarter: Some(quarter),
            },
        ));
    }

    /// Reloads what another tab changed (`None`: it cleared everything).
    fn take_other_tab_change(&self, name: Option<String>) {
        if self.reread(name) {
            self.synced.set(true);
            self.revision.update(|r| *r += 1);
        }
    }

    /// Reads everything again from the device after this page wrote it behind the store's back
    /// (a restore from a drafts backup file); the forms are rebuilt if anything changed.
    pub fn reread_all(&self) {
        if self.reread(None) {
            self.revision.update(|r| *r += 1);
        }
    }

    /// Takes from the device the value stored under `name` (`None`: every value); whether
    /// anything shown changed.
    fn reread(&self, name: Option<String>) -> bool {
        let is = |key: Key| name.as_deref().is_none_or(|n| n == storage::name_of(key));
        let mut changed = false;
        if is(Key::Profile) {
            if let Ok(p) = storage::load::<CellProfile>(Key::Profile) {
                let p = p.unwrap_or_default();
                if self.profile.with_untracked(|x| *x != p) {
                    self.profile.set(p);
                    changed = true;
                }
            }
        }
        if is(Key::SigningKey) {
            if let Ok(k) = storage::load::<CellKey>(Key::SigningKey) {
                if self.key.with_untracked(|x| *x != k) {
                    self.key.set(k);
                    changed = true;
                }
            }
        }
        if let Some(q) = self
            .record
            .with_untracked(|r| r.as_ref().map(|r| r.quarter))
        {
            if is(Key::Quarter(q)) {
                match storage::load::<QuarterRecord>(Key::Quarter(q)) {
                    Ok(Some(r)) if r.quarter == q => {
                        if self.record.with_untracked(|x| x.as_ref() != Some(&r)) {
                            self.record.set(Some(r));
                            changed = true;
                        }
                    }
                    Ok(_) => {
                        // Deleted in the other tab.
                        self.record.set(None);
                        changed = true;
                    }
                    Err(e) => self.notices.update(|n| n.push(e)),
                }
            }
        }
        self.quarters.set(storage::stored_quarters());
        changed
    }

    /// Applies an edit to the open quarter and saves it.
    pub fn edit<E>(&self, f: impl FnOnce(&mut QuarterRecord) -> Result<(), E>) {
        let mut changed = None;
        self.record.update(|r| {
            if let Some(r) = r {
                if f(r).is_ok() {
                    changed = Some(Key::Quarter(r.quarter));
                }
            }
        });
        if let Some(key) = changed {
            let result = self.record.with_untracked(|r| match r {
                Some(r) => storage::save(key, r),
                None => Ok(()),
            });
            self.saved(result);
        }
    }

    /// Applies an edit to the profile and saves it.
    pub fn edit_profile(&self, f: impl FnOnce(&mut CellProfile)) {
        self.profile.update(f);
        let result = self
            .profile
            .with_untracked(|p| storage::save(Key::Profile, p));
        self.saved(result);
    }

    /// Deletes a stored quarter; closes it if it is open.
    pub fn delete_quarter(&self, quarter: QuarterId) {
        storage::remove(Key::Quarter(quarter));
        if self
            .record
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.quarter == quarter))
        {
            self.record.set(None);
            // Forget it as "last opened" too, so a reload does not start it again blank.
            self.saved(storage::save(Key::Settings, &Settings::default()));
        }
        self.quarters.set(storage::stored_quarters());
    }

    /// Every quarter stored on the device, oldest first (an unreadable one is set aside and
    /// reported, as when it is opened).
    pub fn all_quarters(&self) -> Vec<QuarterRecord> {
        let mut out = Vec::new();
        for q in storage::stored_quarters().into_iter().rev() {
            match storage::load::<QuarterRecord>(Key::Quarter(q)) {
                Ok(Some(r)) if r.quarter == q => out.push(r),
                Ok(_) => {}
                Err(e) => self.notices.update(|n| n.push(e)),
            }
        }
        out
    }

    /// The backup against what the device holds now (an unreadable stored quarter is set aside
    /// and reported, as when it is opened, and counts as missing).
    pub fn restore_plan(&self, backup: &DraftsBackup) -> RestorePlan {
        let device = |q| match storage::load::<QuarterRecord>(Key::Quarter(q)) {
            Ok(r) => r,
            Err(e) => {
                self.notices.update(|n| n.push(e));
                None
            }
        };
        let profile = self.profile.get_untracked();
        self.catalog
            .with_value(|c| plan(backup, &profile, device, c))
    }

    /// Restores a drafts backup: what the device lacks is added; what differs is replaced only
    /// for the quarters in `replace` (and the profile if `replace_profile`), each after the
    /// device's own version is kept aside. The plan is made again here, so a change made in
    /// another tab meanwhile is never overwritten unseen.
    pub fn restore(
        &self,
        backup: &DraftsBackup,
        replace: &[QuarterId],
        replace_profile: bool,
    ) -> Result<Restored, Unsaved> {
        // The screen may hold edits the device could not take: reading the device back after
        // the restore would drop them.
        if self.save_error.get_untracked().is_some() {
            return Err(Unsaved);
        }
        let now = self.restore_plan(backup);
        let mut done = Restored::default();
        let mut write = |result: Result<(), SaveError>| match result {
            Ok(()) => true,
            Err(e) => {
                done.failed.get_or_insert(e);
                false
            }
        };
        if let (Some(p), Some(change)) = (&backup.profile, now.profile) {
            done.profile = match change {
                Change::New => write(storage::save(Key::Profile, p)),
                Change::Differs if replace_profile => {
                    write(storage::replace_keeping_old(Key::Profile, p))
                }
                _ => false,
            };
        }
        for q in now.quarters.iter().filter(|q| q.restorable()) {
            let Some(record) = backup.quarters.iter().find(|r| r.quarter == q.quarter) else {
                continue;
            };
            let key = Key::Quarter(q.quarter);
            match q.change {
                Change::New if write(storage::save(key, record)) => done.added += 1,
                Change::Differs
                    if replace.contains(&q.quarter)
                        && write(storage::replace_keeping_old(key, record)) =>
                {
                    done.replaced += 1
                }
                _ => {}
            }
        }
        if done.added > 0 || done.replaced > 0 || done.profile {
            self.reread_all();
        }
        Ok(done)
    }

    /// Stores a new or restored key. Refuses if it cannot be saved, so a key is never used that
    /// would be lost on reload.
    pub fn set_key(&self, key: CellKey) -> Result<(), SaveError> {
        storage::save(Key::SigningKey, &key)?;
        self.key.set(Some(key));
        Ok(())
    }
}
