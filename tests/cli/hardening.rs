//! Hostile input, found by a sweep of the command line and the file
//! system: nothing is read or written outside the plan, no command waits
//! for ever or panics, no broken TOML is accepted, and an edit never
//! writes into a plan with an error. One module per concern.
//!
//! Named pipes, links and device nodes are made with the system's tools;
//! where the file system or the user cannot make one, the case is skipped
//! with a line saying so.

mod edit;
mod output;
mod property;
mod read;
mod syntax;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};
use std::time::Duration;

use crate::support::ctg;

/// Long enough for a debug build on a busy machine, short enough that a
/// command waiting on a pipe fails the test instead of hanging it.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub fn run_in(plan: &Path, args: &[&str]) -> Output {
    let mut command = ctg();
    command.arg("--plan").arg(plan).args(["--lang", "en"]);
    if !args.iter().any(|arg| arg.starts_with("--today")) {
        command.args(["--today", "2026-06-30"]);
    }
    command
        .args(args)
        .timeout(PATIENCE)
        .output()
        .unwrap_or_else(|err| panic!("ctg {args:?} did not finish: {err}"))
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file and link under `dir` with its bytes (a link: its target).
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&path).unwrap();
                found.push((path, target.into_os_string().into_encoded_bytes()));
            } else if meta.is_dir() {
                pending.push(path);
            } else if meta.is_file() {
                found.push((path.clone(), fs::read(&path).unwrap()));
            } else {
                found.push((path, b"(special)".to_vec()));
            }
        }
    }
    found.sort();
    found
}

/// Runs a system tool; false (and a line saying why) when it cannot.
pub fn system(program: &str, args: &[&std::ffi::OsStr]) -> bool {
    match Process::new(program).args(args).output() {
        Ok(output) if output.status.success() => true,
        Ok(output) => {
            eprintln!(
                "skipped: {program} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            false
        }
        Err(err) => {
            eprintln!("skipped: no {program}: {err}");
            false
        }
    }
}

pub fn mkfifo(path: &Path) -> bool {
    system("mkfifo", &[path.as_os_str()])
}

#[cfg(unix)]
pub fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(not(unix))]
pub fn symlink(_target: impl AsRef<Path>, _link: &Path) {}
