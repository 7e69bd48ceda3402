//! `ctg pilots`: actors × statuses — the load each actor carries. The
//! figures are `analysis::pilots`; this module lays them out.

use crate::Context;
use crate::analysis::pilots::Load;
use crate::cli::{PilotsArgs, PilotsFormat};
use crate::commands::{left_to_exit, load_valid_plan};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::Status;
use crate::output::Output;
use crate::query::id_ranges;
use crate::render::document::Document;
use crate::render::table::{Cell, Table};
use crate::render::{self, csv, markdown, terminal};

pub fn run(context: &Context, args: &PilotsArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let load = Load::build(&plan, context.today);
    let lang = context.lang;
    let answer = match args.format {
        PilotsFormat::Json => render::json(&load)?,
        PilotsFormat::Csv => csv::write(args.csv_dialect, &csv_table(&load, lang))?,
        PilotsFormat::Table => terminal::document(&view(&load, lang), lang, context.width),
        PilotsFormat::Md => markdown::document(&view(&load, lang), lang),
    };
    left_to_exit(load);
    left_to_exit(plan);
    Ok(Output::answer(answer))
}

fn grid(load: &Load, lang: Lang) -> Table {
    let statuses = load.statuses();
    let mut header = vec![
        lang.text(Msg::ColActor).to_string(),
        lang.text(Msg::ColLeads).to_string(),
    ];
    header.extend(statuses.iter().map(|s| s.label(lang).to_string()));
    header.extend(
        [Msg::ColSupports, Msg::ColLate, Msg::ColActions].map(|m| lang.text(m).to_string()),
    );
    let mut table = Table::with_row_headers(header);
    let after = 2 + statuses.len();
    let keys = statuses.iter().map(|s| s.symbol().to_string()).collect();
    table
        .group(2, lang.text(Msg::ColStatuses), keys)
        .brief_header(after, lang.text(Msg::ColSupportsBrief))
        .brief_header(after + 1, lang.text(Msg::ColLateBrief))
        .wrap(after + 1)
        .wrap(after + 2)
        .optional(after);
    for actor in &load.actors {
        let mut row = vec![Cell::from(actor.id.as_str()), actor.leads.count.into()];
        row.extend(
            statuses
                .iter()
                .map(|s| actor.leads.by_status.get(*s).into()),
        );
        row.push(actor.supports.count.into());
        row.push(id_ranges(&actor.leads.late).into());
        let mut actions = id_ranges(&actor.leads.actions);
        if !actor.supports.actions.is_empty() {
            actions.push_str(&format!(" (+ {})", id_ranges(&actor.supports.actions)));
        }
        row.push(actions.into());
        table.row(row);
    }
    table
}

/// The table, then the open actions nobody leads.
fn view(load: &Load, lang: Lang) -> Document {
    let mut doc = Document::new();
    doc.table(grid(load, lang))
        .heading(2, lang.text(Msg::PilotsUndecided));
    if load.undecided.is_empty() {
        doc.paragraph(lang.text(Msg::PilotsNoneUndecided));
    } else {
        let lines = load.undecided.iter().map(|action| {
            let note = action
                .pilot_note
                .as_deref()
                .unwrap_or(lang.text(Msg::Undecided));
            format!("{} — {} ({note})", action.id, action.title)
        });
        doc.list(lines);
    }
    doc
}

fn csv_table(load: &Load, lang: Lang) -> Table {
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
    let mut table = Table::new(header);
    let ids = |ids: &[u32]| {
        ids.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    for actor in &load.actors {
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
        table.row(row);
    }
    table
}
