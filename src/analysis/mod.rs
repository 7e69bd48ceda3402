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

use crate::model::{Action, StatusCounts, mean_progress};

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
        let actions: Vec<&Action> = actions.into_iter().collect();
        Figures {
            actions: actions.len(),
            by_status: StatusCounts::of(actions.iter().copied()),
            modalities_done: actions.iter().map(|a| a.modalities_done()).sum(),
            modalities_total: actions.iter().map(|a| a.modalities_counted()).sum(),
            progress: round4(mean_progress(actions.iter().copied())),
        }
    }
}

/// A share rounded to four decimals, so that JSON stays short and stable.
pub fn round4(share: f64) -> f64 {
    (share * 10_000.0).round() / 10_000.0
}
