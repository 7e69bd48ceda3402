//! From answers to edits. An answer already in the plan is no edit at all,
//! so that importing a workbook twice changes nothing the second time. An
//! answer that would change an item the plan changed since the export is
//! refused (the row's fingerprint), and two workbooks answering the same
//! cell differently are a conflict. Each remaining row becomes one
//! `Edit`, which the command applies as `ctg set` would.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::layout::{ItemKey, SheetKind, cell_name, fingerprint};
use super::problem::{Problem, ProblemKind};
use super::read::{Answers, Given, RowAnswers, Value};
use super::words::CollectMsg;
use crate::i18n::Lang;
use crate::model::{Action, Plan, Status};

/// One row's change, as `ctg set` would be asked for it: on the action
/// (status, note, due), on one of its modalities (status, day done), or on
/// one of its indicators (a year's value).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edit {
    pub action: u32,
    pub modality: Option<usize>,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    /// Indicator number, year and value.
    pub value: Option<(usize, i32, f64)>,
    /// The actor the journal entry names.
    pub by: Option<String>,
}

/// The edits the answers ask for, and what stands in their way.
pub struct Planned {
    /// By action, the action's own change first.
    pub edits: BTreeMap<u32, Vec<Edit>>,
    pub problems: Vec<Problem>,
    /// The number of edits of each workbook, in the order given.
    pub per_workbook: Vec<usize>,
}

/// The edits of `workbooks` against `plan`, given the problems already
/// found in reading them: a row with a problem asks for nothing.
pub fn plan_edits(
    plan: &Plan,
    workbooks: &[Answers],
    mut problems: Vec<Problem>,
    lang: Lang,
) -> Planned {
    conflicts(workbooks, &mut problems);
    let actions: HashMap<u32, &Action> = plan.actions.iter().map(|a| (a.id.value, a)).collect();
    let mut edits: BTreeMap<u32, Vec<Edit>> = BTreeMap::new();
    let mut per_workbook = Vec::new();
    // Each answer once, however many workbooks give it (the same file
    // twice, two pilots of one action agreeing): a status moved twice
    // would be journaled twice.
    let mut given_before = HashSet::new();
    for answers in workbooks {
        let mut count = 0;
        for row in &answers.rows {
            let key = row.exported.key;
            let faulty = problems
                .iter()
                .any(|p| p.file == answers.file && p.item == Some(key));
            if faulty {
                continue;
            }
            let row = RowAnswers {
                exported: row.exported.clone(),
                given: row
                    .given
                    .iter()
                    .filter(|g| given_before.insert(answer_of(key, &answers.meta.actor, g)))
                    .cloned()
                    .collect(),
            };
            match edit_of(&actions, answers, &row, lang) {
                Ok(None) => {}
                Ok(Some(args)) => {
                    count += 1;
                    let list = edits.entry(key.action()).or_default();
                    // The row that moves the action's status goes first: it
                    // reads the journal as the plan has it.
                    if args.status.is_some() && args.modality.is_none() {
                        list.insert(0, args);
                    } else {
                        list.push(args);
                    }
                }
                Err(kind) => problems.push(Problem {
                    file: answers.file.clone(),
                    cell: Some(cell_name(
                        row.exported.sheet.name(answers.meta.lang),
                        row.exported.row,
                        0,
                    )),
                    item: Some(key),
                    kind,
                }),
            }
        }
        per_workbook.push(count);
    }
    Planned {
        edits,
        problems,
        per_workbook,
    }
}

/// What makes two answers the same: the item, the column, the value, and
/// for a note, who wrote it.
fn answer_of(key: ItemKey, actor: &str, given: &Given) -> (ItemKey, u16, String) {
    let value = match &given.value {
        Value::Text(text) => format!("{actor}\u{1f}{text}"),
        other => format!("{other:?}"),
    };
    (key, given.column, value)
}

/// Two workbooks giving one cell (other than a note) different values.
fn conflicts(workbooks: &[Answers], problems: &mut Vec<Problem>) {
    let mut seen: HashMap<(ItemKey, u16), (&Answers, &Given)> = HashMap::new();
    for answers in workbooks {
        for row in &answers.rows {
            for given in &row.given {
                if matches!(given.value, Value::Text(_)) {
                    continue;
                }
                let field = (row.exported.key, given.column);
                match seen.get(&field) {
                    Some((first, earlier)) if earlier.value != given.value => {
                        let name = |a: &Answers, g: &Given| format!("{} {}", a.file, g.cell);
                        for (here, there) in [
                            ((*first, *earlier), (answers, given)),
                            ((answers, given), (*first, *earlier)),
                        ] {
                            problems.push(Problem {
                                file: here.0.file.clone(),
                                cell: Some(here.1.cell.clone()),
                                item: Some(field.0),
                                kind: ProblemKind::Conflict {
                                    other: name(there.0, there.1),
                                },
                            });
                        }
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(field, (answers, given));
                    }
                }
            }
        }
    }
}

/// The edit a row asks for; `None` when the plan already says it.
fn edit_of(
    actions: &HashMap<u32, &Action>,
    answers: &Answers,
    row: &RowAnswers,
    lang: Lang,
) -> Result<Option<Edit>, ProblemKind> {
    let key = row.exported.key;
    let meta = &answers.meta;
    let action = *actions.get(&key.action()).ok_or(ProblemKind::Gone)?;
    let value = |column: u16| {
        row.given
            .iter()
            .find(|g| g.column == column)
            .map(|g| g.value.clone())
    };
    let args = match row.exported.sheet {
        SheetKind::Actions => action_edit(action, &meta.actor, value(6), value(7), value(8)),
        SheetKind::Modalities => match key {
            ItemKey::Modality(_, n) => modality_edit(action, n, value(4), value(5))?,
            _ => None,
        },
        SheetKind::Indicators => match key {
            ItemKey::Indicator(_, n) => indicator_edit(action, n, meta.year, value(6))?,
            _ => None,
        },
    };
    let Some(mut args) = args else {
        return Ok(None);
    };
    if fingerprint(action, key, meta.year).as_deref() != Some(row.exported.fingerprint.as_str()) {
        return Err(ProblemKind::Stale {
            exported: meta.exported,
        });
    }
    if args.status.is_some() && args.note.is_none() && args.modality.is_none() {
        let label = args.status.map(|s| s.label(lang)).unwrap_or_default();
        let day = lang.short_date(meta.exported);
        args.note = Some(lang.fill(CollectMsg::StatusNote, &[&label, &day]));
    }
    Ok(Some(args))
}

/// A new status, a note, a new due date: what differs from the plan.
fn action_edit(
    action: &Action,
    actor: &str,
    status: Option<Value>,
    note: Option<Value>,
    due: Option<Value>,
) -> Option<Edit> {
    let status = match status {
        Some(Value::Status(s)) if s != action.status => Some(s),
        _ => None,
    };
    let note = match note {
        Some(Value::Text(text)) => {
            let known = action.log.iter().any(|entry| {
                entry.note == text && entry.by.as_ref().is_some_and(|by| by.value == actor)
            });
            (!known).then_some(text)
        }
        _ => None,
    };
    let due = match due {
        Some(Value::Date(day)) if action.due.as_ref().map(|d| d.value) != Some(day) => Some(day),
        _ => None,
    };
    if status.is_none() && note.is_none() && due.is_none() {
        return None;
    }
    let by = (status.is_some() || note.is_some()).then(|| actor.to_string());
    Some(Edit {
        action: action.id.value,
        status,
        note,
        due,
        by,
        ..Edit::default()
    })
}

/// A new status, or the day it was done (done, then).
fn modality_edit(
    action: &Action,
    number: usize,
    status: Option<Value>,
    done: Option<Value>,
) -> Result<Option<Edit>, ProblemKind> {
    let modality = action
        .modalities
        .get(number.wrapping_sub(1))
        .ok_or(ProblemKind::Gone)?;
    let status = match status {
        Some(Value::Status(s)) => Some(s),
        _ => None,
    };
    let done = match done {
        Some(Value::Date(day)) => Some(day),
        _ => None,
    };
    if let (Some(status), Some(_)) = (status, done)
        && status != Status::Done
    {
        return Err(ProblemKind::DoneNotDone(status));
    }
    let wanted = status.or(done.map(|_| Status::Done));
    let current_done = modality.done.as_ref().map(|d| d.value);
    let moves = wanted.is_some_and(|s| s != modality.status);
    let redated = done.is_some_and(|d| Some(d) != current_done);
    if !moves && !redated {
        return Ok(None);
    }
    Ok(Some(Edit {
        action: action.id.value,
        modality: Some(number),
        status: wanted,
        done,
        ..Edit::default()
    }))
}

/// The value of the workbook's year, when it differs from the plan's.
fn indicator_edit(
    action: &Action,
    number: usize,
    year: i32,
    value: Option<Value>,
) -> Result<Option<Edit>, ProblemKind> {
    let indicator = action
        .indicators
        .get(number.wrapping_sub(1))
        .ok_or(ProblemKind::Gone)?;
    let Some(Value::Number(value)) = value else {
        return Ok(None);
    };
    let current = indicator
        .values
        .iter()
        .find(|(y, _)| y.value == year)
        .map(|(_, v)| *v);
    if current == Some(value) {
        return Ok(None);
    }
    Ok(Some(Edit {
        action: action.id.value,
        value: Some((number, year, value)),
        ..Edit::default()
    }))
}
