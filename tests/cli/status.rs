//! `ctg status`: figures, formats, languages, dates, colours, plan discovery.

use std::fs;

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::support::{
    bundled_plan, copy_plan, ctg, ctg_on_threads, demo_copied, fixture, json_of, stdout_of,
};

/// Counts taken straight from the bundled plan's files, independently of
/// ctg's loader: (actions, modalities) per axis id.
fn counts_from_files() -> std::collections::BTreeMap<i64, (usize, usize)> {
    let mut counts = std::collections::BTreeMap::new();
    for entry in fs::read_dir(bundled_plan().join("actions")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let table: toml::Table = text.parse().unwrap();
        let axis = table["axis"].as_integer().unwrap();
        let modalities = table
            .get("modalities")
            .and_then(|m| m.as_array())
            .map_or(0, Vec::len);
        let entry = counts.entry(axis).or_insert((0, 0));
        entry.0 += 1;
        entry.1 += modalities;
    }
    counts
}

#[test]
fn bundled_plan_json_agrees_with_the_files() {
    let dashboard = json_of(ctg().current_dir(bundled_plan().parent().unwrap()).args([
        "status",
        "--format",
        "json",
        "--today",
        "2026-11-28",
    ]));
    let counts = counts_from_files();
    let axes = dashboard["axes"].as_array().unwrap();
    assert_eq!(axes.len(), 6);
    for axis in axes {
        let (actions, modalities) = counts[&axis["id"].as_i64().unwrap()];
        assert_eq!(axis["actions"], json!(actions), "axis {}", axis["id"]);
        assert_eq!(axis["modalities_total"], json!(modalities));
        assert_eq!(axis["modalities_done"], json!(0));
    }
    assert_eq!(
        axes.iter()
            .map(|a| a["actions"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [5, 4, 2, 3, 3, 3]
    );
    let totals = &dashboard["totals"];
    assert_eq!(totals["actions"], json!(20));
    assert_eq!(totals["modalities_total"], json!(64));
    assert_eq!(totals["by_status"]["planned"], json!(20));
    assert_eq!(
        dashboard["plan"]["territory"],
        json!("Communauté de communes du Val'Aïgo")
    );
    assert_eq!(dashboard["plan"]["start"], Value::Null);
    assert_eq!(dashboard["plan"]["today"], json!("2026-11-28"));
    // The four actions the source leaves without a decided pilot.
    let no_pilot: Vec<u64> = dashboard["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|alert| alert["kind"] == "no-pilot")
        .map(|alert| alert["action"].as_u64().unwrap())
        .collect();
    assert_eq!(no_pilot, [5, 18, 19, 20]);
}

#[test]
fn bundled_plan_table_shows_six_axes_and_twenty_actions() {
    let out = stdout_of(ctg().current_dir(bundled_plan().parent().unwrap()).args([
        "status",
        "--today",
        "2026-11-28",
        "--lang",
        "fr",
    ]));
    assert!(out.starts_with("Convention territoriale globale de la CC du Val'Aïgo\n"));
    assert!(out.contains("Période : non renseignée · au 28 novembre 2026"));
    for theme in [
        "Parentalité",
        "Petite enfance",
        "Jeunesse",
        "Accès aux droits",
    ] {
        assert!(out.contains(theme), "{theme} missing from\n{out}");
    }
    let total = out.lines().find(|line| line.contains("Total")).unwrap();
    assert!(total.contains(" 20 ") && total.contains("0/64"), "{total}");
    assert!(out.contains("Alertes (7)"), "{out}");
}

fn small_status(today: &str) -> Value {
    json_of(
        ctg()
            .args(["--plan"])
            .arg(fixture("small"))
            .args(["status", "--format", "json", "--today", today]),
    )
}

#[test]
fn json_follows_the_contract_with_hand_computed_figures() {
    let dashboard = small_status("2025-06-30");
    assert_eq!(
        dashboard["plan"],
        json!({
            "name": "CTG d'Exemple",
            "territory": "Communauté de communes d'Exemple",
            "caf": "Caf d'Exemple",
            "start": "2024-01-01",
            "end": "2027-12-31",
            "today": "2025-06-30",
            "at": null,
            "notes": []
        })
    );
    assert_eq!(
        dashboard["axes"][0],
        json!({
            "id": 1,
            "title": "Accompagner les parents",
            "theme": "Parentalité",
            "actions": 2,
            "by_status": {"planned": 0, "in-progress": 1, "blocked": 0, "postponed": 0, "done": 1, "abandoned": 0},
            "modalities_done": 4,
            "modalities_total": 5,
            "progress": 0.8333
        })
    );
    // Axis 2: the abandoned action is left out of progress, not of counts.
    assert_eq!(dashboard["axes"][1]["progress"], json!(0.25));
    assert_eq!(dashboard["axes"][1]["theme"], Value::Null);
    assert_eq!(
        dashboard["totals"],
        json!({
            "actions": 5,
            "by_status": {"planned": 1, "in-progress": 1, "blocked": 1, "postponed": 0, "done": 1, "abandoned": 1},
            "modalities_done": 5,
            "modalities_total": 8,
            "progress": 0.5417
        })
    );
    let alerts = dashboard["alerts"].as_array().unwrap();
    let kinds: Vec<(&str, Value)> = alerts
        .iter()
        .map(|a| (a["kind"].as_str().unwrap(), a["action"].clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("overdue", json!(2)),
            ("no-pilot", json!(3)),
            ("stale", json!(5)),
            ("meetings-due", Value::Null),
        ]
    );
    assert_eq!(alerts[0]["days"], json!(91));
    assert_eq!(alerts[0]["due"], json!("2025-03-31"));
    assert_eq!(alerts[3]["body"], json!("cotech"));
    assert_eq!(alerts[3]["held"], json!(1));
    assert_eq!(alerts[3]["required"], json!(2));
}

#[test]
fn today_moves_every_date_dependent_answer() {
    // Before the due date and before this year's copil: no overdue, copil due.
    let early = small_status("2025-03-01");
    let kinds: Vec<&str> = early["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["no-pilot", "stale", "meetings-due", "meetings-due"]);
    // The same date from the environment.
    let from_env = json_of(
        ctg()
            .env("CTG_TODAY", "2025-03-01")
            .arg("--plan")
            .arg(fixture("small"))
            .args(["status", "--format", "json"]),
    );
    assert_eq!(from_env, early);
}

#[test]
fn stale_days_is_a_threshold() {
    let out = json_of(ctg().arg("--plan").arg(fixture("small")).args([
        "status",
        "--format",
        "json",
        "--today",
        "2025-06-30",
        "--stale-days",
        "100",
    ]));
    let stale: Vec<&Value> = out["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "stale")
        .collect();
    assert_eq!(stale.len(), 2);
    assert_eq!(stale[0]["action"], json!(2));
    assert_eq!(stale[0]["days"], json!(166));
}

#[test]
fn a_bad_today_is_a_usage_error() {
    ctg()
        .arg("--plan")
        .arg(fixture("small"))
        .args(["status", "--today", "31/06/2025"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD or DD/MM/YYYY"));
}

#[test]
fn markdown_is_a_table_and_a_list_of_alerts() {
    let out = stdout_of(ctg().arg("--plan").arg(fixture("small")).args([
        "status",
        "--format",
        "md",
        "--today",
        "2025-06-30",
        "--lang",
        "fr",
    ]));
    let expected_head = "# CTG d'Exemple\n\n\
        Communauté de communes d'Exemple · Caf d'Exemple  \n\
        Période : 01/01/2024 – 31/12/2027 · au 30 juin 2025  \n\n\
        | Axe | Thème | Actions | à engager | en cours | bloquée | réalisée | abandonnée | Modalités | Avancement |\n\
        |---|---|---|---|---|---|---|---|---|---|\n\
        | 1 | Parentalité | 2 | 0 | 1 | 0 | 1 | 0 | 4/5 | 83\u{a0}% |\n";
    assert!(out.starts_with(expected_head), "{out}");
    assert!(
        out.contains("\n## Alertes (4)\n\n- action 2 en retard de 91 jours (échéance 31/03/2025)")
    );
}

#[test]
fn language_comes_from_the_locale_unless_chosen() {
    let run = |lang_env: &str, extra: &[&str]| {
        stdout_of(
            ctg()
                .env("LANG", lang_env)
                .arg("--plan")
                .arg(fixture("small"))
                .args(["status", "--today", "2025-06-30"])
                .args(extra),
        )
    };
    assert!(run("fr_FR.UTF-8", &[]).contains("Avancement"));
    assert!(run("en_US.UTF-8", &[]).contains("Progress"));
    assert!(run("fr_FR.UTF-8", &["--lang", "en"]).contains("Progress"));
    assert!(run("C", &["--lang", "fr"]).contains("Avancement"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let run = |color: Option<&str>, no_color: bool| {
        let mut command = ctg();
        command
            .arg("--plan")
            .arg(fixture("small"))
            .args(["status", "--today", "2025-06-30"]);
        if let Some(color) = color {
            command.args(["--color", color]);
        }
        if no_color {
            command.env("NO_COLOR", "1");
        }
        stdout_of(&mut command)
    };
    assert!(run(Some("always"), false).contains("\u{1b}["));
    assert!(
        !run(None, false).contains("\u{1b}["),
        "piped output must be plain"
    );
    assert!(!run(Some("never"), false).contains("\u{1b}["));
    assert!(!run(Some("auto"), true).contains("\u{1b}["));
}

#[test]
fn the_plan_is_found_upward_from_env_or_in_plan() {
    let expected = small_status("2025-06-30");
    let today = ["status", "--format", "json", "--today", "2025-06-30"];
    // From a sub-folder of the plan: the nearest ctg.toml upward.
    let upward = json_of(
        ctg()
            .current_dir(fixture("small").join("actions"))
            .args(today),
    );
    assert_eq!(upward, expected);
    // From $CTG_PLAN.
    let env = json_of(
        ctg()
            .env("CTG_PLAN", fixture("small"))
            .current_dir("/")
            .args(today),
    );
    assert_eq!(env, expected);
    // From a folder holding plan/.
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_plan(&fixture("small"));
    fs::rename(copy.path(), dir.path().join("plan")).unwrap();
    let default = json_of(ctg().current_dir(dir.path()).args(today));
    assert_eq!(default, expected);
}

/// On a plan large enough for its alerts to be found and written on every
/// core (some 2,800 of them), the same dashboard, in words and in JSON, as
/// on one thread.
#[test]
fn a_large_dashboard_is_the_same_on_any_number_of_threads() {
    let plan = demo_copied(320);
    let status = |threads: &str, format: &str| {
        stdout_of(ctg_on_threads(threads, plan.path()).args([
            "--today",
            "2040-01-01",
            "status",
            "--format",
            format,
        ]))
    };
    let alone = status("1", "json");
    let alerts = serde_json::from_str::<Value>(&alone).unwrap()["alerts"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(
        alerts > 2048,
        "{alerts} alerts: too few to go on every core"
    );
    let table = status("1", "table");
    // In the order of the JSON's, each alert's first line the start of its message.
    let messages: Vec<String> = serde_json::from_str::<Value>(&alone).unwrap()["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|alert| alert["message"].as_str().unwrap().to_string())
        .collect();
    let first_lines: Vec<&str> = table.lines().filter_map(|l| l.strip_prefix("! ")).collect();
    assert_eq!(first_lines.len(), messages.len());
    for (line, message) in first_lines.iter().zip(&messages) {
        assert!(message.starts_with(line), "{line:?} begins {message:?}");
    }
    for threads in ["2", "3"] {
        assert_eq!(status(threads, "json"), alone, "JSON on {threads} threads");
        assert_eq!(
            status(threads, "table"),
            table,
            "table on {threads} threads"
        );
    }
}
