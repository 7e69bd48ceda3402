//! How the heap grows, where the C library lets the program say.
//!
//! glibc gives each thread an arena of its own and grows it a page at a
//! time: one `mprotect` for every 4 KB, each holding the lock of the
//! process's memory map while the other cores' page faults wait for it.
//! Reading a large plan and writing its bilan grew the arenas some 15,000
//! times (docs/speed.md, the fifth round).

/// How much an arena is made ready at once: the most glibc gives one
/// (64 MB on 64 bits). Only address space: a page is the system's until
/// it is written.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const STEP: libc::c_int = 64 << 20;

/// Arenas made from now on are made ready whole instead of a page at a
/// time. To be called before the threads that read the plan start, by a
/// command whose output is as large as its plan (the bilan): the memory
/// freed at the top of an arena is then kept for what comes next rather
/// than given back, which adds some 2 MB to the peak of a plan of 10,000
/// actions, so `check`, whose peak is a target, does not ask for it.
pub fn grow_in_large_steps() {
    // SAFETY: `mallopt` only sets a parameter of the allocator, under its
    // own lock; a value it refuses leaves the parameter as it was.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, STEP);
    }
}
