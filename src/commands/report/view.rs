//! The bilan laid out once: a document for Markdown and HTML, and the same
//! tables for the workbook and CSV.

use crate::analysis::report::{ActionReport, Report};
use crate::i18n::{Lang, Msg};
use crate::model::Status;
use crate::render::document::{Block, Document};
use crate::render::table::{Cell, Table};
use crate::render::xlsx::Sheet;

pub fn title(report: &Report, lang: Lang) -> String {
    lang.fill(Msg::ReportTitle, &[&report.period.label(lang)])
}

fn status_label(status: Status, lang: Lang) -> String {
    status.label(lang).to_string()
}

/// A table of words whose first column names each row.
fn text_table(header: Vec<String>, rows: Vec<Vec<String>>) -> Table {
    let mut table = Table::with_row_headers(header);
    for row in rows {
        table.row(row.into_iter().map(Into::into).collect());
    }
    table
}

/// The bilan, laid out once for every markup.
pub fn document(report: &Report, lang: Lang) -> Document {
    let mut out = Document::new();
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
    summary(report, lang, &mut out);
    changes(report, lang, &mut out);
    axes(report, lang, &mut out);
    governance(report, lang, &mut out);
    out
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
    out.table(statuses_table(report, lang));
    out.heading(3, lang.text(Msg::ReportProgressByAxis));
    let bars: Vec<(String, f64)> = report
        .axes
        .iter()
        .map(|axis| {
            (
                format!(
                    "{} · {}",
                    axis.id,
                    axis.theme.as_deref().unwrap_or(&axis.title)
                ),
                axis.progress_end,
            )
        })
        .collect();
    out.push(Block::Bars(
        lang.text(Msg::ReportChartTitle).to_string(),
        bars,
    ));
    out.table(axes_table(report, lang));
}

fn headers(names: &[Msg], lang: Lang) -> Vec<String> {
    names.iter().map(|m| lang.text(*m).to_string()).collect()
}

/// How many actions had each status at the start and at the end.
fn statuses_table(report: &Report, lang: Lang) -> Table {
    let header = [
        Msg::ReportStatusHeader,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ];
    let mut table = Table::with_row_headers(headers(&header, lang));
    let summary = &report.summary;
    for status in Status::ALL {
        table.row(vec![
            Cell::Text(status_label(status, lang)),
            summary.by_status_start.get(status).into(),
            summary.by_status_end.get(status).into(),
        ]);
    }
    table
}

/// Each axis: its actions and its progress at the start and at the end.
fn axes_table(report: &Report, lang: Lang) -> Table {
    let header = [
        Msg::ColAxis,
        Msg::ColTheme,
        Msg::ColActions,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ];
    let mut table = Table::with_row_headers(headers(&header, lang));
    for axis in &report.axes {
        table.row(vec![
            axis.id.into(),
            axis.theme.as_deref().unwrap_or(&axis.title).into(),
            axis.actions.len().into(),
            Cell::Share(axis.progress_start),
            Cell::Share(axis.progress_end),
        ]);
    }
    table
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

fn axes(report: &Report, lang: Lang, out: &mut Document) {
    for axis in &report.axes {
        out.heading(
            2,
            lang.fill(
                Msg::ReportAxis,
                &[&axis.id, &axis.theme.as_deref().unwrap_or(&axis.title)],
            ),
        );
        if axis.theme.is_some() {
            out.paragraph(&axis.title);
        }
        if axis.actions.is_empty() {
            out.paragraph(lang.text(Msg::ReportNoActionInAxis));
        }
        for action in &axis.actions {
            action_section(action, lang, out);
        }
    }
}

fn governance(report: &Report, lang: Lang, out: &mut Document) {
    out.heading(2, lang.text(Msg::ReportGovernance));
    out.table(governance_table(report, lang));
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

/// Each body: the meetings its rules require in the period, and those held.
fn governance_table(report: &Report, lang: Lang) -> Table {
    let header = [
        Msg::ReportBody,
        Msg::ReportRequired,
        Msg::ReportHeld,
        Msg::ReportMeetings,
    ];
    let mut table = Table::with_row_headers(headers(&header, lang));
    for body in &report.governance {
        let meetings = if body.held.is_empty() {
            lang.text(Msg::ReportNone).to_string()
        } else {
            body.held
                .iter()
                .map(|m| format!("{} ({})", m.title, lang.short_date(m.date)))
                .collect::<Vec<_>>()
                .join(" ; ")
        };
        table.row(vec![
            body.name.as_str().into(),
            body.required.into(),
            body.held.len().into(),
            meetings.into(),
        ]);
    }
    table
}

/// One row per action: the table of CSV and of the workbook's second sheet.
pub fn actions_table(report: &Report, lang: Lang) -> Table {
    let header = [
        Msg::ColId,
        Msg::ColAxis,
        Msg::ColTitle,
        Msg::ColStatusStart,
        Msg::ColStatusEnd,
        Msg::ColProgress,
        Msg::ColModalitiesInPeriod,
        Msg::ColJournalInPeriod,
        Msg::ColDue,
        Msg::ColPilots,
        Msg::ColAlerts,
    ];
    let mut table = Table::new(headers(&header, lang));
    for axis in &report.axes {
        for action in &axis.actions {
            let alerts: Vec<&str> = action.alerts.iter().map(|a| a.message.as_str()).collect();
            table.row(vec![
                action.id.into(),
                axis.id.into(),
                action.title.as_str().into(),
                action.status_start.map_or("", |s| s.label(lang)).into(),
                action.status_end.label(lang).into(),
                Cell::Share(action.progress_end),
                action.modalities_done_in_period.len().into(),
                action.journal.len().into(),
                action.due.into(),
                action.pilots.join(", ").into(),
                alerts.join(" ; ").into(),
            ]);
        }
    }
    table
}

/// The bilan as a workbook: a summary sheet and a sheet of actions.
pub fn sheets(report: &Report, lang: Lang) -> Vec<Sheet> {
    let convention = &report.convention;
    let mut dates = Table::with_row_headers(Vec::new());
    for (label, date) in [
        (Msg::ReportAtStart, report.period.from),
        (Msg::ReportAtEnd, report.period.to),
        (Msg::ReportDate, report.date),
    ] {
        dates.row(vec![lang.text(label).into(), Some(date).into()]);
    }
    let summary = vec![
        Block::Title(title(report, lang)),
        Block::Lines(vec![convention.name.clone(), convention.territory.clone()]),
        Block::Table(dates),
        Block::Table(statuses_table(report, lang)),
        Block::Table(axes_table(report, lang)),
        Block::Table(governance_table(report, lang)),
    ];
    let mut sheets = vec![
        Sheet {
            name: lang.text(Msg::ReportSheetSummary).to_string(),
            blocks: summary,
        },
        Sheet {
            name: lang.text(Msg::ReportSheetActions).to_string(),
            blocks: vec![Block::Table(actions_table(report, lang))],
        },
    ];
    // With --since, what changed since that revision, one row per change.
    if let Some(since) = &report.changes_since {
        let header = [Msg::ColId, Msg::ReportSheetChange];
        let mut table = Table::new(headers(&header, lang));
        for entry in &since.changes {
            let action = entry
                .change
                .action()
                .map_or(Cell::Text(String::new()), Cell::from);
            table.row(vec![action, entry.message.as_str().into()]);
        }
        let title = lang.fill(Msg::ReportChangesSince, &[&since.revision.name]);
        sheets.push(Sheet {
            name: lang.text(Msg::ReportSheetChanges).to_string(),
            blocks: vec![Block::Title(title), Block::Table(table)],
        });
    }
    sheets
}

fn action_section(action: &ActionReport, lang: Lang, out: &mut Document) {
    let shown = action.short_title.as_deref().unwrap_or(&action.title);
    out.heading(3, lang.fill(Msg::ReportAction, &[&action.id, &shown]));
    let end = status_label(action.status_end, lang);
    let status = match action.status_start {
        None => lang.fill(Msg::ReportStatusNew, &[&end]),
        Some(start) if start == action.status_end => lang.fill(Msg::ReportStatusSame, &[&end]),
        Some(start) => lang.fill(
            Msg::ReportStatusChanged,
            &[&status_label(start, lang), &end],
        ),
    };
    let pilots = if action.pilots.is_empty() {
        action
            .pilot_note
            .clone()
            .unwrap_or_else(|| lang.text(Msg::Undecided).to_string())
    } else {
        action.pilots.join(", ")
    };
    out.list(vec![
        status,
        lang.fill(
            Msg::ReportProgressLine,
            &[
                &lang.percent(action.progress_end),
                &action.modalities_done_end,
                &action.modalities_total,
            ],
        ),
        lang.fill(Msg::ReportPilotsLine, &[&pilots]),
    ]);
    done_and_noted(action, lang, out);
    indicators(action, lang, out);
    out.heading(4, lang.text(Msg::ReportAlerts));
    if action.alerts.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoAlert));
    } else {
        out.list(action.alerts.iter().map(|a| a.message.clone()));
    }
}

/// The modalities done and the journal entries of the period.
fn done_and_noted(action: &ActionReport, lang: Lang, out: &mut Document) {
    out.heading(4, lang.text(Msg::ReportModalitiesInPeriod));
    if action.modalities_done_in_period.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoModalityInPeriod));
    } else {
        let items: Vec<String> = action
            .modalities_done_in_period
            .iter()
            .map(|m| format!("{} — {}", lang.short_date(m.done), m.text))
            .collect();
        out.list(items);
    }

    out.heading(4, lang.text(Msg::ReportHighlights));
    if action.journal.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoJournal));
    } else {
        let items: Vec<String> = action
            .journal
            .iter()
            .map(|entry| match entry.status {
                Some(status) => format!(
                    "{} — {} (→ {})",
                    lang.short_date(entry.date),
                    entry.note,
                    status.label(lang)
                ),
                None => format!("{} — {}", lang.short_date(entry.date), entry.note),
            })
            .collect();
        out.list(items);
    }
}

fn indicators(action: &ActionReport, lang: Lang, out: &mut Document) {
    out.heading(4, lang.text(Msg::ReportIndicators));
    if action.indicators.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoIndicator));
    } else {
        let number = |value: Option<f64>| value.map_or("—".to_string(), |v| lang.number(v));
        let header = [
            Msg::ReportIndicatorName,
            Msg::ReportBaseline,
            Msg::ReportTarget,
            Msg::ReportYear,
            Msg::ReportValue,
            Msg::ReportToTarget,
        ]
        .map(|m| lang.text(m).to_string())
        .to_vec();
        let rows: Vec<Vec<String>> = action
            .indicators
            .iter()
            .map(|indicator| {
                let name = match &indicator.unit {
                    Some(unit) => format!("{} ({unit})", indicator.name),
                    None => indicator.name.clone(),
                };
                vec![
                    name,
                    number(indicator.baseline),
                    number(indicator.target),
                    indicator.year.map_or("—".to_string(), |y| y.to_string()),
                    indicator
                        .value
                        .map_or(lang.text(Msg::ReportNoValue).to_string(), |v| {
                            lang.number(v)
                        }),
                    indicator
                        .to_target
                        .map_or("—".to_string(), |share| lang.percent(share)),
                ]
            })
            .collect();
        out.table(text_table(header, rows));
    }
}
