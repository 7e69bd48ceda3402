//! Edits say the warnings they add (not those already there), and
//! `--strict` refuses an edit that adds any, writing nothing.

use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg, ctg_fr};

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg_fr(plan, "2025-09-01", args)
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}

#[test]
fn an_edit_tells_the_warnings_it_adds_and_only_those() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let out = stdout(&run(plan, &["set", "4", "--status", "réalisée"]));
    assert!(
        out.contains("nouvel avertissement [done-with-open-modalities] actions/04-faire-connaitre-parentalite.toml"),
        "{out}"
    );
    let out = stdout(&run(plan, &["set", "1", "--add-partner", "CCVA"]));
    assert!(
        out.contains("nouvel avertissement [pilot-and-partner]"),
        "{out}"
    );
    assert!(!out.contains("done-with-open-modalities"), "{out}");
    // Warnings already there are not told again.
    let out = stdout(&run(plan, &["set", "4", "--due", "2026-06-30"]));
    assert!(!out.contains("avertissement"), "{out}");
    let english = ctg()
        .arg("--plan")
        .arg(plan)
        .args([
            "--today",
            "2025-09-01",
            "--lang",
            "en",
            "set",
            "5",
            "--status",
            "done",
        ])
        .output()
        .unwrap();
    let out = stdout(&english);
    assert!(
        out.contains("new warning [done-with-open-modalities]"),
        "{out}"
    );
}

#[test]
fn strict_refuses_an_edit_that_adds_a_warning() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = plan.join("actions/04-faire-connaitre-parentalite.toml");
    let before = fs::read(&file).unwrap();
    for dry_run in [false, true] {
        let mut args = vec!["set", "4", "--status", "réalisée", "--strict"];
        if dry_run {
            args.push("--dry-run");
        }
        let output = run(plan, &args);
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("avertissement[done-with-open-modalities]"),
            "{stderr}"
        );
        assert!(
            stderr.contains("modification refusée (--strict)"),
            "{stderr}"
        );
        assert_eq!(fs::read(&file).unwrap(), before);
    }
    // An edit that adds none goes through.
    stdout(&run(plan, &["log", "4", "Point d'étape", "--strict"]));
    let json = run(
        plan,
        &[
            "set", "4", "--status", "done", "--strict", "--format", "json",
        ],
    );
    assert_eq!(json.status.code(), Some(2), "no --format on set");
}
