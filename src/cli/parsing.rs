//! Reading the command line: the language of `--help` before clap runs,
//! and the values clap cannot parse alone (dates, statuses, `ID.N`).

use chrono::NaiveDate;

use super::Cli;
use crate::i18n::Lang;
use crate::model::Status;

/// What `ctg set` edits: an action, or one of its modalities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub action: u32,
    /// 1-based modality number.
    pub modality: Option<usize>,
}

pub(super) fn parse_target(text: &str) -> Result<Target, String> {
    let bad = || {
        format!(
            "`{text}` is not an action or a modality: write 4 for action 4, 4.2 for its modality 2"
        )
    };
    let (action, modality) = match text.split_once('.') {
        Some((action, modality)) => (action, Some(modality)),
        None => (text, None),
    };
    let action = action.parse::<u32>().map_err(|_| bad())?;
    let modality = match modality {
        Some(number) => Some(
            number
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(bad)?,
        ),
        None => None,
    };
    Ok(Target { action, modality })
}

/// Parses the process's arguments, with `--help` in the user's language:
/// the language is looked up before clap runs, from `--lang` or the locale.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    parse_from(args)
}

pub fn parse_from(args: Vec<std::ffi::OsString>) -> Cli {
    let mut command = <Cli as clap::CommandFactory>::command();
    if early_lang(&args) == Lang::Fr {
        command = super::help_fr::translate(command);
    }
    let matches = command.get_matches_from(args);
    let mut cli =
        <Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
    cli.format_given = matches.subcommand().is_some_and(|(_, sub)| {
        // Asking about an argument a command lacks is a bug clap reports
        // by panicking: ask only commands that have a --format.
        sub.ids().any(|id| id.as_str() == "format")
            && sub.value_source("format") == Some(clap::parser::ValueSource::CommandLine)
    });
    cli
}

/// `--lang X` or `--lang=X` among the arguments, else the locale.
fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = words.iter().enumerate().find_map(|(index, word)| {
        if word == "--lang" {
            words.get(index + 1).cloned()
        } else {
            word.strip_prefix("--lang=").map(str::to_string)
        }
    });
    match flag.as_deref() {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => Lang::from_locale(|var| std::env::var(var).ok()),
    }
}

pub(super) fn parse_status(text: &str) -> Result<Status, String> {
    Status::from_words(text).ok_or_else(|| {
        format!(
            "`{text}` is not a status; use one of planned, in-progress, blocked, postponed, done, abandoned \
             (or à engager, en cours, bloquée, reportée, réalisée, abandonnée)"
        )
    })
}

pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        // Plan files hold TOML dates, whose years have four digits.
        .filter(|date| (0..=9999).contains(&chrono::Datelike::year(date)))
        .ok_or_else(|| format!("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30"))
}
