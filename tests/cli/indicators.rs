//! `ctg indicator add`, and only finite numbers as an indicator's values.

use std::fs;
use std::path::Path;

use crate::support::{bundled_plan, copy_plan, ctg_fr};

fn run(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg_fr(plan, "2026-03-20", args)
}

fn file_of_action_2(plan: &Path) -> std::path::PathBuf {
    plan.join("actions/02-espace-ecoute-parents.toml")
}

#[test]
fn an_indicator_is_created_then_filled() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = file_of_action_2(plan);
    let before = fs::read_to_string(&file).unwrap();
    let missing = run(
        plan,
        &[
            "set",
            "2",
            "--indicator",
            "1",
            "--year",
            "2026",
            "--value",
            "41",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("ctg indicator add 2"),
        "the failure says how to create one"
    );
    let add = [
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
        "60,5",
    ];
    let dry = run(plan, &[&add[..], &["--dry-run"]].concat());
    assert!(dry.status.success());
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
    let out = run(plan, &add);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "action 2 : indicateur 1 « Familles accueillies » ajouté\n"
    );
    let after = fs::read_to_string(&file).unwrap();
    assert_eq!(
        after,
        format!(
            "{before}\n[[indicators]]\nname = \"Familles accueillies\"\nunit = \"familles\"\nbaseline = 30\ntarget = 60.5\ncreated = 2026-03-20\n"
        )
    );
    let set = run(
        plan,
        &[
            "set",
            "2",
            "--indicator",
            "1",
            "--year",
            "2026",
            "--value",
            "41,5",
        ],
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("values = { 2026 = 41.5 }")
    );
    let check = run(plan, &["check", "--deny-warnings"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn only_finite_numbers_are_values() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = file_of_action_2(plan);
    let added = run(plan, &["indicator", "add", "2", "--name", "Séances"]);
    assert!(added.status.success());
    let before = fs::read(&file).unwrap();
    for bad in ["NaN", "inf", "-inf", "infinity", "1e999", "4 1"] {
        let set = run(
            plan,
            &[
                "set",
                "2",
                "--indicator",
                "1",
                "--year",
                "2026",
                "--value",
                bad,
            ],
        );
        assert_eq!(set.status.code(), Some(2), "{bad}");
        // "-inf" is taken for an option by the command line: refused too.
        if !bad.starts_with('-') {
            assert!(String::from_utf8_lossy(&set.stderr).contains("n'est pas un nombre fini"));
        }
        let target = run(
            plan,
            &["indicator", "add", "2", "--name", "X", "--target", bad],
        );
        assert_eq!(target.status.code(), Some(2), "{bad}");
    }
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn a_yearly_value_is_removed() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let file = file_of_action_2(plan);
    let ok = |args: &[&str]| {
        let output = run(plan, args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    ok(&["indicator", "add", "2", "--name", "Familles"]);
    ok(&[
        "set",
        "2",
        "--indicator",
        "1",
        "--year",
        "2024",
        "--value",
        "41",
    ]);
    ok(&[
        "set",
        "2",
        "--indicator",
        "1",
        "--year",
        "2025",
        "--value",
        "45",
    ]);
    let out = ok(&[
        "set",
        "2",
        "--indicator",
        "1",
        "--year",
        "2024",
        "--remove-value",
    ]);
    assert_eq!(
        out,
        "action 2, indicateur « Familles » : valeur 2024 retirée\n"
    );
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .ends_with("values = { 2025 = 45 }\n")
    );
    let both = run(
        plan,
        &[
            "set",
            "2",
            "--indicator",
            "1",
            "--year",
            "2025",
            "--value",
            "1",
            "--remove-value",
        ],
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn yearly_targets_are_set_and_read_for_their_year() {
    let plan = copy_plan(&bundled_plan());
    let plan = plan.path();
    let add = run(
        plan,
        &[
            "indicator",
            "add",
            "2",
            "--name",
            "Familles accueillies",
            "--baseline",
            "10",
            "--target",
            "60",
            "--target-year",
            "2026",
        ],
    );
    assert!(add.status.success(), "{add:?}");
    let text = fs::read_to_string(file_of_action_2(plan)).unwrap();
    assert!(text.contains("targets = { 2026 = 60 }\n"), "{text}");
    for args in [
        &[
            "set",
            "2",
            "--indicator",
            "1",
            "--year",
            "2027",
            "--target",
            "80",
        ][..],
        &[
            "set",
            "2",
            "--indicator",
            "1",
            "--year",
            "2026",
            "--value",
            "35",
        ],
    ] {
        let output = run(plan, args);
        assert!(output.status.success(), "{args:?}: {output:?}");
    }
    let text = fs::read_to_string(file_of_action_2(plan)).unwrap();
    assert!(
        text.contains("targets = { 2026 = 60, 2027 = 80 }\n"),
        "{text}"
    );
    let check = run(plan, &["check", "--deny-warnings"]);
    assert!(check.status.success(), "{check:?}");
    let report = run(plan, &["report", "--year", "2026", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let indicator = &report["axes"][0]["actions"][1]["indicators"][0];
    assert_eq!(indicator["target"], 60.0, "{indicator}");
    assert_eq!(indicator["to_target"], 0.5, "(35 - 10) / (60 - 10)");
    let show = run(plan, &["show", "2", "--format", "json"]);
    let show: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(
        show["indicators"][0]["targets"],
        serde_json::json!({"2026": 60.0, "2027": 80.0})
    );
}
