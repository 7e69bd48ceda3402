//! The one module that writes plan files.
//!
//! An edit must look like a careful person's: only the values it changes
//! differ (toml_edit keeps comments, order, spacing; a byte order mark and
//! CRLF line endings are put back), the whole plan is checked in memory
//! before anything is written and an edit that would leave an error writes
//! nothing, each file is replaced atomically (temporary file beside it,
//! flushed, renamed), and concurrent writers take turns on a lock held from
//! the first read to the last write.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, Value};

use crate::Context;
use crate::check::check;
use crate::diag::{self, Diagnostic, Severity};
use crate::error::{Error, Invalid};
use crate::i18n::Lang;
use crate::load::from_sources;
use crate::model::{Plan, Status};
use crate::source::{FileKind, SourceFile, SourceSet, read_plan};

/// The lock file, in the plan folder. Hidden, so never read as a plan file.
pub const LOCK_FILE: &str = ".ctg.lock";

/// A plan opened for editing: locked, read, and loaded.
pub struct PlanEditor {
    root: PathBuf,
    /// Held until the editor is dropped: other writers wait.
    _lock: File,
    /// The plan as read under the lock; edits are made against it.
    pub plan: Plan,
    changes: Vec<FileChange>,
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
    crlf: bool,
}

impl PlanEditor {
    /// Locks the plan (waiting for another writer if there is one), then reads it.
    pub fn open(root: &Path, lang: Lang) -> Result<PlanEditor, Error> {
        let lock_path = root.join(LOCK_FILE);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|err| Error::write(&lock_path, err))?;
        lock.lock().map_err(|err| Error::write(&lock_path, err))?;
        let mut diags = Vec::new();
        let sources = read_plan(root, lang, &mut diags);
        let plan = from_sources(root, sources, lang, &mut diags);
        Ok(PlanEditor {
            root: root.to_path_buf(),
            _lock: lock,
            plan,
            changes: Vec::new(),
        })
    }

    /// The file of action `id`, ready to edit.
    pub fn action_file(&self, id: u32) -> Result<EditableFile, Error> {
        let Some(action) = self.plan.actions.iter().find(|a| a.id.value == id) else {
            return Err(Error::NoSuchAction {
                id,
                known: self.plan.actions.iter().map(|a| a.id.value).collect(),
            });
        };
        let name = self.plan.sources.file(action.file).name.clone();
        self.editable(&name, FileKind::Action)
    }

    fn editable(&self, name: &str, kind: FileKind) -> Result<EditableFile, Error> {
        let path = self.root.join(name);
        let before = fs::read(&path).map_err(|err| Error::ReadFailed {
            file: name.to_string(),
            detail: err.to_string(),
        })?;
        let text = String::from_utf8_lossy(&before);
        let bom = text.starts_with('\u{feff}');
        let text = text.trim_start_matches('\u{feff}');
        // toml_edit writes LF; a file written with CRLF gets CRLF back.
        let crlf = text.find('\n').is_some_and(|at| text[..at].ends_with('\r'));
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
            crlf,
        })
    }

    /// Records an edited file, to be written by `commit`.
    pub fn stage(&mut self, file: EditableFile) {
        let mut text = file.doc.to_string();
        if file.crlf {
            text = text.replace('\n', "\r\n");
        }
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
    pub fn commit(self, context: &Context, dry_run: bool) -> Result<String, Error> {
        let (after, mut diags) = self.plan_after(context);
        diags.retain(|diag| diag.severity == Severity::Error);
        if !diags.is_empty() {
            diag::sort(&mut diags, &after.sources);
            return Err(Error::EditRefused(Box::new(Invalid {
                diagnostics: diags,
                sources: after.sources,
                revision: None,
            })));
        }
        if dry_run {
            return Ok(self.diff());
        }
        for change in &self.changes {
            write_atomically(&self.root.join(&change.name), &change.after)
                .map_err(|err| Error::write(&change.name, err))?;
        }
        Ok(String::new())
    }

    /// The plan re-read from memory with the staged changes, and its diagnostics.
    fn plan_after(&self, context: &Context) -> (Plan, Vec<Diagnostic>) {
        let mut sources = SourceSet::empty();
        for (index, file) in self.plan.sources.files.iter().enumerate() {
            let text = match self.changes.iter().find(|c| c.name == file.name) {
                Some(change) => decoded(&change.after),
                None => file.text.clone(),
            };
            sources.push(
                SourceFile::new(file.name.clone(), text),
                self.plan.sources.kinds[index],
            );
        }
        for change in self.changes.iter().filter(|c| c.before.is_none()) {
            sources.push(
                SourceFile::new(change.name.clone(), decoded(&change.after)),
                change.kind,
            );
        }
        sources.unread = self.plan.sources.unread.clone();
        let mut diags = Vec::new();
        let plan = from_sources(&self.root, sources, context.lang, &mut diags);
        diags.extend(check(&plan, context.today, context.lang));
        (plan, diags)
    }

    /// The staged changes as a unified diff, paths relative to the plan.
    fn diff(&self) -> String {
        let mut out = String::new();
        for change in &self.changes {
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
}

/// The text of a file's bytes as the loader sees it: no byte order mark.
fn decoded(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .trim_start_matches('\u{feff}')
        .to_string()
}

/// Replaces `path` with `bytes` so that a reader sees the old file or the
/// new one, never a part: write a temporary file in the same folder, flush
/// it to disk, give it the old file's permissions, rename it over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".ctg-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(temp.path(), meta.permissions())?;
    }
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// A TOML date value.
pub fn date_value(date: NaiveDate) -> Value {
    let datetime: toml_edit::Datetime = date
        .format("%Y-%m-%d")
        .to_string()
        .parse()
        .expect("a formatted date is a TOML date");
    Value::from(datetime)
}

/// Sets `key` of a table to `value`, keeping the old value's comments and
/// spacing when there was one.
pub fn set_value(table: &mut toml_edit::Table, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Appends a `[[log]]` entry right after the last one (or at the end of
/// the file), with a blank line before it like the entries people write.
pub fn append_log(doc: &mut DocumentMut, date: NaiveDate, note: &str, status: Option<Status>) {
    let mut entry = toml_edit::Table::new();
    entry.insert("date", Item::Value(date_value(date)));
    entry.insert("note", toml_edit::value(note));
    if let Some(status) = status {
        entry.insert("status", toml_edit::value(status.keyword()));
    }
    entry.decor_mut().set_prefix("\n");
    let log = doc
        .entry("log")
        .or_insert_with(|| Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
    if let Some(log) = log.as_array_of_tables_mut() {
        // Same position as the last entry: printed right after it, before
        // any [[indicators]] that follow.
        entry.set_position(log.iter().filter_map(toml_edit::Table::position).max());
        log.push(entry);
    }
}

/// The array of strings at `key`, created empty if absent.
pub fn string_array<'d>(
    table: &'d mut toml_edit::Table,
    key: &str,
) -> Option<&'d mut toml_edit::Array> {
    table
        .entry(key)
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()
}

/// Removes `text` from an array of strings; says whether it was there.
pub fn remove_string(array: &mut toml_edit::Array, text: &str) -> bool {
    let Some(index) = array.iter().position(|v| v.as_str() == Some(text)) else {
        return false;
    };
    array.remove(index);
    // The element now first may carry the separator's space: tidy this array only.
    array.fmt();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

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
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.toml"]);
    }
}
