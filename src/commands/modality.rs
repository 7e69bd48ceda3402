//! `ctg modality add`: a new modality at the end of an action's list,
//! dated from today. Its number is its place: modalities are never
//! renumbered by the tool (abandon one with `ctg set ID.N --status abandoned`).

use toml_edit::{Item, Table, value};

use crate::Context;
use crate::cli::{ModalityAddArgs, ModalityArgs, ModalityCommand};
use crate::commands::{edit_outcome, find_root};
use crate::edit::{PlanEditor, append_table, date_value};
use crate::error::Error;
use crate::i18n::Msg;
use crate::output::Output;
use crate::render::escape;

pub fn run(context: &Context, args: &ModalityArgs) -> Result<Output, Error> {
    match &args.command {
        ModalityCommand::Add(add) => add_modality(context, add),
    }
}

fn add_modality(context: &Context, args: &ModalityAddArgs) -> Result<Output, Error> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(Error::EmptyText);
    }
    let root = find_root(context)?;
    let mut editor = PlanEditor::open(&root, context, args.dry_run)?;
    editor.strict = args.strict;
    let mut file = editor.action_file(args.id)?;
    let count = editor
        .plan
        .actions
        .iter()
        .find(|a| a.id.value == args.id)
        .map_or(0, |a| a.modalities.len());
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
