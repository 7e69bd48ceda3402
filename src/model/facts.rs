//! Facts derived from the plan, each defined once: progress, lateness,
//! what needs a pilot, meetings held and due, an indicator's distance to
//! its target. Every command and report asks these; none recomputes them.

use chrono::{Datelike, NaiveDate};

use super::{Action, Body, FileKind, Indicator, Meeting, Period, Plan, Status};

impl Action {
    /// Modalities that count towards progress: all but the abandoned ones.
    pub fn modalities_counted(&self) -> usize {
        self.modalities
            .iter()
            .filter(|modality| modality.status != Status::Abandoned)
            .count()
    }

    pub fn modalities_done(&self) -> usize {
        self.modalities
            .iter()
            .filter(|modality| modality.status == Status::Done)
            .count()
    }

    /// 1 when done; else the share of counted modalities that are done.
    pub fn progress(&self) -> f64 {
        progress(
            self.status,
            self.modalities_done(),
            self.modalities_counted(),
        )
    }

    /// Days past due at `today`, for an open action whose due date has passed.
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        let due = self.due.as_ref()?.value;
        (self.status.is_open() && due < today).then(|| (today - due).num_days())
    }

    pub fn has_pilot(&self) -> bool {
        !self.pilots.is_empty()
    }

    /// Still open and nobody leads it: what every "no pilot" alert, filter
    /// and count means. A closed action no longer needs one. An action led
    /// modality by modality (some modality names its pilots) needs one only
    /// while an open modality has none.
    pub fn needs_pilot(&self) -> bool {
        if !self.status.is_open() || self.has_pilot() {
            return false;
        }
        let per_modality = self.modalities.iter().any(|m| !m.pilots.is_empty());
        !per_modality
            || self
                .modalities
                .iter()
                .any(|m| m.status.is_open() && m.pilots.is_empty())
    }

    /// The source's words on an undecided pilot, when it has any.
    pub fn pilot_note(&self) -> Option<&str> {
        self.pilot_note.as_deref().filter(|n| !n.trim().is_empty())
    }

    /// The journal's latest dated status move, and its place in the
    /// journal: the action's status as its history tells it.
    pub fn latest_move(&self) -> Option<(usize, NaiveDate, Status)> {
        latest_move(
            self.log
                .iter()
                .map(|entry| (entry.date.value, entry.status)),
        )
    }

    pub fn last_log_date(&self) -> Option<NaiveDate> {
        self.log.iter().map(|entry| entry.date.value).max()
    }

    /// The title to show where space is short.
    pub fn display_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

/// Among journal entries (their day and the status they move to, in the
/// order written), the latest dated move and its place; among moves of one
/// day, the last written.
pub fn latest_move(
    entries: impl IntoIterator<Item = (NaiveDate, Option<Status>)>,
) -> Option<(usize, NaiveDate, Status)> {
    entries
        .into_iter()
        .enumerate()
        .filter_map(|(index, (day, status))| status.map(|status| (index, day, status)))
        .max_by_key(|(index, day, _)| (*day, *index))
}

impl Indicator {
    /// The value of the latest year with one, among `years` when given.
    pub fn latest(&self, years: Option<(i32, i32)>) -> Option<(i32, f64)> {
        self.values
            .iter()
            .filter(|(year, _)| years.is_none_or(|(from, to)| (from..=to).contains(&year.value)))
            .max_by_key(|(year, _)| year.value)
            .map(|(year, value)| (year.value, *value))
    }

    /// The target of `year`: its yearly target when it has one, else the
    /// target of the whole convention.
    pub fn target_for(&self, year: Option<i32>) -> Option<f64> {
        let yearly = self
            .targets
            .iter()
            .find(|(y, _)| Some(y.value) == year)
            .map(|(_, target)| *target);
        yearly.or(self.target)
    }

    /// How far from baseline (0 when none) to the target of `year` a
    /// value is: 0 at the baseline, 1 when the target is reached. None
    /// without a target, or when the target is the baseline.
    pub fn to_target(&self, value: f64, year: Option<i32>) -> Option<f64> {
        let target = self.target_for(year)?;
        let baseline = self.baseline.unwrap_or(0.0);
        (target != baseline).then(|| (value - baseline) / (target - baseline))
    }
}

impl Body {
    /// Meetings a period calls for: `per_year` over the period's length.
    pub fn meetings_required(&self, period: Period) -> u32 {
        (f64::from(self.per_year) * period.days() as f64 / 365.0).round() as u32
    }
}

impl Plan {
    /// Whether every file of this kind was read into its item.
    pub fn is_complete(&self, kind: FileKind) -> bool {
        !self.incomplete.contains(&kind)
    }

    /// The action of this id (the first of the files' order, were two to
    /// share it), found by halving: actions are sorted by id.
    pub fn action(&self, id: u32) -> Option<&Action> {
        let index = self.actions.partition_point(|action| action.id.value < id);
        self.actions
            .get(index)
            .filter(|action| action.id.value == id)
    }

    pub fn actions_of_axis(&self, axis: u32) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(move |action| action.axis.as_ref().map(|a| a.value) == Some(axis))
    }

    /// The meetings of one body held within a period, oldest first.
    pub fn meetings_held<'a>(
        &'a self,
        body: &'a str,
        period: Period,
    ) -> impl Iterator<Item = &'a Meeting> {
        self.meetings
            .iter()
            .filter(move |m| m.body.value == body && period.contains(m.date.value))
    }

    /// For the year of `today`, fair to the calendar: the k-th of a body's
    /// `per_year` meetings is due by the end of the month that closes the
    /// k-th equal part of the year (30 June and 31 December for two). How
    /// many are late (their day passed, not held), and the day by which the
    /// next one not held is due.
    pub fn meetings_late(&self, body: &Body, today: NaiveDate) -> (usize, Option<NaiveDate>) {
        let (held, _) = self.meetings_this_year(body, today);
        let year = today.year();
        let per_year = i64::from(body.per_year.max(1));
        // The last day of the month that closes the k-th part of the year.
        let deadline = |k: i64| {
            let month = ((12 * k + per_year - 1) / per_year).clamp(1, 12) as u32;
            let next = match month {
                12 => NaiveDate::from_ymd_opt(year + 1, 1, 1),
                _ => NaiveDate::from_ymd_opt(year, month + 1, 1),
            };
            next.and_then(|d| d.pred_opt()).unwrap_or(today)
        };
        let due_now = (1..=per_year).filter(|k| deadline(*k) < today).count();
        let next = ((held as i64) < per_year).then(|| deadline(held as i64 + 1));
        (due_now.saturating_sub(held), next)
    }

    /// For the year of `today`: meetings of a body held so far, and how
    /// many are still due before the year is out.
    pub fn meetings_this_year(&self, body: &Body, today: NaiveDate) -> (usize, usize) {
        let so_far = Period {
            from: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
            to: today,
        };
        let held = self.meetings_held(&body.key.value, so_far).count();
        (held, (body.per_year as usize).saturating_sub(held))
    }
}

/// An action's progress from its status and its modalities done and
/// counted (not abandoned): 1 when done, else the share done.
pub fn progress(status: Status, done: usize, counted: usize) -> f64 {
    match (status, counted) {
        (Status::Done, _) => 1.0,
        (_, 0) => 0.0,
        _ => done as f64 / counted as f64,
    }
}
