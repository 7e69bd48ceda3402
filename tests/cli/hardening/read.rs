//! Reading: a linked `ctg.toml` (item 1), linked folders (2), named pipes
//! (3), names that are not UTF-8 and dangling links (9), a plan deeper
//! than the path limit (10).

use std::fs;
use std::path::{Path, PathBuf};

use super::{PATIENCE, mkfifo, run_in, stderr, symlink};
use crate::support::{bundled_plan, copy_plan, ctg};

// 3. Named pipes.

#[test]
fn a_named_pipe_in_the_plan_is_refused_without_waiting() {
    let commands: [&[&str]; 3] = [&["check"], &["status"], &["list"]];
    for place in [
        "actions/21-x.toml",
        "ctg.toml",
        "axes/9-x.toml",
        "meetings/2026-01-01-x.toml",
    ] {
        let plan = copy_plan(&bundled_plan());
        let path = plan.path().join(place);
        let _ = fs::remove_file(&path);
        if !mkfifo(&path) {
            return;
        }
        for args in commands {
            let output = run_in(plan.path(), args);
            let text = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{place} {args:?}: {text}");
            assert!(text.contains(place), "{place} {args:?}: {text}");
            assert!(
                text.contains("not a regular file"),
                "{place} {args:?}: {text}"
            );
        }
        let portfolio = ctg()
            .args(["--lang", "en", "--today", "2026-06-30", "portfolio"])
            .arg(plan.path())
            .timeout(PATIENCE)
            .output()
            .expect("portfolio did not finish");
        assert_eq!(portfolio.status.code(), Some(1), "{place}: portfolio");
    }
}

// 1. A linked ctg.toml.

#[test]
fn a_convention_linked_outside_the_plan_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("id_secret");
    fs::write(&secret, "-----BEGIN PRIVATE KEY-----\nSECRET-LINE\n").unwrap();
    for relative in [false, true] {
        let plan = copy_plan(&bundled_plan());
        let convention = plan.path().join("ctg.toml");
        fs::remove_file(&convention).unwrap();
        // A relative link, as a clone would hold it, resolves from the plan folder.
        let target = if relative {
            pathdiff(plan.path(), outside.path()).join("id_secret")
        } else {
            secret.clone()
        };
        symlink(&target, &convention);
        for args in [&["check"][..], &["check", "--format", "json"], &["status"]] {
            let output = run_in(plan.path(), args);
            let all = format!(
                "{}{}",
                stderr(&output),
                String::from_utf8_lossy(&output.stdout)
            );
            assert_eq!(output.status.code(), Some(1), "{args:?}: {all}");
            assert!(
                !all.contains("SECRET"),
                "{args:?} printed the outside file: {all}"
            );
            assert!(all.contains("link-outside-plan"), "{args:?}: {all}");
            assert!(all.contains("ctg.toml"), "{args:?}: {all}");
        }
    }
    assert_eq!(
        fs::read_to_string(&secret).unwrap(),
        "-----BEGIN PRIVATE KEY-----\nSECRET-LINE\n"
    );
}

/// `to` as seen from `from`: `../…` up to their common folder, then down.
fn pathdiff(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for part in &to[common..] {
        path.push(part);
    }
    path
}

#[test]
fn a_convention_linked_inside_the_plan_is_read() {
    let plan = copy_plan(&bundled_plan());
    let convention = plan.path().join("ctg.toml");
    fs::create_dir(plan.path().join("conf")).unwrap();
    fs::rename(&convention, plan.path().join("conf/ctg.toml")).unwrap();
    symlink("conf/ctg.toml", &convention);
    let output = run_in(plan.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

// 2. Linked folders.

#[test]
fn a_folder_linked_outside_the_plan_is_not_read() {
    for folder in ["actions", "axes", "meetings"] {
        let plan = copy_plan(&bundled_plan());
        let outside = tempfile::tempdir().unwrap();
        let moved = outside.path().join(folder);
        fs::rename(plan.path().join(folder), &moved).unwrap();
        symlink(&moved, &plan.path().join(folder));
        for args in [&["check"][..], &["status"]] {
            let output = run_in(plan.path(), args);
            let text = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{folder} {args:?}: {text}");
            assert!(
                text.contains("error[link-outside-plan]"),
                "{folder} {args:?}: {text}"
            );
            assert!(
                text.contains(&format!("--> {folder}\n")),
                "{folder} {args:?}: {text}"
            );
        }
    }
}

// 9. Names and links that lead nowhere.

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error() {
    use std::os::unix::ffi::OsStrExt;
    let plan = copy_plan(&bundled_plan());
    let name = std::ffi::OsStr::from_bytes(b"21-caf\xe9.toml");
    let text = "id = 21\naxis = 1\ntitle = \"x\"\npilots = [\"CCVA\"]\n";
    fs::write(plan.path().join("actions").join(name), text).unwrap();
    let output = run_in(plan.path(), &["check"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[unreadable-file]"), "{text}");
    assert!(text.contains("the file name is not UTF-8"), "{text}");
}

#[test]
fn a_dangling_link_is_called_broken_not_outside() {
    let plan = copy_plan(&bundled_plan());
    symlink("21-gone.toml", &plan.path().join("actions/21-x.toml"));
    let output = run_in(plan.path(), &["check"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("broken symbolic link"), "{text}");
    assert!(!text.contains("outside"), "{text}");
}

// 10. A plan deeper than the system's path limit.

#[test]
fn portfolio_says_which_folders_it_could_not_search() {
    let dir = tempfile::tempdir().unwrap();
    // A plan 15 folders of 200 letters deep, moved under 10 more: each step
    // is a path the system takes, the end one it does not (over 4096 bytes).
    let deep = |top: &str, levels| {
        let mut path = dir.path().join(top);
        for _ in 0..levels {
            path.push("d".repeat(200));
        }
        path
    };
    let (plan, above) = (deep("x", 15), deep("y", 10));
    let made = fs::create_dir_all(&plan)
        .and_then(|()| fs::create_dir_all(&above))
        .and_then(|()| copy_folder(&bundled_plan(), &plan))
        .and_then(|()| fs::rename(dir.path().join("x"), above.join("x")));
    if let Err(err) = made {
        eprintln!("skipped: cannot make a folder that deep here: {err}");
        return;
    }
    let output = ctg()
        .args(["--lang", "en", "--today", "2026-06-30", "portfolio"])
        .arg(dir.path())
        .timeout(PATIENCE)
        .output()
        .unwrap();
    let told = stderr(&output);
    assert!(told.contains("folder not searched"), "{told}");
    assert!(told.contains("ddddd"), "{told}");
}

fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir(&target)?;
            copy_folder(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
