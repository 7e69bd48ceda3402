//! The one module that writes plan files.
//!
//! An edit must look like a careful person's: only the values it changes
//! differ (toml_edit keeps comments, order, spacing; a byte order mark and
//! each line's end are put back), the whole plan is checked in memory
//! before anything is written and an edit that would leave an error writes
//! nothing, each file is replaced atomically (temporary file beside it,
//! flushed, renamed), and concurrent writers take turns on a lock held from
//! the first read to the last write. A plan with a file that cannot be read
//! is not edited at all: what is in that file could not be checked.

mod after;
mod ends;
mod journal;
mod lock;
mod toml;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use crate::Context;
use crate::check::check;
use crate::diag::{self, Diagnostic, Severity};
use crate::error::{Error, Invalid};
use crate::load::{FileLoad, from_sources_by_file};
use crate::model::{Action, Plan};
use crate::source::{FOLDERS, FileKind, Guard, MAX_FILE_BYTES, SourceFile, read_plan};

pub use after::reread_from;
pub use journal::{NewEntry, correct_log, insert_log, remove_log};
pub use lock::LOCK_FILE;
pub use toml::{
    append_table, date_value, nth_table, number_value, remove_nth, remove_string, set_value,
    string_array,
};

/// The start of the name of the temporary file an edit writes beside a
/// plan file before renaming it over it.
const TEMP_PREFIX: &str = ".ctg-";

/// The start of the name of the temporary file of `-o FILE`, which a plan's
/// edit never removes.
pub const OUTPUT_TEMP_PREFIX: &str = ".ctg-out-";

/// A plan opened for editing: locked, read, and loaded.
pub struct PlanEditor {
    root: PathBuf,
    /// Held until the editor is dropped: other writers wait. A dry run,
    /// which writes nothing, takes no lock and needs no right to write.
    _lock: Option<lock::Lock>,
    /// The plan as read under the lock; edits are made against it, and
    /// the plan after the edit is made from it.
    pub plan: Plan,
    /// What loading said of each of the plan's files, by the same index.
    files: Vec<FileLoad>,
    /// The errors of loading the plan as it is, told when the action to
    /// edit may be in a file that could not be loaded.
    loaded: Vec<Diagnostic>,
    /// The plan's warnings before the edit: an edit tells only those it adds.
    warnings: Vec<WarningKey>,
    /// Refuse an edit that adds warnings (`--strict`).
    pub strict: bool,
    changes: Vec<FileChange>,
}

/// A warning as it reads (rule, file, message), wherever its line moved.
type WarningKey = (&'static str, Option<String>, String);

fn warning_keys<'d>(diags: impl IntoIterator<Item = &'d Diagnostic>) -> Vec<WarningKey> {
    diags
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| (d.code(), d.file.clone(), d.message.clone()))
        .collect()
}

/// What a commit did: the diff of a dry run (empty otherwise), and the
/// warnings the edit added to the plan.
pub struct Committed {
    pub diff: String,
    pub new_warnings: Vec<Diagnostic>,
    /// The plan as the edit leaves it.
    pub plan: Plan,
}

/// One file's new content.
struct FileChange {
    name: String,
    kind: FileKind,
    /// The bytes before the edit; `None` for a file the edit creates.
    before: Option<Vec<u8>>,
    after: Vec<u8>,
}

/// A file's TOML, editable, with what it takes to write it back as it was.
pub struct EditableFile {
    pub name: String,
    pub kind: FileKind,
    pub doc: DocumentMut,
    before: Vec<u8>,
    bom: bool,
}

impl PlanEditor {
    /// Locks the plan (waiting for another writer if there is one), then
    /// reads it. A plan with a file that cannot be read (not UTF-8, too
    /// large, a link outside the plan, a special file, no `ctg.toml`) is
    /// refused with its errors, as `ctg check` shows them.
    pub fn open(root: &Path, context: &Context, dry_run: bool) -> Result<PlanEditor, Error> {
        let lock = if dry_run {
            None
        } else {
            Some(lock::Lock::take(root)?)
        };
        let lang = context.lang;
        let mut diags = Vec::new();
        let sources = read_plan(root, lang, &mut diags);
        let unreadable = diag::has_errors(&diags);
        let (plan, files) = from_sources_by_file(root, sources, lang);
        diags.extend(files.iter().flat_map(|file| file.diags.iter().cloned()));
        if unreadable {
            diags.extend(check(&plan, context.today, lang));
            return Err(Error::PlanInvalid(Box::new(errors_of(diags, &plan))));
        }
        if lock.is_some() {
            remove_stale_temporary_files(root);
        }
        let checked = check(&plan, context.today, lang);
        let warnings = warning_keys(diags.iter().chain(&checked));
        diags.retain(|d| d.severity == Severity::Error);
        Ok(PlanEditor {
            root: root.to_path_buf(),
            _lock: lock,
            plan,
            files,
            loaded: diags,
            warnings,
            strict: false,
            changes: Vec::new(),
        })
    }

    /// Action `id` as read, and its file ready to edit. When no action has
    /// that id and an action file could not be loaded, the action may be in
    /// that file: the plan's errors say which, rather than "no action".
    pub fn action_file(&self, id: u32) -> Result<(&Action, EditableFile), Error> {
        let Some(action) = self.plan.action(id) else {
            if self.plan.incomplete.contains(&FileKind::Action) && !self.loaded.is_empty() {
                return Err(Error::PlanInvalid(Box::new(errors_of(
                    self.loaded.clone(),
                    &self.plan,
                ))));
            }
            return Err(Error::NoSuchAction {
                id,
                known: self.plan.actions.iter().map(|a| a.id.value).collect(),
            });
        };
        let name = self.plan.sources.file(action.file).name.clone();
        Ok((action, self.editable(&name, FileKind::Action)?))
    }

    /// `ctg.toml`, ready to edit.
    pub fn convention_file(&self) -> Result<EditableFile, Error> {
        self.editable(crate::source::CONVENTION_FILE, FileKind::Convention)
    }

    fn editable(&self, name: &str, kind: FileKind) -> Result<EditableFile, Error> {
        let unreadable = |err: std::io::Error| Error::ReadFailed {
            file: name.to_string(),
            detail: err.to_string(),
        };
        let mut before = Vec::new();
        Guard::new(&self.root)
            .open(&self.root.join(name))
            .map_err(|refusal| unreadable(refusal.into_io()))?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut before)
            .map_err(unreadable)?;
        // Read within the limit when the plan was loaded; grown since.
        if before.len() as u64 > MAX_FILE_BYTES {
            return Err(unreadable(std::io::Error::from(
                std::io::ErrorKind::FileTooLarge,
            )));
        }
        let text = String::from_utf8_lossy(&before);
        let bom = text.starts_with('\u{feff}');
        let text = text.trim_start_matches('\u{feff}');
        // toml_edit writes LF; `stage` puts each line's own end back.
        let doc = text
            .replace("\r\n", "\n")
            .parse::<DocumentMut>()
            .map_err(|err| Error::FileSyntax {
                file: name.to_string(),
                detail: err.to_string(),
            })?;
        Ok(EditableFile {
            name: name.to_string(),
            kind,
            doc,
            before,
            bom,
        })
    }

    /// Records an edited file, to be written by `commit`.
    pub fn stage(&mut self, file: EditableFile) {
        let mut text = ends::restore(&decoded(&file.before), &file.doc.to_string());
        if file.bom {
            text.insert(0, '\u{feff}');
        }
        self.changes.push(FileChange {
            name: file.name,
            kind: file.kind,
            before: Some(file.before),
            after: text.into_bytes(),
        });
    }

    /// Records a file to create, to be written by `commit`.
    pub fn stage_new(&mut self, name: String, kind: FileKind, text: String) {
        self.changes.push(FileChange {
            name,
            kind,
            before: None,
            after: text.into_bytes(),
        });
    }

    /// Checks the plan as it would be after the staged changes, then writes
    /// them (or, with `dry_run`, returns their unified diff and writes
    /// nothing). An edit that leaves an error is refused with the diagnostics.
    pub fn commit(self, context: &Context, dry_run: bool) -> Result<Committed, Error> {
        let (after, mut diags) = plan_after(self.plan, self.files, &self.changes, context);
        let mut before = self.warnings.clone();
        let new_warnings: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| {
                let key = warning_keys([*d]);
                match key.first().and_then(|k| before.iter().position(|b| b == k)) {
                    Some(at) => {
                        before.swap_remove(at);
                        false
                    }
                    None => !key.is_empty(),
                }
            })
            .cloned()
            .collect();
        diags.retain(|diag| diag.severity == Severity::Error);
        if !diags.is_empty() {
            diag::sort(&mut diags, &after.sources);
            return Err(Error::EditRefused(Box::new(Invalid {
                diagnostics: diags,
                sources: after.sources,
                revision: None,
            })));
        }
        if self.strict && !new_warnings.is_empty() {
            let mut warnings = new_warnings;
            diag::sort(&mut warnings, &after.sources);
            return Err(Error::EditWarned(Box::new(Invalid {
                diagnostics: warnings,
                sources: after.sources,
                revision: None,
            })));
        }
        if dry_run {
            return Ok(Committed {
                diff: diff(&self.changes),
                new_warnings,
                plan: after,
            });
        }
        let guard = Guard::new(&self.root);
        for change in &self.changes {
            let path = self.root.join(&change.name);
            let failed = |err: std::io::Error| Error::write(&change.name, err);
            // A folder or a file linked outside the plan since it was read
            // is not written through; a link inside is, and stays a link.
            if let Some(folder) = path.parent() {
                guard
                    .check_link(folder)
                    .map_err(|refusal| failed(refusal.into_io()))?;
                if change.before.is_none() {
                    fs::create_dir_all(folder).map_err(failed)?;
                }
            }
            let target = guard
                .write_target(&path)
                .map_err(|refusal| failed(refusal.into_io()))?;
            write_atomically(&target, &change.after, TEMP_PREFIX).map_err(failed)?;
        }
        Ok(Committed {
            diff: String::new(),
            new_warnings,
            plan: after,
        })
    }
}

/// The plan as the staged changes leave it, made from the plan as read,
/// and its diagnostics: those of reading each file, then the whole plan's check.
fn plan_after(
    plan: Plan,
    files: Vec<FileLoad>,
    changes: &[FileChange],
    context: &Context,
) -> (Plan, Vec<Diagnostic>) {
    let replaced = (plan.sources.files.iter().enumerate())
        .filter_map(|(index, file)| {
            let change = changes.iter().find(|c| c.name == file.name)?;
            Some((index, decoded(&change.after)))
        })
        .collect();
    let added = (changes.iter().filter(|c| c.before.is_none()))
        .map(|c| (SourceFile::new(c.name.clone(), decoded(&c.after)), c.kind))
        .collect();
    let (plan, files) = after::reread(plan, files, replaced, added, context.lang);
    let mut diags: Vec<Diagnostic> = files.into_iter().flat_map(|file| file.diags).collect();
    diags.extend(check(&plan, context.today, context.lang));
    (plan, diags)
}

/// The staged changes as a unified diff, paths relative to the plan.
fn diff(changes: &[FileChange]) -> String {
    let mut out = String::new();
    for change in changes {
        let before = change.before.as_deref().map(decoded).unwrap_or_default();
        let after = decoded(&change.after);
        let old_name = if change.before.is_some() {
            format!("a/{}", change.name)
        } else {
            "/dev/null".to_string()
        };
        let diff = similar::TextDiff::from_lines(&before, &after);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&old_name, &format!("b/{}", change.name))
                .to_string(),
        );
    }
    out
}

/// The text of a file's bytes as the loader sees it: no byte order mark.
fn decoded(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .trim_start_matches('\u{feff}')
        .to_string()
}

/// Replaces `path` with `bytes` so that a reader sees the old file or the
/// new one, never a part: write a temporary file (named `prefix`…`.tmp`)
/// in the same folder, flush it to disk, give it the old file's
/// permissions, rename it over the target. The folder must exist. A new
/// file gets the permissions any program's new file gets: those the
/// user's umask leaves, not the private ones of a temporary file.
pub fn write_atomically(path: &Path, bytes: &[u8], prefix: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .make_in(dir, |name| {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(name)
        })?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(temp.path(), meta.permissions())?;
    }
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// The errors among `diags`, sorted, with the plan's files to show them in.
fn errors_of(mut diags: Vec<Diagnostic>, plan: &Plan) -> Invalid {
    diags.retain(|d| d.severity == Severity::Error);
    diag::sort(&mut diags, &plan.sources);
    Invalid {
        diagnostics: diags,
        sources: plan.sources.clone(),
        revision: None,
    }
}

/// Removes the temporary files of edits killed before their rename. Under
/// the lock, no other edit is writing one: any found is stale.
fn remove_stale_temporary_files(root: &Path) {
    let folders = std::iter::once(root.to_path_buf()).chain(FOLDERS.iter().map(|f| root.join(f)));
    for folder in folders {
        let Ok(entries) = fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let stale = name.starts_with(TEMP_PREFIX)
                && !name.starts_with(OUTPUT_TEMP_PREFIX)
                && name.ends_with(".tmp")
                && entry.file_type().is_ok_and(|kind| kind.is_file());
            if stale {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::Value;

    #[test]
    fn set_value_keeps_the_comment_after_a_value() {
        let mut doc: DocumentMut = "status = \"planned\" # à revoir\nid = 1\n".parse().unwrap();
        set_value(doc.as_table_mut(), "status", Value::from("done"));
        assert_eq!(doc.to_string(), "status = \"done\" # à revoir\nid = 1\n");
    }

    #[test]
    fn atomic_writes_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new", TEMP_PREFIX).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.toml"]);
    }
}
