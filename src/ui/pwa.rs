//! Offline use: the service worker (public/sw.js), "a new version is ready", and persistent
//! storage. The browser glue is a small JS snippet; everything it reports lands in signals.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function register_sw(on_update) {
  if (!('serviceWorker' in navigator)) return false;
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    const watch = (w) => w && w.addEventListener('statechange', () => {
      if (w.state === 'installed' && navigator.serviceWorker.controller) on_update();
    });
    if (reg.waiting && navigator.serviceWorker.controller) on_update();
    reg.addEventListener('updatefound', () => watch(reg.installing));
  }).catch(() => {});
  return true;
}
export function activate_update() {
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg && reg.waiting) reg.waiting.postMessage('skip-waiting'); else location.reload();
  });
}
export async function persist_storage() {
  if (!navigator.storage || !navigator.storage.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}
"#)]
extern "C" {
    fn register_sw(on_update: &Closure<dyn Fn()>) -> bool;
    fn activate_update();
    async fn persist_storage() -> JsValue;
}

/// What the browser said about offline use.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is installed and waiting.
    pub update_ready: RwSignal<bool>,
    /// The answer to the persistent-storage request: granted, denied, unsupported.
    pub persisted: RwSignal<Option<String>>,
    /// Whether a service worker could be registered at all.
    pub offline_capable: RwSignal<bool>,
}

impl Pwa {
    /// Registers the service worker and asks for persistent storage.
    pub fn start() -> Self {
        let pwa = Self {
            update_ready: RwSignal::new(false),
            persisted: RwSignal::new(None),
            offline_capable: RwSignal::new(false),
        };
        let on_update = Closure::<dyn Fn()>::new(move || pwa.update_ready.set(true));
        pwa.offline_capable.set(register_sw(&on_update));
        // The page lives as long as the app: the callback must too.
        on_update.forget();
        leptos::task::spawn_local(async move {
            pwa.persisted.set(persist_storage().await.as_string());
        });
        pwa
    }

    /// Switches to the waiting version (drafts are already saved, so reloading loses nothing).
    pub fn update_now(&self) {
        activate_update();
    }
}
