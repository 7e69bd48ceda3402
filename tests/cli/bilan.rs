//! The bilan the Caf receives, in every format: two years of budgets,
//! financers, spending and indicator values recorded through commands on
//! a copy of the bundled plan, then read back from each format (the
//! workbook with calamine, the Word file unzipped, JSON summed apart).

use std::fs;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

use crate::money::plan_with_caf;
use crate::support::{ctg_fr, ctg_fr_ok};

const TODAY: &str = "2026-01-15";

/// Two years of a plan's life, each recorded by a command.
fn record_two_years(plan: &Path) {
    let steps: &[(&str, &[&str])] = &[
        (
            "2024-03-01",
            &[
                "set",
                "2",
                "--status",
                "en cours",
                "--date",
                "2024-02-12",
                "--note",
                "Ouverture de l'espace écoute parents",
            ],
        ),
        (
            "2024-03-01",
            &[
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
        ),
        (
            "2024-12-20",
            &[
                "set",
                "2",
                "--indicator",
                "1",
                "--year",
                "2024",
                "--value",
                "34",
            ],
        ),
        (
            "2024-12-20",
            &[
                "set",
                "2",
                "--budget",
                "12500",
                "--financer",
                "Caf=5000",
                "--financer",
                "CCVA=7500",
                "--spent",
                "2024=3000",
            ],
        ),
        (
            "2025-12-30",
            &[
                "set",
                "2",
                "--indicator",
                "1",
                "--year",
                "2025",
                "--value",
                "41",
            ],
        ),
        ("2025-12-30", &["set", "2", "--spent", "2025=4200"]),
        (
            "2025-02-10",
            &[
                "set",
                "9",
                "--status",
                "en cours",
                "--date",
                "2025-02-10",
                "--note",
                "Diagnostic de l'offre d'accueil lancé",
            ],
        ),
        (
            "2025-12-30",
            &[
                "set",
                "9",
                "--budget",
                "40000",
                "--financer",
                "Caf=24000",
                "--financer",
                "CCVA=16000",
                "--spent",
                "2025=18000",
            ],
        ),
        (
            "2025-12-30",
            &[
                "set",
                "12",
                "--budget",
                "8000",
                "--financer",
                "CCVA=6000",
                "--financer",
                "Communes=2000",
                "--spent",
                "2025=5100",
            ],
        ),
        ("2025-12-30", &["set", "9.1", "--done", "2025-06-15"]),
    ];
    let meeting: &[&str] = &[
        "meeting",
        "add",
        "copil",
        "--date",
        "2025-03-18",
        "--decision",
        "Priorité au lieu ressource parents",
    ];
    let steps = [steps, &[("2025-12-30", meeting)]].concat();
    for (day, args) in steps {
        ctg_fr_ok(plan, day, args);
    }
}

fn report(plan: &Path, args: &[&str]) -> String {
    let mut all = vec!["report", "--year", "2025"];
    all.extend(args);
    ctg_fr_ok(plan, TODAY, &all)
}

/// The text of a Word file's body: every run, in order, one space apart.
pub fn docx_text(bytes: &[u8]) -> String {
    part_text(bytes, "word/document.xml")
}

/// The text of a zipped XML part: what lies between its tags, entities
/// read, one space apart.
pub fn part_text(bytes: &[u8], part: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name(part)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = Vec::new();
    for piece in xml.split('>').skip(1) {
        let run = piece.split('<').next().unwrap();
        if run.is_empty() {
            continue;
        }
        text.push(
            run.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        );
    }
    text.join(" ")
}

#[test]
fn every_format_carries_the_money_and_the_indicators() {
    let dir = plan_with_caf();
    let plan = dir.path();
    record_two_years(plan);
    let out = tempfile::tempdir().unwrap();

    // JSON: the totals, summed again here from each action's figures.
    let data: Value = serde_json::from_str(&report(plan, &["--format", "json"])).unwrap();
    let actions: Vec<&Value> = data["axes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|axis| axis["actions"].as_array().unwrap())
        .collect();
    let sum = |field: &str| -> f64 {
        actions
            .iter()
            .filter_map(|a| a["money"][field].as_f64())
            .sum()
    };
    let financing = &data["financing"];
    assert_eq!(sum("planned"), 60500.0);
    assert_eq!(financing["planned"], 60500.0);
    assert_eq!(
        sum("spent_in_period"),
        27300.0,
        "2025 only: 4200 + 18000 + 5100"
    );
    assert_eq!(financing["spent_in_period"], 27300.0);
    let caf: f64 = actions
        .iter()
        .flat_map(|a| a["money"]["financers"].as_array().unwrap())
        .filter(|f| f["actor"] == "Caf")
        .map(|f| f["amount"].as_f64().unwrap())
        .sum();
    assert_eq!(caf, 29000.0);
    assert_eq!(financing["caf"], "Caf");
    assert_eq!(financing["caf_amount"], caf);
    assert_eq!(financing["caf_share"], 0.4793, "29000 / 60500");
    let action2 = actions.iter().find(|a| a["id"] == 2).unwrap();
    assert_eq!(
        action2["money"]["spent_by_year"],
        serde_json::json!({"2024": 3000.0, "2025": 4200.0})
    );
    let indicator = &action2["indicators"][0];
    assert_eq!(
        (
            indicator["previous_value"].clone(),
            indicator["value"].clone()
        ),
        (34.0.into(), 41.0.into())
    );
    let by_axis: f64 = financing["by_axis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["financed"].as_f64().unwrap())
        .sum();
    assert_eq!(by_axis, financing["financed"].as_f64().unwrap());

    // The workbook, read back.
    let xlsx = out.path().join("bilan-2025.xlsx");
    report(plan, &["-o", xlsx.to_str().unwrap()]);
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(fs::read(&xlsx).unwrap())).unwrap();
    let money = workbook.worksheet_range("Financement").unwrap();
    let cells: Vec<&Data> = money.cells().map(|(_, _, c)| c).collect();
    for amount in [12500.0, 24000.0, 5100.0, 60500.0, 29000.0] {
        assert!(
            cells.contains(&&Data::Float(amount)),
            "{amount} in Financement"
        );
    }
    assert!(cells.contains(&&Data::String("Caf".into())));
    let indicators = workbook.worksheet_range("Indicateurs").unwrap();
    let row: Vec<String> = indicators
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        row[..8],
        [
            "2",
            "Familles accueillies",
            "familles",
            "30",
            "2024",
            "34",
            "2025",
            "41"
        ]
    );
    let journal = workbook.worksheet_range("Journal").unwrap();
    let notes: Vec<String> = journal.rows().map(|r| r[2].to_string()).collect();
    assert!(
        notes.contains(&"Diagnostic de l'offre d'accueil lancé".to_string()),
        "{notes:?}"
    );
    let governance = workbook.worksheet_range("Gouvernance").unwrap();
    assert!(
        governance
            .cells()
            .any(|(_, _, c)| *c == Data::String("Priorité au lieu ressource parents".into()))
    );
    let summary = workbook.worksheet_range("Synthèse").unwrap();
    assert!(
        summary
            .cells()
            .any(|(_, _, c)| *c == Data::String("Caf de la Haute-Garonne".into()))
    );

    // The Word file, its text read back.
    let docx = out.path().join("bilan-2025.docx");
    report(plan, &["-o", docx.to_str().unwrap()]);
    let text = docx_text(&fs::read(&docx).unwrap());
    for expected in [
        "Bilan 2025 de la convention territoriale globale",
        "Vue d'ensemble des actions",
        "Financement",
        "Part de la Caf (Caf de la Haute-Garonne) : 29\u{202f}000\u{a0}€, soit 48\u{a0}% des financements inscrits.",
        "Familles accueillies (familles)",
        "Diagnostic de l'offre d'accueil lancé",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the docx: {text}"
        );
    }

    // The OpenDocument file says the same.
    let odt = out.path().join("bilan-2025.odt");
    report(plan, &["-o", odt.to_str().unwrap()]);
    let bytes = fs::read(&odt).unwrap();
    assert_eq!(
        &bytes[30..38],
        b"mimetype",
        "the package's first part, stored"
    );
    let text = part_text(&bytes, "content.xml");
    for expected in [
        "Vue d'ensemble des actions",
        "Part de la Caf (Caf de la Haute-Garonne) : 29\u{202f}000\u{a0}€, soit 48\u{a0}% des financements inscrits.",
        "Familles accueillies (familles)",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the odt: {text}"
        );
    }

    // HTML, Markdown and CSV say the same.
    let html = report(plan, &["--format", "html"]);
    assert!(
        html.contains("<td class=\"n\">40\u{202f}000\u{a0}€</td>"),
        "{html}"
    );
    let md = report(plan, &[]);
    assert!(md.contains("- Financement : prévu 12\u{202f}500\u{a0}€ ; dépensé 4\u{202f}200\u{a0}€ (2025) ; Caf 5\u{202f}000\u{a0}€, CCVA 7\u{202f}500\u{a0}€"), "{md}");
    assert!(
        md.contains("| Familles accueillies (familles) | 30 | 34 | 41 | 60 | 37\u{a0}% |"),
        "{md}"
    );
    let folder = out.path().join("csv");
    fs::create_dir(&folder).unwrap();
    report(plan, &["--format", "csv", "-o", folder.to_str().unwrap()]);
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "actions.csv",
            "financing.csv",
            "governance.csv",
            "indicators.csv",
            "journal.csv",
            "modalities.csv"
        ]
    );
    let financing = fs::read_to_string(folder.join("financing.csv")).unwrap();
    assert!(
        financing.contains("9;2;40000;18000;Caf;24000"),
        "{financing}"
    );
    let csv = report(
        plan,
        &[
            "--format",
            "csv",
            "--table",
            "financing",
            "--csv-dialect",
            "rfc",
        ],
    );
    assert!(csv.contains("9,2,40000,18000,Caf,24000"), "{csv}");
}

#[test]
fn compact_leaves_out_what_has_nothing_to_say() {
    let dir = plan_with_caf();
    let plan = dir.path();
    let full = report(plan, &[]);
    assert!(full.contains("Sur la période : aucune modalité réalisée"));
    assert!(full.contains("## Financement\n\nAucun montant n'est renseigné"));
    let compact = report(plan, &["--compact"]);
    assert!(!compact.contains("Sur la période :"));
    assert!(!compact.contains("## Financement"));
    assert!(compact.len() < full.len());
}

#[test]
fn the_word_and_opendocument_files_convert_to_pdf_with_libreoffice() {
    let dir = plan_with_caf();
    let plan = dir.path();
    record_two_years(plan);
    let out = tempfile::tempdir().unwrap();
    let soffice = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("soffice"))
            .find(|path| path.is_file())
    });
    let Some(soffice) = soffice else {
        eprintln!(
            "SKIPPED the_word_and_opendocument_files_convert_to_pdf_with_libreoffice: soffice is not on PATH"
        );
        return;
    };
    let profile = out.path().join("profile");
    for extension in ["docx", "odt"] {
        let folder = out.path().join(extension);
        fs::create_dir(&folder).unwrap();
        let document = folder.join(format!("bilan-2025.{extension}"));
        report(plan, &["-o", document.to_str().unwrap()]);
        let status = std::process::Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&folder)
            .arg(&document)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        let pdf = fs::read(folder.join("bilan-2025.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "a PDF from the {extension}");
        assert!(pdf.len() > 10_000, "with its pages");
    }
}

#[test]
fn a_word_file_needs_a_file() {
    let dir = plan_with_caf();
    let out = ctg_fr(dir.path(), TODAY, &["report", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("ajoutez -o bilan.xlsx (ou bilan.docx, bilan.odt)")
    );
}

/// Every key of the object, and of the objects inside it.
fn keys(value: &Value, found: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                found.insert(key.clone());
                keys(inner, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys(item, found)),
        _ => {}
    }
}

/// docs/json.md names the report's keys: each one is in the real output
/// (of a plan with money, indicators and meetings), and the money's too.
#[test]
fn the_json_contract_names_real_keys() {
    let dir = plan_with_caf();
    let plan = dir.path();
    record_two_years(plan);
    let data: Value = serde_json::from_str(&report(plan, &["--format", "json"])).unwrap();
    let mut found = std::collections::BTreeSet::new();
    keys(&data, &mut found);
    let page = fs::read_to_string(crate::support::repo().join("docs/json.md")).unwrap();
    let section = page.split("## `ctg report`").nth(1).unwrap();
    let block = section.split("```").nth(1).unwrap();
    let documented: Vec<&str> = block
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|word| word.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .filter(|word| !word.is_empty())
        // The kinds of alert are values, not keys.
        .filter(|word| *word != "late")
        .collect();
    for key in [
        "money",
        "financing",
        "caf_share",
        "previous_value",
        "spent_by_year",
        "decisions",
    ] {
        assert!(documented.contains(&key), "{key} is not in docs/json.md");
    }
    let missing: Vec<&&str> = documented.iter().filter(|k| !found.contains(**k)).collect();
    assert!(
        missing.is_empty(),
        "documented but not in the output: {missing:?}"
    );
}
