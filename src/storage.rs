//! The reader's audience preference: one prefixed `localStorage` key holding only the
//! audience id. Storage that is missing, blocked (sandboxed iframe) or full is not an
//! error the reader sees: the preference then lives in memory for the page's life.

use std::cell::RefCell;

use crate::model::Audience;

/// The one key we store.
pub const AUDIENCE_KEY: &str = "evidence-article:audience";

/// Storage refused a write (blocked, full or missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUnavailable;

/// Where the preference is kept.
pub trait PreferenceStore {
    /// Raw stored value.
    fn get(&self) -> Option<String>;
    /// Stores a value; `Err` when storage refuses.
    fn set(&self, value: &str) -> Result<(), StorageUnavailable>;
    /// Removes the value.
    fn remove(&self);
}

/// In-memory store (tests, and the fallback when the browser refuses storage).
#[derive(Debug, Default)]
pub struct MemoryStore(RefCell<Option<String>>);

impl PreferenceStore for MemoryStore {
    fn get(&self) -> Option<String> {
        self.0.borrow().clone()
    }
    fn set(&self, value: &str) -> Result<(), StorageUnavailable> {
        *self.0.borrow_mut() = Some(value.to_owned());
        Ok(())
    }
    fn remove(&self) {
        *self.0.borrow_mut() = None;
    }
}

/// `window.localStorage`, reached through web-sys `Result`s: every throw (sandboxed
/// iframe, disabled storage, quota) becomes `None`/`Err`.
#[derive(Debug, Default)]
pub struct BrowserStore;

impl BrowserStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }
}

impl PreferenceStore for BrowserStore {
    fn get(&self) -> Option<String> {
        Self::storage()?.get_item(AUDIENCE_KEY).ok().flatten()
    }
    fn set(&self, value: &str) -> Result<(), StorageUnavailable> {
        Self::storage()
            .ok_or(StorageUnavailable)?
            .set_item(AUDIENCE_KEY, value)
            .map_err(|_| StorageUnavailable)
    }
    fn remove(&self) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(AUDIENCE_KEY);
        }
    }
}

thread_local! {
    static MEMORY: MemoryStore = MemoryStore::default();
}

/// Reads the stored audience; an unknown value is removed and ignored.
pub fn load_audience(store: &dyn PreferenceStore) -> Option<Audience> {
    let raw = store.get()?;
    match Audience::from_id(raw.trim()) {
        Some(a) => Some(a),
        None => {
            store.remove();
            None
        }
    }
}

/// Reads the preference from the browser, falling back to this page's memory.
pub fn load_browser_audience() -> Option<Audience> {
    load_audience(&BrowserStore).or_else(|| MEMORY.with(|m| load_audience(m)))
}

/// Saves the preference in the browser, or in memory when the browser refuses.
pub fn save_browser_audience(a: Audience) {
    if BrowserStore.set(a.id()).is_err() {
        MEMORY.with(|m| {
            let _ = m.set(a.id());
        });
    }
}
