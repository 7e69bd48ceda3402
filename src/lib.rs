//! `ctg`: steer a Convention Territoriale Globale kept as TOML files.
//!
//! Data flows one way: `source` (files to text) → `load` (text to a typed
//! `model::Plan`, problems as `diag::Diagnostic`s) → `commands` (answers) →
//! `render` (tables, markdown, JSON). `main.rs` only parses the command line
//! and calls [`run`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod edit;
pub mod git;
pub mod help_fr;
pub mod i18n;
pub mod load;
pub mod model;
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

use crate::cli::{Cli, ColorWhen, Command};
use crate::i18n::Lang;

/// What every command needs besides its own arguments.
pub struct Context {
    pub lang: Lang,
    /// "Today" for every date-dependent answer: `--today`, `CTG_TODAY`, else the clock.
    pub today: NaiveDate,
    pub plan: Option<PathBuf>,
    pub cwd: PathBuf,
    /// `-o FILE`: where the command's output goes instead of stdout.
    pub output: Option<PathBuf>,
}

/// A command's failure, already worded for the person reading it, with the
/// exit code it calls for: 1 when the plan or the command's content is at
/// fault, 2 when the command line asks for something that cannot be.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn content(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

/// What a command prints, and whether it succeeded. A command can fail and
/// still print its answer (`ctg check --format json` lists the errors on
/// stdout and exits 1).
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The exit code: 0 success, 1 content failure, 2 usage error.
    pub code: u8,
}

impl Outcome {
    pub fn success(stdout: String) -> Outcome {
        Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
}

impl From<Failure> for Outcome {
    fn from(failure: Failure) -> Outcome {
        let mut stderr = failure.message;
        if !stderr.ends_with('\n') {
            stderr.push('\n');
        }
        Outcome {
            stdout: String::new(),
            stderr,
            code: failure.code,
        }
    }
}

/// Whether a successful command's standard output only confirms what it
/// did (which `--quiet` silences), rather than being what was asked for.
fn only_confirms(command: &Command, to_file: bool) -> bool {
    match command {
        Command::Set(args) => !args.dry_run,
        Command::Log(args) => !args.dry_run,
        Command::New(args) => !args.dry_run,
        Command::Init(_) => true,
        Command::Check(args) => args.format == cli::CheckFormat::Human,
        _ => to_file,
    }
}

/// Writes text to a stream in one piece, without its colours where the
/// stream does not take them (a pipe, `NO_COLOR`, `--color never`).
fn emit<S: anstream::stream::RawStream + std::io::IsTerminal>(
    stream: S,
    text: &str,
    choice: anstream::ColorChoice,
) {
    if text.is_empty() {
        return;
    }
    let styled = anstream::AutoStream::new(stream, choice);
    let plain;
    let text = if styled.current_choice() == anstream::ColorChoice::Never {
        plain = anstream::adapter::strip_str(text).to_string();
        plain.as_str()
    } else {
        text
    };
    let mut raw = styled.into_inner();
    let _ = raw.write_all(text.as_bytes());
    let _ = raw.flush();
}

/// Runs one command line and says how the process should exit:
/// 0 success, 1 the plan or the command's content is at fault.
pub fn run(cli: Cli) -> ExitCode {
    let global = &cli.global;
    let lang = global
        .lang
        .unwrap_or_else(|| Lang::from_locale(|var| std::env::var(var).ok()));
    let context = Context {
        lang,
        today: global
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        plan: global.plan.clone(),
        cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        output: global.output.clone(),
    };
    let choice = match global.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    let result = match &cli.command {
        Command::Status(args) => commands::status::run(&context, args).map(Outcome::success),
        Command::Check(args) => commands::check::run(&context, args),
        Command::List(args) => commands::list::run(&context, args).map(Outcome::success),
        Command::Show(args) => commands::show::run(&context, args).map(Outcome::success),
        Command::Pilots(args) => commands::pilots::run(&context, args).map(Outcome::success),
        Command::Set(args) => commands::set::run(&context, args).map(Outcome::success),
        Command::Log(args) => commands::log::run(&context, args).map(Outcome::success),
        Command::New(args) => commands::new::run(&context, args).map(Outcome::success),
        Command::Report(args) => commands::report::run(&context, args).map(Outcome::success),
        Command::Portfolio(args) => commands::portfolio::run(&context, args),
        Command::Diff(args) => commands::diff::run(&context, args).map(Outcome::success),
        Command::Init(args) => commands::init::run(&context, args).map(Outcome::success),
        Command::Schema(args) => commands::schema::run(args).map(Outcome::success),
        Command::Completions(args) => {
            Ok(Outcome::success(commands::shell::completions(args.shell)))
        }
        Command::Man => commands::shell::man().map(Outcome::success),
    };
    let mut outcome = result.unwrap_or_else(Outcome::from);
    // The report writes its own file (a workbook is bytes); any other
    // command's output goes to -o FILE here, colours removed.
    let writes_itself = matches!(cli.command, Command::Report(_));
    if let (Some(path), false) = (&context.output, writes_itself)
        && !outcome.stdout.is_empty()
    {
        let text = anstream::adapter::strip_str(&outcome.stdout).to_string();
        match edit::write_atomically(path, text.as_bytes()) {
            Ok(()) => {
                outcome.stdout = format!("{}\n", lang.fill(i18n::Msg::Written, &[&path.display()]))
            }
            Err(err) => {
                let message = lang.fill(i18n::Msg::ErrorWrite, &[&path.display(), &err]);
                outcome.stderr.push_str(&format!("{message}\n"));
                outcome.code = 1;
            }
        }
    }
    if global.quiet && outcome.code == 0 && only_confirms(&cli.command, context.output.is_some()) {
        outcome.stdout.clear();
    }
    // A closed pipe (`ctg status | head`) is the reader's choice, not an error.
    emit(std::io::stdout(), &outcome.stdout, choice);
    emit(std::io::stderr(), &outcome.stderr, choice);
    ExitCode::from(outcome.code)
}
