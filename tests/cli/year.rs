//! A year of a coordinator's records, entirely through commands, on a copy
//! of the bundled plan: the convention's dates, modality pilots, meetings
//! with decisions, an indicator created and filled, status moves (one
//! back-dated), a corrected journal entry, modalities done and abandoned.
//! Every step runs with `--strict`, the plan passes `check --deny-warnings`
//! after it, and the files are byte-identical outside what the command had
//! to change: only the files named change, and no line is removed but those
//! named.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg};

/// One command of the year: the day it is typed, its words, the files it
/// changes, the lines it may remove (a value rewritten), and a piece of
/// text the files must hold afterwards.
struct Step {
    today: &'static str,
    args: &'static [&'static str],
    files: &'static [&'static str],
    removed: &'static [&'static str],
    holds: &'static str,
}

const A02: &str = "actions/02-espace-ecoute-parents.toml";
const A04: &str = "actions/04-faire-connaitre-parentalite.toml";
const A09: &str = "actions/09-offre-accueil.toml";
const A18: &str = "actions/18-animations-locales.toml";

const YEAR: &[Step] = &[
    Step {
        today: "2024-01-05",
        args: &[
            "convention",
            "set",
            "--adopted",
            "14/12/2023",
            "--start",
            "2024-01-01",
            "--end",
            "2027-12-31",
        ],
        files: &["ctg.toml"],
        removed: &[],
        holds: "start = 2024-01-01\nend = 2027-12-31\n",
    },
    Step {
        today: "2024-02-01",
        args: &["set", "18.1", "--add-pilot", "CCVA"],
        files: &[A18],
        removed: &[],
        holds: "pilots = [\"CCVA\"]",
    },
    Step {
        today: "2024-02-01",
        args: &["set", "18.2", "--add-pilot", "Communes"],
        files: &[A18],
        removed: &[],
        holds: "pilots = [\"Communes\"]",
    },
    Step {
        today: "2024-02-01",
        args: &["set", "18.3", "--add-pilot", "CCVA"],
        files: &[A18],
        removed: &[],
        holds: "",
    },
    Step {
        today: "2024-03-12",
        args: &[
            "meeting",
            "add",
            "copil",
            "--date",
            "12/03/2024",
            "--decision",
            "Lancement des ateliers",
            "--decision",
            "Priorité au lieu ressource",
        ],
        files: &["meetings/2024-03-12-copil.toml"],
        removed: &[],
        holds: "  \"Priorité au lieu ressource\",\n",
    },
    Step {
        today: "2024-03-20",
        args: &[
            "indicator",
            "add",
            "2",
            "--name",
            "Familles accueillies",
            "--unit",
            "familles",
            "--baseline",
            "30",
            "--target",
            "60",
        ],
        files: &[A02],
        removed: &[],
        holds: "[[indicators]]\nname = \"Familles accueillies\"",
    },
    Step {
        today: "2024-04-02",
        args: &["set", "4", "--status", "en cours"],
        files: &[A04],
        removed: &[],
        holds: "status = \"in-progress\"",
    },
    Step {
        today: "2024-06-30",
        args: &[
            "log",
            "4",
            "Blocage",
            "--status",
            "bloquée",
            "--date",
            "2024-06-28",
        ],
        files: &[A04],
        removed: &["status = \"in-progress\""],
        holds: "status = \"blocked\"\n",
    },
    // Recorded late, dated before the block: history only, the status stays.
    Step {
        today: "2024-07-10",
        args: &[
            "log",
            "4",
            "Reprise des ateliers",
            "--status",
            "en cours",
            "--date",
            "2024-05-01",
        ],
        files: &[A04],
        removed: &[],
        holds: "date = 2024-05-01\nnote = \"Reprise des ateliers\"\nstatus = \"in-progress\"\n\n[[log]]\ndate = 2024-06-28",
    },
    Step {
        today: "2024-07-11",
        args: &[
            "log",
            "4",
            "--entry",
            "3",
            "Blocage : départ de l'animatrice",
        ],
        files: &[A04],
        removed: &["note = \"Blocage\""],
        holds: "note = \"Blocage : départ de l'animatrice\"",
    },
    Step {
        today: "2024-09-15",
        args: &["set", "4.1", "--done", "2024-09-15"],
        files: &[A04],
        removed: &[],
        holds: "done = 2024-09-15",
    },
    Step {
        today: "2024-10-01",
        args: &["modality", "add", "18", "Fête des associations"],
        files: &[A18],
        removed: &[],
        holds: "text = \"Fête des associations\"\ncreated = 2024-10-01\n",
    },
    Step {
        today: "2024-10-02",
        args: &["set", "18.4", "--status", "abandonnée"],
        files: &[A18],
        removed: &[],
        holds: "status = \"abandoned\"",
    },
    Step {
        today: "2024-11-05",
        args: &[
            "meeting",
            "add",
            "cotech",
            "--date",
            "2024-11-05",
            "--title",
            "Comité technique d'automne",
        ],
        files: &["meetings/2024-11-05-cotech.toml"],
        removed: &[],
        holds: "title = \"Comité technique d'automne\"",
    },
    Step {
        today: "2024-12-31",
        args: &[
            "set",
            "2",
            "--indicator",
            "1",
            "--year",
            "2024",
            "--value",
            "41",
        ],
        files: &[A02],
        removed: &[],
        holds: "values = { 2024 = 41 }",
    },
    Step {
        today: "2024-12-31",
        args: &[
            "set",
            "9",
            "--due",
            "2026-06-30",
            "--note",
            "Prolongé par le COPIL",
        ],
        files: &[A09],
        removed: &[],
        holds: "note = \"Prolongé par le COPIL\"",
    },
];

fn tree(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for folder in ["", "axes", "actions", "meetings"] {
        let Ok(entries) = fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(name, fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

fn run(plan: &Path, today: &str, args: &[&str]) -> std::process::Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", today, "--lang", "fr"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_year_of_records_through_commands_only() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    for step in YEAR {
        let before = tree(plan);
        // --strict: a step that would add a warning is refused.
        let args = [step.args, &["--strict"]].concat();
        let output = run(plan, step.today, &args);
        assert!(
            output.status.success(),
            "{:?}: {}",
            step.args,
            String::from_utf8_lossy(&output.stderr)
        );
        let check = run(plan, step.today, &["check", "--deny-warnings"]);
        assert!(
            check.status.success(),
            "after {:?}: {}",
            step.args,
            String::from_utf8_lossy(&check.stderr)
        );
        let after = tree(plan);
        let changed: Vec<&String> = after
            .iter()
            .filter(|(name, text)| before.get(*name) != Some(*text))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(
            changed,
            step.files.to_vec(),
            "{:?}: files changed",
            step.args
        );
        assert!(
            before.keys().all(|name| after.contains_key(name)),
            "no file removed"
        );
        for name in step.files {
            let old = before.get(*name).map_or("", String::as_str);
            let diff = similar::TextDiff::from_lines(old, &after[*name]);
            let removed: Vec<&str> = diff
                .iter_all_changes()
                .filter(|c| c.tag() == similar::ChangeTag::Delete)
                .map(|c| c.value().trim_end_matches('\n'))
                .collect();
            assert_eq!(
                removed, step.removed,
                "{:?}: lines removed from {name}",
                step.args
            );
            assert!(
                after[*name].contains(step.holds),
                "{:?}: {name}:\n{}",
                step.args,
                after[*name]
            );
        }
    }
    // The year as the tool now tells it.
    let show =
        String::from_utf8(run(plan, "2024-12-31", &["show", "4", "--format", "json"]).stdout)
            .unwrap();
    let fiche: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(fiche["status"], "blocked");
    let list = String::from_utf8(
        run(
            plan,
            "2024-12-31",
            &["list", "--no-pilot", "--format", "ids"],
        )
        .stdout,
    )
    .unwrap();
    assert!(!list.lines().any(|id| id == "18"), "{list}");
    let meetings = String::from_utf8(
        run(
            plan,
            "2024-12-31",
            &["meeting", "list", "--year", "2024", "--format", "json"],
        )
        .stdout,
    )
    .unwrap();
    let meetings: serde_json::Value = serde_json::from_str(&meetings).unwrap();
    assert_eq!(meetings["meetings"].as_array().unwrap().len(), 2);
}
