//! `ctg diff REV [REV2]`: what changed between two states of the plan in git.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::Context;
use crate::analysis::diff::{ChangeEntry, diff, entries};
use crate::cli::{DiffArgs, ShowFormat};
use crate::commands::{
    changes_view, checked_at, find_root, left_to_exit, load_valid_plan, plan_at,
};
use crate::edit::reread_from;
use crate::error::Error;
use crate::git::{Repo, Revision};
use crate::i18n::Msg;
use crate::load::from_sources_by_file;
use crate::model::Plan;
use crate::output::Output;
use crate::render::{self, markdown, terminal};
use crate::source::SourceSet;

pub fn run(context: &Context, args: &DiffArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let root = find_root(context)?;
    let repo = Repo::of(&root)?;
    let from = repo.resolve(&args.from)?;
    let (old, new, to) = match &args.to {
        Some(name) => {
            let (old, new, to) = plans_at(&repo, &from, name, context)?;
            (old, new, Some(to))
        }
        None => (
            plan_at(&repo, &from, context)?,
            load_valid_plan(context)?,
            None,
        ),
    };
    let changes = entries(diff(&old, &new), lang, &new);
    let to_name = to.as_ref().map_or_else(
        || lang.text(Msg::DiffWorkingTree).to_string(),
        |r| r.name.clone(),
    );
    let title = lang.fill(Msg::DiffTitle, &[&from.name, &to_name]);
    let answer = match args.format {
        ShowFormat::Json => render::json(&DiffReport { from, to, changes })?,
        ShowFormat::Md => markdown::document(&changes_view(title, &changes, lang, false), lang),
        ShowFormat::Table => terminal::document(
            &changes_view(title, &changes, lang, true),
            lang,
            context.width,
        ),
    };
    left_to_exit((old, new));
    Ok(Output::answer(answer))
}

/// The plans at `from` and at the revision `to` names, each checked as
/// `plan_at` checks it (the first before `to` is even resolved). Most files
/// are the same blob at both: such a file is read from git and parsed once,
/// and the second plan is made from the first (`reread_from`).
fn plans_at(
    repo: &Repo,
    from: &Revision,
    to: &str,
    context: &Context,
) -> Result<(Plan, Plan, Revision), Error> {
    let lang = context.lang;
    let entries = repo.plan_entries(from)?;
    let ids: Vec<String> = entries.iter().map(|(_, id)| id.clone()).collect();
    let blobs = repo.blobs(entries)?;
    let mut diags = Vec::new();
    let sources = SourceSet::from_blobs(blobs.clone(), lang, &mut diags);
    let (old, files) = from_sources_by_file(Path::new(&from.name), sources, lang);
    let old = checked_at(old, &files, diags, from, context)?;

    let to = repo.resolve(to)?;
    let known = ids
        .into_iter()
        .zip(blobs.into_iter().map(|(_, bytes)| bytes));
    let blobs = files_of(repo, repo.plan_entries(&to)?, known.collect())?;
    let mut diags = Vec::new();
    let sources = SourceSet::from_blobs(blobs, lang, &mut diags);
    let touched: Vec<usize> = (0..sources.files.len())
        .filter(|&index| !same_file(&old.sources, &sources, index))
        .collect();
    let (mut new, files) = reread_from(old.clone(), files, sources, &touched, lang);
    new.root = PathBuf::from(&to.name);
    let new = checked_at(new, &files, diags, &to, context)?;
    Ok((old, new, to))
}

/// The files of `entries` (path, blob id) with their bytes: those of
/// `known` (blob id to bytes, read for the other revision) when there, read
/// from git otherwise. Bytes are moved, copied only for a blob that two
/// files share.
fn files_of(
    repo: &Repo,
    entries: Vec<(String, String)>,
    mut known: HashMap<String, Vec<u8>>,
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let unknown: Vec<_> = (entries.iter())
        .filter(|(_, id)| !known.contains_key(id))
        .cloned()
        .collect();
    let unknown_ids: Vec<String> = unknown.iter().map(|(_, id)| id.clone()).collect();
    let read = repo.blobs(unknown)?.into_iter().map(|(_, bytes)| bytes);
    known.extend(unknown_ids.into_iter().zip(read));
    let last_use: HashMap<String, usize> = (entries.iter().enumerate())
        .map(|(index, (_, id))| (id.clone(), index))
        .collect();
    let files = (entries.into_iter().enumerate()).map(|(index, (path, id))| {
        // Every id is known by now: read before, or just read.
        let bytes = if last_use.get(&id) == Some(&index) {
            known.remove(&id)
        } else {
            known.get(&id).cloned()
        };
        (path, bytes.unwrap_or_default())
    });
    Ok(files.collect())
}

/// Whether the file at `index` of `after` is the file at that index of
/// `before`: the same name, kind and text read the same.
fn same_file(before: &SourceSet, after: &SourceSet, index: usize) -> bool {
    let (Some(old), Some(new)) = (before.files.get(index), after.files.get(index)) else {
        return false;
    };
    before.kinds[index] == after.kinds[index] && old.name == new.name && old.text() == new.text()
}

/// `ctg diff --format json`.
#[derive(Serialize)]
struct DiffReport {
    from: Revision,
    /// Null for the files as they are now.
    to: Option<Revision>,
    changes: Vec<ChangeEntry>,
}
