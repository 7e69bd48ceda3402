//! Modalities followed by their text, not their position: a modality
//! inserted in the middle of an action is one addition, not a change to
//! every modality after it; a modality reworded is a rewording.

use similar::{Algorithm, DiffOp, TextDiff, capture_diff_slices};

use super::Change;
use crate::model::{Action, Modality, Status};

/// How alike two texts must be (0 to 1, by characters) for a modality
/// replaced by another to read as the same modality reworded.
const SAME_MODALITY: f32 = 0.6;

/// The changes of an action's modalities, numbered as in the new file (as
/// in the old one for a removal).
pub fn changes(old: &Action, new: &Action, changes: &mut Vec<Change>) {
    let id = new.id.value;
    let texts = |action: &Action| -> Vec<String> {
        action
            .modalities
            .iter()
            .map(|m| m.text.trim().to_string())
            .collect()
    };
    let (was, now) = (texts(old), texts(new));
    for op in capture_diff_slices(Algorithm::Myers, &was, &now) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for offset in 0..len {
                    let (before, after) = (old_index + offset, new_index + offset);
                    status_change(
                        id,
                        &old.modalities[before],
                        &new.modalities[after],
                        after + 1,
                        changes,
                    );
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                removed(id, old, old_index..old_index + old_len, changes);
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                added(id, new, new_index..new_index + new_len, changes);
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let pairs = old_len.min(new_len);
                for offset in 0..pairs {
                    let (before, after) = (old_index + offset, new_index + offset);
                    let (was_m, now_m) = (&old.modalities[before], &new.modalities[after]);
                    let alike = TextDiff::from_chars(&was_m.text, &now_m.text).ratio();
                    if alike >= SAME_MODALITY {
                        changes.push(Change::ModalityReworded {
                            action: id,
                            modality: after + 1,
                            from: was_m.text.clone(),
                            to: now_m.text.clone(),
                        });
                        status_change(id, was_m, now_m, after + 1, changes);
                    } else {
                        removed(id, old, before..before + 1, changes);
                        added(id, new, after..after + 1, changes);
                    }
                }
                removed(id, old, old_index + pairs..old_index + old_len, changes);
                added(id, new, new_index + pairs..new_index + new_len, changes);
            }
        }
    }
}

fn added(id: u32, new: &Action, range: std::ops::Range<usize>, changes: &mut Vec<Change>) {
    for index in range {
        changes.push(Change::ModalityAdded {
            action: id,
            modality: index + 1,
            text: new.modalities[index].text.clone(),
        });
    }
}

fn removed(id: u32, old: &Action, range: std::ops::Range<usize>, changes: &mut Vec<Change>) {
    for index in range {
        changes.push(Change::ModalityRemoved {
            action: id,
            modality: index + 1,
            text: old.modalities[index].text.clone(),
        });
    }
}

/// A modality found in both states whose status moved.
fn status_change(
    id: u32,
    was: &Modality,
    now: &Modality,
    number: usize,
    changes: &mut Vec<Change>,
) {
    if was.status == now.status {
        return;
    }
    let text = now.text.clone();
    changes.push(match (was.status, now.status) {
        (_, Status::Done) => Change::ModalityDone {
            action: id,
            modality: number,
            text,
            done: now.done.as_ref().map(|d| d.value),
        },
        (Status::Done, status) => Change::ModalityReopened {
            action: id,
            modality: number,
            text,
            status,
        },
        (from, to) => Change::ModalityStatus {
            action: id,
            modality: number,
            text,
            from,
            to,
        },
    });
}
