//! `ctg modality add`: a new modality at the end of an action's list,
//! dated from today. Its number is its place: modalities are never
//! renumbered by the tool (abandon one with `ctg set ID.N --status abandoned`).

use toml_edit::{Item, Table, value};

use crate::Context;
use crate::cli::{ModalityAddArgs, ModalityArgs, ModalityCommand, ModalityRemoveArgs};
use crate::commands::{edit_outcome, open_editor};
use crate::edit::{append_table, date_value, remove_nth};
use crate::error::Error;
use crate::i18n::Msg;
use crate::output::Output;
use crate::render::escape;

pub fn run(context: &Context, args: &ModalityArgs) -> Result<Output, Error> {
    match &args.command {
        ModalityCommand::Add(add) => add_modality(context, add),
        ModalityCommand::Remove(remove) => remove_modality(context, remove),
    }
}

fn add_modality(context: &Context, args: &ModalityAddArgs) -> Result<Output, Error> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(Error::EmptyText);
    }
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let (action, mut file) = editor.action_file(args.id)?;
    let count = action.modalities.len();
    let mut table = Table::new();
    table.insert("text", value(text));
    // From this day the modality exists for a view of the past.
    table.insert("created", Item::Value(date_value(context.today)?));
    append_table(&mut file.doc, "modalities", table);
    let line = context.lang.fill(
        Msg::EditModalityAdded,
        &[&args.id, &(count + 1), &escape::terminal(text)],
    );
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &[line])
}

/// `ctg modality remove ID.N`: the last modality goes; one that others
/// follow only with `--force`, since `ID.N` is how people name them.
fn remove_modality(context: &Context, args: &ModalityRemoveArgs) -> Result<Output, Error> {
    let id = args.target.action;
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let (action, mut file) = editor.action_file(id)?;
    let modalities = action.modalities.as_slice();
    let count = modalities.len();
    let number = args.target.modality.unwrap_or(0);
    let Some(modality) = modalities.get(number.wrapping_sub(1)) else {
        return Err(Error::NoSuchModality {
            action: id,
            count,
            number,
        });
    };
    if number < count && !args.force {
        return Err(Error::ModalityRenumbers {
            action: id,
            number,
            count,
        });
    }
    remove_nth(&mut file.doc, "modalities", number - 1);
    let line = context.lang.fill(
        Msg::EditModalityRemoved,
        &[&id, &number, &escape::terminal(&modality.text)],
    );
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &[line])
}
