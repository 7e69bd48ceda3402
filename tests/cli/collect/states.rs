//! `collect status`, and workbooks in English read by a French session.

use super::fill::{Sheet, Typed, fill, row_of};
use super::{EXPORTED, IMPORTED, Setup};

fn states(setup: &Setup) -> Vec<(String, String, u64)> {
    let out = setup.ctg_ok(
        IMPORTED,
        &["collect", "status", "envois", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["actor"].as_str().unwrap().to_string(),
                s["state"].as_str().unwrap().to_string(),
                s["pending"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn state_of(states: &[(String, String, u64)], actor: &str) -> (String, u64) {
    let (_, state, pending) = states.iter().find(|(a, _, _)| a == actor).unwrap();
    (state.clone(), *pending)
}

#[test]
fn status_follows_each_actor_from_sent_to_imported() {
    let setup = Setup::new();
    let all = states(&setup);
    assert_eq!(all.len(), 5);
    assert!(
        all.iter().all(|(_, state, _)| state == "waiting"),
        "{all:?}"
    );

    let ccva = setup.workbook("ccva");
    let row = row_of(&ccva, Sheet::Actions, "3");
    fill(&ccva, Sheet::Actions, 'G', row, Typed::Text("en cours"));
    fill(&ccva, Sheet::Actions, 'H', row, Typed::Text("Lancé"));
    let epe = setup.workbook("epe");
    let row = row_of(&epe, Sheet::Actions, "2");
    fill(
        &epe,
        Sheet::Actions,
        'G',
        row,
        Typed::Text("pas une valeur"),
    );
    let all = states(&setup);
    assert_eq!(state_of(&all, "CCVA"), ("to-import".into(), 1));
    assert_eq!(state_of(&all, "EPE").0, "problems");

    let ccva = format!("envois/suivi-ccva-{EXPORTED}.xlsx");
    setup.ctg_ok(IMPORTED, &["collect", "import", &ccva]);
    let all = states(&setup);
    assert_eq!(state_of(&all, "CCVA"), ("imported".into(), 0));
    assert_eq!(state_of(&all, "RPE").0, "waiting");

    // A file that is no actor's workbook is named below the table.
    std::fs::write(
        setup.dir.path().join("envois/notes.xlsx"),
        "pas un classeur",
    )
    .unwrap();
    let table = setup.ctg_ok(IMPORTED, &["collect", "status", "envois"]);
    assert!(
        table.contains("envois/notes.xlsx : illisible comme classeur"),
        "{table}"
    );
}

#[test]
fn a_workbook_keeps_the_language_it_was_exported_in() {
    let setup = Setup::new();
    crate::support::ctg()
        .current_dir(setup.dir.path())
        .args(["--plan", "plan", "--today", EXPORTED, "--lang", "en"])
        .args([
            "-o", "envois", "collect", "export", "--actor", "RPE", "--force",
        ])
        .assert()
        .success();
    let rpe = setup.workbook("rpe");
    let row = row_of(&rpe, Sheet::Actions, "6");
    fill(&rpe, Sheet::Actions, 'G', row, Typed::Text("in progress"));
    let name = format!("envois/suivi-rpe-{EXPORTED}.xlsx");
    let out = setup.ctg_ok(IMPORTED, &["collect", "import", &name]);
    assert!(
        out.contains("action 6 : statut à engager → en cours"),
        "{out}"
    );
    let six =
        std::fs::read_to_string(setup.plan().join("actions/06-communication-rpe.toml")).unwrap();
    assert!(six.contains("status = \"in-progress\""));
    // The journal speaks the coordinator's language, not the workbook's.
    assert!(
        six.contains("Statut « en cours » signalé dans le classeur de suivi du 02/11/2026"),
        "{six}"
    );
}
