//! Every TOML syntax error is a `toml-syntax` diagnostic at its place,
//! whichever key it sits in (item 5): the invalid values of
//! `tests/fixtures/invalid-values.txt` in every key of every kind of file,
//! and the invalid documents of the TOML conformance suite as every kind
//! of file.

use std::fs;
use std::path::Path;

use ctg::i18n::Lang;
use ctg::load::{fields_of, from_sources};
use ctg::source::{FileKind, SourceFile, SourceSet};

use super::{run_in, stderr};
use crate::support::{bundled_plan, copy_plan, fixture, repo};

const KINDS: [FileKind; 4] = [
    FileKind::Convention,
    FileKind::Axis,
    FileKind::Action,
    FileKind::Meeting,
];

/// The codes and lines of the diagnostics of one file, read alone.
fn diagnostics(kind: FileKind, text: &str) -> Vec<(&'static str, Option<usize>)> {
    let mut sources = SourceSet::empty();
    sources.push(SourceFile::new("x.toml".into(), text.into()), kind);
    let mut diags = Vec::new();
    let plan = from_sources(Path::new("plan"), sources, Lang::En, &mut diags);
    diags
        .iter()
        .map(|d| {
            let line = d
                .span
                .as_ref()
                .and_then(|span| plan.sources.file(span.file()).line_col(span.range().start))
                .map(|(line, _)| line);
            (d.code(), line)
        })
        .collect()
}

/// The lines a file of `kind` needs, by table path, with the key of each.
fn skeleton(kind: FileKind) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    match kind {
        FileKind::Convention => vec![
            (
                "",
                vec![
                    ("schema", "schema = 1"),
                    ("name", "name = \"n\""),
                    ("territory", "territory = \"t\""),
                ],
            ),
            (
                "actors.*",
                vec![("", "[actors.A]"), ("name", "name = \"a\"")],
            ),
            (
                "bodies.*",
                vec![
                    ("", "[bodies.copil]"),
                    ("name", "name = \"c\""),
                    ("per_year", "per_year = 1"),
                ],
            ),
        ],
        FileKind::Axis => vec![("", vec![("id", "id = 1"), ("title", "title = \"t\"")])],
        FileKind::Action => vec![
            (
                "",
                vec![
                    ("id", "id = 1"),
                    ("axis", "axis = 1"),
                    ("title", "title = \"t\""),
                ],
            ),
            (
                "modalities[]",
                vec![("", "[[modalities]]"), ("text", "text = \"m\"")],
            ),
            (
                "indicators[]",
                vec![("", "[[indicators]]"), ("name", "name = \"i\"")],
            ),
            (
                "log[]",
                vec![
                    ("", "[[log]]"),
                    ("date", "date = 2025-01-01"),
                    ("note", "note = \"n\""),
                ],
            ),
        ],
        FileKind::Meeting => vec![(
            "",
            vec![
                ("body", "body = \"copil\""),
                ("date", "date = 2025-01-01"),
                ("title", "title = \"t\""),
            ],
        )],
    }
}

/// A file of `kind` whose `key` in the table at `path` is `line`
/// (replacing the skeleton's own line for it), and the line number it is on.
fn file_with(kind: FileKind, path: &str, key: &str, line: &str) -> (String, usize) {
    let mut text = String::new();
    let mut at = 0;
    for (table, lines) in skeleton(kind) {
        // The key given a value here is no table of its own any more.
        let own_table = table
            .strip_prefix(key)
            .is_some_and(|rest| rest == ".*" || rest == "[]");
        if path.is_empty() && own_table {
            continue;
        }
        for (name, skeleton_line) in &lines {
            if table == path && *name == key {
                continue;
            }
            text.push_str(skeleton_line);
            text.push('\n');
        }
        if table == path {
            text.push_str(line);
            text.push('\n');
            at = text.lines().count();
        }
    }
    (text, at)
}

fn invalid_values() -> Vec<String> {
    fs::read_to_string(fixture("invalid-values.txt"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("# ") && !line.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_invalid_value_in_every_key_of_every_kind_of_file_is_a_syntax_error_on_its_line() {
    let values = invalid_values();
    assert!(values.len() > 40, "the list of invalid values is missing");
    let mut runs = 0;
    let mut wrong = Vec::new();
    for kind in KINDS {
        for (path, fields) in fields_of(kind) {
            for field in fields {
                for value in &values {
                    // Bare, in an array, in an inline table: wherever a value goes.
                    for line in [
                        format!("{} = {value}", field.key),
                        format!("{} = [{value}]", field.key),
                        format!("{} = {{ x = {value} }}", field.key),
                    ] {
                        let (text, at) = file_with(kind, path, field.key, &line);
                        let found = diagnostics(kind, &text);
                        runs += 1;
                        let right = found.iter().all(|(code, _)| *code == "toml-syntax")
                            && found.contains(&("toml-syntax", Some(at)));
                        if !right {
                            wrong.push(format!("{kind:?} {path} `{line}`: {found:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(runs > 5_000, "{runs} runs only");
    assert!(
        wrong.is_empty(),
        "{} of {runs}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_invalid_document_of_the_conformance_suite_is_a_syntax_error_in_every_kind_of_file() {
    let corpus = repo().join("tests/data/toml-invalid");
    let mut wrong = Vec::new();
    let mut documents = 0;
    for entry in fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        documents += 1;
        let bytes = fs::read(&path).unwrap();
        // A document that is not UTF-8 is refused before TOML is parsed.
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        // As `source` reads it: one byte order mark dropped.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let lines = text.split('\n').count();
        for kind in KINDS {
            let found = diagnostics(kind, text);
            let right = found
                .iter()
                .any(|(code, line)| *code == "toml-syntax" && line.is_some_and(|l| l <= lines));
            if !right {
                wrong.push(format!("{} as {kind:?}: {found:?}", path.display()));
            }
        }
    }
    assert!(documents > 400, "the corpus is missing");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_six_documents_once_accepted_are_refused_as_syntax_errors() {
    let plan = copy_plan(&bundled_plan());
    let six = [
        "integer--incomplete-hex",
        "integer--incomplete-bin",
        "integer--incomplete-oct",
        "integer--arabic-zero-02",
        "encoding--bom-not-at-start-02",
        "encoding--bom-not-at-start-03",
    ];
    for name in six {
        let document = repo()
            .join("tests/data/toml-invalid")
            .join(format!("{name}.toml"));
        fs::copy(document, plan.path().join(format!("actions/{name}.toml"))).unwrap();
    }
    let output = run_in(plan.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for name in six {
        let file = format!("actions/{name}.toml");
        let syntax =
            found.as_array().unwrap().iter().any(|d| {
                d["code"] == "toml-syntax" && d["file"] == file.as_str() && d["line"] == 1
            });
        assert!(syntax, "{name}: {found:#}");
    }
}

#[test]
fn a_malformed_number_in_a_known_key_is_a_syntax_error_and_edits_say_so() {
    let indicator = "\n[[indicators]]\nname = \"Familles\"\n";
    for addition in [
        format!("{indicator}baseline = 0x\n"),
        format!("{indicator}values = {{2024 = 0x}}\n"),
    ] {
        let plan = copy_plan(&bundled_plan());
        let file = plan.path().join("actions/01-relance-parentalite.toml");
        let mut text = fs::read_to_string(&file).unwrap();
        text.push_str(&addition);
        let line = text.lines().count();
        fs::write(&file, text).unwrap();
        let check = run_in(plan.path(), &["check"]);
        let told = stderr(&check);
        assert_eq!(check.status.code(), Some(1), "{told}");
        assert!(told.contains("error[toml-syntax]"), "{told}");
        assert!(
            told.contains(&format!("actions/01-relance-parentalite.toml:{line}:")),
            "{told}"
        );
        let log = run_in(plan.path(), &["log", "1", "x"]);
        let told = stderr(&log);
        assert_eq!(log.status.code(), Some(1), "{told}");
        assert!(told.contains("error[toml-syntax]"), "{told}");
        assert!(!told.contains("no action 1"), "{told}");
    }
    let plan = copy_plan(&bundled_plan());
    let file = plan.path().join("actions/01-relance-parentalite.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("id = 1\n", "id = 0x\n");
    fs::write(&file, text).unwrap();
    let check = run_in(plan.path(), &["check"]);
    let told = stderr(&check);
    assert!(told.contains("error[toml-syntax]"), "{told}");
    assert!(!told.contains("out-of-range"), "{told}");
}
