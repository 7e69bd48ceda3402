//! What each command computes, as plain data: every struct here is
//! serialisable and *is* the command's JSON output; the renderers read the
//! same struct for the other formats. Domain facts come from the model
//! (`model::facts`), the past from `Plan::as_of`; nothing here formats text
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

use crate::model::{Action, Status, StatusCounts};

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
#[derive(Clone, Copy)]
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
}

/// A share rounded to four decimals, so that JSON stays short and stable.
pub fn round4(share: f64) -> f64 {
    (share * 10_000.0).round() / 10_000.0
}
