//! `ctg indicator add`: a new indicator on an action, at the end of its
//! list, dated from today.

use toml_edit::{InlineTable, Item, Table, value};

use crate::Context;
use crate::cli::{IndicatorAddArgs, IndicatorArgs, IndicatorCommand};
use crate::commands::{edit_outcome, open_editor};
use crate::edit::{append_table, date_value, number_value};
use crate::error::Error;
use crate::i18n::Msg;
use crate::output::Output;
use crate::render::escape;

pub fn run(context: &Context, args: &IndicatorArgs) -> Result<Output, Error> {
    match &args.command {
        IndicatorCommand::Add(add) => add_indicator(context, add),
    }
}

fn add_indicator(context: &Context, args: &IndicatorAddArgs) -> Result<Output, Error> {
    let blank_unit = args.unit.as_ref().is_some_and(|u| u.trim().is_empty());
    if args.name.trim().is_empty() || blank_unit {
        return Err(Error::EmptyText);
    }
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let (action, mut file) = editor.action_file(args.id)?;
    let count = action.indicators.len();
    let mut table = Table::new();
    table.insert("name", value(args.name.trim()));
    if let Some(unit) = &args.unit {
        table.insert("unit", value(unit.trim()));
    }
    if let Some(baseline) = args.baseline {
        table.insert("baseline", Item::Value(number_value(baseline)));
    }
    match (args.target, args.target_year) {
        (Some(target), Some(year)) => {
            let mut targets = InlineTable::new();
            targets.insert(year.to_string(), number_value(target));
            table.insert("targets", value(targets));
        }
        (Some(target), None) => {
            table.insert("target", Item::Value(number_value(target)));
        }
        _ => {}
    }
    // From this day the indicator exists for a view of the past.
    table.insert("created", Item::Value(date_value(context.today)?));
    append_table(&mut file.doc, "indicators", table);
    let line = context.lang.fill(
        Msg::EditIndicatorAdded,
        &[&args.id, &(count + 1), &escape::terminal(args.name.trim())],
    );
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &[line])
}
