//! Files as a user expects: a new file (an edit's, `-o`'s) gets the
//! permissions the user's umask leaves; a rewritten file keeps its own; a
//! failed `init` leaves nothing behind.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::support::{bundled_plan, copy_plan};

/// `ctg` run under `umask`, through the shell that sets it.
fn ctg_with_umask(umask: &str, plan: &Path, args: &[&str]) {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ctg"))
        .arg("--plan")
        .arg(plan)
        .args(["--today", "2026-03-20", "--lang", "fr"])
        .args(args)
        .env_remove("CTG_PLAN")
        .status()
        .unwrap();
    assert!(status.success(), "{args:?}");
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn new_files_follow_the_umask_and_rewritten_files_keep_their_mode() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    ctg_with_umask(
        "022",
        plan,
        &["meeting", "add", "copil", "--date", "2026-03-12"],
    );
    assert_eq!(mode(&plan.join("meetings/2026-03-12-copil.toml")), 0o644);
    ctg_with_umask(
        "077",
        plan,
        &["meeting", "add", "cotech", "--date", "2026-03-13"],
    );
    assert_eq!(mode(&plan.join("meetings/2026-03-13-cotech.toml")), 0o600);
    ctg_with_umask(
        "022",
        plan,
        &["new", "--axis", "1", "--title", "Nouvelle action"],
    );
    assert_eq!(mode(&plan.join("actions/21-nouvelle-action.toml")), 0o644);

    let action = plan.join("actions/04-faire-connaitre-parentalite.toml");
    fs::set_permissions(&action, fs::Permissions::from_mode(0o640)).unwrap();
    ctg_with_umask("022", plan, &["log", "4", "Point d'étape"]);
    assert_eq!(mode(&action), 0o640);

    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("tableau.md");
    ctg_with_umask("022", plan, &["-o", report.to_str().unwrap(), "status"]);
    assert_eq!(mode(&report), 0o644);
}

#[test]
fn a_failed_init_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nouveau");
    // The example action's place is taken: init fails after writing ctg.toml.
    fs::create_dir_all(target.join("actions/01-exemple.toml")).unwrap();
    let output = crate::support::ctg()
        .args(["--lang", "fr", "init"])
        .arg(&target)
        .args(["--territory", "CC d'Exemple"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let mut left: Vec<String> = walk(&target);
    left.sort();
    assert_eq!(left, ["actions", "actions/01-exemple.toml"]);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if path.is_dir() {
            found.extend(walk(&path).into_iter().map(|n| format!("{name}/{n}")));
        }
        found.push(name);
    }
    found
}
