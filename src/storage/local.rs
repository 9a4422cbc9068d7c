//! localStorage through gloo-storage.

use std::cell::RefCell;
use std::collections::BTreeSet;

use super::envelope::{decode, encode, DecodeError};
use super::errors::{SaveError, SetAside};
use super::keys::{Key, Workspace, LANGUAGE_KEY, WORKSPACE_KEY};
use crate::domain::quarter::QuarterId;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

thread_local! {
    /// The workspace of this page load (read once at start; switching reloads the page, so no
    /// view ever holds data of both).
    static WORKSPACE: std::cell::Cell<Option<Workspace>> = const { std::cell::Cell::new(None) };
    /// Keys whose unreadable value could not be set aside: writing them would destroy it.
    static FROZEN: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// The workspace this page works on (the stored choice; `Real` when none or unreadable).
pub fn workspace() -> Workspace {
    WORKSPACE.with(|w| {
        w.get().unwrap_or_else(|| {
            let ws = raw_get(WORKSPACE_KEY)
                .and_then(|raw| decode::<Workspace>(&raw).ok())
                .unwrap_or_default();
            w.set(Some(ws));
            ws
        })
    })
}

/// Stores the workspace to use from the next page load on.
pub fn choose_workspace(ws: Workspace) -> Result<(), SaveError> {
    let text = encode(&ws).map_err(|_| SaveError::Encode)?;
    LocalStorage::raw()
        .set_item(WORKSPACE_KEY, &text)
        .map_err(|_| SaveError::Write)
}

/// The chosen UI language (the same in both workspaces); `None` when none or unreadable.
pub fn language<T: DeserializeOwned>() -> Option<T> {
    raw_get(LANGUAGE_KEY).and_then(|raw| decode::<T>(&raw).ok())
}

/// Stores the UI language (a device preference, kept apart from both workspaces' data).
pub fn choose_language<T: Serialize>(lang: &T) -> Result<(), SaveError> {
    let text = encode(lang).map_err(|_| SaveError::Encode)?;
    LocalStorage::raw()
        .set_item(LANGUAGE_KEY, &text)
        .map_err(|_| SaveError::Write)
}

/// Deletes every localStorage value of the training workspace (never a real one: the prefix
/// of training keys is not a prefix of any real key), and the copies set aside from it (a
/// restore practised in a workshop), which would otherwise fill the space real data needs.
pub fn clear_training() {
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    let doomed: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| Key::is_training_name(k))
        .collect();
    for k in doomed {
        let _ = storage.remove_item(&k);
    }
}

fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}

fn raw_get(name: &str) -> Option<String> {
    LocalStorage::raw().get_item(name).ok().flatten()
}

/// Reads a value. `Ok(None)`: nothing stored. `Err`: it was unreadable and has been set aside,
/// or, written by a newer version of the app, left in place and not written this session.
pub fn load<T: DeserializeOwned>(key: Key) -> Result<Option<T>, SetAside> {
    read(key, false)
}

/// Reads a value another tab just wrote (the `storage` event), never moving anything: that tab
/// wrote it on purpose, and it may be a newer version that reads it well. What this page cannot
/// read is left in place and not written by this page from then on.
pub fn peek<T: DeserializeOwned>(key: Key) -> Result<Option<T>, SetAside> {
    read(key, true)
}

/// [`load`] (`peek` false) or [`peek`]: one reader per stored type for both.
fn read<T: DeserializeOwned>(key: Key, peek: bool) -> Result<Option<T>, SetAside> {
    let name = key.name_in(workspace());
    let Some(raw) = raw_get(&name) else {
        return Ok(None);
    };
    decode::<T>(&raw)
        .map(Some)
        .map_err(|reason| unreadable(&name, &raw, reason, peek))
}

/// What becomes of a value that cannot be read (the same for every type, so not copied for
/// each).
fn unreadable(name: &str, raw: &str, reason: DecodeError, peek: bool) -> SetAside {
    match reason {
        // A newer version (another tab, or this page before an old cached copy was served) can
        // read it; moving it aside would hide it from that version too. Left where it is and
        // never written by this older code.
        DecodeError::NewerSchema(_) => freeze(name, reason),
        _ if peek => freeze(name, reason),
        _ => set_aside(name, raw, reason),
    }
}

/// Sets aside the value stored under `key` although it was readable, because it is not what the
/// key should hold (a quarter's record naming another quarter): kept and reported, as
/// unreadable data is.
pub fn set_aside_misplaced(key: Key) -> Option<SetAside> {
    let name = key.name_in(workspace());
    let raw = raw_get(&name)?;
    Some(set_aside(&name, &raw, DecodeError::Misplaced))
}

fn freeze(name: &str, reason: DecodeError) -> SetAside {
    FROZEN.with(|f| f.borrow_mut().insert(name.to_string()));
    SetAside {
        key: name.to_string(),
        backup_key: None,
        reason,
        left_in_place: true,
    }
}

/// Copies `raw` (the text stored under `name`) to a fresh backup key; that key once the copy is
/// there and reads back the same, `None` if it could not be written.
fn copy_aside(name: &str, raw: &str) -> Option<String> {
    let stamp = now_millis();
    let mut n = 0;
    let mut backup = Key::backup_name(name, stamp, n);
    while raw_get(&backup).is_some() {
        n += 1;
        backup = Key::backup_name(name, stamp, n);
    }
    let copied = LocalStorage::raw().set_item(&backup, raw).is_ok()
        && raw_get(&backup).as_deref() == Some(raw);
    copied.then_some(backup)
}

fn set_aside(name: &str, raw: &str, reason: DecodeError) -> SetAside {
    // Copy first, and only then free the live key: the original text always exists somewhere.
    if let Some(backup) = copy_aside(name, raw) {
        let _ = LocalStorage::raw().remove_item(name);
        // Frozen by an earlier failed copy: now that the text is kept, the key may be written.
        FROZEN.with(|f| f.borrow_mut().remove(name));
        SetAside {
            key: name.to_string(),
            backup_key: Some(backup),
            reason,
            left_in_place: false,
        }
    } else {
        FROZEN.with(|f| f.borrow_mut().insert(name.to_string()));
        SetAside {
            key: name.to_string(),
            backup_key: None,
            reason,
            left_in_place: false,
        }
    }
}

/// Writes a value in its envelope.
pub fn save<T: Serialize>(key: Key, value: &T) -> Result<(), SaveError> {
    let name = key.name_in(workspace());
    if FROZEN.with(|f| f.borrow().contains(&name)) {
        return Err(SaveError::Frozen);
    }
    let text = encode(value).map_err(|_| SaveError::Encode)?;
    LocalStorage::raw()
        .set_item(&name, &text)
        .map_err(|_| SaveError::Write)
}

/// Writes `value` over what is stored under `key`, after keeping the old text under a backup key
/// (as for unreadable data), so that a restore from a file never loses what the device had.
/// Writes nothing if the old text could not be copied.
pub fn replace_keeping_old<T: Serialize>(key: Key, value: &T) -> Result<(), SaveError> {
    let name = key.name_in(workspace());
    let kept = match raw_get(&name) {
        None => None,
        Some(raw) => Some(copy_aside(&name, &raw).ok_or(SaveError::Write)?),
    };
    if let Err(e) = save(key, value) {
        // The old value is still in place: its copy would only fill a full storage further.
        if let Some(copy) = &kept {
            let _ = LocalStorage::raw().remove_item(copy);
        }
        return Err(e);
    }
    Ok(())
}

/// Removes a value; refused for a key whose unreadable value could not be kept elsewhere (it
/// would be the only copy).
pub fn remove(key: Key) -> Result<(), SaveError> {
    let name = key.name_in(workspace());
    if FROZEN.with(|f| f.borrow().contains(&name)) {
        return Err(SaveError::Frozen);
    }
    LocalStorage::delete(name);
    Ok(())
}

/// Quarters that have a stored value, newest first.
pub fn stored_quarters() -> Vec<QuarterId> {
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    let mut out: Vec<QuarterId> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| Key::quarter_of_in(workspace(), &k))
        .collect();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

/// The storage name of a key in this page's workspace (to match [`on_other_tab_change`] names).
pub fn name_of(key: Key) -> String {
    key.name_in(workspace())
}

/// Calls `f` with the storage name of each value another tab of this app changes (the browser's
/// `storage` event; it never fires in the tab that wrote). `None`: the other tab cleared storage.
pub fn on_other_tab_change(f: impl Fn(Option<String>) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            f(e.key());
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The page lives as long as the app: keep the listener for good.
    listener.forget();
}
