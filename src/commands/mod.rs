//! One module per command; each turns arguments and a plan into output text.

pub mod check;
pub mod diff;
pub mod init;
pub mod list;
pub mod log;
pub mod new;
pub mod pilots;
pub mod portfolio;
pub mod report;
pub mod schema;
pub mod set;
pub mod shell;
pub mod show;
pub mod status;
pub mod words;

use std::path::{Path, PathBuf};

use crate::check::{check, validate};
use crate::diag::{self, Code, Diagnostic, Severity};
use crate::edit::PlanEditor;
use crate::git::{Repo, Revision};
use crate::i18n::Msg;
use crate::load::from_sources;
use crate::model::Plan;
use crate::source::{SourceSet, find_plan_dir};
use crate::{Context, Failure};

/// The plan folder, or a diagnostic saying why there is none.
pub fn find_root(context: &Context) -> Result<PathBuf, Failure> {
    let lang = context.lang;
    let missing = |message: String| {
        let diag =
            Diagnostic::error(Code::NoPlan, message).with_help(lang.text(Msg::DiagNoPlanHelp));
        refusal(vec![diag], &SourceSet::empty(), context)
    };
    match find_plan_dir(context.plan.as_deref(), &context.cwd) {
        None => Err(missing(
            lang.fill(Msg::DiagNoPlan, &[&context.cwd.display()]),
        )),
        Some(root) if !root.is_dir() => Err(missing(
            lang.fill(Msg::DiagPlanDirMissing, &[&root.display()]),
        )),
        Some(root) => Ok(root),
    }
}

/// Finds, loads and checks the plan; a plan with errors is refused with
/// its errors, so that no command ever answers from a broken plan.
pub fn load_valid_plan(context: &Context) -> Result<Plan, Failure> {
    let root = find_root(context)?;
    let (plan, mut diags) = validate(&root, context.today, context.lang);
    if diag::has_errors(&diags) {
        diags.retain(|diag| diag.severity == Severity::Error);
        return Err(refusal(diags, &plan.sources, context));
    }
    Ok(plan)
}

/// The plan as it was at a revision, checked; a plan with errors there is
/// refused with its diagnostics, as for any command.
pub fn plan_at(repo: &Repo, revision: &Revision, context: &Context) -> Result<Plan, Failure> {
    let lang = context.lang;
    let blobs = repo.plan_files(revision, lang)?;
    let mut diags = Vec::new();
    let sources = SourceSet::from_blobs(blobs, lang, &mut diags);
    let plan = from_sources(Path::new(&revision.name), sources, lang, &mut diags);
    diags.extend(check(&plan, context.today, lang));
    if diag::has_errors(&diags) {
        diags.retain(|d| d.severity == Severity::Error);
        diag::sort(&mut diags, &plan.sources);
        let refused = refusal(diags, &plan.sources, context);
        return Err(Failure::content(format!(
            "{}\n{}",
            lang.fill(Msg::ErrorPlanAtRevision, &[&revision.name]),
            refused.message
        )));
    }
    Ok(plan)
}

/// The diagnostics, then one line saying that nothing was done.
pub fn refusal(diags: Vec<Diagnostic>, sources: &SourceSet, context: &Context) -> Failure {
    let lang = context.lang;
    let mut text = diag::render_human(&diags, sources, lang, true);
    let errors = diags.len();
    text.push_str(&lang.fill(Msg::ErrorPlanInvalid, &[&errors]));
    text.push('\n');
    Failure::content(text)
}

/// Commits an edit and says what it did: the lines describing the change,
/// or, for a dry run, the diff and a reminder that nothing was written.
pub fn edit_outcome(
    editor: PlanEditor,
    context: &Context,
    dry_run: bool,
    lines: &[String],
) -> Result<String, Failure> {
    let diff = editor.commit(context, dry_run)?;
    let mut out = diff;
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    if dry_run {
        out.push_str(context.lang.text(Msg::EditDryRun));
        out.push('\n');
    }
    Ok(out)
}
