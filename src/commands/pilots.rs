//! `ctg pilots`: actors × statuses — the load each actor carries.

use serde::Serialize;

use crate::Context;
use crate::cli::{PilotsArgs, PilotsFormat};
use crate::commands::load_valid_plan;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Plan, Status, StatusCounts};
use crate::output::Output;
use crate::query::id_ranges;
use crate::render::csv::{self, Cell};
use crate::render::{self, md_cell, md_table, terminal_table};

pub fn run(context: &Context, args: &PilotsArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let load = Load::build(&plan, context.today);
    let lang = context.lang;
    Ok(Output::answer(match args.format {
        PilotsFormat::Json => render::json(&load)?,
        PilotsFormat::Csv => csv::write(args.csv_dialect, &csv_header(lang), csv_rows(&load))?,
        PilotsFormat::Table => {
            let (header, rows) = grid(&load, lang);
            let mut table = terminal_table(header);
            table.add_rows(rows);
            format!("{table}\n\n{}", undecided_text(&load, lang, false))
        }
        PilotsFormat::Md => {
            let (header, rows) = grid(&load, lang);
            format!(
                "{}\n{}",
                md_table(&header, &rows),
                undecided_text(&load, lang, true)
            )
        }
    }))
}

#[derive(Serialize)]
pub struct Load {
    pub actors: Vec<ActorLoad>,
    /// Open actions that no actor leads yet.
    pub undecided: Vec<Undecided>,
}

#[derive(Serialize)]
pub struct ActorLoad {
    pub id: String,
    pub name: String,
    pub leads: Leads,
    pub supports: Supports,
}

#[derive(Serialize)]
pub struct Leads {
    pub count: usize,
    pub by_status: StatusCounts,
    pub actions: Vec<u32>,
    /// Led actions past their due date.
    pub late: Vec<u32>,
}

#[derive(Serialize)]
pub struct Supports {
    pub count: usize,
    pub actions: Vec<u32>,
}

#[derive(Serialize)]
pub struct Undecided {
    pub id: u32,
    pub title: String,
    pub pilot_note: Option<String>,
}

impl Load {
    pub fn build(plan: &Plan, today: chrono::NaiveDate) -> Load {
        let names =
            |list: &[crate::span::Located<String>], id: &str| list.iter().any(|a| a.value == id);
        let actors = plan
            .convention
            .actors
            .iter()
            .map(|actor| {
                let id = actor.id.value.as_str();
                let led: Vec<&Action> = plan
                    .actions
                    .iter()
                    .filter(|a| names(&a.pilots, id))
                    .collect();
                let supported: Vec<u32> = plan
                    .actions
                    .iter()
                    .filter(|a| names(&a.partners, id))
                    .map(|a| a.id.value)
                    .collect();
                ActorLoad {
                    id: id.to_string(),
                    name: actor.name.clone(),
                    leads: Leads {
                        count: led.len(),
                        by_status: StatusCounts::of(led.iter().copied()),
                        actions: led.iter().map(|a| a.id.value).collect(),
                        late: led
                            .iter()
                            .filter(|a| a.days_late(today).is_some())
                            .map(|a| a.id.value)
                            .collect(),
                    },
                    supports: Supports {
                        count: supported.len(),
                        actions: supported,
                    },
                }
            })
            .collect();
        let undecided = plan
            .actions
            .iter()
            .filter(|a| a.status.is_open() && !a.has_pilot())
            .map(|a| Undecided {
                id: a.id.value,
                title: a.display_title().to_string(),
                pilot_note: a.pilot_note.clone(),
            })
            .collect();
        Load { actors, undecided }
    }

    /// Statuses worth a column: those some led action has.
    fn statuses(&self) -> Vec<Status> {
        Status::ALL
            .into_iter()
            .filter(|s| self.actors.iter().any(|a| a.leads.by_status.get(*s) > 0))
            .collect()
    }
}

fn grid(load: &Load, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let statuses = load.statuses();
    let mut header = vec![
        lang.text(Msg::ColActor).to_string(),
        lang.text(Msg::ColLeads).to_string(),
    ];
    header.extend(statuses.iter().map(|s| s.label(lang).to_string()));
    header.extend(
        [Msg::ColSupports, Msg::ColLate, Msg::ColActions].map(|m| lang.text(m).to_string()),
    );
    let rows = load
        .actors
        .iter()
        .map(|actor| {
            let mut row = vec![actor.id.clone(), actor.leads.count.to_string()];
            row.extend(
                statuses
                    .iter()
                    .map(|s| actor.leads.by_status.get(*s).to_string()),
            );
            row.push(actor.supports.count.to_string());
            row.push(id_ranges(&actor.leads.late));
            let mut actions = id_ranges(&actor.leads.actions);
            if !actor.supports.actions.is_empty() {
                actions.push_str(&format!(" (+ {})", id_ranges(&actor.supports.actions)));
            }
            row.push(actions);
            row
        })
        .collect();
    (header, rows)
}

fn undecided_text(load: &Load, lang: Lang, markdown: bool) -> String {
    let title = lang.text(Msg::PilotsUndecided);
    let mut out = if markdown {
        format!("## {title}\n\n")
    } else {
        format!("{title}\n")
    };
    if load.undecided.is_empty() {
        out.push_str(lang.text(Msg::PilotsNoneUndecided));
        out.push('\n');
    }
    for action in &load.undecided {
        let note = action
            .pilot_note
            .as_deref()
            .unwrap_or(lang.text(Msg::Undecided));
        let line = format!("{} — {} ({note})", action.id, action.title);
        if markdown {
            out.push_str(&format!("- {}\n", md_cell(&line)));
        } else {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

fn csv_header(lang: Lang) -> Vec<String> {
    let mut header = vec![
        lang.text(Msg::ColActor).to_string(),
        lang.text(Msg::ColName).to_string(),
        lang.text(Msg::ColLeads).to_string(),
    ];
    header.extend(Status::ALL.iter().map(|s| s.label(lang).to_string()));
    header.extend(
        [
            Msg::ColSupports,
            Msg::ColLate,
            Msg::ColActions,
            Msg::ColPartners,
        ]
        .map(|m| lang.text(m).to_string()),
    );
    header
}

fn csv_rows(load: &Load) -> Vec<Vec<Cell>> {
    let ids = |ids: &[u32]| {
        ids.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    load.actors
        .iter()
        .map(|actor| {
            let mut row = vec![
                Cell::from(actor.id.as_str()),
                Cell::from(actor.name.as_str()),
                Cell::Int(actor.leads.count as i64),
            ];
            row.extend(
                Status::ALL
                    .iter()
                    .map(|s| Cell::Int(actor.leads.by_status.get(*s) as i64)),
            );
            row.push(Cell::Int(actor.supports.count as i64));
            row.push(Cell::from(ids(&actor.leads.late)));
            row.push(Cell::from(ids(&actor.leads.actions)));
            row.push(Cell::from(ids(&actor.supports.actions)));
            row
        })
        .collect()
}
