//! `ctg diff REV [REV2]`: what changed between two states of the plan in git.

use std::path::Path;

use serde::Serialize;

use crate::Context;
use crate::check::check;
use crate::cli::{DiffArgs, ShowFormat};
use crate::commands::{find_root, load_valid_plan};
use crate::diag::{self, Severity};
use crate::diff::{ChangeEntry, diff, entries};
use crate::error::{Error, Invalid};
use crate::git::{Repo, Revision};
use crate::i18n::Msg;
use crate::load::from_sources;
use crate::model::Plan;
use crate::output::Output;
use crate::render::markup::{Markdown, Markup};
use crate::render::{self, terminal_table};
use crate::source::SourceSet;

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
    Ok(Output::answer(match args.format {
        ShowFormat::Json => render::json(&DiffReport { from, to, changes })?,
        ShowFormat::Md => {
            let mut out = Markdown::new(lang);
            out.heading(1, &lang.fill(Msg::DiffTitle, &[&from.name, &to_name]));
            if changes.is_empty() {
                out.paragraph(lang.text(Msg::DiffNone));
            } else {
                let items: Vec<String> = changes.iter().map(|c| c.message.clone()).collect();
                out.list(&items);
            }
            out.finish()
        }
        ShowFormat::Table => {
            let mut text = format!("{}\n", lang.fill(Msg::DiffTitle, &[&from.name, &to_name]));
            if changes.is_empty() {
                text.push_str(lang.text(Msg::DiffNone));
                text.push('\n');
            } else {
                let mut table = terminal_table(vec![
                    lang.text(Msg::ColId).to_string(),
                    lang.text(Msg::ColChange).to_string(),
                ]);
                for entry in &changes {
                    let id = entry
                        .change
                        .action()
                        .map(|a| a.to_string())
                        .unwrap_or_default();
                    table.add_row(vec![id, entry.message.clone()]);
                }
                text.push_str(&format!("{table}\n"));
            }
            text
        }
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

/// The plan as it was at a revision, checked; a plan with errors there is
/// refused with its diagnostics, as for any command.
pub fn plan_at(repo: &Repo, revision: &Revision, context: &Context) -> Result<Plan, Error> {
    let lang = context.lang;
    let blobs = repo.plan_files(revision)?;
    let mut diags = Vec::new();
    let sources = SourceSet::from_blobs(blobs, lang, &mut diags);
    let plan = from_sources(Path::new(&revision.name), sources, lang, &mut diags);
    diags.extend(check(&plan, context.today, lang));
    if diag::has_errors(&diags) {
        diags.retain(|d| d.severity == Severity::Error);
        diag::sort(&mut diags, &plan.sources);
        return Err(Error::PlanInvalid(Box::new(Invalid {
            diagnostics: diags,
            sources: plan.sources,
            revision: Some(revision.name.clone()),
        })));
    }
    Ok(plan)
}
