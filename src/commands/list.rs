//! `ctg list`: the actions that match, in the order asked, in five formats.

use chrono::NaiveDate;

use crate::Context;
use crate::analysis::actions::ActionSummary;
use crate::cli::{ListArgs, ListFormat};
use crate::commands::words::{due_text, pilots_text};
use crate::commands::{left_to_exit, load_valid_plan};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, PARALLEL_ACTIONS, Plan};
use crate::output::Output;
use crate::parallel;
use crate::query::{Filter, sort};
use crate::render::table::{Cell, Table};
use crate::render::{self, csv, markdown, terminal};
use crate::span::Located;

pub fn run(context: &Context, args: &ListArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let filter = Filter::from_args(args, &plan, context.today)?;
    // Matched on every core for a large plan: `--text` folds every text.
    let many = plan.actions.len() > PARALLEL_ACTIONS;
    let kept = parallel::map(&plan.actions, many, |_, action| filter.matches(action));
    let matched = plan.actions.iter().zip(kept);
    let mut actions: Vec<&Action> = matched.filter_map(|(a, kept)| kept.then_some(a)).collect();
    sort(&mut actions, args.sort);
    let lang = context.lang;
    let today = context.today;
    let answer = match args.format {
        ListFormat::Json => {
            let summaries: Vec<ActionSummary> = actions
                .iter()
                .map(|a| ActionSummary::of(a, today))
                .collect();
            render::json(&summaries)?
        }
        ListFormat::Ids => actions
            .iter()
            .map(|a| format!("{}\n", a.id.value))
            .collect(),
        ListFormat::Csv => csv::write(args.csv_dialect, &csv_table(&actions, today, lang))?,
        ListFormat::Table | ListFormat::Md if actions.is_empty() => {
            format!("{}\n", lang.text(Msg::ListEmpty))
        }
        ListFormat::Table => {
            terminal::table(&grid(&plan, &actions, today, lang), lang, context.width) + "\n"
        }
        ListFormat::Md => markdown::table(&grid(&plan, &actions, today, lang), lang),
    };
    left_to_exit(plan);
    Ok(Output::answer(answer))
}

fn grid(plan: &Plan, actions: &[&Action], today: NaiveDate, lang: Lang) -> Table {
    let header = [
        Msg::ColId,
        Msg::ColAxis,
        Msg::ColAction,
        Msg::ColStatus,
        Msg::ColPilots,
        Msg::ColDue,
        Msg::ColProgress,
    ]
    .map(|msg| lang.text(msg).to_string())
    .to_vec();
    let mut table = Table::new(header);
    table
        .shorten(2, 28)
        .shorten(4, 10)
        .brief_header(6, lang.text(Msg::ColProgressBrief))
        .optional(1)
        .optional(4)
        .optional(6)
        .optional(5);
    for action in actions {
        let axis = action.axis.as_ref().map(|a| a.value);
        let axis_cell = match plan.axes.iter().find(|x| Some(x.id.value) == axis) {
            Some(found) => Cell::Brief {
                full: format!(
                    "{} {}",
                    found.id.value,
                    found.theme.as_deref().unwrap_or("")
                )
                .trim()
                .to_string(),
                brief: found.id.value.to_string(),
            },
            None => Cell::Text(axis.map(|a| a.to_string()).unwrap_or_default()),
        };
        table.row(vec![
            action.id.value.into(),
            axis_cell,
            action.display_title().into(),
            action.status.label(lang).into(),
            pilots_text(action, lang).into(),
            due_text(action, today, lang).into(),
            Cell::Share(action.progress()),
        ]);
    }
    table
}

fn csv_table(actions: &[&Action], today: NaiveDate, lang: Lang) -> Table {
    let header = [
        Msg::ColId,
        Msg::ColAxis,
        Msg::ColTitle,
        Msg::ColShortTitle,
        Msg::ColStatus,
        Msg::ColPilots,
        Msg::ColPartners,
        Msg::ColStart,
        Msg::ColDue,
        Msg::ColLateDays,
        Msg::ColModalitiesDone,
        Msg::ColModalities,
        Msg::ColProgress,
    ]
    .map(|msg| lang.text(msg).to_string())
    .to_vec();
    let join = |list: &[Located<String>]| {
        list.iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut table = Table::new(header);
    for action in actions {
        table.row(vec![
            action.id.value.into(),
            action
                .axis
                .as_ref()
                .map_or(Cell::from(""), |a| a.value.into()),
            action.title.as_str().into(),
            action.short_title.clone().unwrap_or_default().into(),
            action.status.label(lang).into(),
            join(&action.pilots).into(),
            join(&action.partners).into(),
            action.start.as_ref().map(|d| d.value).into(),
            action.due.as_ref().map(|d| d.value).into(),
            action.days_late(today).map_or(Cell::from(""), Cell::Int),
            action.modalities_done().into(),
            action.modalities_counted().into(),
            Cell::Number(action.progress()),
        ]);
    }
    table
}
