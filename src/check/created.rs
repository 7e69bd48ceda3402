//! When an action entered the plan. Without `created`, an action exists
//! from the convention's adoption (or start); one added to the plan later
//! would then count in views of days before it existed. Git knows when each
//! file came: `ctg check` hands that over (`FileAdded`), and this rule says
//! which date to write. The pass needs git, so it is run by `ctg check`
//! only, not by every command.

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Rule, Severity, Text};
use crate::i18n::Lang;
use crate::model::Plan;

pub static CREATED_MISSING: Rule = Rule {
    code: "created-missing",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une action ajoutée au plan après son adoption n'a pas de date `created` : sans elle, les vues du passé (status --at, report) la comptent dès l'adoption. Git dit quand son fichier est apparu.",
        "An action added to the plan after its adoption has no `created` date: without one, views of the past (status --at, report) count it from the adoption. Git tells when its file appeared.",
    ),
    fix: Text::new(
        "created = 2025-01-20   # le jour où l'action est entrée dans le plan",
        "created = 2025-01-20   # the day the action entered the plan",
    ),
};

const NO_CREATED: Text = Text::new(
    "l'action n'a pas de date `created`, mais git dit que son fichier est apparu le {0}, après l'adoption du plan",
    "the action has no `created` date, but git says its file appeared on {0}, after the plan's adoption",
);
const WRITE_CREATED: Text = Text::new(
    "ajoutez `created = {0}` à la fiche-action",
    "add `created = {0}` to the action file",
);

/// When git first saw a file of the plan.
pub struct FileAdded {
    /// Relative to the plan folder.
    pub path: String,
    pub day: NaiveDate,
    /// Whether it came with `ctg.toml`, as part of the plan itself.
    pub with_the_plan: bool,
}

/// The actions without `created` whose file git saw come after the plan
/// itself, and after the day actions exist from.
pub fn missing_created(plan: &Plan, added: &[FileAdded], lang: Lang) -> Vec<Diagnostic> {
    let since = plan.since();
    let mut diags = Vec::new();
    for action in plan.actions.iter().filter(|a| a.created.is_none()) {
        let file = &plan.sources.file(action.id.span.file()).name;
        let Some(added) = added.iter().find(|a| &a.path == file) else {
            continue;
        };
        if added.with_the_plan || since.is_none_or(|since| added.day <= since) {
            continue;
        }
        let day = added.day.to_string();
        diags.push(
            Diagnostic::new(
                &CREATED_MISSING,
                NO_CREATED.fill(lang, &[&lang.short_date(added.day)]),
            )
            .at(action.id.span.clone(), file)
            .with_help(WRITE_CREATED.fill(lang, &[&day])),
        );
    }
    diags
}
