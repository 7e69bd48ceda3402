//! The arguments of the commands that start a plan or set up tools around
//! it: `init`, `schema`, `completions`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::parsing::parse_date;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder of the new plan (created; must not hold a plan already)
    pub dir: PathBuf,

    /// The territory, e.g. "Communauté de communes du Pays d'Exemple"
    #[arg(long)]
    pub territory: String,

    /// The name of the convention (default: "Convention territoriale globale — TERRITORY")
    #[arg(long)]
    pub name: Option<String>,

    /// The Caf signing the convention
    #[arg(long)]
    pub caf: Option<String>,

    /// First day of the convention
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<NaiveDate>,

    /// Last day of the convention
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub end: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// Which kind of file: convention (ctg.toml), axis, action, meeting
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Convention,
    Axis,
    Action,
    Meeting,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
