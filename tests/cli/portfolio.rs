//! `ctg portfolio DIR`: discovery, a broken plan among valid ones, formats, sorts.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::support::{copy_plan, ctg, fixture};

const TODAY: &str = "2025-06-30";

fn set_territory(plan: &Path, territory: &str) {
    let path = plan.join("ctg.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("Communauté de communes d'Exemple", territory),
    )
    .unwrap();
}

/// dept31/alpha, dept31/beta (action 2 done), gamma (a syntax error), and
/// what must not be found: a hidden folder, a symbolic link, a folder of notes.
fn portfolio_dir() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (name, territory) in [
        ("dept31/alpha", "Alpha"),
        ("dept31/beta", "Beta"),
        ("gamma", "Gamma"),
        (".hidden/delta", "Delta"),
    ] {
        let plan = copy_plan(&fixture("small"));
        fs::create_dir_all(root.join(name).parent().unwrap()).unwrap();
        fs::rename(plan.path(), root.join(name)).unwrap();
        set_territory(&root.join(name), territory);
    }
    let action = root.join("dept31/beta/actions/02-ecoute.toml");
    let text = fs::read_to_string(&action).unwrap();
    fs::write(
        &action,
        text.replace(
            "status = \"in-progress\"\npilots",
            "status = \"done\"\npilots",
        ),
    )
    .unwrap();
    fs::write(
        root.join("gamma/actions/03-offre.toml"),
        "id = 3\naxis = 2\ntitle = \"Offre\npilots = []\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(root.join("notes/lisez-moi.txt"), "pas un plan").unwrap();
    let outside = copy_plan(&fixture("small"));
    set_territory(outside.path(), "Epsilon");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), root.join("lien")).unwrap();
    (dir, outside)
}

fn portfolio(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = ctg()
        .args(["--today", TODAY, "--lang", "en", "portfolio"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn territories(json: &Value) -> Vec<&str> {
    json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["territory"].as_str().unwrap())
        .collect()
}

#[test]
fn finds_every_plan_and_reports_a_broken_one_without_stopping() {
    let (dir, _outside) = portfolio_dir();
    let (code, out) = portfolio(dir.path(), &["--format", "json"]);
    assert_eq!(code, Some(1), "a plan has an error");
    let data: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        territories(&data),
        ["Alpha", "Beta", "Gamma"],
        "no hidden, linked or note folder"
    );
    let alpha = &data["plans"][0];
    assert_eq!(alpha["path"], "dept31/alpha");
    assert_eq!(alpha["elapsed"], 0.374, "546 of 1460 days");
    assert_eq!(alpha["actions"], 5);
    assert_eq!(alpha["progress"], 0.5417);
    assert_eq!(alpha["late"], 1);
    assert_eq!(alpha["no_pilot"], 1);
    assert_eq!(alpha["meetings_missing"], 1);
    assert_eq!(alpha["errors"], 0);
    assert_eq!(alpha["first_error"], Value::Null);
    assert_eq!(data["plans"][1]["progress"], 0.625);
    assert_eq!(data["plans"][1]["late"], 0);
    let gamma = &data["plans"][2];
    assert_eq!(gamma["errors"], 1);
    assert_eq!(
        gamma["actions"],
        Value::Null,
        "no figures from a broken plan"
    );
    assert!(
        gamma["first_error"]
            .as_str()
            .unwrap()
            .starts_with("actions/03-offre.toml:3:15: invalid TOML syntax"),
        "{gamma}"
    );
    assert_eq!(
        data["totals"],
        json!({
            "plans": 3,
            "plans_with_errors": 1,
            "actions": 10,
            "by_status": {"planned": 2, "in-progress": 1, "blocked": 2, "postponed": 0, "done": 3, "abandoned": 2},
            "progress": 0.5834,
            "late": 1,
            "no_pilot": 2,
            "meetings_missing": 2,
            "errors": 1,
            "warnings": 2
        })
    );
}

#[test]
fn each_sort_order() {
    let (dir, _outside) = portfolio_dir();
    let order = |sort: &str| {
        let (_, out) = portfolio(dir.path(), &["--format", "json", "--sort", sort]);
        let data: Value = serde_json::from_str(&out).unwrap();
        territories(&data)
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(order("territory"), ["Alpha", "Beta", "Gamma"]);
    assert_eq!(
        order("progress"),
        ["Alpha", "Beta", "Gamma"],
        "least advanced first, broken last"
    );
    assert_eq!(order("late"), ["Alpha", "Beta", "Gamma"]);
    // Beta's action 2 is done with a modality open and a journal that disagrees: two warnings.
    assert_eq!(order("errors"), ["Gamma", "Beta", "Alpha"]);
}

#[test]
fn table_csv_and_markdown() {
    let (dir, _outside) = portfolio_dir();
    let (code, table) = portfolio(dir.path(), &[]);
    assert_eq!(code, Some(1));
    assert!(table.contains("Alpha"), "{table}");
    assert!(table.contains("Total (3 plans)"), "{table}");
    // The first error, wrapped between words in its column.
    assert!(table.contains("1 / 0 —"), "{table}");
    assert!(table.contains("actions/03-offre.toml:3:15"), "{table}");
    let (_, csv) = portfolio(dir.path(), &["--format", "csv", "--csv-dialect", "rfc"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Folder,Territory,Start,End,Period elapsed,Actions,planned,in progress,blocked,postponed,done,abandoned,Progress,Late,No pilot,Meetings due,Errors,Warnings,First error"
    );
    assert_eq!(
        lines.next().unwrap(),
        "dept31/alpha,Alpha,2024-01-01,2027-12-31,0.374,5,1,1,1,0,1,1,0.5417,1,1,1,0,0,"
    );
    let (_, md) = portfolio(dir.path(), &["--format", "md"]);
    assert_eq!(
        md.lines().count(),
        2 + 3 + 1,
        "header, rule, three plans, total: {md}"
    );
}

#[test]
fn an_empty_folder_is_an_empty_portfolio() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = portfolio(dir.path(), &["--format", "json"]);
    assert_eq!(code, Some(0));
    let data: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(data["plans"], json!([]));
    let missing = ctg()
        .args(["portfolio", "/nonexistent/plans", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}
