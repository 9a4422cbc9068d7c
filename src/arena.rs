//! A scoped bump allocator for the district import's verifier (the `chibo-verify` worker module).
//!
//! Verifying one result file allocates tens of thousands of small blocks (a JSON tree, the typed
//! subject, the recomputed report) that all die when the call returns; a CPU profile of the
//! verifier showed malloc and free taking about a third of its time. Inside [`Arena::scope`]
//! allocations are bumped from one preallocated block and freeing is (nearly) free; when the scope
//! ends the whole block is reused. Outside a scope, and when the block is full, it is the system
//! allocator, so nothing breaks, it only gets slower.
//!
//! The contract, which [`Arena::scope`] callers must keep: nothing allocated inside a scope
//! outlives it. The worker keeps it by initialising its one long-lived value (the rubric catalog)
//! before the first scope and by handing its answer to JavaScript (a copy) inside the scope.
//! It is single-threaded by design: wasm32 without the atomics feature has one thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// A bump arena over one block taken from the system allocator on first use.
pub struct Arena {
    capacity: usize,
    start: Cell<usize>,
    end: Cell<usize>,
    next: Cell<usize>,
    active: Cell<bool>,
}

// Safety: used as the global allocator of a wasm32 module without threads, where there is only
// one thread; `Cell` is never touched concurrently. Natively it is only used by one test thread.
unsafe impl Sync for Arena {}

impl Arena {
    /// An arena that will take a block of `capacity` bytes when a scope first needs it.
    pub const fn new(capacity: usize) -> Self {
        Self {
            capacity,
            start: Cell::new(0),
            end: Cell::new(0),
            next: Cell::new(0),
            active: Cell::new(false),
        }
    }

    /// Runs `f` with allocations served from the arena, then frees them all at once.
    /// Nothing allocated inside `f` may be used after it returns (see the module's contract).
    pub fn scope<R>(&self, f: impl FnOnce() -> R) -> R {
        if self.start.get() == 0 {
            // Safety: a valid, non-zero layout; a null answer leaves the arena off (system only).
            let block =
                unsafe { System.alloc(Layout::from_size_align_unchecked(self.capacity, 16)) };
            if !block.is_null() {
                self.start.set(block as usize);
                self.end.set(block as usize + self.capacity);
            }
        }
        let nested = self.active.replace(self.start.get() != 0);
        let mark = self.next.replace(self.start.get().max(self.next.get()));
        let r = f();
        self.next.set(if nested { mark } else { self.start.get() });
        self.active.set(nested);
        r
    }

    /// How many bytes the current scope has taken (for tests and measurements).
    pub fn used(&self) -> usize {
        self.next.get().saturating_sub(self.start.get())
    }

    fn owns(&self, p: usize) -> bool {
        p >= self.start.get() && p < self.end.get()
    }

    fn bump(&self, layout: Layout) -> Option<*mut u8> {
        if !self.active.get() {
            return None;
        }
        let p = self.next.get().checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let new_next = p.checked_add(layout.size())?;
        (new_next <= self.end.get()).then(|| {
            self.next.set(new_next);
            p as *mut u8
        })
    }
}

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match self.bump(layout) {
            Some(p) => p,
            None => System.alloc(layout),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let p = ptr as usize;
        if self.owns(p) {
            // The last block bumped can be given back (a temporary freed at once).
            if self.active.get() && p + layout.size() == self.next.get() {
                self.next.set(p);
            }
            return;
        }
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = ptr as usize;
        if !self.owns(p) {
            return System.realloc(ptr, layout, new_size);
        }
        // The last block bumped grows or shrinks in place (a growing Vec or String).
        if self.active.get()
            && p + layout.size() == self.next.get()
            && p + new_size <= self.end.get()
        {
            self.next.set(p + new_size);
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size());
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_inside_a_scope_come_from_the_arena_and_are_all_reused_after_it() {
        let a = Arena::new(1 << 16);
        let (first, used) = a.scope(|| unsafe {
            let x = a.alloc(layout(100, 8));
            let y = a.alloc(layout(10, 16));
            assert!(a.owns(x as usize) && a.owns(y as usize));
            assert_eq!(y as usize % 16, 0, "alignment is kept");
            (x as usize, a.used())
        });
        assert!(used >= 110);
        assert_eq!(a.used(), 0, "the scope's blocks are freed at once");
        let again = a.scope(|| unsafe { a.alloc(layout(100, 8)) as usize });
        assert_eq!(again, first, "the next scope reuses the block");
    }

    #[test]
    fn outside_a_scope_and_when_full_it_is_the_system_allocator() {
        let a = Arena::new(256);
        unsafe {
            let outside = a.alloc(layout(64, 8));
            a.scope(|| {
                let big = a.alloc(layout(1024, 8));
                assert!(!big.is_null() && !a.owns(big as usize), "too big: system");
                a.dealloc(big, layout(1024, 8));
                // A system block freed inside a scope goes back to the system.
                a.dealloc(outside, layout(64, 8));
            });
        }
    }

    #[test]
    fn the_last_block_grows_in_place_and_others_move_with_their_bytes() {
        let a = Arena::new(1 << 12);
        a.scope(|| unsafe {
            let x = a.alloc(layout(8, 1));
            x.copy_from(b"abcdefgh".as_ptr(), 8);
            let grown = a.realloc(x, layout(8, 1), 64);
            assert_eq!(grown, x, "the last block grows in place");
            let y = a.alloc(layout(8, 1));
            let moved = a.realloc(grown, layout(64, 1), 128);
            assert!(moved != grown && moved > y, "not the last block: it moves");
            assert_eq!(std::slice::from_raw_parts(moved, 8), b"abcdefgh");
        });
    }

    #[test]
    fn a_temporary_freed_at_once_gives_its_bytes_back() {
        let a = Arena::new(1 << 12);
        a.scope(|| unsafe {
            let x = a.alloc(layout(32, 8));
            let before = a.used();
            let t = a.alloc(layout(100, 8));
            a.dealloc(t, layout(100, 8));
            assert_eq!(a.used(), before);
            // An older block freed out of order stays taken until the scope ends.
            let _y = a.alloc(layout(8, 8));
            a.dealloc(x, layout(32, 8));
            assert!(a.used() > before);
        });
    }
}
