//! What can be wrong in a returned workbook, told with its file and cell.

use chrono::NaiveDate;

use super::layout::ItemKey;
use super::words::CollectMsg;
use crate::i18n::Lang;

/// One thing wrong in a workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The workbook, as named on the command line.
    pub file: String,
    /// `Actions!G7`; `None` for a problem of the whole file.
    pub cell: Option<String>,
    /// The item of the row at fault; `None` for the whole file, or a row
    /// that was not exported.
    pub item: Option<ItemKey>,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    Unreadable(String),
    NoMeta,
    OtherPlan(String),
    UnknownActor(String),
    IdAltered {
        expected: String,
        found: String,
    },
    ExtraRow(String),
    OutsideList {
        value: String,
        allowed: Vec<String>,
    },
    Formula(String),
    NotADate(String),
    NotANumber(String),
    NotText(String),
    /// The item changed in the plan since the export.
    Stale {
        exported: NaiveDate,
    },
    /// The item is no longer in the plan.
    Gone,
    /// A modality given a day done and a new status other than done.
    DoneNotDone(crate::model::Status),
    /// Another workbook answers the same cell differently: its file and cell.
    Conflict {
        other: String,
    },
}

impl Problem {
    /// `suivi-ccva.xlsx Actions!G7 : …`, with the cells' text as typed:
    /// whoever prints it escapes it.
    pub fn describe(&self, lang: Lang) -> String {
        let item = || self.item.map(|k| k.describe(lang)).unwrap_or_default();
        let text = match &self.kind {
            ProblemKind::Unreadable(detail) => lang.fill(CollectMsg::ProblemUnreadable, &[detail]),
            ProblemKind::NoMeta => lang.text(CollectMsg::ProblemNoMeta).to_string(),
            ProblemKind::OtherPlan(plan) => lang.fill(CollectMsg::ProblemOtherPlan, &[plan]),
            ProblemKind::UnknownActor(actor) => {
                lang.fill(CollectMsg::ProblemUnknownActor, &[actor])
            }
            ProblemKind::IdAltered { expected, found } => {
                lang.fill(CollectMsg::ProblemIdAltered, &[expected, found])
            }
            ProblemKind::ExtraRow(text) => lang.fill(CollectMsg::ProblemExtraRow, &[text]),
            ProblemKind::OutsideList { value, allowed } => lang.fill(
                CollectMsg::ProblemOutsideList,
                &[value, &allowed.join(", ")],
            ),
            ProblemKind::Formula(formula) => lang.fill(CollectMsg::ProblemFormula, &[formula]),
            ProblemKind::NotADate(text) => lang.fill(CollectMsg::ProblemNotADate, &[text]),
            ProblemKind::NotANumber(text) => lang.fill(CollectMsg::ProblemNotANumber, &[text]),
            ProblemKind::NotText(text) => lang.fill(CollectMsg::ProblemNotText, &[text]),
            ProblemKind::Stale { exported } => lang.fill(
                CollectMsg::ProblemStale,
                &[&item(), &lang.short_date(*exported)],
            ),
            ProblemKind::Gone => lang.fill(CollectMsg::ProblemGone, &[&item()]),
            ProblemKind::DoneNotDone(status) => {
                lang.fill(CollectMsg::ProblemDoneNotDone, &[&status.label(lang)])
            }
            ProblemKind::Conflict { other } => {
                lang.fill(CollectMsg::ProblemConflict, &[&item(), other])
            }
        };
        let place = match &self.cell {
            Some(cell) => format!("{} {cell}", self.file),
            None => self.file.clone(),
        };
        let colon = match lang {
            Lang::Fr => " : ",
            Lang::En => ": ",
        };
        format!("{place}{colon}{text}")
    }
}
