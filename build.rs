//! Where the linker puts the program's functions. On Linux for x86-64,
//! where rustc links with lld, the functions a command runs as it starts
//! (read by `bench/startup_order.py` from runs on the bundled plan, in
//! `startup.order`) are laid side by side: the system then maps the code a
//! start needs in a few faults instead of one for nearly every 64 KB of a
//! 6 MB program (docs/speed.md, Start-up). A name the file gives that the
//! program no longer has, after a change of compiler, of a dependency or of
//! Cargo.toml, is passed over: the program is only slower to start until
//! the file is made again.

use std::env;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=startup.order");
    if env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu") {
        return;
    }
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let order = Path::new(&manifest).join("startup.order");
    if !order.is_file() {
        return; // until bench/startup_order.py has made it
    }
    println!(
        "cargo::rustc-link-arg-bin=ctg=-Wl,--symbol-ordering-file={}",
        order.display()
    );
    println!("cargo::rustc-link-arg-bin=ctg=-Wl,--no-warn-symbol-ordering");
}
