//! The journal as a trustworthy history: entries in date order, a
//! back-dated move kept as history, every layout appended to or refused,
//! entries corrected and removed, a `set --note` recorded.

use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg_fr, ctg_fr_ok};

const TODAY: &str = "2025-09-01";

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg_fr(plan, TODAY, args)
}

fn ok(plan: &Path, args: &[&str]) -> String {
    ctg_fr_ok(plan, TODAY, args)
}

fn no_warning(plan: &Path) {
    ok(plan, &["check", "--deny-warnings"]);
}

fn action_file(plan: &Path, prefix: &str) -> std::path::PathBuf {
    fs::read_dir(plan.join("actions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

fn status_of(plan: &Path, id: &str) -> String {
    let json = ok(plan, &["show", id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["status"].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_back_dated_move_is_history_and_the_status_stays() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    ok(
        plan,
        &[
            "log",
            "4",
            "Blocage",
            "--status",
            "bloquée",
            "--date",
            "2025-06-30",
        ],
    );
    let out = ok(
        plan,
        &[
            "log",
            "4",
            "Reprise oubliée",
            "--status",
            "en cours",
            "--date",
            "2025-05-01",
        ],
    );
    assert!(
        out.contains("noté à l'historique ; le statut reste bloquée"),
        "{out}"
    );
    assert!(!out.contains("→ en cours"), "{out}");
    let text = fs::read_to_string(action_file(plan, "04-")).unwrap();
    let earlier = text.find("2025-05-01").unwrap();
    let later = text.find("2025-06-30").unwrap();
    assert!(earlier < later, "entries in date order:\n{text}");
    assert_eq!(status_of(plan, "4"), "blocked");
    no_warning(plan);
    // The same through `set --status --date`.
    let out = ok(
        plan,
        &["set", "4", "--status", "réalisée", "--date", "2025-06-01"],
    );
    assert!(out.contains("le statut reste bloquée"), "{out}");
    no_warning(plan);
    // A move dated after the latest one is the status.
    let out = ok(
        plan,
        &["set", "4", "--status", "en cours", "--date", "2025-08-01"],
    );
    assert!(out.contains("statut bloquée → en cours"), "{out}");
    no_warning(plan);
}

#[test]
fn an_empty_or_inline_journal_gets_the_entry() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = action_file(plan, "04-");
    let text = fs::read_to_string(&file).unwrap();
    let with = |journal: &str| {
        text.replacen(
            "\n\n[[modalities]]",
            &format!("\n{journal}\n\n[[modalities]]"),
            1,
        )
    };
    fs::write(&file, with("log = []")).unwrap();
    ok(plan, &["log", "4", "Première entrée"]);
    let after = fs::read_to_string(&file).unwrap();
    assert!(!after.contains("log = []"), "{after}");
    assert!(
        after.ends_with("[[log]]\ndate = 2025-09-01\nnote = \"Première entrée\"\n"),
        "{after}"
    );
    no_warning(plan);

    fs::write(
        &file,
        with("log = [{ date = 2025-07-01, note = \"Juillet\" }]"),
    )
    .unwrap();
    ok(plan, &["log", "4", "Juin", "--date", "2025-06-01"]);
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        after.contains("log = [{ date = 2025-06-01, note = \"Juin\" }, { date = 2025-07-01, note = \"Juillet\" }]"),
        "{after}"
    );
    no_warning(plan);

    // A journal an entry cannot be added to is refused, the file untouched.
    fs::write(&file, with("log = [\"x\"]")).unwrap();
    let before = fs::read(&file).unwrap();
    let output = run(plan, &["log", "4", "Perdue ?"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn a_note_on_set_is_a_journal_entry() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let out = ok(
        plan,
        &[
            "set",
            "9",
            "--due",
            "2026-06-30",
            "--note",
            "Prolongé par le COPIL",
        ],
    );
    assert!(
        out.contains("entrée de journal du 01/09/2025 ajoutée"),
        "{out}"
    );
    let text = fs::read_to_string(action_file(plan, "09-")).unwrap();
    assert!(
        text.ends_with("[[log]]\ndate = 2025-09-01\nnote = \"Prolongé par le COPIL\"\n"),
        "{text}"
    );
    ok(
        plan,
        &[
            "set",
            "9",
            "--note",
            "Point d'étape",
            "--date",
            "2025-08-01",
        ],
    );
    let text = fs::read_to_string(action_file(plan, "09-")).unwrap();
    assert!(text.find("Point d'étape").unwrap() < text.find("Prolongé").unwrap());
    no_warning(plan);
}

#[test]
fn an_entry_is_corrected_or_removed() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    ok(
        plan,
        &[
            "log",
            "4",
            "Lancement",
            "--status",
            "en cours",
            "--date",
            "2025-03-01",
        ],
    );
    ok(
        plan,
        &[
            "log",
            "4",
            "Blocage",
            "--status",
            "bloquée",
            "--date",
            "2025-06-30",
        ],
    );
    let file = action_file(plan, "04-");
    let before = fs::read(&file).unwrap();
    let dry = ok(plan, &["log", "4", "--remove", "2", "--dry-run"]);
    assert!(dry.contains("-note = \"Blocage\""), "{dry}");
    assert_eq!(fs::read(&file).unwrap(), before);

    let out = ok(
        plan,
        &["log", "4", "--entry", "1", "Lancement des ateliers"],
    );
    assert!(out.contains("entrée de journal 1 corrigée"), "{out}");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("note = \"Lancement des ateliers\""), "{text}");
    assert!(!text.contains("note = \"Lancement\""), "{text}");
    // A corrected day moves the entry; the status follows the latest move.
    let out = ok(plan, &["log", "4", "--entry", "2", "--date", "2025-02-01"]);
    assert!(out.contains("statut bloquée → en cours"), "{out}");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.find("Blocage").unwrap() < text.find("Lancement").unwrap());
    no_warning(plan);
    let out = ok(plan, &["log", "4", "--remove", "2"]);
    assert!(
        out.contains("entrée de journal 2 du 01/03/2025 retirée"),
        "{out}"
    );
    assert!(out.contains("statut en cours → bloquée"), "{out}");
    assert_eq!(status_of(plan, "4"), "blocked");
    no_warning(plan);
    let output = run(plan, &["log", "4", "--remove", "3"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("pas d'entrée 3"));
}

#[test]
fn a_note_on_a_modality_is_the_action_s_journal_entry() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let out = ok(
        plan,
        &[
            "set",
            "4.1",
            "--done",
            "2025-08-20",
            "--note",
            "Recensement terminé",
        ],
    );
    assert!(
        out.contains("entrée de journal du 20/08/2025 ajoutée"),
        "{out}"
    );
    let text = fs::read_to_string(action_file(plan, "04-")).unwrap();
    assert!(
        text.ends_with("[[log]]\ndate = 2025-08-20\nnote = \"Recensement terminé\"\n"),
        "{text}"
    );
    let no_note = run(
        plan,
        &["set", "4.2", "--status", "done", "--date", "2025-08-01"],
    );
    assert_eq!(no_note.status.code(), Some(2));
    no_warning(plan);
}
