//! `ctg list`: the actions that match, in the order asked, in five formats.

use chrono::NaiveDate;
use serde::Serialize;

use crate::Context;
use crate::cli::{ListArgs, ListFormat};
use crate::commands::load_valid_plan;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Plan};
use crate::output::Output;
use crate::query::{Filter, sort};
use crate::render::csv::{self, Cell};
use crate::render::{self, md_table, terminal_table};

pub fn run(context: &Context, args: &ListArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let filter = Filter::from_args(args, &plan, context.today)?;
    let mut actions: Vec<&Action> = plan.actions.iter().filter(|a| filter.matches(a)).collect();
    sort(&mut actions, args.sort);
    let lang = context.lang;
    let today = context.today;
    Ok(Output::answer(match args.format {
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
        ListFormat::Csv => csv::write(
            args.csv_dialect,
            &csv_header(lang),
            csv_rows(&actions, today, lang),
        )?,
        ListFormat::Table if actions.is_empty() => format!("{}\n", lang.text(Msg::ListEmpty)),
        ListFormat::Md if actions.is_empty() => format!("{}\n", lang.text(Msg::ListEmpty)),
        ListFormat::Table => {
            let (header, rows) = grid(&plan, &actions, today, lang, true);
            let mut table = terminal_table(header);
            table.add_rows(rows);
            format!("{table}\n")
        }
        ListFormat::Md => {
            let (header, rows) = grid(&plan, &actions, today, lang, false);
            md_table(&header, &rows)
        }
    }))
}

/// One action in `ctg list --format json`: the contract's fields first, in
/// a fixed order, then the derived ones.
#[derive(Serialize)]
pub struct ActionSummary {
    pub id: u32,
    pub axis: Option<u32>,
    pub title: String,
    pub short_title: Option<String>,
    pub status: &'static str,
    pub pilots: Vec<String>,
    pub partners: Vec<String>,
    pub due: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub modalities: Vec<ModalitySummary>,
    pub progress: f64,
    pub roles: serde_json::Map<String, serde_json::Value>,
    pub pilot_note: Option<String>,
    pub coordination: bool,
    pub within_competences: bool,
    pub communes: Vec<String>,
    pub modalities_done: usize,
    pub modalities_total: usize,
    /// Days past due at `--today`, for an open action; null otherwise.
    pub overdue_days: Option<i64>,
}

#[derive(Serialize)]
pub struct ModalitySummary {
    pub text: String,
    pub status: &'static str,
}

impl ActionSummary {
    pub fn of(action: &Action, today: NaiveDate) -> ActionSummary {
        let names =
            |list: &[crate::span::Located<String>]| list.iter().map(|a| a.value.clone()).collect();
        ActionSummary {
            id: action.id.value,
            axis: action.axis.as_ref().map(|a| a.value),
            title: action.title.clone(),
            short_title: action.short_title.clone(),
            status: action.status.keyword(),
            pilots: names(&action.pilots),
            partners: names(&action.partners),
            due: action.due.as_ref().map(|d| d.value),
            start: action.start.as_ref().map(|d| d.value),
            modalities: action
                .modalities
                .iter()
                .map(|m| ModalitySummary {
                    text: m.text.clone(),
                    status: m.status.keyword(),
                })
                .collect(),
            progress: render::round4(action.progress()),
            roles: action
                .roles
                .iter()
                .map(|(actor, role)| (actor.value.clone(), serde_json::Value::from(role.clone())))
                .collect(),
            pilot_note: action.pilot_note.clone(),
            coordination: action.coordination,
            within_competences: action.within_competences,
            communes: names(&action.communes),
            modalities_done: action.modalities_done(),
            modalities_total: action.modalities_counted(),
            overdue_days: action.days_late(today),
        }
    }
}

/// Pilots as people read them: "CCVA, Communes", or the source's note when
/// nothing is decided.
pub fn pilots_text(action: &Action, lang: Lang) -> String {
    if action.has_pilot() {
        return action
            .pilots
            .iter()
            .map(|p| p.value.as_str())
            .collect::<Vec<_>>()
            .join(", ");
    }
    match action
        .pilot_note
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    {
        Some(note) => format!("— ({note})"),
        None => format!("— ({})", lang.text(Msg::Undecided)),
    }
}

/// The due date, with the lateness when there is some: "31/03/2025 (+91 j)".
pub fn due_text(action: &Action, today: NaiveDate, lang: Lang) -> String {
    let Some(due) = &action.due else {
        return "—".to_string();
    };
    let date = lang.short_date(due.value);
    match action.days_late(today) {
        Some(days) => format!("{date} ({})", lang.fill(Msg::LateBy, &[&days])),
        None => date,
    }
}

fn grid(
    plan: &Plan,
    actions: &[&Action],
    today: NaiveDate,
    lang: Lang,
    compact: bool,
) -> (Vec<String>, Vec<Vec<String>>) {
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
    let rows = actions
        .iter()
        .map(|action| {
            let axis = action.axis.as_ref().map(|a| a.value);
            let axis_label = match plan.axes.iter().find(|x| Some(x.id.value) == axis) {
                Some(found) if compact => found.id.value.to_string(),
                Some(found) => format!(
                    "{} {}",
                    found.id.value,
                    found.theme.as_deref().unwrap_or("")
                )
                .trim()
                .to_string(),
                None => axis.map(|a| a.to_string()).unwrap_or_default(),
            };
            vec![
                action.id.value.to_string(),
                axis_label,
                action.display_title().to_string(),
                action.status.label(lang).to_string(),
                pilots_text(action, lang),
                due_text(action, today, lang),
                render::progress_cell(action.progress(), lang, compact),
            ]
        })
        .collect();
    (header, rows)
}

fn csv_header(lang: Lang) -> Vec<String> {
    [
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
    .to_vec()
}

fn csv_rows(actions: &[&Action], today: NaiveDate, lang: Lang) -> Vec<Vec<Cell>> {
    let join = |list: &[crate::span::Located<String>]| {
        list.iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    actions
        .iter()
        .map(|action| {
            vec![
                Cell::Int(action.id.value.into()),
                action
                    .axis
                    .as_ref()
                    .map_or(Cell::from(""), |a| Cell::Int(a.value.into())),
                Cell::from(action.title.as_str()),
                Cell::from(action.short_title.clone().unwrap_or_default()),
                Cell::from(action.status.label(lang)),
                Cell::from(join(&action.pilots)),
                Cell::from(join(&action.partners)),
                Cell::Date(action.start.as_ref().map(|d| d.value)),
                Cell::Date(action.due.as_ref().map(|d| d.value)),
                action.days_late(today).map_or(Cell::from(""), Cell::Int),
                Cell::Int(action.modalities_done() as i64),
                Cell::Int(action.modalities_counted() as i64),
                Cell::Number(action.progress()),
            ]
        })
        .collect()
}
