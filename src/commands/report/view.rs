//! The bilan laid out once as a document, for Markdown, HTML and Word: a
//! short table of contents, the summary, the overview of every action on
//! one page, the financing, then each axis and action, and the governance.
//! A section with nothing to say is folded into one line, or left out with
//! `--compact`; a value missing everywhere is said once, under the overview.

mod action;
mod money;
pub mod tables;

use super::words::BilanMsg;
use crate::analysis::report::{ActionReport, AxisReport, Report};
use crate::commands::left_to_exit;
use crate::i18n::{Lang, Msg};
use crate::model::PARALLEL_ACTIONS;
use crate::parallel;
use crate::render::document::{Block, Document, Piece};
use crate::render::table::{Cell, Table};
use crate::render::{html, markdown};

pub use tables::{sheets, table_of};

pub fn title(report: &Report, lang: Lang) -> String {
    lang.fill(Msg::ReportTitle, &[&report.period.label(lang)])
}

fn headers(names: &[Msg], lang: Lang) -> Vec<String> {
    names.iter().map(|m| lang.text(*m).to_string()).collect()
}

/// Actions whose sections one thread lays out and writes together: enough
/// that a run's text is one piece that grows rather than thirty-two, few
/// enough that the threads finish together (a bilan of 10,000 actions has
/// some 300 runs).
const ACTIONS_PER_RUN: usize = 32;

/// About what an action's section takes, in blocks and in bytes of
/// Markdown per block (a dozen blocks, 1.5 KB): a section's blocks and a
/// run's text are then sized once instead of doubled a dozen times.
const BLOCKS_PER_ACTION: usize = 16;
const MARKDOWN_PER_BLOCK: usize = 160;

/// The bilan, laid out once for every markup.
pub fn document(report: &Report, lang: Lang, compact: bool) -> Document {
    let take =
        |part: &mut Document, section: &mut Document| part.blocks.append(&mut section.blocks);
    let mut out = Document::new();
    for piece in pieces(report, lang, compact, Document::new, take) {
        match piece {
            Piece::Blocks(blocks) | Piece::Part(blocks) => out.blocks.extend(blocks.blocks),
        }
    }
    out
}

/// The bilan as Markdown, written as it is laid out: each action's section
/// is written on the core that laid it out, and its blocks let go there
/// at once, so that the blocks of a large plan's bilan are never all held.
/// The text comes in pieces, a run of actions each, to be written one
/// after the other.
pub fn markdown(report: &Report, lang: Lang, compact: bool) -> Vec<String> {
    let begin = || String::with_capacity(ACTIONS_PER_RUN * BLOCKS_PER_ACTION * MARKDOWN_PER_BLOCK);
    let write = |text: &mut String, section: &mut Document| {
        markdown::write_blocks(text, &section.blocks, lang);
        section.blocks.clear();
    };
    let mut pieces = pieces(report, lang, compact, begin, write);
    let text = markdown::document_in_pieces(&mut pieces, lang);
    // The overview among them has a row of cells for every action.
    left_to_exit(pieces);
    text
}

/// The bilan as one HTML page, written as the Markdown is.
pub fn html(report: &Report, lang: Lang, compact: bool) -> Vec<String> {
    let write = |text: &mut String, section: &mut Document| {
        html::write_blocks(text, &section.blocks, lang);
        section.blocks.clear();
    };
    let mut pieces = pieces(report, lang, compact, String::new, write);
    let text = html::page_in_pieces(&mut pieces, lang);
    left_to_exit(pieces);
    text
}

/// The bilan, piece by piece, in reading order: the summary, the
/// overview, the financing, each axis with its actions' sections, and the
/// governance. The actions' sections are laid out a run at a time, on
/// every core for a large plan: each run's part is begun by `begin`, and
/// each section, once laid out, handed to `add`, which takes its blocks.
fn pieces<T: Send>(
    report: &Report,
    lang: Lang,
    compact: bool,
    begin: impl Fn() -> T + Sync,
    add: impl Fn(&mut T, &mut Document) + Sync,
) -> Vec<Piece<T>> {
    let mut head = Document::new();
    letterhead(report, lang, &mut head);
    head.push(Block::Contents(lang.text(BilanMsg::Contents).to_string()));
    summary(report, lang, &mut head);
    overview(report, lang, &mut head);
    money::section(report, lang, compact, &mut head);
    changes(report, lang, &mut head);
    let mut out = vec![Piece::Blocks(head)];
    // Each axis's actions in runs, a run never across two axes.
    let runs: Vec<(usize, &[ActionReport])> = (report.axes.iter().enumerate())
        .flat_map(|(k, axis)| {
            axis.actions
                .chunks(ACTIONS_PER_RUN)
                .map(move |run| (k, run))
        })
        .collect();
    let many = runs.iter().map(|(_, run)| run.len()).sum::<usize>() > PARALLEL_ACTIONS;
    let parts = parallel::map_each(&runs, many, |_, (_, run)| {
        let mut part = begin();
        let mut section = Document {
            blocks: Vec::with_capacity(BLOCKS_PER_ACTION),
        };
        for action in *run {
            action::section(report, action, lang, compact, &mut section);
            add(&mut part, &mut section);
        }
        part
    });
    let mut parts = runs.iter().map(|(axis, _)| *axis).zip(parts).peekable();
    for (k, axis) in report.axes.iter().enumerate() {
        let mut heading = Document::new();
        heading.heading(
            2,
            lang.fill(
                Msg::ReportAxis,
                &[&axis.id, &axis.theme.unwrap_or(axis.title)],
            ),
        );
        if axis.theme.is_some() {
            heading.paragraph(axis.title);
        }
        if axis.actions.is_empty() {
            heading.paragraph(lang.text(Msg::ReportNoActionInAxis));
        }
        out.push(Piece::Blocks(heading));
        while let Some((_, part)) = parts.next_if(|(of, _)| *of == k) {
            out.push(Piece::Part(part));
        }
    }
    let mut tail = Document::new();
    governance(report, lang, &mut tail);
    out.push(Piece::Blocks(tail));
    out
}

fn letterhead(report: &Report, lang: Lang, out: &mut Document) {
    let convention = &report.convention;
    out.title_line(title(report, lang));
    let mut who = format!("{} — {}", convention.name, convention.territory);
    if let Some(caf) = &convention.caf {
        who.push_str(&format!(" · {caf}"));
    }
    out.paragraph(&who);
    let mut facts = Vec::new();
    if let (Some(start), Some(end)) = (convention.start, convention.end) {
        let span = format!("{} – {}", lang.short_date(start), lang.short_date(end));
        facts.push(lang.fill(Msg::ReportConventionPeriod, &[&span]));
    }
    facts.push(lang.fill(
        Msg::ReportCovered,
        &[
            &lang.long_date(report.period.from),
            &lang.long_date(report.period.to),
        ],
    ));
    facts.push(lang.fill(Msg::ReportMadeOn, &[&lang.long_date(report.date)]));
    out.list(facts);
    if !report.notes.is_empty() {
        out.push(Block::Alerts(report.notes.clone()));
    }
}

fn summary(report: &Report, lang: Lang, out: &mut Document) {
    let summary = &report.summary;
    out.heading(2, lang.text(Msg::ReportSummary));
    out.paragraph(lang.fill(
        Msg::ReportFigures,
        &[
            &summary.actions,
            &lang.percent(summary.progress_start),
            &lang.percent(summary.progress_end),
            &summary.modalities_done_end,
            &summary.modalities_total,
            &summary.modalities_done_in_period,
            &summary.journal_entries_in_period,
        ],
    ));
    out.table(tables::statuses_table(report, lang));
    let bars: Vec<(String, f64)> = report
        .axes
        .iter()
        .map(|axis| {
            let label = axis.theme.unwrap_or(axis.title);
            (format!("{} · {label}", axis.id), axis.progress_end)
        })
        .collect();
    out.push(Block::Bars(
        lang.text(Msg::ReportChartTitle).to_string(),
        bars,
    ));
}

/// Every action on one page: axis, action, pilots, status at both ends,
/// modalities done, due date; then what is missing, once.
fn overview(report: &Report, lang: Lang, out: &mut Document) {
    out.push(Block::PageBreak);
    out.heading(2, lang.text(BilanMsg::Overview));
    let actions = || {
        report
            .axes
            .iter()
            .flat_map(|a| a.actions.iter().map(move |x| (a, x)))
    };
    let no_due = actions().filter(|(_, a)| a.due.is_none()).count();
    let no_pilot = actions().filter(|(_, a)| a.pilots.is_empty()).count();
    // A column that would be empty all down is said once, below.
    let dues = no_due < report.summary.actions;
    let mut header = headers(
        &[
            Msg::ColId,
            Msg::ColAxis,
            Msg::ColAction,
            Msg::ColPilots,
            Msg::ColStatusStart,
            Msg::ColStatusEnd,
        ],
        lang,
    );
    header.push(lang.text(BilanMsg::ColModalities).to_string());
    if dues {
        header.push(lang.text(Msg::ColDue).to_string());
    }
    let mut table = Table::new(header);
    let placed: Vec<(&AxisReport, &ActionReport)> = actions().collect();
    let many = placed.len() > PARALLEL_ACTIONS;
    let rows = parallel::map(&placed, many, |_, (axis, action)| {
        let shown = action.short_title.unwrap_or(action.title);
        let mut row: Vec<Cell> = vec![
            action.id.into(),
            axis.id.into(),
            shown.into(),
            action::pilots(action, lang).into(),
            action.status_start.map_or("—", |s| s.label(lang)).into(),
            action.status_end.label(lang).into(),
            format!("{}/{}", action.modalities_done_end, action.modalities_total).into(),
        ];
        if dues {
            row.push(Cell::Date(action.due));
        }
        row
    });
    table.rows = rows;
    out.table(table);
    let financing = &report.financing;
    // Without any amount, the financing section says so on its own.
    let (no_budget, no_financers) = match financing.is_empty() {
        true => (0, 0),
        false => (
            financing.actions_without_budget,
            financing.actions_without_financers,
        ),
    };
    let mut missing = Vec::new();
    for (count, msg) in [
        (no_due, BilanMsg::MissingDue),
        (no_pilot, BilanMsg::MissingPilot),
        (no_budget, BilanMsg::MissingBudget),
        (no_financers, BilanMsg::MissingFinancers),
    ] {
        if count > 0 {
            missing.push(lang.fill(msg, &[&count]));
        }
    }
    if !missing.is_empty() {
        out.paragraph(lang.fill(BilanMsg::Missing, &[&missing.join(" ; ")]));
    }
}

fn changes(report: &Report, lang: Lang, out: &mut Document) {
    if let Some(since) = &report.changes_since {
        out.heading(
            2,
            lang.fill(Msg::ReportChangesSince, &[&since.revision.name]),
        );
        if since.changes.is_empty() {
            out.paragraph(lang.text(Msg::DiffNone));
        } else {
            let items: Vec<String> = since.changes.iter().map(|c| c.message.clone()).collect();
            out.list(items);
        }
    }
}

fn governance(report: &Report, lang: Lang, out: &mut Document) {
    out.heading(2, lang.text(Msg::ReportGovernance));
    out.table(tables::governance_table(report, lang));
    let missing: Vec<String> = report
        .governance
        .iter()
        .filter(|body| body.missing > 0)
        .map(|body| lang.fill(Msg::ReportMissing, &[&body.name, &body.missing]))
        .collect();
    if missing.is_empty() {
        out.paragraph(lang.text(Msg::ReportGovernanceOk));
    } else {
        out.list(missing);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::analysis::report::Report;
    use crate::i18n::Lang;
    use crate::model::Period;
    use crate::render::{html, markdown};

    /// The Markdown and the HTML written in pieces read as the whole
    /// document written at once, in both languages, compact or not.
    #[test]
    fn pieces_make_the_whole_document() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            let (mut plan, _) = crate::load::load(&root, lang);
            let period = Period::year(2025).unwrap();
            let report = Report::build(&mut plan, period, [None, None], today, lang);
            for compact in [false, true] {
                let whole = super::document(&report, lang, compact);
                assert_eq!(
                    super::markdown(&report, lang, compact).concat(),
                    markdown::document(&whole, lang)
                );
                assert_eq!(
                    super::html(&report, lang, compact).concat(),
                    html::page(&whole, lang)
                );
            }
        }
    }
}
