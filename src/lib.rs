//! `ctg`: steer a Convention Territoriale Globale kept as TOML files.
//!
//! Data flows one way: `source` (files to text) → `load` (text to a typed
//! `model::Plan`, problems as `diag::Diagnostic`s) → `commands` (answers) →
//! `render` (tables, markdown, JSON) → `output` (`-o FILE`, `--quiet`, the
//! streams). What goes wrong is an `error::Error`, data without words, that
//! `failure` tells in the user's language or as JSON. `main.rs` only parses
//! the command line and calls [`run`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod check;
pub mod cli;
pub mod collect;
pub mod commands;
pub mod diag;
pub mod edit;
pub mod error;
pub mod failure;
pub mod git;
pub mod heap;
pub mod i18n;
pub mod load;
pub mod model;
pub mod output;
pub mod parallel;
pub mod query;
pub mod reader;
pub mod render;
pub mod schema;
pub mod source;
pub mod span;
pub mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::{Cli, CollectArgs, CollectCommand, ColorWhen, Command};
use crate::error::Error;
use crate::failure::Shape;
use crate::i18n::Lang;
use crate::output::{Body, Delivery, Output};

/// What every command needs besides its own arguments.
pub struct Context {
    pub lang: Lang,
    /// "Today" for every date-dependent answer: `--today`, `CTG_TODAY`, else the clock.
    pub today: NaiveDate,
    pub plan: Option<PathBuf>,
    pub cwd: PathBuf,
    /// `-o FILE`: where the command's output goes instead of stdout. Written
    /// by `output` alone; a command only asks whether there is one (a
    /// workbook needs a file).
    pub output: Option<PathBuf>,
    /// How many columns a line of terminal output may take
    /// (`render::terminal::width`); the other formats ignore it.
    pub width: usize,
    /// Whether the standard error takes colours (a terminal, `--color
    /// always`): diagnostics are drawn styled only then, instead of styled
    /// and stripped again.
    pub styled_notes: bool,
}

/// Runs one command line and says how the process should exit: 0 success,
/// 1 the plan or the command's content is at fault, 2 a usage error.
pub fn run(cli: Cli) -> ExitCode {
    let Cli {
        global,
        mut command,
        format_given,
    } = cli;
    let lang = global
        .lang
        .unwrap_or_else(|| Lang::from_locale(|var| std::env::var(var).ok()));
    let choice = match global.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    let stderr_choice = anstream::AutoStream::new(std::io::stderr(), choice).current_choice();
    let context = Context {
        styled_notes: stderr_choice != anstream::ColorChoice::Never,
        lang,
        today: global
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        plan: global.plan.clone(),
        cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        output: global.output.clone(),
        width: render::terminal::width::detect(global.width, global.output.is_some()),
    };
    let chosen = match &global.output {
        Some(file) => command.choose_format(file, format_given),
        None => Ok(()),
    };
    let result = chosen.and_then(|()| dispatch(&command, &context));
    // `collect export -o DIR` writes its workbooks in the folder itself.
    let output_is_folder = matches!(
        &command,
        Command::Collect(CollectArgs {
            command: CollectCommand::Export(_)
        })
    );
    let delivery = Delivery {
        lang,
        file: global.output.clone().filter(|_| !output_is_folder),
        plan: global
            .output
            .as_ref()
            .and_then(|_| source::find_plan_dir(context.plan.as_deref(), &context.cwd)),
        quiet: global.quiet,
        json: command.asks_json().then_some(match command {
            Command::Check(_) => Shape::Diagnostics,
            _ => Shape::Document,
        }),
    };
    let printed = output::deliver(result, &delivery);
    output::emit(std::io::stdout(), &printed.stdout, choice);
    // Decided once, above: the diagnostics were drawn for that choice.
    output::emit(
        std::io::stderr(),
        &Body::Text(printed.stderr),
        stderr_choice,
    );
    // Printed: the bilan of a large plan, some 15 MB in hundreds of pieces,
    // would be freed last, on one core.
    commands::left_to_exit(printed.stdout);
    ExitCode::from(printed.code)
}

/// The command's own work: what it produces, or why it cannot.
fn dispatch(command: &Command, context: &Context) -> Result<Output, Error> {
    match command {
        Command::Status(args) => commands::status::run(context, args),
        Command::Check(args) => commands::check::run(context, args),
        Command::List(args) => commands::list::run(context, args),
        Command::Show(args) => commands::show::run(context, args),
        Command::Pilots(args) => commands::pilots::run(context, args),
        Command::Set(args) => commands::set::run(context, args),
        Command::Log(args) => commands::log::run(context, args),
        Command::New(args) => commands::new::run(context, args),
        Command::Meeting(args) => commands::meeting::run(context, args),
        Command::Collect(args) => commands::collect::run(context, args),
        Command::Indicator(args) => commands::indicator::run(context, args),
        Command::Modality(args) => commands::modality::run(context, args),
        Command::Convention(args) => commands::convention::run(context, args),
        Command::Report(args) => commands::report::run(context, args),
        Command::Portfolio(args) => commands::portfolio::run(context, args),
        Command::Diff(args) => commands::diff::run(context, args),
        Command::Init(args) => commands::init::run(context, args),
        Command::Schema(args) => commands::schema::run(context, args),
        Command::Completions(args) => Ok(commands::shell::completions(args.shell)),
        Command::Man => commands::shell::man(context.lang),
    }
}
