//! Dates: in order, inside the convention period, and not in the future
//! when they say something happened.

use chrono::{Datelike, NaiveDate};

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::span::{Located, Span};

pub static START_AFTER_DUE: Rule = Rule {
    code: "start-after-due",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Le début d'une action (start) est postérieur à son échéance (due).",
        "An action's start is later than its due date.",
    ),
    fix: Text::new(
        "start = 2026-06-01\ndue = 2026-12-31   # avant : 2026-01-01",
        "start = 2026-06-01\ndue = 2026-12-31   # before: 2026-01-01",
    ),
};

pub static PERIOD_INVERTED: Rule = Rule {
    code: "period-inverted",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Le début de la convention (start, dans ctg.toml) est postérieur à sa fin (end).",
        "The convention's start (in ctg.toml) is later than its end.",
    ),
    fix: Text::new(
        "start = 2024-01-01\nend = 2027-12-31   # avant : 2023-12-31",
        "start = 2024-01-01\nend = 2027-12-31   # before: 2023-12-31",
    ),
};

pub static OUTSIDE_PERIOD: Rule = Rule {
    code: "outside-period",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une date d'action (début, échéance, entrée de journal, modalité réalisée), une année d'indicateur ou de dépenses (spent) tombe hors de la période de la convention, quand ctg.toml la donne.",
        "A date of an action (start, due, a journal entry, a modality done), an indicator year or a year of spending (spent) falls outside the convention period, when ctg.toml gives it.",
    ),
    fix: Text::new(
        "due = 2030-01-01   # avant : après la fin de la convention (2027-12-31)\ndue = 2027-06-30   # après",
        "due = 2030-01-01   # before: after the end of the convention (2027-12-31)\ndue = 2027-06-30   # after",
    ),
};

pub static FUTURE_DATE: Rule = Rule {
    code: "future-date",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Une entrée de journal ou la date de réalisation d'une modalité est postérieure à aujourd'hui (la date du système, ou --today) : on note ce qui a eu lieu.",
        "A journal entry or a modality's done date is after today (the system date, or --today): the plan records what has happened.",
    ),
    fix: Text::new(
        "[[log]]\ndate = 2025-06-12   # le jour où c'est arrivé, pas le jour prévu\nnote = \"Réunion de lancement\"",
        "[[log]]\ndate = 2025-06-12   # the day it happened, not the day planned\nnote = \"Réunion de lancement\"",
    ),
};

const START_LATER: Text = Text::new(
    "le début ({0}) est postérieur à l'échéance ({1})",
    "start ({0}) is after due ({1})",
);
const DUE_HERE: Text = Text::new("échéance ici", "due here");
const FIX_ONE: Text = Text::new("corrigez l'une des deux dates", "fix one of the two dates");
const STARTS_AFTER_END: Text = Text::new(
    "la convention commence ({0}) après sa fin ({1})",
    "the convention starts ({0}) after it ends ({1})",
);
const OUTSIDE: Text = Text::new(
    "{0} (`{1}` : {2}) tombe hors de la période de la convention ({3} – {4})",
    "{0} (`{1}`: {2}) falls outside the convention period ({3} – {4})",
);
const CHECK_DATE_OR_PERIOD: Text = Text::new(
    "vérifiez la date, ou la période (`start`, `end`) dans ctg.toml",
    "check the date, or the period (`start`, `end`) in ctg.toml",
);
const AFTER_TODAY: Text = Text::new(
    "{0} (`{1}`) porte la date du {2}, postérieure à aujourd'hui ({3})",
    "{0} (`{1}`) is dated {2}, after today ({3})",
);

/// What a dated key is, in words: sentences name it so, and give the key
/// only as the code to look for.
fn subject(key: &str) -> Text {
    match key {
        "start" => Text::new("le début", "the start"),
        "due" => Text::new("l'échéance", "the due date"),
        "done" => Text::new("la date de réalisation", "the done date"),
        "values" => Text::new(
            "l'année d'une valeur d'indicateur",
            "the year of an indicator value",
        ),
        "targets" => Text::new(
            "l'année d'une cible d'indicateur",
            "the year of an indicator target",
        ),
        _ => Text::new("l'entrée de journal", "the journal entry"),
    }
}
const DATE_IT_WHEN: Text = Text::new(
    "on note ce qui a eu lieu : datez-le du jour où c'est arrivé",
    "record what has happened: date it the day it happened",
);

/// `start-after-due`: an action starts after it is due.
pub fn start_after_due(c: &mut Checker) {
    let lang = c.lang;
    let plan = c.plan;
    for action in &plan.actions {
        if let (Some(start), Some(due)) = (&action.start, &action.due)
            && start.value > due.value
        {
            let message = START_LATER.fill(lang, &[&c.date(start.value), &c.date(due.value)]);
            let diag = c
                .at(&START_AFTER_DUE, &start.span, message)
                .with_label(due.span.clone(), DUE_HERE.get(lang))
                .with_help(FIX_ONE.get(lang));
            c.diags.push(diag);
        }
    }
}

/// `period-inverted`: the convention ends before it starts.
pub fn period_inverted(c: &mut Checker) {
    let plan = c.plan;
    let convention = &plan.convention;
    if let (Some(start), Some(end)) = (&convention.start, &convention.end)
        && start.value > end.value
    {
        let message = STARTS_AFTER_END.fill(c.lang, &[&c.date(start.value), &c.date(end.value)]);
        c.push(&PERIOD_INVERTED, &start.span, message, c.text(FIX_ONE));
    }
}

/// `outside-period` (warning): a date of an action, or an indicator's
/// year, outside the convention period, when the period is known.
pub fn outside_period(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        for (key, date) in [("start", &action.start), ("due", &action.due)] {
            if let Some(date) = date {
                within_period(c, key, date);
            }
        }
        indicator_years(c, action);
        for entry in &action.log {
            within_period(c, "date", &entry.date);
        }
        for done in action.modalities.iter().filter_map(|m| m.done.as_ref()) {
            within_period(c, "done", done);
        }
    }
}

fn indicator_years(c: &mut Checker, action: &crate::model::Action) {
    let convention = &c.plan.convention;
    let start = convention.start.as_ref().map(|d| d.value);
    let end = convention.end.as_ref().map(|d| d.value);
    let first_year = start.map(|date| date.year());
    let last_year = end.map(|date| date.year());
    for indicator in &action.indicators {
        let yearly = [
            ("values", &indicator.values),
            ("targets", &indicator.targets),
        ];
        for (key, list) in yearly {
            for (year, _) in list {
                let before = first_year.is_some_and(|first| year.value < first);
                let after = last_year.is_some_and(|last| year.value > last);
                if before || after {
                    outside(c, key, &year.span, &year.value.to_string(), start, end);
                }
            }
        }
    }
    for (year, _) in &action.spent {
        let before = first_year.is_some_and(|first| year.value < first);
        let after = last_year.is_some_and(|last| year.value > last);
        if before || after {
            outside(c, "spent", &year.span, &year.value.to_string(), start, end);
        }
    }
}

fn within_period(c: &mut Checker, key: &str, date: &Located<NaiveDate>) {
    let convention = &c.plan.convention;
    let start = convention.start.as_ref().map(|d| d.value);
    let end = convention.end.as_ref().map(|d| d.value);
    let before = start.is_some_and(|start| date.value < start);
    let after = end.is_some_and(|end| date.value > end);
    if before || after {
        let shown = c.date(date.value);
        outside(c, key, &date.span, &shown, start, end);
    }
}

fn outside(
    c: &mut Checker,
    key: &str,
    span: &Span,
    shown: &str,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) {
    let lang = c.lang;
    let bound = |date: Option<NaiveDate>| date.map_or("…".to_string(), |d| lang.short_date(d));
    c.push(
        &OUTSIDE_PERIOD,
        span,
        OUTSIDE.fill(
            lang,
            &[
                &subject(key).get(lang),
                &key,
                &shown,
                &bound(start),
                &bound(end),
            ],
        ),
        c.text(CHECK_DATE_OR_PERIOD),
    );
}

/// `future-date`: a journal entry or a modality done after today.
pub fn future_date(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        let dates = action.log.iter().map(|entry| ("date", &entry.date)).chain(
            action
                .modalities
                .iter()
                .filter_map(|m| m.done.as_ref().map(|done| ("done", done))),
        );
        for (key, date) in dates {
            if date.value > c.today {
                let message = AFTER_TODAY.fill(
                    c.lang,
                    &[
                        &subject(key).get(c.lang),
                        &key,
                        &c.date(date.value),
                        &c.date(c.today),
                    ],
                );
                c.push(&FUTURE_DATE, &date.span, message, c.text(DATE_IT_WHEN));
            }
        }
    }
}
