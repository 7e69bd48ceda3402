//! The journal (`[[log]]`): in date order, and agreeing with the status.

use chrono::NaiveDate;

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::model::Status;

pub static JOURNAL_ORDER: Rule = Rule {
    code: "journal-order",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une entrée de journal ([[log]]) est datée d'avant une entrée écrite au-dessus d'elle : le journal se lit dans l'ordre des dates.",
        "A journal entry ([[log]]) is dated before an entry written above it: the journal reads in date order.",
    ),
    fix: Text::new(
        "# déplacez l'entrée [[log]] du 2024-12-01 au-dessus de celle du 2025-02-01",
        "# move the [[log]] entry of 2024-12-01 above the one of 2025-02-01",
    ),
};

pub static STATUS_JOURNAL_MISMATCH: Rule = Rule {
    code: "status-journal-mismatch",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Le statut de l'action diffère du dernier changement de statut noté à son journal : l'historique des statuts (status --at, report, diff) vient du journal.",
        "The action's status differs from the last status move its journal records: the history of statuses (status --at, report, diff) comes from the journal.",
    ),
    fix: Text::new(
        "[[log]]\ndate = 2025-03-01\nnote = \"Reprise des ateliers\"\nstatus = \"in-progress\"   # le statut que donne le fichier",
        "[[log]]\ndate = 2025-03-01\nnote = \"Reprise des ateliers\"\nstatus = \"in-progress\"   # the status the file gives",
    ),
};

const OUT_OF_ORDER: Text = Text::new(
    "l'entrée du {0} suit une entrée plus récente ({1})",
    "the entry of {0} comes after a later one ({1})",
);
const KEEP_IN_ORDER: Text = Text::new(
    "rangez le journal dans l'ordre des dates",
    "keep the journal in date order",
);
const LAST_MOVE_DIFFERS: Text = Text::new(
    "le statut est « {0} » mais le dernier changement noté au journal est « {1} »",
    "the status is {0} but the journal's last status move is to {1}",
);
const LOG_THE_MOVE: Text = Text::new(
    "ajoutez au journal une entrée `[[log]]` datée avec `status = \"{0}\"`, pour que l'historique reste juste",
    "add a dated `[[log]]` entry with `status = \"{0}\"` so that the history stays true",
);

/// `journal-order` (warning): an entry dated before one written above it.
pub fn journal_order(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        let mut latest: Option<NaiveDate> = None;
        for entry in &action.log {
            if let Some(previous) = latest
                && entry.date.value < previous
            {
                let message =
                    OUT_OF_ORDER.fill(c.lang, &[&c.date(entry.date.value), &c.date(previous)]);
                c.push(
                    &JOURNAL_ORDER,
                    &entry.date.span,
                    message,
                    c.text(KEEP_IN_ORDER),
                );
            }
            latest = latest.max(Some(entry.date.value));
        }
    }
}

/// `status-journal-mismatch` (warning): the journal's last status move is
/// not the action's status.
pub fn status_journal_mismatch(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        let last_move = action.latest_move().map(|(_, _, status)| status);
        if let Some(moved_to) = last_move
            && moved_to != action.status
        {
            let span = action.status_span.as_ref().unwrap_or(&action.id.span);
            let lang = c.lang;
            let label = |status: Status| status.label(lang);
            c.push(
                &STATUS_JOURNAL_MISMATCH,
                span,
                LAST_MOVE_DIFFERS.fill(c.lang, &[&label(action.status), &label(moved_to)]),
                LOG_THE_MOVE.fill(c.lang, &[&action.status.keyword()]),
            );
        }
    }
}
