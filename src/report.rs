//! The annual (or period) report: everything the bilan says, computed once
//! into a `Report` that every format renders. The struct is also the JSON
//! format, so its field order is a contract.
//!
//! Statuses over the period come from the journal's dated status moves
//! (`Action::status_at`), progress from modality `done` dates
//! (`Action::progress_at`); nothing reads the clock: "today" is `--today`.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::model::{Action, Plan, Status, StatusCounts};
use crate::render::round4;

/// The span of days a report covers, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// A whole calendar year is named by its number; any other span by its ends.
    pub fn label(&self, lang: Lang) -> String {
        if self.from.ordinal() == 1
            && self.to == NaiveDate::from_ymd_opt(self.from.year(), 12, 31).unwrap_or(self.to)
        {
            self.from.year().to_string()
        } else {
            format!(
                "{} – {}",
                lang.short_date(self.from),
                lang.short_date(self.to)
            )
        }
    }

    fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

#[derive(Serialize)]
pub struct Report {
    pub convention: ConventionInfo,
    pub period: Period,
    /// The date the report is made (`--today`).
    pub date: NaiveDate,
    pub summary: Summary,
    pub axes: Vec<AxisReport>,
    pub governance: Vec<BodyReport>,
    /// With `--since REV`: what changed in the files since that revision.
    pub changes_since: Option<ChangesSince>,
}

#[derive(Serialize)]
pub struct ChangesSince {
    pub revision: crate::git::Revision,
    pub changes: Vec<crate::diff::ChangeEntry>,
}

#[derive(Serialize)]
pub struct ConventionInfo {
    pub name: String,
    pub territory: String,
    pub caf: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct Summary {
    pub actions: usize,
    /// Statuses the day before the period starts.
    pub by_status_start: StatusCounts,
    /// Statuses on the last day of the period.
    pub by_status_end: StatusCounts,
    pub progress_start: f64,
    pub progress_end: f64,
    pub modalities_total: usize,
    pub modalities_done_end: usize,
    pub modalities_done_in_period: usize,
    pub journal_entries_in_period: usize,
}

#[derive(Serialize)]
pub struct AxisReport {
    pub id: u32,
    pub title: String,
    pub theme: Option<String>,
    pub progress_start: f64,
    pub progress_end: f64,
    pub actions: Vec<ActionReport>,
}

#[derive(Serialize)]
pub struct ActionReport {
    pub id: u32,
    pub title: String,
    pub short_title: Option<String>,
    pub pilots: Vec<String>,
    pub pilot_note: Option<String>,
    pub due: Option<NaiveDate>,
    pub status_start: Status,
    pub status_end: Status,
    pub progress_end: f64,
    pub modalities_done_end: usize,
    pub modalities_total: usize,
    pub modalities_done_in_period: Vec<ModalityDone>,
    /// The period's journal entries, oldest first: the "faits marquants".
    pub journal: Vec<JournalEntry>,
    pub indicators: Vec<IndicatorReport>,
    pub alerts: Vec<ReportAlert>,
}

#[derive(Serialize)]
pub struct ModalityDone {
    pub number: usize,
    pub text: String,
    pub done: NaiveDate,
}

#[derive(Serialize)]
pub struct JournalEntry {
    pub date: NaiveDate,
    pub note: String,
    pub status: Option<Status>,
}

#[derive(Serialize)]
pub struct IndicatorReport {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// The year whose value the period reports: the latest year of the
    /// period with a value.
    pub year: Option<i32>,
    pub value: Option<f64>,
    /// How far from baseline to target that value is (1 = reached).
    pub to_target: Option<f64>,
}

#[derive(Serialize)]
pub struct ReportAlert {
    pub kind: ReportAlertKind,
    pub message: String,
}

#[derive(Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ReportAlertKind {
    /// Open and past its due date at the end of the period.
    Late,
    NoPilot,
    /// No journal entry and no modality done in the period.
    NothingRecorded,
}

#[derive(Serialize)]
pub struct BodyReport {
    pub key: String,
    pub name: String,
    pub per_year: u32,
    /// Meetings the period calls for: `per_year` over the period's length.
    pub required: u32,
    pub held: Vec<MeetingHeld>,
    pub missing: u32,
}

#[derive(Serialize)]
pub struct MeetingHeld {
    pub date: NaiveDate,
    pub title: String,
}

impl Report {
    pub fn build(plan: &Plan, period: Period, today: NaiveDate, lang: Lang) -> Report {
        let before = period.from.pred_opt().unwrap_or(period.from);
        let convention = &plan.convention;
        let axes: Vec<AxisReport> = plan
            .axes
            .iter()
            .map(|axis| {
                let actions: Vec<&Action> = plan.actions_of_axis(axis.id.value).collect();
                AxisReport {
                    id: axis.id.value,
                    title: axis.title.clone(),
                    theme: axis.theme.clone(),
                    progress_start: round4(mean(&actions, |a| a.progress_at(before))),
                    progress_end: round4(mean(&actions, |a| a.progress_at(period.to))),
                    actions: actions
                        .iter()
                        .map(|action| ActionReport::build(action, period, lang))
                        .collect(),
                }
            })
            .collect();
        let all: Vec<&Action> = plan.actions.iter().collect();
        let action_reports = axes.iter().flat_map(|axis| &axis.actions);
        let summary = Summary {
            actions: plan.actions.len(),
            by_status_start: counts(&all, before),
            by_status_end: counts(&all, period.to),
            progress_start: round4(mean(&all, |a| a.progress_at(before))),
            progress_end: round4(mean(&all, |a| a.progress_at(period.to))),
            modalities_total: all.iter().map(|a| a.modalities_counted()).sum(),
            modalities_done_end: action_reports.clone().map(|a| a.modalities_done_end).sum(),
            modalities_done_in_period: action_reports
                .clone()
                .map(|a| a.modalities_done_in_period.len())
                .sum(),
            journal_entries_in_period: action_reports.map(|a| a.journal.len()).sum(),
        };
        let governance = convention
            .bodies
            .iter()
            .map(|body| {
                let held: Vec<MeetingHeld> = plan
                    .meetings
                    .iter()
                    .filter(|m| m.body.value == body.key.value && period.contains(m.date.value))
                    .map(|m| MeetingHeld {
                        date: m.date.value,
                        title: m.title.clone(),
                    })
                    .collect();
                let required =
                    (f64::from(body.per_year) * period.days() as f64 / 365.0).round() as u32;
                BodyReport {
                    key: body.key.value.clone(),
                    name: body.name.clone(),
                    per_year: body.per_year,
                    required,
                    missing: required.saturating_sub(held.len() as u32),
                    held,
                }
            })
            .collect();
        Report {
            convention: ConventionInfo {
                name: convention.name.clone(),
                territory: convention.territory.clone(),
                caf: convention.caf.clone(),
                start: convention.start.as_ref().map(|d| d.value),
                end: convention.end.as_ref().map(|d| d.value),
            },
            period,
            date: today,
            summary,
            axes,
            governance,
            changes_since: None,
        }
    }
}

impl ActionReport {
    fn build(action: &Action, period: Period, lang: Lang) -> ActionReport {
        let before = period.from.pred_opt().unwrap_or(period.from);
        let status_end = action.status_at(period.to);
        let modalities_done_in_period: Vec<ModalityDone> = action
            .modalities
            .iter()
            .enumerate()
            .filter_map(|(index, m)| {
                let done = m.done.as_ref()?.value;
                (m.status == Status::Done && period.contains(done)).then(|| ModalityDone {
                    number: index + 1,
                    text: m.text.clone(),
                    done,
                })
            })
            .collect();
        let mut journal: Vec<JournalEntry> = action
            .log
            .iter()
            .filter(|entry| period.contains(entry.date.value))
            .map(|entry| JournalEntry {
                date: entry.date.value,
                note: entry.note.clone(),
                status: entry.status,
            })
            .collect();
        journal.sort_by_key(|entry| entry.date);
        let modalities_done_end = action
            .modalities
            .iter()
            .filter(|m| {
                m.status == Status::Done && m.done.as_ref().is_none_or(|d| d.value <= period.to)
            })
            .count();
        let mut alerts = Vec::new();
        let due = action.due.as_ref().map(|d| d.value);
        if let Some(due) = due
            && status_end.is_open()
            && due < period.to
        {
            let days = (period.to - due).num_days();
            alerts.push(ReportAlert {
                kind: ReportAlertKind::Late,
                message: lang.fill(Msg::ReportAlertLate, &[&lang.short_date(due), &days]),
            });
        }
        if status_end.is_open() && !action.has_pilot() {
            let note = action
                .pilot_note
                .clone()
                .unwrap_or_else(|| lang.text(Msg::Undecided).to_string());
            alerts.push(ReportAlert {
                kind: ReportAlertKind::NoPilot,
                message: lang.fill(Msg::ReportAlertNoPilot, &[&note]),
            });
        }
        if journal.is_empty()
            && modalities_done_in_period.is_empty()
            && status_end != Status::Abandoned
        {
            alerts.push(ReportAlert {
                kind: ReportAlertKind::NothingRecorded,
                message: lang.text(Msg::ReportAlertQuiet).to_string(),
            });
        }
        ActionReport {
            id: action.id.value,
            title: action.title.clone(),
            short_title: action.short_title.clone(),
            pilots: action.pilots.iter().map(|p| p.value.clone()).collect(),
            pilot_note: action.pilot_note.clone(),
            due,
            status_start: action.status_at(before),
            status_end,
            progress_end: round4(action.progress_at(period.to)),
            modalities_done_end,
            modalities_total: action.modalities_counted(),
            modalities_done_in_period,
            journal,
            indicators: action
                .indicators
                .iter()
                .map(|indicator| {
                    let latest = indicator
                        .values
                        .iter()
                        .filter(|(year, _)| {
                            (period.from.year()..=period.to.year()).contains(&year.value)
                        })
                        .max_by_key(|(year, _)| year.value);
                    let value = latest.map(|(_, value)| *value);
                    let to_target = match (value, indicator.target) {
                        (Some(value), Some(target)) => {
                            let baseline = indicator.baseline.unwrap_or(0.0);
                            (target != baseline)
                                .then(|| round4((value - baseline) / (target - baseline)))
                        }
                        _ => None,
                    };
                    IndicatorReport {
                        name: indicator.name.clone(),
                        unit: indicator.unit.clone(),
                        baseline: indicator.baseline,
                        target: indicator.target,
                        year: latest.map(|(year, _)| year.value),
                        value,
                        to_target,
                    }
                })
                .collect(),
            alerts,
        }
    }
}

fn counts(actions: &[&Action], date: NaiveDate) -> StatusCounts {
    let mut counts = StatusCounts::default();
    for action in actions {
        counts.add(action.status_at(date));
    }
    counts
}

/// Mean of `progress` over actions, abandoned ones (at the end of the
/// period) left out, as DESIGN defines progress.
fn mean(actions: &[&Action], progress: impl Fn(&Action) -> f64) -> f64 {
    let counted: Vec<f64> = actions
        .iter()
        .filter(|a| a.status != Status::Abandoned)
        .map(|a| progress(a))
        .collect();
    if counted.is_empty() {
        0.0
    } else {
        counted.iter().sum::<f64>() / counted.len() as f64
    }
}
