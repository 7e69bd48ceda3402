//! `ctg report` on the demo plan (fictional progress over 2024 and 2025),
//! reported for 2025 on 15 January 2026.

use std::fs;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::{Value, json};

use crate::support::{bundled_plan, copy_plan, ctg, ctg_on_threads, demo_copied, repo, stdout_of};

const TODAY: &str = "2026-01-15";

fn demo() -> std::path::PathBuf {
    repo().join("examples/demo")
}

fn report(plan: &Path, args: &[&str]) -> String {
    stdout_of(
        ctg()
            .arg("--plan")
            .arg(plan)
            .args(["--today", TODAY, "--lang", "fr", "report"])
            .args(args),
    )
}

#[test]
fn json_figures_for_the_last_full_year() {
    let data: Value = serde_json::from_str(&report(&demo(), &["--format", "json"])).unwrap();
    assert_eq!(
        data["period"],
        json!({"from": "2025-01-01", "to": "2025-12-31"})
    );
    assert_eq!(data["date"], "2026-01-15");
    assert_eq!(
        data["summary"],
        json!({
            "actions": 6,
            "by_status_start": {"planned": 2, "in-progress": 3, "blocked": 0, "postponed": 0, "done": 0, "abandoned": 1},
            "by_status_end": {"planned": 1, "in-progress": 2, "blocked": 1, "postponed": 0, "done": 1, "abandoned": 1},
            "progress_start": 0.2333,
            "progress_end": 0.4667,
            "modalities_total": 12,
            "modalities_done_end": 6,
            "modalities_done_in_period": 3,
            "journal_entries_in_period": 4
        })
    );
    let axis1 = &data["axes"][0];
    assert_eq!(axis1["progress_start"], 0.3333);
    assert_eq!(axis1["progress_end"], 0.6667);
    let action1 = &axis1["actions"][0];
    assert_eq!(action1["status_start"], "in-progress");
    assert_eq!(action1["status_end"], "done");
    assert_eq!(
        action1["modalities_done_in_period"],
        json!([{"number": 3, "text": "Ateliers dans chaque commune", "done": "2025-05-28"}])
    );
    assert_eq!(
        action1["journal"],
        json!([{"date": "2025-05-28", "note": "Dernière commune couverte : action terminée", "status": "done"}])
    );
    assert_eq!(
        action1["indicators"][0],
        json!({
            "name": "Familles participantes",
            "unit": "familles",
            "baseline": 0.0,
            "target": 60.0,
            "year": 2025,
            "value": 48.0,
            "previous_year": 2024,
            "previous_value": 22.0,
            "to_target": 0.8
        })
    );
    assert_eq!(action1["alerts"], json!([]));
    let action4 = &data["axes"][1]["actions"][1];
    assert_eq!(action4["status_end"], "blocked");
    assert_eq!(action4["alerts"][0]["kind"], "late");
    assert_eq!(
        action4["alerts"][0]["message"],
        "en retard : échéance du 30/09/2025 dépassée de 92 jours en fin de période"
    );
    let action5 = &data["axes"][2]["actions"][0];
    let kinds: Vec<&str> = action5["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["no-pilot", "nothing-recorded"]);
    assert_eq!(
        data["governance"],
        json!([
            {"key": "copil", "name": "Comité de pilotage CTG", "per_year": 1, "required": 1,
             "held": [{"date": "2025-03-18", "title": "Comité de pilotage annuel 2025", "decisions": ["Priorité au lieu ressource parents"]}], "missing": 0},
            {"key": "cotech", "name": "Comité technique CTG", "per_year": 2, "required": 2,
             "held": [{"date": "2025-06-05", "title": "Comité technique de printemps", "decisions": []}], "missing": 1}
        ])
    );
}

#[test]
fn a_period_can_be_any_span() {
    let data: Value = serde_json::from_str(&report(
        &demo(),
        &[
            "--from",
            "2024-01-01",
            "--to",
            "2024-06-30",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(
        data["summary"]["by_status_start"]["planned"], 6,
        "no move recorded yet"
    );
    assert_eq!(data["summary"]["modalities_done_in_period"], 2);
    // Half a year: one comité technique and, rounded, one comité de pilotage.
    assert_eq!(data["governance"][1]["required"], 1);
    let md = report(&demo(), &["--from", "2024-01-01", "--to", "2024-06-30"]);
    assert!(
        md.starts_with("# Bilan 01/01/2024 – 30/06/2024 de la convention territoriale globale\n"),
        "{md}"
    );
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!(report(&demo(), &[]));
}

#[test]
fn snapshot_html() {
    insta::assert_snapshot!(report(&demo(), &["--format", "html"]));
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!(report(&demo(), &["--format", "csv"]));
}

#[test]
fn html_is_one_self_contained_accessible_page() {
    let html = report(&demo(), &["--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("<style>"));
    for external in ["<link", "<script", "src=", "http://", "https://"] {
        let allowed = external == "http://"
            && html.matches("http://").count()
                == html.matches("http://www.w3.org/2000/svg").count();
        assert!(
            !html.contains(external) || allowed,
            "external resource: {external}"
        );
    }
    assert!(html.contains("<th scope=\"col\">Statut</th>"));
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
    // Three axes, three bars: 67 % of 300 px is 200 px.
    assert!(
        html.contains("width=\"200\" height=\"20\" fill=\"#1f5f99\""),
        "{html}"
    );
    let english = stdout_of(ctg().arg("--plan").arg(demo()).args([
        "--today", TODAY, "--lang", "en", "report", "--format", "html",
    ]));
    assert!(english.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(english.contains("<h1>2025 review of the Convention Territoriale Globale</h1>"));
}

#[test]
fn xlsx_is_a_real_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bilan-2025.xlsx");
    let out = report(&demo(), &["-o", path.to_str().unwrap()]);
    assert_eq!(out, format!("bilan écrit dans {}\n", path.display()));
    let bytes = fs::read(&path).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Synthèse",
            "Actions",
            "Modalités",
            "Indicateurs",
            "Journal",
            "Financement",
            "Gouvernance"
        ]
    );
    let actions = workbook.worksheet_range("Actions").unwrap();
    assert_eq!(actions.get_value((0, 0)), Some(&Data::String("N°".into())));
    assert_eq!(
        actions.get_value((0, 8)),
        Some(&Data::String("Échéance".into()))
    );
    assert_eq!(actions.height(), 7, "header and six actions");
    assert_eq!(actions.get_value((4, 0)), Some(&Data::Float(4.0)));
    assert_eq!(
        actions.get_value((4, 4)),
        Some(&Data::String("bloquée".into()))
    );
    assert_eq!(actions.get_value((4, 5)), Some(&Data::Float(0.5)));
    match actions.get_value((4, 8)) {
        Some(Data::DateTime(date)) => {
            assert_eq!(date.as_datetime().unwrap().date().to_string(), "2025-09-30");
        }
        other => panic!("the due date is not a date: {other:?}"),
    }
    let summary = workbook.worksheet_range("Synthèse").unwrap();
    assert_eq!(
        summary.get_value((0, 0)),
        Some(&Data::String(
            "Bilan 2025 de la convention territoriale globale".into()
        ))
    );
    assert!(
        matches!(summary.get_value((6, 1)), Some(Data::DateTime(_))),
        "report date"
    );
    let texts: Vec<String> = summary
        .rows()
        .flat_map(|row| row.iter().map(|c| c.to_string()))
        .collect();
    assert!(texts.contains(&"Comité technique CTG".to_string()));
}

#[test]
fn two_runs_give_identical_bytes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for extension in ["md", "html", "json", "csv", "xlsx", "docx", "odt"] {
        let mut runs = Vec::new();
        for run in 0..2 {
            let path = dir.path().join(format!("run{run}.{extension}"));
            report(&demo(), &["-o", path.to_str().unwrap()]);
            runs.push(fs::read(&path).unwrap());
        }
        assert!(runs[0] == runs[1], "{extension} differs between runs");
        assert!(!runs[0].is_empty());
    }
}

/// A plan large enough to be reported on every core (the demo's actions
/// copied 50 times, 300 actions) gives the same bytes on one thread as on
/// several: each action's part, and every sum, in the plan's order.
#[test]
fn a_large_plan_reports_the_same_on_any_number_of_threads() {
    let plan = demo_copied(50);
    let originals = fs::read_dir(demo().join("actions")).unwrap().count();
    let made = |threads: &str, format: &str| {
        stdout_of(
            ctg_on_threads(threads, plan.path())
                .args(["--today", TODAY, "report", "--format", format]),
        )
    };
    let json: Value = serde_json::from_str(&made("1", "json")).unwrap();
    let one = &json["summary"];
    assert_eq!(one["actions"], 50 * originals, "{one}");
    let small: Value = serde_json::from_str(&report(&demo(), &["--format", "json"])).unwrap();
    let small = &small["summary"];
    for key in [
        "journal_entries_in_period",
        "modalities_done_in_period",
        "modalities_total",
    ] {
        assert_eq!(one[key], small[key].as_u64().unwrap() * 50, "{key}");
    }
    for key in ["progress_start", "progress_end"] {
        assert_eq!(one[key], small[key], "{key}");
    }
    for format in ["json", "md", "html"] {
        let alone = made("1", format);
        for threads in ["2", "3"] {
            assert!(
                made(threads, format) == alone,
                "{format} on {threads} threads"
            );
        }
    }
}

#[test]
fn markup_pipes_and_formulas_in_plan_text_stay_safe_and_intact() {
    let plan = copy_plan(&demo());
    let path = plan.path().join("actions/05-conseil-jeunes.toml");
    let text = fs::read_to_string(&path).unwrap();
    let hostile = "=HYPERLINK(\\\"http://x\\\") <b>gras</b> & <script>alert(1)</script> | fin";
    fs::write(
        &path,
        text.replace("Créer un conseil intercommunal des jeunes", hostile),
    )
    .unwrap();
    let html = report(plan.path(), &["--format", "html"]);
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "markup leaked into HTML"
    );
    assert!(html.contains(
        "Action 5 — =HYPERLINK(&quot;http://x&quot;) &lt;b&gt;gras&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; | fin"
    ));
    let md = report(plan.path(), &[]);
    assert!(md.contains(
        "### Action 5 — =HYPERLINK(\"http://x\") \\<b\\>gras\\</b\\> \\& \\<script\\>alert(1)\\</script\\> \\| fin\n"
    ), "{md}");
    let csv = report(plan.path(), &["--format", "csv"]);
    assert!(csv.contains("\r\n5;3;\"'=HYPERLINK(\"\"http://x\"\") <b>gras</b> & <script>alert(1)</script> | fin\";"), "{csv}");
    // In the workbook, the title is text, not a formula.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("b.xlsx");
    report(plan.path(), &["-o", xlsx.to_str().unwrap()]);
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(fs::read(&xlsx).unwrap())).unwrap();
    let actions = workbook.worksheet_range("Actions").unwrap();
    assert_eq!(
        actions.get_value((5, 2)),
        Some(&Data::String(
            "=HYPERLINK(\"http://x\") <b>gras</b> & <script>alert(1)</script> | fin".into()
        ))
    );
}

#[test]
fn mistakes_in_the_arguments_are_usage_errors() {
    let run = |args: &[&str]| {
        ctg()
            .arg("--plan")
            .arg(demo())
            .args(["--lang", "en", "report"])
            .args(args)
            .output()
            .unwrap()
    };
    let xlsx = run(&["--format", "xlsx"]);
    assert_eq!(xlsx.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&xlsx.stderr).contains("add -o report.xlsx"));
    let unknown = run(&["-o", "bilan.pdf"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown format for bilan.pdf"));
    let inverted = run(&["--from", "2025-06-01", "--to", "2025-01-01"]);
    assert_eq!(inverted.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&inverted.stderr).contains("the period is empty"));
}

#[test]
fn the_bundled_plan_reports_plainly_what_is_missing() {
    let md = stdout_of(ctg().arg("--plan").arg(bundled_plan()).args([
        "--today",
        "2026-11-28",
        "--lang",
        "fr",
        "report",
        "--year",
        "2023",
    ]));
    assert!(md.starts_with("# Bilan 2023 de la convention territoriale globale\n"));
    assert_eq!(
        md.matches(
            "Sur la période : aucune modalité réalisée, aucun fait marquant, aucun indicateur"
        )
        .count(),
        20
    );
    assert!(md.contains("| Séminaire partenarial | 1 | 1 | Séminaire partenarial de co-construction des actions (05/10/2023) |"), "{md}");
    assert!(
        md.contains("| Comité de pilotage CTG | 1 | 1 | Comité de pilotage final (30/11/2023) |"),
        "{md}"
    );
    assert!(
        md.contains("- Comité technique CTG : il manque 2 réunions sur la période"),
        "{md}"
    );
}

#[test]
fn the_annual_report_script_writes_the_three_files() {
    let plan = copy_plan(&demo());
    let out = tempfile::tempdir().unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_ctg"));
    // The script prints nothing of its own: only ctg speaks, in its language.
    for (lang, folder, valid, written) in [
        (
            "en_GB.UTF-8",
            "reports",
            "valid plan: 3 axes, 6 actions",
            "report written to",
        ),
        (
            "fr_FR.UTF-8",
            "bilans",
            "plan valide : 3 axes, 6 actions",
            "bilan écrit dans",
        ),
    ] {
        let folder = out.path().join(folder);
        let output = std::process::Command::new("sh")
            .arg(repo().join("examples/annual-report.sh"))
            .arg("2025")
            .arg(&folder)
            .env("CTG", bin)
            .env("CTG_PLAN", plan.path())
            .env("CTG_TODAY", TODAY)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut expected = format!("{valid}\n");
        for name in ["bilan-2025.md", "bilan-2025.html", "bilan-2025.xlsx"] {
            let path = folder.join(name);
            assert!(fs::metadata(&path).unwrap().len() > 500, "{name}");
            expected += &format!("{written} {}\n", path.display());
        }
        assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
        assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    }
    let md = fs::read_to_string(out.path().join("bilans/bilan-2025.md")).unwrap();
    assert!(md.starts_with("# Bilan 2025"));
}
