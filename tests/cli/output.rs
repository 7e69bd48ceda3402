//! `-o FILE` and `--quiet`, the same for every command: the extension of
//! FILE picks the format, `--format` wins over it, the file holds what the
//! standard output would have, and `--quiet` silences confirmations only.

use std::fs;
use std::path::Path;

use crate::support::{copy_plan, ctg, fixture, git_ok, stdout_of};

const TODAY: &str = "2025-06-30";

fn args(plan: &Path) -> Vec<String> {
    vec![
        "--plan".into(),
        plan.to_str().unwrap().into(),
        "--today".into(),
        TODAY.into(),
        "--lang".into(),
        "fr".into(),
    ]
}

/// The file `-o NAME` writes, checked against the standard output of the
/// same command with `--format FORMAT`, and the line it prints instead.
fn same_as_format(plan: &Path, command: &[&str], name: &str, format: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    let expected = stdout_of(
        ctg()
            .args(args(plan))
            .args(command)
            .args(["--format", format]),
    );
    let said = stdout_of(ctg().args(args(plan)).args(command).arg("-o").arg(&file));
    assert_eq!(
        said,
        format!("écrit dans {}\n", file.display()),
        "{command:?}"
    );
    let written = fs::read_to_string(&file).unwrap();
    assert_eq!(written, expected, "{command:?} -o {name}");
}

#[test]
fn the_extension_of_the_output_file_picks_the_format() {
    let small = fixture("small");
    for (command, formats) in [
        (&["status"][..], &["md", "json"][..]),
        (&["list"], &["md", "json", "csv"]),
        (&["show", "2"], &["md", "json"]),
        (&["pilots"], &["md", "json", "csv"]),
    ] {
        for format in formats {
            same_as_format(&small, command, &format!("out.{format}"), format);
        }
    }
    // Upper case, and the long spellings, name the same formats.
    same_as_format(&small, &["list"], "LISTE.CSV", "csv");
    same_as_format(&small, &["status"], "tableau.markdown", "md");
    same_as_format(&small, &["status"], "tableau.txt", "table");
}

#[test]
fn portfolio_and_diff_take_the_format_from_the_extension_too() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir(&plans).unwrap();
    fs::rename(copy_plan(&fixture("small")).keep(), plans.join("alpha")).unwrap();
    for format in ["md", "json", "csv"] {
        let portfolio = ["portfolio", plans.to_str().unwrap()];
        same_as_format(
            &plans.join("alpha"),
            &portfolio,
            &format!("p.{format}"),
            format,
        );
    }
    let repo = plans.join("alpha");
    git_ok(&repo, &["init", "-q"]);
    git_ok(&repo, &["add", "."]);
    git_ok(&repo, &["commit", "-q", "-m", "plan"]);
    git_ok(&repo, &["tag", "copil-2024"]);
    let edited = ctg()
        .args(args(&repo))
        .args(["set", "3", "--status", "done"])
        .output()
        .unwrap();
    assert!(edited.status.success());
    for format in ["md", "json"] {
        same_as_format(
            &repo,
            &["diff", "copil-2024"],
            &format!("d.{format}"),
            format,
        );
    }
}

#[test]
fn an_extension_that_names_no_format_is_a_usage_error_listing_the_formats() {
    let small = fixture("small");
    let dir = tempfile::tempdir().unwrap();
    for (command, accepted) in [
        (&["status"][..], ".txt, .json, .md"),
        (&["list"], ".txt, .json, .csv, .md"),
        (&["show", "1"], ".txt, .json, .md"),
        (&["pilots"], ".txt, .json, .csv, .md"),
        (&["check"], ".txt, .json"),
        (&["report"], ".md, .html, .json, .csv, .xlsx, .docx, .odt"),
    ] {
        let file = dir.path().join("sortie.pdf");
        let output = ctg()
            .arg("--plan")
            .arg(&small)
            .args(["--today", TODAY, "--lang", "en"])
            .args(command)
            .arg("-o")
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr,
            format!(
                "unknown format for {}: use one of the extensions {accepted}, or --format\n",
                file.display()
            ),
            "{command:?}"
        );
        assert!(!file.exists());
    }
    // A command without formats writes any file: schema, completions, man.
    let schema = dir.path().join("action.schema.json");
    stdout_of(ctg().args(["schema", "action", "-o"]).arg(&schema));
    assert!(fs::read_to_string(&schema).unwrap().contains("\"$schema\""));
}

#[test]
fn an_explicit_format_wins_over_the_extension() {
    let small = fixture("small");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tableau.json");
    stdout_of(
        ctg()
            .args(args(&small))
            .args(["status", "--format", "md", "-o"])
            .arg(&file),
    );
    let expected = stdout_of(ctg().args(args(&small)).args(["status", "--format", "md"]));
    assert_eq!(fs::read_to_string(&file).unwrap(), expected);
    // Even where the extension names no format at all.
    let odd = dir.path().join("liste.pdf");
    stdout_of(
        ctg()
            .args(args(&small))
            .args(["list", "--format", "ids", "-o"])
            .arg(&odd),
    );
    assert_eq!(fs::read_to_string(&odd).unwrap(), "1\n2\n3\n4\n5\n");
    // A file without an extension takes the command's default format.
    let bare = dir.path().join("tableau");
    stdout_of(ctg().args(args(&small)).args(["status", "-o"]).arg(&bare));
    let table = stdout_of(
        ctg()
            .args(args(&small))
            .args(["--color", "never", "status"]),
    );
    assert_eq!(fs::read_to_string(&bare).unwrap(), table);
}

#[test]
fn check_writes_its_json_to_the_file_even_when_the_plan_fails() {
    let plan = copy_plan(&fixture("small"));
    fs::write(plan.path().join("actions/03-offre.toml"), "id = 3\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ctg-check.json");
    let output = ctg()
        .args(args(plan.path()))
        .args(["check", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("écrit dans {}\n", file.display())
    );
    let diagnostics: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert!(
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "missing-key")
    );
}

#[test]
fn quiet_silences_what_only_confirms() {
    let plan = copy_plan(&fixture("small"));
    let quiet = |extra: &[&str]| {
        let output = ctg()
            .args(args(plan.path()))
            .arg("--quiet")
            .args(extra)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{extra:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Warnings are not confirmations: `ctg check` still shows them.
        if extra[0] != "check" {
            assert!(output.stderr.is_empty(), "{extra:?}");
        }
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(quiet(&["set", "3", "--status", "en cours"]), "");
    assert_eq!(
        quiet(&["set", "3", "--status", "en cours"]),
        "",
        "unchanged"
    );
    assert_eq!(quiet(&["log", "3", "Réunion des services"]), "");
    assert_eq!(
        quiet(&["new", "--axis", "1", "--title", "Nouvelle action"]),
        ""
    );
    assert_eq!(quiet(&["check"]), "");
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("nouveau");
    assert_eq!(
        quiet(&[
            "init",
            fresh.to_str().unwrap(),
            "--territory",
            "CC d'Exemple"
        ]),
        ""
    );
    assert!(fresh.join("ctg.toml").is_file());
    // What was asked for is never silenced: a dry run's diff, an answer.
    assert!(quiet(&["set", "4", "--due", "2026-01-31", "--dry-run"]).starts_with("--- a/actions/"));
    assert!(quiet(&["list", "--format", "ids"]).starts_with("1\n2\n"));
    let md = dir.path().join("tableau.md");
    assert_eq!(quiet(&["status", "-o", md.to_str().unwrap()]), "");
    assert!(fs::read_to_string(&md).unwrap().starts_with("# "));
    // A failure is never silenced.
    let refused = ctg()
        .args(args(plan.path()))
        .args([
            "--quiet",
            "set",
            "3",
            "--start",
            "2030-01-01",
            "--due",
            "2029-01-01",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("modification refusée"));
}
