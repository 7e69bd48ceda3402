//! References between files: axes of actions, communes, bodies of meetings.
//! A rule that needs every item of a kind stays silent when a file of that
//! kind could not be read, so that one broken file does not cascade.

use std::collections::HashSet;

use super::Checker;
use crate::diag::{Rule, Severity, Text};
use crate::i18n::Msg;
use crate::reader::closest;
use crate::source::FileKind;

pub static UNKNOWN_AXIS: Rule = Rule {
    code: "unknown-axis",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "L'axe d'une action (axis) désigne un axe qu'aucun fichier de axes/ ne définit.",
        "An action's axis names an axis that no file of axes/ defines.",
    ),
    fix: Text::new(
        "axis = 9   # avant : il n'y a pas d'axe 9\naxis = 2   # après",
        "axis = 9   # before: there is no axis 9\naxis = 2   # after",
    ),
};

pub static EMPTY_AXIS: Rule = Rule {
    code: "empty-axis",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Un axe n'a aucune action : il apparaît vide dans chaque tableau de bord et chaque bilan.",
        "An axis has no action: it shows as empty in every dashboard and report.",
    ),
    fix: Text::new(
        "# dans une fiche-action, rattachez l'action à l'axe 3\naxis = 3",
        "# in an action file, attach the action to axis 3\naxis = 3",
    ),
};

pub static UNKNOWN_COMMUNE: Rule = Rule {
    code: "unknown-commune",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Une commune qu'aucun acteur de ctg.toml ne compte parmi ses membres (members) ; vérifié seulement quand un acteur déclare des membres.",
        "A commune that no actor of ctg.toml lists among its members; checked only when some actor lists members.",
    ),
    fix: Text::new(
        "communes = [\"Bour\"]    # avant : une faute de frappe\ncommunes = [\"Bourg\"]   # après",
        "communes = [\"Bour\"]    # before: a typo\ncommunes = [\"Bourg\"]   # after",
    ),
};

pub static UNKNOWN_BODY: Rule = Rule {
    code: "unknown-body",
    severity: Severity::Error,
    format: false,
    explanation: Text::new(
        "Une réunion est celle d'une instance que ctg.toml ne déclare pas sous [bodies].",
        "A meeting is of a body that ctg.toml does not declare under [bodies].",
    ),
    fix: Text::new(
        "body = \"copli\"   # avant\nbody = \"copil\"   # après : déclarée par [bodies.copil]",
        "body = \"copli\"   # before\nbody = \"copil\"   # after: declared as [bodies.copil]",
    ),
};

const NO_SUCH_AXIS: Text = Text::new("l'axe {0} n'existe pas", "axis {0} does not exist");
const AXES_OF_PLAN: Text = Text::new("axes du plan : {0}", "axes of the plan: {0}");
const AXIS_WITHOUT_ACTION: Text =
    Text::new("l'axe {0} n'a aucune action", "axis {0} has no action");
const ATTACH_OR_REMOVE: Text = Text::new(
    "rattachez-y une action (axis = {0}) ou retirez l'axe",
    "attach an action to it (axis = {0}) or remove the axis",
);
const NOT_A_MEMBER: Text = Text::new(
    "« {0} » n'est pas une commune membre déclarée",
    "`{0}` is not a declared member commune",
);
const MEMBER_COMMUNES: Text = Text::new("communes membres : {0}", "member communes: {0}");
const BODY_NOT_DECLARED: Text = Text::new(
    "l'instance « {0} » n'est pas déclarée dans ctg.toml",
    "body `{0}` is not declared in ctg.toml",
);
const DECLARED_BODIES: Text = Text::new("instances déclarées : {0}", "declared bodies: {0}");

/// `unknown-axis`: an action names an axis that does not exist.
pub fn unknown_axis(c: &mut Checker) {
    let plan = c.plan;
    if !plan.is_complete(FileKind::Axis) {
        return;
    }
    let lang = c.lang;
    let ids: Vec<u32> = plan.axes.iter().map(|axis| axis.id.value).collect();
    let list = ids
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let list = if list.is_empty() {
        lang.text(Msg::DiagNone).to_string()
    } else {
        list
    };
    let known: HashSet<u32> = ids.iter().copied().collect();
    for action in &plan.actions {
        if let Some(axis) = &action.axis
            && !known.contains(&axis.value)
        {
            c.push(
                &UNKNOWN_AXIS,
                &axis.span,
                NO_SUCH_AXIS.fill(lang, &[&axis.value]),
                AXES_OF_PLAN.fill(lang, &[&list]),
            );
        }
    }
}

/// `empty-axis` (warning): an axis has no action.
pub fn empty_axis(c: &mut Checker) {
    let plan = c.plan;
    if !plan.is_complete(FileKind::Action) {
        return;
    }
    let lang = c.lang;
    let used: HashSet<u32> = plan
        .actions
        .iter()
        .filter_map(|action| action.axis.as_ref().map(|a| a.value))
        .collect();
    for axis in &plan.axes {
        if !used.contains(&axis.id.value) {
            c.push(
                &EMPTY_AXIS,
                &axis.id.span,
                AXIS_WITHOUT_ACTION.fill(lang, &[&axis.id.value]),
                ATTACH_OR_REMOVE.fill(lang, &[&axis.id.value]),
            );
        }
    }
}

/// `unknown-commune` (warning): a commune that no actor declares as a
/// member, when the convention lists member communes at all.
pub fn unknown_commune(c: &mut Checker) {
    let plan = c.plan;
    if !plan.is_complete(FileKind::Convention) || c.members.is_empty() {
        return;
    }
    let lang = c.lang;
    let members: Vec<&str> = c.members.iter().copied().collect();
    for action in &plan.actions {
        let named = action.communes.iter().chain(
            action
                .modalities
                .iter()
                .filter_map(|m| m.commune.as_deref()),
        );
        for commune in named {
            if !c.members.contains(commune.value.as_str()) {
                let help = match closest(&commune.value, &members) {
                    Some(near) => lang.fill(Msg::DiagDidYouMean, &[&near]),
                    None => MEMBER_COMMUNES.fill(lang, &[&members.join(", ")]),
                };
                c.push(
                    &UNKNOWN_COMMUNE,
                    &commune.span,
                    NOT_A_MEMBER.fill(lang, &[&commune.value]),
                    help,
                );
            }
        }
    }
}

/// `unknown-body`: a meeting of a body that `ctg.toml` does not declare.
pub fn unknown_body(c: &mut Checker) {
    let plan = c.plan;
    if !plan.is_complete(FileKind::Convention) {
        return;
    }
    let lang = c.lang;
    let bodies: Vec<&str> = plan
        .convention
        .bodies
        .iter()
        .map(|body| body.key.value.as_str())
        .collect();
    let declared: HashSet<&str> = bodies.iter().copied().collect();
    for meeting in &plan.meetings {
        if !declared.contains(meeting.body.value.as_str()) {
            let help = match closest(&meeting.body.value, &bodies) {
                Some(near) => lang.fill(Msg::DiagDidYouMean, &[&near]),
                None if bodies.is_empty() => {
                    DECLARED_BODIES.fill(lang, &[&lang.text(Msg::DiagNone)])
                }
                None => DECLARED_BODIES.fill(lang, &[&bodies.join(", ")]),
            };
            c.push(
                &UNKNOWN_BODY,
                &meeting.body.span,
                BODY_NOT_DECLARED.fill(lang, &[&meeting.body.value]),
                help,
            );
        }
    }
}
