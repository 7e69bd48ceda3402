//! One module per command; each turns arguments and a plan into output text.

pub mod status;

use crate::diag::{self, Code, Diagnostic, Severity};
use crate::i18n::Msg;
use crate::model::Plan;
use crate::source::{SourceSet, find_plan_dir};
use crate::{Context, Failure, load};

/// Finds and loads the plan; a plan with errors is refused with its
/// diagnostics, so that no command ever answers from a broken plan.
pub fn load_valid_plan(context: &Context) -> Result<Plan, Failure> {
    let lang = context.lang;
    let Some(root) = find_plan_dir(context.plan.as_deref(), &context.cwd) else {
        let diag = Diagnostic::error(
            Code::NoPlan,
            lang.fill(Msg::DiagNoPlan, &[&context.cwd.display()]),
        )
        .with_help(lang.text(Msg::DiagNoPlanHelp));
        return Err(refusal(vec![diag], &SourceSet::empty(), context));
    };
    if !root.is_dir() {
        let diag = Diagnostic::error(
            Code::NoPlan,
            lang.fill(Msg::DiagPlanDirMissing, &[&root.display()]),
        )
        .with_help(lang.text(Msg::DiagNoPlanHelp));
        return Err(refusal(vec![diag], &SourceSet::empty(), context));
    }
    let (plan, mut diags) = load::load(&root, lang);
    if diag::has_errors(&diags) {
        diags.retain(|diag| diag.severity == Severity::Error);
        diag::sort(&mut diags, &plan.sources);
        return Err(refusal(diags, &plan.sources, context));
    }
    Ok(plan)
}

/// The diagnostics, then one line saying that nothing was done.
fn refusal(diags: Vec<Diagnostic>, sources: &SourceSet, context: &Context) -> Failure {
    let lang = context.lang;
    let mut text = diag::render_human(&diags, sources, lang, true);
    let errors = diags.len();
    text.push_str(&lang.fill(Msg::ErrorPlanInvalid, &[&errors]));
    text.push('\n');
    Failure(text)
}
