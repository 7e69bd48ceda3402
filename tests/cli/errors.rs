//! Failures as data: under `--format json` every command reports its
//! failure as JSON on stdout (docs/errors.md), in words on stderr otherwise.

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::{copy_plan, ctg, fixture};

const TODAY: &str = "2025-06-30";

/// Runs ctg in `dir` (no plan named) with `args`.
fn in_dir(dir: &Path, args: &[&str]) -> Output {
    ctg()
        .current_dir(dir)
        .args(["--today", TODAY, "--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

/// Runs ctg on `plan` with `args`.
fn on(plan: &Path, args: &[&str]) -> Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", TODAY, "--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

/// The JSON on stdout of a failure, asserting its exit code and a silent stderr.
fn json_failure(output: &Output, code: i32) -> Value {
    assert_eq!(output.status.code(), Some(code), "{output:?}");
    assert!(
        output.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!("{err}: {}", String::from_utf8_lossy(&output.stdout));
    })
}

#[test]
fn check_without_a_plan_keeps_its_array_of_diagnostics() {
    let empty = tempfile::tempdir().unwrap();
    let output = in_dir(empty.path(), &["check", "--format", "json"]);
    let diagnostics = json_failure(&output, 1);
    let list = diagnostics.as_array().unwrap();
    assert_eq!(list.len(), 1, "{diagnostics}");
    let first = &list[0];
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "severity", "code", "message", "file", "line", "column", "help"
        ]
    );
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "no-plan");
    assert!(first["file"].is_null() && first["line"].is_null() && first["column"].is_null());
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("no plan found from")
    );
    assert!(first["help"].as_str().unwrap().contains("--plan DIR"));
}

#[test]
fn status_without_a_plan_answers_an_error_document() {
    let empty = tempfile::tempdir().unwrap();
    let output = in_dir(empty.path(), &["status", "--format", "json"]);
    let document = json_failure(&output, 1);
    let keys: Vec<&String> = document.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["error", "diagnostics"]);
    let error = &document["error"];
    let keys: Vec<&String> = error.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["code", "message", "file", "line", "column", "help"]);
    assert_eq!(error["code"], "no-plan");
    assert!(error["file"].is_null());
    assert!(error["help"].as_str().unwrap().contains("--plan DIR"));
    assert_eq!(document["diagnostics"], Value::Array(Vec::new()));
    // Without --format json, the same failure is words on stderr.
    let words = in_dir(empty.path(), &["status"]);
    assert_eq!(words.status.code(), Some(1));
    assert!(words.stdout.is_empty());
    assert!(String::from_utf8_lossy(&words.stderr).contains("error[no-plan]"));
}

#[test]
fn a_plan_folder_that_does_not_exist_is_no_plan_too() {
    let output = ctg()
        .args(["--plan", "/nonexistent/plan", "--lang", "fr"])
        .args(["pilots", "--format", "json"])
        .output()
        .unwrap();
    let document = json_failure(&output, 1);
    assert_eq!(document["error"]["code"], "no-plan");
    assert_eq!(
        document["error"]["message"],
        "le dossier du plan /nonexistent/plan n'existe pas"
    );
}

#[test]
fn an_invalid_plan_lists_its_errors_under_the_error() {
    let plan = copy_plan(&fixture("small"));
    let path = plan.path().join("actions/02-ecoute.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("axis = 1", "axis = 9", 1)).unwrap();
    let output = on(plan.path(), &["list", "--format", "json"]);
    let document = json_failure(&output, 1);
    assert_eq!(document["error"]["code"], "plan-invalid");
    assert_eq!(
        document["error"]["message"],
        "the plan has 1 error: nothing was done (ctg check shows warnings too)"
    );
    let diagnostics = document["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{document}");
    assert_eq!(diagnostics[0]["code"], "unknown-axis");
    assert_eq!(diagnostics[0]["file"], "actions/02-ecoute.toml");
    assert!(diagnostics[0]["line"].as_u64().is_some());
    // The same plan, asked for a table: the diagnostics in words on stderr.
    let words = on(plan.path(), &["list"]);
    assert_eq!(words.status.code(), Some(1));
    assert!(words.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&words.stderr);
    assert!(stderr.contains("error[unknown-axis]"), "{stderr}");
    assert!(stderr.contains("--> actions/02-ecoute.toml"), "{stderr}");
}

#[test]
fn usage_errors_in_json_keep_exit_2() {
    let small = fixture("small");
    let output = on(&small, &["list", "--actor", "Nobody", "--format", "json"]);
    let document = json_failure(&output, 2);
    assert_eq!(document["error"]["code"], "unknown-actor");
    assert!(
        document["error"]["message"]
            .as_str()
            .unwrap()
            .contains("declared actors:")
    );
    let output = on(&small, &["show", "99", "--format", "json"]);
    let document = json_failure(&output, 1);
    assert_eq!(document["error"]["code"], "no-such-action");
    assert_eq!(
        document["error"]["message"],
        "no action 99; actions are 1–5"
    );
    let output = on(
        &small,
        &[
            "report",
            "--from",
            "2025-06-01",
            "--to",
            "2025-01-01",
            "-f",
            "json",
        ],
    );
    assert_eq!(json_failure(&output, 2)["error"]["code"], "empty-period");
}

#[test]
fn history_outside_git_is_a_json_error_too() {
    let plan = copy_plan(&fixture("small"));
    let output = on(plan.path(), &["diff", "HEAD", "--format", "json"]);
    let document = json_failure(&output, 1);
    assert_eq!(document["error"]["code"], "not-a-repo");
    let output = on(
        plan.path(),
        &["report", "--since", "HEAD", "--format", "json"],
    );
    assert_eq!(json_failure(&output, 1)["error"]["code"], "not-a-repo");
}

#[test]
fn a_failure_never_writes_the_output_file() {
    let empty = tempfile::tempdir().unwrap();
    let file = empty.path().join("tableau.json");
    fs::write(&file, "previous answer\n").unwrap();
    let output = in_dir(empty.path(), &["status", "-o", file.to_str().unwrap()]);
    // -o tableau.json asks for JSON: the failure is JSON, on stdout.
    let document = json_failure(&output, 1);
    assert_eq!(document["error"]["code"], "no-plan");
    assert_eq!(fs::read_to_string(&file).unwrap(), "previous answer\n");
}

#[test]
fn a_file_that_cannot_be_written_is_a_write_failure() {
    let small = fixture("small");
    let blocker = tempfile::NamedTempFile::new().unwrap();
    // A path beneath a file: no folder can be made there.
    let target = blocker.path().join("out.json");
    let output = on(&small, &["status", "-o", target.to_str().unwrap()]);
    let document = json_failure(&output, 1);
    assert_eq!(document["error"]["code"], "write-failed");
    assert_eq!(document["error"]["file"], target.to_str().unwrap());
    let output = on(
        &small,
        &["status", "--format", "md", "-o", target.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("cannot write "));
}
