//! The meetings held, as `ctg meeting list` shows them: oldest first, by
//! year and body when asked.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::Plan;

#[derive(Serialize)]
pub struct MeetingList {
    pub meetings: Vec<MeetingRow>,
}

#[derive(Serialize)]
pub struct MeetingRow {
    pub date: NaiveDate,
    pub body: String,
    /// The body's name, as `ctg.toml` declares it.
    pub body_name: String,
    pub title: String,
    pub attendees: Vec<String>,
    pub decisions: Vec<String>,
    pub notes: Option<String>,
    /// The file, relative to the plan.
    pub file: String,
}

impl MeetingList {
    pub fn build(plan: &Plan, year: Option<i32>, body: Option<&str>) -> MeetingList {
        let meetings = plan
            .meetings
            .iter()
            .filter(|m| year.is_none_or(|y| m.date.value.year() == y))
            .filter(|m| body.is_none_or(|b| m.body.value == b))
            .map(|m| MeetingRow {
                date: m.date.value,
                body: m.body.value.clone(),
                body_name: plan
                    .convention
                    .bodies
                    .iter()
                    .find(|b| b.key.value == m.body.value)
                    .map(|b| b.name.clone())
                    .unwrap_or_default(),
                title: m.title.clone(),
                attendees: m.attendees.clone(),
                decisions: m.decisions.clone(),
                notes: m.notes.clone(),
                file: plan.sources.file(m.file).name.clone(),
            })
            .collect();
        MeetingList { meetings }
    }
}
