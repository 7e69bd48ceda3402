//! One writer at a time: an exclusive lock on `.ctg.lock` in the plan
//! folder, held from an edit's first read to its last write, and removed
//! when the edit ends so that nothing is left in the plan.
//!
//! Removing a lock file races unless the holder removes it while still
//! holding it and every taker checks, once it holds the lock, that the file
//! it locked is still the one at the path; if not, the file was removed by
//! the previous holder, and it takes the lock again on the new one.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The lock file, in the plan folder. Hidden, so never read as a plan file.
pub const LOCK_FILE: &str = ".ctg.lock";

/// The plan's lock, held until dropped.
pub struct Lock {
    path: PathBuf,
    _file: File,
}

impl Lock {
    /// Waits for the plan in `root` to be free, then holds it.
    pub fn take(root: &Path) -> Result<Lock, Error> {
        let path = root.join(LOCK_FILE);
        loop {
            let file = open(&path).map_err(|err| Error::write(&path, err))?;
            file.lock().map_err(|err| Error::write(&path, err))?;
            if still_at(&file, &path) {
                return Ok(Lock { path, _file: file });
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while held: a writer waiting on this file finds it gone
        // once it gets it, and locks the next one instead.
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Opens the lock file, creating it: never through a symbolic link (which
/// would create a file wherever it points), never waiting on a named pipe,
/// and only a regular file.
fn open(path: &Path) -> io::Result<File> {
    let mut options = File::options();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// Whether the locked `file` is still the one at `path`.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(held), Ok(current)) => held.dev() == current.dev() && held.ino() == current.ino(),
        _ => false,
    }
}

/// Elsewhere the lock file is never removed, so it is always the same one.
#[cfg(not(unix))]
fn still_at(_file: &File, _path: &Path) -> bool {
    true
}
