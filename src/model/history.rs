//! The plan as it stood on a past day. `Action::rewind_to` is the one rule
//! by which any command sees the past: `status --at` through `Plan::as_of`
//! (a copy rewound), the end of a report's period through
//! `Plan::rewind_to` (the plan itself, in place), its eve through
//! `analysis::Tally::as_of` (the same figures without the copy; a test
//! holds them equal). Statuses come from the journal's dated status moves,
//! modalities from their `done` dates; actions, modalities and indicators
//! exist from their `created` day (an action without one, from the
//! convention's adoption, else its start); what happened later is left out.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Action, Modality, Plan, Status, latest_move};
use crate::i18n::Lang;
use crate::parallel;

/// Actions above which work on each of them is worth sharing out over
/// every core (a thread costs about what a few dozen actions take).
pub const PARALLEL_ACTIONS: usize = 256;

/// A span of days, both ends included.
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

    /// The day before the period starts: where "at the start" is read.
    pub fn eve(&self) -> NaiveDate {
        self.from.pred_opt().unwrap_or(self.from)
    }

    /// The calendar years the period touches, first and last.
    pub fn years(&self) -> (i32, i32) {
        (self.from.year(), self.to.year())
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// A whole calendar year is named by its number, a single day by its
    /// date, any other span by its ends.
    pub fn label(&self, lang: Lang) -> String {
        if Period::year(self.from.year()) == Some(*self) {
            self.from.year().to_string()
        } else if self.from == self.to {
            lang.short_date(self.from)
        } else {
            format!(
                "{} – {}",
                lang.short_date(self.from),
                lang.short_date(self.to)
            )
        }
    }
}

impl Action {
    /// The status on `date` as the journal tells it: the last dated status
    /// move on or before that day; `planned` before the first move. With no
    /// move in the journal there is no history, and the file's status stands
    /// for every date.
    pub fn status_at(&self, date: NaiveDate) -> Status {
        if self.log.iter().all(|entry| entry.status.is_none()) {
            return self.status;
        }
        // The moves of later days do not count; their places do.
        let until = (self.log.iter()).map(|entry| {
            (
                entry.date.value,
                entry.status.filter(|_| entry.date.value <= date),
            )
        });
        latest_move(until).map_or(Status::Planned, |(_, _, status)| status)
    }

    /// Whether the action was in the plan on `date`: from its `created`
    /// day, else from `since` (the convention's adoption or start), else
    /// always.
    pub fn exists_on(&self, date: NaiveDate, since: Option<NaiveDate>) -> bool {
        self.created.as_ref().map(|c| c.value).or(since) <= Some(date)
    }

    /// The action as it stood at the end of `date`: its status rebuilt,
    /// later journal entries dropped, modalities and indicators added later
    /// left out, modalities done later not done yet, indicator values of
    /// later years unknown.
    ///
    /// What the day did not know yet is left to the system at exit, not
    /// freed: a run rewinds a plan once or twice, and freeing a large
    /// plan's later entries one by one, on every core, kept the cores
    /// waiting on each other at the allocator's locks.
    pub fn rewind_to(&mut self, date: NaiveDate) {
        self.status = self.status_at(date);
        let later = self.log.extract_if(.., |entry| entry.date.value > date);
        later.for_each(std::mem::forget);
        let later = self.modalities.extract_if(.., |m| !m.existed_on(date));
        later.for_each(std::mem::forget);
        let later = (self.indicators)
            .extract_if(.., |i| i.created.as_ref().is_some_and(|c| c.value > date));
        later.for_each(std::mem::forget);
        for modality in &mut self.modalities {
            if modality.done_after(date) {
                modality.status = Status::Planned;
                modality.done = None;
            }
        }
        let year = date.year();
        for indicator in &mut self.indicators {
            // Copied only when a value is to go: most are all of the past.
            if indicator.values.iter().any(|(y, _)| y.value > year) {
                let known = indicator.values.iter().filter(|(y, _)| y.value <= year);
                let known = known.cloned().collect();
                std::mem::forget(std::mem::replace(&mut indicator.values, known));
            }
        }
    }
}

impl Modality {
    /// Whether the modality was in its action on `date`.
    pub fn existed_on(&self, date: NaiveDate) -> bool {
        self.created.as_ref().is_none_or(|c| c.value <= date)
    }

    /// Whether it was done after `date`: not done yet on that day.
    pub fn done_after(&self, date: NaiveDate) -> bool {
        self.done.as_ref().is_some_and(|d| d.value > date)
    }

    /// Its status at the end of `date`, had it existed.
    pub fn status_on(&self, date: NaiveDate) -> Status {
        match self.done_after(date) {
            true => Status::Planned,
            false => self.status,
        }
    }
}

impl Action {
    /// The fields the journal does not date (titles, axis, pilots,
    /// partners, roles, the pilot note, start and due dates) taken from
    /// `then`, the plan as it was committed by that day, when the action is
    /// found there by its id; otherwise its own are kept.
    pub fn take_fields_from(&mut self, then: &Plan) {
        let Some(old) = then.action(self.id.value) else {
            return;
        };
        self.title = old.title.clone();
        self.short_title = old.short_title.clone();
        self.axis = old.axis.clone();
        self.pilots = old.pilots.clone();
        self.partners = old.partners.clone();
        self.roles = old.roles.clone();
        self.pilot_note = old.pilot_note.clone();
        self.start = old.start.clone();
        self.due = old.due.clone();
    }
}

impl Plan {
    /// The plan as it stood at the end of `date`, a copy rewound (see
    /// `rewind_to`); the plan itself is left as it is.
    pub fn as_of(&self, date: NaiveDate, then: Option<&Plan>) -> Plan {
        let mut plan = self.clone();
        plan.rewind_to(date, then);
        plan
    }

    /// The plan as it stood at the end of `date`, as the journal and the
    /// dates of the files tell it, in place: the actions that existed then,
    /// each rewound (on every core when there are many) and given the
    /// fields the journal does not date from `then` when given; meetings
    /// held later left out.
    pub fn rewind_to(&mut self, date: NaiveDate, then: Option<&Plan>) {
        self.rewind_then(date, then, |_| ());
    }

    /// `rewind_to`, each action then handed to `after` on the core that
    /// rewound it, while it is still in that core's cache; what `after`
    /// gives comes back in the plan's order.
    pub fn rewind_then<R: Send>(
        &mut self,
        date: NaiveDate,
        then: Option<&Plan>,
        after: impl Fn(&Action) -> R + Sync,
    ) -> Vec<R> {
        let since = self.since();
        // Left to the system at exit, as an action's later entries are.
        let later = self.actions.extract_if(.., |a| !a.exists_on(date, since));
        later.for_each(std::mem::forget);
        let later = self.meetings.extract_if(.., |m| m.date.value > date);
        later.for_each(std::mem::forget);
        let many = self.actions.len() > PARALLEL_ACTIONS;
        parallel::map_mut(&mut self.actions, many, |_, action| {
            action.rewind_to(date);
            if let Some(then) = then {
                action.take_fields_from(then);
            }
            after(action)
        })
    }

    /// The day the plan's actions exist from when they do not say: the
    /// convention's adoption, else its start.
    pub fn since(&self) -> Option<NaiveDate> {
        let convention = &self.convention;
        convention
            .adopted
            .as_ref()
            .or(convention.start.as_ref())
            .map(|d| d.value)
    }

    /// Whether `period` lies wholly outside the convention's dates, where
    /// they are known: a view of it would tell of a time the plan did not
    /// cover.
    pub fn outside_convention(&self, period: Period) -> bool {
        let convention = &self.convention;
        let before = convention
            .start
            .as_ref()
            .is_some_and(|s| period.to < s.value);
        let after = convention
            .end
            .as_ref()
            .is_some_and(|e| period.from > e.value);
        before || after
    }

    /// Whether the journal holds any status move on or before `date`: without
    /// one, statuses on that day are only today's, and a view of the past
    /// says so.
    pub fn has_history_by(&self, date: NaiveDate) -> bool {
        self.actions.iter().any(|action| {
            action
                .log
                .iter()
                .any(|e| e.status.is_some() && e.date.value <= date)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LogEntry, Status};
    use crate::span::{FileId, Located, Span};

    fn located<T>(value: T) -> Located<T> {
        Located {
            value,
            span: Span::new(FileId(0), 0..0),
        }
    }

    fn entry(date: &str, status: Option<Status>) -> LogEntry {
        LogEntry {
            by: None,
            date: located(date.parse().unwrap()),
            note: String::new(),
            status,
        }
    }

    #[test]
    fn status_history_comes_from_the_journal() {
        let mut action = Action {
            id: located(1),
            axis: None,
            title: String::new(),
            short_title: None,
            status: Status::Done,
            status_span: None,
            pilots: Vec::new(),
            roles: Vec::new(),
            partners: Vec::new(),
            pilot_note: None,
            coordination: false,
            within_competences: false,
            start: None,
            due: None,
            publics: Vec::new(),
            communes: Vec::new(),
            budget: None,
            spent: Vec::new(),
            financers: Vec::new(),
            modalities: Vec::new(),
            indicators: Vec::new(),
            log: Vec::new(),
            created: None,
            file: FileId(0),
        };
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        assert_eq!(
            action.status_at(day("2020-01-01")),
            Status::Done,
            "no history: the file's status"
        );
        action.log = vec![
            entry("2024-02-01", Some(Status::InProgress)),
            entry("2024-06-01", None),
            entry("2025-03-01", Some(Status::Done)),
        ];
        assert_eq!(action.status_at(day("2024-01-31")), Status::Planned);
        assert_eq!(action.status_at(day("2024-02-01")), Status::InProgress);
        assert_eq!(action.status_at(day("2024-12-31")), Status::InProgress);
        assert_eq!(action.status_at(day("2025-03-01")), Status::Done);
    }
}
