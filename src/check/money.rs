//! The money of each action: amounts that are real sums of euros.
//! (Financers must be declared actors: `unknown-actor`; the years of
//! `spent` must fall inside the convention: `outside-period`.)

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::span::Span;

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

const NOT_AN_AMOUNT: Text = Text::new(
    "le montant de `{0}` doit être un nombre positif ou nul d'euros, pas {1}",
    "the amount of `{0}` must be a number of euros, zero or more, not {1}",
);
const WRITE_AMOUNT: Text = Text::new(
    "écrivez la somme en euros, sans signe : par exemple 4200",
    "write the sum in euros, without a sign: for example 4200",
);

/// `invalid-amount`: a budget, a year's spending or a financer's share
/// that is negative, infinite or nan.
pub fn invalid_amount(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        let mut amounts: Vec<(String, &Span, f64)> = Vec::new();
        if let Some(budget) = &action.budget {
            amounts.push(("budget".to_string(), &budget.span, budget.value));
        }
        for (year, amount) in &action.spent {
            amounts.push((format!("spent.{}", year.value), &year.span, *amount));
        }
        for (actor, amount) in &action.financers {
            amounts.push((format!("financers.{}", actor.value), &actor.span, *amount));
        }
        for (key, span, amount) in amounts {
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
