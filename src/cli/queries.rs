//! The arguments of the commands that answer questions about the plan:
//! `list`, `show`, `pilots`.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::parsing::{parse_date, parse_status};
use super::{ListFormat, PilotsFormat, ShowFormat};
use crate::model::Status;
use crate::render::csv::CsvDialect;

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Only actions of this axis (repeat for several)
    #[arg(long, value_name = "N")]
    pub axis: Vec<u32>,

    /// Only actions with this status: a keyword or a label, e.g. in-progress or "en cours"
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Vec<Status>,

    /// Only actions this actor leads
    #[arg(long, value_name = "ACTOR")]
    pub pilot: Vec<String>,

    /// Only actions this actor supports as a partner
    #[arg(long, value_name = "ACTOR")]
    pub partner: Vec<String>,

    /// Only actions this actor leads or supports
    #[arg(long, value_name = "ACTOR")]
    pub actor: Vec<String>,

    /// Only actions of the axes with this theme, e.g. Jeunesse
    #[arg(long, value_name = "THEME")]
    pub theme: Vec<String>,

    /// Only actions naming this commune (in the action or one of its modalities)
    #[arg(long, value_name = "COMMUNE")]
    pub commune: Vec<String>,

    /// Only actions marked as a coordination issue between collectivities
    #[arg(long)]
    pub coordination: bool,

    /// Only actions "dans le respect des compétences"
    #[arg(long)]
    pub within_competences: bool,

    /// Only actions without a decided pilot
    #[arg(long)]
    pub no_pilot: bool,

    /// Only open actions past their due date
    #[arg(long)]
    pub overdue: bool,

    /// Only actions due on or before this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_before: Option<NaiveDate>,

    /// Only actions due on or after this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_after: Option<NaiveDate>,

    /// Only actions whose titles, modalities or journal hold all these words (any case, any accents)
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,

    /// Order: id, axis, due (soonest first), status, progress (least advanced first)
    #[arg(long, value_enum, default_value_t = SortKey::Id)]
    pub sort: SortKey,

    /// Output format (ids: one id a line, for scripts)
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,

    /// CSV flavour: fr (';', decimal comma, byte order mark) or rfc (RFC 4180)
    #[arg(long, value_enum, default_value_t = CsvDialect::Fr)]
    pub csv_dialect: CsvDialect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Id,
    Axis,
    Due,
    Status,
    Progress,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The action's id
    pub id: u32,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Args, Debug)]
pub struct PilotsArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = PilotsFormat::Table)]
    pub format: PilotsFormat,

    /// CSV flavour: fr (';', decimal comma, byte order mark) or rfc (RFC 4180)
    #[arg(long, value_enum, default_value_t = CsvDialect::Fr)]
    pub csv_dialect: CsvDialect,
}
