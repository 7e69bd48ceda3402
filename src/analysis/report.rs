//! The annual (or period) report: everything the bilan says, computed once
//! into a `Report` that every format renders. The struct is also the JSON
//! format, so its field order is a contract.
//!
//! Both ends of the period are read by `Action::rewind_to`, the one history
//! `ctg status --at` reads too, so that the report of a period ending on a
//! day and the dashboard of that day agree on every figure. Nothing reads
//! the clock: "today" is `--today`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

mod financing;

pub use financing::{ActionMoney, AxisMoney, FinancerMoney, Financing, Share};

use crate::analysis::{FiguresSum, Tally, round4};
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Indicator, PARALLEL_ACTIONS, Period, Plan, Status, StatusCounts};
use crate::parallel;

/// The bilan borrows the texts of the plan it is made from (`'p`): a
/// large plan's are not copied.
#[derive(Serialize)]
pub struct Report<'p> {
    pub convention: ConventionInfo<'p>,
    pub period: Period,
    /// The date the report is made (`--today`).
    pub date: NaiveDate,
    pub summary: Summary,
    pub axes: Vec<AxisReport<'p>>,
    /// Budgets, spending and financers: totals by axis and by financer.
    pub financing: Financing,
    pub governance: Vec<BodyReport<'p>>,
    /// With `--since REV`: what changed in the files since that revision.
    pub changes_since: Option<ChangesSince>,
    /// What the reader must know about how the report was made: a period
    /// outside the convention asked for with `--force`, fields read as
    /// they are today because git holds no version of the plan by then.
    pub notes: Vec<String>,
}

#[derive(Serialize)]
pub struct ChangesSince {
    pub revision: crate::git::Revision,
    pub changes: Vec<crate::analysis::diff::ChangeEntry>,
}

#[derive(Serialize)]
pub struct ConventionInfo<'p> {
    pub name: &'p str,
    pub territory: &'p str,
    pub caf: Option<&'p str>,
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
pub struct AxisReport<'p> {
    pub id: u32,
    pub title: &'p str,
    pub theme: Option<&'p str>,
    pub progress_start: f64,
    pub progress_end: f64,
    pub actions: Vec<ActionReport<'p>>,
}

#[derive(Serialize)]
pub struct ActionReport<'p> {
    pub id: u32,
    pub title: &'p str,
    pub short_title: Option<&'p str>,
    pub pilots: Vec<&'p str>,
    pub partners: Vec<&'p str>,
    pub pilot_note: Option<&'p str>,
    pub due: Option<NaiveDate>,
    /// The status the day before the period; `None` for an action that
    /// entered the plan during the period.
    pub status_start: Option<Status>,
    pub status_end: Status,
    pub progress_end: f64,
    pub modalities_done_end: usize,
    pub modalities_total: usize,
    pub modalities_done_in_period: Vec<ModalityDone<'p>>,
    /// The period's journal entries, oldest first: the "faits marquants".
    pub journal: Vec<JournalEntry<'p>>,
    pub indicators: Vec<IndicatorReport<'p>>,
    pub money: ActionMoney<'p>,
    pub alerts: Vec<ReportAlert>,
}

#[derive(Serialize)]
pub struct ModalityDone<'p> {
    pub number: usize,
    pub text: &'p str,
    pub done: NaiveDate,
}

#[derive(Serialize)]
pub struct JournalEntry<'p> {
    pub date: NaiveDate,
    pub note: &'p str,
    pub status: Option<Status>,
}

#[derive(Serialize)]
pub struct IndicatorReport<'p> {
    pub name: &'p str,
    pub unit: Option<&'p str>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// The year whose value the period reports: the latest year of the
    /// period with a value.
    pub year: Option<i32>,
    pub value: Option<f64>,
    /// The year before `year`, and its value when there is one (N-1).
    pub previous_year: Option<i32>,
    pub previous_value: Option<f64>,
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
pub struct BodyReport<'p> {
    pub key: &'p str,
    pub name: &'p str,
    pub per_year: u32,
    /// Meetings the period calls for: `per_year` over the period's length.
    pub required: u32,
    pub held: Vec<MeetingHeld<'p>>,
    pub missing: u32,
}

#[derive(Serialize)]
pub struct MeetingHeld<'p> {
    pub date: NaiveDate,
    pub title: &'p str,
    pub decisions: &'p [String],
}

impl<'p> Report<'p> {
    /// The report of `period`, made from the plan as read, which it leaves
    /// as it stood at the period's end (rewound in place, not copied).
    /// `committed` holds the plan as committed by the eve of the period
    /// and by its end, where git has one and the files are not that day's
    /// truth: the titles, pilots and due dates of those days come from there.
    pub fn build(
        plan: &'p mut Plan,
        period: Period,
        committed: [Option<&Plan>; 2],
        today: NaiveDate,
        lang: Lang,
    ) -> Report<'p> {
        let start = Opening::of(plan, period, committed[0]);
        let closing = plan.rewind_then(period.to, committed[1], Tally::of);
        let end: &'p Plan = plan;
        let axes = axes(end, &start, &closing, period, today, lang);
        let mut at_end = FiguresSum::default();
        closing.iter().for_each(|tally| at_end.add_tally(*tally));
        let (at_start, at_end) = (start.all.figures(), at_end.figures());
        let action_reports = axes.iter().flat_map(|axis| &axis.actions);
        let summary = Summary {
            actions: at_end.actions,
            by_status_start: at_start.by_status,
            by_status_end: at_end.by_status,
            progress_start: at_start.progress,
            progress_end: at_end.progress,
            modalities_total: at_end.modalities_total,
            modalities_done_end: at_end.modalities_done,
            modalities_done_in_period: action_reports
                .clone()
                .map(|a| a.modalities_done_in_period.len())
                .sum(),
            journal_entries_in_period: action_reports.map(|a| a.journal.len()).sum(),
        };
        let convention = &end.convention;
        Report {
            convention: ConventionInfo {
                name: &convention.name,
                territory: &convention.territory,
                caf: convention.caf.as_deref(),
                start: convention.start.as_ref().map(|d| d.value),
                end: convention.end.as_ref().map(|d| d.value),
            },
            period,
            date: today,
            summary,
            axes,
            financing: Financing::of(end, period),
            governance: governance(end, period),
            changes_since: None,
            notes: Vec::new(),
        }
    }
}

/// Each axis with its actions as the period ended, each action's report
/// made on every core for a large plan, in the plan's order. `closing`
/// holds each action's tally at the end, in the plan's order.
fn axes<'p>(
    end: &'p Plan,
    start: &Opening,
    closing: &[Tally],
    period: Period,
    today: NaiveDate,
    lang: Lang,
) -> Vec<AxisReport<'p>> {
    let many = end.actions.len() > PARALLEL_ACTIONS;
    let closing_by_axis = sums_by_axis(end, closing);
    let progress = |sums: &HashMap<u32, FiguresSum>, id| {
        sums.get(&id).map_or(0.0, |sum| sum.figures().progress)
    };
    (end.axes.iter())
        .map(|axis| {
            let id = axis.id.value;
            let mine: Vec<&Action> = end.actions_of_axis(id).collect();
            // Made in place, each axis's on every core: a large plan's
            // reports are not moved into their axes one by one.
            let actions = parallel::map(&mine, many, |_, after| {
                // An action created during the period has no "before".
                let before = start.statuses.get(&after.id.value).copied();
                ActionReport::build(before, after, period, today, lang)
            });
            AxisReport {
                id,
                title: &axis.title,
                theme: axis.theme.as_deref(),
                progress_start: progress(&start.by_axis, id),
                progress_end: progress(&closing_by_axis, id),
                actions,
            }
        })
        .collect()
}

/// The tallies of each axis's actions, added in the plan's order, in one
/// look at the plan rather than one for each axis.
fn sums_by_axis(end: &Plan, closing: &[Tally]) -> HashMap<u32, FiguresSum> {
    let mut sums: HashMap<u32, FiguresSum> = HashMap::new();
    for (action, tally) in end.actions.iter().zip(closing) {
        if let Some(axis) = &action.axis {
            sums.entry(axis.value).or_default().add_tally(*tally);
        }
    }
    sums
}

/// The plan as the period opened, made one action at a time and not kept
/// (a whole copy of a large plan would be): the figures of the day before,
/// of the whole plan and by axis, and each action's status that day, among
/// the actions that existed on its first day.
struct Opening {
    all: FiguresSum,
    by_axis: HashMap<u32, FiguresSum>,
    statuses: HashMap<u32, Status>,
}

impl Opening {
    fn of(plan: &Plan, period: Period, committed: Option<&Plan>) -> Opening {
        let since = plan.since();
        let many = plan.actions.len() > PARALLEL_ACTIONS;
        let eve = parallel::map(&plan.actions, many, |_, action| {
            action.exists_on(period.from, since).then(|| {
                let id = action.id.value;
                // The axis as `take_fields_from` would set it that day.
                let then = committed.and_then(|committed| committed.action(id));
                let axis = then.map_or(&action.axis, |then| &then.axis);
                let axis = axis.as_ref().map(|a| a.value);
                (id, axis, Tally::as_of(action, period.eve()))
            })
        });
        let mut opening = Opening {
            all: FiguresSum::default(),
            by_axis: HashMap::new(),
            statuses: HashMap::new(),
        };
        // Summed in the plan's order, whatever thread counted each action.
        for (id, axis, tally) in eve.into_iter().flatten() {
            opening.all.add_tally(tally);
            if let Some(axis) = axis {
                opening.by_axis.entry(axis).or_default().add_tally(tally);
            }
            // The first of an id, as a search of the plan would find.
            opening.statuses.entry(id).or_insert(tally.status);
        }
        opening
    }
}

fn governance(plan: &Plan, period: Period) -> Vec<BodyReport<'_>> {
    plan.convention
        .bodies
        .iter()
        .map(|body| {
            let held: Vec<MeetingHeld> = plan
                .meetings_held(&body.key.value, period)
                .map(|m| MeetingHeld {
                    date: m.date.value,
                    title: &m.title,
                    decisions: &m.decisions,
                })
                .collect();
            let required = body.meetings_required(period);
            BodyReport {
                key: &body.key.value,
                name: &body.name,
                per_year: body.per_year,
                required,
                missing: required.saturating_sub(held.len() as u32),
                held,
            }
        })
        .collect()
}

impl<'p> ActionReport<'p> {
    /// One action, from its status the day before the period (`None` for
    /// an action that entered the plan during it) and the action as it
    /// stood at its last day.
    fn build(
        before: Option<Status>,
        after: &'p Action,
        period: Period,
        today: NaiveDate,
        lang: Lang,
    ) -> ActionReport<'p> {
        let modalities_done_in_period: Vec<ModalityDone> = after
            .modalities
            .iter()
            .enumerate()
            .filter_map(|(index, m)| {
                let done = m.done.as_ref()?.value;
                (m.status == Status::Done && period.contains(done)).then(|| ModalityDone {
                    number: index + 1,
                    text: &m.text,
                    done,
                })
            })
            .collect();
        let mut journal: Vec<JournalEntry> = after
            .log
            .iter()
            .filter(|entry| period.contains(entry.date.value))
            .map(|entry| JournalEntry {
                date: entry.date.value,
                note: &entry.note,
                status: entry.status,
            })
            .collect();
        journal.sort_by_key(|entry| entry.date);
        // Silence is worth saying only of an action still open when the
        // period began: one done or abandoned before it has nothing to record.
        let open_in_period = before.is_none_or(Status::is_open);
        let quiet = open_in_period && journal.is_empty() && modalities_done_in_period.is_empty();
        ActionReport {
            id: after.id.value,
            title: &after.title,
            short_title: after.short_title.as_deref(),
            pilots: after.pilots.iter().map(|p| p.value.as_str()).collect(),
            partners: after.partners.iter().map(|p| p.value.as_str()).collect(),
            pilot_note: after.pilot_note.as_deref(),
            due: after.due.as_ref().map(|d| d.value),
            status_start: before,
            status_end: after.status,
            progress_end: round4(after.progress()),
            modalities_done_end: after.modalities_done(),
            modalities_total: after.modalities_counted(),
            modalities_done_in_period,
            journal,
            indicators: after
                .indicators
                .iter()
                .map(|indicator| IndicatorReport::build(indicator, period))
                .collect(),
            money: ActionMoney::of(after, period),
            alerts: alerts(after, period.to.min(today), quiet, lang),
        }
    }
}

impl<'p> IndicatorReport<'p> {
    fn build(indicator: &'p Indicator, period: Period) -> IndicatorReport<'p> {
        let latest = indicator.latest(Some(period.years()));
        let value = latest.map(|(_, value)| value);
        // The target of the year reported, else of the period's last year.
        let year = latest.map_or(period.years().1, |(year, _)| year);
        IndicatorReport {
            name: &indicator.name,
            unit: indicator.unit.as_deref(),
            baseline: indicator.baseline,
            target: indicator.target_for(Some(year)),
            year: latest.map(|(year, _)| year),
            value,
            previous_year: latest.map(|(year, _)| year - 1),
            previous_value: latest.and_then(|(year, _)| {
                indicator
                    .values
                    .iter()
                    .find(|(y, _)| y.value == year - 1)
                    .map(|(_, v)| *v)
            }),
            to_target: value
                .and_then(|v| indicator.to_target(v, Some(year)))
                .map(round4),
        }
    }
}

/// What the bilan flags on an action at the end of the period (or today,
/// for a period not over yet: a report never anticipates): late, no pilot,
/// nothing recorded (`quiet`) while not abandoned.
fn alerts(action: &Action, end: NaiveDate, quiet: bool, lang: Lang) -> Vec<ReportAlert> {
    let mut alerts = Vec::new();
    if let (Some(days), Some(due)) = (action.days_late(end), &action.due) {
        alerts.push(ReportAlert {
            kind: ReportAlertKind::Late,
            message: lang.fill(Msg::ReportAlertLate, &[&lang.short_date(due.value), &days]),
        });
    }
    if action.needs_pilot() {
        let note = action
            .pilot_note
            .clone()
            .unwrap_or_else(|| lang.text(Msg::Undecided).to_string());
        alerts.push(ReportAlert {
            kind: ReportAlertKind::NoPilot,
            message: lang.fill(Msg::ReportAlertNoPilot, &[&note]),
        });
    }
    if quiet && action.status != Status::Abandoned {
        alerts.push(ReportAlert {
            kind: ReportAlertKind::NothingRecorded,
            message: lang.text(Msg::ReportAlertQuiet).to_string(),
        });
    }
    alerts
}
