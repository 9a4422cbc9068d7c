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
use crate::domain::record::{MoveError, QuarterRecord};
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
        note(notices, e);
        None
    })
}

/// Records a notice, in place of an earlier one about the same stored value: a value read again
/// (another tab writing it at each keystroke, a start-up that reads it twice) must not pile up
/// alerts that all say the same.
fn note(notices: &mut Vec<SetAside>, e: SetAside) {
    notices.retain(|n| n.key != e.key);
    notices.push(e);
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
    /// Bumped when another tab's change was taken, or the open quarter moved to another version
    /// of its rubric, so views that read their values once rebuild.
    pub revision: RwSignal<u32>,
    /// The writes that failed and were not made good since, by storage name: a later save of
    /// another value must not clear the message of one still unsaved.
    failed: StoredValue<Vec<(String, SaveError)>>,
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

/// How [`Store::reread`] reads the device.
#[derive(Debug, Clone, Copy)]
enum Read {
    /// Another tab wrote: nothing is moved, whatever it holds ([`storage::peek`]).
    Peek,
    /// This page wrote behind the store's back: as at start ([`storage::load`]).
    Load,
}

fn storage_read<T: serde::de::DeserializeOwned>(
    how: Read,
    key: Key,
) -> Result<Option<T>, SetAside> {
    match how {
        Read::Peek => storage::peek(key),
        Read::Load => storage::load(key),
    }
}

/// Refused (a restore, opening another quarter): the last change on screen is not saved on the
/// device yet, and the step would drop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị. Hãy giải phóng bộ nhớ rồi sửa lại một ô để lưu, sau đó thử lại.")]
pub struct Unsaved;

impl crate::domain::lang::Bilingual for Unsaved {
    fn message_en(&self) -> String {
        "The last change on the screen is not saved on this device yet. Free some storage, then edit a field again to save it, and try again.".into()
    }
}

/// Why the open quarter was not moved to another version of its rubric.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefused {
    #[error(transparent)]
    Move(#[from] MoveError),
    /// A change waits to be saved (before), or the moved quarter could not be (after).
    #[error(transparent)]
    Unsaved(#[from] Unsaved),
}

impl crate::domain::lang::Bilingual for MoveRefused {
    fn message_en(&self) -> String {
        match self {
            Self::Move(e) => e.message_en(),
            Self::Unsaved(e) => e.message_en(),
        }
    }
}

/// Fills an empty training workspace with the practice cell, a half-filled quarter and a
/// throwaway key. Does nothing if the practice cell exists (the trainee's work is kept), and
/// writes no value over one already stored (an unreadable one is set aside and reported first).
fn seed_training(
    catalog: &Catalog,
    quarter: QuarterId,
    secret: [u8; 32],
    now: &str,
    notices: &mut Vec<SetAside>,
) {
    // An unreadable value is set aside (or, from a newer version, left in place and refused
    // to writes) and said; the key is then seeded afresh.
    fn seed<T: Serialize + serde::de::DeserializeOwned>(
        key: Key,
        value: &T,
        notices: &mut Vec<SetAside>,
    ) {
        if take(storage::load::<T>(key), notices).is_none() {
            let _ = storage::save(key, value);
        }
    }
    if take(storage::load::<CellProfile>(Key::Profile), notices).is_some() {
        return;
    }
    let seed_value = u64::from_le_bytes([
        secret[0], secret[1], secret[2], secret[3], secret[4], secret[5], secret[6], secret[7],
    ]);
    let profile = training_profile(seed_value);
    // Known free: read just above.
    let _ = storage::save(Key::Profile, &profile);
    if let Some(rubric) = catalog.default_for(quarter) {
        let record = training_quarter(seed_value, rubric, quarter, &profile);
        seed(Key::Quarter(quarter), &record, notices);
    }
    seed(Key::SigningKey, &training_key(secret, now), notices);
    seed(
        Key::Settings,
        &Settings {
            last_quarter: Some(quarter),
        },
        notices,
    );
}

/// Why the workspace was not switched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SwitchError {
    /// The reload would drop a change the device could not take.
    #[error(transparent)]
    Unsaved(#[from] Unsaved),
    #[error(transparent)]
    Save(#[from] SaveError),
}

impl crate::domain::lang::Bilingual for SwitchError {
    fn message_en(&self) -> String {
        match self {
            Self::Unsaved(e) => e.message_en(),
            Self::Save(e) => e.message_en(),
        }
    }
}

/// Switches to the training workspace (or back) and reloads the page. Real data is not touched.
/// Refused while a change on screen is unsaved (`session`'s save error): the reload would drop it.
pub fn switch_workspace(to: Workspace, session: &Session) -> Result<(), SwitchError> {
    if session.unsaved() {
        return Err(Unsaved.into());
    }
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
        let mut notices = Vec::new();
        if workspace == Workspace::Training {
            if let Ok(secret) = super::browser::random::<32>() {
                seed_training(
                    &catalog,
                    today_quarter,
                    secret,
                    &super::browser::now_iso(),
                    &mut notices,
                );
            }
        }
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
        session.notices.update(|n| {
            for e in notices {
                note(n, e);
            }
        });
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
            failed: StoredValue::new(Vec::new()),
        };
        // Two tabs on the same data: take the other tab's change at once, so the next edit here
        // applies on top of it instead of silently overwriting it.
        storage::on_other_tab_change(move |name| store.take_other_tab_change(name));
        let quarter = settings.last_quarter.unwrap_or(today_quarter);
        // Nothing is open yet, so nothing unsaved can stand in the way.
        let _ = store.open_quarter(quarter, None);
        store
    }

    /// Records the outcome of a write of `key`; the message shown is that of the oldest write
    /// still failing, one that can be made good (storage full) before one that cannot this
    /// session ([`SaveError::Frozen`]). The settings (the last quarter opened) are not tracked:
    /// no change on screen depends on them, and they are written only when a quarter is opened,
    /// so a failure there would hold every later step back until then.
    fn saved(&self, key: Key, result: Result<(), SaveError>) {
        if key == Key::Settings {
            return;
        }
        let name = storage::name_of(key);
        self.failed.update_value(|f| {
            f.retain(|(n, _)| *n != name);
            if let Err(e) = result {
                f.push((name, e));
            }
        });
        let message = self.failed.with_value(|f| {
            f.iter()
                .find(|(_, e)| *e != SaveError::Frozen)
                .or(f.first())
                .map(|(_, e)| e.clone())
        });
        if self.save_error.get_untracked() != message {
            self.save_error.set(message);
        }
    }

    /// Whether a change on screen is not saved on the device yet (a write failed and was not
    /// made good since). A value this session must not write ([`SaveError::Frozen`]) is not
    /// waited for: nothing the user does can make it good, and the steps that wait (a backup,
    /// a restore, a reload to a new version) are what can.
    pub fn unsaved(&self) -> bool {
        self.failed
            .with_value(|f| f.iter().any(|(_, e)| *e != SaveError::Frozen))
    }

    /// Whether the last write of `key` failed.
    fn is_unsaved(&self, key: Key) -> bool {
        let name = storage::name_of(key);
        self.failed
            .with_value(|f| f.iter().any(|(n, _)| *n == name))
    }

    /// Opens a stored quarter, or starts it with `rubric` (the default rubric when `None`).
    /// Refused while the open quarter holds a change the device could not take (tried once
    /// more first): opening another would drop it from the screen, its only copy. A quarter
    /// that can never be written this session (its unreadable value could not be kept) does
    /// not hold the page hostage.
    pub fn open_quarter(
        &self,
        quarter: QuarterId,
        rubric: Option<RubricRef>,
    ) -> Result<(), Unsaved> {
        let open = self
            .record
            .with_untracked(|r| r.as_ref().map(|r| r.quarter));
        if open == Some(quarter) {
            // Reading it again would put the stored version under inputs that show the
            // screen's (they read their value once).
            return Ok(());
        }
        if let Some(open) = open.filter(|&q| self.is_unsaved(Key::Quarter(q))) {
            let key = Key::Quarter(open);
            let retry = self
                .record
                .with_untracked(|r| r.as_ref().map_or(Ok(()), |r| storage::save(key, r)));
            let frozen = retry == Err(SaveError::Frozen);
            self.saved(key, retry);
            if self.is_unsaved(key) && !frozen {
                return Err(Unsaved);
            }
        }
        let key = Key::Quarter(quarter);
        let loaded = match storage::load::<QuarterRecord>(key) {
            Ok(Some(r)) if r.quarter == quarter => Some(r),
            Ok(Some(_)) => {
                // Readable, but another quarter's record: kept aside like unreadable data,
                // never overwritten by the blank one started below.
                if let Some(e) = storage::set_aside_misplaced(key) {
                    self.notices.update(|n| note(n, e));
                }
                None
            }
            Ok(None) => None,
            Err(e) => {
                self.notices.update(|n| note(n, e));
                None
            }
        };
        let record = match loaded {
            Some(r) => r,
            None => {
                let reference = rubric.or_else(|| {
                    self.catalog
                        .with_value(|c| c.default_for(quarter).map(|r| r.reference().clone()))
                });
                let Some(reference) = reference else {
                    return Ok(());
                };
                let r = QuarterRecord::new(quarter, reference);
                self.saved(key, storage::save(key, &r));
                r
            }
        };
        if let Some(open) = open {
            // Left behind: whatever failed there is moot now (or frozen for good).
            self.saved(Key::Quarter(open), Ok(()));
        }
        self.record.set(Some(record));
        self.quarters.set(storage::stored_quarters());
        self.saved(
            Key::Settings,
            storage::save(
                Key::Settings,
                &Settings {
                    last_quarter: Some(quarter),
                },
            ),
        );
        Ok(())
    }

    /// Reloads what another tab changed (`None`: it cleared everything).
    fn take_other_tab_change(&self, name: Option<String>) {
        if self.reread(name, Read::Peek) {
            self.synced.set(true);
            self.revision.update(|r| *r += 1);
        }
    }

    /// Reads everything again from the device after this page wrote it behind the store's back
    /// (a restore from a drafts backup file); the forms are rebuilt if anything changed.
    pub fn reread_all(&self) {
        if self.reread(None, Read::Load) {
            self.revision.update(|r| *r += 1);
        }
    }

    /// Takes from the device the value stored under `name` (`None`: every value); whether
    /// anything shown changed. A value whose last write here failed is left as the screen has
    /// it: the screen holds the only copy of that change (the banner says so), and this page's
    /// next successful save writes it.
    fn reread(&self, name: Option<String>, how: Read) -> bool {
        let is = |key: Key| {
            name.as_deref().is_none_or(|n| n == storage::name_of(key)) && !self.is_unsaved(key)
        };
        let mut changed = false;
        let report = |e: SetAside| self.notices.update(|n| note(n, e));
        if is(Key::Profile) {
            match storage_read::<CellProfile>(how, Key::Profile) {
                Ok(p) => {
                    let p = p.unwrap_or_default();
                    if self.profile.with_untracked(|x| *x != p) {
                        self.profile.set(p);
                        changed = true;
                    }
                }
                Err(e) => report(e),
            }
        }
        if is(Key::SigningKey) {
            match storage_read::<CellKey>(how, Key::SigningKey) {
                Ok(k) => {
                    if self.key.with_untracked(|x| *x != k) {
                        self.key.set(k);
                        changed = true;
                    }
                }
                Err(e) => report(e),
            }
        }
        if let Some(q) = self
            .record
            .with_untracked(|r| r.as_ref().map(|r| r.quarter))
        {
            if is(Key::Quarter(q)) {
                match storage_read::<QuarterRecord>(how, Key::Quarter(q)) {
                    Ok(Some(r)) if r.quarter == q => {
                        if self.record.with_untracked(|x| x.as_ref() != Some(&r)) {
                            self.record.set(Some(r));
                            changed = true;
                        }
                    }
                    Ok(Some(_)) => {
                        // Not this app's doing: left in place, shown as it is here.
                    }
                    Ok(None) => {
                        // Deleted in the other tab.
                        self.record.set(None);
                        changed = true;
                    }
                    Err(e) => report(e),
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
            self.saved(key, result);
        }
    }

    /// Moves the open quarter to a newer version of its rubric (the secretary's choice) and
    /// saves it; the page's views, which read a rubric's texts once, are built again. Refused
    /// while a change waits to be saved, and reported if the moved quarter could not be saved
    /// (the screen then shows the move, and the banner that it is not on the device yet).
    pub fn move_to(&self, to: &Rubric) -> Result<(), MoveRefused> {
        if self.unsaved() {
            return Err(Unsaved.into());
        }
        let mut outcome = Ok(());
        self.edit(|r| {
            outcome = r.move_to(to);
            outcome.clone()
        });
        outcome?;
        self.revision.update(|r| *r += 1);
        let key = self
            .record
            .with_untracked(|r| r.as_ref().map(|r| Key::Quarter(r.quarter)));
        match key {
            Some(key) if self.is_unsaved(key) => Err(Unsaved.into()),
            _ => Ok(()),
        }
    }

    /// Applies an edit to the profile and saves it.
    pub fn edit_profile(&self, f: impl FnOnce(&mut CellProfile)) {
        self.profile.update(f);
        let result = self
            .profile
            .with_untracked(|p| storage::save(Key::Profile, p));
        self.saved(Key::Profile, result);
    }

    /// Deletes a stored quarter (the user confirmed: what was unsaved of it goes too); closes
    /// it if it is open. Refused for a quarter whose unreadable value could not be kept
    /// elsewhere: it is the only copy.
    pub fn delete_quarter(&self, quarter: QuarterId) -> Result<(), SaveError> {
        let key = Key::Quarter(quarter);
        storage::remove(key)?;
        self.saved(key, Ok(()));
        if self
            .record
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.quarter == quarter))
        {
            self.record.set(None);
            // Forget it as "last opened" too, so a reload does not start it again blank.
            self.saved(
                Key::Settings,
                storage::save(Key::Settings, &Settings::default()),
            );
        }
        self.quarters.set(storage::stored_quarters());
        Ok(())
    }

    /// Every quarter stored on the device, oldest first (an unreadable one is set aside and
    /// reported, as when it is opened).
    pub fn all_quarters(&self) -> Vec<QuarterRecord> {
        let mut out = Vec::new();
        for q in storage::stored_quarters().into_iter().rev() {
            match storage::load::<QuarterRecord>(Key::Quarter(q)) {
                Ok(Some(r)) if r.quarter == q => out.push(r),
                Ok(_) => {}
                Err(e) => self.notices.update(|n| note(n, e)),
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
                self.notices.update(|n| note(n, e));
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
        if self.unsaved() {
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
