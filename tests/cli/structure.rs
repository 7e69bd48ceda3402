//! Modalities added, reworded, piloted and abandoned; an action moved to
//! another axis: from the command line, checked before written.

use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg_fr, ctg_fr_ok};

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg_fr(plan, "2026-03-20", args)
}

fn ok(plan: &Path, args: &[&str]) -> String {
    ctg_fr_ok(plan, "2026-03-20", args)
}

fn no_pilot(plan: &Path) -> Vec<String> {
    ok(plan, &["list", "--no-pilot", "--format", "ids"])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn an_action_led_modality_by_modality_needs_a_pilot_while_one_has_none() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    assert!(no_pilot(plan).contains(&"18".to_string()));
    let out = ok(plan, &["set", "18.1", "--add-pilot", "CCVA"]);
    assert_eq!(out, "action 18, modalité 1 : CCVA ajouté aux pilotes\n");
    ok(plan, &["set", "18.2", "--add-pilot", "Communes"]);
    assert!(
        no_pilot(plan).contains(&"18".to_string()),
        "modality 3 has none"
    );
    ok(
        plan,
        &[
            "set",
            "18.3",
            "--add-pilot",
            "CCVA",
            "--add-pilot",
            "Communes",
        ],
    );
    assert!(!no_pilot(plan).contains(&"18".to_string()));
    // A new modality without a pilot: the action needs one again, until
    // that modality is abandoned.
    let out = ok(plan, &["modality", "add", "18", "Fête des associations"]);
    assert_eq!(
        out,
        "action 18 : modalité 4 « Fête des associations » ajoutée\n"
    );
    assert!(no_pilot(plan).contains(&"18".to_string()));
    ok(plan, &["set", "18.4", "--status", "abandonnée"]);
    assert!(!no_pilot(plan).contains(&"18".to_string()));
    let text = fs::read_to_string(plan.join("actions/18-animations-locales.toml")).unwrap();
    assert!(
        text.ends_with("[[modalities]]\ntext = \"Fête des associations\"\ncreated = 2026-03-20\nstatus = \"abandoned\"\n"),
        "{text}"
    );
    ok(plan, &["set", "18.3", "--remove-pilot", "Communes"]);
    let unknown = run(plan, &["set", "18.3", "--add-pilot", "Personne"]);
    assert_eq!(unknown.status.code(), Some(1));
    ok(plan, &["check", "--deny-warnings"]);
}

#[test]
fn a_modality_is_reworded_and_an_action_moved() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = plan.join("actions/04-faire-connaitre-parentalite.toml");
    let before = fs::read_to_string(&file).unwrap();
    let out = ok(
        plan,
        &[
            "set",
            "4.2",
            "--text",
            "Diffusion mutualisée des informations",
        ],
    );
    assert_eq!(
        out,
        "action 4, modalité 2 : reformulée « Diffusion mutualisée des informations »\n"
    );
    let out = ok(plan, &["set", "4", "--axis", "2"]);
    assert_eq!(out, "action 4 : axe 1 → 2\n");
    let after = fs::read_to_string(&file).unwrap();
    let expected = before.replace("axis = 1\n", "axis = 2\n").replace(
        "text = \"Diffusion des informations de manière mutualisée et centralisée\"",
        "text = \"Diffusion mutualisée des informations\"",
    );
    assert_eq!(after, expected);
    let no_axis = run(plan, &["set", "4", "--axis", "9"]);
    assert_eq!(no_axis.status.code(), Some(1));
    let text_on_action = run(plan, &["set", "4", "--text", "x"]);
    assert_eq!(text_on_action.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&file).unwrap(), expected);
    ok(plan, &["check", "--deny-warnings"]);
}

#[test]
fn the_convention_s_dates_and_caf_are_set() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = plan.join("ctg.toml");
    let before = fs::read_to_string(&file).unwrap();
    let dry = ok(
        plan,
        &["convention", "set", "--start", "2024-01-01", "--dry-run"],
    );
    assert!(dry.contains("+start = 2024-01-01"), "{dry}");
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
    let out = ok(
        plan,
        &[
            "convention",
            "set",
            "--start",
            "2024-01-01",
            "--end",
            "31/12/2027",
            "--adopted",
            "14/12/2023",
        ],
    );
    assert_eq!(
        out,
        "convention : adoption — → 14/12/2023\nconvention : début — → 01/01/2024\nconvention : fin — → 31/12/2027\n"
    );
    let after = fs::read_to_string(&file).unwrap();
    let transmitted = "transmitted = 2023-12-21  # « Envoyé en préfecture le 21/12/2023 »\n";
    assert_eq!(
        after,
        before.replace(
            transmitted,
            &format!("{transmitted}adopted = 2023-12-14\nstart = 2024-01-01\nend = 2027-12-31\n")
        )
    );
    // A start after the end is refused, nothing written.
    let inverted = run(plan, &["convention", "set", "--start", "2028-01-01"]);
    assert_eq!(inverted.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&file).unwrap(), after);
    let out = ok(plan, &["convention", "set", "--caf", "Caf 31"]);
    assert_eq!(
        out,
        "convention : Caf « Caf de la Haute-Garonne » → « Caf 31 »\n"
    );
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("caf = \"Caf 31\"  # département 031 dans l'identifiant de l'acte\n")
    );
    ok(plan, &["check", "--deny-warnings"]);
}

#[test]
fn a_modality_that_others_follow_is_removed_only_with_force() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = plan.join("actions/18-animations-locales.toml");
    let before = fs::read(&file).unwrap();
    let refused = run(plan, &["modality", "remove", "18.2"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(fs::read(&file).unwrap(), before);
    // The last one goes: added and removed, the file is as it was.
    ok(plan, &["modality", "add", "18", "Essai"]);
    let out = ok(plan, &["modality", "remove", "18.4"]);
    assert_eq!(out, "action 18 : modalité 4 « Essai » retirée\n");
    assert_eq!(fs::read(&file).unwrap(), before);
    ok(plan, &["modality", "remove", "18.1", "--force"]);
    let text = fs::read_to_string(&file).unwrap();
    assert!(!text.contains("État des lieux"), "{text}");
    assert_eq!(text.matches("[[modalities]]").count(), 2);
    ok(plan, &["check", "--deny-warnings"]);
}
