//! Where the commands of `docs/guide.md` start from. The guide is played and
//! its outputs compared like every other page (`docs.rs`); its examples
//! follow a member of staff through a working day, on their own plan.

use std::fs;

use crate::docs::{Scenario, copy_into, empty};
use crate::support::repo;

/// The date every example of the guide was produced on.
const TODAY: &str = "2026-01-15";

/// The repository the guide starts from, as its opening comment says: the
/// demo plan in `plan/`, the annual report script in `examples/`,
/// `.ctg.lock` ignored, all committed and tagged `copil-2025`; the date of
/// the guide, a French locale.
pub fn scenario() -> Scenario {
    let scenario = empty(Some(TODAY), Some("fr_FR.UTF-8"));
    let dir = scenario.dir.path();
    copy_into(&scenario, "examples/demo", "plan");
    fs::create_dir(dir.join("examples")).unwrap();
    fs::copy(
        repo().join("examples/annual-report.sh"),
        dir.join("examples/annual-report.sh"),
    )
    .unwrap();
    fs::write(dir.join(".gitignore"), ".ctg.lock\n").unwrap();
    scenario.prepare(&["git", "init", "-q", "-b", "main"]);
    scenario.prepare(&["git", "add", "."]);
    scenario.prepare(&[
        "git",
        "commit",
        "-q",
        "-m",
        "Plan présenté au comité de pilotage 2025",
    ]);
    scenario.prepare(&["git", "tag", "copil-2025"]);
    scenario
}

/// Section 5 of the guide: the same repository after two slips typed by hand
/// in action 2, the status written in French and a modality given a date of
/// completion without its status.
pub fn typos() -> Scenario {
    let scenario = scenario();
    let path = scenario
        .dir
        .path()
        .join("plan/actions/02-lieu-ressource.toml");
    let text = fs::read_to_string(&path).unwrap();
    let typed = text
        .replacen("status = \"in-progress\"\n", "status = \"en cours\"\n", 1)
        .replacen(
            "text = \"Aménagement\"\nstatus = \"in-progress\"\n",
            "text = \"Aménagement\"\nstatus = \"in-progress\"\ndone = 2025-12-10\n",
            1,
        );
    assert_eq!(typed.matches("en cours").count(), 1);
    assert!(typed.contains("done = 2025-12-10"));
    fs::write(&path, typed).unwrap();
    scenario
}
