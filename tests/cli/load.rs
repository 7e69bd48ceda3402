//! Loading: a plan that cannot be read is refused with exit 1 and a message
//! naming the file and line; the encodings editors write are accepted.

use std::fs;

use predicates::prelude::*;

use crate::support::{copy_plan, ctg, ctg_on_threads, fixture, json_of};

/// Runs `ctg status` on a plan and returns its stderr, asserting exit 1.
fn refused(plan: &std::path::Path, lang: &str) -> String {
    let output = ctg()
        .arg("--plan")
        .arg(plan)
        .args(["status", "--today", "2025-06-30", "--lang", lang])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "expected exit 1");
    assert!(output.stdout.is_empty(), "nothing may be printed on stdout");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_plan_without_ctg_toml_is_refused() {
    let plan = copy_plan(&fixture("small"));
    fs::remove_file(plan.path().join("ctg.toml")).unwrap();
    let err = refused(plan.path(), "en");
    assert!(
        err.contains("error[missing-convention]: the plan has no ctg.toml file"),
        "{err}"
    );
    assert!(err.contains("--> ctg.toml"), "{err}");
}

#[test]
fn no_plan_at_all_says_how_to_name_one() {
    let empty = tempfile::tempdir().unwrap();
    ctg()
        .current_dir(empty.path())
        .args(["status", "--lang", "en"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[no-plan]: no plan found from",
        ))
        .stderr(predicate::str::contains("--plan DIR"));
    ctg()
        .args(["--plan", "/nonexistent/plan", "status", "--lang", "fr"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "le dossier du plan /nonexistent/plan n'existe pas",
        ));
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join("actions/03-offre.toml"),
        "id = 3\naxis = 2\ntitle = \"Renforcer l'offre jeunesse\npilots = []\n",
    )
    .unwrap();
    let err = refused(plan.path(), "en");
    assert!(
        err.contains("error[toml-syntax]: invalid TOML syntax"),
        "{err}"
    );
    assert!(err.contains("--> actions/03-offre.toml:3:36"), "{err}");
    assert!(
        err.contains("the plan has 1 error: nothing was done"),
        "{err}"
    );
}

/// A plan large enough to be read on every core reports the problems of
/// its files in the files' order, the same on every run.
#[test]
fn a_large_plan_reports_problems_in_file_order() {
    let plan = copy_plan(&fixture("small"));
    let padding = format!("# {}\n", "x".repeat(4000));
    for n in 100..180 {
        let key = if n % 20 == 5 { "titel" } else { "title" };
        fs::write(
            plan.path().join(format!("actions/{n}-a.toml")),
            format!("{padding}id = {n}\naxis = 1\n{key} = \"Action {n}\"\n"),
        )
        .unwrap();
    }
    let first = refused(plan.path(), "en");
    let places: Vec<usize> = [105, 125, 145, 165]
        .iter()
        .map(|n| first.find(&format!("actions/{n}-a.toml")).unwrap())
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{first}");
    for _ in 0..3 {
        assert_eq!(refused(plan.path(), "en"), first);
    }
}

/// A plan large enough for its rules to be checked, and its problems
/// drawn, on every core finds and tells the same problems, in the same
/// order, on one thread as on several.
#[test]
fn a_large_plan_is_checked_the_same_on_any_number_of_threads() {
    let plan = copy_plan(&fixture("small"));
    for n in 100..400 {
        // An unknown pilot, a journal out of order, a due date before the start.
        let text = format!(
            "id = {n}\naxis = 1\ntitle = \"Action {n}\"\nstatus = \"in-progress\"\n\
             pilots = [\"Z{n}\"]\nstart = 2025-02-01\ndue = 2025-01-01\n\n\
             [[log]]\ndate = 2025-03-01\nnote = \"Après\"\n\n\
             [[log]]\ndate = 2025-02-01\nnote = \"Avant\"\nstatus = \"in-progress\"\n"
        );
        fs::write(plan.path().join(format!("actions/{n}-a.toml")), text).unwrap();
    }
    let checked = |threads: &str| {
        ctg_on_threads(threads, plan.path())
            .args(["--today", "2025-06-30", "check", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let alone = checked("1");
    let found: serde_json::Value = serde_json::from_slice(&alone).unwrap();
    let found = found.as_array().unwrap();
    let codes: std::collections::BTreeSet<&str> =
        found.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.len() >= 3, "{codes:?}");
    assert!(found.len() >= 3 * 300, "{}", found.len());
    let told = |threads: &str| {
        let output = ctg_on_threads(threads, plan.path())
            .args(["--today", "2025-06-30", "check"])
            .output()
            .unwrap();
        String::from_utf8(output.stderr).unwrap()
    };
    let told_alone = told("1");
    assert!(
        told_alone.matches("actions/").count() >= 3 * 300,
        "{told_alone}"
    );
    for threads in ["2", "3"] {
        assert!(checked(threads) == alone, "on {threads} threads");
        assert!(told(threads) == told_alone, "on {threads} threads");
    }
}

#[test]
fn an_id_past_the_limit_says_the_limit() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join("actions/03-offre.toml"),
        "id = 10000\naxis = 2\ntitle = \"Renforcer l'offre jeunesse\"\n",
    )
    .unwrap();
    let err = refused(plan.path(), "en");
    assert!(
        err.contains("error[invalid-id]: the id must be at most 9999, not 10000"),
        "{err}"
    );
    assert!(
        err.contains("help: `id` must be an integer between 1 and 9999"),
        "{err}"
    );
}

#[test]
fn every_field_problem_of_every_file_is_reported_in_one_run() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join("actions/03-offre.toml"),
        "id = 3\naxis = 2\ntitel = \"Renforcer\"\nstatus = \"en cours\"\ndue = \"2026-01-01\"\npilots = \"A\"\n",
    )
    .unwrap();
    fs::write(
        plan.path().join("axes/2-jeunesse.toml"),
        "id = 0\ntitle = \"  \"\n",
    )
    .unwrap();
    let err = refused(plan.path(), "fr");
    let expected = [
        "erreur[unknown-key]: clé inconnue `titel`",
        "--> actions/03-offre.toml:3:1",
        "aide: vouliez-vous dire `title` ?",
        "erreur[invalid-status]: statut inconnu « en cours »",
        "aide: écrivez le mot-clé `in-progress` pour « en cours »",
        "erreur[wrong-type]: `due` doit être une date, pas un texte",
        "aide: écrivez la date sans guillemets, l'année d'abord : `due = 2026-01-01`",
        "erreur[wrong-type]: `pilots` doit être une liste de textes, pas un texte",
        "erreur[invalid-id]: l'identifiant doit être un entier positif, pas 0",
        "--> axes/2-jeunesse.toml:1:6",
        "erreur[empty-title]: l'intitulé `title` est vide",
        "le plan contient 6 erreurs : rien n'a été fait",
    ];
    for line in expected {
        assert!(err.contains(line), "missing `{line}` in\n{err}");
    }
    // Sorted by file: actions/ before axes/.
    assert!(err.find("actions/03").unwrap() < err.find("axes/2").unwrap());
    // A misspelt required key is reported once, as unknown, not also as missing.
    assert!(!err.contains("missing-key"), "{err}");
}

#[test]
fn a_missing_required_key_points_at_its_table() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join("meetings/2025-06-01-cotech.toml"),
        "# a comment first\nbody = \"cotech\"\ndate = 2025-06-01\n",
    )
    .unwrap();
    let err = refused(plan.path(), "en");
    assert!(
        err.contains("error[missing-key]: the required key `title` is missing"),
        "{err}"
    );
    assert!(
        err.contains("--> meetings/2025-06-01-cotech.toml:2:1"),
        "{err}"
    );
}

#[test]
fn unsupported_schema_versions_are_refused() {
    let plan = copy_plan(&fixture("small"));
    let convention = plan.path().join("ctg.toml");
    let text = fs::read_to_string(&convention).unwrap();
    fs::write(&convention, text.replace("schema = 1", "schema = 2")).unwrap();
    let err = refused(plan.path(), "en");
    assert!(
        err.contains("error[unsupported-schema]: schema version 2 is not supported"),
        "{err}"
    );
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let plan = copy_plan(&fixture("small"));
    for name in [
        "ctg.toml",
        "actions/02-ecoute.toml",
        "axes/1-parentalite.toml",
    ] {
        let path = plan.path().join(name);
        let text = fs::read_to_string(&path).unwrap();
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        fs::write(&path, windows).unwrap();
    }
    let args = ["status", "--format", "json", "--today", "2025-06-30"];
    let original = json_of(ctg().arg("--plan").arg(fixture("small")).args(args));
    let windows = json_of(ctg().arg("--plan").arg(plan.path()).args(args));
    assert_eq!(original, windows);
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let plan = copy_plan(&fixture("small"));
    fs::write(
        plan.path().join("actions/03-offre.toml"),
        b"id = 3\naxis = 2\ntitle = \"Renforcer l'offre \xe9t\xe9\"\n",
    )
    .unwrap();
    let err = refused(plan.path(), "en");
    assert!(err.contains("error[invalid-utf8]"), "{err}");
    assert!(err.contains("actions/03-offre.toml:3:28"), "{err}");
    assert!(err.contains("save the file as UTF-8"), "{err}");
}

#[test]
fn huge_files_are_refused_without_being_read() {
    let plan = copy_plan(&fixture("small"));
    let mut text = String::from("id = 3\naxis = 2\ntitle = \"x\"\n");
    text.push_str(&format!(
        "pilot_note = \"{}\"\n",
        "a".repeat(2 * 1024 * 1024)
    ));
    fs::write(plan.path().join("actions/03-offre.toml"), text).unwrap();
    let err = refused(plan.path(), "en");
    assert!(err.contains("error[unreadable-file]"), "{err}");
    assert!(err.contains("over the limit of 1048576"), "{err}");
    assert!(err.contains("actions/03-offre.toml"), "{err}");
}

#[test]
fn hidden_backup_and_other_files_are_not_plan_files() {
    let plan = copy_plan(&fixture("small"));
    for name in [
        "actions/.03-offre.toml",
        "actions/03-offre.toml~",
        "actions/03-offre.toml.bak",
        "actions/notes.txt",
    ] {
        fs::write(plan.path().join(name), "this is not = = toml").unwrap();
    }
    let args = ["status", "--format", "json", "--today", "2025-06-30"];
    let original = json_of(ctg().arg("--plan").arg(fixture("small")).args(args));
    let with_junk = json_of(ctg().arg("--plan").arg(plan.path()).args(args));
    assert_eq!(original, with_junk);
}
