//! `ctg new`: a new action file, with the next free id.

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::Context;
use crate::cli::NewArgs;
use crate::commands::{edit_outcome, open_editor};
use crate::edit::date_value;
use crate::error::Error;
use crate::i18n::Msg;
use crate::model::Status;
use crate::output::Output;
use crate::source::FileKind;
use crate::text::slug;

pub fn run(context: &Context, args: &NewArgs) -> Result<Output, Error> {
    let lang = context.lang;
    if args.title.trim().is_empty() || args.modality.iter().any(|m| m.trim().is_empty()) {
        return Err(Error::EmptyText);
    }
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let id = editor
        .plan
        .actions
        .iter()
        .map(|a| a.id.value)
        .max()
        .unwrap_or(0)
        + 1;
    let name = format!("actions/{id:02}-{}.toml", slug(&args.title, "action"));
    if editor.plan.root.join(&name).exists() {
        return Err(Error::FileExists { file: name });
    }
    editor.stage_new(
        name.clone(),
        FileKind::Action,
        action_text(id, args, context.today)?,
    );
    let line = lang.fill(Msg::EditCreated, &[&id, &name]);
    edit_outcome(editor, context, args.dry_run, &[line])
}

/// The new file, laid out like the plan's other action files.
fn action_text(id: u32, args: &NewArgs, today: NaiveDate) -> Result<String, Error> {
    let mut doc = DocumentMut::new();
    doc.insert("id", value(i64::from(id)));
    doc.insert("axis", value(i64::from(args.axis)));
    doc.insert("title", value(args.title.trim()));
    if let Some(short) = &args.short_title {
        doc.insert("short_title", value(short.trim()));
    }
    doc.insert("status", value(Status::Planned.keyword()));
    let mut pilots = toml_edit::Array::new();
    pilots.extend(args.pilot.iter().map(String::as_str));
    doc.insert("pilots", value(pilots));
    if let Some(due) = args.due {
        doc.insert("due", Item::Value(date_value(due)?));
    }
    // From this day the action exists for a view of the past.
    doc.insert("created", Item::Value(date_value(today)?));
    if !args.modality.is_empty() {
        let mut modalities = ArrayOfTables::new();
        for text in &args.modality {
            let mut table = Table::new();
            table.insert("text", value(text.trim()));
            table.decor_mut().set_prefix("\n");
            modalities.push(table);
        }
        doc.insert("modalities", Item::ArrayOfTables(modalities));
    }
    Ok(doc.to_string())
}
