//! The arguments of `ctg indicator`: the indicators an action is measured by.

use clap::{Args, Subcommand};

use super::parsing::parse_number;

#[derive(Args, Debug)]
pub struct IndicatorArgs {
    #[command(subcommand)]
    pub command: IndicatorCommand,
}

#[derive(Subcommand, Debug)]
pub enum IndicatorCommand {
    /// Add an indicator to an action; its yearly values are set with ctg set ID --indicator N
    #[command(after_help = "Examples:\n  \
        ctg indicator add 2 --name \"Familles accueillies\" --unit familles --baseline 30 --target 60\n  \
        ctg set 2 --indicator 1 --year 2026 --value 41")]
    Add(IndicatorAddArgs),
}

#[derive(Args, Debug)]
pub struct IndicatorAddArgs {
    /// The action
    pub id: u32,

    /// What is measured
    #[arg(long)]
    pub name: String,

    /// The unit of the values (familles, %, séances…)
    #[arg(long)]
    pub unit: Option<String>,

    /// The value before the action
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true, value_parser = parse_number)]
    pub baseline: Option<f64>,

    /// The value aimed at
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true, value_parser = parse_number)]
    pub target: Option<f64>,

    /// The year --target is aimed at, when it is a yearly target
    #[arg(long, value_name = "YEAR", requires = "target")]
    pub target_year: Option<i32>,

    /// Print the diff the edit would make, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct ModalityArgs {
    #[command(subcommand)]
    pub command: ModalityCommand,
}

#[derive(Subcommand, Debug)]
pub enum ModalityCommand {
    /// Add a modality at the end of an action's list; reword, pilot or abandon it with ctg set ID.N
    #[command(after_help = "Examples:\n  \
        ctg modality add 18 \"Fête des associations\"\n  \
        ctg set 18.4 --add-pilot Communes\n  \
        ctg set 18.4 --status abandoned")]
    Add(ModalityAddArgs),

    /// Remove a modality; one that others follow is kept unless --force, as removing it renumbers them
    #[command(after_help = "Examples:\n  \
        ctg modality remove 18.3\n  \
        ctg modality remove 18.1 --force --dry-run")]
    Remove(ModalityRemoveArgs),
}

#[derive(Args, Debug)]
pub struct ModalityRemoveArgs {
    /// The modality (18.4)
    #[arg(value_parser = super::parsing::parse_target, value_name = "ID.N")]
    pub target: super::Target,

    /// Remove it even though the modalities after it are renumbered
    #[arg(long)]
    pub force: bool,

    /// Print the diff the edit would make, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct ModalityAddArgs {
    /// The action
    pub id: u32,

    /// What the modality is
    pub text: String,

    /// Print the diff the edit would make, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct ConventionArgs {
    #[command(subcommand)]
    pub command: ConventionCommand,
}

#[derive(Subcommand, Debug)]
pub enum ConventionCommand {
    /// Set the convention's name, territory, Caf and dates in ctg.toml
    #[command(after_help = "Examples:\n  \
        ctg convention set --start 2024-01-01 --end 31/12/2027\n  \
        ctg convention set --adopted 2023-12-14 --caf \"Caf de la Haute-Garonne\" --dry-run")]
    Set(ConventionSetArgs),
}

#[derive(Args, Debug)]
pub struct ConventionSetArgs {
    /// The convention's name
    #[arg(long)]
    pub name: Option<String>,

    /// The territory it covers
    #[arg(long)]
    pub territory: Option<String>,

    /// The Caf that signed it
    #[arg(long, value_name = "TEXT")]
    pub caf: Option<String>,

    /// The day it was adopted
    #[arg(long, value_name = "DATE", value_parser = super::parsing::parse_date)]
    pub adopted: Option<chrono::NaiveDate>,

    /// Its first day
    #[arg(long, value_name = "DATE", value_parser = super::parsing::parse_date)]
    pub start: Option<chrono::NaiveDate>,

    /// Its last day
    #[arg(long, value_name = "DATE", value_parser = super::parsing::parse_date)]
    pub end: Option<chrono::NaiveDate>,

    /// Print the diff the edit would make, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}
