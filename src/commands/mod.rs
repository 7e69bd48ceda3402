//! One module per command; each turns arguments and a plan into output text.

pub mod check;
pub mod collect;
pub mod convention;
pub mod diff;
pub mod indicator;
pub mod init;
pub mod list;
pub mod log;
pub mod meeting;
pub mod modality;
pub mod new;
pub mod pilots;
pub mod portfolio;
pub mod report;
pub mod schema;
pub mod set;
pub mod shell;
pub mod show;
pub mod status;
pub mod words;

/// The change `ctg set` makes, for a command that makes the same change
/// from another source (`collect import`, from a pilot's workbook).
pub use set::apply as apply_set;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::Context;
use crate::analysis::diff::ChangeEntry;
use crate::check::{check, validate};
use crate::diag::{self, Diagnostic, Severity};
use crate::edit::{EditableFile, NewEntry, PlanEditor, insert_log, set_value};
use crate::error::{Error, Invalid};
use crate::git::{Repo, Revision};
use crate::i18n::{Lang, Msg};
use crate::load::{FileLoad, from_sources_by_file};
use crate::model::{Action, Period, Plan, Status, latest_move};
use crate::output::Output;
use crate::render::document::{Block, Document};
use crate::render::table::Table;
use crate::source::{SourceSet, find_plan_dir};

/// The plan folder, or why there is none.
pub fn find_root(context: &Context) -> Result<PathBuf, Error> {
    match find_plan_dir(context.plan.as_deref(), &context.cwd) {
        None => Err(Error::NoPlan {
            from: context.cwd.clone(),
        }),
        Some(root) if root.is_dir() => Ok(root),
        Some(root) if root.exists() => Err(Error::NotAFolder { path: root }),
        Some(root) => Err(Error::PlanFolderMissing { dir: root }),
    }
}

/// Finds, loads and checks the plan; a plan with errors is refused with
/// its errors, so that no command ever answers from a broken plan.
pub fn load_valid_plan(context: &Context) -> Result<Plan, Error> {
    let root = find_root(context)?;
    let (plan, mut diags) = validate(&root, context.today, context.lang);
    if diag::has_errors(&diags) {
        diags.retain(|diag| diag.severity == Severity::Error);
        return Err(Error::PlanInvalid(Box::new(Invalid {
            diagnostics: diags,
            sources: plan.sources,
            revision: None,
        })));
    }
    Ok(plan)
}

/// The plan as it was at a revision, checked; a plan with errors there is
/// refused with its diagnostics, as for any command.
pub fn plan_at(repo: &Repo, revision: &Revision, context: &Context) -> Result<Plan, Error> {
    let blobs = repo.plan_files(revision)?;
    let mut diags = Vec::new();
    let sources = SourceSet::from_blobs(blobs, context.lang, &mut diags);
    let root = Path::new(&revision.name);
    let (plan, files) = from_sources_by_file(root, sources, context.lang);
    checked_at(plan, &files, diags, revision, context)
}

/// A plan read at a revision file by file into `files`, with `diags` met
/// reading its files, checked: refused with its errors if it has any.
pub fn checked_at(
    plan: Plan,
    files: &[FileLoad],
    mut diags: Vec<Diagnostic>,
    revision: &Revision,
    context: &Context,
) -> Result<Plan, Error> {
    diags.extend(files.iter().flat_map(|file| file.diags.iter().cloned()));
    diags.extend(check(&plan, context.today, context.lang));
    if diag::has_errors(&diags) {
        diags.retain(|d| d.severity == Severity::Error);
        diag::sort(&mut diags, &plan.sources);
        return Err(Error::PlanInvalid(Box::new(Invalid {
            diagnostics: diags,
            sources: plan.sources,
            revision: Some(revision.name.clone()),
        })));
    }
    Ok(plan)
}

/// Commits an edit and says what it did: the lines describing the change
/// (a confirmation), or, for a dry run, the diff and a reminder that
/// nothing was written (the answer asked for).
pub fn edit_outcome(
    editor: PlanEditor,
    context: &Context,
    dry_run: bool,
    lines: &[String],
) -> Result<Output, Error> {
    let committed = editor.commit(context, dry_run)?;
    let mut out = committed.diff;
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&warning_lines(&committed.new_warnings, context.lang));
    left_to_exit(committed.plan);
    if dry_run {
        out.push_str(context.lang.text(Msg::EditDryRun));
        out.push('\n');
        return Ok(Output::answer(out));
    }
    Ok(Output::confirmation(out))
}

/// Changes between two states of the plan as a list (a document), or as a
/// table of action and change (a terminal): `ctg diff`, and what
/// `collect import` does.
pub fn changes_view(
    title: String,
    changes: &[ChangeEntry],
    lang: Lang,
    as_table: bool,
) -> Document {
    let mut doc = Document::new();
    doc.title_line(title);
    if changes.is_empty() {
        doc.paragraph(lang.text(Msg::DiffNone));
    } else if as_table {
        let header = [Msg::ColId, Msg::ColChange].map(|m| lang.text(m).to_string());
        let mut table = Table::new(header.to_vec());
        table.wrap(1);
        for entry in changes {
            let id = entry.change.action().map(|a| a.to_string());
            table.row(vec![
                id.unwrap_or_default().into(),
                entry.message.clone().into(),
            ]);
        }
        doc.table(table);
    } else {
        doc.push(Block::List(
            changes.iter().map(|c| c.message.clone()).collect(),
        ));
    }
    doc
}

/// What an edit leaves for `check` to warn about, said now: one line each.
pub fn warning_lines(warnings: &[crate::diag::Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for warning in warnings {
        let file = warning.file.as_deref().unwrap_or("ctg.toml");
        let message = crate::render::escape::terminal(&warning.message);
        out.push_str(&lang.fill(Msg::EditNewWarning, &[&warning.code(), &file, &message]));
        out.push('\n');
    }
    out
}

/// A period a view is asked for (a report's, or the single day of
/// `status --at`), checked against the convention's dates: wholly outside
/// them it is refused, unless `force`, when the note to show is returned.
pub fn check_period(
    plan: &Plan,
    period: Period,
    force: bool,
    lang: Lang,
) -> Result<Option<String>, Error> {
    if !plan.outside_convention(period) {
        return Ok(None);
    }
    let start = plan.convention.start.as_ref().map(|d| d.value);
    let end = plan.convention.end.as_ref().map(|d| d.value);
    if !force {
        return Err(Error::OutsideConvention { period, start, end });
    }
    let bound =
        |day: Option<chrono::NaiveDate>| day.map_or("…".to_string(), |d| lang.short_date(d));
    Ok(Some(lang.fill(
        Msg::OutsideConventionNote,
        &[&period.label(lang), &bound(start), &bound(end)],
    )))
}

/// Leaves a large value to the system at exit instead of freeing it one
/// allocation at a time: the process ends once the answer is printed, and
/// freeing the million small parts of a large plan and its bilan took a
/// fifth of `ctg report` (compilers do the same: clang's `-disable-free`).
pub fn left_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Where the fields the journal does not date (titles, pilots, due dates)
/// are read for a day.
pub enum DayFields {
    /// The plan as read: a revision asked for with `--rev`, or a day that
    /// is today or later, whose truth is the files as they are.
    AsRead,
    /// The plan as last committed on or before that day.
    Committed(Box<Plan>),
    /// Git holds no version of the plan by then: the fields are today's,
    /// and a view says so.
    Unknown,
}

impl DayFields {
    /// The fields of `day` for `plan`, read with `--rev` or not.
    pub fn of(plan: &Plan, day: NaiveDate, at_revision: bool, context: &Context) -> DayFields {
        if at_revision || day >= context.today {
            return DayFields::AsRead;
        }
        let committed = Repo::of(&plan.root).ok().and_then(|repo| {
            let revision = repo.last_commit_by(day)?;
            plan_at(&repo, &revision, context).ok()
        });
        committed.map_or(DayFields::Unknown, |plan| {
            DayFields::Committed(Box::new(plan))
        })
    }

    /// The plan as committed that day, when it is not the plan as read.
    pub fn committed(&self) -> Option<&Plan> {
        match self {
            DayFields::Committed(committed) => Some(committed),
            DayFields::AsRead | DayFields::Unknown => None,
        }
    }

    /// Whether the fields of that day are known: `Unknown` is not.
    pub fn known(&self) -> bool {
        !matches!(self, DayFields::Unknown)
    }

    /// The plan to take the fields from; `None` when git cannot tell.
    pub fn source<'a>(&'a self, plan: &'a Plan) -> Option<&'a Plan> {
        match self {
            DayFields::AsRead => Some(plan),
            DayFields::Committed(committed) => Some(committed),
            DayFields::Unknown => None,
        }
    }
}

/// The plan a view reads: the files on disk, or with `--rev`, the plan as
/// committed at that revision.
pub fn plan_for(context: &Context, rev: Option<&str>) -> Result<Plan, Error> {
    let Some(rev) = rev else {
        return load_valid_plan(context);
    };
    let repo = Repo::of(&find_root(context)?)?;
    let revision = repo.resolve(rev)?;
    plan_at(&repo, &revision, context)
}

/// An action's journal as (day, status moved to), in the order written.
pub type Journal = Vec<(NaiveDate, Option<Status>)>;

pub fn journal_of(action: &Action) -> Journal {
    action
        .log
        .iter()
        .map(|entry| (entry.date.value, entry.status))
        .collect()
}

/// Writes a journal entry in date order. A status move becomes the
/// action's status when it is the journal's latest; dated before a later
/// move, it is history only, and a line says the status stays.
pub fn record_entry(
    file: &mut EditableFile,
    action: &Action,
    entry: &NewEntry,
    lang: Lang,
    lines: &mut Vec<String>,
) -> Result<(), Error> {
    let place = insert_log(&mut file.doc, entry)?;
    let mut journal = journal_of(action);
    journal.insert(place.min(journal.len()), (entry.date, entry.status));
    let Some(moved_to) = entry.status else {
        return Ok(());
    };
    match latest_move(journal) {
        Some((latest, day, _)) if latest != place => lines.push(lang.fill(
            Msg::EditLogHistory,
            &[
                &action.id.value,
                &lang.short_date(entry.date),
                &action.status.label(lang),
                &lang.short_date(day),
            ],
        )),
        _ => set_status(file, action, moved_to, lang, lines),
    }
    Ok(())
}

/// After an entry was corrected or removed: when the journal's latest
/// move is another one, the action's status follows it.
pub fn status_follows_journal(
    file: &mut EditableFile,
    action: &Action,
    after: Journal,
    lang: Lang,
    lines: &mut Vec<String>,
) {
    let before = action.latest_move().map(|(_, day, status)| (day, status));
    let after = latest_move(after).map(|(_, day, status)| (day, status));
    if let Some((_, status)) = after.filter(|latest| Some(*latest) != before) {
        set_status(file, action, status, lang, lines);
    }
}

fn set_status(
    file: &mut EditableFile,
    action: &Action,
    status: Status,
    lang: Lang,
    lines: &mut Vec<String>,
) {
    if status == action.status {
        return;
    }
    set_value(
        file.doc.as_table_mut(),
        "status",
        toml_edit::Value::from(status.keyword()),
    );
    lines.push(lang.fill(
        Msg::EditStatus,
        &[
            &action.id.value,
            &action.status.label(lang),
            &status.label(lang),
        ],
    ));
}

/// The editor of an edit command: the plan found and read, locked unless
/// a dry run, refusing an edit that adds warnings when `strict`.
pub fn open_editor(context: &Context, dry_run: bool, strict: bool) -> Result<PlanEditor, Error> {
    let root = find_root(context)?;
    let mut editor = PlanEditor::open(&root, context, dry_run)?;
    editor.strict = strict;
    Ok(editor)
}
