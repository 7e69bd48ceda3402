//! The arguments of `ctg collect`: workbooks sent to the pilots and read back.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::ShowFormat;

#[derive(Args, Debug)]
pub struct CollectArgs {
    #[command(subcommand)]
    pub command: CollectCommand,
}

#[derive(Subcommand, Debug)]
pub enum CollectCommand {
    /// Prepare one workbook per actor, to send to the pilots, in the folder -o DIR
    #[command(after_help = "Examples:\n  \
        ctg collect export -o envois/\n  \
        ctg collect export -o envois/ --actor Communes --actor EPE\n  \
        ctg collect export -o envois/ --year 2026")]
    Export(CollectExportArgs),

    /// Read returned workbooks (xlsx, ods) into the plan, each answer an edit
    #[command(after_help = "Examples:\n  \
        ctg collect import --dry-run retours/*.xlsx\n  \
        ctg collect import retours/suivi-communes-2026-11-02.ods\n  \
        ctg collect import --partial retours/*")]
    Import(CollectImportArgs),

    /// Who was sent a workbook, who answered, what is left to import
    #[command(after_help = "Examples:\n  \
        ctg collect status envois/ retours/\n  \
        ctg collect status envois/ retours/ --format json")]
    Status(CollectStatusArgs),
}

#[derive(Args, Debug)]
pub struct CollectExportArgs {
    /// Only this actor's workbook (repeat for several; default: every actor)
    #[arg(long, value_name = "ACTOR")]
    pub actor: Vec<String>,

    /// The year whose indicator values the workbooks ask for (default: this year)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,

    /// Replace workbooks of the same name already in the folder
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct CollectImportArgs {
    /// The returned workbooks (.xlsx or .ods)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Apply the rows without a problem and list the others (default: a problem refuses everything)
    #[arg(long)]
    pub partial: bool,

    /// Print what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the import, writing nothing, if it adds warnings to the plan
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct CollectStatusArgs {
    /// The folders holding the workbooks sent and returned
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}
