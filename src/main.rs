//! The cell's page (`index.html`, built by trunk for wasm32). The district's page is
//! `src/bin/district.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(chibo::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the web app: build and serve it with `make serve`.");
}
