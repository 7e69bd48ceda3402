//! Hostile and mistaken workbooks: each refused with its file and cell,
//! leaving every plan file as it was.

use super::fill::{Sheet, Typed, fill, row_of};
use super::{EXPORTED, IMPORTED, Setup};

/// Imports `files`, which must be refused naming each of `expected`, with
/// no plan file changed.
fn refused(setup: &Setup, files: &[String], expected: &[String]) {
    let before = setup.files();
    let mut args = vec!["collect", "import"];
    args.extend(files.iter().map(String::as_str));
    let output = setup.ctg(IMPORTED, &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for expected in expected {
        assert!(
            stderr.contains(expected.as_str()),
            "{expected} missing:\n{stderr}"
        );
    }
    assert!(stderr.contains("rien n'a été écrit"), "{stderr}");
    assert_eq!(setup.files(), before, "no plan file may change");
}

fn ccva(setup: &Setup) -> (std::path::PathBuf, u32) {
    let path = setup.workbook("ccva");
    let row = row_of(&path, Sheet::Actions, "3");
    (path, row)
}

fn name(actor: &str) -> String {
    format!("envois/suivi-{actor}-{EXPORTED}.xlsx")
}

#[test]
fn a_tampered_id_is_refused() {
    let setup = Setup::new();
    let (path, row) = ccva(&setup);
    fill(&path, Sheet::Actions, 'G', row, Typed::Text("en cours"));
    fill(&path, Sheet::Actions, 'A', row, Typed::Text("4"));
    refused(
        &setup,
        &[name("ccva")],
        &[format!("Actions!A{row}"), "« 4 » au lieu de « 3 »".into()],
    );
}

#[test]
fn values_outside_the_lists_formulas_and_text_dates_are_refused() {
    let setup = Setup::new();
    let (path, row) = ccva(&setup);
    fill(&path, Sheet::Actions, 'G', row, Typed::Text("presque fini"));
    fill(
        &path,
        Sheet::Actions,
        'H',
        row,
        Typed::Formula("CONCAT(\"a\";\"b\")"),
    );
    fill(&path, Sheet::Actions, 'I', row, Typed::Text("fin juin"));
    let indicator = row_of(&path, Sheet::Indicators, "2");
    fill(
        &path,
        Sheet::Indicators,
        'G',
        indicator,
        Typed::Text("beaucoup"),
    );
    refused(
        &setup,
        &[name("ccva")],
        &[
            format!("Actions!G{row} : « presque fini » n'est pas dans la liste"),
            format!("Actions!H{row} : une formule"),
            format!("Actions!I{row} : « fin juin » n'est pas une date"),
            format!("Indicateurs!G{indicator} : « beaucoup » n'est pas un nombre"),
        ],
    );
}

#[test]
fn an_item_changed_in_the_plan_since_the_export_is_refused() {
    let setup = Setup::new();
    let (path, row) = ccva(&setup);
    fill(&path, Sheet::Actions, 'G', row, Typed::Text("réalisée"));
    setup.ctg_ok("2026-11-10", &["set", "3", "--status", "bloquée"]);
    refused(
        &setup,
        &[name("ccva")],
        &[format!(
            "Actions!A{row} : l'action 3 a changé dans le plan depuis l'envoi du classeur le 02/11/2026"
        )],
    );
}

#[test]
fn two_workbooks_answering_one_cell_differently_are_a_conflict() {
    let setup = Setup::new();
    let ccva = setup.workbook("ccva");
    let epe = setup.workbook("epe");
    let (r1, r2) = (
        row_of(&ccva, Sheet::Actions, "2"),
        row_of(&epe, Sheet::Actions, "2"),
    );
    fill(&ccva, Sheet::Actions, 'G', r1, Typed::Text("en cours"));
    fill(&epe, Sheet::Actions, 'G', r2, Typed::Text("bloquée"));
    refused(
        &setup,
        &[name("ccva"), name("epe")],
        &[
            format!(
                "{} Actions!G{r1} : l'action 2 : deux réponses différentes, ici et dans {} Actions!G{r2}",
                name("ccva"),
                name("epe")
            ),
            format!("{} Actions!G{r2}", name("epe")),
        ],
    );
}

#[test]
fn a_file_that_is_not_an_exported_workbook_is_refused() {
    let setup = Setup::new();
    std::fs::write(setup.dir.path().join("envois/faux.xlsx"), "pas un classeur").unwrap();
    refused(
        &setup,
        &["envois/faux.xlsx".to_string()],
        &["envois/faux.xlsx : illisible comme classeur".into()],
    );
    // A workbook of another plan: the convention was renamed since.
    let (path, row) = ccva(&setup);
    fill(&path, Sheet::Actions, 'G', row, Typed::Text("en cours"));
    setup.ctg_ok(IMPORTED, &["convention", "set", "--name", "CTG d'ailleurs"]);
    refused(&setup, &[name("ccva")], &["un autre plan".into()]);
}

#[test]
fn partial_applies_the_good_rows_and_lists_the_others() {
    let setup = Setup::new();
    let (path, row) = ccva(&setup);
    fill(&path, Sheet::Actions, 'G', row, Typed::Text("en cours"));
    let nine = row_of(&path, Sheet::Actions, "9");
    fill(&path, Sheet::Actions, 'G', nine, Typed::Text("fini"));
    let out = setup.ctg_ok(IMPORTED, &["collect", "import", "--partial", &name("ccva")]);
    assert!(out.contains("Laissé de côté (1 problème)"), "{out}");
    assert!(out.contains(&format!("Actions!G{nine}")), "{out}");
    let three = std::fs::read_to_string(
        setup
            .plan()
            .join("actions/03-thematiques-petite-enfance.toml"),
    )
    .unwrap();
    assert!(three.contains("status = \"in-progress\""), "{three}");
    let nine = std::fs::read_to_string(setup.plan().join("actions/09-offre-accueil.toml")).unwrap();
    assert!(!nine.contains("status"), "{nine}");
}
