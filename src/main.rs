//! The cell's page (`index.html`, built by trunk for wasm32). The district's page is
//! `src/bin/district.rs`.

#[cfg(target_arch = "wasm32")]
mod page {
    use std::future::Future;
    use std::pin::Pin;

    use chibo::ui::lazy_panel::{NotLoaded, Views};

    // The split point (see `chibo::ui::lazy_panel`): what only this function reaches (the export,
    // signing key, file check and printout panels, signing, key backup, the QR code) goes into the
    // wasm chunk `cell_extras`. Here, not in the library: it is exported, and every binary
    // linking the library would carry the panels.
    #[leptos::wasm_split::wasm_split(cell_extras, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn extra_views() -> Result<Views, NotLoaded> {
        Ok(Views::in_chunk())
    }

    pub fn load_extras() -> Pin<Box<dyn Future<Output = Result<Views, NotLoaded>>>> {
        Box::pin(extra_views())
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <chibo::App extras=page::load_extras/> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the web app: build and serve it with `make serve`.");
}
