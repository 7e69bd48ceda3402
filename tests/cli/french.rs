//! French as people write and read it: dates and statuses typed the
//! French way, plan text never read as a placeholder, words agreed with
//! their numbers, ligatures folded.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{copy_plan, ctg, fixture};

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", "2025-06-30", "--lang", "fr"])
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn dates_and_statuses_are_taken_as_french_people_write_them() {
    let plan = copy_plan(&fixture("small"));
    let set = run(
        plan.path(),
        &["set", "3", "--due", "31/12/2026", "--status", "bloqué"],
    );
    assert_eq!(set.status.code(), Some(0), "{set:?}");
    let text = fs::read_to_string(plan.path().join("actions/03-offre.toml")).unwrap();
    assert!(text.contains("due = 2026-12-31\n"), "{text}");
    assert!(text.contains("status = \"blocked\"\n"), "{text}");
    for (word, keyword) in [
        ("Terminé", "done"),
        ("en pause", "postponed"),
        ("a venir", "planned"),
        ("réalisé", "done"),
        ("fait", "done"),
        ("suspendu", "postponed"),
    ] {
        let output = run(plan.path(), &["set", "3", "--status", word, "--dry-run"]);
        assert_eq!(output.status.code(), Some(0), "{word}: {output:?}");
        assert!(
            stdout(&output).contains(&format!("+status = \"{keyword}\"")),
            "{word}: {}",
            stdout(&output)
        );
    }
    let ambiguous = run(plan.path(), &["set", "3", "--status", "re"]);
    assert_eq!(ambiguous.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&ambiguous.stderr);
    assert!(
        stderr.contains("« re » peut désigner plusieurs statuts : « reportée », « réalisée »"),
        "{stderr}"
    );
}

#[test]
fn a_quoted_french_date_in_a_file_gets_the_toml_date_to_write() {
    let plan = copy_plan(&fixture("small"));
    let file = plan.path().join("actions/03-offre.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace("due = 2026-01-01", "due = \"31/12/2026\""),
    )
    .unwrap();
    let output = run(plan.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "aide: écrivez la date sans guillemets, l'année d'abord : `due = 2026-12-31`"
        ),
        "{stderr}"
    );
}

#[test]
fn placeholders_in_plan_text_are_printed_as_written() {
    let plan = copy_plan(&fixture("small"));
    let file = plan.path().join("actions/03-offre.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace(
            "pilot_note = \"À définir\"",
            "pilot_note = \"À définir {2} {0?a|b}\"",
        ),
    )
    .unwrap();
    let status = stdout(&run(plan.path(), &["status"]));
    assert!(
        status.contains("! action 3 sans pilote décidé (À définir {2} {0?a|b}) : Renforcer"),
        "{status}"
    );
    let json: Value =
        serde_json::from_str(&stdout(&run(plan.path(), &["status", "--format", "json"]))).unwrap();
    let alerts = json["alerts"].to_string();
    assert!(alerts.contains("À définir {2} {0?a|b}"), "{alerts}");
}

#[test]
fn words_agree_with_their_numbers() {
    let status = stdout(&run(&fixture("small"), &["status"]));
    assert!(
        status.contains("! Comité technique : 1 réunion tenue en 2025 sur 2 attendues"),
        "{status}"
    );
    assert!(status.contains("en retard de 91 jours"), "{status}");
    assert!(!status.contains("(s)"), "{status}");
}

#[test]
fn ligatures_are_folded_in_search_and_file_names() {
    let plan = copy_plan(&fixture("small"));
    let new = run(
        plan.path(),
        &["new", "--axis", "1", "--title", "Œuvrer au cœur des bourgs"],
    );
    assert_eq!(new.status.code(), Some(0), "{new:?}");
    assert!(
        plan.path()
            .join("actions/06-oeuvrer-au-coeur-des-bourgs.toml")
            .exists()
    );
    let found = run(plan.path(), &["list", "--text", "coeur", "--format", "ids"]);
    assert_eq!(stdout(&found), "6\n");
}
