//! The bilan as tables: the sheets of the workbook (Synthèse, Actions,
//! Modalités, Indicateurs, Journal, Financement, Gouvernance, and
//! Changements with `--since`), each of which `--table` writes as CSV.

use super::money::{by_axis, by_financer};
use super::{headers, title};
use crate::analysis::report::Report;
use crate::cli::ReportTable;
use crate::commands::report::words::BilanMsg;
use crate::i18n::{Lang, Msg};
use crate::model::Status;
use crate::render::document::Block;
use crate::render::table::{Cell, Table};
use crate::render::xlsx::Sheet;

fn words(names: &[BilanMsg], lang: Lang) -> Vec<String> {
    names.iter().map(|m| lang.text(*m).to_string()).collect()
}

/// How many actions had each status at the start and at the end.
pub fn statuses_table(report: &Report, lang: Lang) -> Table {
    let header = [
        Msg::ReportStatusHeader,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ];
    let mut table = Table::with_row_headers(headers(&header, lang));
    let summary = &report.summary;
    for status in Status::ALL {
        table.row(vec![
            Cell::Text(status.label(lang).to_string()),
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
            axis.theme.unwrap_or(axis.title).into(),
            axis.actions.len().into(),
            Cell::Share(axis.progress_start),
            Cell::Share(axis.progress_end),
        ]);
    }
    table
}

/// Each body: the meetings its rules require in the period, and those held.
pub fn governance_table(report: &Report, lang: Lang) -> Table {
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
            body.name.into(),
            body.required.into(),
            body.held.len().into(),
            meetings.into(),
        ]);
    }
    table
}

/// One row per meeting held in the period, with its decisions.
fn meetings_table(report: &Report, lang: Lang) -> Table {
    let header = vec![
        lang.text(BilanMsg::ColBody).to_string(),
        lang.text(Msg::ColDate).to_string(),
        lang.text(BilanMsg::ColMeetingTitle).to_string(),
        lang.text(BilanMsg::ColDecisions).to_string(),
    ];
    let mut table = Table::new(header);
    for body in &report.governance {
        for meeting in &body.held {
            table.row(vec![
                body.name.into(),
                Cell::Date(Some(meeting.date)),
                meeting.title.into(),
                meeting.decisions.join(" ; ").into(),
            ]);
        }
    }
    table
}

/// One row per action: the table of CSV and of the workbook's Actions sheet.
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
        Msg::ColShortTitle,
        Msg::ColPartners,
    ];
    let mut header = headers(&header, lang);
    header.push(lang.text(BilanMsg::ColPlanned).to_string());
    header.push(lang.text(BilanMsg::ColSpent).to_string());
    let mut table = Table::new(header);
    for axis in &report.axes {
        for action in &axis.actions {
            let alerts: Vec<&str> = action.alerts.iter().map(|a| a.message.as_str()).collect();
            let money = &action.money;
            table.row(vec![
                action.id.into(),
                axis.id.into(),
                action.title.into(),
                action.status_start.map_or("", |s| s.label(lang)).into(),
                action.status_end.label(lang).into(),
                Cell::Share(action.progress_end),
                action.modalities_done_in_period.len().into(),
                action.journal.len().into(),
                action.due.into(),
                super::action::pilots(action, lang).into(),
                alerts.join(" ; ").into(),
                action.short_title.unwrap_or("").into(),
                action.partners.join(", ").into(),
                money.planned.map_or(Cell::Text(String::new()), Cell::Euros),
                money
                    .spent_in_period
                    .map_or(Cell::Text(String::new()), Cell::Euros),
            ]);
        }
    }
    table
}

/// One row per modality done in the period.
fn modalities_table(report: &Report, lang: Lang) -> Table {
    let header = [Msg::ColId, Msg::ColAction];
    let mut header = headers(&header, lang);
    header.extend(words(&[BilanMsg::ColModality, BilanMsg::ColDone], lang));
    let mut table = Table::new(header);
    for action in report.axes.iter().flat_map(|axis| &axis.actions) {
        for modality in &action.modalities_done_in_period {
            table.row(vec![
                format!("{}.{}", action.id, modality.number).into(),
                action.id.into(),
                modality.text.into(),
                Cell::Date(Some(modality.done)),
            ]);
        }
    }
    table
}

/// One row per indicator: baseline, N-1, N, target, distance to target.
fn indicators_table(report: &Report, lang: Lang) -> Table {
    let mut header = vec![
        lang.text(Msg::ColAction).to_string(),
        lang.text(Msg::ReportIndicatorName).to_string(),
    ];
    header.extend(words(&[BilanMsg::ColUnit, BilanMsg::ColBaseline], lang));
    header.extend([
        lang.fill(BilanMsg::ColPrevious, &[&lang.text(BilanMsg::ColYear)]),
        lang.fill(BilanMsg::ColPrevious, &[&lang.text(BilanMsg::ColValue)]),
        lang.fill(BilanMsg::ColCurrent, &[&lang.text(BilanMsg::ColYear)]),
        lang.fill(BilanMsg::ColCurrent, &[&lang.text(BilanMsg::ColValue)]),
    ]);
    header.extend(words(
        &[BilanMsg::ColTargetOfYear, BilanMsg::ColToTarget],
        lang,
    ));
    let mut table = Table::new(header);
    let number = |v: Option<f64>| v.map_or(Cell::Text(String::new()), Cell::Number);
    let year = |y: Option<i32>| y.map_or(Cell::Text(String::new()), |y| Cell::Int(y.into()));
    for action in report.axes.iter().flat_map(|axis| &axis.actions) {
        for indicator in &action.indicators {
            table.row(vec![
                action.id.into(),
                indicator.name.into(),
                indicator.unit.unwrap_or("").into(),
                number(indicator.baseline),
                year(
                    indicator
                        .previous_year
                        .filter(|_| indicator.previous_value.is_some()),
                ),
                number(indicator.previous_value),
                year(indicator.year),
                number(indicator.value),
                number(indicator.target),
                indicator
                    .to_target
                    .map_or(Cell::Text(String::new()), Cell::Share),
            ]);
        }
    }
    table
}

/// One row per journal entry of the period: the faits marquants.
fn journal_table(report: &Report, lang: Lang) -> Table {
    let mut header = headers(&[Msg::ColId, Msg::ColDate], lang);
    header.extend(words(&[BilanMsg::ColNote, BilanMsg::ColMovedTo], lang));
    let mut table = Table::new(header);
    for action in report.axes.iter().flat_map(|axis| &axis.actions) {
        for entry in &action.journal {
            table.row(vec![
                action.id.into(),
                Cell::Date(Some(entry.date)),
                entry.note.into(),
                entry.status.map_or("", |s| s.label(lang)).into(),
            ]);
        }
    }
    table
}

/// One row per action and financer: the amounts as numbers.
fn financing_table(report: &Report, lang: Lang) -> Table {
    let mut header = headers(&[Msg::ColId, Msg::ColAxis], lang);
    header.extend(words(
        &[
            BilanMsg::ColPlanned,
            BilanMsg::ColSpent,
            BilanMsg::ColFinancer,
            BilanMsg::ColAmount,
        ],
        lang,
    ));
    let mut table = Table::new(header);
    for axis in &report.axes {
        for action in &axis.actions {
            let money = &action.money;
            let first = vec![
                action.id.into(),
                axis.id.into(),
                money.planned.map_or(Cell::Text(String::new()), Cell::Euros),
                money
                    .spent_in_period
                    .map_or(Cell::Text(String::new()), Cell::Euros),
            ];
            if money.financers.is_empty()
                && (money.planned.is_some() || money.spent_in_period.is_some())
            {
                let mut row = first.clone();
                row.extend([Cell::Text(String::new()), Cell::Text(String::new())]);
                table.row(row);
            }
            for financer in &money.financers {
                let mut row = first.clone();
                row.extend([financer.actor.into(), Cell::Euros(financer.amount)]);
                table.row(row);
            }
        }
    }
    table
}

/// The table `--table` names, for CSV.
pub fn table_of(report: &Report, choice: ReportTable, lang: Lang) -> Table {
    match choice {
        ReportTable::Actions => actions_table(report, lang),
        ReportTable::Modalities => modalities_table(report, lang),
        ReportTable::Indicators => indicators_table(report, lang),
        ReportTable::Journal => journal_table(report, lang),
        ReportTable::Financing => financing_table(report, lang),
        ReportTable::Governance => meetings_table(report, lang),
    }
}

/// The bilan as a workbook.
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
    let mut letterhead = vec![
        convention.name.to_string(),
        convention.territory.to_string(),
    ];
    letterhead.extend(convention.caf.map(str::to_string));
    let summary = vec![
        Block::Title(title(report, lang)),
        Block::Lines(letterhead),
        Block::Table(dates),
        Block::Table(statuses_table(report, lang)),
        Block::Table(axes_table(report, lang)),
        Block::Table(governance_table(report, lang)),
    ];
    let sheet = |name: String, blocks: Vec<Block>| Sheet { name, blocks };
    let one = |table: Table| vec![Block::Table(table)];
    let mut sheets = vec![
        sheet(lang.text(Msg::ReportSheetSummary).to_string(), summary),
        sheet(
            lang.text(Msg::ReportSheetActions).to_string(),
            one(actions_table(report, lang)),
        ),
        sheet(
            lang.text(BilanMsg::SheetModalities).to_string(),
            one(modalities_table(report, lang)),
        ),
        sheet(
            lang.text(BilanMsg::SheetIndicators).to_string(),
            one(indicators_table(report, lang)),
        ),
        sheet(
            lang.text(BilanMsg::SheetJournal).to_string(),
            one(journal_table(report, lang)),
        ),
        sheet(
            lang.text(BilanMsg::SheetFinancing).to_string(),
            vec![
                Block::Table(financing_table(report, lang)),
                Block::Table(by_axis(report, lang)),
                Block::Table(by_financer(report, lang)),
            ],
        ),
        sheet(
            lang.text(BilanMsg::SheetGovernance).to_string(),
            vec![
                Block::Table(governance_table(report, lang)),
                Block::Table(meetings_table(report, lang)),
            ],
        ),
    ];
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
        sheets.push(sheet(
            lang.text(Msg::ReportSheetChanges).to_string(),
            vec![Block::Title(title), Block::Table(table)],
        ));
    }
    sheets
}
