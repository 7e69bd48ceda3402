//! `ctg log`: a dated entry in an action's journal, added in date order,
//! corrected or removed.

use crate::Context;
use crate::cli::LogArgs;
use crate::commands::{
    edit_outcome, journal_of, open_editor, record_entry, status_follows_journal,
};
use crate::edit::{EditableFile, NewEntry, correct_log, remove_log};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::Action;
use crate::output::Output;

pub fn run(context: &Context, args: &LogArgs) -> Result<Output, Error> {
    let lang = context.lang;
    if args.message.as_ref().is_some_and(|m| m.trim().is_empty()) {
        return Err(Error::EmptyText);
    }
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let (action, mut file) = editor.action_file(args.id)?;
    let mut lines = Vec::new();
    if let Some(number) = args.remove {
        let index = entry_index(action, number)?;
        remove_log(&mut file.doc, index)?;
        let mut journal = journal_of(action);
        let (day, _) = journal.remove(index);
        lines.push(lang.fill(
            Msg::EditLogRemoved,
            &[&args.id, &number, &lang.short_date(day)],
        ));
        status_follows_journal(&mut file, action, journal, lang, &mut lines);
    } else if let Some(number) = args.entry {
        correct(args, action, number, &mut file, lang, &mut lines)?;
    } else {
        let date = args.date.unwrap_or(context.today);
        let entry = NewEntry {
            date,
            note: args.message.as_deref().unwrap_or_default(),
            status: args.status,
            by: args.by.as_deref(),
        };
        lines.push(lang.fill(Msg::EditLogged, &[&args.id, &lang.short_date(date)]));
        record_entry(&mut file, action, &entry, lang, &mut lines)?;
    }
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &lines)
}

/// The place in the journal of entry `number` (1 for the first).
fn entry_index(action: &Action, number: usize) -> Result<usize, Error> {
    let count = action.log.len();
    if (1..=count).contains(&number) {
        Ok(number - 1)
    } else {
        Err(Error::NoSuchLogEntry {
            action: action.id.value,
            count,
            number,
        })
    }
}

/// `--entry N`: a new text, day or status for an entry; a new day moves
/// it to its place in date order.
fn correct(
    args: &LogArgs,
    action: &Action,
    number: usize,
    file: &mut EditableFile,
    lang: Lang,
    lines: &mut Vec<String>,
) -> Result<(), Error> {
    let index = entry_index(action, number)?;
    if args.message.is_none() && args.date.is_none() && args.status.is_none() {
        return Err(Error::NothingToChange);
    }
    let place = correct_log(
        &mut file.doc,
        index,
        args.message.as_deref(),
        args.date,
        args.status,
    )?;
    let mut journal = journal_of(action);
    let (day, status) = journal.remove(index);
    let corrected = (args.date.unwrap_or(day), args.status.or(status));
    journal.insert(place.min(journal.len()), corrected);
    lines.push(lang.fill(Msg::EditLogCorrected, &[&args.id, &number]));
    status_follows_journal(file, action, journal, lang, lines);
    Ok(())
}
