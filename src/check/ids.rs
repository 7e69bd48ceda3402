//! Ids: each axis and each action has its own, and its file's name agrees.

use std::collections::HashMap;

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::span::Span;

pub static DUPLICATE_ID: Rule = Rule {
    code: "duplicate-id",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Deux axes, ou deux actions, ont le même identifiant : chaque commande les désigne par leur identifiant, l'un cacherait l'autre. Les deux endroits sont montrés.",
        "Two axes, or two actions, have the same id: every command names them by their id, so one would hide the other. Both places are shown.",
    ),
    fix: Text::new(
        "# actions/03-offre.toml, alors que actions/02-ecoute.toml dit déjà id = 2\nid = 3   # un identifiant libre",
        "# actions/03-offre.toml, while actions/02-ecoute.toml already says id = 2\nid = 3   # a free id",
    ),
};

pub static FILE_NAME_MISMATCH: Rule = Rule {
    code: "file-name-mismatch",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Le numéro au début du nom d'un fichier d'axe ou d'action diffère de son identifiant, ou le nom d'un fichier de réunion ne commence pas par sa date : on cherche les fichiers par leur nom.",
        "The number at the start of an axis or action file name differs from its id, or a meeting file name does not start with the meeting's date: people look for files by their names.",
    ),
    fix: Text::new(
        "# le fichier dit id = 5\ngit mv actions/07-bloquee.toml actions/05-bloquee.toml",
        "# the file says id = 5\ngit mv actions/07-bloquee.toml actions/05-bloquee.toml",
    ),
};

const AXIS_TWICE: Text = Text::new(
    "l'axe {0} est défini deux fois",
    "axis {0} is defined twice",
);
const ACTION_TWICE: Text = Text::new(
    "l'action {0} est définie deux fois",
    "action {0} is defined twice",
);
const FIRST_DEFINED_HERE: Text = Text::new("défini ici d'abord", "first defined here");
const FREE_ID: Text = Text::new(
    "donnez à l'un des deux un identifiant libre (le plus grand utilisé est {0})",
    "give one of them a free id (the largest in use is {0})",
);
const NUMBER_DIFFERS: Text = Text::new(
    "le nom du fichier porte le numéro {0} mais l'identifiant est {1}",
    "the file name says {0} but the id is {1}",
);
const RENAME_OR_FIX: Text = Text::new(
    "renommez le fichier ou corrigez l'identifiant",
    "rename the file or fix the id",
);
const DATE_DIFFERS: Text = Text::new(
    "le nom du fichier ne commence pas par la date de la réunion",
    "the file name does not start with the meeting's date",
);
const RENAME_IT: Text = Text::new("renommez-le {0}", "rename it {0}");

/// `duplicate-id`: two axes, or two actions, with the same id. The
/// diagnostic points at the second and labels the first.
pub fn duplicate_id(c: &mut Checker) {
    let lang = c.lang;
    let plan = c.plan;
    let axes = plan.axes.iter().map(|axis| &axis.id);
    let actions = plan.actions.iter().map(|action| &action.id);
    for (ids, message) in [
        (axes.collect::<Vec<_>>(), AXIS_TWICE),
        (actions.collect::<Vec<_>>(), ACTION_TWICE),
    ] {
        let largest = ids.iter().map(|id| id.value).max().unwrap_or(0);
        let mut first: HashMap<u32, &Span> = HashMap::new();
        for id in ids {
            match first.get(&id.value) {
                Some(&earlier) => {
                    let diag = c
                        .at(&DUPLICATE_ID, &id.span, message.fill(lang, &[&id.value]))
                        .with_label(earlier.clone(), FIRST_DEFINED_HERE.get(lang))
                        .with_help(FREE_ID.fill(lang, &[&largest]));
                    c.diags.push(diag);
                }
                None => {
                    first.insert(id.value, &id.span);
                }
            }
        }
    }
}

/// `file-name-mismatch`: the leading number of an axis or action file
/// name, or the leading date of a meeting file name, disagrees with its content.
pub fn file_name_mismatch(c: &mut Checker) {
    let lang = c.lang;
    let plan = c.plan;
    let numbered = plan
        .axes
        .iter()
        .map(|axis| &axis.id)
        .chain(plan.actions.iter().map(|action| &action.id));
    for id in numbered {
        let name = base_name(&plan.sources.file(id.span.file()).name);
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(number) = digits.parse::<u32>()
            && number != id.value
        {
            c.push(
                &FILE_NAME_MISMATCH,
                &id.span,
                NUMBER_DIFFERS.fill(lang, &[&number, &id.value]),
                c.text(RENAME_OR_FIX),
            );
        }
    }
    for meeting in &plan.meetings {
        let name = base_name(&plan.sources.file(meeting.file).name);
        let date = meeting.date.value.format("%Y-%m-%d").to_string();
        if !name.starts_with(&date) {
            c.push(
                &FILE_NAME_MISMATCH,
                &meeting.date.span,
                c.text(DATE_DIFFERS),
                RENAME_IT.fill(lang, &[&format!("{date}-{}.toml", meeting.body.value)]),
            );
        }
    }
}

/// The file name without its folder.
fn base_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}
