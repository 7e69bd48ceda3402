//! What the program asks of the system before it does anything: each
//! shared library the dynamic loader opens and relocates is paid at every
//! start.

/// On Linux with glibc the program is linked statically (.cargo/config.toml):
/// it names no shared library for the loader to open.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_program_needs_no_shared_library() {
    let out = std::process::Command::new("readelf")
        .args(["--dynamic", "--program-headers", env!("CARGO_BIN_EXE_ctg")])
        .output()
        .expect("readelf, from binutils, beside the C compiler that links the program");
    let headers = String::from_utf8_lossy(&out.stdout);
    assert!(
        headers.contains("LOAD"),
        "readelf lists the program's segments: {headers}"
    );
    let needed: Vec<&str> = headers.lines().filter(|l| l.contains("(NEEDED)")).collect();
    let interpreter = headers.contains("INTERP");
    assert!(
        needed.is_empty() && !interpreter,
        "linked dynamically ({needed:#?}, interpreter: {interpreter}): RUSTFLAGS, when set, \
         replaces the flags of .cargo/config.toml; add `-C target-feature=+crt-static` to it"
    );
}
