//! Random plans and random command lines through every command, through
//! the binary: no panic, no wait without end, and no exit code but 0
//! (done), 1 (the plan or the content is at fault) or 2 (the command line
//! is). The plans are the fixture plans with random damage (the mutations
//! of `property.rs`); the command lines mix fair values with hostile ones:
//! impossible dates and numbers, unknown ids and actors, titles with
//! control characters, outputs of every extension.

use std::fs;
use std::path::Path;

use proptest::prelude::*;

use super::PATIENCE;
use crate::property::{Mutation, mutate, mutation};
use crate::support::{bundled_plan, copy_plan, ctg, fixture};

const IDS: &[&str] = &[
    "1",
    "2",
    "3",
    "5",
    "20",
    "0",
    "21",
    "99999",
    "4294967296",
    "-1",
    "1.2",
    "2.1",
    "1.0",
    "3.99",
    "x",
    "",
];
const DATES: &[&str] = &[
    "2025-06-30",
    "2026-01-01",
    "2024-02-29",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31",
    "+10000-01-01",
    "-0001-01-01",
    "2025-1-1",
    "",
    "2025-06-30T00:00",
    "30/06/2025",
];
const TEXTS: &[&str] = &[
    "Atelier",
    "",
    " ",
    "\u{1b}[31mrouge\u{1b}[0m",
    "a\nb",
    "tab\there",
    "\r",
    "\u{202e}inversé",
    "\"quoted\" 'single' = [table] {x}",
    "# comment",
    "\u{7f}\u{1}\u{8}",
    "=HYPERLINK(\"x\")",
    "[[log]]\ndate = 2020-01-01",
    "\u{feff}bom",
    "<script>",
    "..",
];
const STATUSES: &[&str] = &[
    "done",
    "en cours",
    "in-progress",
    "réalisée",
    "abandoned",
    "nope",
    "",
];
const ACTORS: &[&str] = &["CCVA", "Communes", "EPE", "A", "B", "Z", "", "ccva"];
const NUMBERS: &[&str] = &[
    "1", "0", "-1", "1.5", "1,5", "NaN", "inf", "1e308", "-0", "x", "2024",
];
const FORMATS: &[&str] = &[
    "json", "csv", "md", "table", "html", "xlsx", "ids", "human", "txt", "x",
];
const EXTENSIONS: &[&str] = &["md", "json", "csv", "html", "xlsx", "txt", "toml", ""];

/// Picks from pools with a stream of random numbers.
struct Picker {
    numbers: Vec<u32>,
    at: usize,
}

impl Picker {
    fn next(&mut self) -> u32 {
        let number = self.numbers[self.at % self.numbers.len()].rotate_left(self.at as u32);
        self.at += 1;
        number
    }

    fn one(&mut self, pool: &[&str]) -> String {
        pool[self.next() as usize % pool.len()].to_string()
    }

    /// True one time in `n`.
    fn chance(&mut self, n: u32) -> bool {
        self.next().is_multiple_of(n)
    }

    /// `--flag VALUE` one time in `n`.
    fn option(&mut self, args: &mut Vec<String>, n: u32, flag: &str, pool: &[&str]) {
        if self.chance(n) {
            args.push(flag.to_string());
            args.push(self.one(pool));
        }
    }
}

/// One random command line for the plan at `plan`, outputs going to `out`.
fn command_line(pick: &mut Picker, plan: &Path, out: &Path) -> Vec<String> {
    let mut args = vec!["--plan".to_string(), plan.display().to_string()];
    args.push(format!("--today={}", pick.one(&DATES[..8])));
    args.push(format!("--lang={}", pick.one(&["fr", "en"])));
    if pick.chance(5) {
        let name = format!("out.{}", pick.one(EXTENSIONS));
        args.extend(["-o".to_string(), out.join(name).display().to_string()]);
    }
    if pick.chance(6) {
        args.push("--quiet".into());
    }
    let command = pick.next() % 14;
    let a = &mut args;
    match command {
        0 => {
            a.push("status".into());
            pick.option(a, 3, "--format", FORMATS);
            pick.option(a, 4, "--at", DATES);
        }
        1 => {
            a.push("check".into());
            pick.option(a, 3, "--format", FORMATS);
            pick.option(a, 5, "--deny", &["no-pilot", "x", "toml-syntax"]);
            pick.option(a, 6, "--explain", &["no-pilot", "nope", ""]);
        }
        2 => {
            a.push("list".into());
            pick.option(a, 3, "--status", STATUSES);
            pick.option(a, 3, "--pilot", ACTORS);
            pick.option(a, 4, "--text", TEXTS);
            pick.option(a, 4, "--due-before", DATES);
            pick.option(a, 3, "--format", FORMATS);
        }
        3 => {
            a.extend(["show".into(), pick.one(IDS)]);
            pick.option(a, 3, "--format", FORMATS);
        }
        4 => {
            a.push("pilots".into());
            pick.option(a, 3, "--format", FORMATS);
        }
        5..=7 => set_line(pick, a),
        8 => {
            a.extend(["log".into(), pick.one(IDS), pick.one(TEXTS)]);
            pick.option(a, 3, "--date", DATES);
            pick.option(a, 4, "--status", STATUSES);
            if pick.chance(3) {
                a.push("--dry-run".into());
            }
        }
        9 => {
            a.extend(["new".into(), "--axis".into(), pick.one(IDS)]);
            a.extend(["--title".into(), pick.one(TEXTS)]);
            pick.option(a, 3, "--pilot", ACTORS);
            pick.option(a, 3, "--due", DATES);
            pick.option(a, 3, "--modality", TEXTS);
            if pick.chance(3) {
                a.push("--dry-run".into());
            }
        }
        10 => {
            a.push("report".into());
            pick.option(a, 3, "--year", NUMBERS);
            if pick.chance(3) {
                a.extend([
                    "--from".into(),
                    pick.one(DATES),
                    "--to".into(),
                    pick.one(DATES),
                ]);
            }
            pick.option(a, 3, "--format", FORMATS);
        }
        11 => {
            a.extend(["portfolio".into(), plan.display().to_string()]);
            pick.option(a, 3, "--format", FORMATS);
        }
        12 => a.extend(["diff".into(), pick.one(&["HEAD", "v1", "", "--", "HEAD~9"])]),
        _ => {
            // Always inside `out`: a test never writes elsewhere.
            let dir = out.join(pick.one(&["new-plan", "", "a/b", "out.md"]));
            a.extend(["init".into(), dir.display().to_string()]);
            a.extend(["--territory".into(), pick.one(TEXTS)]);
            pick.option(a, 3, "--start", DATES);
            pick.option(a, 3, "--end", DATES);
        }
    }
    args
}

fn set_line(pick: &mut Picker, a: &mut Vec<String>) {
    a.extend(["set".into(), pick.one(IDS)]);
    pick.option(a, 3, "--status", STATUSES);
    pick.option(a, 4, "--due", DATES);
    pick.option(a, 5, "--start", DATES);
    pick.option(a, 5, "--title", TEXTS);
    pick.option(a, 6, "--short-title", TEXTS);
    pick.option(a, 4, "--add-pilot", ACTORS);
    pick.option(a, 4, "--remove-pilot", ACTORS);
    pick.option(a, 5, "--add-partner", ACTORS);
    pick.option(a, 5, "--remove-partner", ACTORS);
    pick.option(a, 4, "--done", DATES);
    pick.option(a, 5, "--note", TEXTS);
    if pick.chance(4) {
        for (flag, pool) in [
            ("--indicator", IDS),
            ("--year", NUMBERS),
            ("--value", NUMBERS),
        ] {
            a.extend([flag.to_string(), pick.one(pool)]);
        }
    }
    if pick.chance(3) {
        a.push("--dry-run".into());
    }
}

/// The fixture plans' files, one of which gets damaged.
fn damage(plan: &Path, which: usize, mutations: &[Mutation]) {
    let mut files = Vec::new();
    for folder in ["", "axes", "actions", "meetings"] {
        for entry in fs::read_dir(plan.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    let file = &files[which % files.len()];
    let text = fs::read_to_string(file).unwrap();
    fs::write(file, mutate(text, mutations)).unwrap();
}

proptest! {
    // 600 runs: about 10 seconds of a debug build on one core.
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_plans_and_command_lines_never_panic_and_exit_0_1_or_2(
        bundled in any::<bool>(),
        which in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 0..4),
        numbers in proptest::collection::vec(any::<u32>(), 8..24),
    ) {
        let source = if bundled { bundled_plan() } else { fixture("small") };
        let plan = copy_plan(&source);
        if !mutations.is_empty() {
            damage(plan.path(), which, &mutations);
        }
        let out = tempfile::tempdir().unwrap();
        let mut pick = Picker { numbers, at: 0 };
        for _ in 0..4 {
            let args = command_line(&mut pick, plan.path(), out.path());
            let output = ctg()
                .args(&args)
                .timeout(PATIENCE)
                .output()
                .map_err(|err| TestCaseError::fail(format!("{args:?} did not finish: {err}")))?;
            let stderr = String::from_utf8_lossy(&output.stderr);
            prop_assert!(!stderr.contains("panicked"), "{:?}: {}", args, stderr);
            prop_assert!(
                matches!(output.status.code(), Some(0..=2)),
                "{:?}: exit {:?}: {}", args, output.status.code(), stderr
            );
        }
    }
}
