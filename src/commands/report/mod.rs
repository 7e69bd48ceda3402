//! `ctg report`: the bilan of a year or any period, in five formats.

use std::path::Path;

use chrono::Datelike;

mod view;

use crate::analysis::diff::{diff, entries};
use crate::analysis::report::{ChangesSince, Report};
use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::{load_valid_plan, plan_at};
use crate::git::Repo;
use crate::i18n::{Lang, Msg};
use crate::model::Period;
use crate::render::table::{Cell, Table};
use crate::render::{self, csv, html, markdown, xlsx};
use crate::{Context, Failure};

pub fn run(context: &Context, args: &ReportArgs) -> Result<String, Failure> {
    let lang = context.lang;
    let period = period(args, context)?;
    let format = match (args.format, &context.output) {
        (Some(format), _) => format,
        (None, Some(path)) => format_of(path)
            .ok_or_else(|| Failure::usage(lang.fill(Msg::ErrorReportFormat, &[&path.display()])))?,
        (None, None) => ReportFormat::Md,
    };
    if format == ReportFormat::Xlsx && context.output.is_none() {
        return Err(Failure::usage(lang.text(Msg::ErrorXlsxNeedsFile)));
    }
    let plan = load_valid_plan(context)?;
    let mut report = Report::build(&plan, period, context.today, lang);
    if let Some(since) = &args.since {
        let repo = Repo::of(&plan.root, lang)?;
        let revision = repo.resolve(since, lang)?;
        let old = plan_at(&repo, &revision, context)?;
        let changes = entries(diff(&old, &plan), lang, &plan);
        report.changes_since = Some(ChangesSince { revision, changes });
    }
    let bytes = match format {
        ReportFormat::Md => markdown::document(&view::document(&report, lang), lang).into_bytes(),
        ReportFormat::Html => html::page(&view::document(&report, lang), lang).into_bytes(),
        ReportFormat::Json => render::json(&report)?.into_bytes(),
        ReportFormat::Csv => csv_text(&report, lang, args)?.into_bytes(),
        ReportFormat::Xlsx => xlsx::report_workbook(&report, lang)?,
    };
    match &context.output {
        Some(path) => {
            crate::edit::write_atomically(path, &bytes).map_err(|err| {
                Failure::content(lang.fill(Msg::ErrorWrite, &[&path.display(), &err]))
            })?;
            Ok(format!(
                "{}\n",
                lang.fill(Msg::ReportWritten, &[&path.display()])
            ))
        }
        None => String::from_utf8(bytes).map_err(|err| Failure::content(err.to_string())),
    }
}

/// `--year`, `--from`/`--to`, or the last full calendar year before today.
fn period(args: &ReportArgs, context: &Context) -> Result<Period, Failure> {
    let lang = context.lang;
    let year = args.year.unwrap_or(context.today.year() - 1);
    let whole =
        Period::year(year).ok_or_else(|| Failure::usage(lang.fill(Msg::ErrorYear, &[&year])))?;
    let from = args.from.unwrap_or(whole.from);
    let to = args.to.unwrap_or(whole.to);
    if from > to {
        return Err(Failure::usage(lang.fill(
            Msg::ErrorPeriod,
            &[&lang.short_date(from), &lang.short_date(to)],
        )));
    }
    Ok(Period { from, to })
}

fn format_of(path: &Path) -> Option<ReportFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(ReportFormat::Md),
        "html" | "htm" => Some(ReportFormat::Html),
        "json" => Some(ReportFormat::Json),
        "csv" => Some(ReportFormat::Csv),
        "xlsx" => Some(ReportFormat::Xlsx),
        _ => None,
    }
}

fn csv_text(report: &Report, lang: Lang, args: &ReportArgs) -> Result<String, Failure> {
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
    ]
    .map(|m| lang.text(m).to_string())
    .to_vec();
    let mut table = Table::new(header);
    for axis in &report.axes {
        for action in &axis.actions {
            table.row(vec![
                Cell::Int(action.id.into()),
                Cell::Int(axis.id.into()),
                Cell::from(action.title.as_str()),
                Cell::from(action.status_start.label(lang)),
                Cell::from(action.status_end.label(lang)),
                Cell::Number(action.progress_end),
                Cell::Int(action.modalities_done_in_period.len() as i64),
                Cell::Int(action.journal.len() as i64),
                Cell::Date(action.due),
                Cell::from(action.pilots.join(", ")),
                Cell::from(
                    action
                        .alerts
                        .iter()
                        .map(|a| a.message.as_str())
                        .collect::<Vec<_>>()
                        .join(" ; "),
                ),
            ]);
        }
    }
    csv::write(args.csv_dialect, &table)
}
