//! `ctg meeting`: record a meeting held (a new file in `meetings/`), or
//! list the meetings held.

use toml_edit::{Array, DocumentMut, Item, value};

use crate::Context;
use crate::analysis::meetings::MeetingList;
use crate::cli::{MeetingAddArgs, MeetingArgs, MeetingCommand, MeetingListArgs, PilotsFormat};
use crate::commands::{edit_outcome, load_valid_plan, open_editor};
use crate::edit::date_value;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::output::Output;
use crate::render::document::Document;
use crate::render::table::{Cell, Table};
use crate::render::{self, csv, markdown, terminal};
use crate::source::FileKind;

pub fn run(context: &Context, args: &MeetingArgs) -> Result<Output, Error> {
    match &args.command {
        MeetingCommand::Add(add) => record(context, add),
        MeetingCommand::List(list) => list_meetings(context, list),
    }
}

fn record(context: &Context, args: &MeetingAddArgs) -> Result<Output, Error> {
    let texts = args.decision.iter().chain(&args.attendee);
    let blank = |text: &Option<String>| text.as_ref().is_some_and(|t| t.trim().is_empty());
    if texts.into_iter().any(|t| t.trim().is_empty()) || blank(&args.title) || blank(&args.note) {
        return Err(Error::EmptyText);
    }
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    // A body the plan does not declare is a usage error that lists them,
    // rather than a file refused for two errors.
    let bodies = &editor.plan.convention.bodies;
    let folded = crate::text::fold(args.body.trim());
    let Some(body) = bodies
        .iter()
        .find(|b| crate::text::fold(&b.key.value) == folded)
    else {
        return Err(Error::UnknownBody {
            name: args.body.clone(),
            known: bodies.iter().map(|b| b.key.value.clone()).collect(),
        });
    };
    let key = body.key.value.clone();
    // The title a person would write: the body's name, unless given.
    let title = args
        .title
        .clone()
        .or_else(|| Some(body.name.clone()).filter(|n| !n.is_empty()));
    let name = format!(
        "meetings/{}-{}.toml",
        args.date.format("%Y-%m-%d"),
        crate::text::fold(&key)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            })
            .collect::<String>()
    );
    if editor.plan.root.join(&name).exists() {
        return Err(Error::FileExists { file: name });
    }
    editor.stage_new(
        name.clone(),
        FileKind::Meeting,
        meeting_text(args, &key, title.as_deref())?,
    );
    let line = context.lang.fill(
        Msg::EditMeetingAdded,
        &[&key, &context.lang.short_date(args.date), &name],
    );
    edit_outcome(editor, context, args.dry_run, &[line])
}

/// The new file, laid out like the meeting files people write.
fn meeting_text(args: &MeetingAddArgs, key: &str, title: Option<&str>) -> Result<String, Error> {
    let mut doc = DocumentMut::new();
    doc.insert("body", value(key));
    doc.insert("date", Item::Value(date_value(args.date)?));
    if let Some(title) = title {
        doc.insert("title", value(title.trim()));
    }
    for (key, texts) in [("attendees", &args.attendee), ("decisions", &args.decision)] {
        if !texts.is_empty() {
            doc.insert(key, value(list(texts)));
        }
    }
    if let Some(note) = &args.note {
        doc.insert("notes", value(note.trim()));
    }
    Ok(doc.to_string())
}

/// One text a line when there are several, as in a hand-written file.
fn list(texts: &[String]) -> Array {
    let mut array: Array = texts.iter().map(|t| t.trim()).collect();
    if texts.len() > 1 {
        for item in array.iter_mut() {
            item.decor_mut().set_prefix("\n  ");
        }
        array.set_trailing_comma(true);
        array.set_trailing("\n");
    }
    array
}

fn list_meetings(context: &Context, args: &MeetingListArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let list = MeetingList::build(&plan, args.year, args.body.as_deref());
    let lang = context.lang;
    Ok(Output::answer(match args.format {
        PilotsFormat::Json => render::json(&list)?,
        PilotsFormat::Csv => csv::write(args.csv_dialect, &table(&list, lang, "\n"))?,
        PilotsFormat::Table => terminal::document(&view(&list, lang), lang, context.width),
        PilotsFormat::Md => markdown::document(&view(&list, lang), lang),
    }))
}

fn table(list: &MeetingList, lang: Lang, between: &str) -> Table {
    let header = [Msg::ColDate, Msg::ColBody, Msg::ColTitle, Msg::ColDecisions]
        .map(|m| lang.text(m).to_string())
        .to_vec();
    let mut table = Table::new(header);
    table.wrap(2).wrap(3);
    for meeting in &list.meetings {
        table.row(vec![
            Cell::from(Some(meeting.date)),
            Cell::from(meeting.body.as_str()),
            Cell::from(meeting.title.as_str()),
            Cell::from(meeting.decisions.join(between)),
        ]);
    }
    table
}

fn view(list: &MeetingList, lang: Lang) -> Document {
    let mut doc = Document::new();
    if list.meetings.is_empty() {
        doc.paragraph(lang.text(Msg::MeetingNone));
    } else {
        doc.table(table(list, lang, " ; "));
    }
    doc
}
