//! `ctg collect status`: from a folder of workbooks, each actor's state.
//! A workbook with no answer is one sent; one with answers is a reply,
//! imported when the plan already says all it asks.

use chrono::NaiveDate;
use serde::Serialize;

use super::apply::plan_edits;
use super::export::follows;
use super::problem::Problem;
use super::read::Answers;
use crate::i18n::Lang;
use crate::model::Plan;

/// A workbook found in the folder: its answers when it could be read as
/// one of this plan's, and its problems.
pub struct Found {
    pub answers: Option<Answers>,
    pub problems: Vec<Problem>,
}

/// Where an actor stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// No workbook of theirs in the folder.
    NeverSent,
    /// Sent, not answered.
    Waiting,
    /// Answered, with changes the plan does not have yet.
    ToImport,
    /// Answered, with problems an import would refuse.
    Problems,
    /// Answered, and the plan says all the answers say.
    Imported,
}

#[derive(Debug, Serialize)]
pub struct ActorState {
    pub actor: String,
    pub name: String,
    /// The latest day a workbook was prepared for them.
    pub sent: Option<NaiveDate>,
    /// The workbooks holding answers.
    pub answers: Vec<String>,
    /// The changes their answers ask for that the plan does not have.
    pub pending: usize,
    pub problems: usize,
    pub state: State,
}

/// Each declared actor that follows an action or has a workbook, in the
/// order `ctg.toml` declares them.
pub fn states(plan: &Plan, found: &[Found], lang: Lang) -> Vec<ActorState> {
    let mut states = Vec::new();
    for actor in &plan.convention.actors {
        let id = &actor.id.value;
        let theirs: Vec<&Found> = found
            .iter()
            .filter(|f| f.answers.as_ref().is_some_and(|a| &a.meta.actor == id))
            .collect();
        if theirs.is_empty() && !follows(plan, id) {
            continue;
        }
        let mut state = ActorState {
            actor: id.clone(),
            name: actor.name.clone(),
            sent: None,
            answers: Vec::new(),
            pending: 0,
            problems: 0,
            state: State::NeverSent,
        };
        for workbook in theirs {
            let Some(answers) = &workbook.answers else {
                continue;
            };
            state.sent = state.sent.max(Some(answers.meta.exported));
            let answered = answers.rows.iter().any(|row| !row.given.is_empty())
                || !workbook.problems.is_empty();
            if !answered {
                continue;
            }
            state.answers.push(answers.file.clone());
            let planned = plan_edits(
                plan,
                std::slice::from_ref(answers),
                workbook.problems.clone(),
                lang,
            );
            state.pending += planned.per_workbook.iter().sum::<usize>();
            state.problems += planned.problems.len();
        }
        state.state = match (&state.sent, state.answers.is_empty()) {
            (None, _) => State::NeverSent,
            (Some(_), true) => State::Waiting,
            _ if state.problems > 0 => State::Problems,
            _ if state.pending > 0 => State::ToImport,
            _ => State::Imported,
        };
        states.push(state);
    }
    states
}
