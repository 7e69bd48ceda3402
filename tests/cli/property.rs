//! Property test: mutated plan files thrown at the loader, the checker and
//! both renderers, in process. Nothing may panic, every diagnostic must point
//! inside its file, and the work must stay bounded.

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;

use ctg::check::check;
use ctg::i18n::Lang;
use ctg::load::from_sources;
use ctg::render::diagnostics::{render_human, to_json};
use ctg::source::{FileKind, SourceFile, SourceSet};

const CONVENTION: &str = include_str!("../../plan/ctg.toml");
const AXIS: &str = include_str!("../../plan/axes/1-parentalite.toml");
const ACTION: &str = include_str!("../../plan/actions/04-faire-connaitre-parentalite.toml");
const MEETING: &str = include_str!("../../plan/meetings/2023-11-30-copil.toml");
const RICH_ACTION: &str = include_str!("../fixtures/small/actions/02-ecoute.toml");

/// Pieces that matter to a TOML parser and to the rules.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "=",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "\\",
    "\n",
    "\r\n",
    "#",
    ",",
    ".",
    "[[log]]\n",
    "[[modalities]]\n",
    "[actors.X]\n",
    "date = 2024-02-30\n",
    "status = \"done\"\n",
    "id = 1\n",
    "axis = 99\n",
    "pilots = [\"Z\"]\n",
    "values = { 2024 = 1 }\n",
    "é",
    "\u{feff}",
    "1979-05-27T07:32:00Z",
    "inf",
    "nan",
    "0x7f",
    "-0",
    "9999999999999999999999",
];

#[derive(Debug, Clone)]
pub(crate) enum Mutation {
    Insert(usize, usize),
    Delete(usize, usize),
    DuplicateLine(usize),
    Truncate(usize),
    LongString(usize, usize),
}

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert(at, token)),
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Mutation::Delete(at, len)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..20_000).prop_map(|(at, len)| Mutation::LongString(at, len)),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(crate) fn mutate(mut text: String, mutations: &[Mutation]) -> String {
    for mutation in mutations {
        match *mutation {
            Mutation::Insert(at, token) => {
                let at = boundary(&text, at);
                text.insert_str(at, TOKENS[token]);
            }
            Mutation::Delete(at, len) => {
                let start = boundary(&text, at);
                let end = boundary(&text, start + len.min(text.len() - start));
                text.replace_range(start..end.max(start), "");
            }
            Mutation::DuplicateLine(at) => {
                let lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let line = lines[at % lines.len()].to_string();
                    text.push('\n');
                    text.push_str(&line);
                }
            }
            Mutation::Truncate(at) => {
                let at = boundary(&text, at);
                text.truncate(at);
            }
            Mutation::LongString(at, len) => {
                let at = boundary(&text, at);
                text.insert_str(at, &format!("\"{}\"", "x".repeat(len)));
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_plans_never_panic_and_diagnostics_point_inside_their_file(
        which in 0usize..5,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let originals = [CONVENTION, AXIS, ACTION, MEETING, RICH_ACTION];
        let mut files = vec![
            ("ctg.toml", FileKind::Convention, CONVENTION.to_string()),
            ("axes/1-parentalite.toml", FileKind::Axis, AXIS.to_string()),
            ("actions/04-x.toml", FileKind::Action, ACTION.to_string()),
            ("meetings/2023-11-30-copil.toml", FileKind::Meeting, MEETING.to_string()),
            ("actions/02-y.toml", FileKind::Action, RICH_ACTION.to_string()),
        ];
        files[which].2 = mutate(originals[which].to_string(), &mutations);
        let mut sources = SourceSet::empty();
        for (name, kind, text) in files {
            sources.push(SourceFile::new(name.to_string(), text), kind);
        }
        let mut diags = Vec::new();
        let plan = from_sources(Path::new("plan"), sources, Lang::Fr, &mut diags);
        diags.extend(check(&plan, NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(), Lang::Fr));
        for diag in &diags {
            if let Some(span) = &diag.span {
                let file = plan.sources.file(span.file());
                // Files held in memory are never let go.
                let text = file.text().unwrap();
                prop_assert!(span.range().start <= text.len(), "{diag:?}");
                let (line, _) = file.line_col(span.range().start).unwrap();
                prop_assert!(line <= text.lines().count() + 1);
            }
        }
        let human = render_human(&diags, &plan.sources, Lang::En, false);
        prop_assert_eq!(human.is_empty(), diags.is_empty());
        let json = serde_json::to_string(&to_json(&diags, &plan.sources)).unwrap();
        prop_assert!(json.starts_with('['));
    }
}
