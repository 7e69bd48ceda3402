//! `ctg status`: the dashboard opened before a committee. The figures are
//! `analysis::dashboard`; this module lays them out as a document.

use crate::Context;
use crate::analysis::Figures;
use crate::analysis::dashboard::{Dashboard, PlanSummary};
use crate::cli::{StatusArgs, StatusFormat};
use crate::commands::{DayFields, check_period, left_to_exit, plan_for};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Period, Status};
use crate::output::Output;
use crate::render::document::{Block, Document};
use crate::render::table::{Cell, Table};
use crate::render::{self, markdown, terminal};

pub fn run(context: &Context, args: &StatusArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let plan = plan_for(context, args.rev.as_deref())?;
    let outside = match args.at {
        Some(at) => check_period(&plan, Period { from: at, to: at }, args.force, lang)?,
        None => None,
    };
    // The undated fields of a past day come from git; a plan read at a
    // revision is already a committed one.
    let fields = args
        .at
        .map(|at| DayFields::of(&plan, at, args.rev.is_some(), context));
    let committed = fields.as_ref().and_then(|fields| fields.source(&plan));
    let mut dashboard = Dashboard::build(
        &plan,
        context.today,
        args.at,
        committed,
        lang,
        args.stale_days,
    );
    dashboard.plan.notes.splice(0..0, outside);
    let answer = match args.format {
        StatusFormat::Json => render::json(&dashboard)?,
        StatusFormat::Table => terminal::document(&view(&dashboard, lang), lang, context.width),
        StatusFormat::Md => markdown::document(&view(&dashboard, lang), lang),
    };
    left_to_exit(plan);
    Ok(Output::answer(answer))
}

/// The dashboard as people read it: the convention, one row per axis, the alerts.
fn view(dashboard: &Dashboard, lang: Lang) -> Document {
    let mut doc = Document::new();
    doc.title_line(dashboard.plan.name.clone())
        .push(Block::Lines(heading_lines(&dashboard.plan, lang)))
        .table(grid(dashboard, lang))
        .heading(
            2,
            format!(
                "{} ({})",
                lang.text(Msg::AlertsHeading),
                dashboard.alerts.len()
            ),
        );
    if dashboard.alerts.is_empty() {
        doc.paragraph(lang.text(Msg::AlertsNone));
    } else {
        let messages = dashboard.alerts.iter().map(|a| a.message.clone());
        doc.push(Block::Alerts(messages.collect()));
    }
    doc
}

/// One row per axis and a total; a column per status some action has.
fn grid(dashboard: &Dashboard, lang: Lang) -> Table {
    let statuses: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|status| dashboard.totals.by_status.get(*status) > 0)
        .collect();
    let mut header: Vec<String> = [Msg::ColAxis, Msg::ColTheme, Msg::ColActions]
        .map(|m| lang.text(m).to_string())
        .to_vec();
    header.extend(statuses.iter().map(|status| status.label(lang).to_string()));
    header.push(lang.text(Msg::ColModalities).to_string());
    header.push(lang.text(Msg::ColProgress).to_string());
    let row = |first: String, second: Cell, figures: &Figures| {
        let mut cells = vec![Cell::Text(first), second, figures.actions.into()];
        cells.extend(statuses.iter().map(|s| figures.by_status.get(*s).into()));
        cells.push(Cell::Text(format!(
            "{}/{}",
            figures.modalities_done, figures.modalities_total
        )));
        cells.push(Cell::Share(figures.progress));
        cells
    };
    let mut table = Table::with_row_headers(header);
    let last = 3 + statuses.len();
    let keys = statuses.iter().map(|s| s.symbol().to_string()).collect();
    table
        .shorten(1, 14)
        .group(3, lang.text(Msg::ColStatuses), keys)
        .brief_header(2, lang.text(Msg::ColActionsBrief))
        .brief_header(last, lang.text(Msg::ColModalitiesBrief))
        .brief_header(last + 1, lang.text(Msg::ColProgressBrief));
    for axis in &dashboard.axes {
        let label = match &axis.theme {
            Some(theme) => Cell::Text(theme.clone()),
            None => Cell::Brief {
                full: axis.title.clone(),
                brief: shorten(&axis.title, 40),
            },
        };
        table.row(row(axis.id.to_string(), label, &axis.figures));
    }
    let total = lang.text(Msg::TotalRow).to_string();
    table.row(row(total, Cell::from(""), &dashboard.totals));
    table
}

/// At most `max` characters, cut at a word with "…" when longer.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ' ']))
}

fn period_line(plan: &PlanSummary, lang: Lang) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map_or("…".to_string(), |d| lang.short_date(d));
    match (plan.start, plan.end) {
        (None, None) => lang.text(Msg::StatusPeriodUnknown).to_string(),
        (start, end) => lang.fill(Msg::StatusPeriod, &[&date(start), &date(end)]),
    }
}

fn heading_lines(plan: &PlanSummary, lang: Lang) -> Vec<String> {
    let mut territory = plan.territory.clone();
    if let Some(caf) = &plan.caf {
        territory.push_str(" · ");
        territory.push_str(caf);
    }
    let day = lang.long_date(plan.at.unwrap_or(plan.today));
    let mut lines = vec![
        territory,
        format!(
            "{} · {}",
            period_line(plan, lang),
            lang.fill(Msg::StatusToday, &[&day])
        ),
    ];
    lines.extend(plan.notes.iter().cloned());
    lines
}
