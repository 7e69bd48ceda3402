//! The money of the bilan: each action's planned budget, spending of the
//! period and financers, and the totals by axis and by financer, with the
//! Caf's share. Sums are of what the files say: an action without a
//! budget adds nothing, and the report counts how many say nothing.

use serde::Serialize;

use crate::analysis::round4;
use crate::model::{Action, Period, Plan};
use crate::span::Located;

/// One action's money, as the bilan reports it.
#[derive(Serialize)]
pub struct ActionMoney<'p> {
    /// The planned budget, when the file gives one.
    pub planned: Option<f64>,
    /// Euros spent in the years of the period, when any is recorded.
    pub spent_in_period: Option<f64>,
    /// Every recorded year: `{ "2024": 3000, "2025": 4200 }`.
    pub spent_by_year: SpentByYear<'p>,
    /// Amounts by financer (actor id), in file order.
    pub financers: Vec<Share<'p>>,
}

/// What one financer gives.
#[derive(Serialize)]
pub struct Share<'p> {
    pub actor: &'p str,
    pub amount: f64,
}

impl<'p> ActionMoney<'p> {
    pub fn of(action: &'p Action, period: Period) -> ActionMoney<'p> {
        ActionMoney {
            planned: action.planned(),
            spent_in_period: action.spent_during(period),
            spent_by_year: SpentByYear(&action.spent),
            financers: action
                .financers
                .iter()
                .map(|(actor, amount)| Share {
                    actor: &actor.value,
                    amount: *amount,
                })
                .collect(),
        }
    }

    /// Whether there is anything to say.
    pub fn is_empty(&self) -> bool {
        self.planned.is_none() && self.spent_by_year.0.is_empty() && self.financers.is_empty()
    }
}

/// An action's spending by year, as the file gives it, written as a JSON
/// object: `{ "2024": 3000, "2025": 4200 }`.
pub struct SpentByYear<'p>(pub &'p [(Located<i32>, f64)]);

impl Serialize for SpentByYear<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (year, amount) in self.0 {
            map.serialize_entry(&year.value.to_string(), amount)?;
        }
        map.end()
    }
}

/// The financing of the whole plan.
#[derive(Serialize)]
pub struct Financing {
    /// Sum of the planned budgets.
    pub planned: f64,
    /// Sum of the spending of the period's years.
    pub spent_in_period: f64,
    /// Sum of every financer's amount.
    pub financed: f64,
    /// The actor that is the Caf (`caf = true`, else the id "Caf").
    pub caf: Option<String>,
    pub caf_amount: f64,
    /// The Caf's amount over all financers' (null when nobody finances).
    pub caf_share: Option<f64>,
    /// Actions whose file gives no planned budget.
    pub actions_without_budget: usize,
    /// Actions whose file names no financer.
    pub actions_without_financers: usize,
    pub by_axis: Vec<AxisMoney>,
    pub by_financer: Vec<FinancerMoney>,
    #[serde(skip)]
    any: bool,
}

#[derive(Serialize)]
pub struct AxisMoney {
    pub axis: u32,
    pub label: String,
    pub planned: f64,
    pub spent_in_period: f64,
    pub financed: f64,
    pub caf_amount: f64,
}

#[derive(Serialize)]
pub struct FinancerMoney {
    pub actor: String,
    pub name: String,
    pub amount: f64,
    /// Its amount over all financers'.
    pub share: f64,
    pub actions: usize,
}

impl Financing {
    /// The totals of the actions of `plan` (the plan at the period's end).
    pub fn of(plan: &Plan, period: Period) -> Financing {
        let actions = &plan.actions;
        let caf = plan.convention.caf_actor().map(|a| a.id.value.clone());
        let caf_of = |action: &Action| {
            caf.as_deref()
                .and_then(|caf| action.financed_by(caf))
                .unwrap_or(0.0)
        };
        let financed_of = |action: &Action| action.financers.iter().map(|f| f.1).sum::<f64>();
        let by_axis = plan
            .axes
            .iter()
            .map(|axis| {
                let mine: Vec<&Action> = plan.actions_of_axis(axis.id.value).collect();
                AxisMoney {
                    axis: axis.id.value,
                    label: axis.label().to_string(),
                    planned: mine.iter().filter_map(|a| a.planned()).sum(),
                    spent_in_period: mine.iter().filter_map(|a| a.spent_during(period)).sum(),
                    financed: mine.iter().map(|a| financed_of(a)).sum(),
                    caf_amount: mine.iter().map(|a| caf_of(a)).sum(),
                }
            })
            .collect();
        let financed: f64 = actions.iter().map(financed_of).sum();
        let caf_amount: f64 = actions.iter().map(caf_of).sum();
        Financing {
            planned: actions.iter().filter_map(Action::planned).sum(),
            spent_in_period: actions.iter().filter_map(|a| a.spent_during(period)).sum(),
            financed,
            caf_share: (financed > 0.0).then(|| round4(caf_amount / financed)),
            caf,
            caf_amount,
            actions_without_budget: actions.iter().filter(|a| a.budget.is_none()).count(),
            actions_without_financers: actions.iter().filter(|a| a.financers.is_empty()).count(),
            by_axis,
            by_financer: by_financer(plan, financed),
            any: actions.iter().any(Action::has_money),
        }
    }

    /// Whether no action of the plan says anything about money.
    pub fn is_empty(&self) -> bool {
        !self.any
    }
}

/// Every financer named by an action, the largest first (ties in the
/// order of `ctg.toml`'s actors).
fn by_financer(plan: &Plan, financed: f64) -> Vec<FinancerMoney> {
    let mut financers: Vec<FinancerMoney> = plan
        .convention
        .actors
        .iter()
        .filter_map(|actor| {
            let id = &actor.id.value;
            let amounts: Vec<f64> = plan
                .actions
                .iter()
                .filter_map(|action| action.financed_by(id))
                .collect();
            if amounts.is_empty() {
                return None;
            }
            let amount: f64 = amounts.iter().sum();
            Some(FinancerMoney {
                actor: id.clone(),
                name: actor.name.clone(),
                amount,
                share: if financed > 0.0 {
                    round4(amount / financed)
                } else {
                    0.0
                },
                actions: amounts.len(),
            })
        })
        .collect();
    financers.sort_by(|a, b| b.amount.total_cmp(&a.amount));
    financers
}
