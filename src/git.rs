//! Reading the plan as it was at a git revision.
//!
//! Git is reached through the `git` command: it is on every staff laptop
//! that holds the plan's repository and on every CI runner, it knows the
//! user's configuration (safe directories, alternates, worktrees) and it
//! needs no C library built with the tool. One `git cat-file --batch`
//! process serves a whole command: it resolves revisions, lists the plan's
//! trees and reads their files (starting a process costs more than most of
//! what it is asked). Nothing is checked out, so the working tree and the
//! index are never touched.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use crate::error::Error;
use crate::source::{CONVENTION_FILE, FOLDERS, kind_of};

/// The repository holding a plan folder.
pub struct Repo {
    /// The folder git commands run in (the plan folder): paths written
    /// `REV:./path` are relative to it.
    dir: PathBuf,
    /// The command's one `git cat-file --batch`, started when first needed.
    batch: RefCell<Option<Batch>>,
}

/// One revision, as asked and as resolved.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Revision {
    /// What the user wrote: a tag, a branch, a commit, `HEAD~2`…
    pub name: String,
    pub commit: String,
}

/// What `cat-file --batch` answers for one name.
enum Object {
    Found { id: String, bytes: Vec<u8> },
    Missing,
}

impl Repo {
    /// The repository of `plan_dir`. Nothing is started yet: the first
    /// question tells a folder that is not in a repository.
    pub fn of(plan_dir: &Path) -> Result<Repo, Error> {
        Ok(Repo {
            dir: plan_dir.to_path_buf(),
            batch: RefCell::new(None),
        })
    }

    /// Whether git could find a repository from the plan folder, looking
    /// as git does: `GIT_DIR`, or a `.git` or a bare repository's files in
    /// the folder or above it on its real path. Lookups that only add to an
    /// answer start no `git` (a few milliseconds each) when it could not.
    fn may_be_in_one(&self) -> bool {
        let Ok(real) = std::fs::canonicalize(&self.dir) else {
            return true; // git will say what is wrong
        };
        std::env::var_os("GIT_DIR").is_some()
            || real.ancestors().any(|folder| {
                folder.join(".git").exists()
                    || (folder.join("HEAD").is_file() && folder.join("objects").is_dir())
            })
    }

    /// The commit a revision names, or an error naming the revision.
    pub fn resolve(&self, name: &str) -> Result<Revision, Error> {
        let unknown = || Error::UnknownRevision {
            name: name.to_string(),
        };
        if name.starts_with('-') || name.contains(['\n', '\r']) {
            return Err(unknown());
        }
        match self.ask(&[format!("{name}^{{commit}}")])?.pop() {
            Some(Object::Found { id, .. }) => Ok(Revision {
                name: name.to_string(),
                commit: id,
            }),
            _ => Err(unknown()),
        }
    }

    /// The last commit of the current branch made on or before `day` (by
    /// its committer date, to the end of that day), if there is one.
    pub fn last_commit_by(&self, day: chrono::NaiveDate) -> Option<Revision> {
        if !self.may_be_in_one() {
            return None;
        }
        let before = format!("--before={day} 23:59:59");
        let args = ["rev-list", "-1", "--first-parent", before.as_str(), "HEAD"];
        let out = git(&self.dir, &args, None).ok()?;
        let commit = String::from_utf8_lossy(&out).trim().to_string();
        (!commit.is_empty()).then(|| Revision {
            name: commit.chars().take(12).collect(),
            commit,
        })
    }

    /// When each file of the plan folder first entered the current branch:
    /// (path relative to the plan folder, committer day, whether it came in
    /// the commit that first brought `ctg.toml`, with the plan itself). One
    /// `git log` for the whole plan; empty when git cannot tell.
    pub fn first_added(&self) -> Vec<(String, chrono::NaiveDate, bool)> {
        let args = [
            "log",
            "--relative",
            "--reverse",
            "--diff-filter=A",
            "--format=%x00%cs",
            "--name-only",
            "--no-renames",
            "--",
            ".",
        ];
        if !self.may_be_in_one() {
            return Vec::new();
        }
        let Ok(out) = git(&self.dir, &args, None) else {
            return Vec::new();
        };
        let text = String::from_utf8_lossy(&out);
        let mut found: Vec<(String, chrono::NaiveDate, usize)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (commit, record) in text
            .split('\0')
            .filter(|r| !r.trim().is_empty())
            .enumerate()
        {
            let mut lines = record.lines();
            let Some(day) = lines.next().and_then(|d| d.trim().parse().ok()) else {
                continue;
            };
            for path in lines.filter(|l| !l.is_empty()) {
                if seen.insert(path) {
                    found.push((path.to_string(), day, commit));
                }
            }
        }
        let plan_commit = found
            .iter()
            .find(|(path, _, _)| path == CONVENTION_FILE)
            .map(|(_, _, commit)| *commit);
        found
            .into_iter()
            .map(|(path, day, commit)| (path, day, Some(commit) == plan_commit))
            .collect()
    }

    /// Every file of the plan folder at `revision`, as (path relative to the
    /// plan folder, bytes). An error when the plan did not exist there.
    pub fn plan_files(&self, revision: &Revision) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let entries = self.plan_entries(revision)?;
        self.blobs(entries)
    }

    /// Every file of the plan folder at `revision`, as (path relative to the
    /// plan folder, blob id), without reading the files: the same blob id
    /// is the same bytes. An error when the plan did not exist there.
    pub fn plan_entries(&self, revision: &Revision) -> Result<Vec<(String, String)>, Error> {
        let absent = || Error::PlanNotAtRevision {
            revision: revision.name.clone(),
            folder: self.prefix_shown(),
        };
        let Some(Object::Found { id, bytes }) =
            self.ask(&[format!("{}:./", revision.commit)])?.pop()
        else {
            return Err(absent());
        };
        let id_len = id.len() / 2;
        let top = tree_entries(&bytes, id_len);
        let mut entries: Vec<(String, String)> = Vec::new();
        let mut folders = Vec::new();
        for (mode, name, object) in top {
            if name == CONVENTION_FILE && is_blob(mode) {
                entries.push((name.to_string(), object));
            } else if mode == "40000" && FOLDERS.contains(&name) {
                folders.push((name.to_string(), object));
            }
        }
        if entries.is_empty() {
            return Err(absent());
        }
        let trees = self.ask(&folders.iter().map(|(_, id)| id.clone()).collect::<Vec<_>>())?;
        for ((folder, _), tree) in folders.iter().zip(trees) {
            let Object::Found { bytes, .. } = tree else {
                continue;
            };
            for (mode, name, object) in tree_entries(&bytes, id_len) {
                let path = format!("{folder}/{name}");
                // Only plan files are read; the rest of the repository is not.
                if is_blob(mode) && kind_of(&path).is_some() {
                    entries.push((path, object));
                }
            }
        }
        Ok(entries)
    }

    /// The bytes of each (path, blob id) of `plan_entries`, as (path, bytes).
    pub fn blobs(&self, entries: Vec<(String, String)>) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let blobs = self.ask_all(&entries.iter().map(|(_, id)| id.clone()).collect::<Vec<_>>())?;
        let mut files = Vec::with_capacity(entries.len());
        for ((path, _), blob) in entries.into_iter().zip(blobs) {
            match blob {
                Object::Found { bytes, .. } => files.push((path, bytes)),
                Object::Missing => return Err(git_failed(format!("{path}: missing object"))),
            }
        }
        Ok(files)
    }

    /// The plan folder relative to the top of the repository, as the error
    /// of a plan missing at a revision shows it (asked only then).
    fn prefix_shown(&self) -> String {
        let prefix = git(&self.dir, &["rev-parse", "--show-prefix"], None).unwrap_or_default();
        let prefix = String::from_utf8_lossy(&prefix);
        match prefix.trim().trim_end_matches('/') {
            "" => ".".to_string(),
            folder => folder.to_string(),
        }
    }

    /// `ask` for many objects (every file of a large plan): git inflates
    /// them on one core, so a share of them goes to one more `cat-file`
    /// process per core, all asked at once; the answers stay in order.
    fn ask_all(&self, names: &[String]) -> Result<Vec<Object>, Error> {
        let processes = crate::parallel::cores().min(MAX_BATCHES);
        if names.len() < PARALLEL_OBJECTS || processes < 2 {
            return self.ask(names);
        }
        let mut shares = names.chunks(names.len().div_ceil(processes));
        let first = shares.next().unwrap_or_default();
        let dir = self.dir.as_path();
        std::thread::scope(|scope| {
            let others: Vec<_> = shares
                .map(|share| scope.spawn(move || Batch::start(dir)?.ask(share)))
                .collect();
            let mut objects = self.ask(first)?;
            for other in others {
                let answered = other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                objects.extend(answered.map_err(|err| git_failed(format!("cat-file: {err}")))?);
            }
            Ok(objects)
        })
    }

    /// Asks the batch process for each name, in order, starting it first
    /// if need be.
    fn ask(&self, names: &[String]) -> Result<Vec<Object>, Error> {
        let mut slot = self.batch.borrow_mut();
        if slot.is_none() {
            *slot = Some(Batch::start(&self.dir).map_err(|_| self.not_a_repo())?);
        }
        let Some(batch) = slot.as_mut() else {
            return Err(self.not_a_repo());
        };
        let first = !batch.answered;
        match batch.ask(names) {
            Ok(objects) => Ok(objects),
            Err(_) if first => Err(self.not_a_repo()),
            Err(err) => Err(git_failed(format!("cat-file: {err}"))),
        }
    }

    fn not_a_repo(&self) -> Error {
        Error::NotARepo {
            dir: self.dir.clone(),
        }
    }
}

fn git_failed(detail: String) -> Error {
    Error::Git { detail }
}

/// Whether a tree entry's mode is a file's (regular, executable or a link),
/// as `git ls-tree` would call it a blob.
fn is_blob(mode: &str) -> bool {
    mode.starts_with('1') && mode != "160000"
}

/// The entries of a tree object: (mode, name, object id in hex). Each is
/// "<mode> <name>\0" then the id's raw bytes.
fn tree_entries(bytes: &[u8], id_len: usize) -> Vec<(&str, &str, String)> {
    let mut entries = Vec::new();
    let mut rest = bytes;
    while let Some(nul) = rest.iter().position(|&b| b == 0) {
        let Some(raw) = rest.get(nul + 1..nul + 1 + id_len) else {
            break;
        };
        let head = std::str::from_utf8(&rest[..nul]).ok();
        if let Some((mode, name)) = head.and_then(|h| h.split_once(' ')) {
            // One string written to, not one per byte: a plan has 10,000 ids.
            let mut id = String::with_capacity(2 * id_len);
            for byte in raw {
                let _ = write!(id, "{byte:02x}");
            }
            entries.push((mode, name, id));
        }
        rest = &rest[nul + 1 + id_len..];
    }
    entries
}

/// A running `git cat-file --batch`: names in, "<id> <type> <size>", the
/// bytes and a newline out (or "<name> missing").
struct Batch {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    /// Whether it has answered once: failing before means git could not
    /// start there (no repository).
    answered: bool,
}

/// Objects asked at once above which more `cat-file` processes share them,
/// and how many at most.
const PARALLEL_OBJECTS: usize = 1024;
const MAX_BATCHES: usize = 4;

/// Up to this many bytes of names are written before reading the answers:
/// they fit in a pipe, so git never waits on a full pipe for us.
const DIRECT_WRITE: usize = 16 * 1024;

impl Batch {
    fn start(dir: &Path) -> std::io::Result<Batch> {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or(std::io::ErrorKind::BrokenPipe)?;
        Ok(Batch {
            stdin: child.stdin.take(),
            stdout: BufReader::with_capacity(64 * 1024, stdout),
            child,
            answered: false,
        })
    }

    fn ask(&mut self, names: &[String]) -> std::io::Result<Vec<Object>> {
        let request: String = names.iter().map(|name| format!("{name}\n")).collect();
        let stdin = self.stdin.as_mut().ok_or(std::io::ErrorKind::BrokenPipe)?;
        let stdout = &mut self.stdout;
        let objects = if request.len() <= DIRECT_WRITE {
            stdin.write_all(request.as_bytes())?;
            stdin.flush()?;
            read_objects(stdout, names.len())
        } else {
            // Written from a thread: git answers while it reads, and a
            // full pipe each way would otherwise block both sides.
            std::thread::scope(|scope| {
                let writer = scope.spawn(move || {
                    stdin.write_all(request.as_bytes())?;
                    stdin.flush()
                });
                let objects = read_objects(stdout, names.len());
                match writer.join() {
                    Ok(written) => written.and(objects),
                    Err(_) => Err(std::io::ErrorKind::BrokenPipe.into()),
                }
            })
        }?;
        self.answered = true;
        Ok(objects)
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        // Git only reads: ending it is safe, even with answers unread (it
        // would wait on a full pipe for ever). Waited for: no zombie is left.
        self.stdin.take();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `count` answers of `cat-file --batch`.
fn read_objects(out: &mut impl BufRead, count: usize) -> std::io::Result<Vec<Object>> {
    let mut objects = Vec::with_capacity(count);
    let mut header = String::new();
    for _ in 0..count {
        header.clear();
        if out.read_line(&mut header)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let header = header.trim_end_matches('\n');
        if header.ends_with(" missing") || header.ends_with(" ambiguous") {
            objects.push(Object::Missing);
            continue;
        }
        let mut fields = header.split(' ');
        let (Some(id), Some(_kind), Some(size)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(std::io::ErrorKind::InvalidData.into());
        };
        let size: usize = size.parse().map_err(|_| std::io::ErrorKind::InvalidData)?;
        let mut bytes = vec![0; size + 1];
        out.read_exact(&mut bytes)?;
        bytes.pop();
        objects.push(Object::Found {
            id: id.to_string(),
            bytes,
        });
    }
    Ok(objects)
}

/// Runs git in `dir`, feeding `input`, and returns its standard output, or
/// its error message.
fn git(dir: &Path, args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("git: {err}"))?;
    // Feed the input from a thread: git writes while it reads, and a full
    // pipe in each direction would otherwise block both sides.
    let feeder = input.map(|bytes| {
        let bytes = bytes.to_vec();
        let mut stdin = child.stdin.take();
        std::thread::spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(&bytes);
            }
        })
    });
    let mut stdout = Vec::new();
    if let Some(out) = child.stdout.as_mut() {
        let _ = out.read_to_end(&mut stdout);
    }
    let output = child
        .wait_with_output()
        .map_err(|err| format!("git: {err}"))?;
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    if output.status.success() {
        Ok(stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_answers_are_split_by_sizes_not_by_lines() {
        let output = b"aaa blob 6\nx = 1\n\nHEAD~9^{commit} missing\nbbb blob 0\n\n";
        let objects = read_objects(&mut &output[..], 3).unwrap();
        let found: Vec<_> = objects
            .iter()
            .map(|object| match object {
                Object::Found { id, bytes } => Some((id.as_str(), bytes.as_slice())),
                Object::Missing => None,
            })
            .collect();
        assert_eq!(
            found,
            [
                Some(("aaa", &b"x = 1\n"[..])),
                None,
                Some(("bbb", &b""[..]))
            ]
        );
        assert!(read_objects(&mut &b"aaa blob 99\nshort\n"[..], 1).is_err());
    }

    #[test]
    fn tree_entries_are_read_with_their_ids() {
        let mut tree = b"100644 ctg.toml\0".to_vec();
        tree.extend([0xab; 20]);
        tree.extend(b"40000 actions\0");
        tree.extend([0x01; 20]);
        let entries = tree_entries(&tree, 20);
        assert_eq!(entries.len(), 2);
        assert_eq!((entries[0].0, entries[0].1), ("100644", "ctg.toml"));
        assert_eq!(entries[0].2, "ab".repeat(20));
        assert_eq!((entries[1].0, entries[1].1), ("40000", "actions"));
    }
}
