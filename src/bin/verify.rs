//! The district import's verifier: the module its Web Workers load (`public/verify-worker.js`),
//! built for speed (`[profile.verify]`, opt-level 3) rather than size, with no view code. Each
//! file is verified inside an arena scope ([`chibo::arena`]): a third of the verifier's time was
//! the allocator's. See docs/benchmarks.md.

#[cfg(target_arch = "wasm32")]
mod worker {
    use chibo::arena::Arena;
    use wasm_bindgen::prelude::*;

    /// 8 MiB: a real result needs ~0.4 MiB of scratch; a larger file falls back to the system
    /// allocator, which is slower but works.
    #[global_allocator]
    static ARENA: Arena = Arena::new(8 << 20);

    /// Verifies one file, answering its stored form as a JS string (see
    /// `chibo::ui::worker_api::chibo_receive`). The rubrics are parsed before the first scope,
    /// and the answer is copied to JavaScript inside it: nothing allocated in the scope outlives
    /// it.
    #[wasm_bindgen]
    pub fn chibo_receive(name: &str, bytes: &[u8]) -> JsValue {
        chibo::ui::worker_api::warm_up();
        ARENA.scope(|| JsValue::from_str(&chibo::ui::worker_api::chibo_receive(name, bytes)))
    }

    /// One warm-up round (see `chibo::ui::worker_api::warm_up_round`), in its own scope.
    #[wasm_bindgen]
    pub fn chibo_warm_up() -> bool {
        chibo::ui::worker_api::warm_up();
        ARENA.scope(chibo::ui::worker_api::warm_up_round)
    }

    /// A file refused unread for its size (see `chibo::ui::worker_api`).
    #[wasm_bindgen]
    pub fn chibo_receive_too_large(name: &str, size: f64) -> String {
        chibo::ui::worker_api::chibo_receive_too_large(name, size)
    }
}

/// In a Web Worker the module only answers calls.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is the district import's verifier (a Web Worker module): `make serve` builds it."
    );
}
