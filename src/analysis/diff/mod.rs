//! What changed between two states of a plan, field by field: the account a
//! comité de pilotage reads of what moved since the last one.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

mod message;
mod modalities;

use crate::i18n::Lang;
use crate::model::{Action, Plan, Status};
use crate::span::{FileId, Located};

/// One change. Actions are named by id; modalities by their number in the
/// action (1 for the first), as `ctg set 4.2` does, and followed from one
/// state to the other by their text (`modalities`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    ActionAdded {
        action: u32,
        title: String,
    },
    ActionRemoved {
        action: u32,
        title: String,
    },
    ActionRetitled {
        action: u32,
        field: &'static str,
        from: Option<String>,
        to: Option<String>,
    },
    StatusMoved {
        action: u32,
        from: Status,
        to: Status,
    },
    ModalityAdded {
        action: u32,
        modality: usize,
        text: String,
    },
    ModalityReworded {
        action: u32,
        modality: usize,
        from: String,
        to: String,
    },
    ModalityRemoved {
        action: u32,
        modality: usize,
        text: String,
    },
    ModalityDone {
        action: u32,
        modality: usize,
        text: String,
        done: Option<NaiveDate>,
    },
    ModalityReopened {
        action: u32,
        modality: usize,
        text: String,
        status: Status,
    },
    ModalityStatus {
        action: u32,
        modality: usize,
        text: String,
        from: Status,
        to: Status,
    },
    PilotAdded {
        action: u32,
        actor: String,
    },
    PilotRemoved {
        action: u32,
        actor: String,
    },
    PartnerAdded {
        action: u32,
        actor: String,
    },
    PartnerRemoved {
        action: u32,
        actor: String,
    },
    /// `days` is positive when the date moved later.
    DueMoved {
        action: u32,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        days: Option<i64>,
    },
    JournalAdded {
        action: u32,
        date: NaiveDate,
        note: String,
        status: Option<Status>,
    },
    IndicatorValue {
        action: u32,
        indicator: String,
        year: i32,
        from: Option<f64>,
        to: f64,
    },
    MeetingRecorded {
        body: String,
        date: NaiveDate,
        title: String,
    },
}

/// A change with the sentence people read.
#[derive(Serialize)]
pub struct ChangeEntry {
    #[serde(flatten)]
    pub change: Change,
    pub message: String,
}

/// Every change from `old` to `new`: by action id, then meetings by date.
pub fn diff(old: &Plan, new: &Plan) -> Vec<Change> {
    let before: BTreeMap<u32, &Action> = old.actions.iter().map(|a| (a.id.value, a)).collect();
    let after: BTreeMap<u32, &Action> = new.actions.iter().map(|a| (a.id.value, a)).collect();
    let mut ids: Vec<u32> = before.keys().chain(after.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut changes = Vec::new();
    for id in ids {
        match (before.get(&id), after.get(&id)) {
            (None, Some(action)) => changes.push(Change::ActionAdded {
                action: id,
                title: action.title.clone(),
            }),
            (Some(action), None) => changes.push(Change::ActionRemoved {
                action: id,
                title: action.title.clone(),
            }),
            // The same text is the same action: most are, between two commits.
            (Some(before), Some(after)) if same_text(old, before, new, after) => {}
            (Some(old), Some(new)) => action_changes(old, new, &mut changes),
            (None, None) => {}
        }
    }
    // A set, not a list to scan: each meeting is looked up once.
    let known: HashSet<(&str, NaiveDate)> = old
        .meetings
        .iter()
        .map(|m| (m.body.value.as_str(), m.date.value))
        .collect();
    for meeting in &new.meetings {
        if !known.contains(&(meeting.body.value.as_str(), meeting.date.value)) {
            changes.push(Change::MeetingRecorded {
                body: meeting.body.value.clone(),
                date: meeting.date.value,
                title: meeting.title.clone(),
            });
        }
    }
    changes
}

/// Whether two actions were read from files of the same text, as far as
/// memory tells: a text let go (the files on disk) is not read again, the
/// actions are compared field by field instead.
fn same_text(old: &Plan, before: &Action, new: &Plan, after: &Action) -> bool {
    let (old_text, new_text) = (
        text_in_memory(old, before.file),
        text_in_memory(new, after.file),
    );
    matches!((old_text, new_text), (Some(a), Some(b)) if a == b)
}

fn text_in_memory(plan: &Plan, file: FileId) -> Option<&str> {
    plan.sources.files.get(file.0)?.text_in_memory()
}

fn action_changes(old: &Action, new: &Action, changes: &mut Vec<Change>) {
    let id = new.id.value;
    for (field, from, to) in [
        ("title", Some(&old.title), Some(&new.title)),
        (
            "short_title",
            old.short_title.as_ref(),
            new.short_title.as_ref(),
        ),
    ] {
        if from != to {
            changes.push(Change::ActionRetitled {
                action: id,
                field,
                from: from.cloned(),
                to: to.cloned(),
            });
        }
    }
    if old.status != new.status {
        changes.push(Change::StatusMoved {
            action: id,
            from: old.status,
            to: new.status,
        });
    }
    modalities::changes(old, new, changes);
    actor_changes(old, new, changes);
    due_change(old, new, changes);
    journal_changes(old, new, changes);
    indicator_changes(old, new, changes);
}

fn actor_changes(old: &Action, new: &Action, changes: &mut Vec<Change>) {
    let id = new.id.value;
    let names = |list: &[Located<String>]| list.iter().map(|a| a.value.clone()).collect::<Vec<_>>();
    let (old_pilots, new_pilots) = (names(&old.pilots), names(&new.pilots));
    let (old_partners, new_partners) = (names(&old.partners), names(&new.partners));
    for actor in new_pilots.iter().filter(|a| !old_pilots.contains(a)) {
        changes.push(Change::PilotAdded {
            action: id,
            actor: actor.clone(),
        });
    }
    for actor in old_pilots.iter().filter(|a| !new_pilots.contains(a)) {
        changes.push(Change::PilotRemoved {
            action: id,
            actor: actor.clone(),
        });
    }
    for actor in new_partners.iter().filter(|a| !old_partners.contains(a)) {
        changes.push(Change::PartnerAdded {
            action: id,
            actor: actor.clone(),
        });
    }
    for actor in old_partners.iter().filter(|a| !new_partners.contains(a)) {
        changes.push(Change::PartnerRemoved {
            action: id,
            actor: actor.clone(),
        });
    }
}

fn due_change(old: &Action, new: &Action, changes: &mut Vec<Change>) {
    let id = new.id.value;
    let (from, to) = (
        old.due.as_ref().map(|d| d.value),
        new.due.as_ref().map(|d| d.value),
    );
    if from != to {
        let days = from.zip(to).map(|(from, to)| (to - from).num_days());
        changes.push(Change::DueMoved {
            action: id,
            from,
            to,
            days,
        });
    }
}

/// Journal entries are compared as a multiset: an entry written twice counts
/// twice. Each entry is looked up by its key, not searched for in a list.
fn journal_changes(old: &Action, new: &Action, changes: &mut Vec<Change>) {
    let id = new.id.value;
    let mut remaining: HashMap<(NaiveDate, &str, Option<Status>), usize> = HashMap::new();
    for entry in &old.log {
        *remaining
            .entry((entry.date.value, entry.note.as_str(), entry.status))
            .or_default() += 1;
    }
    for entry in &new.log {
        let key = (entry.date.value, entry.note.as_str(), entry.status);
        match remaining.get_mut(&key) {
            Some(count) if *count > 0 => *count -= 1,
            _ => changes.push(Change::JournalAdded {
                action: id,
                date: entry.date.value,
                note: entry.note.clone(),
                status: entry.status,
            }),
        }
    }
}

fn indicator_changes(old: &Action, new: &Action, changes: &mut Vec<Change>) {
    let id = new.id.value;
    for indicator in &new.indicators {
        let previous = old.indicators.iter().find(|i| i.name == indicator.name);
        for (year, value) in &indicator.values {
            let before = previous.and_then(|p| {
                p.values
                    .iter()
                    .find(|(y, _)| y.value == year.value)
                    .map(|(_, v)| *v)
            });
            if before != Some(*value) {
                changes.push(Change::IndicatorValue {
                    action: id,
                    indicator: indicator.name.clone(),
                    year: year.value,
                    from: before,
                    to: *value,
                });
            }
        }
    }
}

/// The changes with their sentences.
pub fn entries(changes: Vec<Change>, lang: Lang, plan: &Plan) -> Vec<ChangeEntry> {
    changes
        .into_iter()
        .map(|change| {
            let message = change.message(lang, plan);
            ChangeEntry { change, message }
        })
        .collect()
}
