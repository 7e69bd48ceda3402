//! The bilan as an Excel workbook: a summary sheet and an actions sheet,
//! header rows frozen, columns sized, dates as dates, shares as percentages.
//! The document's creation date is the report's date, so the same plan and
//! `--today` give the same bytes.

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::analysis::report::Report;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::Status;

pub fn report_workbook(report: &Report, lang: Lang) -> Result<Vec<u8>, Error> {
    build(report, lang).map_err(Error::internal)
}

struct Formats {
    bold: Format,
    header: Format,
    date: Format,
    percent: Format,
    wrap: Format,
}

fn build(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats {
        bold: Format::new().set_bold(),
        header: Format::new()
            .set_bold()
            .set_background_color("EAF1F8")
            .set_align(FormatAlign::Top)
            .set_text_wrap(),
        date: Format::new().set_num_format(match lang {
            Lang::Fr => "dd/mm/yyyy",
            Lang::En => "yyyy-mm-dd",
        }),
        percent: Format::new().set_num_format("0%"),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
    };
    let mut workbook = Workbook::new();
    let made = report.date.and_hms_opt(0, 0, 0).unwrap_or_default();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(lang.fill(Msg::ReportTitle, &[&report.period.label(lang)]))
            .set_creation_datetime(&made),
    );
    summary_sheet(workbook.add_worksheet(), report, lang, &formats)?;
    actions_sheet(workbook.add_worksheet(), report, lang, &formats)?;
    workbook.save_to_buffer()
}

fn summary_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.text(Msg::ReportSheetSummary))?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 18)?;
    sheet.set_column_width(2, 18)?;
    sheet.set_column_width(3, 18)?;
    sheet.set_column_width(4, 18)?;
    sheet.write_string_with_format(
        0,
        0,
        lang.fill(Msg::ReportTitle, &[&report.period.label(lang)]),
        &f.bold,
    )?;
    sheet.write_string(1, 0, &report.convention.name)?;
    sheet.write_string(2, 0, &report.convention.territory)?;
    let dates: [(Msg, NaiveDate); 3] = [
        (Msg::ReportAtStart, report.period.from),
        (Msg::ReportAtEnd, report.period.to),
        (Msg::ReportDate, report.date),
    ];
    for (offset, (label, date)) in dates.iter().enumerate() {
        let row = 4 + offset as u32;
        sheet.write_string(row, 0, lang.text(*label))?;
        sheet.write_date_with_format(row, 1, date, &f.date)?;
    }
    let mut row = 8;
    let header = [
        Msg::ReportStatusHeader,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ];
    for (col, msg) in header.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, lang.text(*msg), &f.header)?;
    }
    for status in Status::ALL {
        row += 1;
        sheet.write_string(row, 0, status.label(lang))?;
        sheet.write_number(row, 1, report.summary.by_status_start.get(status) as f64)?;
        sheet.write_number(row, 2, report.summary.by_status_end.get(status) as f64)?;
    }
    row += 2;
    let header = [
        Msg::ColAxis,
        Msg::ColTheme,
        Msg::ColActions,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ];
    for (col, msg) in header.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, lang.text(*msg), &f.header)?;
    }
    for axis in &report.axes {
        row += 1;
        sheet.write_number(row, 0, f64::from(axis.id))?;
        sheet.write_string(row, 1, axis.theme.as_deref().unwrap_or(&axis.title))?;
        sheet.write_number(row, 2, axis.actions.len() as f64)?;
        sheet.write_number_with_format(row, 3, axis.progress_start, &f.percent)?;
        sheet.write_number_with_format(row, 4, axis.progress_end, &f.percent)?;
    }
    row += 2;
    let header = [Msg::ReportBody, Msg::ReportRequired, Msg::ReportHeld];
    for (col, msg) in header.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, lang.text(*msg), &f.header)?;
    }
    for body in &report.governance {
        row += 1;
        sheet.write_string(row, 0, &body.name)?;
        sheet.write_number(row, 1, f64::from(body.required))?;
        sheet.write_number(row, 2, body.held.len() as f64)?;
    }
    Ok(())
}

fn actions_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.text(Msg::ReportSheetActions))?;
    let columns: [(Msg, f64); 11] = [
        (Msg::ColId, 6.0),
        (Msg::ColAxis, 6.0),
        (Msg::ColTitle, 60.0),
        (Msg::ColStatusStart, 14.0),
        (Msg::ColStatusEnd, 14.0),
        (Msg::ColProgress, 12.0),
        (Msg::ColModalitiesInPeriod, 16.0),
        (Msg::ColJournalInPeriod, 16.0),
        (Msg::ColDue, 12.0),
        (Msg::ColPilots, 20.0),
        (Msg::ColAlerts, 50.0),
    ];
    for (col, (msg, width)) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, *width)?;
        sheet.write_string_with_format(0, col, lang.text(*msg), &f.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 0;
    for axis in &report.axes {
        for action in &axis.actions {
            row += 1;
            sheet.write_number(row, 0, f64::from(action.id))?;
            sheet.write_number(row, 1, f64::from(axis.id))?;
            // Plan text is written as text, never as a formula.
            sheet.write_string_with_format(row, 2, &action.title, &f.wrap)?;
            sheet.write_string(row, 3, action.status_start.label(lang))?;
            sheet.write_string(row, 4, action.status_end.label(lang))?;
            sheet.write_number_with_format(row, 5, action.progress_end, &f.percent)?;
            sheet.write_number(row, 6, action.modalities_done_in_period.len() as f64)?;
            sheet.write_number(row, 7, action.journal.len() as f64)?;
            if let Some(due) = action.due {
                sheet.write_date_with_format(row, 8, due, &f.date)?;
            }
            sheet.write_string(row, 9, action.pilots.join(", "))?;
            let alerts: Vec<&str> = action.alerts.iter().map(|a| a.message.as_str()).collect();
            sheet.write_string_with_format(row, 10, alerts.join(" ; "), &f.wrap)?;
        }
    }
    Ok(())
}
