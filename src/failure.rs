//! Telling a failure: the words of each `Error` variant, from the catalogue,
//! for a person (stderr) or a program (JSON on stdout, see `docs/errors.md`).

use serde::Serialize;

use crate::collect::words::CollectMsg;
use crate::diag::{Diagnostic, Severity};
use crate::error::{Error, Invalid};
use crate::i18n::{Lang, Msg};
use crate::query::id_ranges;
use crate::render;
use crate::render::diagnostics::{JsonDiagnostic, render_human, to_json};
use crate::source::SourceSet;
use crate::source::rules::NO_PLAN;

/// The JSON a command's failure takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `ctg check`'s contract: an array of diagnostics.
    Diagnostics,
    /// Every other command: `{"error": {…}, "diagnostics": […]}`.
    Document,
}

/// The one sentence that says what went wrong.
pub fn message(error: &Error, lang: Lang) -> String {
    plan_message(error, lang).unwrap_or_else(|| argument_message(error, lang))
}

/// The failures of the plan, its files and its history.
fn plan_message(error: &Error, lang: Lang) -> Option<String> {
    Some(match error {
        Error::NoPlan { from } => lang.fill(Msg::DiagNoPlan, &[&from.display()]),
        Error::PlanFolderMissing { dir } | Error::NoSuchFolder { dir } => {
            lang.fill(Msg::DiagPlanDirMissing, &[&dir.display()])
        }
        Error::PlanInvalid(invalid) => match &invalid.revision {
            None => lang.fill(Msg::ErrorPlanInvalid, &[&invalid.diagnostics.len()]),
            Some(revision) => lang.fill(
                Msg::ErrorPlanInvalidAt,
                &[revision, &invalid.diagnostics.len()],
            ),
        },
        Error::EditRefused(invalid) => lang.fill(Msg::EditRefused, &[&invalid.diagnostics.len()]),
        Error::EditWarned(invalid) => lang.fill(Msg::EditWarned, &[&invalid.diagnostics.len()]),
        Error::ReadFailed { file, detail } => lang.fill(Msg::ErrorUnreadable, &[file, detail]),
        Error::FileSyntax { file, detail } => lang.fill(Msg::ErrorFileSyntax, &[file, detail]),
        Error::WriteFailed { path, detail } => {
            lang.fill(Msg::ErrorWrite, &[&path.display(), detail])
        }
        Error::OutputFolderMissing { path, dir } => {
            lang.fill(Msg::ErrorOutputFolder, &[&path.display(), &dir.display()])
        }
        Error::OutputIsPlanFile { path } => lang.fill(Msg::ErrorOutputPlanFile, &[&path.display()]),
        Error::NotAFolder { path } => lang.fill(Msg::ErrorNotAFolder, &[&path.display()]),
        Error::FileExists { file } => lang.fill(Msg::ErrorFileExists, &[file]),
        Error::PlanExists { dir } => lang.fill(Msg::ErrorPlanExists, &[&dir.display()]),
        Error::NotARepo { dir } => lang.fill(Msg::ErrorNotARepo, &[&dir.display()]),
        Error::UnknownRevision { name } => lang.fill(Msg::ErrorUnknownRevision, &[name]),
        Error::PlanNotAtRevision { revision, folder } => {
            lang.fill(Msg::ErrorPlanNotAtRevision, &[revision, folder])
        }
        Error::Git { detail } => lang.fill(Msg::ErrorGit, &[detail]),
        Error::Internal { detail } => lang.fill(Msg::ErrorInternal, &[detail]),
        _ => return None,
    })
}

/// The failures of what the command line asks for.
fn argument_message(error: &Error, lang: Lang) -> String {
    let date = |date| lang.short_date(date);
    match error {
        Error::NoSuchAction { id, known } => {
            lang.fill(Msg::ErrorNoAction, &[id, &id_ranges(known)])
        }
        Error::NoSuchModality {
            action,
            count,
            number,
        } => lang.fill(Msg::ErrorNoModality, &[action, count, number]),
        Error::NoSuchIndicator {
            action,
            count,
            number,
        } => lang.fill(Msg::ErrorNoIndicator, &[action, count, number]),
        Error::NoSuchLogEntry {
            action,
            count,
            number,
        } => lang.fill(Msg::ErrorNoLogEntry, &[action, count, number]),
        Error::JournalLayout => lang.text(Msg::ErrorJournalLayout).to_string(),
        Error::ModalityRenumbers {
            action,
            number,
            count,
        } => lang.fill(Msg::ErrorModalityRenumbers, &[action, number, count]),
        Error::NotPilot { actor, action } => lang.fill(Msg::ErrorNotPilot, &[actor, action]),
        Error::NotPartner { actor, action } => lang.fill(Msg::ErrorNotPartner, &[actor, action]),
        Error::NotForAModality => lang.text(Msg::ErrorModalityOptions).to_string(),
        Error::DoneNeedsModality { action, option } => {
            lang.fill(Msg::ErrorDoneNeedsModality, &[action, option])
        }
        Error::NothingToChange => lang.text(Msg::ErrorNothingToSet).to_string(),
        Error::CollectNeedsFolder => lang.text(CollectMsg::NeedsFolder).to_string(),
        Error::CollectRefused { problems } => {
            let mut text = lang.fill(CollectMsg::ImportRefused, &[&problems.len()]);
            for problem in problems {
                text.push_str("\n  - ");
                text.push_str(&render::escape::terminal(&problem.describe(lang)));
            }
            text
        }
        Error::EmptyText => lang.text(Msg::ErrorEmptyText).to_string(),
        Error::PeriodInverted { start, end } => {
            lang.fill(Msg::ErrorInitPeriod, &[&date(*start), &date(*end)])
        }
        Error::EmptyPeriod { from, to } => lang.fill(Msg::ErrorPeriod, &[&date(*from), &date(*to)]),
        Error::UnusableYear { year } => lang.fill(Msg::ErrorYear, &[year]),
        Error::OutsideConvention { period, start, end } => {
            let bound = |day: &Option<chrono::NaiveDate>| day.map_or("…".to_string(), date);
            lang.fill(
                Msg::ErrorOutsideConvention,
                &[&period.label(lang), &bound(start), &bound(end)],
            )
        }
        Error::UnknownExtension { path, accepted } => {
            let accepted: Vec<String> = accepted.iter().map(|ext| format!(".{ext}")).collect();
            lang.fill(
                Msg::ErrorUnknownFormat,
                &[&path.display(), &accepted.join(", ")],
            )
        }
        Error::XlsxNeedsFile => lang.text(Msg::ErrorXlsxNeedsFile).to_string(),
        Error::SinceNotInCsv => lang.text(Msg::ErrorSinceNotInCsv).to_string(),
        other => name_message(other, lang)
            .or_else(|| plan_message(other, lang))
            .unwrap_or_default(),
    }
}

/// The failures of a name the plan or the rules do not know: each says
/// which names there are.
fn name_message(error: &Error, lang: Lang) -> Option<String> {
    Some(match error {
        Error::UnknownActor { name, known } => {
            lang.fill(Msg::ErrorUnknownActor, &[name, &known.join(", ")])
        }
        Error::UnknownCommune { name, known } => {
            lang.fill(Msg::ErrorUnknownCommune, &[name, &known.join(", ")])
        }
        Error::UnknownBody { name, known } => {
            lang.fill(Msg::ErrorUnknownBody, &[name, &known.join(", ")])
        }
        Error::UnknownTheme { name, known } => {
            lang.fill(Msg::ErrorUnknownTheme, &[name, &known.join(", ")])
        }
        Error::UnknownRule { code, near, known } => match near {
            Some(near) => lang.fill(Msg::CheckUnknownRuleNear, &[code, near]),
            None => lang.fill(Msg::CheckUnknownRule, &[code, &known.join(", ")]),
        },
        Error::RuleLocked { code, option } => lang.fill(Msg::CheckFormatLocked, &[code, option]),
        Error::RuleTwoLevels {
            code,
            first,
            second,
        } => lang.fill(Msg::CheckTwoLevels, &[code, first, second]),
        _ => return None,
    })
}

/// What to do about it, where the catalogue has a line for it.
pub fn help(error: &Error, lang: Lang) -> Option<String> {
    match error {
        Error::NoPlan { .. } | Error::PlanFolderMissing { .. } => {
            Some(lang.text(Msg::DiagNoPlanHelp).to_string())
        }
        Error::NoSuchIndicator { action, .. } => Some(lang.fill(Msg::HelpAddIndicator, &[action])),
        _ => None,
    }
}

/// The file at fault, when there is one: plan files relative to the plan,
/// other files as the command line named them.
pub fn file(error: &Error) -> Option<String> {
    match error {
        Error::ReadFailed { file, .. }
        | Error::FileSyntax { file, .. }
        | Error::FileExists { file } => Some(file.clone()),
        Error::WriteFailed { path, .. }
        | Error::OutputFolderMissing { path, .. }
        | Error::OutputIsPlanFile { path }
        | Error::NotAFolder { path } => Some(path.display().to_string()),
        _ => None,
    }
}

/// The failure for a person, as stderr shows it: a plan's errors as
/// annotated source lines, then the one line that says nothing was done.
pub fn human(error: &Error, lang: Lang) -> String {
    let mut text = match error {
        Error::NoPlan { .. } | Error::PlanFolderMissing { .. } => {
            // No plan is the first diagnostic of `ctg check`, and looks like one.
            let mut diag = Diagnostic::error(&NO_PLAN, message(error, lang));
            if let Some(help) = help(error, lang) {
                diag = diag.with_help(help);
            }
            let mut text = render_human(&[diag], &SourceSet::empty(), lang, true);
            text.push_str(&lang.fill(Msg::ErrorPlanInvalid, &[&1]));
            text
        }
        Error::PlanInvalid(invalid) => {
            let mut text = String::new();
            if let Some(revision) = &invalid.revision {
                text = lang.fill(Msg::ErrorPlanAtRevision, &[revision]) + "\n";
            }
            text.push_str(&render_human(
                &invalid.diagnostics,
                &invalid.sources,
                lang,
                true,
            ));
            text + &lang.fill(Msg::ErrorPlanInvalid, &[&invalid.diagnostics.len()])
        }
        Error::EditRefused(invalid) | Error::EditWarned(invalid) => {
            render_human(&invalid.diagnostics, &invalid.sources, lang, true) + &message(error, lang)
        }
        _ => match help(error, lang) {
            Some(help) => format!("{}\n{help}", message(error, lang)),
            None => message(error, lang),
        },
    };
    text.push('\n');
    text
}

/// `error` in the JSON of a failure.
#[derive(Serialize)]
struct JsonError {
    code: &'static str,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<String>,
}

#[derive(Serialize)]
struct JsonFailure {
    error: JsonError,
    /// The plan's errors when the failure comes with them, else empty.
    diagnostics: serde_json::Value,
}

/// The failure for a program, as stdout shows it under `--format json`.
pub fn json(error: &Error, lang: Lang, shape: Shape) -> String {
    let told = JsonError {
        code: error.code(),
        message: message(error, lang),
        file: file(error),
        line: None,
        column: None,
        help: help(error, lang),
    };
    // The plan's diagnostics keep the contract of `ctg check --format json`.
    let plan_errors = error
        .invalid()
        .map(|invalid: &Invalid| to_json(&invalid.diagnostics, &invalid.sources))
        .and_then(|list| serde_json::to_value(list).ok());
    let text = match (shape, plan_errors) {
        (Shape::Document, errors) => render::json(&JsonFailure {
            error: told,
            diagnostics: errors.unwrap_or_else(|| serde_json::Value::Array(Vec::new())),
        }),
        (Shape::Diagnostics, Some(errors)) => render::json(&errors),
        // A failure with no place in the plan, told as one diagnostic.
        (Shape::Diagnostics, None) => render::json(&[JsonDiagnostic {
            severity: Severity::Error,
            code: told.code,
            message: &told.message,
            file: told.file.as_deref(),
            line: told.line,
            column: told.column,
            help: told.help.as_deref(),
        }]),
    };
    // Serialising strings and numbers cannot fail; say so if it ever did.
    text.unwrap_or_else(|_| format!("{{\"error\": {{\"code\": \"{}\"}}}}\n", error.code()))
}

#[cfg(test)]
mod tests;
