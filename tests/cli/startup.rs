//! What the program asks of the system before it does anything: each
//! shared library the dynamic loader opens is paid at every start.

/// `log2`, the one function of the maths library the program links, is
/// defined in the program (src/main.rs): the loader has no libm.so to open.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_program_needs_no_maths_library() {
    let out = std::process::Command::new("readelf")
        .args(["--dynamic", env!("CARGO_BIN_EXE_ctg")])
        .output()
        .expect("readelf, from binutils, beside the C compiler that links the program");
    let dynamic = String::from_utf8_lossy(&out.stdout);
    let needed: Vec<&str> = dynamic.lines().filter(|l| l.contains("(NEEDED)")).collect();
    assert!(
        needed.iter().any(|l| l.contains("libc.so")),
        "readelf lists the libraries: {dynamic}"
    );
    assert!(
        !needed.iter().any(|l| l.contains("libm.so")),
        "libm.so needed again: {needed:#?}"
    );
}
