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
use crate::text::fold;

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
    let name = format!("actions/{id:02}-{}.toml", slug(&args.title));
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

/// The longest slug: file names stay short enough to read in a listing.
const SLUG_MAX: usize = 40;

/// A file name from a title: accents folded, lower case, words joined by
/// hyphens, at most six words and forty characters.
pub fn slug(title: &str) -> String {
    let folded = fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(6)
        .collect();
    let mut slug = String::new();
    for word in words {
        // Words are ASCII here; one longer than the limit is cut to it.
        let word = &word[..word.len().min(SLUG_MAX)];
        if !slug.is_empty() && slug.len() + word.len() + 1 > SLUG_MAX {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        "action".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(
            slug("Créer un lieu d'accueil enfants-parents"),
            "creer-un-lieu-d-accueil-enfants"
        );
        assert_eq!(slug("Été"), "ete");
        assert_eq!(
            slug("Œuvrer au cœur des bourgs"),
            "oeuvrer-au-coeur-des-bourgs"
        );
        assert_eq!(slug("!!!"), "action");
        assert_eq!(slug(&"a".repeat(300)), "a".repeat(40));
    }
}
