//! `ctg check`: one damaged copy of the fixture plan per rule, each
//! asserting the code, severity, file, line and column it yields; the
//! renderings as snapshots; exit codes; every command checking first.

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
fn rule_toml_syntax() {
    assert_rule(
        &[Write(
            ACTION3,
            "id = 3\naxis = 2\ntitle = \"Offre\"\npilots = [\"A\",,]\n",
        )],
        ("toml-syntax", "error", ACTION3, 4, 15),
    );
}

#[test]
fn rule_wrong_type() {
    assert_rule(
        &[Replace(ACTION3, "due = 2026-01-01", "due = \"2026-01-01\"")],
        ("wrong-type", "error", ACTION3, 6, 7),
    );
}

#[test]
fn rule_missing_key() {
    assert_rule(
        &[Write("axes/2-jeunesse.toml", "# Jeunesse\nid = 2\n")],
        ("missing-key", "error", "axes/2-jeunesse.toml", 2, 1),
    );
}

#[test]
fn rule_unknown_key_with_suggestion() {
    let changes = [Append(ACTION3, "shrot_title = \"Offre\"\n")];
    assert_rule(&changes, ("unknown-key", "error", ACTION3, 7, 1));
    let (diags, _) = diagnostics(&changes);
    assert_eq!(diags[0]["help"], "did you mean `short_title`?");
}

#[test]
fn rule_empty_title() {
    assert_rule(
        &[Replace(
            ACTION3,
            "title = \"Renforcer l'offre jeunesse\"",
            "title = \" \"",
        )],
        ("empty-title", "error", ACTION3, 3, 9),
    );
}

#[test]
fn rule_invalid_id() {
    assert_rule(
        &[Replace(ACTION3, "id = 3", "id = -3")],
        ("invalid-id", "error", ACTION3, 1, 6),
    );
}

#[test]
fn rule_out_of_range() {
    assert_rule(
        &[Replace("ctg.toml", "per_year = 2", "per_year = 400")],
        ("out-of-range", "error", "ctg.toml", 22, 12),
    );
}

#[test]
fn rule_invalid_year() {
    assert_rule(
        &[Append(
            ACTION3,
            "\n[[indicators]]\nname = \"Jeunes accueillis\"\nvalues = { 24 = 4 }\n",
        )],
        ("invalid-year", "error", ACTION3, 10, 12),
    );
}

#[test]
fn rule_duplicate_id_points_at_both_files() {
    let changes = [Write("axes/3-copie.toml", "id = 2\ntitle = \"Copie\"\n")];
    assert_rule(
        &changes,
        ("duplicate-id", "error", "axes/3-copie.toml", 1, 6),
    );
    let plan = copy_plan(&fixture("small"));
    apply(plan.path(), &changes[0]);
    let human = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["check", "--today", "2025-06-30", "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(human.stderr).unwrap();
    assert!(stderr.contains("--> axes/3-copie.toml:1:6"), "{stderr}");
    assert!(stderr.contains("::: axes/2-jeunesse.toml:1:6"), "{stderr}");
    assert!(stderr.contains("first defined here"), "{stderr}");
}

#[test]
fn rule_file_name_mismatch() {
    assert_rule(
        &[Rename("actions/05-bloquee.toml", "actions/07-bloquee.toml")],
        (
            "file-name-mismatch",
            "warning",
            "actions/07-bloquee.toml",
            1,
            6,
        ),
    );
    assert_rule(
        &[Rename(
            "meetings/2025-06-01-cotech.toml",
            "meetings/cotech-juin.toml",
        )],
        (
            "file-name-mismatch",
            "warning",
            "meetings/cotech-juin.toml",
            2,
            8,
        ),
    );
}

#[test]
fn rule_unknown_axis() {
    assert_rule(
        &[Replace(ACTION3, "axis = 2", "axis = 9")],
        ("unknown-axis", "error", ACTION3, 2, 8),
    );
}

#[test]
fn rule_empty_axis() {
    assert_rule(
        &[Write(
            "axes/3-vide.toml",
            "id = 3\ntitle = \"Axe sans action\"\n",
        )],
        ("empty-axis", "warning", "axes/3-vide.toml", 1, 6),
    );
}

#[test]
fn rule_unknown_actor() {
    assert_rule(
        &[Replace(ACTION1, "pilots = [\"A\"]", "pilots = [\"C\"]")],
        ("unknown-actor", "error", ACTION1, 6, 11),
    );
}

#[test]
fn rule_stray_role() {
    assert_rule(
        &[Replace(
            ACTION1,
            "pilots = [\"A\"]",
            "pilots = [\"A\"]\nroles = { B = \"appui\" }",
        )],
        ("stray-role", "error", ACTION1, 7, 11),
    );
}

#[test]
fn rule_pilot_and_partner() {
    assert_rule(
        &[Replace(
            ACTION1,
            "pilots = [\"A\"]",
            "pilots = [\"A\"]\npartners = [\"B\", \"A\"]",
        )],
        ("pilot-and-partner", "warning", ACTION1, 7, 18),
    );
}

#[test]
fn rule_no_pilot() {
    assert_rule(
        &[Replace(ACTION3, "pilot_note = \"À définir\"\n", "")],
        ("no-pilot", "warning", ACTION3, 1, 6),
    );
}

#[test]
fn rule_unknown_commune() {
    assert_rule(
        &[Replace(
            ACTION3,
            "pilots = []",
            "pilots = []\ncommunes = [\"Bour\"]",
        )],
        ("unknown-commune", "warning", ACTION3, 5, 13),
    );
}

#[test]
fn rule_invalid_status_suggests_the_keyword() {
    let changes = [Replace(
        ACTION2,
        "status = \"in-progress\"",
        "status = \"En cours\"",
    )];
    assert_rule(&changes, ("invalid-status", "error", ACTION2, 4, 10));
    let (diags, _) = diagnostics(&changes);
    assert_eq!(
        diags[0]["help"],
        "write the keyword `in-progress` for `En cours`"
    );
}

#[test]
fn rule_invalid_date() {
    assert_rule(
        &[Replace(
            ACTION3,
            "due = 2026-01-01",
            "due = 2026-01-01T10:00:00",
        )],
        ("invalid-date", "error", ACTION3, 6, 7),
    );
}

#[test]
fn rule_start_after_due() {
    assert_rule(
        &[Replace(
            ACTION3,
            "due = 2026-01-01",
            "start = 2026-06-01\ndue = 2026-01-01",
        )],
        ("start-after-due", "error", ACTION3, 6, 9),
    );
}

#[test]
fn rule_period_inverted() {
    assert_rule(
        &[Replace("ctg.toml", "end = 2027-12-31", "end = 2023-12-31")],
        ("period-inverted", "error", "ctg.toml", 6, 9),
    );
}

#[test]
fn rule_outside_period() {
    assert_rule(
        &[Replace(ACTION3, "due = 2026-01-01", "due = 2030-01-01")],
        ("outside-period", "warning", ACTION3, 6, 7),
    );
    assert_rule(
        &[Append(
            ACTION3,
            "\n[[indicators]]\nname = \"Jeunes accueillis\"\nvalues = { 2023 = 4 }\n",
        )],
        ("outside-period", "warning", ACTION3, 10, 12),
    );
}

#[test]
fn rule_future_date() {
    assert_rule(
        &[Append(
            ACTION2,
            "\n[[log]]\ndate = 2025-07-01\nnote = \"Demain\"\n",
        )],
        ("future-date", "error", ACTION2, 41, 8),
    );
}

#[test]
fn rule_journal_order() {
    assert_rule(
        &[Append(
            ACTION2,
            "\n[[log]]\ndate = 2024-12-01\nnote = \"Oubli\"\n",
        )],
        ("journal-order", "warning", ACTION2, 41, 8),
    );
}

#[test]
fn rule_status_journal_mismatch() {
    assert_rule(
        &[Append(
            ACTION2,
            "\n[[log]]\ndate = 2025-02-01\nnote = \"Arrêt\"\nstatus = \"blocked\"\n",
        )],
        ("status-journal-mismatch", "warning", ACTION2, 4, 10),
    );
}

#[test]
fn rule_done_with_open_modalities() {
    assert_rule(
        &[Append(
            ACTION1,
            "\n[[modalities]]\ntext = \"Encore à faire\"\n",
        )],
        ("done-with-open-modalities", "warning", ACTION1, 5, 10),
    );
}

#[test]
fn rule_done_date_not_done() {
    assert_rule(
        &[Replace(
            ACTION2,
            "text = \"Autres lieux\"",
            "text = \"Autres lieux\"\ndone = 2025-01-01",
        )],
        ("done-date-not-done", "warning", ACTION2, 19, 8),
    );
}

#[test]
fn rule_unknown_body() {
    let changes = [Replace(
        "meetings/2025-03-10-copil.toml",
        "body = \"copil\"",
        "body = \"copli\"",
    )];
    assert_rule(
        &changes,
        (
            "unknown-body",
            "error",
            "meetings/2025-03-10-copil.toml",
            1,
            8,
        ),
    );
    let (diags, _) = diagnostics(&changes);
    assert_eq!(diags[0]["help"], "did you mean `copil`?");
}

#[test]
fn rule_unsupported_schema() {
    assert_rule(
        &[Replace("ctg.toml", "schema = 1", "schema = 7")],
        ("unsupported-schema", "error", "ctg.toml", 2, 10),
    );
}

#[test]
fn rule_missing_convention() {
    let (diags, code) = diagnostics(&[Remove("ctg.toml")]);
    assert_eq!(code, Some(1));
    assert_eq!(diags[0]["code"], "missing-convention");
    assert_eq!(diags[0]["file"], "ctg.toml");
    // Without the convention, actors and bodies are unknown: no cascade.
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn rule_invalid_utf8() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join(ACTION3),
        b"id = 3\naxis = 2\ntitle = \"\xff\"\n",
    )
    .unwrap();
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["check", "--format", "json", "--today", "2025-06-30"])
        .output()
        .unwrap();
    let diags: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diags[0]["code"], "invalid-utf8");
    assert_eq!(diags[0]["file"], ACTION3);
    assert_eq!(diags[0]["line"], 3);
    assert_eq!(diags[0]["column"], 10);
    // The action could not be read: axis 2 still has actions 4 and 5, and
    // no rule complains about what the unreadable file might have held.
    assert_eq!(diags.as_array().unwrap().len(), 1, "{diags:#}");
}

#[cfg(unix)]
#[test]
fn rule_link_outside_plan_and_not_a_file() {
    let plan = copy_plan(&fixture("small"));
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "id = 9\naxis = 1\ntitle = \"Ailleurs\"\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), plan.path().join("actions/09-lien.toml")).unwrap();
    // A link inside the plan is an ordinary file.
    std::os::unix::fs::symlink(
        plan.path().join("actions/03-offre.toml"),
        plan.path().join("meetings/lien-interne.txt"),
    )
    .unwrap();
    fs::create_dir(plan.path().join("actions/10-dossier.toml")).unwrap();
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["check", "--format", "json", "--today", "2025-06-30"])
        .output()
        .unwrap();
    let diags: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<(&str, &str, &str)> = diags
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("link-outside-plan", "error", "actions/09-lien.toml"),
            ("not-a-file", "warning", "actions/10-dossier.toml"),
        ]
    );
    assert_eq!(output.status.code(), Some(1));
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
        "valid plan: 3 axes, 5 actions, 1 warning(s)\n"
    );
    let strict = run(true);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        String::from_utf8(strict.stderr)
            .unwrap()
            .ends_with("1 warning(s), refused by --deny-warnings\n")
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
