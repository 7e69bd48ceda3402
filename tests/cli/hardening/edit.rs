//! Edits: no panic on a year TOML cannot write (item 7).

use std::path::Path;

use super::{run_in, snapshot, stderr};
use crate::support::{bundled_plan, copy_plan};

#[test]
fn dates_beyond_four_digit_years_are_usage_errors_not_panics() {
    let plan = copy_plan(&bundled_plan());
    let before = snapshot(plan.path());
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh");
    let fresh = fresh.to_str().unwrap();
    for args in [
        &["set", "1", "--due", "+10000-01-01"][..],
        &["--today=+10000-01-01", "log", "1", "x"],
        &["log", "1", "x", "--date", "+10000-01-01"],
        &["set", "1.1", "--done", "+10000-01-01"],
        &["set", "1", "--start=-0001-01-01"],
        &[
            "new",
            "--axis",
            "1",
            "--title",
            "X",
            "--due",
            "+10000-01-01",
        ],
        &["--today", "+262143-12-31", "status"],
        &[
            "init",
            fresh,
            "--territory",
            "X",
            "--start",
            "+10000-01-01",
            "--end",
            "+10001-01-01",
        ],
    ] {
        let output = run_in(plan.path(), args);
        let text = stderr(&output);
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains("is not a date"), "{args:?}: {text}");
    }
    assert_eq!(snapshot(plan.path()), before);
    assert!(!Path::new(fresh).exists());
}
