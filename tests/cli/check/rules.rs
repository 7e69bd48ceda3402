//! One damaged copy of the fixture plan per rule.

use std::fs;

use serde_json::Value;

use super::Change::*;
use super::{ACTION1, ACTION2, ACTION3, apply, assert_rule, diagnostics};
use crate::support::{copy_plan, ctg, fixture};

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
