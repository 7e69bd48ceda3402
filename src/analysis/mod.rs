//! What each command computes, as plain data: every struct here is
//! serialisable and *is* the command's JSON output; the renderers read the
//! same struct for the other formats. Domain facts come from the model
//! (`model::facts`), the past from `model::history`; nothing here formats text
//! for a particular output.

pub mod actions;
pub mod dashboard;
pub mod diff;
pub mod fiche;
pub mod meetings;
pub mod money;
pub mod pilots;
pub mod report;

use serde::Serialize;

use chrono::NaiveDate;

use crate::model::{Action, Status, StatusCounts, progress};

/// The figures of a set of actions, as `ctg status` and the report show
/// them for an axis or the whole plan.
#[derive(Clone, Copy, Serialize)]
pub struct Figures {
    pub actions: usize,
    pub by_status: StatusCounts,
    pub modalities_done: usize,
    pub modalities_total: usize,
    pub progress: f64,
}

impl Figures {
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a Action>) -> Figures {
        let mut sum = FiguresSum::default();
        actions.into_iter().for_each(|action| sum.add(action));
        sum.figures()
    }
}

/// `Figures` gathered one action at a time, for actions made one at a
/// time and not kept (the plan as it stood on a past day).
#[derive(Default)]
pub struct FiguresSum {
    actions: usize,
    by_status: StatusCounts,
    modalities_done: usize,
    modalities_total: usize,
    /// Progress summed over the actions not abandoned, and their number.
    progress: (f64, usize),
}

impl FiguresSum {
    pub fn add(&mut self, action: &Action) {
        self.add_tally(Tally::of(action));
    }

    pub fn add_tally(&mut self, tally: Tally) {
        self.actions += 1;
        self.by_status.add(tally.status);
        self.modalities_done += tally.modalities_done;
        self.modalities_total += tally.modalities_total;
        if tally.status != Status::Abandoned {
            self.progress.0 += tally.progress;
            self.progress.1 += 1;
        }
    }

    pub fn figures(&self) -> Figures {
        let (sum, count) = self.progress;
        Figures {
            actions: self.actions,
            by_status: self.by_status,
            modalities_done: self.modalities_done,
            modalities_total: self.modalities_total,
            progress: round4(if count == 0 { 0.0 } else { sum / count as f64 }),
        }
    }
}

/// What one action adds to `FiguresSum`: counted on any thread, added in
/// the plan's order, so that a sum of shares never depends on timing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tally {
    pub status: Status,
    modalities_done: usize,
    modalities_total: usize,
    progress: f64,
}

impl Tally {
    pub fn of(action: &Action) -> Tally {
        Tally {
            status: action.status,
            modalities_done: action.modalities_done(),
            modalities_total: action.modalities_counted(),
            progress: action.progress(),
        }
    }

    /// The tally of the action rewound to `date`, without making that copy
    /// of it.
    pub fn as_of(action: &Action, date: NaiveDate) -> Tally {
        let status = action.status_at(date);
        let (mut done, mut counted) = (0, 0);
        let modalities = action.modalities.iter().filter(|m| m.existed_on(date));
        for modality_status in modalities.map(|m| m.status_on(date)) {
            done += usize::from(modality_status == Status::Done);
            counted += usize::from(modality_status != Status::Abandoned);
        }
        Tally {
            status,
            modalities_done: done,
            modalities_total: counted,
            progress: progress(status, done, counted),
        }
    }
}

/// A share rounded to four decimals, so that JSON stays short and stable.
pub fn round4(share: f64) -> f64 {
    (share * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::Tally;
    use crate::i18n::Lang;
    use crate::span::Located;

    /// Over the demo plan, its actions as they are and with every other
    /// modality added in mid-2024, on every first of the month of its
    /// years: the tally of a day is the tally of the action that day.
    #[test]
    fn a_tally_as_of_a_day_is_the_tally_of_the_action_that_day() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
        let (plan, _) = crate::load::load(&root, Lang::En);
        assert!(plan.actions.len() > 3);
        let mut actions = plan.actions.clone();
        for mut action in plan.actions.iter().cloned() {
            for modality in action.modalities.iter_mut().step_by(2) {
                modality.created = Some(Located {
                    value: NaiveDate::from_ymd_opt(2024, 6, 15).unwrap(),
                    span: action.id.span.clone(),
                });
            }
            actions.push(action);
        }
        let days = (2023..2027).flat_map(|y| (1..13).map(move |m| (y, m)));
        for (year, month) in days {
            let day = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
            for action in &actions {
                let mut then = action.clone();
                then.rewind_to(day);
                assert_eq!(Tally::as_of(action, day), Tally::of(&then));
            }
        }
    }
}
