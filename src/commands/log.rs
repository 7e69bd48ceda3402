//! `ctg log`: a dated entry in an action's journal.

use toml_edit::Value;

use crate::Context;
use crate::cli::LogArgs;
use crate::commands::{edit_outcome, find_root};
use crate::edit::{PlanEditor, append_log, set_value};
use crate::error::Error;
use crate::i18n::Msg;
use crate::output::Output;

pub fn run(context: &Context, args: &LogArgs) -> Result<Output, Error> {
    let lang = context.lang;
    if args.message.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    let root = find_root(context)?;
    let mut editor = PlanEditor::open(&root, context, args.dry_run)?;
    let mut file = editor.action_file(args.id)?;
    let action = editor
        .plan
        .actions
        .iter()
        .find(|a| a.id.value == args.id)
        .expect("action_file found it");
    let date = args.date.unwrap_or(context.today);
    let mut lines = Vec::new();
    if let Some(status) = args.status.filter(|s| *s != action.status) {
        set_value(
            file.doc.as_table_mut(),
            "status",
            Value::from(status.keyword()),
        );
        lines.push(lang.fill(
            Msg::EditStatus,
            &[&args.id, &action.status.label(lang), &status.label(lang)],
        ));
    }
    append_log(&mut file.doc, date, &args.message, args.status)?;
    lines.insert(
        0,
        lang.fill(Msg::EditLogged, &[&args.id, &lang.short_date(date)]),
    );
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &lines)
}
