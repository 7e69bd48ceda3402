//! `ctg collect`: workbooks sent to the pilots (`export`), read back into
//! the plan (`import`), and who answered (`status`).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::Context;
use crate::analysis::diff::{diff, entries};
use crate::cli::{
    CollectArgs, CollectCommand, CollectExportArgs, CollectImportArgs, CollectStatusArgs, SetArgs,
    ShowFormat, Target,
};
use crate::collect::Problem;
use crate::collect::apply::{Edit, plan_edits};
use crate::collect::export::workbook;
use crate::collect::read::{Answers, read};
use crate::collect::status::{Found, State, states};
use crate::collect::words::CollectMsg;
use crate::commands::{apply_set, changes_view, load_valid_plan, open_editor, warning_lines};
use crate::edit::{OUTPUT_TEMP_PREFIX, write_atomically};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Actor, Plan};
use crate::output::Output;
use crate::parallel;
use crate::render::document::Document;
use crate::render::table::Table;
use crate::render::{self, escape, markdown, terminal};
use crate::text::slug;

/// The largest workbook read: far above any plan's, far below a zip bomb's.
const MAX_WORKBOOK_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(context: &Context, args: &CollectArgs) -> Result<Output, Error> {
    match &args.command {
        CollectCommand::Export(export) => run_export(context, export),
        CollectCommand::Import(import) => run_import(context, import),
        CollectCommand::Status(status) => run_status(context, status),
    }
}

fn run_export(context: &Context, args: &CollectExportArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let dir = context.output.as_ref().ok_or(Error::CollectNeedsFolder)?;
    if dir.exists() && !dir.is_dir() {
        return Err(Error::NotAFolder { path: dir.clone() });
    }
    let plan = load_valid_plan(context)?;
    let declared = &plan.convention.actors;
    for name in &args.actor {
        if !declared.iter().any(|a| &a.id.value == name) {
            return Err(Error::UnknownActor {
                name: name.clone(),
                known: declared.iter().map(|a| a.id.value.clone()).collect(),
            });
        }
    }
    let year = args.year.unwrap_or(context.today.year());
    let chosen: Vec<&Actor> = declared
        .iter()
        .filter(|a| args.actor.is_empty() || args.actor.contains(&a.id.value))
        .collect();
    let made = parallel::map_each(&chosen, true, |_, actor| {
        workbook(&plan, actor, context.today, year, lang)
    });
    // Every workbook is made and every name checked before one is written.
    let mut ready = Vec::new();
    let mut lines = Vec::new();
    for (actor, made) in chosen.iter().zip(made) {
        let id = &actor.id.value;
        match made.map_err(Error::internal)? {
            None => lines.push(lang.fill(CollectMsg::NothingFor, &[id])),
            Some(export) => {
                let name = format!("suivi-{}-{}.xlsx", slug(id, "acteur"), context.today);
                let path = dir.join(&name);
                if path.exists() && !args.force {
                    return Err(Error::FileExists {
                        file: path.display().to_string(),
                    });
                }
                lines.push(lang.fill(
                    CollectMsg::Exported,
                    &[
                        id,
                        &path.display(),
                        &export.actions,
                        &export.modalities,
                        &export.indicators,
                    ],
                ));
                ready.push((path, export.bytes));
            }
        }
    }
    // The folder is made once there is something to put in it.
    if !ready.is_empty() {
        fs::create_dir_all(dir).map_err(|err| Error::write(dir, err))?;
    }
    for (path, bytes) in ready {
        write_atomically(&path, &bytes, OUTPUT_TEMP_PREFIX)
            .map_err(|err| Error::write(&path, err))?;
    }
    Ok(Output::confirmation(lines.join("\n") + "\n"))
}

/// Reads each workbook named; a file that cannot be read at all is a
/// failure, one that is not a workbook of this plan a problem.
fn read_all(files: &[PathBuf], plan: &Plan) -> Result<Vec<Found>, Error> {
    parallel::map_each(files, true, |_, path| read_one(path, plan))
        .into_iter()
        .collect()
}

fn read_one(path: &Path, plan: &Plan) -> Result<Found, Error> {
    let name = path.display().to_string();
    let failed = |err: std::io::Error| Error::ReadFailed {
        file: name.clone(),
        detail: err.to_string(),
    };
    let mut bytes = Vec::new();
    fs::File::open(path)
        .map_err(failed)?
        .take(MAX_WORKBOOK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > MAX_WORKBOOK_BYTES {
        return Err(failed(std::io::ErrorKind::FileTooLarge.into()));
    }
    let (answers, problems) = read(&name, bytes, plan);
    Ok(Found { answers, problems })
}

fn run_import(context: &Context, args: &CollectImportArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let mut editor = open_editor(context, args.dry_run, args.strict)?;
    let found = read_all(&args.files, &editor.plan)?;
    let problems: Vec<Problem> = found.iter().flat_map(|f| f.problems.clone()).collect();
    let workbooks: Vec<Answers> = found.into_iter().filter_map(|f| f.answers).collect();
    let planned = plan_edits(&editor.plan, &workbooks, problems, lang);
    if !planned.problems.is_empty() && !args.partial {
        return Err(Error::CollectRefused {
            problems: planned.problems,
        });
    }
    let skipped = skipped_lines(&planned.problems, lang);
    if planned.edits.is_empty() {
        let text = format!("{}\n{skipped}", lang.text(CollectMsg::ImportNothing));
        return Ok(Output::answer(text));
    }
    let before = editor.plan.clone();
    let mut files = Vec::new();
    for (id, edits) in &planned.edits {
        let (action, mut file) = editor.action_file(*id)?;
        for edit in edits {
            apply_set(&set_args(edit), action, &mut file, context)?;
        }
        files.push(file);
    }
    for file in files {
        editor.stage(file);
    }
    let committed = editor.commit(context, args.dry_run)?;
    let changes = entries(diff(&before, &committed.plan), lang, &committed.plan);
    let title = lang.fill(CollectMsg::ImportTitle, &[&workbooks.len()]);
    let view = changes_view(title, &changes, lang, true);
    let mut out = terminal::document(&view, lang, context.width);
    out.push_str(&warning_lines(&committed.new_warnings, lang));
    out.push_str(&skipped);
    if args.dry_run {
        out.push_str(lang.text(Msg::EditDryRun));
        out.push('\n');
        return Ok(Output::answer(out));
    }
    Ok(Output::confirmation(out))
}

/// The arguments `ctg set` takes for the same change.
fn set_args(edit: &Edit) -> SetArgs {
    SetArgs {
        target: Target {
            action: edit.action,
            modality: edit.modality,
        },
        status: edit.status,
        note: edit.note.clone(),
        due: edit.due,
        done: edit.done,
        indicator: edit.value.map(|(number, _, _)| number),
        year: edit.value.map(|(_, year, _)| year),
        value: edit.value.map(|(_, _, value)| value),
        by: edit.by.clone(),
        ..SetArgs::default()
    }
}

/// With `--partial`, the problems left aside, one per line.
fn skipped_lines(problems: &[Problem], lang: Lang) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = lang.fill(CollectMsg::ImportSkipped, &[&problems.len()]);
    out.push('\n');
    for problem in problems {
        out.push_str(&format!(
            "  - {}\n",
            escape::terminal(&problem.describe(lang))
        ));
    }
    out
}

fn run_status(context: &Context, args: &CollectStatusArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let plan = load_valid_plan(context)?;
    let mut files = Vec::new();
    for folder in &args.folders {
        files.extend(workbooks_in(folder)?);
    }
    let found = read_all(&files, &plan)?;
    // A file no actor can be given (not a workbook, another plan's) is said below the table.
    let unread: Vec<&Problem> = found
        .iter()
        .filter(|f| f.answers.is_none())
        .flat_map(|f| &f.problems)
        .collect();
    let states = states(&plan, &found, lang);
    if args.format == ShowFormat::Json {
        return Ok(Output::answer(render::json(&states)?));
    }
    let folder = args
        .folders
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut doc = Document::new();
    if files.is_empty() {
        doc.paragraph(lang.fill(CollectMsg::StatusNone, &[&folder]));
    } else {
        doc.title_line(lang.fill(CollectMsg::StatusTitle, &[&folder]));
    }
    let header = [
        CollectMsg::ColActor,
        CollectMsg::ColSent,
        CollectMsg::ColAnswer,
        CollectMsg::ColState,
    ]
    .map(|m| lang.text(m).to_string());
    let mut table = Table::new(header.to_vec());
    table.wrap(2);
    for state in &states {
        let sent = state.sent.map(|d| lang.short_date(d)).unwrap_or_default();
        let answers = state
            .answers
            .iter()
            .map(|file| file_name(file))
            .collect::<Vec<_>>()
            .join(", ");
        let said = match state.state {
            State::NeverSent => lang.text(CollectMsg::StateNeverSent).to_string(),
            State::Waiting => lang.text(CollectMsg::StateWaiting).to_string(),
            State::ToImport => lang.fill(CollectMsg::StateToImport, &[&state.pending]),
            State::Problems => lang.fill(CollectMsg::StateProblems, &[&state.problems]),
            State::Imported => lang.text(CollectMsg::StateImported).to_string(),
        };
        table.row(vec![
            escape::terminal(&state.actor).into(),
            sent.into(),
            escape::terminal(&answers).into(),
            said.into(),
        ]);
    }
    doc.table(table);
    for problem in unread {
        doc.paragraph(escape::terminal(&problem.describe(lang)));
    }
    Ok(Output::answer(match args.format {
        ShowFormat::Md => markdown::document(&doc, lang),
        _ => terminal::document(&doc, lang, context.width),
    }))
}

/// The workbooks of a folder (.xlsx, .ods), by name; office programs'
/// lock files (`~$…`, `.~lock…`) left out.
fn workbooks_in(folder: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = fs::read_dir(folder).map_err(|_| Error::NoSuchFolder {
        dir: folder.to_path_buf(),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let name = file_name(&path.display().to_string());
            let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
            path.is_file()
                && !name.starts_with("~$")
                && !name.starts_with(".~lock")
                && matches!(extension.as_deref(), Some("xlsx" | "ods"))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().to_string())
}
