//! `ctg status`: the dashboard opened before a committee, as data. The
//! struct is the JSON contract as it is; the views read the same struct.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::analysis::Figures;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, PARALLEL_ACTIONS, Plan, Status};
use crate::parallel;

#[derive(Serialize)]
pub struct Dashboard {
    pub plan: PlanSummary,
    pub axes: Vec<AxisRow>,
    pub totals: Figures,
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
    /// What the reader must know about a view of the past: how the
    /// statuses were rebuilt, fields read as today's when git cannot tell,
    /// a day outside the convention asked for with `--force`.
    pub notes: Vec<String>,
}

#[derive(Serialize)]
pub struct AxisRow {
    pub id: u32,
    pub title: String,
    pub theme: Option<String>,
    #[serde(flatten)]
    pub figures: Figures,
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
    /// The dashboard for `today`, or, with `at`, for the plan as it stood
    /// at the end of that day (`Plan::as_of`), its undated fields from
    /// `committed`, the plan as committed by then (a note says when there
    /// is none).
    pub fn build(
        plan: &Plan,
        today: NaiveDate,
        at: Option<NaiveDate>,
        committed: Option<&Plan>,
        lang: Lang,
        stale_days: u32,
    ) -> Dashboard {
        let past;
        let (plan, day) = match at {
            Some(at) => {
                past = plan.as_of(at, committed);
                (&past, at)
            }
            None => (plan, today),
        };
        let mut notes = Vec::new();
        if let Some(at) = at {
            let msg = if plan.has_history_by(at) {
                Msg::StatusAt
            } else {
                Msg::StatusAtNoHistory
            };
            notes.push(lang.fill(msg, &[&lang.short_date(at)]));
            if committed.is_none() {
                notes.push(lang.text(Msg::PastFieldsUnknown).to_string());
            }
        }
        let convention = &plan.convention;
        let axes = plan
            .axes
            .iter()
            .map(|axis| AxisRow {
                id: axis.id.value,
                title: axis.title.clone(),
                theme: axis.theme.clone(),
                figures: Figures::of(plan.actions_of_axis(axis.id.value)),
            })
            .collect();
        Dashboard {
            plan: PlanSummary {
                name: convention.name.clone(),
                territory: convention.territory.clone(),
                caf: convention.caf.clone(),
                start: convention.start.as_ref().map(|d| d.value),
                end: convention.end.as_ref().map(|d| d.value),
                today,
                at,
                notes,
            },
            axes,
            totals: Figures::of(&plan.actions),
            alerts: alerts(plan, day, lang, stale_days),
        }
    }
}

fn blank(kind: AlertKind) -> Alert {
    Alert {
        kind,
        action: None,
        body: None,
        days: None,
        due: None,
        held: None,
        required: None,
        message: String::new(),
    }
}

/// Overdue actions, actions without a decided pilot, stale actions, then
/// governance bodies that have not yet met as often as required this year.
fn alerts(plan: &Plan, today: NaiveDate, lang: Lang, stale_days: u32) -> Vec<Alert> {
    // Each action looked at on every core for a large plan, the alerts
    // kept in the plan's order.
    let many = plan.actions.len() > PARALLEL_ACTIONS;
    let late = parallel::map(&plan.actions, many, |_, a| overdue(a, today, lang));
    let mut alerts: Vec<Alert> = late.into_iter().flatten().collect();
    for action in plan.actions.iter().filter(|a| a.needs_pilot()) {
        let id = action.id.value;
        let note = action
            .pilot_note()
            .unwrap_or(lang.text(Msg::AlertNoPilotNote));
        alerts.push(Alert {
            action: Some(id),
            message: lang.fill(Msg::AlertNoPilot, &[&id, &note, &action.display_title()]),
            ..blank(AlertKind::NoPilot)
        });
    }
    let stalled = parallel::map(&plan.actions, many, |_, action| {
        let watched = matches!(action.status, Status::InProgress | Status::Blocked);
        watched.then(|| stale(action, today, lang, stale_days))?
    });
    alerts.extend(stalled.into_iter().flatten());
    for body in plan.convention.bodies.iter().filter(|b| b.per_year > 0) {
        let (held, missing) = plan.meetings_this_year(body, today);
        if missing > 0 {
            // Not yet late (none held in January): what is due by when.
            let message = match plan.meetings_late(body, today) {
                (0, Some(by)) => lang.fill(
                    Msg::AlertMeetingsAhead,
                    &[&body.name, &held, &today.year(), &lang.short_date(by)],
                ),
                _ => lang.fill(
                    Msg::AlertMeetings,
                    &[&body.name, &held, &today.year(), &body.per_year],
                ),
            };
            alerts.push(Alert {
                body: Some(body.key.value.clone()),
                held: Some(held),
                required: Some(body.per_year),
                message,
                ..blank(AlertKind::MeetingsDue)
            });
        }
    }
    alerts
}

fn overdue(action: &Action, today: NaiveDate, lang: Lang) -> Option<Alert> {
    let days = action.days_late(today)?;
    let id = action.id.value;
    let due = action.due.as_ref().map(|d| d.value);
    Some(Alert {
        action: Some(id),
        days: Some(days),
        due,
        message: lang.fill(
            Msg::AlertOverdue,
            &[
                &id,
                &days,
                &due.map(|d| lang.short_date(d)).unwrap_or_default(),
                &action.display_title(),
            ],
        ),
        ..blank(AlertKind::Overdue)
    })
}

fn stale(action: &Action, today: NaiveDate, lang: Lang, stale_days: u32) -> Option<Alert> {
    let id = action.id.value;
    let status = action.status.label(lang);
    let title = action.display_title();
    match action.last_log_date() {
        Some(last) if (today - last).num_days() > i64::from(stale_days) => {
            let days = (today - last).num_days();
            Some(Alert {
                action: Some(id),
                days: Some(days),
                message: lang.fill(Msg::AlertStale, &[&id, &status, &days, &title]),
                ..blank(AlertKind::Stale)
            })
        }
        Some(_) => None,
        None => Some(Alert {
            action: Some(id),
            message: lang.fill(Msg::AlertStaleNever, &[&id, &status, &title]),
            ..blank(AlertKind::Stale)
        }),
    }
}
