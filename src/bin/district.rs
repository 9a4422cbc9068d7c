//! The district's page (`district.html`, built by trunk for wasm32): its own module, so the cell's
//! page never downloads the district's code. The import's Web Workers (`public/verify-worker.js`)
//! load this same module for the two functions below.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // In a Web Worker there is no page to draw.
    if web_sys::window().is_none() {
        return;
    }
    leptos::mount::mount_to_body(chibo::DistrictApp);
}

/// Verifies one file in a worker (see `chibo::ui::worker_api`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn chibo_receive(name: &str, bytes: &[u8]) -> String {
    chibo::ui::worker_api::chibo_receive(name, bytes)
}

/// A file refused unread for its size (see `chibo::ui::worker_api`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn chibo_receive_too_large(name: &str, size: f64) -> String {
    chibo::ui::worker_api::chibo_receive_too_large(name, size)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the district's web page: build and serve it with `make serve`.");
}
