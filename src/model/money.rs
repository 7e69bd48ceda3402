//! Facts about the money of the plan, each defined once: what an action
//! planned, spent in a year or a period, and who finances it; which actor
//! is the Caf, whose share the bilan gives.

use super::{Action, Actor, Convention, Period};
use crate::text::fold;

impl Action {
    /// The planned budget, in euros, when the file gives one.
    pub fn planned(&self) -> Option<f64> {
        self.budget.as_ref().map(|budget| budget.value)
    }

    /// Euros spent in `year`, when the file records that year.
    pub fn spent_in(&self, year: i32) -> Option<f64> {
        self.spent
            .iter()
            .find(|(y, _)| y.value == year)
            .map(|(_, amount)| *amount)
    }

    /// Euros spent over the years of a period, when any of them is recorded.
    pub fn spent_during(&self, period: Period) -> Option<f64> {
        let (first, last) = period.years();
        let amounts: Vec<f64> = (first..=last)
            .filter_map(|year| self.spent_in(year))
            .collect();
        (!amounts.is_empty()).then(|| amounts.iter().sum())
    }

    /// Euros spent, every recorded year.
    pub fn spent_total(&self) -> f64 {
        self.spent.iter().map(|(_, amount)| amount).sum()
    }

    /// What a financer gives to the action, when it is one of its financers.
    pub fn financed_by(&self, actor: &str) -> Option<f64> {
        self.financers
            .iter()
            .find(|(id, _)| id.value == actor)
            .map(|(_, amount)| *amount)
    }

    /// Whether the file says anything about the action's money.
    pub fn has_money(&self) -> bool {
        self.budget.is_some() || !self.spent.is_empty() || !self.financers.is_empty()
    }
}

impl Convention {
    /// The actor that is the Caf: the one marked `caf = true`, else the
    /// one whose id is "Caf" (any case, any accents).
    pub fn caf_actor(&self) -> Option<&Actor> {
        self.actors.iter().find(|actor| actor.caf).or_else(|| {
            self.actors
                .iter()
                .find(|actor| fold(&actor.id.value) == "caf")
        })
    }
}
