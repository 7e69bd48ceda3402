//! Reading the command line: the language of `--help` before clap runs,
//! and the values clap cannot parse alone (dates, statuses, `ID.N`).

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use super::Cli;
use crate::analysis::money::MoneyMsg;
use crate::i18n::{Lang, Msg, parse_date as read_date};
use crate::model::Status;

/// Whether the values clap parses are refused in French: clap's value
/// parsers take no context, so the language found before clap runs is kept
/// here for them.
static FRENCH: AtomicBool = AtomicBool::new(false);

/// The language of the values' error messages.
fn lang() -> Lang {
    if FRENCH.load(Ordering::Relaxed) {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// What `ctg set` edits: an action, or one of its modalities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Target {
    pub action: u32,
    /// 1-based modality number.
    pub modality: Option<usize>,
}

pub(super) fn parse_target(text: &str) -> Result<Target, String> {
    let bad = || lang().fill(Msg::ParseTarget, &[&text]);
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
    let lang = early_lang(&args);
    FRENCH.store(lang == Lang::Fr, Ordering::Relaxed);
    // Most runs parse with the command they name alone, untranslated.
    let quick = super::Command::only(&args).and_then(|mut only| parsed(&mut only, &args).ok());
    if let Some(cli) = quick {
        return cli;
    }
    // Help, the version and every mistake are told by the whole command
    // line, in the user's language.
    let mut command = command(lang);
    parsed(&mut command, &args).unwrap_or_else(|err| exit(err, &command, lang))
}

fn parsed(command: &mut clap::Command, args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let matches = command.try_get_matches_from_mut(args)?;
    let mut cli = <Cli as clap::FromArgMatches>::from_arg_matches(&matches)?;
    cli.format_given = matches.subcommand().is_some_and(|(_, sub)| {
        // Asking about an argument a command lacks is a bug clap reports
        // by panicking: ask only commands that have a --format.
        sub.ids().any(|id| id.as_str() == "format")
            && sub.value_source("format") == Some(clap::parser::ValueSource::CommandLine)
    });
    Ok(cli)
}

/// The command line as clap describes it, in `lang`: the French one has
/// its help, headings, placeholders and notes in French.
pub fn command(lang: Lang) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match lang {
        Lang::Fr => super::help_fr::translate(command),
        Lang::En => command,
    }
}

/// Ends the process on a mistake of the command line (exit 2) or after
/// `--help` and `--version` (exit 0); in French, the mistake is told in
/// French (`clap_fr`).
fn exit(err: clap::Error, command: &clap::Command, lang: Lang) -> ! {
    if lang == Lang::Fr
        && let Some(text) = super::clap_fr::error(&err, command)
    {
        anstream::eprint!("{text}");
        std::process::exit(2);
    }
    err.exit()
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

/// A status as people write it (`Status::from_typed`); a word that could
/// mean several is refused with the statuses it could mean.
pub(super) fn parse_status(text: &str) -> Result<Status, String> {
    let lang = lang();
    Status::from_typed(text).map_err(|candidates| {
        let labels = |list: &[Status]| -> String {
            let labels: Vec<String> = list
                .iter()
                .map(|status| match lang {
                    Lang::Fr => format!("« {} »", status.label(lang)),
                    Lang::En => status.label(lang).to_string(),
                })
                .collect();
            labels.join(", ")
        };
        if candidates.is_empty() {
            lang.fill(Msg::ParseStatusUnknown, &[&text, &labels(&Status::ALL)])
        } else {
            lang.fill(Msg::ParseStatusAmbiguous, &[&text, &labels(&candidates)])
        }
    })
}

/// A date written 2025-06-30 or 30/06/2025.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    read_date(text).ok_or_else(|| lang().fill(Msg::ParseDate, &[&text]))
}

/// A number an indicator may hold: finite (no NaN, no infinity), with a
/// decimal point or a French decimal comma.
/// `ACTOR=AMOUNT`, as `--financer` takes it.
pub(super) fn parse_financer(text: &str) -> Result<(String, f64), String> {
    let bad = || lang().fill(MoneyMsg::ParseFinancer, &[&text]);
    let (actor, amount) = text.rsplit_once('=').ok_or_else(bad)?;
    let actor = actor.trim();
    if actor.is_empty() {
        return Err(bad());
    }
    let amount = parse_number(amount).map_err(|_| bad())?;
    Ok((actor.to_string(), amount))
}

/// `YEAR=AMOUNT`, as `--spent` takes it.
pub(super) fn parse_spent(text: &str) -> Result<(i32, f64), String> {
    let bad = || lang().fill(MoneyMsg::ParseSpent, &[&text]);
    let (year, amount) = text.split_once('=').ok_or_else(bad)?;
    let year = year.trim().parse::<i32>().map_err(|_| bad())?;
    let amount = parse_number(amount).map_err(|_| bad())?;
    Ok((year, amount))
}

pub(super) fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let single_comma = trimmed.matches(',').count() == 1 && !trimmed.contains('.');
    let written = if single_comma {
        trimmed.replace(',', ".")
    } else {
        trimmed.to_string()
    };
    let plain = written
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    written
        .parse::<f64>()
        .ok()
        .filter(|n| plain && n.is_finite())
        .ok_or_else(|| lang().fill(Msg::ParseNumber, &[&text]))
}
