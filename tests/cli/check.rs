//! `ctg check`: one damaged copy of the fixture plan per rule (`rules`),
//! each asserting the code, severity, file, line and column it yields; the
//! renderings as snapshots; exit codes; every command checking first; the
//! registry's options `--explain`, `--deny`, `--warn`, `--allow` (`levels`).

mod levels;
mod rules;

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{bundled_plan, copy_plan, ctg, fixture, stdout_of};

/// A change to the fixture plan: write `text` to `file`, or edit it.
enum Change {
    Write(&'static str, &'static str),
    Replace(&'static str, &'static str, &'static str),
    Append(&'static str, &'static str),
    Remove(&'static str),
    Rename(&'static str, &'static str),
}

fn apply(plan: &Path, change: &Change) {
    match change {
        Change::Write(file, text) => fs::write(plan.join(file), text).unwrap(),
        Change::Replace(file, from, to) => {
            let path = plan.join(file);
            let text = fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{file} does not contain {from:?}");
            fs::write(&path, text.replacen(from, to, 1)).unwrap();
        }
        Change::Append(file, text) => {
            let path = plan.join(file);
            let mut old = fs::read_to_string(&path).unwrap();
            old.push_str(text);
            fs::write(&path, old).unwrap();
        }
        Change::Remove(file) => fs::remove_file(plan.join(file)).unwrap(),
        Change::Rename(from, to) => fs::rename(plan.join(from), plan.join(to)).unwrap(),
    }
}

/// Runs `ctg check --format json` on the fixture plan after `changes`.
fn diagnostics(changes: &[Change]) -> (Vec<Value>, Option<i32>) {
    let plan = copy_plan(&fixture("small"));
    for change in changes {
        apply(plan.path(), change);
    }
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2025-06-30",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let diags: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(&output.stderr)));
    (diags.as_array().unwrap().clone(), output.status.code())
}

/// (code, severity, file, line, column) of the expected diagnostic.
type Expected = (&'static str, &'static str, &'static str, u64, u64);

fn assert_rule(changes: &[Change], expected: Expected) {
    let (diags, code) = diagnostics(changes);
    let (rule, severity, file, line, column) = expected;
    let found = diags.iter().find(|d| d["code"] == rule).unwrap_or_else(|| {
        panic!("no {rule} among {diags:#?}");
    });
    assert_eq!(found["severity"], severity, "{found:#}");
    assert_eq!(found["file"], file, "{found:#}");
    assert_eq!(found["line"], line, "{found:#}");
    assert_eq!(found["column"], column, "{found:#}");
    assert!(found["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(
        found["help"].as_str().is_some_and(|h| !h.is_empty()),
        "{rule} has no help"
    );
    let expected_exit = if diags.iter().any(|d| d["severity"] == "error") {
        1
    } else {
        0
    };
    assert_eq!(code, Some(expected_exit));
}

use Change::*;

const ACTION1: &str = "actions/01-ateliers.toml";
const ACTION2: &str = "actions/02-ecoute.toml";
const ACTION3: &str = "actions/03-offre.toml";

#[test]
fn the_fixture_plan_is_clean() {
    let (diags, code) = diagnostics(&[]);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(code, Some(0));
}

#[test]
fn the_bundled_plan_passes_with_no_warning() {
    let out = stdout_of(ctg().arg("--plan").arg(bundled_plan()).args([
        "check",
        "--deny-warnings",
        "--today",
        "2026-11-28",
        "--lang",
        "fr",
    ]));
    assert_eq!(out, "plan valide : 6 axes, 20 actions\n");
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join("axes/3-vide.toml"),
        "id = 3\ntitle = \"Vide\"\n",
    )
    .unwrap();
    let run = |deny: bool| {
        let mut command = ctg();
        command.arg("--plan").arg(plan.path()).args([
            "check",
            "--today",
            "2025-06-30",
            "--lang",
            "en",
        ]);
        if deny {
            command.arg("--deny-warnings");
        }
        command.output().unwrap()
    };
    let lenient = run(false);
    assert_eq!(lenient.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(lenient.stdout).unwrap(),
        "valid plan: 3 axes, 5 actions, 1 warning\n"
    );
    let strict = run(true);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        String::from_utf8(strict.stderr)
            .unwrap()
            .ends_with("1 warning, refused by --deny-warnings\n")
    );
    // Other commands answer despite warnings.
    ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["status", "--today", "2025-06-30"])
        .assert()
        .success();
}

#[test]
fn every_command_refuses_a_plan_with_consistency_errors() {
    let plan = copy_plan(&fixture("small"));
    apply(plan.path(), &Replace(ACTION3, "axis = 2", "axis = 9"));
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["status", "--today", "2025-06-30", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("error[unknown-axis]: axis 9 does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("ctg check shows warnings too"), "{stderr}");
}

/// The plan of `tests/fixtures/broken`: errors and warnings across files,
/// rendered for people and for machines.
fn broken(format: &str, lang: &str) -> String {
    let output = ctg()
        .arg("--plan")
        .arg(fixture("broken"))
        .args([
            "check",
            "--format",
            format,
            "--today",
            "2025-06-30",
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = if format == "json" {
        output.stdout
    } else {
        output.stderr
    };
    String::from_utf8(text).unwrap()
}

#[test]
fn snapshot_human_french() {
    insta::assert_snapshot!(broken("human", "fr"));
}

#[test]
fn snapshot_human_english() {
    insta::assert_snapshot!(broken("human", "en"));
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!(broken("json", "en"));
}

/// Diagnostics are drawn plain for a stream without colours, and styled
/// for one with them: the same text once the styles are taken out.
#[test]
fn plain_diagnostics_are_the_styled_ones_without_their_styles() {
    let told = |color: &str| {
        let output = ctg()
            .arg("--plan")
            .arg(fixture("broken"))
            .args(["--color", color, "--today", "2025-06-30", "check"])
            .output()
            .unwrap();
        String::from_utf8(output.stderr).unwrap()
    };
    let (plain, styled) = (told("never"), told("always"));
    assert!(styled.contains("\u{1b}["), "{styled}");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert_eq!(plain, without_styles(&styled));
}

/// The text of a terminal's output without its SGR sequences (`ESC [ … m`).
fn without_styles(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        rest = after.find('m').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}
