//! `ctg check`: every problem of the plan in one run; `--explain CODE`
//! describes a rule, `--deny`, `--warn` and `--allow` change rules' levels
//! for the run.

use crate::Context;
use crate::check::created::{FileAdded, missing_created};
use crate::check::explain::explain;
use crate::check::levels::{Levels, lookup};
use crate::check::validate;
use crate::cli::{CheckArgs, CheckFormat};
use crate::commands::{find_root, left_to_exit};
use crate::diag::{self, Severity};
use crate::error::Error;
use crate::git::Repo;
use crate::i18n::Msg;
use crate::output::Output;
use crate::render;
use crate::render::diagnostics::{render_human, to_json};

pub fn run(context: &Context, args: &CheckArgs) -> Result<Output, Error> {
    let lang = context.lang;
    if let Some(code) = &args.explain {
        return Ok(Output::answer(explain(lookup(code)?, lang)));
    }
    let levels = Levels::new(&args.deny, &args.warn, &args.allow)?;
    let root = find_root(context)?;
    let (plan, mut diags) = validate(&root, context.today, lang);
    if let Ok(repo) = Repo::of(&root) {
        let added: Vec<FileAdded> = repo
            .first_added()
            .into_iter()
            .map(|(path, day, with_the_plan)| FileAdded {
                path,
                day,
                with_the_plan,
            })
            .collect();
        diags.extend(missing_created(&plan, &added, lang));
        diag::sort(&mut diags, &plan.sources);
    }
    levels.apply(&mut diags);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let success = errors == 0 && !(args.deny_warnings && warnings > 0);
    let code = if success { 0 } else { 1 };
    if args.format == CheckFormat::Json {
        let json = render::json(&to_json(&diags, &plan.sources))?;
        left_to_exit(plan);
        return Ok(Output::answer(json).with_code(code));
    }
    let mut report = render_human(&diags, &plan.sources, lang, context.styled_notes);
    let (axes, actions) = (plan.axes.len(), plan.actions.len());
    left_to_exit(plan);
    let summary = if errors > 0 {
        lang.fill(Msg::CheckInvalid, &[&errors, &warnings])
    } else if args.deny_warnings && warnings > 0 {
        lang.fill(Msg::CheckDenied, &[&warnings])
    } else if warnings > 0 {
        lang.fill(Msg::CheckValidWarnings, &[&axes, &actions, &warnings])
    } else {
        lang.fill(Msg::CheckValid, &[&axes, &actions])
    };
    // Diagnostics go to stderr like a compiler's; a clean verdict to stdout,
    // a confirmation that --quiet silences.
    if success {
        Ok(Output::confirmation(summary + "\n").with_notes(report))
    } else {
        report.push_str(&summary);
        report.push('\n');
        Ok(Output::confirmation(String::new())
            .with_notes(report)
            .with_code(code))
    }
}
