//! An action's money: planned budget, yearly spending and financers,
//! recorded with `ctg set`, checked, and refused when wrong.

use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg_fr, ctg_fr_ok};

const TODAY: &str = "2026-03-20";

/// A copy of the bundled plan with the Caf declared as an actor, and a
/// convention period, so that years can fall outside it.
pub fn plan_with_caf() -> tempfile::TempDir {
    let dir = copy_plan(&bundled_plan());
    let convention = dir.path().join("ctg.toml");
    let mut text = fs::read_to_string(&convention).unwrap();
    text = text.replace(
        "transmitted = 2023-12-21",
        "transmitted = 2023-12-21\nstart = 2024-01-01\nend = 2027-12-31",
    );
    text.push_str("\n[actors.Caf]\nname = \"Caf de la Haute-Garonne\"\ncaf = true\n");
    fs::write(convention, text).unwrap();
    dir
}

fn action_4(plan: &Path) -> String {
    fs::read_to_string(plan.join("actions/04-faire-connaitre-parentalite.toml")).unwrap()
}

#[test]
fn money_is_recorded_in_place_and_shown() {
    let dir = plan_with_caf();
    let plan = dir.path();
    let out = ctg_fr_ok(
        plan,
        TODAY,
        &[
            "set",
            "4",
            "--budget",
            "12500",
            "--financer",
            "Caf=5000",
            "--financer",
            "CCVA=7500",
            "--spent",
            "2025=4200,5",
        ],
    );
    assert_eq!(
        out,
        "action 4 : budget prévu — → 12\u{202f}500\u{a0}€\n\
         action 4 : financeur Caf — → 5\u{202f}000\u{a0}€\n\
         action 4 : financeur CCVA — → 7\u{202f}500\u{a0}€\n\
         action 4 : dépensé en 2025 — → 4\u{202f}200,50\u{a0}€\n"
    );
    let text = action_4(plan);
    assert!(text.contains(
        "budget = 12500\nfinancers = { Caf = 5000, CCVA = 7500 }\nspent = { 2025 = 4200.5 }\n"
    ));
    let show = ctg_fr_ok(plan, TODAY, &["show", "4"]);
    assert!(
        show.contains(
            "Financeurs        : Caf\u{a0}: 5\u{202f}000\u{a0}€ ; CCVA\u{a0}: 7\u{202f}500\u{a0}€"
        ),
        "{show}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ctg_fr_ok(plan, TODAY, &["show", "4", "--format", "json"])).unwrap();
    assert_eq!(json["budget"], 12500.0);
    assert_eq!(json["financers"]["CCVA"], 7500.0);
    assert_eq!(json["spent"]["2025"], 4200.5);
    // Removed one by one; the table goes once empty.
    let out = ctg_fr_ok(
        plan,
        TODAY,
        &[
            "set",
            "4",
            "--remove-financer",
            "CCVA",
            "--remove-spent",
            "2025",
            "--remove-spent",
            "2024",
        ],
    );
    assert_eq!(
        out,
        "action 4 : financeur CCVA retiré (7\u{202f}500\u{a0}€)\n\
         action 4 : dépenses de 2025 retirées (4\u{202f}200,50\u{a0}€)\n\
         action 4 : pas de dépenses en 2024, rien ne change\n"
    );
    let text = action_4(plan);
    assert!(text.contains("financers = { Caf = 5000 }\n"), "{text}");
    assert!(!text.contains("spent"), "{text}");
    ctg_fr_ok(plan, TODAY, &["set", "4", "--remove-budget"]);
    assert!(!action_4(plan).contains("budget"));
}

#[test]
fn an_undeclared_financer_or_a_negative_amount_is_refused() {
    let dir = plan_with_caf();
    let plan = dir.path();
    let before = action_4(plan);
    let out = ctg_fr(
        plan,
        TODAY,
        &[
            "set",
            "4",
            "--financer",
            "Département=100",
            "--spent",
            "2025=-5",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("erreur[unknown-actor]: l'acteur « Département » n'est pas déclaré"),
        "{stderr}"
    );
    assert!(
        stderr.contains("erreur[invalid-amount]: le montant de `spent.2025`"),
        "{stderr}"
    );
    assert_eq!(action_4(plan), before, "nothing written");
    let bad = ctg_fr(plan, TODAY, &["set", "4", "--financer", "Caf"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("écrivez ACTEUR=MONTANT"));
    let modality = ctg_fr(plan, TODAY, &["set", "4.1", "--budget", "5"]);
    assert_eq!(modality.status.code(), Some(2), "{modality:?}");
}

#[test]
fn financing_above_the_budget_is_a_warning() {
    let dir = plan_with_caf();
    let plan = dir.path();
    ctg_fr_ok(
        plan,
        TODAY,
        &["set", "4", "--budget", "10000", "--financer", "Caf=4000"],
    );
    let out = ctg_fr(
        plan,
        TODAY,
        &["set", "4", "--financer", "CCVA=7500", "--strict"],
    );
    assert_eq!(out.status.code(), Some(1), "--strict refuses a new warning");
    let out = ctg_fr(plan, TODAY, &["set", "4", "--financer", "CCVA=7500"]);
    assert!(out.status.success());
    let check = ctg_fr(plan, TODAY, &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains(
            "avertissement[over-budget]: les financements (11\u{202f}500\u{a0}€) dépassent le budget prévu (10\u{202f}000\u{a0}€)"
        ),
        "{stderr}"
    );
}

#[test]
fn amounts_by_hand_are_checked() {
    let dir = plan_with_caf();
    let plan = dir.path();
    let file = plan.join("actions/04-faire-connaitre-parentalite.toml");
    let text = action_4(plan).replace(
        "pilot_note",
        "budget = nan\nspent = { 2023 = 10, 2025 = 20 }\nfinancers = { Caf = -1 }\npilot_note",
    );
    fs::write(&file, text).unwrap();
    let out = ctg_fr(plan, TODAY, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("erreur[invalid-amount]: le montant de `budget`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("erreur[invalid-amount]: le montant de `financers.Caf`"),
        "{stderr}"
    );
    assert!(stderr.contains("avertissement[outside-period]"), "{stderr}");
    assert!(stderr.contains("spent = { 2023 = 10"), "{stderr}");
}
