//! The registry seen from the command line: `--explain CODE`, and
//! `--deny`, `--warn`, `--allow` changing rules' levels for one run.

use std::fs;
use std::path::Path;

use serde_json::Value;

use super::Change::*;
use super::{ACTION3, apply};
use crate::support::{copy_plan, ctg, fixture};

/// `ctg check ARGS` in a folder holding no plan.
fn without_plan(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    ctg()
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn explain_prints_a_rule_in_the_language_asked_and_needs_no_plan() {
    let english = without_plan(&["--explain", "journal-order", "--lang", "en"]);
    assert_eq!(english.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(english.stdout).unwrap(),
        "journal-order: warning by default\n\n\
         A journal entry ([[log]]) is dated before an entry written above it: \
         the journal reads in date order.\n\n\
         Example of a fix:\n    \
         # move the [[log]] entry of 2024-12-01 above the one of 2025-02-01\n\n\
         For one run, --deny journal-order turns its warnings into errors and \
         --allow journal-order silences them.\n"
    );
    let french = without_plan(&["--explain", "unknown-axis", "--lang", "fr"]);
    assert_eq!(french.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(french.stdout).unwrap(),
        "unknown-axis : erreur par défaut\n\n\
         L'axe d'une action (axis) désigne un axe qu'aucun fichier de axes/ ne définit.\n\n\
         Exemple de correction :\n    \
         axis = 9   # avant : il n'y a pas d'axe 9\n    \
         axis = 2   # après\n\n\
         Le temps d'une exécution, --warn unknown-axis change ses erreurs en \
         avertissements et --allow unknown-axis les fait taire.\n"
    );
}

#[test]
fn explain_says_that_a_rule_of_the_format_stays_an_error() {
    let output = without_plan(&["--explain", "toml-syntax", "--lang", "en"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("toml-syntax: error, a rule of the file format\n\n"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "\n\nIts level cannot be lowered (--warn, --allow): \
             no command can read a plan that breaks it.\n"
        ),
        "{text}"
    );
}

#[test]
fn every_registered_rule_can_be_explained_in_both_languages() {
    for rule in ctg::check::rules() {
        for lang in ["fr", "en"] {
            let output = without_plan(&["--explain", rule.code, "--lang", lang]);
            assert_eq!(output.status.code(), Some(0), "{}", rule.code);
            let text = String::from_utf8(output.stdout).unwrap();
            assert!(text.starts_with(rule.code), "{text}");
        }
    }
}

#[test]
fn an_unknown_code_is_a_usage_error_naming_the_nearest_code() {
    let near = without_plan(&["--explain", "jornal-order", "--lang", "en"]);
    assert_eq!(near.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(near.stderr).unwrap(),
        "unknown rule `jornal-order`: did you mean `journal-order`?\n"
    );
    let french = without_plan(&["--deny", "duplicate-ids", "--lang", "fr"]);
    assert_eq!(french.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(french.stderr).unwrap(),
        "règle inconnue « duplicate-ids » : vouliez-vous dire « duplicate-id » ?\n"
    );
    let far = without_plan(&["--allow", "budget", "--lang", "en"]);
    assert_eq!(far.status.code(), Some(2));
    let stderr = String::from_utf8(far.stderr).unwrap();
    assert!(
        stderr.starts_with("unknown rule `budget`; the rules are: no-plan, missing-convention,"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(", done-date-not-done, invalid-amount, over-budget\n"),
        "{stderr}"
    );
}

#[test]
fn rules_of_the_format_cannot_be_lowered() {
    let warn = without_plan(&["--warn", "wrong-type", "--lang", "en"]);
    assert_eq!(warn.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(warn.stderr).unwrap(),
        "--warn wrong-type refused: `wrong-type` is a rule of the file format and \
         stays an error, since no command can read a plan that breaks it\n"
    );
    let allow = without_plan(&["--allow", "toml-syntax", "--lang", "fr"]);
    assert_eq!(allow.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(allow.stderr).unwrap(),
        "--allow toml-syntax refusé : « toml-syntax » est une règle du format des \
         fichiers et reste une erreur, car aucune commande ne peut lire un plan qui \
         l'enfreint\n"
    );
}

#[test]
fn one_rule_cannot_take_two_levels() {
    let output = without_plan(&["--deny", "no-pilot", "--allow", "no-pilot", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "the rule `no-pilot` is given to both --deny and --allow: keep only one of them\n"
    );
}

/// A program asking for a level gets its mistake as a diagnostic on
/// stdout, with a stable code, and nothing on stderr.
#[test]
fn level_mistakes_are_json_for_programs() {
    let cases = [
        (vec!["--explain", "budget"], "unknown-rule"),
        (vec!["--deny", "jornal-order"], "unknown-rule"),
        (vec!["--allow", "wrong-type"], "rule-locked"),
        (
            vec!["--deny", "no-pilot", "--warn", "no-pilot"],
            "rule-two-levels",
        ),
    ];
    for (args, code) in cases {
        let mut args = args.clone();
        args.extend(["--format", "json"]);
        let output = without_plan(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}");
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json[0]["code"], code, "{args:?}");
        assert_eq!(json[0]["severity"], "error", "{args:?}");
    }
}

/// The fixture plan with an axis that has no action (an `empty-axis`
/// warning) and an action whose axis does not exist (an `unknown-axis` error).
fn plan_with_a_warning_and_an_error() -> tempfile::TempDir {
    let plan = copy_plan(&fixture("small"));
    apply(
        plan.path(),
        &Write("axes/3-vide.toml", "id = 3\ntitle = \"Vide\"\n"),
    );
    apply(plan.path(), &Replace(ACTION3, "axis = 2", "axis = 9"));
    plan
}

fn check_with(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["check", "--today", "2025-06-30", "--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn deny_warn_and_allow_change_levels_for_one_run() {
    let plan = plan_with_a_warning_and_an_error();
    let plain = check_with(plan.path(), &[]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(
        String::from_utf8(plain.stderr)
            .unwrap()
            .ends_with("\n1 error, 1 warning\n")
    );
    let lowered = check_with(plan.path(), &["--warn", "unknown-axis"]);
    assert_eq!(lowered.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(lowered.stdout).unwrap(),
        "valid plan: 3 axes, 5 actions, 2 warnings\n"
    );
    let lowered_stderr = String::from_utf8(lowered.stderr).unwrap();
    assert!(
        lowered_stderr.contains("warning[unknown-axis]: axis 9 does not exist"),
        "{lowered_stderr}"
    );
    let silenced = check_with(
        plan.path(),
        &["--allow", "unknown-axis,empty-axis", "--deny-warnings"],
    );
    assert_eq!(silenced.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(silenced.stdout).unwrap(),
        "valid plan: 3 axes, 5 actions\n"
    );
    assert!(silenced.stderr.is_empty());
    let raised = check_with(
        plan.path(),
        &[
            "--deny",
            "empty-axis",
            "--allow",
            "unknown-axis",
            "--format",
            "json",
        ],
    );
    assert_eq!(raised.status.code(), Some(1));
    let diags: Value = serde_json::from_slice(&raised.stdout).unwrap();
    let found: Vec<(&str, &str)> = diags
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("empty-axis", "error")]);
    // Other commands are not affected: they still refuse the error.
    ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["status", "--today", "2025-06-30"])
        .assert()
        .code(1);
}

/// `docs/rules.md` is made from the registry; `CTG_BLESS=1` rewrites it.
#[test]
fn docs_rules_is_the_registry() {
    let path = crate::support::repo().join("docs/rules.md");
    let expected = ctg::check::explain::markdown();
    if std::env::var("CTG_BLESS").is_ok_and(|value| value == "1") {
        fs::write(&path, &expected).unwrap();
        return;
    }
    let found = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "docs/rules.md differs from the registry: run CTG_BLESS=1 cargo test --test cli docs_rules"
    );
}
