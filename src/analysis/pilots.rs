//! Who leads what: for each actor, the actions it leads (by status, late
//! ones apart) and supports; then the open actions nobody leads.

use serde::Serialize;

use crate::model::{Action, Plan, Status, StatusCounts};
use crate::span::Located;

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
        let names = |list: &[Located<String>], id: &str| list.iter().any(|a| a.value == id);
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
            .filter(|a| a.needs_pilot())
            .map(|a| Undecided {
                id: a.id.value,
                title: a.display_title().to_string(),
                pilot_note: a.pilot_note.clone(),
            })
            .collect();
        Load { actors, undecided }
    }

    /// Statuses worth a column: those some led action has.
    pub fn statuses(&self) -> Vec<Status> {
        Status::ALL
            .into_iter()
            .filter(|s| self.actors.iter().any(|a| a.leads.by_status.get(*s) > 0))
            .collect()
    }
}
