//! One action in the bilan: its title, status, progress, due date, pilots,
//! partners and money in a few lines, then only the sections that have
//! something to say; the others folded into one line (none with `--compact`).

use crate::analysis::money::euros;
use crate::analysis::report::{ActionReport, Report};
use crate::commands::report::words::BilanMsg;
use crate::i18n::{Lang, Msg};
use crate::render::document::{Block, Document};
use crate::render::table::Table;

/// The pilots as the bilan names them: their ids, else the source's note.
pub fn pilots(action: &ActionReport, lang: Lang) -> String {
    if action.pilots.is_empty() {
        action
            .pilot_note
            .unwrap_or_else(|| lang.text(Msg::Undecided))
            .to_string()
    } else {
        action.pilots.join(", ")
    }
}

pub fn section(
    report: &Report,
    action: &ActionReport,
    lang: Lang,
    compact: bool,
    out: &mut Document,
) {
    let shown = action.short_title.unwrap_or(action.title);
    out.heading(3, lang.fill(Msg::ReportAction, &[&action.id, &shown]));
    out.list(lines(report, action, lang));
    let mut quiet = Vec::new();
    if action.modalities_done_in_period.is_empty() {
        quiet.push(BilanMsg::QuietModalities);
    } else {
        out.heading(4, lang.text(Msg::ReportModalitiesInPeriod));
        let items = action.modalities_done_in_period.iter();
        out.list(items.map(|m| dated(m.done, m.text, lang)));
    }
    if action.journal.is_empty() {
        quiet.push(BilanMsg::QuietJournal);
    } else {
        out.heading(4, lang.text(Msg::ReportHighlights));
        let items = action.journal.iter().map(|entry| {
            let mut line = dated(entry.date, entry.note, lang);
            if let Some(status) = entry.status {
                line.push_str(" (→ ");
                line.push_str(status.label(lang));
                line.push(')');
            }
            line
        });
        out.list(items);
    }
    if action.indicators.is_empty() {
        quiet.push(BilanMsg::QuietIndicators);
    } else {
        out.heading(4, lang.text(Msg::ReportIndicators));
        out.table(indicators(action, lang));
    }
    if action.alerts.is_empty() {
        quiet.push(BilanMsg::QuietAlerts);
    } else {
        out.heading(4, lang.text(Msg::ReportAlerts));
        out.push(Block::Alerts(
            action.alerts.iter().map(|a| a.message.clone()).collect(),
        ));
    }
    if !quiet.is_empty() && !compact {
        let words: Vec<&str> = quiet.iter().map(|msg| lang.text(*msg)).collect();
        out.paragraph(lang.fill(BilanMsg::Quiet, &[&words.join(", ")]));
    }
}

/// "31/03/2025 — text": a line of the period's modalities or journal,
/// written into the date's own string (there are some 180,000 in the
/// bilan of a plan of 10,000 actions).
fn dated(date: chrono::NaiveDate, text: &str, lang: Lang) -> String {
    let mut line = String::with_capacity("31/12/2025 — ".len() + text.len());
    lang.push_short_date(&mut line, date);
    line.push_str(" — ");
    line.push_str(text);
    line
}

/// Title, status, progress, due, pilots, partners, money: each only when known.
fn lines(report: &Report, action: &ActionReport, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if action.short_title.is_some_and(|s| s != action.title) {
        lines.push(lang.fill(BilanMsg::LineTitle, &[&action.title]));
    }
    let end = action.status_end.label(lang);
    lines.push(match action.status_start {
        None => lang.fill(Msg::ReportStatusNew, &[&end]),
        Some(start) if start == action.status_end => lang.fill(Msg::ReportStatusSame, &[&end]),
        Some(start) => lang.fill(Msg::ReportStatusChanged, &[&start.label(lang), &end]),
    });
    lines.push(lang.fill(
        Msg::ReportProgressLine,
        &[
            &lang.percent(action.progress_end),
            &action.modalities_done_end,
            &action.modalities_total,
        ],
    ));
    if let Some(due) = action.due {
        lines.push(lang.fill(BilanMsg::LineDue, &[&lang.short_date(due)]));
    }
    lines.push(lang.fill(Msg::ReportPilotsLine, &[&pilots(action, lang)]));
    if !action.partners.is_empty() {
        lines.push(lang.fill(BilanMsg::LinePartners, &[&action.partners.join(", ")]));
    }
    let money = &action.money;
    if !money.is_empty() {
        let mut parts = Vec::new();
        if let Some(planned) = money.planned {
            parts.push(lang.fill(BilanMsg::MoneyPlanned, &[&euros(planned, lang)]));
        }
        if let Some(spent) = money.spent_in_period {
            let period = report.period.label(lang);
            let spent = format!("{} ({period})", euros(spent, lang));
            parts.push(lang.fill(BilanMsg::MoneySpent, &[&spent]));
        }
        let financers: Vec<String> = money
            .financers
            .iter()
            .map(|f| format!("{} {}", f.actor, euros(f.amount, lang)))
            .collect();
        if !financers.is_empty() {
            parts.push(financers.join(", "));
        }
        lines.push(lang.fill(BilanMsg::LineMoney, &[&parts.join(" ; ")]));
    }
    lines
}

/// Each indicator: baseline, the value of N-1 and of N, the target of N
/// and how far towards it the value is.
fn indicators(action: &ActionReport, lang: Lang) -> Table {
    let number = |value: Option<f64>| value.map_or_else(|| "—".to_string(), |v| lang.number(v));
    let year = action.indicators.iter().find_map(|i| i.year);
    let previous = action.indicators.iter().find_map(|i| i.previous_year);
    let column = |year: Option<i32>, unknown: &str| match year {
        Some(year) => itoa::Buffer::new().format(year).to_string(),
        None => unknown.to_string(),
    };
    let header = vec![
        lang.text(Msg::ReportIndicatorName).to_string(),
        lang.text(Msg::ReportBaseline).to_string(),
        lang.fill(BilanMsg::ColPrevious, &[&column(previous, "N-1")]),
        lang.fill(BilanMsg::ColCurrent, &[&column(year, "N")]),
        lang.text(BilanMsg::ColTargetOfYear).to_string(),
        lang.text(BilanMsg::ColToTarget).to_string(),
    ];
    let mut table = Table::with_row_headers(header);
    for indicator in &action.indicators {
        let mut name = String::from(indicator.name);
        if let Some(unit) = indicator.unit {
            name.reserve(unit.len() + 3);
            name.push_str(" (");
            name.push_str(unit);
            name.push(')');
        }
        let value = match (indicator.value, indicator.year) {
            // A value of another year than the column's says its year.
            (Some(v), Some(y)) if Some(y) != year => format!("{} ({y})", lang.number(v)),
            (Some(v), _) => lang.number(v),
            (None, _) => lang.text(Msg::ReportNoValue).to_string(),
        };
        table.row(vec![
            name.into(),
            number(indicator.baseline).into(),
            number(indicator.previous_value).into(),
            value.into(),
            number(indicator.target).into(),
            indicator
                .to_target
                .map_or_else(|| "—".to_string(), |share| lang.percent(share))
                .into(),
        ]);
    }
    table
}
