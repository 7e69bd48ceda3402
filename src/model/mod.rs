//! The plan as typed data: convention, axes, actions, meetings.
//!
//! Values a diagnostic may point at keep their place (`Located`); the rest
//! are plain. Derived facts (progress, lateness, what needs a pilot…) are
//! defined once, in `facts`; the plan as it stood on a past day, once, in
//! `history`. Nothing derived is ever stored.

mod facts;
mod history;
mod money;
mod status;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::source::{FileKind, SourceSet};
use crate::span::{FileId, Located, Span};

pub use facts::{latest_move, progress};
pub use history::{PARALLEL_ACTIONS, Period};
pub use status::{Status, StatusCounts};

/// A whole plan, as read from its folder.
#[derive(Clone)]
pub struct Plan {
    pub root: PathBuf,
    /// Shared, so that a copy of the plan (`as_of`) costs no copy of the texts.
    pub sources: Arc<SourceSet>,
    pub convention: Convention,
    /// Sorted by id.
    pub axes: Vec<Axis>,
    /// Sorted by id.
    pub actions: Vec<Action>,
    /// Sorted by date.
    pub meetings: Vec<Meeting>,
    /// Kinds of files that could not be read or parsed into their item:
    /// rules that need every item of a kind (is this axis known?) stay
    /// silent about them rather than pile up consequences of one error.
    pub incomplete: Vec<FileKind>,
}

#[derive(Clone, Default)]
pub struct Convention {
    pub schema: Option<Located<i64>>,
    pub name: String,
    pub territory: String,
    pub caf: Option<String>,
    pub adopted: Option<Located<NaiveDate>>,
    pub start: Option<Located<NaiveDate>>,
    pub end: Option<Located<NaiveDate>>,
    /// The reference of the deliberation that adopted the plan.
    pub deliberation: Option<String>,
    /// The day the act was sent to the préfecture.
    pub transmitted: Option<Located<NaiveDate>>,
    pub actors: Vec<Actor>,
    pub bodies: Vec<Body>,
}

/// Someone who can lead or support an action: the intercommunality, the
/// communes, a service.
#[derive(Clone)]
pub struct Actor {
    pub id: Located<String>,
    pub name: String,
    pub members: Vec<String>,
    /// `caf = true`: this actor is the Caf, whose share of the financing
    /// the bilan gives.
    pub caf: bool,
}

/// A governance body and how often it must meet.
#[derive(Clone)]
pub struct Body {
    pub key: Located<String>,
    pub name: String,
    pub per_year: u32,
    pub hosts: Vec<String>,
    pub members: Vec<String>,
    pub purpose: Option<String>,
    pub notes: Option<String>,
}

#[derive(Clone)]
pub struct Axis {
    pub id: Located<u32>,
    pub title: String,
    pub theme: Option<String>,
    pub file: FileId,
}

impl Axis {
    /// The short way to name the axis in a table: its theme, else its title.
    pub fn label(&self) -> &str {
        self.theme.as_deref().unwrap_or(&self.title)
    }
}

#[derive(Clone)]
pub struct Action {
    pub id: Located<u32>,
    pub axis: Option<Located<u32>>,
    pub title: String,
    pub short_title: Option<String>,
    pub status: Status,
    pub status_span: Option<Span>,
    pub pilots: Vec<Located<String>>,
    pub roles: Vec<(Located<String>, String)>,
    pub partners: Vec<Located<String>>,
    pub pilot_note: Option<String>,
    pub coordination: bool,
    pub within_competences: bool,
    pub start: Option<Located<NaiveDate>>,
    pub due: Option<Located<NaiveDate>>,
    pub publics: Vec<String>,
    pub communes: Vec<Located<String>>,
    /// The planned budget, in euros.
    pub budget: Option<Located<f64>>,
    /// Euros spent by year (`spent = { 2025 = 4200 }`), in file order.
    pub spent: Vec<(Located<i32>, f64)>,
    /// Who finances the action and how much (`financers = { Caf = 5000 }`):
    /// declared actor ids, in file order.
    pub financers: Vec<(Located<String>, f64)>,
    pub modalities: Vec<Modality>,
    pub indicators: Vec<Indicator>,
    pub log: Vec<LogEntry>,
    /// The day the action entered the plan (`created`), when the file says.
    pub created: Option<Located<NaiveDate>>,
    pub file: FileId,
}

#[derive(Clone)]
pub struct Modality {
    pub text: String,
    pub status: Status,
    pub done: Option<Located<NaiveDate>>,
    /// Boxed, as `LogEntry::by`: most have none, and a plan holds many.
    pub commune: Option<Box<Located<String>>>,
    /// A boxed slice, not a vector: a modality is read once, and a plan
    /// holds many.
    pub pilots: Box<[Located<String>]>,
    /// The day the modality was added to its action, when the file says.
    pub created: Option<Located<NaiveDate>>,
}

#[derive(Clone)]
pub struct Indicator {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// Values by year, in file order. Boxed slices, as a modality's pilots.
    pub values: Box<[(Located<i32>, f64)]>,
    /// Targets of given years (`targets = { 2026 = 50 }`), beside the
    /// target of the whole convention.
    pub targets: Box<[(Located<i32>, f64)]>,
    /// The day the indicator was added to its action, when the file says.
    pub created: Option<Located<NaiveDate>>,
}

#[derive(Clone)]
pub struct LogEntry {
    pub date: Located<NaiveDate>,
    pub note: String,
    /// The status the action moved to that day, if it moved.
    pub status: Option<Status>,
    /// Who reported it, a declared actor (an entry collected from a
    /// pilot's workbook says whose).
    /// Boxed: most entries have none, and the box makes an entry a third
    /// smaller.
    pub by: Option<Box<Located<String>>>,
}

#[derive(Clone)]
pub struct Meeting {
    pub body: Located<String>,
    pub date: Located<NaiveDate>,
    pub title: String,
    pub agenda: Vec<String>,
    pub attendees: Vec<String>,
    pub decisions: Vec<String>,
    pub notes: Option<String>,
    pub file: FileId,
}
