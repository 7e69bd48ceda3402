//! Diagnostics: what is wrong, where, and what to do about it.
//!
//! Loading and checking push every problem they find into one list; a
//! command then renders the whole list (`render::diagnostics`), in the style
//! of rustc or as JSON. Every diagnostic belongs to a [`Rule`], declared once
//! beside the code that looks for it and listed in the registry of
//! `check`. This module depends only on `span` and `i18n`: the files and
//! their text are the renderers' business.

use serde::Serialize;

use crate::i18n::Lang;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A text in French and English, for the words that belong to one rule.
/// Both languages must use the same placeholders (`{0}`, `{1}`…): `new`
/// refuses to compile a text where they differ.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    fr: &'static str,
    en: &'static str,
}

impl Text {
    pub const fn new(fr: &'static str, en: &'static str) -> Text {
        assert!(!fr.is_empty() && !en.is_empty(), "a text is empty");
        assert!(
            placeholders(fr) == placeholders(en),
            "French and English use different placeholders"
        );
        Text { fr, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }

    /// The text with its placeholders `{0}`, `{1}`… and plural choices
    /// filled from `args`, as `Lang::fill` does for the catalogue.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        lang.fill_text(self.get(lang), args)
    }
}

/// The placeholders `{0}` to `{9}` a text holds (plain, or opening a
/// plural choice `{0?…|…}`), one bit each.
const fn placeholders(text: &str) -> u16 {
    let bytes = text.as_bytes();
    let mut found = 0u16;
    let mut index = 0;
    while index + 2 < bytes.len() {
        let digit = bytes[index + 1];
        let closing = bytes[index + 2];
        if bytes[index] == b'{' && digit.is_ascii_digit() && (closing == b'}' || closing == b'?') {
            found |= 1 << (digit - b'0');
        }
        index += 1;
    }
    found
}

/// One rule of `ctg check`, as people and scripts refer to it.
#[derive(Debug)]
pub struct Rule {
    /// The stable name, in kebab-case: scripts, CI settings and `--deny`
    /// use it, so it is never renamed.
    pub code: &'static str,
    /// The level of its diagnostics unless `--deny`, `--warn` or `--allow`
    /// changes it for a run.
    pub severity: Severity,
    /// A rule of the file format: a file that breaks it is not read as
    /// meant, so its level can be raised but never lowered.
    pub format: bool,
    /// What the rule finds and why it matters, in a sentence or two.
    pub explanation: Text,
    /// An example of a fix: lines of a plan file or a command, with comments.
    pub fix: Text,
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
    pub rule: &'static Rule,
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
    /// A diagnostic of `rule`, at the rule's own level.
    pub fn new(rule: &'static Rule, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: rule.severity,
            rule,
            message: message.into(),
            help: None,
            file: None,
            span: None,
            line_col: None,
            labels: Vec::new(),
        }
    }

    /// A diagnostic of a rule whose level is error.
    pub fn error(rule: &'static Rule, message: impl Into<String>) -> Diagnostic {
        debug_assert_eq!(rule.severity, Severity::Error, "{}", rule.code);
        Diagnostic::new(rule, message)
    }

    /// The rule's code: `duplicate-id`.
    pub fn code(&self) -> &'static str {
        self.rule.code
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
            Some(span) => places.line_col(span),
            None => self.line_col,
        }
    }
}

/// What turns a span into a line and a column: the plan's files, read.
pub trait Places {
    /// 1-based line and column (in characters) where `span` starts, when
    /// its file's text is still to be had.
    fn line_col(&self, span: &Span) -> Option<(usize, usize)>;
}

/// The plan's files are shared by the plan and its views.
impl<T: Places + ?Sized> Places for std::sync::Arc<T> {
    fn line_col(&self, span: &Span) -> Option<(usize, usize)> {
        (**self).line_col(span)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_wherever_they_are() {
        assert_eq!(placeholders("{0}"), 0b1);
        assert_eq!(placeholders("a {1} b {0}"), 0b11);
        assert_eq!(placeholders("{9}."), 1 << 9);
        assert_eq!(placeholders("{x} {} {10"), 0);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = Text::new("{0} et {1}, {0}", "{0} and {1}, {0}");
        assert_eq!(text.fill(Lang::Fr, &[&1, &"b"]), "1 et b, 1");
        assert_eq!(text.fill(Lang::En, &[&1, &"b"]), "1 and b, 1");
    }
}
