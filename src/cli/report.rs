//! The arguments of `ctg report`.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::ReportFormat;
use super::parsing::parse_date;
use crate::render::csv::CsvDialect;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The calendar year to report on (default: the last full year before today)
    #[arg(long, value_name = "YEAR", conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,

    /// First day of the period (with --to)
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "to")]
    pub from: Option<NaiveDate>,

    /// Last day of the period (with --from)
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    pub to: Option<NaiveDate>,

    /// Output format (default: from the extension of -o, else md)
    #[arg(long, short, value_enum)]
    pub format: Option<ReportFormat>,

    /// CSV flavour: fr (';', decimal comma, byte order mark) or rfc (RFC 4180)
    #[arg(long, value_enum, default_value_t = CsvDialect::Fr)]
    pub csv_dialect: CsvDialect,

    /// Add what changed since this git revision (the tag of the last committee) (md, html, json, xlsx)
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    /// Allow a period outside the convention's dates (a note says so)
    #[arg(long)]
    pub force: bool,

    /// The bilan of the plan as committed at this git revision (a tag, a commit)
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// Leave out what has nothing to say (an action's empty sections, the financing when no amount is known)
    #[arg(long)]
    pub compact: bool,

    /// CSV: the table to write (actions, modalities, indicators, journal, financing, governance); with -o FOLDER, every table, one file each
    #[arg(long, value_enum, default_value_t = ReportTable::Actions)]
    pub table: ReportTable,
}

/// The tables of the bilan, one per sheet of the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportTable {
    Actions,
    Modalities,
    Indicators,
    Journal,
    Financing,
    Governance,
}
