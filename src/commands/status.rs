//! `ctg status`: the dashboard opened before a committee.
//!
//! The figures are computed once into a `Dashboard`, which is the JSON
//! contract as it is; the table and markdown renderings read the same struct.

use anstyle::{AnsiColor, Style};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::Context;
use crate::cli::{StatusArgs, StatusFormat};
use crate::commands::load_valid_plan;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Plan, Status, StatusCounts, mean_progress};
use crate::output::Output;
use crate::render::{self, md_table, round4, terminal_table};

pub fn run(context: &Context, args: &StatusArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let mut plan = load_valid_plan(context)?;
    let mut dashboard = match args.at {
        Some(at) => {
            let history = plan.rewind(at);
            let mut dashboard = Dashboard::build(&plan, at, lang, args.stale_days);
            dashboard.plan.today = context.today;
            dashboard.plan.at = Some(at);
            let note = if history {
                Msg::StatusAt
            } else {
                Msg::StatusAtNoHistory
            };
            dashboard.plan.note = Some(lang.fill(note, &[&lang.short_date(at)]));
            dashboard
        }
        None => Dashboard::build(&plan, context.today, lang, args.stale_days),
    };
    dashboard.plan.today = context.today;
    Ok(Output::answer(match args.format {
        StatusFormat::Json => render::json(&dashboard)?,
        StatusFormat::Table => table(&dashboard, context.lang),
        StatusFormat::Md => markdown(&dashboard, context.lang),
    }))
}

#[derive(Serialize)]
pub struct Dashboard {
    pub plan: PlanSummary,
    pub axes: Vec<AxisRow>,
    pub totals: Totals,
    pub alerts: Vec<Alert>,
}

#[derive(Serialize)]
pub struct PlanSummary {
    pub name: String,
    pub territory: String,
    pub caf: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub today: NaiveDate,
    /// With `--at`: the date the dashboard is rebuilt for (alerts are as of that date).
    pub at: Option<NaiveDate>,
    /// With `--at`: how the statuses were rebuilt.
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct AxisRow {
    pub id: u32,
    pub title: String,
    pub theme: Option<String>,
    pub actions: usize,
    pub by_status: StatusCounts,
    pub modalities_done: usize,
    pub modalities_total: usize,
    pub progress: f64,
}

#[derive(Serialize)]
pub struct Totals {
    pub actions: usize,
    pub by_status: StatusCounts,
    pub modalities_done: usize,
    pub modalities_total: usize,
    pub progress: f64,
}

/// Something a committee should look at. `kind` says what; the other
/// fields are those that apply to it (null otherwise).
#[derive(Serialize)]
pub struct Alert {
    pub kind: AlertKind,
    pub action: Option<u32>,
    pub body: Option<String>,
    pub days: Option<i64>,
    pub due: Option<NaiveDate>,
    pub held: Option<usize>,
    pub required: Option<u32>,
    pub message: String,
}

#[derive(Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum AlertKind {
    Overdue,
    NoPilot,
    Stale,
    MeetingsDue,
}

impl Dashboard {
    pub fn build(plan: &Plan, today: NaiveDate, lang: Lang, stale_days: u32) -> Dashboard {
        let convention = &plan.convention;
        let axes = plan
            .axes
            .iter()
            .map(|axis| {
                let actions: Vec<&Action> = plan.actions_of_axis(axis.id.value).collect();
                AxisRow {
                    id: axis.id.value,
                    title: axis.title.clone(),
                    theme: axis.theme.clone(),
                    actions: actions.len(),
                    by_status: StatusCounts::of(actions.iter().copied()),
                    modalities_done: actions.iter().map(|a| a.modalities_done()).sum(),
                    modalities_total: actions.iter().map(|a| a.modalities_counted()).sum(),
                    progress: round4(mean_progress(actions.iter().copied())),
                }
            })
            .collect();
        let totals = Totals {
            actions: plan.actions.len(),
            by_status: StatusCounts::of(&plan.actions),
            modalities_done: plan.actions.iter().map(Action::modalities_done).sum(),
            modalities_total: plan.actions.iter().map(Action::modalities_counted).sum(),
            progress: round4(mean_progress(&plan.actions)),
        };
        Dashboard {
            plan: PlanSummary {
                name: convention.name.clone(),
                territory: convention.territory.clone(),
                caf: convention.caf.clone(),
                start: convention.start.as_ref().map(|d| d.value),
                end: convention.end.as_ref().map(|d| d.value),
                today,
                at: None,
                note: None,
            },
            axes,
            totals,
            alerts: alerts(plan, today, lang, stale_days),
        }
    }
}

/// Overdue actions, actions without a decided pilot, stale actions, then
/// governance bodies that have not yet met as often as required this year.
fn alerts(plan: &Plan, today: NaiveDate, lang: Lang, stale_days: u32) -> Vec<Alert> {
    let blank = |kind| Alert {
        kind,
        action: None,
        body: None,
        days: None,
        due: None,
        held: None,
        required: None,
        message: String::new(),
    };
    let mut alerts = Vec::new();
    for action in &plan.actions {
        let id = action.id.value;
        let title = action.display_title();
        if let Some(days) = action.days_late(today) {
            let due = action.due.as_ref().map(|d| d.value);
            alerts.push(Alert {
                action: Some(id),
                days: Some(days),
                due,
                message: lang.fill(
                    Msg::AlertOverdue,
                    &[
                        &id,
                        &days,
                        &due.map(|d| lang.short_date(d)).unwrap_or_default(),
                        &title,
                    ],
                ),
                ..blank(AlertKind::Overdue)
            });
        }
    }
    for action in plan
        .actions
        .iter()
        .filter(|a| a.status.is_open() && !a.has_pilot())
    {
        let id = action.id.value;
        let note = action
            .pilot_note
            .as_deref()
            .filter(|note| !note.trim().is_empty())
            .unwrap_or(lang.text(Msg::AlertNoPilotNote));
        alerts.push(Alert {
            action: Some(id),
            message: lang.fill(Msg::AlertNoPilot, &[&id, &note, &action.display_title()]),
            ..blank(AlertKind::NoPilot)
        });
    }
    let watched = |action: &&Action| matches!(action.status, Status::InProgress | Status::Blocked);
    for action in plan.actions.iter().filter(watched) {
        let id = action.id.value;
        let status = action.status.label(lang);
        let title = action.display_title();
        match action.last_log_date() {
            Some(last) if (today - last).num_days() > i64::from(stale_days) => {
                let days = (today - last).num_days();
                alerts.push(Alert {
                    action: Some(id),
                    days: Some(days),
                    message: lang.fill(Msg::AlertStale, &[&id, &status, &days, &title]),
                    ..blank(AlertKind::Stale)
                });
            }
            Some(_) => {}
            None => alerts.push(Alert {
                action: Some(id),
                message: lang.fill(Msg::AlertStaleNever, &[&id, &status, &title]),
                ..blank(AlertKind::Stale)
            }),
        }
    }
    let year = today.year();
    for body in plan
        .convention
        .bodies
        .iter()
        .filter(|body| body.per_year > 0)
    {
        let held = plan
            .meetings
            .iter()
            .filter(|m| {
                m.body.value == body.key.value
                    && m.date.value.year() == year
                    && m.date.value <= today
            })
            .count();
        if held < body.per_year as usize {
            alerts.push(Alert {
                body: Some(body.key.value.clone()),
                held: Some(held),
                required: Some(body.per_year),
                message: lang.fill(
                    Msg::AlertMeetings,
                    &[&body.name, &held, &year, &body.per_year],
                ),
                ..blank(AlertKind::MeetingsDue)
            });
        }
    }
    alerts
}

/// The statuses worth a column: those at least one action has.
fn shown_statuses(dashboard: &Dashboard) -> Vec<Status> {
    Status::ALL
        .into_iter()
        .filter(|status| dashboard.totals.by_status.get(*status) > 0)
        .collect()
}

/// The header and rows shared by the terminal table and markdown.
fn grid(dashboard: &Dashboard, lang: Lang, compact: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let statuses = shown_statuses(dashboard);
    let mut header = vec![
        lang.text(Msg::ColAxis).to_string(),
        lang.text(Msg::ColTheme).to_string(),
        lang.text(Msg::ColActions).to_string(),
    ];
    header.extend(statuses.iter().map(|status| status.label(lang).to_string()));
    header.push(lang.text(Msg::ColModalities).to_string());
    header.push(lang.text(Msg::ColProgress).to_string());
    let row = |first: String,
               second: String,
               actions: usize,
               counts: &StatusCounts,
               done: usize,
               total: usize,
               progress: f64| {
        let mut cells = vec![first, second, actions.to_string()];
        cells.extend(statuses.iter().map(|s| counts.get(*s).to_string()));
        cells.push(format!("{done}/{total}"));
        cells.push(render::progress_cell(progress, lang, compact));
        cells
    };
    let mut rows: Vec<Vec<String>> = dashboard
        .axes
        .iter()
        .map(|axis| {
            row(
                axis.id.to_string(),
                match (&axis.theme, compact) {
                    (Some(theme), _) => theme.clone(),
                    (None, true) => shorten(&axis.title, 40),
                    (None, false) => axis.title.clone(),
                },
                axis.actions,
                &axis.by_status,
                axis.modalities_done,
                axis.modalities_total,
                axis.progress,
            )
        })
        .collect();
    let totals = &dashboard.totals;
    rows.push(row(
        lang.text(Msg::TotalRow).to_string(),
        String::new(),
        totals.actions,
        &totals.by_status,
        totals.modalities_done,
        totals.modalities_total,
        totals.progress,
    ));
    (header, rows)
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
    match (plan.start, plan.end) {
        (Some(start), Some(end)) => lang.fill(
            Msg::StatusPeriod,
            &[&lang.short_date(start), &lang.short_date(end)],
        ),
        (Some(start), None) => lang.fill(Msg::StatusPeriod, &[&lang.short_date(start), &"…"]),
        (None, Some(end)) => lang.fill(Msg::StatusPeriod, &[&"…", &lang.short_date(end)]),
        (None, None) => lang.text(Msg::StatusPeriodUnknown).to_string(),
    }
}

fn heading_lines(dashboard: &Dashboard, lang: Lang) -> Vec<String> {
    let plan = &dashboard.plan;
    let mut territory = plan.territory.clone();
    if let Some(caf) = &plan.caf {
        territory.push_str(" · ");
        territory.push_str(caf);
    }
    let mut lines = vec![
        territory,
        format!(
            "{} · {}",
            period_line(plan, lang),
            lang.fill(
                Msg::StatusToday,
                &[&lang.long_date(plan.at.unwrap_or(plan.today))]
            )
        ),
    ];
    lines.extend(plan.note.clone());
    lines
}

const BOLD: Style = Style::new().bold();
const WARN: Style = AnsiColor::Yellow.on_default();

fn table(dashboard: &Dashboard, lang: Lang) -> String {
    let (header, rows) = grid(dashboard, lang, true);
    let mut table = terminal_table(header);
    for row in rows {
        table.add_row(row);
    }
    let mut out = format!("{BOLD}{}{BOLD:#}\n", dashboard.plan.name);
    for line in heading_lines(dashboard, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&table.to_string());
    out.push_str("\n\n");
    out.push_str(&format!(
        "{BOLD}{} ({}){BOLD:#}\n",
        lang.text(Msg::AlertsHeading),
        dashboard.alerts.len()
    ));
    if dashboard.alerts.is_empty() {
        out.push_str(lang.text(Msg::AlertsNone));
        out.push('\n');
    }
    for alert in &dashboard.alerts {
        out.push_str(&format!("{WARN}!{WARN:#} {}\n", alert.message));
    }
    out
}

fn markdown(dashboard: &Dashboard, lang: Lang) -> String {
    let (header, rows) = grid(dashboard, lang, false);
    let mut out = format!("# {}\n\n", render::md_cell(&dashboard.plan.name));
    for line in heading_lines(dashboard, lang) {
        out.push_str(&render::md_cell(&line));
        out.push_str("  \n");
    }
    out.push('\n');
    out.push_str(&md_table(&header, &rows));
    out.push_str(&format!("\n## {}\n\n", lang.text(Msg::AlertsHeading)));
    if dashboard.alerts.is_empty() {
        out.push_str(lang.text(Msg::AlertsNone));
        out.push('\n');
    }
    for alert in &dashboard.alerts {
        out.push_str(&format!("- {}\n", render::md_cell(&alert.message)));
    }
    out
}
