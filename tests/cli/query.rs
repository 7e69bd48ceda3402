//! `ctg list`, `ctg show`, `ctg pilots` over the fixture plan (today
//! 2025-06-30) and the bundled plan.

use std::fs;

use serde_json::{Value, json};

use crate::support::{
    bundled_plan, copy_plan, ctg, ctg_on_threads, demo_copied, fixture, json_of, stdout_of,
};

const TODAY: &str = "2025-06-30";

fn list_on(plan: &std::path::Path, args: &[&str]) -> String {
    stdout_of(
        ctg()
            .arg("--plan")
            .arg(plan)
            .args(["--today", TODAY, "--lang", "en", "list"])
            .args(args),
    )
}

/// The ids `ctg list` answers on the fixture plan.
fn ids(args: &[&str]) -> Vec<u32> {
    let mut all = vec!["--format", "ids"];
    all.extend_from_slice(args);
    list_on(&fixture("small"), &all)
        .lines()
        .map(|line| line.parse().unwrap())
        .collect()
}

#[test]
fn each_filter_alone() {
    assert_eq!(ids(&[]), [1, 2, 3, 4, 5]);
    assert_eq!(ids(&["--axis", "1"]), [1, 2]);
    assert_eq!(ids(&["--status", "done"]), [1]);
    assert_eq!(ids(&["--status", "En cours"]), [2]);
    assert_eq!(ids(&["--status", "réalisée"]), [1]);
    assert_eq!(ids(&["--pilot", "A"]), [1, 2]);
    assert_eq!(ids(&["--pilot", "b"]), [2, 4, 5]);
    assert_eq!(ids(&["--partner", "A"]), [5]);
    assert_eq!(ids(&["--actor", "A"]), [1, 2, 5]);
    assert_eq!(ids(&["--theme", "parentalite"]), [1, 2]);
    assert_eq!(ids(&["--commune", "bourg"]), [1]);
    assert_eq!(ids(&["--commune", "Hameau"]), [5]);
    assert_eq!(ids(&["--coordination"]), [1]);
    assert_eq!(ids(&["--within-competences"]), [5]);
    assert_eq!(ids(&["--no-pilot"]), [3]);
    assert_eq!(ids(&["--overdue"]), [2]);
    assert_eq!(ids(&["--due-before", "2025-12-31"]), [2]);
    assert_eq!(ids(&["--due-after", "2025-12-31"]), [3]);
    assert_eq!(
        ids(&["--due-before", "2026-01-01"]),
        [2, 3],
        "inclusive bound"
    );
}

#[test]
fn repeated_options_are_or_and_different_options_are_and() {
    assert_eq!(ids(&["--axis", "1", "--axis", "2"]), [1, 2, 3, 4, 5]);
    assert_eq!(ids(&["--status", "planned", "--status", "blocked"]), [3, 5]);
    assert_eq!(ids(&["--pilot", "A", "--status", "in-progress"]), [2]);
    assert_eq!(ids(&["--actor", "A", "--axis", "2"]), [5]);
    assert_eq!(ids(&["--pilot", "B", "--overdue", "--text", "ecoute"]), [2]);
    assert!(ids(&["--pilot", "B", "--no-pilot"]).is_empty());
}

#[test]
fn text_search_ignores_case_and_accents_and_spans_fields() {
    assert_eq!(ids(&["--text", "ecoute"]), [2], "title");
    assert_eq!(ids(&["--text", "COMITE technique"]), [2], "journal note");
    assert_eq!(ids(&["--text", "jamais"]), [4], "modality");
    assert_eq!(
        ids(&["--text", "bilan lancement"]),
        [2],
        "every word, any field"
    );
    assert!(ids(&["--text", "bilan ateliers"]).is_empty());
}

/// On a plan large enough to be searched on every core, the same actions
/// in the same order as on one thread: each copy of the matching actions.
#[test]
fn a_large_plan_is_searched_the_same_on_any_number_of_threads() {
    let plan = demo_copied(50);
    let listed = |threads: &str| {
        stdout_of(ctg_on_threads(threads, plan.path()).args([
            "--today",
            "2026-01-15",
            "list",
            "--text",
            "atelier",
            "--format",
            "ids",
        ]))
    };
    let alone = listed("1");
    let ids: Vec<u32> = alone.lines().map(|line| line.parse().unwrap()).collect();
    let originals: Vec<u32> = ids.iter().copied().filter(|id| *id < 10).collect();
    assert!(!originals.is_empty(), "{alone}");
    assert_eq!(ids.len(), originals.len() * 50, "{alone}");
    for threads in ["2", "3"] {
        assert_eq!(listed(threads), alone, "on {threads} threads");
    }
}

#[test]
fn each_sort() {
    assert_eq!(ids(&["--sort", "id"]), [1, 2, 3, 4, 5]);
    assert_eq!(ids(&["--sort", "axis"]), [1, 2, 3, 4, 5]);
    assert_eq!(ids(&["--sort", "due"]), [2, 3, 1, 4, 5]);
    assert_eq!(ids(&["--sort", "status"]), [3, 2, 5, 1, 4]);
    assert_eq!(ids(&["--sort", "progress"]), [3, 4, 5, 2, 1]);
}

#[test]
fn unknown_names_are_usage_errors_that_list_the_known_ones() {
    let run = |args: &[&str]| {
        ctg()
            .arg("--plan")
            .arg(fixture("small"))
            .args(["--lang", "en", "list"])
            .args(args)
            .output()
            .unwrap()
    };
    let actor = run(&["--pilot", "Z"]);
    assert_eq!(actor.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&actor.stderr),
        "unknown actor `Z`; declared actors: A, B\n"
    );
    let theme = run(&["--theme", "Sport"]);
    assert_eq!(theme.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&theme.stderr).contains("themes of the axes: Parentalité"));
    let status = run(&["--status", "peut-être"]);
    assert_eq!(status.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&status.stderr).contains("`peut-être` is not a status"));
    let ambiguous = run(&["--status", "re"]);
    assert_eq!(ambiguous.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&ambiguous.stderr)
            .contains("`re` could mean several statuses: postponed, done")
    );
    let commune = run(&["--commune", "Paris"]);
    assert_eq!(commune.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&commune.stderr).contains("unknown commune `Paris`"));
}

#[test]
fn an_empty_result_is_not_an_error() {
    let args = ["--text", "introuvable"];
    let table = list_on(&fixture("small"), &args);
    assert_eq!(table, "No action matches.\n");
    let json = list_on(
        &fixture("small"),
        &["--text", "introuvable", "--format", "json"],
    );
    assert_eq!(json, "[]\n");
    let ids = list_on(
        &fixture("small"),
        &["--text", "introuvable", "--format", "ids"],
    );
    assert_eq!(ids, "");
}

#[test]
fn json_contract_field_by_field() {
    let actions = json_of(
        ctg()
            .arg("--plan")
            .arg(fixture("small"))
            .args(["--today", TODAY, "list", "--format", "json", "--axis", "1"]),
    );
    let second = &actions[1];
    let keys: Vec<&str> = second
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "axis",
            "title",
            "short_title",
            "status",
            "pilots",
            "partners",
            "due",
            "start",
            "modalities",
            "progress",
            "roles",
            "pilot_note",
            "coordination",
            "within_competences",
            "communes",
            "modalities_done",
            "modalities_total",
            "overdue_days"
        ]
    );
    assert_eq!(
        *second,
        json!({
            "id": 2,
            "axis": 1,
            "title": "Poursuivre l'espace écoute parents",
            "short_title": null,
            "status": "in-progress",
            "pilots": ["A", "B"],
            "partners": [],
            "due": "2025-03-31",
            "start": null,
            "modalities": [
                {"text": "Bilan", "status": "done"},
                {"text": "Valorisation", "status": "done"},
                {"text": "Autres lieux", "status": "planned"},
                {"text": "Lieu abandonné", "status": "abandoned"}
            ],
            "progress": 0.6667,
            "roles": {"A": "coordination", "B": "porteur de projet"},
            "pilot_note": null,
            "coordination": false,
            "within_competences": false,
            "communes": [],
            "modalities_done": 2,
            "modalities_total": 3,
            "overdue_days": 91
        })
    );
    assert_eq!(actions[0]["short_title"], "Ateliers");
    assert_eq!(actions[0]["communes"], json!(["Bourg"]));
}

#[test]
fn csv_in_both_dialects() {
    let fr = list_on(
        &fixture("small"),
        &["--format", "csv", "--axis", "1", "--lang", "fr"],
    );
    let mut lines = fr.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}N°;Axe;Titre;Titre court;Statut;Pilotes;Partenaires;Début;Échéance;Retard (jours);Modalités réalisées;Modalités;Avancement"
    );
    assert_eq!(
        lines.next().unwrap(),
        "1;1;Relancer les ateliers parents-enfants;Ateliers;réalisée;A;;;;;2;2;1"
    );
    assert_eq!(
        lines.next().unwrap(),
        "2;1;Poursuivre l'espace écoute parents;;en cours;A, B;;;31/03/2025;91;2;3;0,6667"
    );
    let rfc = list_on(
        &fixture("small"),
        &["--format", "csv", "--csv-dialect", "rfc", "--axis", "1"],
    );
    assert!(rfc.starts_with("No.,Axis,Title,"), "{rfc}");
    assert!(rfc.contains("\r\n2,1,Poursuivre l'espace écoute parents,,in progress,\"A, B\",,,2025-03-31,91,2,3,0.6667\r\n"), "{rfc}");
}

#[test]
fn csv_cells_never_run_as_formulas_and_markdown_tables_hold_any_text() {
    let plan = copy_plan(&fixture("small"));
    let path = plan.path().join("actions/03-offre.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "title = \"Renforcer l'offre jeunesse\"",
            "title = \"=HYPERLINK(\\\"x\\\") | a\\nb\"",
        ),
    )
    .unwrap();
    let csv = list_on(
        plan.path(),
        &["--format", "csv", "--csv-dialect", "rfc", "--axis", "2"],
    );
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\") | a\nb\""), "{csv}");
    let md = list_on(plan.path(), &["--format", "md", "--axis", "2"]);
    let rows: Vec<&str> = md.lines().collect();
    assert_eq!(rows.len(), 5, "header, rule, three actions: {md}");
    for row in &rows {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 8, "every row has seven cells: {row}");
    }
    assert!(md.contains("=HYPERLINK(\"x\") \\| a b"), "{md}");
}

#[test]
fn table_marks_lateness_and_undecided_pilots() {
    // Wide enough for every title whole; narrow layouts have their snapshots.
    let table = list_on(&fixture("small"), &["--lang", "fr", "--width", "200"]);
    assert!(table.contains("31/03/2025 (+91 j)"), "{table}");
    assert!(table.contains("— (À définir)"), "{table}");
    assert!(table.contains("Poursuivre l'espace écoute parents"));
}

#[test]
fn the_bundled_plan_gives_the_communes_exactly_the_source_s_actions() {
    let out = list_on(&bundled_plan(), &["--pilot", "Communes", "--format", "ids"]);
    assert_eq!(out, "4\n10\n11\n12\n13\n14\n");
    let undecided = list_on(&bundled_plan(), &["--no-pilot", "--format", "ids"]);
    assert_eq!(undecided, "5\n18\n19\n20\n");
    let competences = list_on(
        &bundled_plan(),
        &["--within-competences", "--format", "ids"],
    );
    assert_eq!(competences, "10\n11\n12\n13\n14\n");
    let villemur = list_on(
        &bundled_plan(),
        &["--commune", "villemur-sur-tarn", "--format", "ids"],
    );
    assert_eq!(villemur, "12\n");
}

fn show(args: &[&str]) -> std::process::Output {
    ctg()
        .arg("--plan")
        .arg(fixture("small"))
        .args(["--today", TODAY, "show"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn show_json_has_the_whole_fiche() {
    let output = show(&["2", "--format", "json"]);
    let detail: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(detail["axis_theme"], "Parentalité");
    assert_eq!(detail["overdue_days"], 91);
    assert_eq!(
        detail["pilots"],
        json!([{"id": "A", "role": "coordination"}, {"id": "B", "role": "porteur de projet"}])
    );
    assert_eq!(detail["modalities"][3]["number"], 4);
    assert_eq!(detail["modalities"][3]["status"], "abandoned");
    assert_eq!(
        detail["indicators"][0],
        json!({
            "name": "Parents reçus",
            "unit": "personnes",
            "baseline": 10.0,
            "target": 50.0,
            "values": {"2024": 20.0, "2025": 30.0},
            "targets": {},
            "latest": 30.0,
            "to_target": 0.5
        })
    );
    let dates: Vec<&str> = detail["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2025-01-15", "2024-02-01"], "newest first");
    assert_eq!(detail["log"][1]["status"], "in-progress");
}

#[test]
fn show_table_and_markdown_read_as_a_fiche() {
    // Wide enough for every line whole; narrow layouts have their snapshots.
    let table = String::from_utf8(show(&["2", "--lang", "fr", "--width", "200"]).stdout).unwrap();
    let expected = [
        "Action 2 — Poursuivre l'espace écoute parents",
        "Statut      : en cours",
        "Dates       : Début — → Échéance 31/03/2025 (+91 j) — en retard de 91 jours",
        "Pilotes     : A (coordination), B (porteur de projet)",
        "Modalités (2/3 réalisées)",
        "  4. [abandonnée] Lieu abandonné",
        "  Parents reçus (personnes) — référence 10, cible 50, 2024 : 20, 2025 : 30 — 50\u{a0}% du chemin vers la cible",
        "Journal (du plus récent au plus ancien)\n  2. 15/01/2025 — Bilan présenté en comité technique\n  1. 01/02/2024 [en cours] — Lancement",
    ];
    for line in expected {
        assert!(table.contains(line), "missing `{line}` in\n{table}");
    }
    let md = String::from_utf8(show(&["5", "--format", "md", "--lang", "en"]).stdout).unwrap();
    assert!(
        md.starts_with("# Action 5 — Coordonner les acteurs jeunesse\n\n"),
        "{md}"
    );
    assert!(md.contains("- **Partners** : A\n"), "{md}");
    assert!(
        md.contains("- **Flags** : within each collectivity's competences\n"),
        "{md}"
    );
    assert!(
        md.contains("\n## Modalities (1/2 done)\n\n- 1\\. \\[done\\] Réunion des acteurs\n"),
        "{md}"
    );
}

#[test]
fn show_a_missing_action_names_the_range() {
    let output = show(&["99", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "no action 99; actions are 1–5\n"
    );
    let french = show(&["99", "--lang", "fr"]);
    assert_eq!(
        String::from_utf8_lossy(&french.stderr),
        "pas d'action 99 ; les actions sont 1–5\n"
    );
}

fn pilots(args: &[&str]) -> String {
    stdout_of(
        ctg()
            .arg("--plan")
            .arg(fixture("small"))
            .args(["--today", TODAY, "pilots"])
            .args(args),
    )
}

#[test]
fn pilots_json_counts_each_actor_s_load() {
    let load: Value = serde_json::from_str(&pilots(&["--format", "json"])).unwrap();
    assert_eq!(
        load["actors"][0],
        json!({
            "id": "A",
            "name": "Intercommunalité A",
            "leads": {
                "count": 2,
                "by_status": {"planned": 0, "in-progress": 1, "blocked": 0, "postponed": 0, "done": 1, "abandoned": 0},
                "actions": [1, 2],
                "late": [2]
            },
            "supports": {"count": 1, "actions": [5]}
        })
    );
    assert_eq!(load["actors"][1]["leads"]["actions"], json!([2, 4, 5]));
    assert_eq!(
        load["undecided"],
        json!([{"id": 3, "title": "Renforcer l'offre jeunesse", "pilot_note": "À définir"}])
    );
}

#[test]
fn pilots_table_csv_and_markdown() {
    let table = pilots(&["--lang", "en"]);
    assert!(
        table.contains(
            "Actions without a decided pilot\n  3 — Renforcer l'offre jeunesse (À définir)\n"
        ),
        "{table}"
    );
    assert!(table.contains("1–2 (+ 5)"), "{table}");
    let csv = pilots(&["--format", "csv", "--lang", "fr"]);
    assert!(csv.starts_with("\u{feff}Acteur;Nom;Pilote;à engager;en cours;bloquée;reportée;réalisée;abandonnée;Partenaire;En retard;Actions;Partenaires\r\n"), "{csv}");
    assert!(
        csv.contains("\r\nB;Commune B;3;0;1;1;0;0;1;0;2;2, 4, 5;\r\n"),
        "{csv}"
    );
    let md = pilots(&["--format", "md", "--lang", "fr"]);
    assert!(md.starts_with("| Acteur | Pilote |"), "{md}");
    assert!(
        md.contains(
            "## Actions sans pilote décidé\n\n- 3 — Renforcer l'offre jeunesse (À définir)\n"
        ),
        "{md}"
    );
}

/// Splits an example command line as a shell would (quotes, no expansion),
/// stopping at a pipe, a redirection or a comment.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '|' | '>' | '#') => break,
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn every_example_in_the_help_runs_on_the_bundled_plan() {
    for command in [
        "status",
        "check",
        "list",
        "show",
        "pilots",
        "set",
        "log",
        "new",
        "meeting add",
        "meeting list",
        "indicator add",
        "modality add",
        "modality remove",
        "convention set",
    ] {
        let help = stdout_of(ctg().args(command.split(' ')).arg("--help"));
        let examples: Vec<&str> = help
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with("ctg "))
            .collect();
        assert!(
            examples.len() >= 2,
            "{command} --help has too few examples:\n{help}"
        );
        // Edits run on a copy: the bundled plan stays as the source says.
        // A command's examples run in turn on one copy, as a person would
        // type them: a journal entry is corrected after it was written.
        let plan = copy_plan(&bundled_plan());
        for example in examples {
            let words = shell_words(example);
            let output = ctg()
                .arg("--plan")
                .arg(plan.path())
                .args(["--today", "2026-11-28"])
                .args(&words[1..])
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "`{example}` failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}
