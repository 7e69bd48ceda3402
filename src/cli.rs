//! The command line: global options and one argument struct per command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "ctg",
    version,
    about = "Steer a Convention Territoriale Globale (CTG) kept as TOML files in git",
    long_about = "Steer a Convention Territoriale Globale (CTG) kept as TOML files in git.\n\n\
        The plan is a folder: ctg.toml (the convention, its actors and governance bodies), \
        axes/, actions/ and meetings/, one TOML file each. ctg reads it, checks it, and \
        answers questions about it.",
    after_help = "Examples:\n  ctg status                      dashboard of the plan found from here\n  \
        ctg --plan ../ctg-2024 status   another plan folder\n  \
        ctg status --today 2025-12-31   as it will stand at the end of 2025\n  \
        ctg status --format json        for scripts\n  \
        ctg check                       every problem of the plan, with file:line:col"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// The plan folder (default: the nearest folder upward holding ctg.toml, else ./plan)
    #[arg(long, global = true, env = "CTG_PLAN", value_name = "DIR")]
    pub plan: Option<PathBuf>,

    /// The date to answer for, YYYY-MM-DD (default: the system date)
    #[arg(long, global = true, env = "CTG_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Language of the output (default: from LC_ALL, LC_MESSAGES, LANG; French where it starts with fr)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// When to colour the output (NO_COLOR also turns colours off)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Dashboard: each axis's actions by status, modalities done, progress, then alerts
    #[command(after_help = "Examples:\n  ctg status\n  \
        ctg status --today 2025-06-30 --lang en\n  \
        ctg status --format md > tableau-de-bord.md")]
    Status(StatusArgs),

    /// Check every file of the plan and report all problems, with file:line:col
    #[command(
        after_help = "Examples:\n  ctg check                         before a commit\n  \
        ctg check --deny-warnings         in CI, where warnings must be fixed too\n  \
        ctg check --format json | jq '.[] | select(.severity == \"error\")'\n\n\
        Exit status: 0 when the plan has no error (warnings allowed unless --deny-warnings), 1 otherwise."
    )]
    Check(CheckArgs),
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Output format: annotated source lines for people, or a JSON array of diagnostics
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,

    /// An action in progress or blocked with no journal entry for this many days is stale
    #[arg(long, value_name = "DAYS", default_value_t = 180)]
    pub stale_days: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
    Md,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
