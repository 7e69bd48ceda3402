//! French as people write and read it: dates and statuses typed the
//! French way, plan text never read as a placeholder, words agreed with
//! their numbers, ligatures folded.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{copy_plan, ctg, ctg_fr, fixture};

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg_fr(plan, "2025-06-30", args)
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
        status.contains(
            "! Comité technique : 1 réunion tenue en 2025, la prochaine attendue d'ici le 31/12/2025"
        ),
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

/// English words that give an English sentence away. French text never
/// holds them; code (between backticks, options, example command lines)
/// is left out before looking.
const ENGLISH: [&str; 24] = [
    " the ",
    " is ",
    " are ",
    " of ",
    " with ",
    " for ",
    " not ",
    " and ",
    " to ",
    "error",
    "warning",
    "Usage",
    "usage:",
    "tip:",
    "help:",
    "found",
    "provided",
    "required",
    "possible values",
    "default:",
    "Options:",
    "Commands:",
    "Print ",
    "[env",
];

/// The prose of an output: code spans, options, and example command lines
/// (up to their comment) removed.
fn prose(text: &str) -> String {
    // The possible values of an option are keywords to type, even when they
    // wrap over two lines.
    let mut text = text.replace('\u{a0}', " ");
    while let Some(start) = text.find("valeurs possibles") {
        let end = text[start..]
            .find(']')
            .map_or(text.len(), |end| start + end);
        text.replace_range(start..end, "");
    }
    let mut out = String::new();
    for line in text.lines() {
        let line = match line.trim_start().strip_prefix("ctg ") {
            Some(rest) => rest.split_once('#').map_or("", |(_, comment)| comment),
            None => line,
        };
        let mut in_code = false;
        for (index, piece) in line.split('`').enumerate() {
            in_code = index % 2 == 1;
            if !in_code {
                for word in piece.split(' ') {
                    if !word.starts_with('-') && !word.starts_with("\\-") {
                        out.push_str(word);
                    }
                    out.push(' ');
                }
            }
        }
        let _ = in_code;
        out.push('\n');
    }
    out
}

fn english_in(what: &str, text: &str) -> Vec<String> {
    let prose = prose(text);
    ENGLISH
        .iter()
        .filter(|word| prose.contains(*word))
        .map(|word| {
            let line = prose.lines().find(|l| l.contains(*word)).unwrap_or("");
            format!("{what}: {word:?} in {line:?}")
        })
        .collect()
}

/// `ctg ARGS` in French, with its stdout and stderr together.
fn french_output(plan: &Path, args: &[&str]) -> String {
    let output = run(plan, args);
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn nothing_is_english_under_french() {
    let small = fixture("small");
    let broken = fixture("broken");
    let mut found = Vec::new();
    let commands = [
        "",
        "status",
        "check",
        "list",
        "show",
        "pilots",
        "set",
        "log",
        "new",
        "report",
        "portfolio",
        "diff",
        "init",
        "schema",
        "completions",
        "man",
    ];
    for command in commands {
        let args: Vec<&str> = [command, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        found.extend(english_in(
            &format!("{command} --help"),
            &french_output(&small, &args),
        ));
    }
    found.extend(english_in("man", &french_output(&small, &["man"])));
    let mistakes: [&[&str]; 13] = [
        &["sett"],
        &["set"],
        &["set", "4", "--date", "2025-01-01"],
        &["list", "--status"],
        &["set", "4", "--year", "abc"],
        &["status", "--color", "rouge"],
        &["list", "--bogus"],
        &["status", "--at", "2025-01-01", "--at", "2025-02-01"],
        &["report", "--year", "x"],
        &["set", "1.x"],
        &["set", "4", "--status", "xyz"],
        &["status", "--today", "31/02/2025"],
        &["list", "--pilot", "Personne"],
    ];
    for args in mistakes {
        found.extend(english_in(&args.join(" "), &french_output(&small, args)));
    }
    found.extend(english_in("check", &french_output(&broken, &["check"])));
    let codes = french_output(&small, &["check", "--explain", "nope"]);
    let codes = codes
        .rsplit(" : ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    assert!(codes.contains("no-pilot"), "{codes}");
    for code in codes.split(", ") {
        let explained = french_output(&small, &["check", "--explain", code]);
        found.extend(english_in(&format!("check --explain {code}"), &explained));
    }
    found.extend(english_in("status", &french_output(&broken, &["status"])));
    let plan = copy_plan(&small);
    let edits: [&[&str]; 9] = [
        &["set", "9", "--status", "done"],
        &["set", "1.9", "--status", "done"],
        &["set", "1", "--add-pilot", "Personne"],
        &["set", "1", "--remove-pilot", "B"],
        &["set", "1"],
        &[
            "set",
            "1",
            "--indicator",
            "7",
            "--year",
            "2025",
            "--value",
            "3",
        ],
        &["log", "1", "  "],
        &["new", "--axis", "1", "--title", " "],
        &["set", "2", "--axis-typo"],
    ];
    for args in edits {
        found.extend(english_in(
            &args.join(" "),
            &french_output(plan.path(), args),
        ));
    }
    assert!(
        found.is_empty(),
        "English under --lang fr:\n{}",
        found.join("\n")
    );
}

/// The giveaway words do find English: the check of the test itself.
#[test]
fn the_english_giveaways_find_english() {
    let small = fixture("small");
    let english = |args: &[&str]| {
        let output = ctg()
            .arg("--plan")
            .arg(&small)
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr)
    };
    assert!(!english_in("help", &english(&["set", "--help"])).is_empty());
    assert!(!english_in("mistake", &english(&["sett"])).is_empty());
    assert!(!english_in("check", &english(&["check", "--deny", "x"])).is_empty());
}

#[test]
fn a_status_move_can_be_dated_another_day() {
    let plan = copy_plan(&fixture("small"));
    let set = run(
        plan.path(),
        &["set", "3", "--status", "en cours", "--date", "15/06/2025"],
    );
    assert_eq!(set.status.code(), Some(0), "{set:?}");
    let text = fs::read_to_string(plan.path().join("actions/03-offre.toml")).unwrap();
    assert!(
        text.contains("[[log]]\ndate = 2025-06-15\nnote = \"statut : à engager → en cours\"\nstatus = \"in-progress\"\n"),
        "{text}"
    );
    let without_status = run(plan.path(), &["set", "3", "--date", "15/06/2025"]);
    assert_eq!(without_status.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&without_status.stderr);
    assert!(
        stderr.contains("argument obligatoire manquant : <--status <STATUT>|--note <TEXTE>>"),
        "{stderr}"
    );
}
