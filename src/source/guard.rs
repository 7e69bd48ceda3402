//! Opening plan files without trusting what the file system holds there.
//!
//! A plan lives in a folder that may come from anywhere (a clone, an
//! archive, a shared drive), so a path of the plan is only a name: a
//! symbolic link is followed only when it stays inside the plan folder, and
//! only regular files are read. A named pipe would block a read for ever, a
//! device would feed it without end; both are refused without waiting.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Why a path of the plan is not read (or written).
#[derive(Debug)]
pub enum Refusal {
    /// A symbolic link (to a file or a folder) leading outside the plan.
    Outside,
    /// A symbolic link whose target does not exist; the link's text.
    Broken(String),
    /// A named pipe, a device or a socket.
    Special,
    /// A folder where a file was expected.
    Folder,
    /// What the system said.
    Io(io::Error),
}

impl Refusal {
    /// The refusal as an io error, for the edges that tell a failure with
    /// the system's words (a file to edit, a lock).
    pub fn into_io(self) -> io::Error {
        match self {
            Refusal::Io(err) => err,
            Refusal::Outside => io::Error::other("symbolic link leading outside the plan"),
            Refusal::Broken(target) => {
                io::Error::new(io::ErrorKind::NotFound, format!("broken link to {target}"))
            }
            Refusal::Special => io::Error::other("not a regular file"),
            Refusal::Folder => io::Error::other("a folder, not a file"),
        }
    }
}

/// The plan folder, and its canonical path once a link needs it.
pub struct Guard<'r> {
    root: &'r Path,
    canonical: OnceLock<PathBuf>,
}

impl<'r> Guard<'r> {
    pub fn new(root: &'r Path) -> Guard<'r> {
        Guard {
            root,
            canonical: OnceLock::new(),
        }
    }

    fn canonical_root(&self) -> &Path {
        self.canonical.get_or_init(|| {
            self.root
                .canonicalize()
                .unwrap_or_else(|_| self.root.to_path_buf())
        })
    }

    /// Where the symbolic link at `path` leads, when that is inside the plan.
    pub fn follow(&self, path: &Path) -> Result<PathBuf, Refusal> {
        match path.canonicalize() {
            Ok(target) if target.starts_with(self.canonical_root()) => Ok(target),
            Ok(_) => Err(Refusal::Outside),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Err(Refusal::Broken(
                fs::read_link(path).map_or_else(|_| String::new(), |t| t.display().to_string()),
            )),
            Err(err) => Err(Refusal::Io(err)),
        }
    }

    /// A path of the plan that may be a symbolic link (a sub-folder, the
    /// convention): fine when it is none, or one that stays inside.
    pub fn check_link(&self, path: &Path) -> Result<(), Refusal> {
        match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => self.follow(path).map(drop),
            _ => Ok(()),
        }
    }

    /// Opens a plan file to read it: a link only if it stays inside the
    /// plan, and only a regular file.
    pub fn open(&self, path: &Path) -> Result<File, Refusal> {
        self.open_sized(path).map(|(file, _)| file)
    }

    /// As [`Guard::open`], with the file's length in bytes: the status that
    /// tells a regular file also sizes the read, one system call per file.
    pub fn open_sized(&self, path: &Path) -> Result<(File, u64), Refusal> {
        if cfg!(not(unix)) {
            self.check_link(path)?;
            return open_regular(path, true);
        }
        match open_regular(path, false) {
            Err(Refusal::Io(err)) if is_link(&err) => {
                // Known before opening: opening a device may already act.
                let target = self.follow(path)?;
                match fs::metadata(&target) {
                    Ok(meta) if meta.is_dir() => Err(Refusal::Folder),
                    Ok(meta) if !meta.is_file() => Err(Refusal::Special),
                    _ => open_regular(&target, true),
                }
            }
            other => other,
        }
    }

    /// Where to write the plan file at `path`: through a link inside the
    /// plan to its target, so that the link stays a link.
    pub fn write_target(&self, path: &Path) -> Result<PathBuf, Refusal> {
        match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => self.follow(path),
            _ => Ok(path.to_path_buf()),
        }
    }
}

/// Whether opening with `O_NOFOLLOW` failed because the path is a link.
fn is_link(err: &io::Error) -> bool {
    #[cfg(unix)]
    {
        err.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = err;
        false
    }
}

/// Opens `path` to read without ever waiting (a named pipe with no writer
/// would block `open` for ever) and keeps it only if it is a regular file,
/// with its length.
/// Without `follow`, a symbolic link fails to open (`ELOOP`).
pub(super) fn open_regular(path: &Path, follow: bool) -> Result<(File, u64), Refusal> {
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow);
    }
    #[cfg(not(unix))]
    let _ = follow;
    let file = options.open(path).map_err(Refusal::Io)?;
    let meta = file.metadata().map_err(Refusal::Io)?;
    if meta.is_dir() {
        return Err(Refusal::Folder);
    }
    if !meta.is_file() {
        return Err(Refusal::Special);
    }
    Ok((file, meta.len()))
}
