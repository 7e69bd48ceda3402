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
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

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
    let arguments = [
        format!("-Wl,--symbol-ordering-file={}", order.display()),
        "-Wl,--no-warn-symbol-ordering".to_string(),
    ];
    // rustup's compilers link with their own lld; a compiler from a
    // distribution, or one told otherwise (`-C linker-features=-lld`),
    // calls the system's linker, which may not know the option: the
    // program is then linked in the usual order rather than not at all.
    if !links_with(&arguments) {
        return;
    }
    for argument in arguments {
        println!("cargo::rustc-link-arg-bin=ctg={argument}");
    }
}

/// Whether the compiler, with the flags of this build, links an empty
/// program given these linker arguments.
fn links_with(arguments: &[String]) -> bool {
    let (Some(rustc), Some(out_dir), Ok(target)) = (
        env::var_os("RUSTC"),
        env::var_os("OUT_DIR"),
        env::var("TARGET"),
    ) else {
        return false;
    };
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let mut command = Command::new(rustc);
    command
        .args([
            "--crate-name",
            "link_probe",
            "--crate-type",
            "bin",
            "--target",
        ])
        .arg(target)
        .arg("--out-dir")
        .arg(&out_dir)
        .args(flags.split('\u{1f}').filter(|flag| !flag.is_empty()))
        .args(arguments.iter().map(|a| format!("-Clink-arg={a}")))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let Ok(mut child) = command.spawn() else {
        return false;
    };
    let written = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(b"fn main() {}\n").is_ok());
    let linked = child.wait().is_ok_and(|status| status.success()) && written;
    // Only its success is wanted: the program itself goes.
    let _ = std::fs::remove_file(Path::new(&out_dir).join("link_probe"));
    linked
}
