//! The rules of `ctg check`, and the registry that names every one of them.
//!
//! Adding a consistency rule touches two files. The first is the file of
//! its concept under `src/check/` (`ids.rs`, `references.rs`, `actors.rs`,
//! `dates.rs`, `journal.rs`, `modalities.rs`, `money.rs`, or a new one). There the rule
//! is declared once, as a `Rule` static: its code, its default level,
//! whether it is a rule of the file format, a short explanation and an
//! example of a fix, in French and English. Its messages (`Text`, French
//! and English) and the function that looks for it sit beside it. The
//! second file is this one: a line in `REGISTRY`, and a `mod` line when the
//! concept's file is new. Nothing else is edited by hand: `--explain`,
//! `--deny`, `--warn`, `--allow` and the table of `docs/rules.md` all read
//! the registry (`CTG_BLESS=1 cargo test --test cli docs_rules` rewrites
//! that table; a test refuses it out of date), and a test fails when a
//! `Rule` declared under `src/check/` or in the rules files below is missing from `REGISTRY`. Like any
//! change, a new rule also deserves its test in `tests/cli/check/rules.rs`.
//!
//! A rule of the files or of a single value (a type, a key, a date) is
//! looked for where the files and values are read, rather than in a pass:
//! it is declared beside that code, in `src/source/rules.rs` or
//! `src/reader/rules.rs`, with its messages, and registered here all the
//! same, so its detection is a third place to touch. (Declaring it there
//! keeps reading below checking: `check` loads the plan, so the reader
//! cannot depend on `check`.)

mod actors;
pub mod created;
mod dates;
pub mod explain;
mod ids;
mod journal;
pub mod levels;
mod modalities;
mod money;
mod references;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{self, Diagnostic, Rule, Text};
use crate::i18n::Lang;
use crate::load;
use crate::model::{PARALLEL_ACTIONS, Plan};
use crate::parallel;
use crate::reader::{self, closest};
use crate::source;
use crate::span::Span;

/// A rule as the registry holds it: its declaration, and the pass that
/// looks for it in a loaded plan (none for the rules of the files and of
/// the format, found while the plan is read).
pub struct Registered {
    pub rule: &'static Rule,
    pass: Option<fn(&mut Checker)>,
}

/// A rule found outside the passes: while the plan's files are read, or
/// by `ctg check` with what git knows (`created`).
const fn read(rule: &'static Rule) -> Registered {
    Registered { rule, pass: None }
}

/// A rule found by a pass over the loaded plan.
const fn pass(rule: &'static Rule, run: fn(&mut Checker)) -> Registered {
    Registered {
        rule,
        pass: Some(run),
    }
}

/// Every rule, once. The passes run in this order, which also orders the
/// diagnostics that share a place and a level.
pub static REGISTRY: &[Registered] = &[
    read(&source::rules::NO_PLAN),
    read(&source::rules::MISSING_CONVENTION),
    read(&source::rules::UNREADABLE_FILE),
    read(&source::rules::INVALID_UTF8),
    read(&source::rules::LINK_OUTSIDE_PLAN),
    read(&source::rules::NOT_A_FILE),
    read(&reader::rules::TOML_SYNTAX),
    read(&reader::rules::WRONG_TYPE),
    read(&reader::rules::MISSING_KEY),
    read(&reader::rules::UNKNOWN_KEY),
    read(&reader::rules::EMPTY_TITLE),
    read(&reader::rules::INVALID_ID),
    read(&reader::rules::OUT_OF_RANGE),
    read(&reader::rules::INVALID_YEAR),
    read(&reader::rules::INVALID_STATUS),
    read(&reader::rules::INVALID_DATE),
    read(&reader::rules::UNSUPPORTED_SCHEMA),
    pass(&ids::DUPLICATE_ID, ids::duplicate_id),
    pass(&ids::FILE_NAME_MISMATCH, ids::file_name_mismatch),
    pass(&references::UNKNOWN_AXIS, references::unknown_axis),
    pass(&references::EMPTY_AXIS, references::empty_axis),
    pass(&dates::PERIOD_INVERTED, dates::period_inverted),
    pass(&references::UNKNOWN_BODY, references::unknown_body),
    pass(&actors::UNKNOWN_ACTOR, actors::unknown_actor),
    pass(&actors::STRAY_ROLE, actors::stray_role),
    pass(&actors::PILOT_AND_PARTNER, actors::pilot_and_partner),
    pass(&actors::NO_PILOT, actors::no_pilot),
    pass(&references::UNKNOWN_COMMUNE, references::unknown_commune),
    pass(&dates::START_AFTER_DUE, dates::start_after_due),
    pass(&dates::OUTSIDE_PERIOD, dates::outside_period),
    pass(&dates::FUTURE_DATE, dates::future_date),
    read(&created::CREATED_MISSING),
    pass(&journal::JOURNAL_ORDER, journal::journal_order),
    pass(
        &journal::STATUS_JOURNAL_MISMATCH,
        journal::status_journal_mismatch,
    ),
    pass(
        &modalities::DONE_WITH_OPEN_MODALITIES,
        modalities::done_with_open_modalities,
    ),
    pass(
        &modalities::DONE_DATE_NOT_DONE,
        modalities::done_date_not_done,
    ),
    pass(&money::INVALID_AMOUNT, money::invalid_amount),
    pass(&money::OVER_BUDGET, money::over_budget),
];

/// Every rule, in the registry's order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    REGISTRY.iter().map(|registered| registered.rule)
}

/// The rule of a code.
pub fn find(code: &str) -> Option<&'static Rule> {
    rules().find(|rule| rule.code == code)
}

/// The code nearest to a misspelt one, if it is near enough to be a typo.
pub fn nearest(code: &str) -> Option<&'static str> {
    let codes: Vec<&'static str> = rules().map(|rule| rule.code).collect();
    closest(code, &codes)
}

/// Loads the plan in `root` and checks it: every problem, sorted by file
/// and position.
pub fn validate(root: &Path, today: NaiveDate, lang: Lang) -> (Plan, Vec<Diagnostic>) {
    let (plan, mut diags) = load::load(root, lang);
    diags.extend(check(&plan, today, lang));
    diag::sort(&mut diags, &plan.sources);
    (plan, diags)
}

/// Runs every consistency rule over a loaded plan: on a large plan, the
/// rules share out the cores, their problems gathered in the registry's
/// order whatever the timing.
pub fn check(plan: &Plan, today: NaiveDate, lang: Lang) -> Vec<Diagnostic> {
    let passes: Vec<fn(&mut Checker)> = REGISTRY.iter().filter_map(|r| r.pass).collect();
    let many = plan.actions.len() > PARALLEL_ACTIONS;
    let found = parallel::map_each(&passes, many, |_, pass| {
        let mut checker = Checker::new(plan, today, lang);
        pass(&mut checker);
        checker.diags
    });
    found.into_iter().flatten().collect()
}

/// What every pass shares: the plan, the day, the language, and the list
/// the problems go to.
pub struct Checker<'p> {
    plan: &'p Plan,
    today: NaiveDate,
    lang: Lang,
    diags: Vec<Diagnostic>,
    /// Declared actor ids; ordered, so that suggestions do not depend on hashing.
    actors: BTreeSet<&'p str>,
    /// Member communes of every actor.
    members: BTreeSet<&'p str>,
}

impl<'p> Checker<'p> {
    fn new(plan: &'p Plan, today: NaiveDate, lang: Lang) -> Checker<'p> {
        let convention = &plan.convention;
        Checker {
            plan,
            today,
            lang,
            diags: Vec::new(),
            actors: convention
                .actors
                .iter()
                .map(|actor| actor.id.value.as_str())
                .collect(),
            members: convention
                .actors
                .iter()
                .flat_map(|actor| actor.members.iter().map(String::as_str))
                .collect(),
        }
    }
}

impl Checker<'_> {
    /// A diagnostic of `rule` at `span`, with its help.
    fn push(&mut self, rule: &'static Rule, span: &Span, message: String, help: String) {
        self.diags
            .push(self.at(rule, span, message).with_help(help));
    }

    /// A diagnostic of `rule` at `span`, for the caller to complete.
    fn at(&self, rule: &'static Rule, span: &Span, message: String) -> Diagnostic {
        let name = &self.plan.sources.file(span.file()).name;
        Diagnostic::new(rule, message).at(span.clone(), name)
    }

    fn text(&self, text: Text) -> String {
        text.get(self.lang).to_string()
    }

    fn date(&self, date: NaiveDate) -> String {
        self.lang.short_date(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kebab_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for rule in rules() {
            let code = rule.code;
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{code} is not kebab-case"
            );
            assert!(seen.insert(code), "{code} is registered twice");
        }
    }

    #[test]
    fn format_rules_are_errors() {
        for rule in rules().filter(|rule| rule.format) {
            assert_eq!(rule.severity, diag::Severity::Error, "{}", rule.code);
        }
    }

    /// Every `Rule` declared in the source is in the registry: a rule
    /// declared and forgotten here could be neither explained nor changed.
    #[test]
    fn every_declared_rule_is_registered() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files: Vec<_> = std::fs::read_dir(root.join("check"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.extend([root.join("source/rules.rs"), root.join("reader/rules.rs")]);
        let mut declared = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(file).unwrap();
            for (index, _) in text.match_indices(": Rule = Rule {") {
                let rest = &text[index..];
                let code = rest.split('"').nth(1).unwrap().to_string();
                declared.push(code);
            }
        }
        declared.sort();
        let mut registered: Vec<String> = rules().map(|rule| rule.code.to_string()).collect();
        registered.sort();
        assert_eq!(declared, registered);
    }

    #[test]
    fn a_misspelt_code_finds_its_rule() {
        assert_eq!(nearest("jornal-order"), Some("journal-order"));
        assert_eq!(nearest("duplicate-ids"), Some("duplicate-id"));
        assert_eq!(nearest("budget"), None);
        assert!(find("toml-syntax").is_some_and(|rule| rule.format));
    }
}
