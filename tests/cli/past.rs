//! A past period told as it was. A repository is built through two years
//! of edits made with `ctg` on their own day and committed that day, with
//! a tag at each year's committee; then the bilan of each year run "today"
//! must equal the bilan of the plan as tagged, and the dashboard of a past
//! day must count only what existed and read the fields of that day.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

use crate::support::{copy_dir, ctg, fixture, git};

const TODAY: &str = "2026-01-15";

/// The plan's folder inside a throw-away repository.
struct History {
    _dir: tempfile::TempDir,
    plan: PathBuf,
}

impl History {
    fn run(&self, day: &str, args: &[&str]) -> std::process::Output {
        ctg()
            .arg("--plan")
            .arg(&self.plan)
            .args(["--today", day, "--lang", "en"])
            .args(args)
            .output()
            .unwrap()
    }

    /// `ctg ARGS` on `day`, then a commit of that day.
    fn edit(&self, day: &str, args: &[&str]) {
        let output = self.run(day, args);
        assert!(output.status.success(), "{args:?}: {output:?}");
        self.commit(day, &args.join(" "));
    }

    fn commit(&self, day: &str, message: &str) {
        let stamp = format!("{day}T12:00:00");
        for args in [&["add", "-A"][..], &["commit", "-q", "-m", message]] {
            let output = git(&self.plan)
                .env("GIT_AUTHOR_DATE", &stamp)
                .env("GIT_COMMITTER_DATE", &stamp)
                .args(args)
                .output()
                .unwrap();
            assert!(output.status.success(), "{output:?}");
        }
    }

    fn tag(&self, name: &str) {
        let output = git(&self.plan).args(["tag", name]).output().unwrap();
        assert!(output.status.success(), "{output:?}");
    }

    fn json(&self, args: &[&str]) -> Value {
        let output = self.run(TODAY, args);
        assert!(output.status.success(), "{args:?}: {output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

/// The actions of the plan as adopted (the small fixture's convention,
/// 2024–2027): nothing dated yet.
const ADOPTED: [(&str, &str); 5] = [
    (
        "01-ateliers.toml",
        "id = 1\naxis = 1\ntitle = \"Relancer les ateliers parents-enfants\"\nstatus = \"done\"\npilots = [\"A\"]\n\n[[modalities]]\ntext = \"État des lieux\"\nstatus = \"done\"\n\n[[modalities]]\ntext = \"Relance des ateliers\"\nstatus = \"done\"\n",
    ),
    (
        "02-ecoute.toml",
        "id = 2\naxis = 1\ntitle = \"Poursuivre l'espace écoute parents\"\nstatus = \"in-progress\"\npilots = [\"A\", \"B\"]\ndue = 2025-03-31\n",
    ),
    (
        "03-offre.toml",
        "id = 3\naxis = 2\ntitle = \"Renforcer l'offre jeunesse\"\npilots = []\npilot_note = \"À définir\"\ndue = 2026-01-01\n",
    ),
    (
        "04-abandon.toml",
        "id = 4\naxis = 2\ntitle = \"Une action abandonnée\"\nstatus = \"abandoned\"\npilots = [\"B\"]\n",
    ),
    (
        "05-bloquee.toml",
        "id = 5\naxis = 2\ntitle = \"Coordonner les acteurs jeunesse\"\nstatus = \"blocked\"\npilots = [\"B\"]\n",
    ),
];

/// Two years of a plan, every change made with ctg on its day and
/// committed that day.
fn two_years() -> History {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    copy_dir(&fixture("small"), &plan);
    for folder in ["actions", "meetings"] {
        fs::remove_dir_all(plan.join(folder)).unwrap();
        fs::create_dir(plan.join(folder)).unwrap();
    }
    for (name, text) in ADOPTED {
        fs::write(plan.join("actions").join(name), text).unwrap();
    }
    git(&plan).args(["init", "-q"]).output().unwrap();
    let history = History { _dir: dir, plan };
    history.commit("2024-01-05", "The plan as adopted");
    history.edit("2024-02-10", &["set", "3", "--add-pilot", "A"]);
    history.edit("2024-03-15", &["set", "2", "--due", "2024-12-31"]);
    history.edit(
        "2024-09-01",
        &[
            "new",
            "--axis",
            "1",
            "--title",
            "Action de 2024",
            "--pilot",
            "A",
        ],
    );
    history.tag("copil-2024");
    history.edit(
        "2025-01-20",
        &[
            "new",
            "--axis",
            "2",
            "--title",
            "Action de 2025",
            "--pilot",
            "B",
        ],
    );
    history.edit("2025-02-01", &["set", "3", "--add-pilot", "B"]);
    history.edit("2025-04-01", &["set", "2", "--due", "2025-09-30"]);
    // A modality inserted in the middle of action 1, on its day.
    let file = history.plan.join("actions/01-ateliers.toml");
    let text = fs::read_to_string(&file).unwrap();
    let inserted = text.replacen(
        "[[modalities]]\ntext = \"Relance des ateliers\"",
        "[[modalities]]\ntext = \"Ateliers d'été\"\nstatus = \"done\"\ndone = 2025-05-01\ncreated = 2025-05-01\n\n[[modalities]]\ntext = \"Relance des ateliers\"",
        1,
    );
    assert_ne!(inserted, text);
    fs::write(&file, inserted).unwrap();
    history.commit("2025-05-01", "A modality inserted");
    history.edit("2025-06-30", &["set", "6", "--status", "in-progress"]);
    history.tag("copil-2025");
    history
}

#[test]
fn a_year_told_today_is_the_year_as_tagged() {
    let history = two_years();
    for year in ["2024", "2025"] {
        let told_today = history.json(&["report", "--year", year, "--format", "json"]);
        let tag = format!("copil-{year}");
        let as_tagged =
            history.json(&["report", "--year", year, "--rev", &tag, "--format", "json"]);
        assert_eq!(told_today, as_tagged, "{year}");
    }
    let report = history.json(&["report", "--year", "2024", "--format", "json"]);
    let ids: Vec<&Value> = report["axes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|axis| axis["actions"].as_array().unwrap())
        .map(|action| &action["id"])
        .collect();
    assert_eq!(ids, [1, 2, 6, 3, 4, 5], "action 7 came in 2025");
    let action = |report: &Value, id: u64| -> Value {
        report["axes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|axis| axis["actions"].as_array().unwrap().clone())
            .find(|action| action["id"] == id)
            .unwrap()
    };
    assert_eq!(action(&report, 3)["pilots"], serde_json::json!(["A"]));
    assert_eq!(action(&report, 2)["due"], "2024-12-31");
    assert_eq!(
        action(&report, 6)["status_start"],
        Value::Null,
        "new in 2024"
    );
    let later = history.json(&["report", "--year", "2025", "--format", "json"]);
    assert_eq!(
        action(&later, 7)["status_start"],
        Value::Null,
        "new in 2025"
    );
    assert_eq!(action(&later, 6)["status_start"], "planned");
    // Action 1 was done before 2025: nothing to record is no alert.
    assert_eq!(action(&later, 1)["alerts"], serde_json::json!([]));
}

#[test]
fn a_past_day_counts_what_existed_with_the_fields_of_that_day() {
    let history = two_years();
    let actions = |at: &str| {
        history.json(&["status", "--at", at, "--format", "json"])["totals"]["actions"].clone()
    };
    assert_eq!(actions("2024-06-01"), 5);
    assert_eq!(actions("2024-10-01"), 6);
    assert_eq!(actions("2025-02-01"), 7);
    // Before action 3 had a pilot, it is flagged; today it has two.
    let early = history.json(&["status", "--at", "2024-01-20", "--format", "json"]);
    let flagged: Vec<&Value> = early["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|alert| alert["kind"] == "no-pilot")
        .map(|alert| &alert["action"])
        .collect();
    assert_eq!(flagged, [3]);
    assert_eq!(
        early["plan"]["notes"].as_array().unwrap().len(),
        1,
        "{early}"
    );
    // The modality inserted in 2025 did not exist in 2024.
    let modalities = |at: &str| {
        history.json(&["status", "--at", at, "--format", "json"])["axes"][0]["modalities_total"]
            .clone()
    };
    assert_eq!(modalities("2024-12-31"), 2);
    assert_eq!(modalities("2025-12-31"), 3);
}

#[test]
fn days_and_periods_outside_the_convention_are_refused_unless_forced() {
    let history = two_years();
    let before = history.run(TODAY, &["status", "--at", "2023-06-01"]);
    assert_eq!(before.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&before.stderr)
            .contains("falls outside the convention (2024-01-01 – 2027-12-31)")
    );
    let forced = history.json(&[
        "status",
        "--at",
        "2023-06-01",
        "--force",
        "--format",
        "json",
    ]);
    assert_eq!(forced["totals"]["actions"], 0, "nothing existed yet");
    let after = history.run(TODAY, &["report", "--year", "2030"]);
    assert_eq!(after.status.code(), Some(2));
    let json = history.json(&["report", "--year", "2030", "--force", "--format", "json"]);
    assert!(
        json["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("Note: 2030 falls outside")
    );
}

#[test]
fn outside_git_a_past_day_says_its_fields_are_today_s() {
    let history = two_years();
    let plain = tempfile::tempdir().unwrap();
    copy_dir(&history.plan, plain.path());
    fs::remove_dir_all(plain.path().join(".git")).unwrap();
    let output = ctg()
        .arg("--plan")
        .arg(plain.path())
        .args([
            "--today",
            TODAY,
            "--lang",
            "en",
            "status",
            "--at",
            "2024-06-01",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Titles, pilots and due dates are today's: git holds no version of the plan by that date."),
        "{stdout}"
    );
}

#[test]
fn diff_follows_modalities_by_their_text() {
    let history = two_years();
    let diff = history.json(&["diff", "copil-2024", "copil-2025", "--format", "json"]);
    let of_action_1: Vec<&Value> = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|change| change["action"] == 1)
        .collect();
    assert_eq!(of_action_1.len(), 1, "{of_action_1:?}");
    assert_eq!(of_action_1[0]["kind"], "modality-added");
    assert_eq!(of_action_1[0]["modality"], 2);
    assert_eq!(of_action_1[0]["text"], "Ateliers d'été");
    // A rewording in the working tree reads as one.
    let file = history.plan.join("actions/01-ateliers.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace(
            "\"Relance des ateliers\"",
            "\"Relance des ateliers du samedi\"",
        ),
    )
    .unwrap();
    let diff = history.json(&["diff", "copil-2025", "--format", "json"]);
    assert_eq!(
        diff["changes"],
        serde_json::json!([{
            "kind": "modality-reworded",
            "action": 1,
            "modality": 3,
            "from": "Relance des ateliers",
            "to": "Relance des ateliers du samedi",
            "message": "action 1, modality 3 reworded: \"Relance des ateliers\" → \"Relance des ateliers du samedi\""
        }])
    );
}

#[test]
fn check_says_when_git_knows_an_action_came_later() {
    let history = two_years();
    let clean = history.run(TODAY, &["check", "--deny-warnings"]);
    assert!(clean.status.success(), "{clean:?}");
    fs::write(
        history.plan.join("actions/08-tardive.toml"),
        "id = 8\naxis = 1\ntitle = \"Une action ajoutée à la main\"\npilots = [\"A\"]\n",
    )
    .unwrap();
    history.commit("2025-03-01", "An action added by hand");
    let output = history.run(TODAY, &["check", "--format", "json"]);
    let diags: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        diags,
        serde_json::json!([{
            "severity": "warning",
            "code": "created-missing",
            "message": "the action has no `created` date, but git says its file appeared on 2025-03-01, after the plan's adoption",
            "file": "actions/08-tardive.toml",
            "line": 1,
            "column": 6,
            "help": "add `created = 2025-03-01` to the action file"
        }])
    );
}

#[test]
fn the_current_year_reads_the_files_as_they_are() {
    let history = two_years();
    let removed = history.run(TODAY, &["set", "3", "--remove-pilot", "A"]);
    assert!(removed.status.success(), "{removed:?}");
    let report = history.json(&["report", "--year", "2026", "--format", "json"]);
    let pilots: Vec<&Value> = report["axes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|axis| axis["actions"].as_array().unwrap())
        .filter(|action| action["id"] == 3)
        .map(|action| &action["pilots"])
        .collect();
    assert_eq!(
        pilots,
        [&serde_json::json!(["B"])],
        "not yet committed, but today's"
    );
    assert_eq!(report["notes"], serde_json::json!([]));
}
