//! The money of each action: amounts that are real sums of euros.
//! (Financers must be declared actors: `unknown-actor`; the years of
//! `spent` must fall inside the convention: `outside-period`.)

use super::Checker;
use crate::diag::{Rule, Severity, Text};

pub static INVALID_AMOUNT: Rule = Rule {
    code: "invalid-amount",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Un montant (budget, spent, financers) est négatif, infini ou n'est pas un nombre (nan) : il fausserait chaque total du bilan.",
        "An amount (budget, spent, financers) is negative, infinite or not a number (nan): it would falsify every total of the bilan.",
    ),
    fix: Text::new(
        "budget = 12500\nspent = { 2025 = 4200 }     # avant : -4200\nfinancers = { Caf = 5000 }",
        "budget = 12500\nspent = { 2025 = 4200 }     # before: -4200\nfinancers = { Caf = 5000 }",
    ),
};

pub static OVER_BUDGET: Rule = Rule {
    code: "over-budget",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Les financements (financers) ou les dépenses de toutes les années (spent) d'une action dépassent son budget prévu : l'un des montants est sans doute à revoir.",
        "The financing (financers) or the spending of all years (spent) of an action exceed its planned budget: one of the amounts likely needs a second look.",
    ),
    fix: Text::new(
        "budget = 12500\nfinancers = { Caf = 5000, CCVA = 7500 }   # avant : CCVA = 75000",
        "budget = 12500\nfinancers = { Caf = 5000, CCVA = 7500 }   # before: CCVA = 75000",
    ),
};

const NOT_AN_AMOUNT: Text = Text::new(
    "le montant de `{0}` doit être un nombre positif ou nul d'euros, pas {1}",
    "the amount of `{0}` must be a number of euros, zero or more, not {1}",
);
const WRITE_AMOUNT: Text = Text::new(
    "écrivez la somme en euros, sans signe : par exemple 4200",
    "write the sum in euros, without a sign: for example 4200",
);

const MORE_THAN_PLANNED: Text = Text::new(
    "{0} ({1}) dépassent le budget prévu ({2})",
    "{0} ({1}) exceed the planned budget ({2})",
);
const FINANCING: Text = Text::new("les financements", "the financing");
const SPENDING: Text = Text::new("les dépenses", "the spending");
const RAISE_OR_CHECK: Text = Text::new(
    "vérifiez les montants, ou relevez le budget : ctg set N --budget …",
    "check the amounts, or raise the budget: ctg set N --budget …",
);

/// `over-budget` (warning): financers or spending above the planned budget.
pub fn over_budget(c: &mut Checker) {
    let plan = c.plan;
    let lang = c.lang;
    for action in &plan.actions {
        let Some(budget) = &action.budget else {
            continue;
        };
        let financed: f64 = action.financers.iter().map(|(_, amount)| amount).sum();
        for (what, total) in [(FINANCING, financed), (SPENDING, action.spent_total())] {
            if total > budget.value && budget.value.is_finite() {
                let message = MORE_THAN_PLANNED.fill(
                    lang,
                    &[
                        &what.get(lang),
                        &lang.euros(total),
                        &lang.euros(budget.value),
                    ],
                );
                c.push(&OVER_BUDGET, &budget.span, message, c.text(RAISE_OR_CHECK));
            }
        }
    }
}

/// `invalid-amount`: a budget, a year's spending or a financer's share
/// that is negative, infinite or nan.
pub fn invalid_amount(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        let budget = (action.budget.iter()).map(|b| (AmountKey::Budget, &b.span, b.value));
        let spent = (action.spent.iter())
            .map(|(year, amount)| (AmountKey::Spent(year.value), &year.span, *amount));
        let financers = (action.financers.iter())
            .map(|(actor, amount)| (AmountKey::Financer(&actor.value), &actor.span, *amount));
        for (key, span, amount) in budget.chain(spent).chain(financers) {
            if !amount.is_finite() || amount < 0.0 {
                let lang = c.lang;
                let shown = lang.number(amount);
                c.push(
                    &INVALID_AMOUNT,
                    span,
                    NOT_AN_AMOUNT.fill(lang, &[&key, &shown]),
                    c.text(WRITE_AMOUNT),
                );
            }
        }
    }
}

/// The key of an amount as the file writes it, written out only for an
/// amount to report: a large plan has tens of thousands that are fine.
enum AmountKey<'a> {
    Budget,
    Spent(i32),
    Financer(&'a str),
}

impl std::fmt::Display for AmountKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            AmountKey::Budget => f.write_str("budget"),
            AmountKey::Spent(year) => write!(f, "spent.{year}"),
            AmountKey::Financer(actor) => write!(f, "financers.{actor}"),
        }
    }
}
