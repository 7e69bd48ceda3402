//! The arguments of the commands that edit the plan: `set`, `log`, `new`.

use chrono::NaiveDate;
use clap::Args;

use super::Target;
use super::parsing::{
    parse_date, parse_financer, parse_number, parse_spent, parse_status, parse_target,
};
use crate::model::Status;

#[derive(Args, Debug, Default)]
#[command(group(clap::ArgGroup::new("journal").multiple(true).args(["status", "note"])))]
#[command(group(clap::ArgGroup::new("value_change").args(["value", "remove_value", "target_value"])))]
pub struct SetArgs {
    /// The action (4) or modality (4.2) to change
    #[arg(value_parser = parse_target, value_name = "ID[.N]")]
    pub target: Target,

    /// New status: a keyword or a label ("en cours")
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,

    /// Start date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<NaiveDate>,

    /// Due date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due: Option<NaiveDate>,

    /// Long title
    #[arg(long)]
    pub title: Option<String>,

    /// Short title
    #[arg(long)]
    pub short_title: Option<String>,

    /// Add a pilot (an actor declared in ctg.toml)
    #[arg(long, value_name = "ACTOR")]
    pub add_pilot: Vec<String>,

    /// Remove a pilot
    #[arg(long, value_name = "ACTOR")]
    pub remove_pilot: Vec<String>,

    /// Add a partner
    #[arg(long, value_name = "ACTOR")]
    pub add_partner: Vec<String>,

    /// Remove a partner
    #[arg(long, value_name = "ACTOR")]
    pub remove_partner: Vec<String>,

    /// Move the action to another axis
    #[arg(long, value_name = "N")]
    pub axis: Option<u32>,

    /// For a modality: its new wording
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,

    /// For a modality: the day it was done (sets its status to done)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub done: Option<NaiveDate>,

    /// Indicator number (1 for the first) whose yearly value to set
    #[arg(long, value_name = "N", requires_all = ["year", "value_change"])]
    pub indicator: Option<usize>,

    /// The year of the indicator value
    #[arg(long, value_name = "YEAR", requires = "indicator")]
    pub year: Option<i32>,

    /// The indicator value
    #[arg(
        long,
        value_name = "NUMBER",
        requires = "indicator",
        allow_negative_numbers = true,
        value_parser = parse_number
    )]
    pub value: Option<f64>,

    /// Remove the indicator's value of that year
    #[arg(long, requires = "indicator")]
    pub remove_value: bool,

    /// The indicator's target of that year (beside the convention's target)
    #[arg(
        long = "target",
        value_name = "NUMBER",
        requires = "indicator",
        allow_negative_numbers = true,
        value_parser = parse_number
    )]
    pub target_value: Option<f64>,

    /// The planned budget, in euros
    #[arg(long, value_name = "AMOUNT", value_parser = parse_number, allow_negative_numbers = true)]
    pub budget: Option<f64>,

    /// Remove the planned budget
    #[arg(long, conflicts_with = "budget")]
    pub remove_budget: bool,

    /// A financer and its amount (an actor declared in ctg.toml): Caf=5000
    #[arg(long, value_name = "ACTOR=AMOUNT", value_parser = parse_financer)]
    pub financer: Vec<(String, f64)>,

    /// Remove a financer
    #[arg(long, value_name = "ACTOR")]
    pub remove_financer: Vec<String>,

    /// The euros spent in a year: 2025=4200
    #[arg(long, value_name = "YEAR=AMOUNT", value_parser = parse_spent)]
    pub spent: Vec<(i32, f64)>,

    /// Remove the spending of a year
    #[arg(long, value_name = "YEAR")]
    pub remove_spent: Vec<i32>,

    /// Do not write a journal entry for a status change
    #[arg(long)]
    pub no_log: bool,

    /// A journal entry's text: of the status change, or of the change made
    #[arg(long, value_name = "TEXT", conflicts_with = "no_log")]
    pub note: Option<String>,

    /// The day of the journal entry: the status change's, or the note's (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "journal", conflicts_with = "no_log")]
    pub date: Option<NaiveDate>,

    /// Who reported it: the declared actor the journal entry names
    #[arg(
        long,
        value_name = "ACTOR",
        requires = "journal",
        conflicts_with = "no_log"
    )]
    pub by: Option<String>,

    /// Print the diff the edit would make, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct LogArgs {
    /// The action
    pub id: u32,

    /// What happened
    #[arg(required_unless_present_any = ["entry", "remove"])]
    pub message: Option<String>,

    /// The day it happened (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,

    /// The status the action moved to that day (its status too, unless a later move is in the journal)
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,

    /// Correct entry N of the journal (1 for the first): its text, --date, --status
    #[arg(long, value_name = "N")]
    pub entry: Option<usize>,

    /// Remove entry N of the journal (1 for the first)
    #[arg(long, value_name = "N", conflicts_with_all = ["message", "date", "status", "entry"])]
    pub remove: Option<usize>,

    /// Who reported it: the declared actor the new entry names
    #[arg(long, value_name = "ACTOR", conflicts_with_all = ["entry", "remove"])]
    pub by: Option<String>,

    /// Print the diff the edit would make, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// The axis the action belongs to
    #[arg(long, value_name = "N")]
    pub axis: u32,

    /// The long title
    #[arg(long)]
    pub title: String,

    /// The short title
    #[arg(long)]
    pub short_title: Option<String>,

    /// A pilot (repeat for several)
    #[arg(long, value_name = "ACTOR")]
    pub pilot: Vec<String>,

    /// Due date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due: Option<NaiveDate>,

    /// A modality (repeat for several, in order)
    #[arg(long, value_name = "TEXT")]
    pub modality: Vec<String>,

    /// Print the file that would be created, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the edit, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}
