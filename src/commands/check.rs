//! `ctg check`: every problem of the plan in one run.

use crate::Context;
use crate::check::validate;
use crate::cli::{CheckArgs, CheckFormat};
use crate::commands::find_root;
use crate::diag::{self, Severity};
use crate::error::Error;
use crate::i18n::Msg;
use crate::output::Output;
use crate::render;

pub fn run(context: &Context, args: &CheckArgs) -> Result<Output, Error> {
    let lang = context.lang;
    let root = find_root(context)?;
    let (plan, diags) = validate(&root, context.today, lang);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let success = errors == 0 && !(args.deny_warnings && warnings > 0);
    let code = if success { 0 } else { 1 };
    if args.format == CheckFormat::Json {
        let json = render::json(&diag::to_json(&diags, &plan.sources))?;
        return Ok(Output::answer(json).with_code(code));
    }
    let mut report = diag::render_human(&diags, &plan.sources, lang, true);
    let (axes, actions) = (plan.axes.len(), plan.actions.len());
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
