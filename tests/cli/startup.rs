//! What the program asks of the system beyond reading the plan: each
//! shared library the dynamic loader opens and relocates is paid at every
//! start, and each `git` started costs some milliseconds.

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

/// `check` and `report` ask git when each file came in and how the plan
/// was on a day, for a plan in a repository. A plan in no repository
/// starts no `git`; one under a folder holding a `.git` does.
#[cfg(unix)]
#[test]
fn git_is_started_only_where_a_repository_may_be() {
    use std::os::unix::fs::PermissionsExt;

    let tools = tempfile::tempdir().unwrap();
    let started = tools.path().join("git-started");
    let fake = tools.path().join("git");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\nexit 128\n",
            started.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(std::iter::once(tools.path().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let outside = crate::support::copy_plan(&crate::support::bundled_plan());
    let run = |plan: &std::path::Path, args: &[&str]| {
        crate::support::ctg()
            .env("PATH", &path)
            .env_remove("GIT_DIR")
            .arg("--plan")
            .arg(plan)
            .args(["--today", "2026-06-30"])
            .args(args)
            .assert()
            .success();
    };
    run(outside.path(), &["check"]);
    run(outside.path(), &["report", "--year", "2025"]);
    assert!(
        !started.exists(),
        "git started for a plan in no repository: {:?}",
        std::fs::read_to_string(&started)
    );
    std::fs::create_dir(outside.path().join(".git")).unwrap();
    run(outside.path(), &["check"]);
    run(outside.path(), &["report", "--year", "2025"]);
    let asked = std::fs::read_to_string(&started).unwrap_or_default();
    assert!(
        asked.contains("log") && asked.contains("rev-list"),
        "git not asked under a .git: {asked:?}"
    );
}
