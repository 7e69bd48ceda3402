//! The arguments of `ctg meeting`: record a meeting held, list those held.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::PilotsFormat;
use super::parsing::parse_date;
use crate::render::csv::CsvDialect;

#[derive(Args, Debug)]
pub struct MeetingArgs {
    #[command(subcommand)]
    pub command: MeetingCommand,
}

#[derive(Subcommand, Debug)]
pub enum MeetingCommand {
    /// Record a meeting held: a new file in meetings/, with its decisions
    #[command(after_help = "Examples:\n  \
        ctg meeting add copil --date 2026-03-12 --decision \"Priorité au lieu ressource parents\"\n  \
        ctg meeting add cotech --date 05/06/2026 --title \"Comité technique de printemps\" --dry-run")]
    Add(MeetingAddArgs),

    /// The meetings held, oldest first: body, title, decisions
    #[command(after_help = "Examples:\n  \
        ctg meeting list\n  \
        ctg meeting list --year 2023 --body copil\n  \
        ctg meeting list --format json")]
    List(MeetingListArgs),
}

#[derive(Args, Debug)]
pub struct MeetingAddArgs {
    /// The body that met: a key of [bodies] in ctg.toml (copil, cotech…)
    pub body: String,

    /// The day it met
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: NaiveDate,

    /// Its title (default: the body's name)
    #[arg(long)]
    pub title: Option<String>,

    /// A decision taken (repeat for several, in order)
    #[arg(long, value_name = "TEXT")]
    pub decision: Vec<String>,

    /// Who attended (repeat for several)
    #[arg(long, value_name = "NAME")]
    pub attendee: Vec<String>,

    /// Notes on the meeting
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// Print the file that would be created, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct MeetingListArgs {
    /// Only the meetings of this year
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,

    /// Only the meetings of this body
    #[arg(long, value_name = "BODY")]
    pub body: Option<String>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = PilotsFormat::Table)]
    pub format: PilotsFormat,

    /// CSV flavour: fr (';', decimal comma, byte order mark) or rfc (RFC 4180)
    #[arg(long, value_enum, default_value_t = CsvDialect::Fr)]
    pub csv_dialect: CsvDialect,
}
