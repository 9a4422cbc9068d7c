//! The district's page (`district.html`, built by trunk for wasm32): its own module, so the cell's
//! page never downloads the district's code. The import's Web Workers load a module of their own
//! (`src/bin/verify.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(chibo::DistrictApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the district's web page: build and serve it with `make serve`.");
}
