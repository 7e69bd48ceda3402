//! `ctg report`: the bilan of a year or any period, in five formats.

use chrono::Datelike;

mod view;
mod words;

use crate::Context;
use crate::analysis::diff::{diff, entries};
use crate::analysis::report::{ChangesSince, Report};
use crate::cli::{ReportArgs, ReportFormat, ReportTable};
use crate::commands::{DayFields, check_period, left_to_exit, plan_at, plan_for};
use crate::error::Error;
use crate::git::Repo;
use crate::i18n::{Lang, Msg};
use crate::model::{Period, Plan};
use crate::output::Output;
use crate::render::document::Document;
use crate::render::{self, csv, docx, odt, xlsx};

/// The bilan in the format asked (by `--format` or the extension of
/// `-o FILE`, which the edge has already read), markdown by default.
pub fn run(context: &Context, args: &ReportArgs) -> Result<Output, Error> {
    crate::heap::grow_in_large_steps();
    let lang = context.lang;
    let period = period(args, context)?;
    let format = args.format.unwrap_or(ReportFormat::Md);
    let binary = matches!(
        format,
        ReportFormat::Xlsx | ReportFormat::Docx | ReportFormat::Odt
    );
    if binary && context.output.is_none() {
        return Err(Error::XlsxNeedsFile);
    }
    if format == ReportFormat::Csv && args.since.is_some() {
        return Err(Error::SinceNotInCsv);
    }
    let mut plan = plan_for(context, args.rev.as_deref())?;
    let outside = check_period(&plan, period, args.force, lang)?;
    // The undated fields of the period's two ends come from git; a plan
    // read at a revision is already a committed one.
    let at_revision = args.rev.is_some();
    let opening = DayFields::of(&plan, period.eve(), at_revision, context);
    let closing = DayFields::of(&plan, period.to, at_revision, context);
    let changes_since = match &args.since {
        Some(since) => Some(changes_since(&plan, since, context, lang)?),
        None => None,
    };
    // The plan as read holds its own fields: only a committed one lends.
    let committed = [opening.committed(), closing.committed()];
    let mut report = Report::build(&mut plan, period, committed, context.today, lang);
    report.notes.extend(outside);
    if !closing.known() {
        report
            .notes
            .push(lang.text(Msg::PastFieldsUnknown).to_string());
    }
    report.changes_since = changes_since;
    let compact = args.compact;
    let output = match format {
        ReportFormat::Md => Output::answer_in_pieces(view::markdown(&report, lang, compact)),
        ReportFormat::Html => Output::answer_in_pieces(view::html(&report, lang, compact)),
        ReportFormat::Json => Output::answer(render::json(&report)?),
        ReportFormat::Csv if context.output.as_ref().is_some_and(|o| o.is_dir()) => {
            Output::files(csv_files(&report, lang, args)?)
        }
        ReportFormat::Csv => Output::answer(csv_text(&report, lang, args)?),
        ReportFormat::Docx => Output::bytes(laid_out(&report, lang, compact, |document| {
            docx::document(document, report.date, lang)
        })?),
        ReportFormat::Odt => Output::bytes(laid_out(&report, lang, compact, |document| {
            odt::document(document, report.date, lang)
        })?),
        ReportFormat::Xlsx => Output::bytes(xlsx::workbook(
            &view::title(&report, lang),
            report.date,
            &view::sheets(&report, lang),
            lang,
        )?),
    };
    // The report borrows the plan: it goes first.
    left_to_exit(report);
    left_to_exit(plan);
    Ok(output.written_as(Msg::ReportWritten))
}

/// The bilan laid out as a document, then rendered: the document is left
/// to the system at exit, as the report is.
fn laid_out<R>(
    report: &Report,
    lang: Lang,
    compact: bool,
    render: impl FnOnce(&Document) -> R,
) -> R {
    let document = view::document(report, lang, compact);
    let rendered = render(&document);
    left_to_exit(document);
    rendered
}

/// `--since REV`: what changed in the files between that revision and the
/// plan as read.
fn changes_since(
    plan: &Plan,
    since: &str,
    context: &Context,
    lang: Lang,
) -> Result<ChangesSince, Error> {
    let repo = Repo::of(&plan.root)?;
    let revision = repo.resolve(since)?;
    let old = plan_at(&repo, &revision, context)?;
    let changes = entries(diff(&old, plan), lang, plan);
    Ok(ChangesSince { revision, changes })
}

/// `--year`, `--from`/`--to`, or the last full calendar year before today.
fn period(args: &ReportArgs, context: &Context) -> Result<Period, Error> {
    let year = args.year.unwrap_or(context.today.year() - 1);
    let whole = Period::year(year).ok_or(Error::UnusableYear { year })?;
    let from = args.from.unwrap_or(whole.from);
    let to = args.to.unwrap_or(whole.to);
    if from > to {
        return Err(Error::EmptyPeriod { from, to });
    }
    Ok(Period { from, to })
}

fn csv_text(report: &Report, lang: Lang, args: &ReportArgs) -> Result<String, Error> {
    csv::write(args.csv_dialect, &view::table_of(report, args.table, lang))
}

/// `-o FOLDER`: every table of the bilan, one CSV file each, named as
/// `--table` names it (`actions.csv`, `financing.csv`…).
fn csv_files(
    report: &Report,
    lang: Lang,
    args: &ReportArgs,
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    use clap::ValueEnum;
    ReportTable::value_variants()
        .iter()
        .map(|table| {
            let name = table
                .to_possible_value()
                .map_or(String::new(), |v| v.get_name().to_string());
            let text = csv::write(args.csv_dialect, &view::table_of(report, *table, lang))?;
            Ok((format!("{name}.csv"), text.into_bytes()))
        })
        .collect()
}
