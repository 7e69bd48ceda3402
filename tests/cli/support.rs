//! Helpers shared by the tests: a clean `ctg` command, fixture paths,
//! throw-away copies of plans.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `ctg` with no influence from the environment of whoever runs the tests:
/// no plan, no date, no locale, no colour settings, no width (output in a
/// pipe is 100 columns wide).
pub fn ctg() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ctg"));
    for var in [
        "COLUMNS",
        "CTG_PLAN",
        "CTG_THREADS",
        "CTG_TODAY",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
    ] {
        command.env_remove(var);
    }
    command
}

/// `ctg` on the plan in `plan` with at most `threads` threads
/// (`CTG_THREADS`), for the tests that compare a large plan's outputs on
/// one thread and on several.
pub fn ctg_on_threads(threads: &str, plan: &Path) -> Command {
    let mut command = ctg();
    command.env("CTG_THREADS", threads).arg("--plan").arg(plan);
    command
}

/// `git` in `dir` with a fixed author, the user's own configuration ignored,
/// and `ctg` (for hooks) at `$CTG` with a fixed date.
pub fn git(dir: &Path) -> std::process::Command {
    let mut command = std::process::Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("CTG", env!("CARGO_BIN_EXE_ctg"))
        .env("CTG_TODAY", "2025-06-30")
        .env("LANG", "C")
        .env_remove("CTG_PLAN");
    command
}

/// Runs git and insists that it succeeds.
pub fn git_ok(dir: &Path, args: &[&str]) {
    let output = git(dir)
        .args(args)
        .output()
        .expect("git is needed by this test");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

pub fn bundled_plan() -> PathBuf {
    repo().join("plan")
}

/// A copy of a plan folder in a temporary directory, to be damaged at will.
pub fn copy_plan(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(from, dir.path());
    dir
}

/// The demo plan with each of its actions copied `times` times in all
/// (ids 10 apart): a plan large enough to be worked on every core.
pub fn demo_copied(times: u32) -> tempfile::TempDir {
    let plan = copy_plan(&repo().join("examples/demo"));
    let actions = plan.path().join("actions");
    let originals: Vec<_> = std::fs::read_dir(&actions)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    for copy in 1..times {
        for original in &originals {
            let text = std::fs::read_to_string(original).unwrap();
            let id: u32 = text.lines().next().unwrap()["id = ".len()..]
                .parse()
                .unwrap();
            assert!(id < 10, "the demo's ids are under 10");
            let new = copy * 10 + id;
            let renumbered = text.replacen(&format!("id = {id}\n"), &format!("id = {new}\n"), 1);
            std::fs::write(actions.join(format!("{new}-copy.toml")), renumbered).unwrap();
        }
    }
    plan
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn stdout_of(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "ctg failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

pub fn json_of(command: &mut Command) -> serde_json::Value {
    serde_json::from_str(&stdout_of(command)).unwrap()
}

/// `ctg ARGS` on `plan`, in French, as if on `today`.
pub fn ctg_fr(plan: &Path, today: &str, args: &[&str]) -> std::process::Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", today, "--lang", "fr"])
        .args(args)
        .output()
        .unwrap()
}

/// `ctg_fr`, which must succeed: its standard output.
pub fn ctg_fr_ok(plan: &Path, today: &str, args: &[&str]) -> String {
    let output = ctg_fr(plan, today, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
