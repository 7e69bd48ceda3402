//! Reading the plan as it was at a git revision.
//!
//! Git is reached through the `git` command: it is on every staff laptop
//! that holds the plan's repository and on every CI runner, it knows the
//! user's configuration (safe directories, alternates, worktrees) and it
//! needs no C library built with the tool. A revision's files are listed with
//! `git ls-tree` and read in one `git cat-file --batch` process; nothing is
//! checked out, so the working tree and the index are never touched.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Error;

/// The repository holding a plan folder, and where the plan sits in it.
pub struct Repo {
    /// The folder git commands run in (the plan folder).
    dir: PathBuf,
    /// The plan folder relative to the top of the repository, with a
    /// trailing `/` (empty when the plan is the repository's root).
    prefix: String,
}

/// One revision, as asked and as resolved.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Revision {
    /// What the user wrote: a tag, a branch, a commit, `HEAD~2`…
    pub name: String,
    pub commit: String,
}

impl Repo {
    /// The repository of `plan_dir`, or an error saying the plan is not in one.
    pub fn of(plan_dir: &Path) -> Result<Repo, Error> {
        let prefix =
            git(plan_dir, &["rev-parse", "--show-prefix"], None).map_err(|_| Error::NotARepo {
                dir: plan_dir.to_path_buf(),
            })?;
        Ok(Repo {
            dir: plan_dir.to_path_buf(),
            prefix: String::from_utf8_lossy(&prefix).trim().to_string(),
        })
    }

    /// The commit a revision names, or an error naming the revision.
    pub fn resolve(&self, name: &str) -> Result<Revision, Error> {
        let spec = format!("{name}^{{commit}}");
        let unknown = || Error::UnknownRevision {
            name: name.to_string(),
        };
        if name.starts_with('-') {
            return Err(unknown());
        }
        let out = git(
            &self.dir,
            &["rev-parse", "--verify", "--quiet", &spec],
            None,
        )
        .map_err(|_| unknown())?;
        Ok(Revision {
            name: name.to_string(),
            commit: String::from_utf8_lossy(&out).trim().to_string(),
        })
    }

    /// The last commit of the current branch made on or before `day` (by
    /// its committer date, to the end of that day), if there is one.
    pub fn last_commit_by(&self, day: chrono::NaiveDate) -> Option<Revision> {
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
            "--reverse",
            "--diff-filter=A",
            "--format=%x00%cs",
            "--name-only",
            "--no-renames",
            "--",
            ".",
        ];
        let Ok(out) = git(&self.dir, &args, None) else {
            return Vec::new();
        };
        let text = String::from_utf8_lossy(&out);
        let mut found: Vec<(String, chrono::NaiveDate, usize)> = Vec::new();
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
                if let Some(relative) = path.strip_prefix(self.prefix.as_str())
                    && !found.iter().any(|(p, _, _)| p == relative)
                {
                    found.push((relative.to_string(), day, commit));
                }
            }
        }
        let plan_commit = found
            .iter()
            .find(|(path, _, _)| path == crate::source::CONVENTION_FILE)
            .map(|(_, _, commit)| *commit);
        found
            .into_iter()
            .map(|(path, day, commit)| (path, day, Some(commit) == plan_commit))
            .collect()
    }

    /// Every file of the plan folder at `revision`, as (path relative to the
    /// plan folder, bytes). An error when the plan did not exist there.
    pub fn plan_files(&self, revision: &Revision) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let failed = |detail: String| Error::Git { detail };
        let mut args = vec![
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            revision.commit.as_str(),
        ];
        if !self.prefix.is_empty() {
            args.push("--");
            args.push(&self.prefix);
        }
        let listing = git(&self.dir, &args, None).map_err(failed)?;
        let mut entries = Vec::new();
        for record in listing.split(|&byte| byte == 0).filter(|r| !r.is_empty()) {
            // "<mode> <type> <object>\t<path>"
            let record = String::from_utf8_lossy(record);
            let Some((meta, path)) = record.split_once('\t') else {
                continue;
            };
            let mut fields = meta.split(' ');
            let (Some(_mode), Some(kind), Some(object)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if kind != "blob" {
                continue;
            }
            if let Some(relative) = path.strip_prefix(self.prefix.as_str()) {
                entries.push((relative.to_string(), object.to_string()));
            }
        }
        if !entries
            .iter()
            .any(|(path, _)| path == crate::source::CONVENTION_FILE)
        {
            return Err(Error::PlanNotAtRevision {
                revision: revision.name.clone(),
                folder: self.prefix_shown(),
            });
        }
        // Only plan files are read; the rest of the repository is not.
        entries.retain(|(path, _)| crate::source::kind_of(path).is_some());
        let objects: String = entries
            .iter()
            .map(|(_, object)| format!("{object}\n"))
            .collect();
        let contents = git(
            &self.dir,
            &["cat-file", "--batch"],
            Some(objects.as_bytes()),
        )
        .map_err(failed)?;
        let blobs =
            split_batch(&contents, entries.len()).ok_or_else(|| failed("cat-file".into()))?;
        Ok(entries
            .into_iter()
            .map(|(path, _)| path)
            .zip(blobs)
            .collect())
    }

    fn prefix_shown(&self) -> String {
        if self.prefix.is_empty() {
            ".".to_string()
        } else {
            self.prefix.trim_end_matches('/').to_string()
        }
    }
}

/// The contents out of `git cat-file --batch` output: for each object a
/// header line "<object> <type> <size>", the bytes, then a newline.
fn split_batch(output: &[u8], count: usize) -> Option<Vec<Vec<u8>>> {
    let mut blobs = Vec::with_capacity(count);
    let mut rest = output;
    for _ in 0..count {
        let end = rest.iter().position(|&byte| byte == b'\n')?;
        let header = std::str::from_utf8(&rest[..end]).ok()?;
        let size: usize = header.rsplit(' ').next()?.parse().ok()?;
        let start = end + 1;
        blobs.push(rest.get(start..start + size)?.to_vec());
        rest = rest.get(start + size + 1..).unwrap_or_default();
    }
    Some(blobs)
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
    fn batch_output_is_split_by_sizes_not_by_lines() {
        let output = b"aaa blob 6\nx = 1\n\nbbb blob 0\n\n";
        let blobs = split_batch(output, 2).unwrap();
        assert_eq!(blobs, [b"x = 1\n".to_vec(), Vec::new()]);
        assert!(split_batch(b"aaa blob 99\nshort\n", 1).is_none());
    }
}
