//! Keeps the linker's relocations in the cell page's wasm (`chibo-app`): `wasm-split-cli` needs
//! them to move the rarely used panels into a chunk of their own (`scripts/split.py`). Only that
//! binary, only on wasm32: the district's page, its verifier and the CLI link as before.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=chibo-app=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
