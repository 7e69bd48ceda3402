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

use chrono::NaiveDate;

use crate::Context;
use crate::check::{check, validate};
use crate::diag::{self, Severity};
use crate::edit::PlanEditor;
use crate::error::{Error, Invalid};
use crate::git::{Repo, Revision};
use crate::i18n::{Lang, Msg};
use crate::load::from_sources;
use crate::model::{Period, Plan};
use crate::output::Output;
use crate::source::{SourceSet, find_plan_dir};

/// The plan folder, or why there is none.
pub fn find_root(context: &Context) -> Result<PathBuf, Error> {
    match find_plan_dir(context.plan.as_deref(), &context.cwd) {
        None => Err(Error::NoPlan {
            from: context.cwd.clone(),
        }),
        Some(root) if root.is_dir() => Ok(root),
        Some(root) if root.exists() => Err(Error::NotAFolder { path: root }),
        Some(root) => Err(Error::PlanFolderMissing { dir: root }),
    }
}

/// Finds, loads and checks the plan; a plan with errors is refused with
/// its errors, so that no command ever answers from a broken plan.
pub fn load_valid_plan(context: &Context) -> Result<Plan, Error> {
    let root = find_root(context)?;
    let (plan, mut diags) = validate(&root, context.today, context.lang);
    if diag::has_errors(&diags) {
        diags.retain(|diag| diag.severity == Severity::Error);
        return Err(Error::PlanInvalid(Box::new(Invalid {
            diagnostics: diags,
            sources: plan.sources,
            revision: None,
        })));
    }
    Ok(plan)
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

/// Commits an edit and says what it did: the lines describing the change
/// (a confirmation), or, for a dry run, the diff and a reminder that
/// nothing was written (the answer asked for).
pub fn edit_outcome(
    editor: PlanEditor,
    context: &Context,
    dry_run: bool,
    lines: &[String],
) -> Result<Output, Error> {
    let diff = editor.commit(context, dry_run)?;
    let mut out = diff;
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    if dry_run {
        out.push_str(context.lang.text(Msg::EditDryRun));
        out.push('\n');
        return Ok(Output::answer(out));
    }
    Ok(Output::confirmation(out))
}

/// A period a view is asked for (a report's, or the single day of
/// `status --at`), checked against the convention's dates: wholly outside
/// them it is refused, unless `force`, when the note to show is returned.
pub fn check_period(
    plan: &Plan,
    period: Period,
    force: bool,
    lang: Lang,
) -> Result<Option<String>, Error> {
    if !plan.outside_convention(period) {
        return Ok(None);
    }
    let start = plan.convention.start.as_ref().map(|d| d.value);
    let end = plan.convention.end.as_ref().map(|d| d.value);
    if !force {
        return Err(Error::OutsideConvention { period, start, end });
    }
    let bound =
        |day: Option<chrono::NaiveDate>| day.map_or("…".to_string(), |d| lang.short_date(d));
    Ok(Some(lang.fill(
        Msg::OutsideConventionNote,
        &[&period.label(lang), &bound(start), &bound(end)],
    )))
}

/// Where the fields the journal does not date (titles, pilots, due dates)
/// are read for a day.
pub enum DayFields {
    /// The plan as read: a revision asked for with `--rev`, or a day that
    /// is today or later, whose truth is the files as they are.
    AsRead,
    /// The plan as last committed on or before that day.
    Committed(Box<Plan>),
    /// Git holds no version of the plan by then: the fields are today's,
    /// and a view says so.
    Unknown,
}

impl DayFields {
    /// The fields of `day` for `plan`, read with `--rev` or not.
    pub fn of(plan: &Plan, day: NaiveDate, at_revision: bool, context: &Context) -> DayFields {
        if at_revision || day >= context.today {
            return DayFields::AsRead;
        }
        let committed = Repo::of(&plan.root).ok().and_then(|repo| {
            let revision = repo.last_commit_by(day)?;
            plan_at(&repo, &revision, context).ok()
        });
        committed.map_or(DayFields::Unknown, |plan| {
            DayFields::Committed(Box::new(plan))
        })
    }

    /// The plan to take the fields from; `None` when git cannot tell.
    pub fn source<'a>(&'a self, plan: &'a Plan) -> Option<&'a Plan> {
        match self {
            DayFields::AsRead => Some(plan),
            DayFields::Committed(committed) => Some(committed),
            DayFields::Unknown => None,
        }
    }
}

/// The plan a view reads: the files on disk, or with `--rev`, the plan as
/// committed at that revision.
pub fn plan_for(context: &Context, rev: Option<&str>) -> Result<Plan, Error> {
    let Some(rev) = rev else {
        return load_valid_plan(context);
    };
    let repo = Repo::of(&find_root(context)?)?;
    let revision = repo.resolve(rev)?;
    plan_at(&repo, &revision, context)
}
