//! `ctg meeting add` and `ctg meeting list`: a meeting held is a new file
//! in `meetings/`, checked before it is written.

use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg, ctg_fr, ctg_fr_ok};

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg_fr(plan, "2026-03-20", args)
}

fn ok(plan: &Path, args: &[&str]) -> String {
    ctg_fr_ok(plan, "2026-03-20", args)
}

fn meetings(plan: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(plan.join("meetings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn a_meeting_held_is_a_file_with_its_decisions() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let before = meetings(plan);
    let add = [
        "meeting",
        "add",
        "copil",
        "--date",
        "12/03/2026",
        "--decision",
        "Priorité au lieu ressource",
        "--decision",
        "Relance des ateliers",
    ];
    let dry = ok(plan, &[&add[..], &["--dry-run"]].concat());
    assert!(
        dry.contains("+++ b/meetings/2026-03-12-copil.toml"),
        "{dry}"
    );
    assert_eq!(meetings(plan), before, "a dry run writes nothing");
    let out = ok(plan, &add);
    assert_eq!(
        out,
        "réunion copil du 12/03/2026 enregistrée : meetings/2026-03-12-copil.toml\n"
    );
    assert_eq!(
        fs::read_to_string(plan.join("meetings/2026-03-12-copil.toml")).unwrap(),
        "body = \"copil\"\ndate = 2026-03-12\ntitle = \"Comité de pilotage CTG\"\ndecisions = [\n  \"Priorité au lieu ressource\",\n  \"Relance des ateliers\",\n]\n"
    );
    ok(plan, &["check", "--deny-warnings"]);
    // The same day again, or a body ctg.toml does not declare: nothing written.
    let again = run(plan, &add);
    assert_eq!(again.status.code(), Some(1));
    let unknown = run(plan, &["meeting", "add", "copli", "--date", "2026-03-13"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("instance inconnue « copli »"));
    assert_eq!(meetings(plan).len(), before.len() + 1);
}

#[test]
fn meetings_are_listed_by_year_and_body() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    ok(
        plan,
        &[
            "meeting",
            "add",
            "copil",
            "--date",
            "2026-03-12",
            "--title",
            "COPIL 2026",
            "--note",
            "Salle du conseil",
        ],
    );
    let all = ok(plan, &["meeting", "list"]);
    assert!(
        all.contains("30/11/2023") && all.contains("COPIL 2026"),
        "{all}"
    );
    let json = ok(
        plan,
        &["meeting", "list", "--year", "2026", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let list = value["meetings"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["title"], "COPIL 2026");
    assert_eq!(list[0]["notes"], "Salle du conseil");
    let none = ok(
        plan,
        &["meeting", "list", "--year", "2025", "--body", "copil"],
    );
    assert_eq!(none.trim(), "aucune réunion tenue");
    let english = ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--lang", "en", "meeting", "list", "--body", "seminaire"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&english.stdout).contains("Body"));
}

#[test]
fn meetings_due_are_told_fairly_to_the_calendar() {
    let plan = bundled_plan();
    let status = |today: &str| {
        let output = ctg()
            .arg("--plan")
            .arg(&plan)
            .args(["--today", today, "--lang", "fr", "--width", "200", "status"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    // In January nothing is late yet: what is due by when.
    let january = status("2026-01-15");
    assert!(
        january.contains("Comité technique CTG : 0 réunion tenue en 2026, la prochaine attendue d'ici le 30/06/2026"),
        "{january}"
    );
    assert!(january.contains("Comité de pilotage CTG : 0 réunion tenue en 2026, la prochaine attendue d'ici le 31/12/2026"));
    // After 30 June, the first of two meetings is late.
    let july = status("2026-07-01");
    assert!(
        july.contains("Comité technique CTG : 0 réunion tenue en 2026 sur 2 attendues"),
        "{july}"
    );
}

#[test]
fn an_unknown_body_is_a_usage_error_listing_the_declared_ones() {
    let plan = copy_plan(&bundled_plan());
    let before = meetings(plan.path());
    let output = run(
        plan.path(),
        &["meeting", "add", "conseil", "--date", "2026-03-01"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "instance inconnue « conseil » ; instances déclarées : copil, cotech, seminaire\n"
    );
    assert_eq!(meetings(plan.path()), before, "nothing written");
    // The key is matched without case or accents, and written as declared.
    let written = ok(
        plan.path(),
        &["meeting", "add", "COPIL", "--date", "2026-03-02"],
    );
    assert!(
        written.contains("meetings/2026-03-02-copil.toml"),
        "{written}"
    );
}
