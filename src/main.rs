//! The web app's entry point (built by trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The district import's Web Workers load this same module to verify files: no page there.
    if web_sys::window().is_none() {
        return;
    }
    leptos::mount::mount_to_body(chibo::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the web app: build and serve it with `make serve`.");
}
