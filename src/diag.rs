//! Diagnostics: what is wrong, where, and what to do about it.
//!
//! Loading and checking push every problem they find into one list; a
//! command then renders the whole list (`render::diagnostics`), in the style
//! of rustc (annotated source lines) or as JSON for machines. Apart from the
//! re-export of the renderers, this module depends only on `span`: the
//! files and their text are the renderers' business.

use serde::Serialize;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($name:ident => $text:literal,)*) => {
        /// The stable name of a rule, as scripts and documentation refer to it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Code { $($name,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $text,)* }
            }
        }
    };
}

codes! {
    NoPlan => "no-plan",
    MissingConvention => "missing-convention",
    UnreadableFile => "unreadable-file",
    InvalidUtf8 => "invalid-utf8",
    TomlSyntax => "toml-syntax",
    WrongType => "wrong-type",
    MissingKey => "missing-key",
    UnknownKey => "unknown-key",
    InvalidStatus => "invalid-status",
    InvalidDate => "invalid-date",
    InvalidId => "invalid-id",
    OutOfRange => "out-of-range",
    InvalidYear => "invalid-year",
    EmptyTitle => "empty-title",
    UnsupportedSchema => "unsupported-schema",
    LinkOutsidePlan => "link-outside-plan",
    NotAFile => "not-a-file",
    DuplicateId => "duplicate-id",
    FileNameMismatch => "file-name-mismatch",
    UnknownAxis => "unknown-axis",
    EmptyAxis => "empty-axis",
    UnknownActor => "unknown-actor",
    StrayRole => "stray-role",
    PilotAndPartner => "pilot-and-partner",
    NoPilot => "no-pilot",
    UnknownCommune => "unknown-commune",
    StartAfterDue => "start-after-due",
    PeriodInverted => "period-inverted",
    OutsidePeriod => "outside-period",
    FutureDate => "future-date",
    JournalOrder => "journal-order",
    StatusJournalMismatch => "status-journal-mismatch",
    DoneWithOpenModalities => "done-with-open-modalities",
    DoneDateNotDone => "done-date-not-done",
    UnknownBody => "unknown-body",
}

/// A secondary place shown with the main one ("first defined here").
#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub help: Option<String>,
    /// The file, relative to the plan folder, when the problem is in one.
    pub file: Option<String>,
    /// The exact place, when the file's text could be read.
    pub span: Option<Span>,
    /// A place known only by line and column (text that is not UTF-8).
    pub line_col: Option<(usize, usize)>,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            help: None,
            file: None,
            span: None,
            line_col: None,
            labels: Vec::new(),
        }
    }

    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }

    pub fn in_file_named(mut self, name: &str) -> Diagnostic {
        self.file = Some(name.to_string());
        self
    }

    pub fn at(mut self, span: Span, sources_name: &str) -> Diagnostic {
        self.file = Some(sources_name.to_string());
        self.span = Some(span);
        self
    }

    pub fn at_line_col(mut self, line: usize, column: usize) -> Diagnostic {
        self.line_col = Some((line, column));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// 1-based line and column, when the place is known.
    pub fn position(&self, places: &impl Places) -> Option<(usize, usize)> {
        match &self.span {
            Some(span) => Some(places.line_col(span)),
            None => self.line_col,
        }
    }
}

/// What turns a span into a line and a column: the plan's files, read.
pub trait Places {
    /// 1-based line and column (in characters) where `span` starts.
    fn line_col(&self, span: &Span) -> (usize, usize);
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|diag| diag.severity == Severity::Error)
}

/// Sorts by file, then position, so that the output reads like the files.
pub fn sort(diags: &mut [Diagnostic], places: &impl Places) {
    diags.sort_by_cached_key(|diag| {
        (
            diag.file.clone(),
            diag.position(places).unwrap_or((0, 0)),
            diag.severity,
        )
    });
}

/// The renderers, re-exported where callers first found them: the code
/// lives in `render::diagnostics` and nothing here uses it.
pub use crate::render::diagnostics::{JsonDiagnostic, render_human, to_json};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kebab_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(
                text.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{text} is not kebab-case"
            );
            assert!(seen.insert(text), "{text} is used twice");
        }
    }
}
