//! `ctg set`: change an action or a modality, in place.

use toml_edit::{Item, TableLike, Value};

mod indicator;
mod money;

use crate::Context;
use crate::cli::SetArgs;
use crate::commands::{edit_outcome, open_editor, record_entry};
use crate::edit::{
    EditableFile, NewEntry, date_value, nth_table, remove_string, set_value, string_array,
};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Status};
use crate::output::Output;
use crate::render::escape;

pub fn run(context: &Context, args: &SetArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let id = args.target.action;
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let (action, mut file) = editor.action_file(id)?;
    let lines = apply(args, action, &mut file, context)?;
    if lines.is_empty() {
        let line = lang.fill(Msg::EditUnchanged, &[&id]);
        return Ok(Output::confirmation(format!("{line}\n")));
    }
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &lines)
}

/// Makes the change `args` asks for in `file`, the file of `action` (the
/// action as read, before any change to the file). Returns the lines that
/// say what changed; none when nothing did.
pub fn apply(
    args: &SetArgs,
    action: &Action,
    file: &mut EditableFile,
    context: &Context,
) -> Result<Vec<String>, Error> {
    match args.target.modality {
        Some(number) => set_modality(args, action, number, file, context),
        None => set_action(args, action, file, context),
    }
}

fn set_action(
    args: &SetArgs,
    action: &Action,
    file: &mut EditableFile,
    context: &Context,
) -> Result<Vec<String>, Error> {
    let lang = context.lang;
    let id = action.id.value;
    modality_only(args, id)?;
    if args.status.is_none() && !changes_action_fields(args) {
        return Err(Error::NothingToChange);
    }
    let mut lines = Vec::new();
    let date = |d: Option<chrono::NaiveDate>| d.map_or("—".to_string(), |d| lang.short_date(d));
    let logged = match args.status {
        Some(status) => set_status(args, action, status, file, context, &mut lines)?,
        None => false,
    };
    let doc = file.doc.as_table_mut();
    set_axis(args, action, doc, lang, &mut lines);
    for (key, msg, new, old) in [
        (
            "start",
            Msg::FieldStart,
            args.start,
            action.start.as_ref().map(|d| d.value),
        ),
        (
            "due",
            Msg::FieldDue,
            args.due,
            action.due.as_ref().map(|d| d.value),
        ),
    ] {
        if let Some(new) = new.filter(|new| Some(*new) != old) {
            set_value(doc, key, date_value(new)?);
            lines.push(lang.fill(
                Msg::EditField,
                &[&id, &lang.text(msg), &date(old), &date(Some(new))],
            ));
        }
    }
    for (key, msg, new, old) in [
        (
            "title",
            Msg::FieldTitle,
            &args.title,
            Some(action.title.as_str()),
        ),
        (
            "short_title",
            Msg::FieldShortTitle,
            &args.short_title,
            action.short_title.as_deref(),
        ),
    ] {
        if let Some(new) = new.as_deref().filter(|new| Some(*new) != old) {
            set_value(doc, key, Value::from(new));
            let quote = |text: Option<&str>| {
                text.map_or("—".to_string(), |t| {
                    format!("« {} »", escape::terminal(t))
                })
            };
            lines.push(lang.fill(
                Msg::EditField,
                &[&id, &lang.text(msg), &quote(old), &quote(Some(new))],
            ));
        }
    }
    set_actors(args, action, doc, lang, &mut lines)?;
    lines.extend(money::apply(args, action, doc, lang));
    lines.extend(indicator::asked(args, file, action, lang)?);
    if !logged {
        record_note(args, action, file, context, &mut lines)?;
    }
    Ok(lines)
}

/// Options that only a modality has, refused for an action.
fn modality_only(args: &SetArgs, id: u32) -> Result<(), Error> {
    for (given, option) in [
        (args.done.is_some(), "--done"),
        (args.text.is_some(), "--text"),
    ] {
        if given {
            return Err(Error::DoneNeedsModality { action: id, option });
        }
    }
    Ok(())
}

/// The action moved to another axis.
fn set_axis(
    args: &SetArgs,
    action: &Action,
    doc: &mut toml_edit::Table,
    lang: Lang,
    lines: &mut Vec<String>,
) {
    let id = action.id.value;
    if let Some(axis) = args
        .axis
        .filter(|axis| Some(*axis) != action.axis.as_ref().map(|a| a.value))
    {
        let old = action
            .axis
            .as_ref()
            .map_or("—".to_string(), |a| a.value.to_string());
        set_value(doc, "axis", Value::from(i64::from(axis)));
        lines.push(lang.fill(
            Msg::EditField,
            &[&id, &lang.text(Msg::FieldAxis), &old, &axis],
        ));
    }
}

/// A note no status move took: the journal entry of the change made.
fn record_note(
    args: &SetArgs,
    action: &Action,
    file: &mut EditableFile,
    context: &Context,
    lines: &mut Vec<String>,
) -> Result<(), Error> {
    let Some(note) = args.note.as_deref() else {
        return Ok(());
    };
    if note.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    let lang = context.lang;
    // A modality done on a day: its note is of that day.
    let day = args.date.or(args.done).unwrap_or(context.today);
    let entry = NewEntry {
        date: day,
        note,
        status: None,
        by: args.by.as_deref(),
    };
    record_entry(file, action, &entry, lang, lines)?;
    lines.push(lang.fill(Msg::EditLogged, &[&action.id.value, &lang.short_date(day)]));
    Ok(())
}

/// A new status for the action, with the journal entry that records the
/// move (a move dated before a later one is history only); the same status
/// spelt as a label is rewritten as its keyword. Says whether it wrote a
/// journal entry.
fn set_status(
    args: &SetArgs,
    action: &Action,
    status: Status,
    file: &mut EditableFile,
    context: &Context,
    lines: &mut Vec<String>,
) -> Result<bool, Error> {
    let lang = context.lang;
    let id = action.id.value;
    let doc = file.doc.as_table_mut();
    let written = doc.get("status").and_then(Item::as_str).map(str::to_string);
    if status != action.status {
        let (old, new) = (action.status.label(lang), status.label(lang));
        if args.no_log {
            set_value(doc, "status", Value::from(status.keyword()));
            lines.push(lang.fill(Msg::EditStatus, &[&id, &old, &new]));
            return Ok(false);
        }
        let note = args
            .note
            .clone()
            .unwrap_or_else(|| lang.fill(Msg::LogStatusNote, &[&old, &new]));
        let entry = NewEntry {
            date: args.date.unwrap_or(context.today),
            note: &note,
            status: Some(status),
            by: args.by.as_deref(),
        };
        record_entry(file, action, &entry, lang, lines)?;
        return Ok(true);
    } else if let Some(written) = written.filter(|w| w != status.keyword()) {
        // The file spelt the status as a label ("en cours"): write the keyword.
        set_value(doc, "status", Value::from(status.keyword()));
        lines.push(lang.fill(
            Msg::EditStatusRewritten,
            &[&id, &written, &status.keyword()],
        ));
    }
    Ok(false)
}

/// Pilots and partners added and removed; a removed actor loses its role.
fn set_actors(
    args: &SetArgs,
    action: &Action,
    doc: &mut toml_edit::Table,
    lang: Lang,
    lines: &mut Vec<String>,
) -> Result<(), Error> {
    let id = action.id.value;
    let names = |list: &[crate::span::Located<String>]| {
        list.iter().map(|a| a.value.clone()).collect::<Vec<_>>()
    };
    let mut pilots = names(&action.pilots);
    let mut partners = names(&action.partners);
    let not_pilot: fn(String, u32) -> Error = |actor, action| Error::NotPilot { actor, action };
    let not_partner: fn(String, u32) -> Error = |actor, action| Error::NotPartner { actor, action };
    for (key, adds, removes, current, added, removed, missing) in [
        (
            "pilots",
            &args.add_pilot,
            &args.remove_pilot,
            &mut pilots,
            Msg::EditPilotAdded,
            Msg::EditPilotRemoved,
            not_pilot,
        ),
        (
            "partners",
            &args.add_partner,
            &args.remove_partner,
            &mut partners,
            Msg::EditPartnerAdded,
            Msg::EditPartnerRemoved,
            not_partner,
        ),
    ] {
        for actor in removes {
            let Some(array) = string_array(doc, key) else {
                continue;
            };
            if !remove_string(array, actor) {
                return Err(missing(actor.clone(), id));
            }
            current.retain(|a| a != actor);
            lines.push(lang.fill(removed, &[&id, actor]));
        }
        for actor in adds {
            if current.contains(actor) {
                continue;
            }
            if let Some(array) = string_array(doc, key) {
                array.push(actor.as_str());
                current.push(actor.clone());
                lines.push(lang.fill(added, &[&id, actor]));
            }
        }
    }
    // A role belongs to an actor the action names: removing the actor
    // removes its role, whether roles are an inline table or a [roles] section.
    if let Some(roles) = doc.get_mut("roles") {
        let inline = roles.is_inline_table();
        if let Some(roles) = roles.as_table_like_mut() {
            let stale: Vec<String> = roles
                .iter()
                .map(|(actor, _)| actor.to_string())
                .filter(|actor| !pilots.contains(actor) && !partners.contains(actor))
                .collect();
            for actor in &stale {
                roles.remove(actor);
            }
            // Tidy the spacing of an inline table; a section keeps its comments.
            if inline && !stale.is_empty() {
                roles.fmt();
            }
        }
    }
    Ok(())
}

fn set_modality(
    args: &SetArgs,
    action: &Action,
    number: usize,
    file: &mut EditableFile,
    context: &Context,
) -> Result<Vec<String>, Error> {
    let lang = context.lang;
    let id = action.id.value;
    let pilots = !args.add_pilot.is_empty() || !args.remove_pilot.is_empty();
    if action_only(args) {
        return Err(Error::NotForAModality);
    }
    let asked = [
        args.status.is_some(),
        args.done.is_some(),
        args.text.is_some(),
    ];
    if !asked.contains(&true) && !pilots && args.note.is_none() {
        return Err(Error::NothingToChange);
    }
    let count = action.modalities.len();
    let missing = || Error::NoSuchModality {
        action: id,
        count,
        number,
    };
    let Some(modality) = action.modalities.get(number.wrapping_sub(1)) else {
        return Err(missing());
    };
    let (table, inline) =
        nth_table(file.doc.as_table_mut(), "modalities", number - 1).ok_or_else(missing)?;
    // --done DATE means done; done without a date means done today.
    let status = args.status.or(args.done.map(|_| Status::Done));
    let mut lines = Vec::new();
    if let Some(status) = status.filter(|s| *s != modality.status) {
        set_value(table, "status", Value::from(status.keyword()));
        lines.push(lang.fill(
            Msg::EditModalityStatus,
            &[
                &id,
                &number,
                &modality.status.label(lang),
                &status.label(lang),
            ],
        ));
        if status != Status::Done {
            table.remove("done");
        }
    }
    if status == Some(Status::Done) {
        let done = args
            .done
            .or(modality.done.as_ref().map(|d| d.value))
            .unwrap_or(context.today);
        if modality.done.as_ref().map(|d| d.value) != Some(done) {
            set_value(table, "done", date_value(done)?);
            lines.push(lang.fill(
                Msg::EditModalityDone,
                &[&id, &number, &lang.short_date(done)],
            ));
        }
    }
    modality_text_and_pilots(args, action, number, table, context.lang, &mut lines)?;
    // An inline table's spacing, tidied around the keys added to it.
    if inline && !lines.is_empty() {
        table.fmt();
    }
    record_note(args, action, file, context, &mut lines)?;
    Ok(lines)
}

/// A modality's new wording, and its own pilots added and removed.
fn modality_text_and_pilots(
    args: &SetArgs,
    action: &Action,
    number: usize,
    table: &mut dyn TableLike,
    lang: Lang,
    lines: &mut Vec<String>,
) -> Result<(), Error> {
    let id = action.id.value;
    let modality = &action.modalities[number - 1];
    if let Some(text) = args.text.as_deref().map(str::trim) {
        if text.is_empty() {
            return Err(Error::EmptyText);
        }
        if text != modality.text {
            set_value(table, "text", Value::from(text));
            lines.push(lang.fill(
                Msg::EditModalityText,
                &[&id, &number, &escape::terminal(text)],
            ));
        }
    }
    let mut current: Vec<String> = modality.pilots.iter().map(|p| p.value.clone()).collect();
    for actor in &args.remove_pilot {
        let removed = table
            .get_mut("pilots")
            .and_then(Item::as_array_mut)
            .is_some_and(|array| remove_string(array, actor));
        if !removed {
            return Err(Error::NotPilot {
                actor: actor.clone(),
                action: id,
            });
        }
        current.retain(|a| a != actor);
        lines.push(lang.fill(Msg::EditModalityPilotRemoved, &[&id, &number, actor]));
    }
    for actor in &args.add_pilot {
        if current.contains(actor) {
            continue;
        }
        if table.get("pilots").is_none() {
            table.insert("pilots", toml_edit::value(toml_edit::Array::new()));
        }
        if let Some(array) = table.get_mut("pilots").and_then(Item::as_array_mut) {
            array.push(actor.as_str());
            current.push(actor.clone());
            lines.push(lang.fill(Msg::EditModalityPilotAdded, &[&id, &number, actor]));
        }
    }
    Ok(())
}

/// Whether the arguments change anything but a status: what only an
/// action (not a modality) has.
/// Options that only an action has, refused for a modality.
fn action_only(args: &SetArgs) -> bool {
    args.start.is_some()
        || args.due.is_some()
        || args.title.is_some()
        || args.short_title.is_some()
        || !args.add_partner.is_empty()
        || !args.remove_partner.is_empty()
        || args.indicator.is_some()
        || args.axis.is_some()
        || money::asked(args)
        || (args.date.is_some() && args.note.is_none())
}

fn changes_action_fields(args: &SetArgs) -> bool {
    args.start.is_some()
        || args.due.is_some()
        || args.title.is_some()
        || args.short_title.is_some()
        || !args.add_pilot.is_empty()
        || !args.remove_pilot.is_empty()
        || !args.add_partner.is_empty()
        || !args.remove_partner.is_empty()
        || args.indicator.is_some()
        || args.axis.is_some()
        || args.date.is_some()
        || args.note.is_some()
        || money::asked(args)
}
