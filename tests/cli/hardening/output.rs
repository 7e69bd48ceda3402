//! `-o FILE` writes through what it should write through (a named pipe,
//! a device, a link), never creates folders, never replaces a plan file
//! (item 6); a file given where a folder is expected is called a file
//! (item 10).

use std::fs;
use std::io::Read;
use std::path::Path;

use super::{mkfifo, run_in, stderr, symlink, system};
use crate::support::{bundled_plan, copy_plan};

fn status_to(plan: &Path, file: &Path) -> std::process::Output {
    run_in(plan, &["status", "-o", file.to_str().unwrap()])
}

#[test]
fn a_named_pipe_given_to_o_is_written_into_and_stays_a_pipe() {
    let plan = copy_plan(&bundled_plan());
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("out.md");
    if !mkfifo(&pipe) {
        return;
    }
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&pipe)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    // The reader opens the pipe first, as a shell's reader would.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let output = status_to(plan.path(), &pipe);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // Before waiting on the reader: a pipe replaced by a file never ends it.
    assert!(
        !fs::symlink_metadata(&pipe).unwrap().is_file(),
        "the pipe was replaced"
    );
    let text = reader.join().unwrap();
    assert!(text.starts_with("# "), "{text:?}");
}

#[test]
fn a_named_pipe_nobody_reads_is_an_error_not_a_wait() {
    let plan = copy_plan(&bundled_plan());
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("out.md");
    if !mkfifo(&pipe) {
        return;
    }
    let output = status_to(plan.path(), &pipe);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
    assert!(
        !fs::symlink_metadata(&pipe).unwrap().is_file(),
        "the pipe was replaced"
    );
}

#[cfg(unix)]
#[test]
fn a_full_device_given_to_o_reports_a_full_disk() {
    use std::os::unix::fs::FileTypeExt;
    let plan = copy_plan(&bundled_plan());
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    // The same device as /dev/full, made here: a test never touches /dev.
    let args = [full.as_os_str(), "c".as_ref(), "1".as_ref(), "7".as_ref()];
    if !system("mknod", &args) {
        return;
    }
    let output = status_to(plan.path(), &full);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty(), "the output went to stdout");
    let kind = fs::symlink_metadata(&full).unwrap().file_type();
    assert!(kind.is_char_device(), "the device was replaced");
}

#[test]
fn a_link_given_to_o_stays_a_link_and_its_target_is_written() {
    let plan = copy_plan(&bundled_plan());
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("reports")).unwrap();
    let link = dir.path().join("latest.md");
    symlink("reports/2026.md", &link);
    let output = status_to(plan.path(), &link);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = fs::read_to_string(dir.path().join("reports/2026.md")).unwrap();
    assert!(written.starts_with("# "), "{written:?}");
}

#[test]
fn o_in_a_missing_folder_creates_no_folder() {
    let plan = copy_plan(&bundled_plan());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("missing/dir/x.md");
    for args in [&["--format", "json"][..], &[]] {
        let output = run_in(
            plan.path(),
            &[&["status", "-o", file.to_str().unwrap()], args].concat(),
        );
        let all = format!(
            "{}{}",
            stderr(&output),
            String::from_utf8_lossy(&output.stdout)
        );
        assert_eq!(output.status.code(), Some(1), "{all}");
        assert!(all.contains("does not exist"), "{all}");
        assert!(!dir.path().join("missing").exists(), "a folder was created");
    }
    let json = run_in(
        plan.path(),
        &["status", "--format", "json", "-o", file.to_str().unwrap()],
    );
    let failure: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(failure["error"]["code"], "no-output-folder");
}

#[test]
fn o_never_overwrites_a_file_of_the_plan() {
    let plan = copy_plan(&bundled_plan());
    let action = plan.path().join("actions/01-relance-parentalite.toml");
    let before = fs::read(&action).unwrap();
    for target in [action.clone(), plan.path().join("ctg.toml")] {
        let before_target = fs::read(&target).unwrap();
        let output = run_in(
            plan.path(),
            &["list", "--format", "ids", "-o", target.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("is a file of the plan"),
            "{}",
            stderr(&output)
        );
        assert_eq!(fs::read(&target).unwrap(), before_target);
    }
    assert_eq!(fs::read(&action).unwrap(), before);
}

#[test]
fn a_file_where_a_folder_is_expected_is_called_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("passwd");
    fs::write(&file, "root:x:0:0::/root:/bin/sh\n").unwrap();
    for args in [&["status"][..], &["portfolio", file.to_str().unwrap()]] {
        let output = run_in(&file, args);
        let told = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {told}");
        assert!(told.contains("is not a folder"), "{args:?}: {told}");
        assert!(!told.contains("does not exist"), "{args:?}: {told}");
    }
}
