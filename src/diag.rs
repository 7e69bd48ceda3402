//! Diagnostics: what is wrong, where, and what to do about it.
//!
//! Loading and checking push every problem they find into one list; a
//! command then renders the whole list, in the style of rustc (annotated
//! source lines) or as JSON for machines.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::source::SourceSet;
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
    pub fn position(&self, sources: &SourceSet) -> Option<(usize, usize)> {
        match &self.span {
            Some(span) => Some(sources.file(span.file).line_col(span.range.start)),
            None => self.line_col,
        }
    }
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|diag| diag.severity == Severity::Error)
}

/// Sorts by file, then position, so that the output reads like the files.
pub fn sort(diags: &mut [Diagnostic], sources: &SourceSet) {
    diags.sort_by_cached_key(|diag| {
        (
            diag.file.clone(),
            diag.position(sources).unwrap_or((0, 0)),
            diag.severity,
        )
    });
}

/// The machine contract of `ctg check --format json`: one object per diagnostic.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub severity: Severity,
    pub code: &'static str,
    pub message: &'a str,
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub help: Option<&'a str>,
}

pub fn to_json<'a>(diags: &'a [Diagnostic], sources: &SourceSet) -> Vec<JsonDiagnostic<'a>> {
    diags
        .iter()
        .map(|diag| {
            let position = diag.position(sources);
            JsonDiagnostic {
                severity: diag.severity,
                code: diag.code.as_str(),
                message: &diag.message,
                file: diag.file.as_deref(),
                line: position.map(|(line, _)| line),
                column: position.map(|(_, column)| column),
                help: diag.help.as_deref(),
            }
        })
        .collect()
}

/// Renders diagnostics for people: the annotated source line with a caret
/// under the exact span, then the help. `styled` adds colours.
pub fn render_human(diags: &[Diagnostic], sources: &SourceSet, lang: Lang, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diag in diags {
        let level = match diag.severity {
            Severity::Error => Level::ERROR.with_name(lang.text(Msg::SeverityError)),
            Severity::Warning => Level::WARNING.with_name(lang.text(Msg::SeverityWarning)),
        };
        let mut group = Group::with_title(
            level
                .primary_title(diag.message.as_str())
                .id(diag.code.as_str()),
        );
        if let Some(span) = &diag.span {
            let file = sources.file(span.file);
            let mut snippet = Snippet::source(file.text.as_str())
                .path(file.name.as_str())
                .annotation(AnnotationKind::Primary.span(clamp(&span.range, &file.text)));
            for label in diag
                .labels
                .iter()
                .filter(|label| label.span.file == span.file)
            {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(clamp(&label.span.range, &file.text))
                        .label(label.message.as_str()),
                );
            }
            group = group.element(snippet);
            for label in diag
                .labels
                .iter()
                .filter(|label| label.span.file != span.file)
            {
                let other = sources.file(label.span.file);
                group = group.element(
                    Snippet::source(other.text.as_str())
                        .path(other.name.as_str())
                        .annotation(
                            AnnotationKind::Context
                                .span(clamp(&label.span.range, &other.text))
                                .label(label.message.as_str()),
                        ),
                );
            }
        } else if let Some(file) = &diag.file {
            let mut origin = annotate_snippets::Origin::path(file.as_str());
            if let Some((line, column)) = diag.line_col {
                origin = origin.line(line).char_column(column);
            }
            group = group.element(origin);
        }
        if let Some(help) = &diag.help {
            group = group.element(
                Level::HELP
                    .with_name(lang.text(Msg::Help))
                    .message(help.as_str()),
            );
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// A span that is safe to hand to the renderer: inside the text, on
/// character boundaries, and never empty (so the caret has something to sit under).
fn clamp(range: &Range<usize>, text: &str) -> Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end == start && end < text.len() {
        end = start + text[start..].chars().next().map_or(0, char::len_utf8);
    }
    start..end
}

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

    #[test]
    fn clamp_keeps_spans_on_char_boundaries() {
        let text = "a = \"é\"";
        assert_eq!(clamp(&(5..6), text), 5..7);
        assert_eq!(clamp(&(100..200), text), text.len()..text.len());
        assert_eq!(clamp(&(0..0), text), 0..1);
    }
}
