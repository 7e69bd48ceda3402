//! What clap itself prints, in French: the headings, placeholders, possible
//! values and defaults of `--help`, and the errors of the command line,
//! told from their kind and context rather than from clap's English text.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::i18n::{Lang, Msg};

/// French typography puts a no-break space before a colon; clap writes the
/// colon right after the heading.
const BEFORE_COLON: char = '\u{a0}';

pub fn heading(name: &str) -> String {
    format!("{name}{BEFORE_COLON}")
}

/// French text whose colons, semicolons and quotes keep their no-break
/// spaces, so that wrapping never leaves a colon at the start of a line.
pub fn typography(text: &str) -> String {
    text.replace(" :", "\u{a0}:")
        .replace(" ;", "\u{a0};")
        .replace("« ", "«\u{a0}")
        .replace(" »", "\u{a0}»")
}

/// An argument's heading, placeholder and notes in French. `help` is its
/// French help text, to which the possible values, the default and the
/// environment variable are added, since clap would word them in English.
pub fn arg(arg: Arg, help: Option<&str>) -> Arg {
    let heading_name = if arg.is_global_set() {
        "Options générales"
    } else if arg.is_positional() {
        "Arguments"
    } else {
        "Options"
    };
    let mut notes = Vec::new();
    let takes_value = arg.get_action().takes_values();
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if takes_value && !possible.is_empty() && !arg.is_hide_possible_values_set() {
        notes.push(format!("valeurs possibles : {}", possible.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(format!("par défaut : {}", defaults.join(", ")));
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push(format!(
            "variable d'environnement : {}",
            env.to_string_lossy()
        ));
    }
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|name| placeholder(name)).collect(),
        None => vec![placeholder(&arg.get_id().to_string().to_uppercase())],
    };
    let mut arg = arg.help_heading(heading(heading_name)).hide_env(true);
    if takes_value {
        arg = arg
            .value_names(names)
            .hide_possible_values(true)
            .hide_default_value(true);
    }
    let help = help
        .map(str::to_string)
        .or_else(|| arg.get_help().map(|h| h.to_string()));
    match help {
        Some(help) if notes.is_empty() => arg.help(typography(&help)),
        Some(help) => arg.help(typography(&format!("{help} [{}]", notes.join(" ; ")))),
        None => arg,
    }
}

/// A placeholder in French: `<FICHIER>`, `<STATUT>`, `<N°>`.
fn placeholder(name: &str) -> String {
    match name {
        "ACTOR" => "ACTEUR",
        "ACTOR=AMOUNT" => "ACTEUR=MONTANT",
        "AMOUNT" => "MONTANT",
        "YEAR=AMOUNT" => "ANNÉE=MONTANT",
        "COLOR" => "COULEUR",
        "DAYS" => "JOURS",
        "DIR" => "DOSSIER",
        "FILE" => "FICHIER",
        "ID" | "N" => "N°",
        "ID[.N]" => "N°[.N]",
        "KIND" => "TYPE",
        "LANG" => "LANGUE",
        "NAME" => "NOM",
        "BODY" => "INSTANCE",
        "NUMBER" => "NOMBRE",
        "REV" => "RÉVISION",
        "REV2" => "RÉVISION2",
        "SHELL" => "SHELL",
        "SHORT_TITLE" | "TITLE" => "INTITULÉ",
        "STATUS" => "STATUT",
        "TERRITORY" => "TERRITOIRE",
        "TEXT" | "MESSAGE" => "TEXTE",
        "THEME" => "THÈME",
        "WORDS" => "MOTS",
        "YEAR" => "ANNÉE",
        "CSV_DIALECT" => "VARIANTE",
        "STALE_DAYS" => "JOURS",
        "SORT" => "TRI",
        other => other,
    }
    .to_string()
}

/// The command line's mistake in French, as clap would print it in
/// English: what is wrong, a tip when there is one, the usage, and where
/// to read more. `None` for what is not a mistake (help, version).
pub fn error(err: &clap::Error, command: &Command) -> Option<String> {
    let lang = Lang::Fr;
    let mut out = format!("erreur{BEFORE_COLON}: {}\n", message(err)?);
    let tips = [
        (ContextKind::SuggestedArg, Msg::ClapTipArg),
        (ContextKind::SuggestedSubcommand, Msg::ClapTipCommand),
        (ContextKind::SuggestedValue, Msg::ClapTipValue),
    ];
    for (kind, msg) in tips {
        if let Some(value) = err.get(kind) {
            let quoted = match value {
                ContextValue::Strings(list) => list
                    .iter()
                    .map(|s| format!("« {s} »"))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => format!("« {} »", context(err, kind)),
            };
            out.push_str(&format!("\n  {}\n", lang.fill(msg, &[&quoted])));
        }
    }
    let usage = context(err, ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str(&format!("\nUtilisation{BEFORE_COLON}: {usage}\n"));
    }
    // The command the usage is about: its words up to the first option.
    let mut name: Vec<&str> = usage
        .split_whitespace()
        .take_while(|word| !word.starts_with(['[', '<', '-']))
        .collect();
    if name.is_empty() {
        name.push(command.get_name());
    }
    out.push_str(&format!(
        "\n{}\n",
        lang.fill(Msg::ClapMore, &[&name.join(" ")])
    ));
    Some(out)
}

/// A piece of the error's context, as text.
fn context(err: &clap::Error, kind: ContextKind) -> String {
    match err.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// What is wrong, in one French sentence.
fn message(err: &clap::Error) -> Option<String> {
    let lang = Lang::Fr;
    let arg = context(err, ContextKind::InvalidArg);
    let value = context(err, ContextKind::InvalidValue);
    Some(match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidValue if value.is_empty() => lang.fill(Msg::ClapNoValue, &[&arg]),
        ErrorKind::InvalidValue => {
            let valid = context(err, ContextKind::ValidValue);
            lang.fill(Msg::ClapInvalidValue, &[&value, &arg, &valid])
        }
        ErrorKind::ValueValidation => {
            let reason = validation_reason(err);
            lang.fill(Msg::ClapValueValidation, &[&value, &arg, &reason])
        }
        ErrorKind::UnknownArgument => lang.fill(Msg::ClapUnknownArgument, &[&arg]),
        ErrorKind::InvalidSubcommand => {
            let command = context(err, ContextKind::InvalidSubcommand);
            lang.fill(Msg::ClapUnknownCommand, &[&command])
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match err.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(list)) => list.len(),
                _ => 1,
            };
            lang.fill(Msg::ClapMissing, &[&missing, &arg])
        }
        ErrorKind::MissingSubcommand => lang.text(Msg::ClapMissingCommand).to_string(),
        ErrorKind::ArgumentConflict => {
            let prior = context(err, ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                lang.fill(Msg::ClapOnce, &[&arg])
            } else {
                lang.fill(Msg::ClapConflict, &[&arg, &prior])
            }
        }
        ErrorKind::InvalidUtf8 => lang.text(Msg::ClapUtf8).to_string(),
        _ => lang.fill(Msg::ClapOther, &[&arg]),
    })
}

/// Why a value was refused: the words of `ctg`'s own parsers (already in
/// the user's language), or those of clap's number parsers, retold.
fn validation_reason(err: &clap::Error) -> String {
    let lang = Lang::Fr;
    let Some(source) = std::error::Error::source(err) else {
        return lang.text(Msg::ClapNotAllowed).to_string();
    };
    let reason = source.to_string();
    if reason.contains("invalid digit")
        || reason.contains("invalid float")
        || reason.contains("empty")
    {
        lang.text(Msg::ClapNotANumber).to_string()
    } else if reason.contains("is not in") || reason.contains("too large") {
        lang.text(Msg::ClapOutOfRange).to_string()
    } else if reason.starts_with('«') {
        reason
    } else {
        lang.text(Msg::ClapNotAllowed).to_string()
    }
}
