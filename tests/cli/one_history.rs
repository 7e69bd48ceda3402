//! One history: `ctg status --at D` and the report of a period ending on D
//! read the plan through the same `rewind_to`, so they agree on every figure,
//! whatever happened after D (abandonments, modalities done, entries
//! written later but dated earlier).

use std::fs;

use serde_json::Value;

use crate::support::{copy_plan, ctg, fixture, json_of};

/// An action in progress during 2024, abandoned in 2026, with modalities
/// done in 2024 and 2025, one added later and never done, and a journal
/// entry written last but dated first.
const LATER_ABANDONED: &str = r#"id = 4
axis = 2
title = "Action abandonnée plus tard"
status = "abandoned"
pilots = ["B"]

[[modalities]]
text = "Faite en 2024"
status = "done"
done = 2024-05-01

[[modalities]]
text = "Faite en 2025"
status = "done"
done = 2025-09-01

[[modalities]]
text = "Ajoutée ensuite"

[[log]]
date = 2024-02-01
note = "Lancement"
status = "in-progress"

[[log]]
date = 2026-03-01
note = "Abandon décidé en comité"
status = "abandoned"

[[log]]
date = 2024-01-10
note = "Réunion préparatoire, notée après coup"
"#;

/// Action 5, blocked today, was in progress until mid-2025 and had its
/// second modality done late in 2025.
const LATER_BLOCKED: &str = r#"id = 5
axis = 2
title = "Coordonner les acteurs jeunesse"
status = "blocked"
pilots = ["B"]
partners = ["A"]

[[modalities]]
text = "Réunion des acteurs"
status = "done"
done = 2024-11-15

[[modalities]]
text = "Projets communs"
status = "done"
done = 2025-10-01

[[log]]
date = 2024-03-01
note = "Lancement"
status = "in-progress"

[[log]]
date = 2025-07-01
note = "Bloquée faute de salle"
status = "blocked"
"#;

fn run(plan: &std::path::Path, args: &[&str]) -> Value {
    json_of(
        ctg()
            .arg("--plan")
            .arg(plan)
            .args(["--today", "2026-11-28", "--lang", "en"])
            .args(args),
    )
}

#[test]
fn status_at_a_day_and_the_report_ending_that_day_agree_on_every_figure() {
    let plan = copy_plan(&fixture("small"));
    let actions = plan.path().join("actions");
    fs::write(actions.join("04-abandon.toml"), LATER_ABANDONED).unwrap();
    fs::write(actions.join("05-bloquee.toml"), LATER_BLOCKED).unwrap();
    for day in [
        "2024-06-30",
        "2024-12-31",
        "2025-08-31",
        "2025-12-31",
        "2026-06-30",
    ] {
        let status = run(plan.path(), &["status", "--at", day, "--format", "json"]);
        let year = &day[..4];
        let from = format!("{year}-01-01");
        let report = run(
            plan.path(),
            &["report", "--from", &from, "--to", day, "--format", "json"],
        );
        let (totals, summary) = (&status["totals"], &report["summary"]);
        let same = |a: &Value, b: &Value, what: &str| {
            assert_eq!(a, b, "{what} on {day}: status --at {a} but report {b}")
        };
        same(&totals["actions"], &summary["actions"], "actions");
        same(&totals["by_status"], &summary["by_status_end"], "statuses");
        same(&totals["progress"], &summary["progress_end"], "progress");
        same(
            &totals["modalities_done"],
            &summary["modalities_done_end"],
            "modalities done",
        );
        same(
            &totals["modalities_total"],
            &summary["modalities_total"],
            "modalities counted",
        );
        let axes = status["axes"].as_array().unwrap();
        let report_axes = report["axes"].as_array().unwrap();
        assert_eq!(axes.len(), report_axes.len());
        for (axis, reported) in axes.iter().zip(report_axes) {
            same(
                &axis["progress"],
                &reported["progress_end"],
                "axis progress",
            );
            same(
                &axis["actions"],
                &Value::from(reported["actions"].as_array().unwrap().len()),
                "axis actions",
            );
        }
    }
}

#[test]
fn an_action_abandoned_later_still_counts_on_the_days_it_was_open() {
    let plan = copy_plan(&fixture("small"));
    let actions = plan.path().join("actions");
    fs::write(actions.join("04-abandon.toml"), LATER_ABANDONED).unwrap();
    fs::write(actions.join("05-bloquee.toml"), LATER_BLOCKED).unwrap();
    let report = run(
        plan.path(),
        &["report", "--year", "2024", "--format", "json"],
    );
    let axis = &report["axes"][1];
    let action = axis["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == 4)
        .unwrap();
    assert_eq!(action["status_end"], "in-progress");
    // Axis 2 at the end of 2024: action 3 at 0, action 4 at 1/3 (its third
    // modality counts though added later), action 5 at 1/2: mean 0.2778.
    assert_eq!(axis["progress_end"], 0.2778, "{axis}");
    let status = run(
        plan.path(),
        &["status", "--at", "2024-12-31", "--format", "json"],
    );
    assert_eq!(status["axes"][1]["progress"], 0.2778);
}
