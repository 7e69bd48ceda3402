//! Actions as data: the items of `ctg list --format json`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::round4;
use crate::model::Action;
use crate::span::Located;

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
        let names = |list: &[Located<String>]| list.iter().map(|a| a.value.clone()).collect();
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
            progress: round4(action.progress()),
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
