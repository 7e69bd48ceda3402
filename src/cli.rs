//! The command line: global options and one argument struct per command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::render::csv::CsvDialect;

mod clap_fr;
mod collect;
mod edits;
mod formats;
mod help_fr;
mod meetings;
mod parsing;
mod queries;
mod records;
mod report;
mod setup;

pub use collect::{
    CollectArgs, CollectCommand, CollectExportArgs, CollectImportArgs, CollectStatusArgs,
};
pub use edits::{LogArgs, NewArgs, SetArgs};
pub use formats::{
    Format, ListFormat, PilotsFormat, PortfolioFormat, ReportFormat, ShowFormat, StatusFormat,
    from_extension,
};
pub use meetings::{MeetingAddArgs, MeetingArgs, MeetingCommand, MeetingListArgs};
use parsing::parse_date;
pub use parsing::{Target, command, parse, parse_from};
pub use queries::{ListArgs, PilotsArgs, ShowArgs, SortKey};
pub use records::*;
pub use report::{ReportArgs, ReportTable};
pub use setup::{CompletionsArgs, InitArgs, SchemaArgs, SchemaKind};

#[derive(Parser, Debug)]
#[command(
    name = "ctg",
    version,
    about = "Steer a Convention Territoriale Globale (CTG) kept as TOML files in git",
    long_about = "Steer a Convention Territoriale Globale (CTG) kept as TOML files in git.\n\n\
        The plan is a folder: ctg.toml (the convention, its actors and governance bodies), \
        axes/, actions/ and meetings/, one TOML file each. ctg reads it, checks it, and \
        answers questions about it.",
    after_help = "Examples:\n  ctg status                      # dashboard of the plan found from here\n  \
        ctg --plan ../ctg-2024 status   # another plan folder\n  \
        ctg status --today 2025-12-31   # as it will stand at the end of 2025\n  \
        ctg status --format json        # for scripts\n  \
        ctg check                       # every problem of the plan, with file:line:col"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,

    /// Whether `--format` was given on the command line (set by
    /// [`parse_from`]): it then wins over the extension of `-o FILE`.
    #[arg(skip)]
    pub format_given: bool,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// The plan folder (default: the nearest folder upward holding ctg.toml, else ./plan)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "CTG_PLAN",
        value_name = "DIR"
    )]
    pub plan: Option<PathBuf>,

    /// The date to answer for, YYYY-MM-DD or DD/MM/YYYY (default: the system date)
    #[arg(long, global = true, help_heading = "Global options", env = "CTG_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Language of the output (default: from LC_ALL, LC_MESSAGES, LANG; French where it starts with fr)
    #[arg(long, global = true, help_heading = "Global options", value_enum)]
    pub lang: Option<Lang>,

    /// When to colour the output (NO_COLOR also turns colours off)
    #[arg(long, global = true, help_heading = "Global options", value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Write the command's output to FILE instead of the standard output; its extension picks the format (.md, .json, .csv…)
    #[arg(
        long,
        short,
        global = true,
        help_heading = "Global options",
        value_name = "FILE"
    )]
    pub output: Option<PathBuf>,

    /// Print nothing on success but what was asked for (no confirmation lines)
    #[arg(long, short, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Width of the output in columns, for tables and text (default: COLUMNS, else the terminal's width, else 100 in a pipe or a file)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(20..)
    )]
    pub width: Option<u16>,
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
        ctg status --format md > tableau-de-bord.md\n  \
        ctg status --at 2024-12-31               # as the journal says things stood then")]
    Status(StatusArgs),

    /// Check every file of the plan and report all problems, with file:line:col
    #[command(
        after_help = "Examples:\n  ctg check                         # before a commit\n  \
        ctg check --deny-warnings         # in CI, where warnings must be fixed too\n  \
        ctg check --explain no-pilot      # what a rule finds, and how to fix it\n  \
        ctg check --allow future-date     # silence one rule for this run\n  \
        ctg check --format json | jq '.[] | select(.severity == \"error\")'\n\n\
        Every rule and its code: docs/rules.md.\n\
        Exit status: 0 when the plan has no error (warnings allowed unless --deny-warnings), 1 otherwise;\n\
        2 for an unknown rule, or a rule of the file format given to --warn or --allow."
    )]
    Check(CheckArgs),

    /// Actions matching filters (AND between options, OR within a repeated one)
    #[command(after_help = "Examples:\n  \
        ctg list --pilot CCVA --overdue          # what the CCVA leads that is late\n  \
        ctg list --axis 4 --status planned --status blocked\n  \
        ctg list --text ecoute --format ids      # accents and case do not matter\n  \
        ctg list --sort due --format csv > actions.csv")]
    List(ListArgs),

    /// One fiche-action in full: titles, pilots, modalities, indicators, journal
    #[command(
        after_help = "Examples:\n  ctg show 12\n  ctg show 4 --format md > fiche-4.md\n  ctg show 4 --format json | jq .modalities"
    )]
    Show(ShowArgs),

    /// Who leads what: for each actor, the actions it leads and supports, by status
    #[command(
        after_help = "Examples:\n  ctg pilots\n  ctg pilots --format csv > pilotage.csv\n  ctg pilots --format json | jq '.actors[] | {id, late: .leads.late}'"
    )]
    Pilots(PilotsArgs),

    /// Change an action (ID) or one of its modalities (ID.N), keeping the file's layout
    #[command(after_help = "Examples:\n  \
        ctg set 3 --status \"en cours\"               # also writes a journal entry\n  \
        ctg set 3 --status bloqué --date 15/09/2026  # a move on an earlier day\n  \
        ctg set 3 --due 2026-06-30 --add-pilot Communes\n  \
        ctg set 4.2 --status done                   # modality 2 of action 4, done today\n  \
        ctg set 12 --status blocked --note \"Recrutement suspendu\" --dry-run\n\n\
        The edited plan is checked before anything is written: an edit that would leave\n\
        an error is refused and no file is touched.")]
    Set(Box<SetArgs>),

    /// Add a dated entry to an action's journal, or correct or remove one
    #[command(after_help = "Examples:\n  \
        ctg log 3 \"Présentation en conseil communautaire\"\n  \
        ctg log 3 \"Lancement des ateliers\" --status in-progress --date 2026-09-15\n  \
        ctg log 3 \"Bilan partagé\" --dry-run\n  \
        ctg log 3 \"Présentation en conseil\" --entry 2\n  \
        ctg log 3 --remove 1")]
    Log(LogArgs),

    /// Create a new action file with the next free id
    #[command(after_help = "Examples:\n  \
        ctg new --axis 2 --title \"Créer un lieu d'accueil enfants-parents\"\n  \
        ctg new --axis 4 --title \"Chantiers jeunes\" --pilot Communes --modality \"Appel aux jeunes\" --dry-run")]
    New(NewArgs),

    /// Meetings of the governance bodies: record one held, list those held
    #[command(
        after_help = "Examples:\n  ctg meeting add copil --date 2026-03-12\n  ctg meeting list"
    )]
    Meeting(MeetingArgs),

    /// Workbooks for the pilots: export one per actor, import them filled in, see who answered
    #[command(after_help = "Examples:\n  \
        ctg collect export -o envois/\n  \
        ctg collect import --dry-run retours/*.xlsx\n  \
        ctg collect status envois/ retours/")]
    Collect(CollectArgs),

    /// The indicators an action is measured by: add one
    #[command(
        after_help = "Examples:\n  ctg indicator add 2 --name \"Familles accueillies\" --unit familles --target 60"
    )]
    Indicator(IndicatorArgs),

    /// The modalities of an action: add one
    #[command(after_help = "Examples:\n  ctg modality add 18 \"Fête des associations\"")]
    Modality(ModalityArgs),

    /// The convention itself: set its name, territory, Caf and dates
    #[command(after_help = "Examples:\n  ctg convention set --start 2024-01-01 --end 31/12/2027")]
    Convention(ConventionArgs),

    /// The bilan of a year or a period: md, html, json, csv, xlsx, docx (Word) or odt
    #[command(after_help = "Examples:\n  \
        ctg report                                   # last year, markdown on stdout\n  \
        ctg report --year 2025 -o bilan-2025.html    # the format from the extension\n  \
        ctg report --from 2025-01-01 --to 2025-06-30 --format json\n  \
        ctg report --year 2025 -o bilan-2025.xlsx\n  \
        ctg report --year 2025 -o bilan-2025.docx    # for Word or LibreOffice\n\n\
        The same plan and --today give the same bytes, in every format.")]
    Report(ReportArgs),

    /// One row per plan found beneath DIR: progress, lateness, governance, errors
    #[command(after_help = "Examples:\n  \
        ctg portfolio plans/                       # every plan beneath plans/\n  \
        ctg portfolio plans/ --sort late           # the most late actions first\n  \
        ctg portfolio plans/ --format csv > suivi-ctg.csv\n\n\
        A plan with errors is a row with its error count and first error; the\n\
        exit status is 1 when any plan has an error, after every row is printed.")]
    Portfolio(PortfolioArgs),

    /// What changed in the plan between two git revisions, field by field
    #[command(after_help = "Examples:\n  \
        ctg diff copil-2024                      # since the tag of the last committee\n  \
        ctg diff copil-2024 copil-2025           # between two committees\n  \
        ctg diff HEAD~3 --format json\n\n\
        REV2 defaults to the files as they are now. Git must know the plan's folder.")]
    Diff(DiffArgs),

    /// Write a new plan for another territory, ready to fill in
    #[command(after_help = "Examples:\n  \
        ctg init ctg-2025 --territory \"Communauté de communes du Pays d'Exemple\"\n  \
        ctg init plan --territory \"CC d'Exemple\" --caf \"Caf de l'Exemple\" --start 2025-01-01 --end 2028-12-31")]
    Init(InitArgs),

    /// Print the JSON Schema of a kind of plan file, for editors that complete and check as you type
    #[command(after_help = "Examples:\n  \
        ctg schema action > schemas/action.schema.json\n  \
        ctg schema convention -o schemas/convention.schema.json")]
    Schema(SchemaArgs),

    /// Print the completion script of a shell
    #[command(after_help = "Examples:\n  \
        ctg completions bash > ~/.local/share/bash-completion/completions/ctg\n  \
        ctg completions zsh > \"${fpath[1]}/_ctg\"\n  \
        ctg completions fish > ~/.config/fish/completions/ctg.fish")]
    Completions(CompletionsArgs),

    /// Print the manual page (roff)
    #[command(after_help = "Examples:\n  \
        ctg man > ~/.local/share/man/man1/ctg.1\n  \
        ctg man | man -l -")]
    Man,
}

impl Command {
    /// The arguments of the command named `name`, as the variants above give
    /// them to clap; `None` for a word that names no command.
    fn arguments(name: &str) -> Option<fn(clap::Command) -> clap::Command> {
        Some(match name {
            "status" => StatusArgs::augment_args,
            "check" => CheckArgs::augment_args,
            "list" => ListArgs::augment_args,
            "show" => ShowArgs::augment_args,
            "pilots" => PilotsArgs::augment_args,
            "set" => SetArgs::augment_args,
            "log" => LogArgs::augment_args,
            "new" => NewArgs::augment_args,
            "meeting" => MeetingArgs::augment_args,
            "collect" => CollectArgs::augment_args,
            "indicator" => IndicatorArgs::augment_args,
            "modality" => ModalityArgs::augment_args,
            "convention" => ConventionArgs::augment_args,
            "report" => ReportArgs::augment_args,
            "portfolio" => PortfolioArgs::augment_args,
            "diff" => DiffArgs::augment_args,
            "init" => InitArgs::augment_args,
            "schema" => SchemaArgs::augment_args,
            "completions" => CompletionsArgs::augment_args,
            "man" => |command| command,
            _ => return None,
        })
    }

    /// The command line cut down to its global options and the first
    /// command among `args`, without help texts: building the twenty
    /// commands was most of clap's work on every run. A command line that
    /// parses with it parses the same with the whole one, which tells help
    /// and mistakes ([`parse_from`]). `None` when no argument names a command.
    fn only(args: &[std::ffi::OsString]) -> Option<clap::Command> {
        let (name, arguments) = args.iter().skip(1).find_map(|arg| {
            let name = arg.to_str()?;
            Some((name, Command::arguments(name)?))
        })?;
        let root = GlobalArgs::augment_args(clap::Command::new("ctg"));
        Some(root.subcommand(arguments(clap::Command::new(name.to_string()))))
    }
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The earlier revision: a tag, a branch, a commit
    #[arg(value_name = "REV")]
    pub from: String,

    /// The later revision (default: the files as they are now)
    #[arg(value_name = "REV2")]
    pub to: Option<String>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

#[derive(Args, Debug)]
pub struct PortfolioArgs {
    /// The folder to search for plans (folders holding ctg.toml)
    pub dir: PathBuf,

    /// Order: territory, progress (least advanced first), late, errors (most first)
    #[arg(long, value_enum, default_value_t = PortfolioSort::Territory)]
    pub sort: PortfolioSort,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = PortfolioFormat::Table)]
    pub format: PortfolioFormat,

    /// CSV flavour: fr (';', decimal comma, byte order mark) or rfc (RFC 4180)
    #[arg(long, value_enum, default_value_t = CsvDialect::Fr)]
    pub csv_dialect: CsvDialect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PortfolioSort {
    Territory,
    Progress,
    Late,
    Errors,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Output format: annotated source lines for people, or a JSON array of diagnostics
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,

    /// Explain a rule: its level, what it finds, an example of a fix (needs no plan)
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,

    /// Make a rule's diagnostics errors for this run (repeatable, or CODE,CODE)
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub deny: Vec<String>,

    /// Make a rule's diagnostics warnings for this run; rules of the file format stay errors
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub warn: Vec<String>,

    /// Silence a rule's diagnostics for this run; rules of the file format stay errors
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub allow: Vec<String>,
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

    /// The dashboard as things stood on this date, statuses rebuilt from the journal
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub at: Option<NaiveDate>,

    /// Allow an --at date outside the convention's dates (a note says so)
    #[arg(long, requires = "at")]
    pub force: bool,

    /// The dashboard of the plan as committed at this git revision (a tag, a commit)
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn each_command_alone_has_the_arguments_of_the_whole_line() {
        let mut whole = Cli::command();
        whole.build();
        let ids = |cmd: &clap::Command| -> Vec<String> {
            let args = cmd.get_arguments().map(|arg| arg.get_id().to_string());
            let commands = cmd.get_subcommands().map(|sub| sub.get_name().to_string());
            args.chain(commands).collect()
        };
        let commands = whole
            .get_subcommands()
            .filter(|sub| sub.get_name() != "help");
        for sub in commands {
            let args = ["ctg", sub.get_name()].map(std::ffi::OsString::from);
            let mut alone = Command::only(&args).expect("a command");
            alone.build();
            let alone = alone.find_subcommand(sub.get_name()).expect("the command");
            assert_eq!(ids(alone), ids(sub), "{}", sub.get_name());
        }
    }
}
