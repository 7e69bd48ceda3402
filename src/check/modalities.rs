//! Modalities: an action done has no open modality, and a done date goes
//! with the status done.

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::model::Status;

pub static DONE_WITH_OPEN_MODALITIES: Rule = Rule {
    code: "done-with-open-modalities",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une action est réalisée (done) alors que certaines de ses modalités ne sont ni réalisées ni abandonnées.",
        "An action is done while some of its modalities are neither done nor abandoned.",
    ),
    fix: Text::new(
        "[[modalities]]\ntext = \"Encore à faire\"\nstatus = \"abandoned\"   # ou done, avec sa date",
        "[[modalities]]\ntext = \"Encore à faire\"\nstatus = \"abandoned\"   # or done, with its date",
    ),
};

pub static DONE_DATE_NOT_DONE: Rule = Rule {
    code: "done-date-not-done",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une modalité a une date de réalisation (done) mais son statut n'est pas done.",
        "A modality has a done date but its status is not done.",
    ),
    fix: Text::new(
        "status = \"done\"   # avant : in-progress\ndone = 2025-01-01",
        "status = \"done\"   # before: in-progress\ndone = 2025-01-01",
    ),
};

const STILL_OPEN: Text = Text::new(
    "l'action est réalisée mais {0} {0?modalité reste ouverte|modalités restent ouvertes}",
    "the action is done but {0} {0?modality is|modalities are} still open",
);
const CLOSE_THEM: Text = Text::new(
    "passez-les à « réalisée » ou « abandonnée » (`status = \"done\"` ou `\"abandoned\"`), ou revoyez le statut de l'action",
    "set them to done or abandoned (`status = \"done\"` or `\"abandoned\"`), or review the action's status",
);
const DATE_BUT_NOT_DONE: Text = Text::new(
    "une date de réalisation est donnée mais la modalité est « {0} »",
    "a done date is given but the modality is {0}",
);
const SET_DONE_OR_REMOVE: Text = Text::new(
    "mettez `status = \"done\"` ou retirez la date",
    "set `status = \"done\"` or remove the date",
);

/// `done-with-open-modalities` (warning).
pub fn done_with_open_modalities(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        let open = action
            .modalities
            .iter()
            .filter(|modality| modality.status.is_open())
            .count();
        if action.status == Status::Done && open > 0 {
            let span = action.status_span.as_ref().unwrap_or(&action.id.span);
            c.push(
                &DONE_WITH_OPEN_MODALITIES,
                span,
                STILL_OPEN.fill(c.lang, &[&open]),
                c.text(CLOSE_THEM),
            );
        }
    }
}

/// `done-date-not-done` (warning): a modality dated done but not done.
pub fn done_date_not_done(c: &mut Checker) {
    let plan = c.plan;
    for action in &plan.actions {
        for modality in &action.modalities {
            if let Some(done) = &modality.done
                && modality.status != Status::Done
            {
                c.push(
                    &DONE_DATE_NOT_DONE,
                    &done.span,
                    DATE_BUT_NOT_DONE.fill(c.lang, &[&modality.status.label(c.lang)]),
                    c.text(SET_DONE_OR_REMOVE),
                );
            }
        }
    }
}
