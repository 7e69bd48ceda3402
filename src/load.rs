//! From the plan's files to a typed `Plan`, with every problem met on the
//! way collected as a diagnostic.
//!
//! A file with a TOML syntax error contributes its syntax diagnostics and
//! nothing else; a file that parses contributes whatever it holds, even with
//! wrong fields, so that one run reports every problem of every file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use toml::de::{DeTable, DeValue};

use crate::diag::Diagnostic;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Axis, Convention, LogEntry, Meeting, Modality, Plan, Status};
use crate::parallel;
use crate::reader::rules as format;
use crate::reader::{Field, FieldType, FileContext, TableReader, syntax};
use crate::source::{FileKind, SourceFile, SourceSet, read_plan};
use crate::span::FileId;
use crate::span::Located;

/// The schema version this build reads.
pub const SCHEMA_VERSION: i64 = 1;

mod convention;
mod indicators;
mod money;

use convention::read_convention;
use indicators::read_indicator;

/// Ids are small positive numbers; the cap keeps them printable in a column.
const MAX_ID: i64 = 9999;

/// Below this many bytes of TOML, a plan is read on one thread: starting
/// threads would cost more than they save (the bundled plan is far below).
pub(crate) const PARALLEL_BYTES: usize = 256 * 1024;

/// The years an indicator value may be keyed by: anything else is a typo.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Reads the plan in `root`. The plan is always returned, with what could be
/// read; `diags` says what could not.
pub fn load(root: &Path, lang: Lang) -> (Plan, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let sources = read_plan(root, lang, &mut diags);
    let plan = from_sources(root, sources, lang, &mut diags);
    (plan, diags)
}

/// Parses files already read (by `read_plan`, or built in memory by tests).
pub fn from_sources(
    root: &Path,
    sources: SourceSet,
    lang: Lang,
    diags: &mut Vec<Diagnostic>,
) -> Plan {
    let (plan, files) = from_sources_by_file(root, sources, lang);
    diags.extend(files.into_iter().flat_map(|file| file.diags));
    plan
}

/// What loading one file found: its problems, and whether it gave its item.
pub struct FileLoad {
    pub diags: Vec<Diagnostic>,
    pub complete: bool,
}

/// `from_sources`, with what each file gave kept apart, so that an edit
/// parses again only the files it changes.
pub fn from_sources_by_file(
    root: &Path,
    mut sources: SourceSet,
    lang: Lang,
) -> (Plan, Vec<FileLoad>) {
    let mut plan = Plan {
        root: root.to_path_buf(),
        sources: std::sync::Arc::new(SourceSet::empty()),
        convention: Convention::default(),
        axes: Vec::new(),
        actions: Vec::new(),
        meetings: Vec::new(),
        incomplete: Vec::new(),
    };
    // On every core for a large plan; diagnostics kept in the files' order.
    let weight: usize = (sources.files.iter())
        .map(|file| file.text().map_or(0, str::len))
        .sum();
    // Sized once: growing by doubling would hold two copies at the peak.
    let kinds = &sources.kinds;
    let count = kinds.iter().filter(|&&kind| kind == FileKind::Action);
    let actions = Mutex::new(Vec::with_capacity(count.count()));
    let read = parallel::map_mut(
        &mut sources.files,
        weight > PARALLEL_BYTES,
        |index, file| {
            let (item, diags) = read_file(FileId(index), file, kinds[index], lang);
            // A file without a problem has nothing to show yet: its text can
            // go while the next ones are parsed, and be read again if need be.
            if diags.is_empty() {
                file.let_go();
            }
            // An action takes its place at once, in any order (`settle` sorts
            // them): waiting for its turn, every action would be held twice.
            let item = match item {
                Item::Action(Some(action)) => {
                    let mut actions = actions.lock().unwrap_or_else(PoisonError::into_inner);
                    actions.push(*action);
                    Item::Placed
                }
                item => item,
            };
            (item, diags)
        },
    );
    plan.actions = actions.into_inner().unwrap_or_else(PoisonError::into_inner);
    let files: Vec<FileLoad> = read
        .into_iter()
        .map(|(item, diags)| FileLoad {
            complete: place(&mut plan, item),
            diags,
        })
        .collect();
    plan.sources = std::sync::Arc::new(sources);
    settle(&mut plan, &files);
    (plan, files)
}

/// Puts a file's item into the plan, and says whether there was a whole one.
pub(crate) fn place(plan: &mut Plan, item: Item) -> bool {
    match item {
        Item::Convention(convention) => {
            plan.convention = *convention;
            plan.convention.schema.is_some()
        }
        Item::Axis(axis) => push_some(&mut plan.axes, axis.map(|a| *a)),
        Item::Action(action) => push_some(&mut plan.actions, action.map(|a| *a)),
        Item::Meeting(meeting) => push_some(&mut plan.meetings, meeting.map(|m| *m)),
        Item::Placed => true,
        Item::Broken => false,
    }
}

/// Sorts the plan's items (ties in the files' order, wherever an item was
/// placed from) and lists the kinds of files that gave none.
pub(crate) fn settle(plan: &mut Plan, files: &[FileLoad]) {
    let sources = &plan.sources;
    plan.incomplete = sources.unread.clone();
    let missing = files
        .iter()
        .zip(&sources.kinds)
        .filter(|(file, _)| !file.complete);
    plan.incomplete.extend(missing.map(|(_, &kind)| kind));
    // Each key names one file, so an unstable sort is as stable as any, and
    // it needs no scratch copy of the actions (half of them, at the peak).
    plan.axes
        .sort_unstable_by_key(|axis| (axis.id.value, axis.file));
    plan.actions
        .sort_unstable_by_key(|action| (action.id.value, action.file));
    plan.meetings
        .sort_unstable_by_key(|meeting| (meeting.date.value, meeting.file));
}

/// What one file holds, once read; `Broken` when its TOML does not parse.
pub(crate) enum Item {
    // Boxed: the items of every file wait side by side until placed, and
    // each is many times a pointer's size.
    Convention(Box<Convention>),
    Axis(Option<Box<Axis>>),
    Action(Option<Box<Action>>),
    Meeting(Option<Box<Meeting>>),
    /// A whole action, already in the plan.
    Placed,
    Broken,
}

/// Reads one file into what it holds, with the problems met in it.
pub(crate) fn read_file(
    file_id: FileId,
    file: &SourceFile,
    kind: FileKind,
    lang: Lang,
) -> (Item, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut ctx = FileContext {
        file: file_id,
        name: file.name.clone(),
        lang,
        diags: &mut diags,
        fields: None,
    };
    let (document, errors) = syntax::parse(file.text().unwrap_or_default(), lang);
    if !errors.is_empty() {
        for (span, message) in errors {
            ctx.error(
                &format::TOML_SYNTAX,
                span,
                message,
                Some(format::FIX_SYNTAX.get(lang).to_string()),
            );
        }
        return (Item::Broken, diags);
    }
    let reader = TableReader::new(document.get_ref(), document.span(), "");
    let item = match kind {
        FileKind::Convention => Item::Convention(Box::new(read_convention(reader, &mut ctx))),
        FileKind::Axis => Item::Axis(read_axis(reader, &mut ctx).map(Box::new)),
        FileKind::Action => Item::Action(read_action(reader, &mut ctx).map(Box::new)),
        FileKind::Meeting => Item::Meeting(read_meeting(reader, &mut ctx).map(Box::new)),
    };
    (item, diags)
}

/// The fields of every table of a kind of file, as the readers below ask
/// for them: the loader is the one description of the format, and the
/// JSON Schema is made from it. Each reader runs once over a skeleton
/// holding one of each nested table, so that every table is visited.
pub fn fields_of(kind: FileKind) -> BTreeMap<&'static str, Vec<Field>> {
    let skeleton = match kind {
        FileKind::Convention => "[actors.x]\n[bodies.x]\n",
        FileKind::Action => "[[modalities]]\n[[indicators]]\n[[log]]\n",
        FileKind::Axis | FileKind::Meeting => "",
    };
    let (document, _) = DeTable::parse_recoverable(skeleton);
    let mut ignored = Vec::new();
    let mut ctx = FileContext {
        file: FileId(0),
        name: String::new(),
        lang: Lang::En,
        diags: &mut ignored,
        fields: Some(BTreeMap::new()),
    };
    let reader = TableReader::new(document.get_ref(), document.span(), "");
    match kind {
        FileKind::Convention => drop(read_convention(reader, &mut ctx)),
        FileKind::Axis => drop(read_axis(reader, &mut ctx)),
        FileKind::Action => drop(read_action(reader, &mut ctx)),
        FileKind::Meeting => drop(read_meeting(reader, &mut ctx)),
    }
    ctx.fields.unwrap_or_default()
}

/// The `id` of an axis or an action, or the axis an action belongs to:
/// required, a positive integer.
fn read_id(
    table: &mut TableReader,
    ctx: &mut FileContext,
    key: &'static str,
) -> Option<Located<u32>> {
    table.require(ctx, key);
    let id = table.integer_any(ctx, key, 1..=MAX_ID)?;
    if !(1..=MAX_ID).contains(&id.value) {
        let lang = ctx.lang;
        let message = match id.value {
            ..=0 => format::ID_NOT_POSITIVE.fill(lang, &[&id.value]),
            _ => format::ID_TOO_LARGE.fill(lang, &[&MAX_ID, &id.value]),
        };
        let help = Some(format::INTEGER_BETWEEN.fill(lang, &[&key, &1, &MAX_ID]));
        let span = id.span.range();
        ctx.error(&format::INVALID_ID, span, message, help);
        return None;
    }
    Some(Located {
        value: id.value as u32,
        span: id.span,
    })
}

fn read_axis(mut table: TableReader, ctx: &mut FileContext) -> Option<Axis> {
    let id = read_id(&mut table, ctx, "id");
    let title = text(table.title(ctx, "title"));
    let theme = table.string(ctx, "theme").map(|t| t.value);
    table.finish(ctx);
    Some(Axis {
        id: id?,
        title,
        theme,
        file: ctx.file,
    })
}

/// A status keyword. A label ("en cours") is an error whose help gives the
/// keyword, and the status it names is kept so that checking can go on.
fn read_status(table: &mut TableReader, ctx: &mut FileContext) -> Option<Located<Status>> {
    let word = table.status_word(ctx)?;
    if let Some(status) = Status::from_keyword(&word.value) {
        return Some(Located {
            value: status,
            span: word.span,
        });
    }
    let lang = ctx.lang;
    let guess = Status::from_words(&word.value);
    let help = match guess {
        Some(status) => format::WRITE_KEYWORD.fill(lang, &[&status.keyword(), &word.value]),
        None => format::STATUSES_ALLOWED.get(lang).to_string(),
    };
    ctx.error(
        &format::INVALID_STATUS,
        word.span.range(),
        format::STATUS_NOT_KEYWORD.fill(lang, &[&word.value]),
        Some(help),
    );
    guess.map(|status| Located {
        value: status,
        span: word.span,
    })
}

fn read_action(mut table: TableReader, ctx: &mut FileContext) -> Option<Action> {
    let id = read_id(&mut table, ctx, "id");
    let axis = read_id(&mut table, ctx, "axis");
    let title = text(table.title(ctx, "title"));
    let short_title = table.string(ctx, "short_title").map(|t| t.value);
    let status = read_status(&mut table, ctx);
    let pilots = table.string_list(ctx, "pilots");
    let roles = table
        .entries(ctx, "roles", &FieldType::Text)
        .into_iter()
        .filter_map(|(actor, value)| match value.get_ref() {
            DeValue::String(role) => Some((actor.owned(), role.to_string())),
            _ => {
                ctx.wrong_type(actor.value, Msg::TypeString, value);
                None
            }
        })
        .collect();
    let partners = table.string_list(ctx, "partners");
    let pilot_note = table.string(ctx, "pilot_note").map(|n| n.value);
    let coordination = table.bool(ctx, "coordination").unwrap_or(false);
    let within_competences = table.bool(ctx, "within_competences").unwrap_or(false);
    let start = table.date(ctx, "start");
    let due = table.date(ctx, "due");
    let publics = strings(table.string_list(ctx, "publics"));
    let communes = table.string_list(ctx, "communes");
    let budget = table.amount(ctx, "budget");
    let spent = indicators::read_yearly(&mut table, ctx, "spent");
    let financers = money::read_financers(&mut table, ctx);
    let modalities = table
        .tables(ctx, "modalities", "modalities[]")
        .into_iter()
        .map(|sub| read_modality(sub, ctx))
        .collect();
    let indicators = table
        .tables(ctx, "indicators", "indicators[]")
        .into_iter()
        .map(|sub| read_indicator(sub, ctx))
        .collect();
    // Sized to the entries written: collected through a filter, the
    // journal would grow by doubling, and keep up to half of it empty.
    let entries = table.tables(ctx, "log", "log[]");
    let mut log = Vec::with_capacity(entries.len());
    log.extend(
        entries
            .into_iter()
            .filter_map(|sub| read_log_entry(sub, ctx)),
    );
    let created = table.date(ctx, "created");
    table.finish(ctx);
    Some(Action {
        id: id?,
        axis,
        title,
        short_title,
        status: status.as_ref().map_or(Status::Planned, |s| s.value),
        status_span: status.map(|s| s.span),
        pilots,
        roles,
        partners,
        pilot_note,
        coordination,
        within_competences,
        start,
        due,
        publics,
        communes,
        budget,
        spent,
        financers,
        modalities,
        indicators,
        log,
        created,
        file: ctx.file,
    })
}

fn read_modality(mut table: TableReader, ctx: &mut FileContext) -> Modality {
    let modality = Modality {
        text: text(table.title(ctx, "text")),
        status: read_status(&mut table, ctx).map_or(Status::Planned, |s| s.value),
        done: table.date(ctx, "done"),
        commune: table.string(ctx, "commune").map(Box::new),
        pilots: table.string_list(ctx, "pilots").into_boxed_slice(),
        created: table.date(ctx, "created"),
    };
    table.finish(ctx);
    modality
}

fn read_log_entry(mut table: TableReader, ctx: &mut FileContext) -> Option<LogEntry> {
    table.require(ctx, "date");
    let date = table.date(ctx, "date");
    let note = text(table.title(ctx, "note"));
    let status = read_status(&mut table, ctx).map(|s| s.value);
    let by = table.string(ctx, "by");
    table.finish(ctx);
    Some(LogEntry {
        date: date?,
        note,
        status,
        by: by.map(Box::new),
    })
}

fn read_meeting(mut table: TableReader, ctx: &mut FileContext) -> Option<Meeting> {
    let body = table.required_string(ctx, "body");
    table.require(ctx, "date");
    let date = table.date(ctx, "date");
    let title = text(table.title(ctx, "title"));
    let agenda = strings(table.string_list(ctx, "agenda"));
    let attendees = strings(table.string_list(ctx, "attendees"));
    let decisions = strings(table.string_list(ctx, "decisions"));
    let notes = table.string(ctx, "notes").map(|n| n.value);
    table.finish(ctx);
    Some(Meeting {
        body: body?,
        date: date?,
        title,
        agenda,
        attendees,
        decisions,
        notes,
        file: ctx.file,
    })
}

/// Pushes the item if there is one, and says whether there was.
fn push_some<T>(items: &mut Vec<T>, item: Option<T>) -> bool {
    let found = item.is_some();
    items.extend(item);
    found
}

fn text(value: Option<Located<String>>) -> String {
    value.map(|v| v.value).unwrap_or_default()
}

fn strings(values: Vec<Located<String>>) -> Vec<String> {
    values.into_iter().map(|v| v.value).collect()
}
