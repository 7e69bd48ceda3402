//! What can go wrong, as data.
//!
//! A core module says which failure happened and hands over the facts needed
//! to tell it: paths, ids, names, the lists of known values, the text of the
//! underlying io or git error. It chooses no words: the edge (`failure`)
//! words each variant from the catalogue, in the user's language, for a
//! person on stderr or for a program as JSON on stdout.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::source::SourceSet;

/// The errors of a plan, with the files they point into.
pub struct Invalid {
    /// The errors (warnings left out), sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: std::sync::Arc<SourceSet>,
    /// The git revision the plan was read at; `None` for the files on disk.
    pub revision: Option<String>,
}

impl std::fmt::Debug for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = self.diagnostics.iter().map(|d| d.code()).collect();
        f.debug_struct("Invalid")
            .field("diagnostics", &codes)
            .field("revision", &self.revision)
            .finish()
    }
}

/// One failure of a command. `code()` is its stable name for programs;
/// `exit_code()` says whether the content (1) or the command line (2) is at fault.
#[derive(Debug)]
pub enum Error {
    /// No plan folder upward from `from`, and no `plan/` there.
    NoPlan {
        from: PathBuf,
    },
    /// `--plan` (or `CTG_PLAN`) names a folder that does not exist.
    PlanFolderMissing {
        dir: PathBuf,
    },
    /// The plan has errors: no command answers from a broken plan.
    PlanInvalid(Box<Invalid>),
    /// An edit would leave errors in the plan; nothing was written.
    EditRefused(Box<Invalid>),
    /// With `--strict`, an edit would add warnings to the plan; nothing was written.
    EditWarned(Box<Invalid>),
    /// A plan file could not be read (`file` relative to the plan).
    ReadFailed {
        file: String,
        detail: String,
    },
    /// A plan file to edit is not TOML.
    FileSyntax {
        file: String,
        detail: String,
    },
    /// A file could not be written (a plan file, `-o FILE`, the lock).
    WriteFailed {
        path: PathBuf,
        detail: String,
    },
    /// `-o FILE` in a folder that does not exist (`dir`).
    OutputFolderMissing {
        path: PathBuf,
        dir: PathBuf,
    },
    /// `-o FILE` naming one of the plan's own files (usage).
    OutputIsPlanFile {
        path: PathBuf,
    },
    /// `--plan` or the folder of `ctg portfolio` names something that is not a folder.
    NotAFolder {
        path: PathBuf,
    },
    /// The file a new action would be written to exists already.
    FileExists {
        file: String,
    },
    /// `ctg init` into a folder that already holds a plan.
    PlanExists {
        dir: PathBuf,
    },
    /// The folder `ctg portfolio` should search does not exist.
    NoSuchFolder {
        dir: PathBuf,
    },
    NotARepo {
        dir: PathBuf,
    },
    UnknownRevision {
        name: String,
    },
    /// The plan folder (`folder`, relative to the repository) was not there yet.
    PlanNotAtRevision {
        revision: String,
        folder: String,
    },
    Git {
        detail: String,
    },
    NoSuchAction {
        id: u32,
        known: Vec<u32>,
    },
    NoSuchModality {
        action: u32,
        count: usize,
        number: usize,
    },
    NoSuchIndicator {
        action: u32,
        count: usize,
        number: usize,
    },
    /// Removing a modality would renumber those after it (without `--force`).
    ModalityRenumbers {
        action: u32,
        number: usize,
        count: usize,
    },
    /// An action's journal has no entry of that number.
    NoSuchLogEntry {
        action: u32,
        count: usize,
        number: usize,
    },
    /// The journal (`log`) of the file to edit is written in a way an edit
    /// cannot add to: neither `[[log]]` tables nor an array of inline tables.
    JournalLayout,
    NotPilot {
        actor: String,
        action: u32,
    },
    NotPartner {
        actor: String,
        action: u32,
    },
    /// An actor the plan does not declare (usage).
    UnknownActor {
        name: String,
        known: Vec<String>,
    },
    /// A theme no axis has (usage).
    /// A commune that no name of the plan matches (usage).
    UnknownCommune {
        name: String,
        known: Vec<String>,
    },
    /// A governance body `ctg.toml` does not declare (usage).
    UnknownBody {
        name: String,
        known: Vec<String>,
    },
    UnknownTheme {
        name: String,
        known: Vec<String>,
    },
    /// An option of an action given for a modality (usage).
    NotForAModality,
    /// `--done` given for an action (usage).
    DoneNeedsModality {
        /// The option given (`--done`, `--text`).
        option: &'static str,
        action: u32,
    },
    /// `ctg set` with no change asked (usage).
    NothingToChange,
    /// `collect export` without `-o DIR`.
    CollectNeedsFolder,
    /// Returned workbooks hold problems; nothing was written.
    CollectRefused {
        problems: Vec<crate::collect::Problem>,
    },
    /// A title, message or modality that is blank (usage).
    EmptyText,
    /// `ctg init --start` later than `--end` (usage).
    PeriodInverted {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// `--from` later than `--to` (usage).
    EmptyPeriod {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// A year no calendar date can hold (usage).
    UnusableYear {
        year: i32,
    },
    /// A report period or `--at` day wholly outside the convention's dates,
    /// without `--force` (usage).
    OutsideConvention {
        period: crate::model::Period,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    /// `-o FILE` whose extension names none of the command's formats (usage).
    UnknownExtension {
        path: PathBuf,
        accepted: Vec<&'static str>,
    },
    /// `--explain`, `--deny`, `--warn` or `--allow` of a code no rule has (usage).
    UnknownRule {
        code: String,
        near: Option<&'static str>,
        known: Vec<&'static str>,
    },
    /// A rule of the file format given to `--warn` or `--allow` (usage).
    RuleLocked {
        code: &'static str,
        option: &'static str,
    },
    /// One rule given to two of `--deny`, `--warn`, `--allow` (usage).
    RuleTwoLevels {
        code: &'static str,
        first: &'static str,
        second: &'static str,
    },
    /// `report --since` asked in CSV, a single table of actions (usage).
    SinceNotInCsv,
    /// The workbook is bytes for a file, never for a terminal (usage).
    XlsxNeedsFile,
    /// A renderer failed: a bug, not the user's doing.
    Internal {
        detail: String,
    },
}

impl Error {
    /// The stable kebab-case name of the failure, for scripts (`error.code`
    /// in JSON) and documentation (`docs/errors.md`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::NoPlan { .. } | Error::PlanFolderMissing { .. } => "no-plan",
            Error::PlanInvalid(_) => "plan-invalid",
            Error::EditRefused(_) => "edit-refused",
            Error::EditWarned(_) => "edit-warned",
            Error::ReadFailed { .. } => "unreadable-file",
            Error::FileSyntax { .. } => "toml-syntax",
            Error::WriteFailed { .. } => "write-failed",
            Error::OutputFolderMissing { .. } => "no-output-folder",
            Error::OutputIsPlanFile { .. } => "output-is-plan-file",
            Error::NotAFolder { .. } => "not-a-folder",
            Error::FileExists { .. } => "file-exists",
            Error::PlanExists { .. } => "plan-exists",
            Error::NoSuchFolder { .. } => "no-such-folder",
            Error::NotARepo { .. } => "not-a-repo",
            Error::UnknownRevision { .. } => "unknown-revision",
            Error::PlanNotAtRevision { .. } => "no-plan-at-revision",
            Error::Git { .. } => "git-failed",
            Error::NoSuchAction { .. } => "no-such-action",
            Error::NoSuchModality { .. } => "no-such-modality",
            Error::NoSuchIndicator { .. } => "no-such-indicator",
            Error::NoSuchLogEntry { .. } => "no-such-journal-entry",
            Error::JournalLayout => "journal-layout",
            Error::ModalityRenumbers { .. } => "modality-renumbers",
            Error::NotPilot { .. } => "not-a-pilot",
            Error::NotPartner { .. } => "not-a-partner",
            Error::UnknownActor { .. } => "unknown-actor",
            Error::UnknownTheme { .. } => "unknown-theme",
            Error::UnknownBody { .. } => "unknown-body",
            Error::UnknownCommune { .. } => "unknown-commune",
            Error::NotForAModality => "not-for-a-modality",
            Error::DoneNeedsModality { .. } => "done-needs-modality",
            Error::NothingToChange => "nothing-to-change",
            Error::CollectNeedsFolder => "collect-needs-folder",
            Error::CollectRefused { .. } => "collect-refused",
            Error::EmptyText => "empty-text",
            Error::PeriodInverted { .. } => "period-inverted",
            Error::EmptyPeriod { .. } => "empty-period",
            Error::UnusableYear { .. } => "unusable-year",
            Error::OutsideConvention { .. } => "outside-convention",
            Error::UnknownExtension { .. } => "unknown-format",
            Error::UnknownRule { .. } => "unknown-rule",
            Error::RuleLocked { .. } => "rule-locked",
            Error::RuleTwoLevels { .. } => "rule-two-levels",
            Error::SinceNotInCsv => "since-not-in-csv",
            Error::XlsxNeedsFile => "xlsx-needs-file",
            Error::Internal { .. } => "internal",
        }
    }

    /// 2 when the command line asks for something that cannot be, 1 when
    /// the plan or the command's content is at fault.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::UnknownActor { .. }
            | Error::UnknownTheme { .. }
            | Error::UnknownBody { .. }
            | Error::UnknownCommune { .. }
            | Error::NotForAModality
            | Error::DoneNeedsModality { .. }
            | Error::NothingToChange
            | Error::CollectNeedsFolder
            | Error::EmptyText
            | Error::PeriodInverted { .. }
            | Error::EmptyPeriod { .. }
            | Error::UnusableYear { .. }
            | Error::OutsideConvention { .. }
            | Error::UnknownExtension { .. }
            | Error::UnknownRule { .. }
            | Error::RuleLocked { .. }
            | Error::RuleTwoLevels { .. }
            | Error::XlsxNeedsFile
            | Error::SinceNotInCsv
            | Error::OutputIsPlanFile { .. } => 2,
            _ => 1,
        }
    }

    /// The plan's errors, for the failures that come with them.
    pub fn invalid(&self) -> Option<&Invalid> {
        match self {
            Error::PlanInvalid(invalid)
            | Error::EditRefused(invalid)
            | Error::EditWarned(invalid) => Some(invalid),
            _ => None,
        }
    }

    /// A renderer's failure (JSON, CSV, a workbook, the man page).
    pub fn internal(err: impl std::fmt::Display) -> Error {
        Error::Internal {
            detail: err.to_string(),
        }
    }

    /// A write that failed, with the io error as detail.
    pub fn write(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Error {
        Error::WriteFailed {
            path: path.into(),
            detail: err.to_string(),
        }
    }
}
