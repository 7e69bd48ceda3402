//! Who does what: pilots, partners and roles of each action, against the
//! actors `ctg.toml` declares. Silent when `ctg.toml` could not be read.

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::i18n::Msg;
use crate::model::Action;
use crate::reader::{closest, toml_key};
use crate::source::FileKind;
use crate::span::Located;

pub static UNKNOWN_ACTOR: Rule = Rule {
    code: "unknown-actor",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Un pilote, un partenaire, un rôle, un pilote de modalité, un financeur (financers) ou l'auteur d'une entrée de journal (by) désigne un acteur que ctg.toml ne déclare pas sous [actors].",
        "A pilot, partner, role, modality pilot, financer (financers) or journal entry's author (by) names an actor that ctg.toml does not declare under [actors].",
    ),
    fix: Text::new(
        "# dans ctg.toml\n[actors.\"Commune C\"]\nname = \"Commune de C\"",
        "# in ctg.toml\n[actors.\"Commune C\"]\nname = \"Commune de C\"",
    ),
};

pub static STRAY_ROLE: Rule = Rule {
    code: "stray-role",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Un acteur a un rôle dans une action (roles) sans être ni parmi ses pilotes ni parmi ses partenaires.",
        "An actor has a role in an action (roles) but is neither one of its pilots nor one of its partners.",
    ),
    fix: Text::new(
        "pilots = [\"A\"]\npartners = [\"B\"]          # ajouté : B a un rôle\nroles = { B = \"appui\" }",
        "pilots = [\"A\"]\npartners = [\"B\"]          # added: B has a role\nroles = { B = \"appui\" }",
    ),
};

pub static PILOT_AND_PARTNER: Rule = Rule {
    code: "pilot-and-partner",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Un acteur est à la fois pilote et partenaire d'une même action : il serait compté deux fois.",
        "An actor is both a pilot and a partner of one action: it would be counted twice.",
    ),
    fix: Text::new(
        "pilots = [\"A\"]\npartners = [\"B\"]   # avant : [\"B\", \"A\"]",
        "pilots = [\"A\"]\npartners = [\"B\"]   # before: [\"B\", \"A\"]",
    ),
};

pub static NO_PILOT: Rule = Rule {
    code: "no-pilot",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une action ouverte n'a ni pilote ni pilot_note qui dise pourquoi : personne n'en répond.",
        "An open action has no pilot and no pilot_note saying why: nobody answers for it.",
    ),
    fix: Text::new(
        "pilots = [\"A\"]\n# ou, tant que rien n'est décidé :\npilot_note = \"À définir\"",
        "pilots = [\"A\"]\n# or, while nothing is decided:\npilot_note = \"À définir\"",
    ),
};

const NOT_DECLARED: Text = Text::new(
    "l'acteur « {0} » n'est pas déclaré dans ctg.toml",
    "actor `{0}` is not declared in ctg.toml",
);
const DECLARE_IT: Text = Text::new(
    "déclarez-le dans ctg.toml : une table `[actors.{0}]` avec son nom (`name = \"…\"`)",
    "declare it in ctg.toml: an `[actors.{0}]` table with its name (`name = \"…\"`)",
);
const ROLE_WITHOUT_PLACE: Text = Text::new(
    "« {0} » a un rôle mais n'est ni pilote ni partenaire de l'action",
    "`{0}` has a role but is neither a pilot nor a partner of the action",
);
const ADD_OR_REMOVE_ROLE: Text = Text::new(
    "ajoutez-le à pilots ou à partners, ou retirez ce rôle",
    "add it to pilots or partners, or remove the role",
);
const BOTH: Text = Text::new(
    "« {0} » est à la fois pilote et partenaire",
    "`{0}` is both a pilot and a partner",
);
const KEEP_ONE: Text = Text::new(
    "gardez-le dans une seule des deux listes",
    "keep it in one of the two lists",
);
const NOBODY: Text = Text::new(
    "l'action n'a ni pilote ni mention disant pourquoi",
    "the action has no pilot and no note saying why",
);
const ADD_PILOT: Text = Text::new(
    "ajoutez pilots = [\"…\"], ou pilot_note = \"À définir\" tant que rien n'est décidé",
    "add pilots = [\"…\"], or pilot_note = \"À définir\" while nothing is decided",
);

/// The actions, when `ctg.toml` was read: without it, actors are unknown.
fn actions<'p>(c: &Checker<'p>) -> &'p [Action] {
    let plan = c.plan;
    if plan.is_complete(FileKind::Convention) {
        &plan.actions
    } else {
        &[]
    }
}

fn in_list(list: &[Located<String>], name: &str) -> bool {
    list.iter().any(|actor| actor.value == name)
}

/// `unknown-actor`: a pilot, partner, role, modality pilot, financer or
/// journal entry's author (`by`) not declared.
pub fn unknown_actor(c: &mut Checker) {
    let lang = c.lang;
    let declared: Vec<&str> = c.actors.iter().copied().collect();
    for action in actions(c) {
        let named = action
            .pilots
            .iter()
            .chain(&action.partners)
            .chain(action.roles.iter().map(|(actor, _)| actor))
            .chain(action.modalities.iter().flat_map(|m| &m.pilots))
            .chain(action.financers.iter().map(|(actor, _)| actor))
            .chain(action.log.iter().filter_map(|entry| entry.by.as_deref()));
        for actor in named {
            if !c.actors.contains(actor.value.as_str()) {
                let help = match closest(&actor.value, &declared) {
                    Some(near) => lang.fill(Msg::DiagDidYouMean, &[&near]),
                    None => DECLARE_IT.fill(lang, &[&toml_key(&actor.value)]),
                };
                c.push(
                    &UNKNOWN_ACTOR,
                    &actor.span,
                    NOT_DECLARED.fill(lang, &[&actor.value]),
                    help,
                );
            }
        }
    }
}

/// `stray-role`: a role for an actor that is neither pilot nor partner.
pub fn stray_role(c: &mut Checker) {
    let lang = c.lang;
    for action in actions(c) {
        for (actor, _) in &action.roles {
            if !in_list(&action.pilots, &actor.value) && !in_list(&action.partners, &actor.value) {
                c.push(
                    &STRAY_ROLE,
                    &actor.span,
                    ROLE_WITHOUT_PLACE.fill(lang, &[&actor.value]),
                    c.text(ADD_OR_REMOVE_ROLE),
                );
            }
        }
    }
}

/// `pilot-and-partner` (warning): one actor in both lists of an action.
pub fn pilot_and_partner(c: &mut Checker) {
    let lang = c.lang;
    for action in actions(c) {
        for partner in &action.partners {
            if in_list(&action.pilots, &partner.value) {
                c.push(
                    &PILOT_AND_PARTNER,
                    &partner.span,
                    BOTH.fill(lang, &[&partner.value]),
                    c.text(KEEP_ONE),
                );
            }
        }
    }
}

/// `no-pilot` (warning): an open action with no pilot and no note saying why.
pub fn no_pilot(c: &mut Checker) {
    for action in actions(c) {
        let explained = action
            .pilot_note
            .as_deref()
            .is_some_and(|note| !note.trim().is_empty());
        if action.needs_pilot() && !explained {
            c.push(
                &NO_PILOT,
                &action.id.span,
                c.text(NOBODY),
                c.text(ADD_PILOT),
            );
        }
    }
}
