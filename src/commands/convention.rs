//! `ctg convention set`: the convention's name, territory, Caf and dates,
//! in `ctg.toml`.

use chrono::NaiveDate;
use toml_edit::Value;

use crate::Context;
use crate::cli::{ConventionArgs, ConventionCommand, ConventionSetArgs};
use crate::commands::{edit_outcome, open_editor};
use crate::edit::{date_value, set_value};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::Convention;
use crate::output::Output;
use crate::render::escape;

pub fn run(context: &Context, args: &ConventionArgs) -> Result<Output, Error> {
    match &args.command {
        ConventionCommand::Set(set) => set_convention(context, set),
    }
}

fn set_convention(context: &Context, args: &ConventionSetArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let texts = [&args.name, &args.territory, &args.caf];
    if texts
        .iter()
        .any(|t| t.as_ref().is_some_and(|t| t.trim().is_empty()))
    {
        return Err(Error::EmptyText);
    }
    let asked = texts.iter().any(|t| t.is_some())
        || args.adopted.is_some()
        || args.start.is_some()
        || args.end.is_some();
    if !asked {
        return Err(Error::NothingToChange);
    }
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let mut file = editor.convention_file()?;
    let lines = changes(args, &editor.plan.convention, file.doc.as_table_mut(), lang)?;
    if lines.is_empty() {
        return Ok(Output::confirmation(format!(
            "{}\n",
            lang.text(Msg::EditConventionUnchanged)
        )));
    }
    editor.stage(file);
    edit_outcome(editor, context, args.dry_run, &lines)
}

/// The fields that change, set in `doc`, with a line for each.
fn changes(
    args: &ConventionSetArgs,
    convention: &Convention,
    doc: &mut toml_edit::Table,
    lang: Lang,
) -> Result<Vec<String>, Error> {
    let mut lines = Vec::new();
    let day = |d: Option<NaiveDate>| d.map_or("—".to_string(), |d| lang.short_date(d));
    let dates = [
        (
            "adopted",
            Msg::FieldAdopted,
            args.adopted,
            &convention.adopted,
        ),
        ("start", Msg::FieldStart, args.start, &convention.start),
        ("end", Msg::FieldEnd, args.end, &convention.end),
    ];
    for (key, field, new, old) in dates {
        let old = old.as_ref().map(|d| d.value);
        if let Some(new) = new.filter(|new| Some(*new) != old) {
            set_value(doc, key, date_value(new)?);
            let words = [
                &lang.text(field) as &dyn std::fmt::Display,
                &day(old),
                &day(Some(new)),
            ];
            lines.push(lang.fill(Msg::EditConvention, &words));
        }
    }
    let texts = [
        (
            "name",
            Msg::FieldName,
            &args.name,
            Some(convention.name.as_str()),
        ),
        (
            "territory",
            Msg::FieldTerritory,
            &args.territory,
            Some(convention.territory.as_str()),
        ),
        ("caf", Msg::FieldCaf, &args.caf, convention.caf.as_deref()),
    ];
    for (key, field, new, old) in texts {
        let old = old.filter(|o| !o.is_empty());
        if let Some(new) = new
            .as_deref()
            .map(str::trim)
            .filter(|new| Some(*new) != old)
        {
            set_value(doc, key, Value::from(new));
            let quote = |t: Option<&str>| {
                t.map_or("—".to_string(), |t| {
                    format!("« {} »", escape::terminal(t))
                })
            };
            let words = [
                &lang.text(field) as &dyn std::fmt::Display,
                &quote(old),
                &quote(Some(new)),
            ];
            lines.push(lang.fill(Msg::EditConvention, &words));
        }
    }
    Ok(lines)
}
