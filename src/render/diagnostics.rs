//! Diagnostics for people (annotated source lines, in the style of rustc)
//! and for machines (the JSON of `ctg check --format json`).
//!
//! Each diagnostic is drawn from the lines its spans touch, not from its
//! whole file: a file with thousands of problems costs thousands of short
//! excerpts, not thousands of copies of the file.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::diag::{Diagnostic, Places, Severity};
use crate::i18n::{Lang, Msg};
use crate::parallel;
use crate::source::{SourceFile, SourceSet};
use crate::span::Span;

impl Places for SourceSet {
    fn line_col(&self, span: &Span) -> Option<(usize, usize)> {
        self.file(span.file()).line_col(span.range().start)
    }
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
                code: diag.code(),
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
    render_with(diags, sources, lang, styled, Excerpt::around)
}

/// Diagnostics above which drawing them is worth every core (a thousand
/// take some ten milliseconds on one).
const PARALLEL_DIAGNOSTICS: usize = 256;

/// How the text under a diagnostic's spans is cut from its file's text.
type Cut = for<'s> fn(&'s SourceFile, &'s str, &[Range<usize>]) -> Excerpt<'s>;

fn render_with(
    diags: &[Diagnostic],
    sources: &SourceSet,
    lang: Lang,
    styled: bool,
    cut: Cut,
) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Each diagnostic drawn apart, on every core when there are many.
    let many = diags.len() > PARALLEL_DIAGNOSTICS;
    let drawn = parallel::map(diags, many, |_, diag| {
        renderer.render(&[group(diag, sources, lang, cut)])
    });
    let mut out = String::with_capacity(drawn.iter().map(|d| d.len() + 2).sum());
    for diag in &drawn {
        out.push_str(diag);
        out.push_str("\n\n");
    }
    // annotate-snippets shows the C0 controls and DEL of plan text as
    // visible symbols, but lets the C1 controls (U+0080–U+009F, the 8-bit
    // CSI among them) through; it never writes one itself.
    if out.contains(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        out = out
            .chars()
            .map(|c| {
                if ('\u{80}'..='\u{9f}').contains(&c) {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect();
    }
    out
}

/// One diagnostic as annotate-snippets draws it: title, places, help.
fn group<'a>(diag: &'a Diagnostic, sources: &'a SourceSet, lang: Lang, cut: Cut) -> Group<'a> {
    let level = match diag.severity {
        Severity::Error => Level::ERROR.with_name(lang.text(Msg::SeverityError)),
        Severity::Warning => Level::WARNING.with_name(lang.text(Msg::SeverityWarning)),
    };
    let mut group = Group::with_title(level.primary_title(diag.message.as_str()).id(diag.code()));
    // A file let go and changed since it was parsed has no lines to show:
    // the diagnostic names the file alone.
    let spanned = diag.span.as_ref().and_then(|span| {
        let file = sources.file(span.file());
        Some((span, file, file.text()?))
    });
    if let Some((span, file, text)) = spanned {
        group = group.element(main_snippet(diag, span, (file, text), cut));
        for label in diag.labels.iter().filter(|l| l.span.file() != span.file()) {
            let other = sources.file(label.span.file());
            let Some(text) = other.text() else {
                continue;
            };
            let range = clamp(&label.span.range(), text);
            let excerpt = cut(other, text, std::slice::from_ref(&range));
            group = group.element(
                excerpt.snippet(other).annotation(
                    AnnotationKind::Context
                        .span(excerpt.relative(&range))
                        .label(label.message.as_str()),
                ),
            );
        }
    } else if let Some(file) = &diag.file {
        let mut origin = Origin::path(file.as_str());
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
    group
}

/// The file of the main span, with the caret under it and the labels that
/// sit in the same file.
fn main_snippet<'a>(
    diag: &'a Diagnostic,
    span: &Span,
    (file, text): (&'a SourceFile, &'a str),
    cut: Cut,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let labels: Vec<_> = diag
        .labels
        .iter()
        .filter(|label| label.span.file() == span.file())
        .map(|label| (clamp(&label.span.range(), text), label.message.as_str()))
        .collect();
    let primary = clamp(&span.range(), text);
    let ranges: Vec<Range<usize>> = std::iter::once(primary.clone())
        .chain(labels.iter().map(|(range, _)| range.clone()))
        .collect();
    let excerpt = cut(file, text, &ranges);
    let mut snippet = excerpt
        .snippet(file)
        .annotation(AnnotationKind::Primary.span(excerpt.relative(&primary)));
    for (range, message) in labels {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(excerpt.relative(&range))
                .label(message),
        );
    }
    snippet
}

/// The whole lines of a file that some spans touch: the part of the file
/// annotate-snippets shows for them.
struct Excerpt<'s> {
    text: &'s str,
    /// Where the excerpt starts in its file, in bytes.
    start: usize,
    /// The 1-based number of its first line.
    first_line: usize,
}

impl Excerpt<'_> {
    /// From the line where the earliest span starts to the line where the
    /// latest ends, each line as annotate-snippets counts it: a span ending
    /// just after a newline ends on the next line, and an offset past the
    /// final newline belongs to the last line. `ranges` are clamped.
    fn around<'s>(file: &'s SourceFile, text: &'s str, ranges: &[Range<usize>]) -> Excerpt<'s> {
        let low = ranges.iter().map(|r| r.start).min().unwrap_or(0);
        let high = ranges.iter().map(|r| r.end).max().unwrap_or(0).max(low);
        let anchor = if low == text.len() && text.ends_with('\n') {
            low - 1
        } else {
            low
        };
        let start = text[..anchor].rfind('\n').map_or(0, |index| index + 1);
        let end = text[high..]
            .find('\n')
            .map_or(text.len(), |index| high + index + 1);
        Excerpt {
            text: &text[start..end],
            start,
            first_line: file.line_col(start).map_or(1, |(line, _)| line),
        }
    }

    fn snippet<'a>(&self, file: &'a SourceFile) -> Snippet<'a, annotate_snippets::Annotation<'a>>
    where
        Self: 'a,
    {
        Snippet::source(self.text)
            .line_start(self.first_line)
            .path(file.name.as_str())
    }

    fn relative(&self, range: &Range<usize>) -> Range<usize> {
        range.start - self.start..range.end - self.start
    }
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
    use crate::source::FileKind;
    use crate::source::rules::UNREADABLE_FILE;
    use crate::span::FileId;

    #[test]
    fn clamp_keeps_spans_on_char_boundaries() {
        let text = "a = \"é\"";
        assert_eq!(clamp(&(5..6), text), 5..7);
        assert_eq!(clamp(&(100..200), text), text.len()..text.len());
        assert_eq!(clamp(&(0..0), text), 0..1);
    }

    /// The whole file, as diagnostics were once drawn: the reference the
    /// excerpts must match byte for byte.
    fn whole<'s>(_: &'s SourceFile, text: &'s str, _: &[Range<usize>]) -> Excerpt<'s> {
        Excerpt {
            text,
            start: 0,
            first_line: 1,
        }
    }

    const TEXTS: &[&str] = &[
        "",
        "\n",
        "a",
        "a\n",
        "id = 2\n\ntitle = \"é\"\r\npilots = [\n  \"A\",\n  \"B\",\n]\n\n# fin",
        "x = 1\r\n\r\ny = [\r\n 1,\r\n]\r\n",
        include_str!("../../tests/fixtures/broken/actions/02-ecoute.toml"),
    ];

    /// Every start and end on a grid over each text, with a label in the
    /// same file and one in another: excerpts render exactly as whole files.
    #[test]
    fn excerpts_render_exactly_as_whole_files() {
        let mut sources = SourceSet::empty();
        for (index, text) in TEXTS.iter().enumerate() {
            let file = SourceFile::new(format!("f{index}.toml"), text.to_string());
            sources.push(file, FileKind::Action);
        }
        let mut diags = Vec::new();
        for (index, text) in TEXTS.iter().enumerate() {
            let step = (text.len() / 40).max(1);
            let offsets: Vec<usize> = (0..=text.len() + 1).step_by(step).collect();
            for &start in &offsets {
                for &end in offsets.iter().filter(|&&end| end + 3 * step >= start) {
                    let span = |range: Range<usize>, file: usize| Span::new(FileId(file), range);
                    let label = (start + end) / 2;
                    diags.push(
                        Diagnostic::new(&UNREADABLE_FILE, "m")
                            .at(span(start..end, index), "f")
                            .with_label(span(label..label + 1, index), "same")
                            .with_label(span(end..end + 2, (index + 1) % TEXTS.len()), "other")
                            .with_help("h"),
                    );
                }
            }
        }
        for diag in &diags {
            let one = std::slice::from_ref(diag);
            let cut = render_with(one, &sources, Lang::En, false, Excerpt::around);
            let reference = render_with(one, &sources, Lang::En, false, whole);
            assert_eq!(cut, reference, "{diag:?}");
        }
    }

    /// A file let go and changed on disk before a place in it is shown: the
    /// diagnostic names the file, shows no line of the new text, and JSON
    /// gives no line; unchanged, the file is read again and shown.
    #[test]
    fn a_file_changed_since_it_was_parsed_is_named_without_a_line() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("x.toml"), "a = 1\nb = 2\n").unwrap();
        let mut file =
            SourceFile::new("x.toml".into(), "a = 1\nb = 2\n".into()).below(folder.path().into());
        file.let_go();
        let mut sources = SourceSet::empty();
        sources.push(file, FileKind::Action);
        let diags =
            [Diagnostic::new(&UNREADABLE_FILE, "m").at(Span::new(FileId(0), 6..7), "x.toml")];
        let unchanged = sources.clone();
        let shown = render_human(&diags, &unchanged, Lang::En, false);
        assert!(
            shown.contains("x.toml:2:1") && shown.contains("b = 2"),
            "{shown}"
        );
        std::fs::write(folder.path().join("x.toml"), "a = 1\nb = 3\n").unwrap();
        let shown = render_human(&diags, &sources, Lang::En, false);
        assert!(
            shown.contains("x.toml") && !shown.contains("b = "),
            "{shown}"
        );
        let json = to_json(&diags, &sources);
        assert_eq!((json[0].file, json[0].line), (Some("x.toml"), None));
    }
}
