//! `ctg report`: the bilan of a year or any period, in five formats.

use chrono::Datelike;

use crate::Context;
use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::diff::plan_at;
use crate::commands::load_valid_plan;
use crate::diff::{diff, entries};
use crate::error::Error;
use crate::git::Repo;
use crate::i18n::{Lang, Msg};
use crate::model::Status;
use crate::output::Output;
use crate::render::csv::{self, Cell};
use crate::render::markup::{Html, Markdown, Markup};
use crate::render::{self, xlsx};
use crate::report::{ActionReport, ChangesSince, Period, Report};

/// The bilan in the format asked (by `--format` or the extension of
/// `-o FILE`, which the edge has already read), markdown by default.
pub fn run(context: &Context, args: &ReportArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let period = period(args, context)?;
    let format = args.format.unwrap_or(ReportFormat::Md);
    if format == ReportFormat::Xlsx && context.output.is_none() {
        return Err(Error::XlsxNeedsFile);
    }
    let plan = load_valid_plan(context)?;
    let mut report = Report::build(&plan, period, context.today, lang);
    if let Some(since) = &args.since {
        let repo = Repo::of(&plan.root)?;
        let revision = repo.resolve(since)?;
        let old = plan_at(&repo, &revision, context)?;
        let changes = entries(diff(&old, &plan), lang, &plan);
        report.changes_since = Some(ChangesSince { revision, changes });
    }
    let output = match format {
        ReportFormat::Md => Output::answer(document(&report, lang, Markdown::new(lang))),
        ReportFormat::Html => {
            let title = title(&report, lang);
            Output::answer(document(&report, lang, Html::new(lang, &title)))
        }
        ReportFormat::Json => Output::answer(render::json(&report)?),
        ReportFormat::Csv => Output::answer(csv_text(&report, lang, args)?),
        ReportFormat::Xlsx => Output::bytes(xlsx::report_workbook(&report, lang)?),
    };
    Ok(output.written_as(Msg::ReportWritten))
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

fn title(report: &Report, lang: Lang) -> String {
    lang.fill(Msg::ReportTitle, &[&report.period.label(lang)])
}

fn status_label(status: Status, lang: Lang) -> String {
    status.label(lang).to_string()
}

/// The bilan, laid out once for every markup.
fn document<M: Markup>(report: &Report, lang: Lang, mut out: M) -> String {
    let convention = &report.convention;
    out.heading(1, &title(report, lang));
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
    out.list(&facts);

    let summary = &report.summary;
    out.heading(2, lang.text(Msg::ReportSummary));
    out.paragraph(&lang.fill(
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
    let header = [
        Msg::ReportStatusHeader,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ]
    .map(|m| lang.text(m).to_string())
    .to_vec();
    let rows: Vec<Vec<String>> = Status::ALL
        .iter()
        .map(|status| {
            vec![
                status_label(*status, lang),
                summary.by_status_start.get(*status).to_string(),
                summary.by_status_end.get(*status).to_string(),
            ]
        })
        .collect();
    out.table(&header, &rows);
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
    out.bar_chart(lang.text(Msg::ReportChartTitle), &bars);
    let header = [
        Msg::ColAxis,
        Msg::ColTheme,
        Msg::ColActions,
        Msg::ReportAtStart,
        Msg::ReportAtEnd,
    ]
    .map(|m| lang.text(m).to_string())
    .to_vec();
    let rows: Vec<Vec<String>> = report
        .axes
        .iter()
        .map(|axis| {
            vec![
                axis.id.to_string(),
                axis.theme.clone().unwrap_or_else(|| axis.title.clone()),
                axis.actions.len().to_string(),
                lang.percent(axis.progress_start),
                lang.percent(axis.progress_end),
            ]
        })
        .collect();
    out.table(&header, &rows);

    if let Some(since) = &report.changes_since {
        out.heading(
            2,
            &lang.fill(Msg::ReportChangesSince, &[&since.revision.name]),
        );
        if since.changes.is_empty() {
            out.paragraph(lang.text(Msg::DiffNone));
        } else {
            let items: Vec<String> = since.changes.iter().map(|c| c.message.clone()).collect();
            out.list(&items);
        }
    }

    for axis in &report.axes {
        out.heading(
            2,
            &lang.fill(
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
            action_section(action, lang, &mut out);
        }
    }

    out.heading(2, lang.text(Msg::ReportGovernance));
    let header = [
        Msg::ReportBody,
        Msg::ReportRequired,
        Msg::ReportHeld,
        Msg::ReportMeetings,
    ]
    .map(|m| lang.text(m).to_string())
    .to_vec();
    let rows: Vec<Vec<String>> = report
        .governance
        .iter()
        .map(|body| {
            let meetings = if body.held.is_empty() {
                lang.text(Msg::ReportNone).to_string()
            } else {
                body.held
                    .iter()
                    .map(|m| format!("{} ({})", m.title, lang.short_date(m.date)))
                    .collect::<Vec<_>>()
                    .join(" ; ")
            };
            vec![
                body.name.clone(),
                body.required.to_string(),
                body.held.len().to_string(),
                meetings,
            ]
        })
        .collect();
    out.table(&header, &rows);
    let missing: Vec<String> = report
        .governance
        .iter()
        .filter(|body| body.missing > 0)
        .map(|body| lang.fill(Msg::ReportMissing, &[&body.name, &body.missing]))
        .collect();
    if missing.is_empty() {
        out.paragraph(lang.text(Msg::ReportGovernanceOk));
    } else {
        out.list(&missing);
    }
    out.finish()
}

fn action_section<M: Markup>(action: &ActionReport, lang: Lang, out: &mut M) {
    let shown = action.short_title.as_deref().unwrap_or(&action.title);
    out.heading(3, &lang.fill(Msg::ReportAction, &[&action.id, &shown]));
    let status = if action.status_start == action.status_end {
        lang.fill(
            Msg::ReportStatusSame,
            &[&status_label(action.status_end, lang)],
        )
    } else {
        lang.fill(
            Msg::ReportStatusChanged,
            &[
                &status_label(action.status_start, lang),
                &status_label(action.status_end, lang),
            ],
        )
    };
    let pilots = if action.pilots.is_empty() {
        action
            .pilot_note
            .clone()
            .unwrap_or_else(|| lang.text(Msg::Undecided).to_string())
    } else {
        action.pilots.join(", ")
    };
    out.list(&[
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

    out.heading(4, lang.text(Msg::ReportModalitiesInPeriod));
    if action.modalities_done_in_period.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoModalityInPeriod));
    } else {
        let items: Vec<String> = action
            .modalities_done_in_period
            .iter()
            .map(|m| format!("{} — {}", lang.short_date(m.done), m.text))
            .collect();
        out.list(&items);
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
        out.list(&items);
    }

    out.heading(4, lang.text(Msg::ReportIndicators));
    if action.indicators.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoIndicator));
    } else {
        let number =
            |value: Option<f64>| value.map_or("—".to_string(), |v| format_number(v, lang));
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
                            format_number(v, lang)
                        }),
                    indicator
                        .to_target
                        .map_or("—".to_string(), |share| lang.percent(share)),
                ]
            })
            .collect();
        out.table(&header, &rows);
    }

    out.heading(4, lang.text(Msg::ReportAlerts));
    if action.alerts.is_empty() {
        out.paragraph(lang.text(Msg::ReportNoAlert));
    } else {
        let items: Vec<String> = action.alerts.iter().map(|a| a.message.clone()).collect();
        out.list(&items);
    }
}

/// A number as people of the language write it: 12,5 or 12.5.
fn format_number(value: f64, lang: Lang) -> String {
    let text = format!("{value}");
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

fn csv_text(report: &Report, lang: Lang, args: &ReportArgs) -> Result<String, Error> {
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
    let rows = report
        .axes
        .iter()
        .flat_map(|axis| axis.actions.iter().map(move |action| (axis.id, action)))
        .map(|(axis, action)| {
            vec![
                Cell::Int(action.id.into()),
                Cell::Int(axis.into()),
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
            ]
        })
        .collect();
    csv::write(args.csv_dialect, &header, rows)
}
