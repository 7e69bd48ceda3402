//! Finding the plan folder and reading its files into text with a line index.
//!
//! Nothing here stops at the first problem: an unreadable or non-UTF-8 file
//! becomes a diagnostic and the other files are still read.

mod file;
mod guard;
pub mod rules;

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::i18n::{Lang, Msg};
use crate::span::FileId;
use rules as files;

pub use file::SourceFile;
pub use guard::{Guard, Refusal};

/// The name of the convention file that marks a plan folder.
pub const CONVENTION_FILE: &str = "ctg.toml";

/// Plan files hold a few kilobytes; anything this large is a mistake
/// (a pasted export, a binary) and reading it would only waste memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Below this many files in a folder, they are read on one thread.
const PARALLEL_FILES: usize = 64;

/// The sub-folders of a plan, each holding one kind of file.
pub const FOLDERS: [&str; 3] = ["axes", "actions", "meetings"];

/// Where the plan is: `--plan` / `$CTG_PLAN` if given, else the nearest
/// folder upward holding `ctg.toml`, else `./plan/`.
pub fn find_plan_dir(explicit: Option<&Path>, cwd: &Path) -> Option<PathBuf> {
    if let Some(dir) = explicit {
        return Some(dir.to_path_buf());
    }
    if let Some(found) = cwd.ancestors().find(|dir| holds_convention(dir)) {
        return Some(found.to_path_buf());
    }
    let default = cwd.join("plan");
    default.is_dir().then_some(default)
}

/// Whether `dir` holds a `ctg.toml` that is not a folder: a plan, even
/// when that file turns out to be unreadable (reading it says why).
fn holds_convention(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(CONVENTION_FILE)).is_ok_and(|meta| !meta.is_dir())
}

/// Every plan folder beneath `dir` (a folder holding `ctg.toml`), sorted,
/// and the folders that could not be searched, with why (no right to read,
/// a path longer than the system allows).
/// Symbolic links are not followed, hidden folders are skipped, and a
/// plan's own folders are not searched for further plans.
pub fn find_plans(dir: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>) {
    let mut plans = Vec::new();
    let mut unsearched = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        if holds_convention(&folder) {
            plans.push(folder);
            continue;
        }
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(err) => {
                unsearched.push((folder, err));
                continue;
            }
        };
        for entry in entries.filter_map(Result::ok) {
            // DirEntry::file_type does not follow symbolic links.
            let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
            if is_dir && !entry.file_name().to_string_lossy().starts_with('.') {
                pending.push(entry.path());
            }
        }
    }
    plans.sort();
    unsearched.sort_by(|a, b| a.0.cmp(&b.0));
    (plans, unsearched)
}

/// Which kind of plan file a path is, from the folder it lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Convention,
    Axis,
    Action,
    Meeting,
}

/// The plan's files, read; problems reading them are pushed to `diags`.
#[derive(Clone)]
pub struct SourceSet {
    pub files: Vec<SourceFile>,
    /// The kind of each file, by the same index as `files`.
    pub kinds: Vec<FileKind>,
    /// The kinds of the files that could not be read at all.
    pub unread: Vec<FileKind>,
}

impl SourceSet {
    pub fn empty() -> SourceSet {
        SourceSet {
            files: Vec::new(),
            kinds: Vec::new(),
            unread: Vec::new(),
        }
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    pub fn push(&mut self, file: SourceFile, kind: FileKind) -> FileId {
        self.files.push(file);
        self.kinds.push(kind);
        FileId(self.files.len() - 1)
    }
}

/// Reads `ctg.toml` and the `.toml` files of `axes/`, `actions/` and
/// `meetings/`, in name order so that output never depends on the file
/// system. Hidden files, backups and other extensions are not plan files.
/// Nothing outside the plan folder is read, and nothing but regular files.
pub fn read_plan(root: &Path, lang: Lang, diags: &mut Vec<Diagnostic>) -> SourceSet {
    let mut set = SourceSet::empty();
    let guard = Guard::new(root);
    // Where a file let go is read again from, shared by every file.
    let below: std::sync::Arc<Path> = root.into();
    // One open instead of a test then an open: a plan is read on every command.
    match guard.open_sized(&root.join(CONVENTION_FILE)) {
        Ok(opened) => match read_one(opened, CONVENTION_FILE.to_string(), lang, diags) {
            Some(file) => {
                set.push(file.below(below.clone()), FileKind::Convention);
            }
            None => set.unread.push(FileKind::Convention),
        },
        Err(Refusal::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => {
            set.unread.push(FileKind::Convention);
            diags.push(missing_convention(lang));
        }
        Err(Refusal::Folder) => {
            set.unread.push(FileKind::Convention);
            diags.push(missing_convention(lang));
        }
        Err(refusal) => {
            set.unread.push(FileKind::Convention);
            diags.push(refused(refusal, CONVENTION_FILE, lang));
        }
    }
    for (folder, kind) in FOLDERS
        .iter()
        .zip([FileKind::Axis, FileKind::Action, FileKind::Meeting])
    {
        let listed = plan_files_in(&guard, root, folder, lang, diags, &mut set.unread, kind);
        // Opened and read on every core for a large plan, kept in name order.
        let read =
            crate::parallel::map(&listed, listed.len() > PARALLEL_FILES, |_, (path, name)| {
                read_listed(&guard, path, name, lang)
            });
        for (file, unread, file_diags) in read {
            diags.extend(file_diags);
            if let Some(file) = file {
                set.push(file.below(below.clone()), kind);
            }
            if unread {
                set.unread.push(kind);
            }
        }
    }
    set
}

/// One listed plan file, read: its text, whether it could not be read at
/// all, and the problems met.
fn read_listed(
    guard: &Guard,
    path: &Path,
    name: &str,
    lang: Lang,
) -> (Option<SourceFile>, bool, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    match guard.open_sized(path) {
        Ok(opened) => {
            let file = read_one(opened, name.to_string(), lang, &mut diags);
            let unread = file.is_none();
            (file, unread, diags)
        }
        Err(Refusal::Folder) => (None, false, vec![refused(Refusal::Folder, name, lang)]),
        Err(refusal) => (None, true, vec![refused(refusal, name, lang)]),
    }
}

/// The diagnostic of a path of the plan that is not read.
fn refused(refusal: Refusal, name: &str, lang: Lang) -> Diagnostic {
    let (rule, message, help) = match refusal {
        Refusal::Outside if !name.ends_with(".toml") => (
            &files::LINK_OUTSIDE_PLAN,
            files::FOLDER_LEADS_OUTSIDE.get(lang).to_string(),
            files::COPY_FOLDER_INSTEAD.get(lang),
        ),
        Refusal::Outside => (
            &files::LINK_OUTSIDE_PLAN,
            files::LINK_LEADS_OUTSIDE.get(lang).to_string(),
            files::COPY_INSTEAD.get(lang),
        ),
        Refusal::Broken(target) => (
            &files::UNREADABLE_FILE,
            files::BROKEN_LINK.fill(lang, &[&target]),
            files::FIX_LINK.get(lang),
        ),
        Refusal::Special => (
            &files::UNREADABLE_FILE,
            files::NOT_REGULAR.get(lang).to_string(),
            files::REPLACE_SPECIAL.get(lang),
        ),
        Refusal::Folder => (
            &files::NOT_A_FILE,
            files::FOLDER_NAMED_LIKE_FILE.get(lang).to_string(),
            files::RENAME_FOLDER.get(lang),
        ),
        Refusal::Io(err) => {
            let message = lang.fill(Msg::DiagUnreadable, &[&err]);
            return Diagnostic::new(&files::UNREADABLE_FILE, message).in_file_named(name);
        }
    };
    Diagnostic::new(rule, message)
        .in_file_named(name)
        .with_help(help)
}

/// The plan files of one folder, sorted by name. A missing folder is an
/// empty one: a new plan may have no meeting yet. A folder linked outside
/// the plan is not read; a name that is not UTF-8 and a special file are
/// errors, a folder named like a plan file a warning.
fn plan_files_in(
    guard: &Guard,
    root: &Path,
    folder: &str,
    lang: Lang,
    diags: &mut Vec<Diagnostic>,
    unread: &mut Vec<FileKind>,
    kind: FileKind,
) -> Vec<(PathBuf, String)> {
    let dir = root.join(folder);
    if let Err(refusal) = guard.check_link(&dir) {
        diags.push(refused(refusal, folder, lang));
        unread.push(kind);
        return Vec::new();
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let shown = file_name.to_string_lossy();
        if shown.starts_with('.') || !shown.ends_with(".toml") {
            continue;
        }
        let name = format!("{folder}/{shown}");
        // The entry's own type needs no system call; a link is judged on opening.
        let Ok(entry_kind) = entry.file_type() else {
            continue;
        };
        if file_name.to_str().is_none() {
            diags.push(
                Diagnostic::new(&files::UNREADABLE_FILE, files::NAME_NOT_UTF8.get(lang))
                    .in_file_named(&name)
                    .with_help(files::RENAME_UTF8.get(lang)),
            );
            unread.push(kind);
        } else if entry_kind.is_dir() {
            diags.push(refused(Refusal::Folder, &name, lang));
        } else if !entry_kind.is_file() && !entry_kind.is_symlink() {
            diags.push(refused(Refusal::Special, &name, lang));
            unread.push(kind);
        } else {
            files.push((entry.path(), name));
        }
    }
    // By name: the same order as by path (one folder), without comparing
    // paths component by component, which shows over 10,000 files.
    files.sort_unstable_by(|a, b| a.1.cmp(&b.1));
    files
}

fn read_one(
    (mut file, len): (File, u64),
    name: String,
    lang: Lang,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    let fail = |diags: &mut Vec<Diagnostic>, message: String, help: Option<&str>| {
        let mut diag = Diagnostic::new(&files::UNREADABLE_FILE, message).in_file_named(&name);
        if let Some(help) = help {
            diag = diag.with_help(help);
        }
        diags.push(diag);
    };
    if len > MAX_FILE_BYTES {
        fail(
            diags,
            files::TOO_LARGE.fill(lang, &[&len, &MAX_FILE_BYTES]),
            Some(files::RIGHT_FILE.get(lang)),
        );
        return None;
    }
    // Exactly the size the file has (from the status taken on opening): one
    // read, no second call to find the end. Edits replace files by
    // renaming, so an open file never changes.
    let mut bytes = vec![0; len as usize];
    if let Err(err) = file.read_exact(&mut bytes) {
        fail(diags, lang.fill(Msg::DiagUnreadable, &[&err]), None);
        return None;
    }
    decode(name, bytes, lang, diags)
}

/// A file's bytes as plan text: UTF-8 (an error naming the line of the
/// first bad byte otherwise), without a byte order mark, within the size limit.
pub fn decode(
    name: String,
    bytes: Vec<u8>,
    lang: Lang,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(
                &files::UNREADABLE_FILE,
                files::TOO_LARGE.fill(lang, &[&bytes.len(), &MAX_FILE_BYTES]),
            )
            .in_file_named(&name)
            .with_help(files::RIGHT_FILE.get(lang)),
        );
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // A byte order mark is what some Windows editors write: accept it.
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Some(SourceFile::new(name, text))
        }
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let before = &err.as_bytes()[..offset];
            let line = before.iter().filter(|&&byte| byte == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&byte| byte == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            diags.push(
                Diagnostic::new(&files::INVALID_UTF8, files::NOT_UTF8.fill(lang, &[&offset]))
                    .in_file_named(&name)
                    .at_line_col(line, column)
                    .with_help(files::SAVE_AS_UTF8.get(lang)),
            );
            None
        }
    }
}

/// The kind of a file from its path relative to the plan folder, or None
/// when it is not a plan file (hidden, a backup, another extension, elsewhere).
pub fn kind_of(name: &str) -> Option<FileKind> {
    if name == CONVENTION_FILE {
        return Some(FileKind::Convention);
    }
    let (folder, file) = name.split_once('/')?;
    if file.contains('/') || file.starts_with('.') || !file.ends_with(".toml") {
        return None;
    }
    match folder {
        "axes" => Some(FileKind::Axis),
        "actions" => Some(FileKind::Action),
        "meetings" => Some(FileKind::Meeting),
        _ => None,
    }
}

impl SourceSet {
    /// The plan files among `(path, bytes)` pairs (paths relative to the plan
    /// folder), as `read_plan` would read them from disk: the convention
    /// first, then each folder in name order.
    pub fn from_blobs(
        mut blobs: Vec<(String, Vec<u8>)>,
        lang: Lang,
        diags: &mut Vec<Diagnostic>,
    ) -> SourceSet {
        let order = |kind: FileKind| match kind {
            FileKind::Convention => 0,
            FileKind::Axis => 1,
            FileKind::Action => 2,
            FileKind::Meeting => 3,
        };
        blobs.retain(|(name, _)| kind_of(name).is_some());
        blobs.sort_by_cached_key(|(name, _)| (kind_of(name).map(order), name.clone()));
        let mut set = SourceSet::empty();
        if !blobs.iter().any(|(name, _)| name == CONVENTION_FILE) {
            set.unread.push(FileKind::Convention);
            diags.push(missing_convention(lang));
        }
        for (name, bytes) in blobs {
            let Some(kind) = kind_of(&name) else { continue };
            match decode(name, bytes, lang, diags) {
                Some(file) => {
                    set.push(file, kind);
                }
                None => set.unread.push(kind),
            }
        }
        set
    }
}

fn missing_convention(lang: Lang) -> Diagnostic {
    Diagnostic::new(&files::MISSING_CONVENTION, files::NO_CTG_TOML.get(lang))
        .in_file_named(CONVENTION_FILE)
        .with_help(files::CREATE_CTG_TOML.get(lang))
}
