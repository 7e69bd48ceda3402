//! Layouts that fit: `status`, `list`, `pilots`, `portfolio` and `show` on a
//! plan using all six statuses (`tests/fixtures/six-statuses`), at 60, 80,
//! 100, 120 and 200 columns. Each output is compared with its snapshot,
//! `tests/cli/snapshots/COMMAND-WIDTH.txt`; `CTG_BLESS=1 cargo test --test
//! cli widths` rewrites the snapshots from the real outputs (read the diff).
//! Whatever the snapshots say, no line may be wider than the width, and no
//! number may be cut.

use std::fs;
use std::path::{Path, PathBuf};

use similar::TextDiff;
use unicode_width::UnicodeWidthStr;

use crate::support::{copy_plan, ctg, fixture, json_of, repo, stdout_of};

const WIDTHS: [usize; 5] = [60, 80, 100, 120, 200];
const TODAY: &str = "2025-06-30";

fn six_statuses() -> PathBuf {
    fixture("six-statuses")
}

/// `ctg --width WIDTH ARGS` in French on the fixed day, without colours.
fn run(width: usize, args: &[&str]) -> String {
    stdout_of(
        ctg()
            .args(["--today", TODAY, "--lang", "fr", "--color", "never"])
            .args(["--width", &width.to_string()])
            .args(args),
    )
}

fn snapshot(name: &str) -> PathBuf {
    repo()
        .join("tests/cli/snapshots")
        .join(format!("{name}.txt"))
}

/// Compares `output` with the snapshot `name`, or rewrites it under
/// `CTG_BLESS`; returns a problem to report, if any.
fn compare(name: &str, output: &str) -> Option<String> {
    let path = snapshot(name);
    if std::env::var_os("CTG_BLESS").is_some() {
        fs::write(&path, output).unwrap();
        return None;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    (expected != output).then(|| {
        let diff = TextDiff::from_lines(&expected, output);
        format!(
            "{name}: the output differs from {} (CTG_BLESS=1 cargo test --test cli widths rewrites it)\n{}",
            path.display(),
            diff.unified_diff().header("snapshot", "output")
        )
    })
}

/// Lines wider than `width`, and numbers cut: a digit right before "…".
fn misfits(name: &str, output: &str, width: usize) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in output.lines().enumerate() {
        let columns = line.width();
        if columns > width {
            found.push(format!("{name}:{}: {columns} columns: {line}", number + 1));
        }
        let chars: Vec<char> = line.chars().collect();
        if chars
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && w[1] == '…')
        {
            found.push(format!("{name}:{}: a number cut: {line}", number + 1));
        }
    }
    found
}

/// Runs `args` at every width and checks every output.
fn at_every_width(command: &str, args: &[&str]) {
    let mut problems = Vec::new();
    for width in WIDTHS {
        let name = format!("{command}-{width}");
        let output = run(width, args);
        problems.extend(misfits(&name, &output, width));
        problems.extend(compare(&name, &output));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn status_at_every_width() {
    let plan = six_statuses();
    at_every_width("status", &["--plan", plan.to_str().unwrap(), "status"]);
}

#[test]
fn list_at_every_width() {
    let plan = six_statuses();
    at_every_width("list", &["--plan", plan.to_str().unwrap(), "list"]);
}

#[test]
fn pilots_at_every_width() {
    let plan = six_statuses();
    at_every_width("pilots", &["--plan", plan.to_str().unwrap(), "pilots"]);
}

#[test]
fn show_at_every_width() {
    let plan = six_statuses();
    at_every_width("show", &["--plan", plan.to_str().unwrap(), "show", "13"]);
}

/// A folder of three plans: six statuses, the small fixture, and a broken one.
fn plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, from) in [
        ("essai", "six-statuses"),
        ("exemple", "small"),
        ("casse", "broken"),
    ] {
        let plan = copy_plan(&fixture(from));
        fs::rename(plan.keep(), dir.path().join(name)).unwrap();
    }
    dir
}

#[test]
fn portfolio_at_every_width() {
    let dir = plans();
    let mut problems = Vec::new();
    for width in WIDTHS {
        let name = format!("portfolio-{width}");
        let output = ctg()
            .args(["--today", TODAY, "--lang", "fr", "--color", "never"])
            .args(["--width", &width.to_string(), "portfolio"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "a plan is broken");
        let output = String::from_utf8(output.stdout).unwrap();
        problems.extend(misfits(&name, &output, width));
        problems.extend(compare(&name, &output));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The cells of the rows of the first table of `output`, header lines left
/// out.
fn body_rows(output: &str) -> Vec<Vec<String>> {
    output
        .lines()
        .skip_while(|line| !line.starts_with('╞'))
        .take_while(|line| !line.starts_with('└'))
        .filter(|line| line.starts_with('│'))
        .map(|line| {
            let inner = line.trim_start_matches('│').trim_end_matches('│');
            inner
                .split('┆')
                .map(|cell| cell.trim().to_string())
                .collect()
        })
        .collect()
}

/// The measure: at 80 columns, one line per axis and the total,
/// every figure whole, every theme whole or ended with "…".
#[test]
fn status_at_80_columns_is_one_line_per_axis() {
    let plan = six_statuses();
    let json = json_of(
        ctg()
            .args(["--today", TODAY, "--plan"])
            .arg(&plan)
            .args(["status", "--format", "json"]),
    );
    let by_status = &json["totals"]["by_status"];
    for status in [
        "planned",
        "in-progress",
        "blocked",
        "postponed",
        "done",
        "abandoned",
    ] {
        assert!(by_status[status].as_u64().unwrap() > 0, "{status} unused");
    }
    let table = run(80, &["--plan", plan.to_str().unwrap(), "status"]);
    let rows = body_rows(&table);
    let axes = json["axes"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        axes.len() + 1,
        "one line per axis and the total:\n{table}"
    );
    for (row, axis) in rows.iter().zip(axes) {
        assert_eq!(row[0], axis["id"].to_string(), "{table}");
        let label = axis["theme"].as_str().or(axis["title"].as_str()).unwrap();
        let shown = row[1].trim_end_matches('…');
        assert!(
            row[1] == label || (row[1].ends_with('…') && label.starts_with(shown)),
            "theme `{}` for `{label}`:\n{table}",
            row[1]
        );
        let done = axis["modalities_done"].to_string();
        let total = axis["modalities_total"].to_string();
        assert!(row.contains(&format!("{done}/{total}")), "{table}");
    }
    assert_eq!(misfits("status-80", &table, 80), Vec::<String>::new());
}

/// Scripts read the table in a pipe: without `--width` nor `COLUMNS`, the
/// layout is the one of 100 columns, whatever the terminal.
#[test]
fn a_pipe_gets_100_columns_and_columns_is_obeyed() {
    let plan = six_statuses();
    let args = [
        "--today", TODAY, "--lang", "fr", "--color", "never", "--plan",
    ];
    let piped = stdout_of(ctg().args(args).arg(&plan).arg("status"));
    assert_eq!(
        piped,
        run(100, &["--plan", plan.to_str().unwrap(), "status"])
    );
    let columns = stdout_of(
        ctg()
            .env("COLUMNS", "80")
            .args(args)
            .arg(&plan)
            .arg("status"),
    );
    assert_eq!(
        columns,
        run(80, &["--plan", plan.to_str().unwrap(), "status"])
    );
    let asked = stdout_of(
        ctg()
            .env("COLUMNS", "80")
            .args(args)
            .arg(&plan)
            .args(["--width", "120", "status"]),
    );
    assert_eq!(
        asked,
        run(120, &["--plan", plan.to_str().unwrap(), "status"])
    );
}

/// Machine formats do not depend on the width.
#[test]
fn csv_json_and_ids_ignore_the_width() {
    let plan = six_statuses();
    for format in ["csv", "json", "ids"] {
        let at = |width: usize| {
            run(
                width,
                &["--plan", plan.to_str().unwrap(), "list", "--format", format],
            )
        };
        assert_eq!(at(60), at(200), "{format}");
    }
}

#[test]
fn a_width_below_20_is_refused() {
    ctg()
        .args(["--width", "10", "schema", "action"])
        .assert()
        .code(2);
}

/// Snapshots are files of this folder; a stray one would go unchecked.
#[test]
fn every_snapshot_is_checked() {
    let dir: &Path = &repo().join("tests/cli/snapshots");
    let expected: Vec<String> = ["status", "list", "pilots", "show", "portfolio"]
        .iter()
        .flat_map(|c| WIDTHS.map(|w| format!("{c}-{w}.txt")))
        .collect();
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".txt") {
            assert!(
                expected.contains(&name),
                "{name} is no snapshot of widths.rs"
            );
        }
    }
}
