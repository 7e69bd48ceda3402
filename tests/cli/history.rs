//! `ctg diff`, `ctg status --at`, `ctg report --since`: the plan's history,
//! from throw-away git repositories with a scripted history.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{
    copy_plan, ctg, ctg_on_threads, demo_copied, fixture, git_ok as git, json_of, stdout_of,
};

const TODAY: &str = "2025-06-30";

fn edit(plan: &Path, args: &[&str]) {
    let output = ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", TODAY, "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A repository whose plan sits in `territoire/plan`: tag `avant` before the
/// plan exists, `copil-2024` when it is added, `copil-2025` after a year of
/// edits; then action 4 deleted in the working tree, not committed.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    fs::write(repo.join("README.md"), "Plan CTG\n").unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "start"]);
    git(repo, &["tag", "avant"]);
    let plan = repo.join("territoire/plan");
    fs::create_dir_all(plan.parent().unwrap()).unwrap();
    fs::rename(copy_plan(&fixture("small")).keep(), &plan).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "plan"]);
    git(repo, &["tag", "copil-2024"]);
    edit(
        &plan,
        &["set", "3", "--status", "in-progress", "--note", "Lancement"],
    );
    edit(
        &plan,
        &[
            "set",
            "3",
            "--title",
            "Renforcer l'offre jeunesse du territoire",
        ],
    );
    edit(&plan, &["set", "5.2", "--done", "2025-05-15"]);
    edit(&plan, &["set", "2.1", "--status", "planned"]);
    edit(
        &plan,
        &[
            "set",
            "2",
            "--due",
            "2025-09-30",
            "--indicator",
            "1",
            "--year",
            "2025",
            "--value",
            "40",
        ],
    );
    edit(&plan, &["set", "4", "--add-pilot", "A"]);
    edit(&plan, &["set", "5", "--remove-partner", "A"]);
    edit(
        &plan,
        &[
            "new",
            "--axis",
            "1",
            "--title",
            "Nouvelle action",
            "--pilot",
            "A",
        ],
    );
    fs::write(
        plan.join("meetings/2025-06-20-cotech.toml"),
        "body = \"cotech\"\ndate = 2025-06-20\ntitle = \"Comité technique d'été\"\n",
    )
    .unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "a year"]);
    git(repo, &["tag", "copil-2025"]);
    fs::remove_file(plan.join("actions/04-abandon.toml")).unwrap();
    (dir, plan)
}

fn diff_json(plan: &Path, revs: &[&str]) -> Value {
    json_of(
        ctg()
            .arg("--plan")
            .arg(plan)
            .args(["--today", TODAY, "--lang", "en", "diff", "--format", "json"])
            .args(revs),
    )
}

#[test]
fn diff_lists_every_kind_of_change_between_two_tags() {
    let (_repo, plan) = repository();
    let data = diff_json(&plan, &["copil-2024", "copil-2025"]);
    assert_eq!(data["from"]["name"], "copil-2024");
    assert_eq!(data["from"]["commit"].as_str().unwrap().len(), 40);
    assert_eq!(data["to"]["name"], "copil-2025");
    let changes: Vec<Value> = data["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.as_object_mut().unwrap().remove("message");
            c
        })
        .collect();
    assert_eq!(
        changes,
        [
            json!({"kind": "modality-reopened", "action": 2, "modality": 1, "text": "Bilan", "status": "planned"}),
            json!({"kind": "due-moved", "action": 2, "from": "2025-03-31", "to": "2025-09-30", "days": 183}),
            json!({"kind": "indicator-value", "action": 2, "indicator": "Parents reçus", "year": 2025, "from": 30.0, "to": 40.0}),
            json!({"kind": "action-retitled", "action": 3, "field": "title", "from": "Renforcer l'offre jeunesse", "to": "Renforcer l'offre jeunesse du territoire"}),
            json!({"kind": "status-moved", "action": 3, "from": "planned", "to": "in-progress"}),
            json!({"kind": "journal-added", "action": 3, "date": "2025-06-30", "note": "Lancement", "status": "in-progress"}),
            json!({"kind": "pilot-added", "action": 4, "actor": "A"}),
            json!({"kind": "modality-done", "action": 5, "modality": 2, "text": "Projets communs", "done": "2025-05-15"}),
            json!({"kind": "partner-removed", "action": 5, "actor": "A"}),
            json!({"kind": "action-added", "action": 6, "title": "Nouvelle action"}),
            json!({"kind": "meeting-recorded", "body": "cotech", "date": "2025-06-20", "title": "Comité technique d'été"}),
        ]
    );
}

#[test]
fn diff_in_a_table_in_french() {
    let (_repo, plan) = repository();
    let table = stdout_of(ctg().arg("--plan").arg(&plan).args([
        "--today",
        TODAY,
        "--lang",
        "fr",
        "diff",
        "copil-2024",
        "copil-2025",
    ]));
    assert!(
        table.starts_with("Changements de copil-2024 à copil-2025\n"),
        "{table}"
    );
    for line in [
        "action 2 : échéance 31/03/2025 → 30/09/2025 (183 j plus tard)",
        "action 3 : statut à engager → en cours",
        "action 5, modalité 2 réalisée le 15/05/2025 : Projets communs",
        "action 2, indicateur « Parents reçus » : 2025 : 30 → 40",
        "Comité technique tenu le 20/06/2025 : Comité technique d'été",
    ] {
        assert!(table.contains(line), "missing `{line}` in\n{table}");
    }
}

#[test]
fn diff_against_the_working_tree_by_default() {
    let (_repo, plan) = repository();
    let data = diff_json(&plan, &["copil-2025"]);
    assert_eq!(data["to"], Value::Null);
    assert_eq!(
        data["changes"],
        json!([{"kind": "action-removed", "action": 4, "title": "Action abandonnée",
                "message": "action 4 removed: Action abandonnée"}])
    );
    let md = stdout_of(ctg().arg("--plan").arg(&plan).args([
        "--today",
        TODAY,
        "--lang",
        "en",
        "diff",
        "copil-2025",
        "copil-2025",
        "--format",
        "md",
    ]));
    assert_eq!(
        md,
        "# Changes from copil-2025 to copil-2025\n\nNo change.\n"
    );
}

#[test]
fn history_errors_are_clear() {
    let (_repo, plan) = repository();
    let run = |plan: &Path, rev: &str| {
        let output = ctg()
            .arg("--plan")
            .arg(plan)
            .args(["--today", TODAY, "--lang", "en", "diff", "--", rev])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{rev}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert!(run(&plan, "copil-2030").contains("unknown revision `copil-2030`"));
    // An option-like revision is never handed to git as an option.
    assert!(run(&plan, "--output=/tmp/x").contains("unknown revision `--output=/tmp/x`"));
    assert!(
        run(&plan, "avant")
            .contains("the plan did not exist yet at revision avant (no territoire/plan/ctg.toml)")
    );
    let outside = copy_plan(&fixture("small"));
    assert!(run(outside.path(), "HEAD").contains("is not in a git repository"));
}

#[test]
fn the_report_adds_what_changed_since_the_last_committee() {
    let (_repo, plan) = repository();
    let md = stdout_of(ctg().arg("--plan").arg(&plan).args([
        "--today",
        TODAY,
        "--lang",
        "fr",
        "report",
        "--year",
        "2025",
        "--since",
        "copil-2024",
    ]));
    assert!(md.contains("\n## Changements depuis copil-2024\n\n- action 2, modalité 1 rouverte (à engager) : Bilan\n"), "{md}");
    assert!(
        md.contains("- action 4 retirée : Action abandonnée\n"),
        "{md}"
    );
    let json: Value = serde_json::from_str(&stdout_of(ctg().arg("--plan").arg(&plan).args([
        "--today",
        TODAY,
        "report",
        "--format",
        "json",
        "--since",
        "copil-2025",
    ])))
    .unwrap();
    assert_eq!(json["changes_since"]["revision"]["name"], "copil-2025");
    assert_eq!(
        json["changes_since"]["changes"][0]["kind"],
        "action-removed"
    );
}

#[test]
fn since_is_a_sheet_of_the_workbook_and_refused_in_csv() {
    let (_repo, plan) = repository();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bilan.xlsx");
    let output = ctg()
        .arg("--plan")
        .arg(&plan)
        .args(["--today", TODAY, "--lang", "fr", "report", "--year", "2025"])
        .args(["--since", "copil-2024", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&path).unwrap()))
            .unwrap();
    use calamine::Reader;
    assert_eq!(
        workbook.sheet_names(),
        [
            "Synthèse",
            "Actions",
            "Modalités",
            "Indicateurs",
            "Journal",
            "Financement",
            "Gouvernance",
            "Changements"
        ]
    );
    let changes = workbook.worksheet_range("Changements").unwrap();
    let texts: Vec<String> = changes
        .rows()
        .flat_map(|row| row.iter().map(|cell| cell.to_string()))
        .collect();
    assert!(
        texts.contains(&"Changements depuis copil-2024".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"action 4 retirée : Action abandonnée".to_string()),
        "{texts:?}"
    );
    let csv = ctg()
        .arg("--plan")
        .arg(&plan)
        .args([
            "--today",
            TODAY,
            "report",
            "--format",
            "csv",
            "--since",
            "copil-2024",
        ])
        .output()
        .unwrap();
    assert_eq!(csv.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&csv.stderr).contains("--since has no place in CSV"));
}

fn status_at(at: &str) -> Value {
    json_of(ctg().arg("--plan").arg(fixture("small")).args([
        "--today", TODAY, "--lang", "en", "status", "--format", "json", "--at", at,
    ]))
}

#[test]
fn status_at_rebuilds_statuses_from_the_journal() {
    // Action 2 moved to in-progress on 2024-02-01; the other actions have
    // no journal and keep their files' statuses.
    let before = status_at("2024-01-15");
    assert_eq!(before["plan"]["at"], "2024-01-15");
    assert_eq!(before["plan"]["today"], TODAY);
    assert_eq!(
        before["totals"]["by_status"],
        json!({"planned": 2, "in-progress": 0, "blocked": 1, "postponed": 0, "done": 1, "abandoned": 1})
    );
    assert!(
        before["plan"]["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("the journal records no status move up to 2024-01-15"),
        "{}",
        before["plan"]["notes"]
    );
    // Action 1's first modality was done on 2024-05-02: not yet on 2024-01-15.
    assert_eq!(before["axes"][0]["modalities_done"], 3);
    let after = status_at("2024-06-30");
    assert_eq!(after["totals"]["by_status"]["in-progress"], 1);
    assert_eq!(after["axes"][0]["modalities_done"], 4);
    assert_eq!(
        after["plan"]["notes"][0],
        "Statuses rebuilt as of 2024-06-30 from the journal"
    );
    // Alerts are as of that date: action 2 (due 2025-03-31) is not late yet,
    // and no meeting of 2024 is on file.
    let kinds: Vec<&str> = after["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["no-pilot", "stale", "meetings-due", "meetings-due"]);
    let table = stdout_of(ctg().arg("--plan").arg(fixture("small")).args([
        "--today",
        TODAY,
        "--lang",
        "fr",
        "status",
        "--at",
        "2024-06-30",
    ]));
    assert!(
        table.contains("au 30 juin 2024\nStatuts reconstruits au 30/06/2024 d'après le journal\n"),
        "{table}"
    );
}

/// `diff A B` makes B's plan from A's and parses again only the files that
/// differ: it must answer as when B's files are read from scratch (`diff A`
/// with B on disk), and refuse a plan broken at either end as `status --rev`
/// refuses it.
#[test]
fn diff_between_revisions_answers_as_if_each_was_read_from_scratch() {
    let (dir, plan) = repository();
    let repo = dir.path();
    // Action 4 removed, action 5 renamed, axis 2 changed next to axis 1 unchanged.
    let actions = plan.join("actions");
    fs::rename(
        actions.join("05-bloquee.toml"),
        actions.join("05-en-pause.toml"),
    )
    .unwrap();
    let axis = plan.join("axes/2-jeunesse.toml");
    let text = fs::read_to_string(&axis).unwrap();
    fs::write(&axis, text.replace("autonomie", "autonomie réelle")).unwrap();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "later"]);
    git(repo, &["tag", "later"]);
    for from in ["copil-2024", "copil-2025"] {
        let between = diff_json(&plan, &[from, "later"]);
        let from_disk = diff_json(&plan, &[from]);
        assert_eq!(between["changes"], from_disk["changes"], "{from}");
        assert_ne!(between["changes"], json!([]), "{from}");
    }

    fs::write(actions.join("02-ecoute.toml"), "id = [\n").unwrap();
    fs::write(
        actions.join("03-offre.toml"),
        "id = 1\naxis = 1\ntitle = \"Double\"\n",
    )
    .unwrap();
    // The same blob twice: a copy, whose id is then defined twice.
    fs::copy(
        actions.join("01-ateliers.toml"),
        actions.join("07-copie.toml"),
    )
    .unwrap();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "broken"]);
    git(repo, &["tag", "broken"]);
    let stderr = |args: &[&str]| {
        let output = ctg()
            .arg("--plan")
            .arg(&plan)
            .args(["--today", TODAY, "--lang", "en"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let refused = stderr(&["status", "--rev", "broken"]);
    assert!(refused.contains("actions/02-ecoute.toml"), "{refused}");
    assert!(refused.contains("actions/07-copie.toml"), "{refused}");
    assert_eq!(stderr(&["diff", "later", "broken"]), refused);
    assert_eq!(stderr(&["diff", "broken", "later"]), refused);
}

/// A plan of more than a thousand files is read from git by several
/// `cat-file` processes at once: `diff` between two commits says the same,
/// in the same order, whatever the number of cores it may use.
#[test]
fn a_large_plan_is_read_from_git_the_same_by_any_number_of_processes() {
    let plan = demo_copied(200);
    let dir = plan.path();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "plan"]);
    for id in [15, 1003, 1996] {
        let path = dir.join(format!("actions/{id}-copy.toml"));
        let text = fs::read_to_string(&path).unwrap();
        let renamed = text.replacen("\ntitle = \"", "\ntitle = \"Copie : ", 1);
        fs::write(&path, renamed).unwrap();
    }
    git(dir, &["commit", "-q", "-am", "three titles"]);
    let diff = |threads: &str| {
        stdout_of(ctg_on_threads(threads, dir).args([
            "--today",
            "2026-01-15",
            "--lang",
            "en",
            "diff",
            "HEAD~1",
            "HEAD",
            "--format",
            "json",
        ]))
    };
    let alone = diff("1");
    let changes: Value = serde_json::from_str(&alone).unwrap();
    let ids: Vec<&Value> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["action"])
        .collect();
    assert_eq!(ids, [&json!(15), &json!(1003), &json!(1996)], "{alone}");
    for threads in ["2", "4"] {
        assert!(diff(threads) == alone, "on {threads} processes");
    }
}
