//! `ctg diff REV [REV2]`: what changed between two states of the plan in git.

use serde::Serialize;

use crate::Context;
use crate::analysis::diff::{ChangeEntry, diff, entries};
use crate::cli::{DiffArgs, ShowFormat};
use crate::commands::{changes_view, find_root, load_valid_plan, plan_at};
use crate::error::Error;
use crate::git::{Repo, Revision};
use crate::i18n::Msg;
use crate::output::Output;
use crate::render::{self, markdown, terminal};

pub fn run(context: &Context, args: &DiffArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let root = find_root(context)?;
    let repo = Repo::of(&root)?;
    let from = repo.resolve(&args.from)?;
    let old = plan_at(&repo, &from, context)?;
    let (new, to) = match &args.to {
        Some(name) => {
            let to = repo.resolve(name)?;
            (plan_at(&repo, &to, context)?, Some(to))
        }
        None => (load_valid_plan(context)?, None),
    };
    let changes = entries(diff(&old, &new), lang, &new);
    let to_name = to.as_ref().map_or_else(
        || lang.text(Msg::DiffWorkingTree).to_string(),
        |r| r.name.clone(),
    );
    let title = lang.fill(Msg::DiffTitle, &[&from.name, &to_name]);
    Ok(Output::answer(match args.format {
        ShowFormat::Json => render::json(&DiffReport { from, to, changes })?,
        ShowFormat::Md => markdown::document(&changes_view(title, &changes, lang, false), lang),
        ShowFormat::Table => terminal::document(
            &changes_view(title, &changes, lang, true),
            lang,
            context.width,
        ),
    }))
}

/// `ctg diff --format json`.
#[derive(Serialize)]
struct DiffReport {
    from: Revision,
    /// Null for the files as they are now.
    to: Option<Revision>,
    changes: Vec<ChangeEntry>,
}
