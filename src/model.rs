//! The plan as typed data: convention, axes, actions, meetings.
//!
//! Values a diagnostic may point at keep their place (`Located`); the rest
//! are plain. Derived facts (progress, lateness) are computed here, never stored.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::source::{FileKind, SourceSet};
use crate::span::FileId;
use crate::span::Located;
use crate::text::fold;

/// The six statuses of an action or a modality. Files hold the keyword;
/// people read the French label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Planned,
    InProgress,
    Blocked,
    Postponed,
    Done,
    Abandoned,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::InProgress,
        Status::Blocked,
        Status::Postponed,
        Status::Done,
        Status::Abandoned,
    ];

    /// The one spelling used in files and JSON.
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Blocked => "blocked",
            Status::Postponed => "postponed",
            Status::Done => "done",
            Status::Abandoned => "abandoned",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Status::Planned => Msg::StatusPlanned,
            Status::InProgress => Msg::StatusInProgress,
            Status::Blocked => Msg::StatusBlocked,
            Status::Postponed => Msg::StatusPostponed,
            Status::Done => Msg::StatusDone,
            Status::Abandoned => Msg::StatusAbandoned,
        })
    }

    pub fn from_keyword(word: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|status| status.keyword() == word)
    }

    /// A status from what a person typed: the keyword or a label in either
    /// language, whatever the case and accents ("En cours", "realisee").
    pub fn from_words(words: &str) -> Option<Status> {
        let folded = fold(words.trim()).replace(['_', ' '], "-");
        Status::ALL.into_iter().find(|status| {
            status.keyword() == folded
                || [Lang::Fr, Lang::En]
                    .iter()
                    .any(|lang| fold(status.label(*lang)).replace(' ', "-") == folded)
        })
    }

    /// Still to be worked on: neither done nor abandoned.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Done | Status::Abandoned)
    }
}

/// Counts of actions per status. In JSON, an object with every keyword in
/// the order of `Status::ALL`, 0 included, so that scripts never meet a missing key.
#[derive(Clone, Copy, Default)]
pub struct StatusCounts([usize; Status::ALL.len()]);

impl StatusCounts {
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a Action>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for action in actions {
            counts.add(action.status);
        }
        counts
    }

    pub fn get(&self, status: Status) -> usize {
        self.0[status as usize]
    }

    pub fn add(&mut self, status: Status) {
        self.0[status as usize] += 1;
    }

    pub fn merge(&mut self, other: &StatusCounts) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }
}

impl Serialize for StatusCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(Status::ALL.len()))?;
        for status in Status::ALL {
            map.serialize_entry(status.keyword(), &self.get(status))?;
        }
        map.end()
    }
}

/// In JSON, a status is its keyword.
impl Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.keyword())
    }
}

/// A whole plan, as read from its folder.
pub struct Plan {
    pub root: PathBuf,
    pub sources: SourceSet,
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

#[derive(Default)]
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
pub struct Actor {
    pub id: Located<String>,
    pub name: String,
    pub members: Vec<String>,
}

/// A governance body and how often it must meet.
pub struct Body {
    pub key: Located<String>,
    pub name: String,
    pub per_year: u32,
    pub hosts: Vec<String>,
    pub members: Vec<String>,
    pub purpose: Option<String>,
    pub notes: Option<String>,
}

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

pub struct Action {
    pub id: Located<u32>,
    pub axis: Option<Located<u32>>,
    pub title: String,
    pub short_title: Option<String>,
    pub status: Status,
    pub status_span: Option<crate::span::Span>,
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
    pub budget: Option<f64>,
    pub modalities: Vec<Modality>,
    pub indicators: Vec<Indicator>,
    pub log: Vec<LogEntry>,
    pub file: FileId,
}

pub struct Modality {
    pub text: String,
    pub status: Status,
    pub done: Option<Located<NaiveDate>>,
    pub commune: Option<Located<String>>,
    pub pilots: Vec<Located<String>>,
}

pub struct Indicator {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// Values by year, in file order.
    pub values: Vec<(Located<i32>, f64)>,
}

pub struct LogEntry {
    pub date: Located<NaiveDate>,
    pub note: String,
    /// The status the action moved to that day, if it moved.
    pub status: Option<Status>,
}

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

impl Action {
    /// Modalities that count towards progress: all but the abandoned ones.
    pub fn modalities_counted(&self) -> usize {
        self.modalities
            .iter()
            .filter(|modality| modality.status != Status::Abandoned)
            .count()
    }

    pub fn modalities_done(&self) -> usize {
        self.modalities
            .iter()
            .filter(|modality| modality.status == Status::Done)
            .count()
    }

    /// 1 when done; else the share of counted modalities that are done.
    pub fn progress(&self) -> f64 {
        if self.status == Status::Done {
            return 1.0;
        }
        match self.modalities_counted() {
            0 => 0.0,
            counted => self.modalities_done() as f64 / counted as f64,
        }
    }

    /// Days past due at `today`, for an open action whose due date has passed.
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        let due = self.due.as_ref()?.value;
        (self.status.is_open() && due < today).then(|| (today - due).num_days())
    }

    pub fn has_pilot(&self) -> bool {
        !self.pilots.is_empty()
    }

    pub fn last_log_date(&self) -> Option<NaiveDate> {
        self.log.iter().map(|entry| entry.date.value).max()
    }

    /// The status on `date` as the journal tells it: the last dated status
    /// move on or before that day; `planned` before the first move. With no
    /// move in the journal there is no history, and the file's status stands
    /// for every date.
    pub fn status_at(&self, date: NaiveDate) -> Status {
        let mut moves: Vec<(NaiveDate, usize, Status)> = self
            .log
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                entry.status.map(|status| (entry.date.value, index, status))
            })
            .collect();
        if moves.is_empty() {
            return self.status;
        }
        moves.sort();
        moves
            .iter()
            .rev()
            .find(|(day, _, _)| *day <= date)
            .map_or(Status::Planned, |(_, _, status)| *status)
    }

    /// Progress on `date`: 1 if the journal says done by then; else the share
    /// of counted modalities done by then (a done modality without a date
    /// counts as done on every date).
    pub fn progress_at(&self, date: NaiveDate) -> f64 {
        if self.status_at(date) == Status::Done {
            return 1.0;
        }
        let done = self
            .modalities
            .iter()
            .filter(|m| m.status == Status::Done && m.done.as_ref().is_none_or(|d| d.value <= date))
            .count();
        match self.modalities_counted() {
            0 => 0.0,
            counted => done as f64 / counted as f64,
        }
    }

    /// The title to show where space is short.
    pub fn display_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

/// Mean progress over actions, abandoned ones left out (0 when none count).
pub fn mean_progress<'a>(actions: impl IntoIterator<Item = &'a Action>) -> f64 {
    let (sum, count) = actions
        .into_iter()
        .filter(|action| action.status != Status::Abandoned)
        .fold((0.0, 0usize), |(sum, count), action| {
            (sum + action.progress(), count + 1)
        });
    if count == 0 { 0.0 } else { sum / count as f64 }
}

impl Plan {
    /// The plan as the journal says it stood at the end of `date`: statuses
    /// rebuilt from the dated status moves, later journal entries and
    /// meetings dropped, modalities done later not done yet. Says whether
    /// the journal had any status move on or before that day.
    pub fn rewind(&mut self, date: NaiveDate) -> bool {
        let mut history = false;
        for action in &mut self.actions {
            history |= action
                .log
                .iter()
                .any(|e| e.status.is_some() && e.date.value <= date);
            action.status = action.status_at(date);
            action.log.retain(|entry| entry.date.value <= date);
            for modality in &mut action.modalities {
                if modality.done.as_ref().is_some_and(|d| d.value > date) {
                    modality.status = Status::Planned;
                    modality.done = None;
                }
            }
        }
        self.meetings.retain(|m| m.date.value <= date);
        history
    }

    /// Whether every file of this kind was read into its item.
    pub fn is_complete(&self, kind: FileKind) -> bool {
        !self.incomplete.contains(&kind)
    }

    pub fn actions_of_axis(&self, axis: u32) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(move |action| action.axis.as_ref().map(|a| a.value) == Some(axis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{FileId, Span};

    fn located<T>(value: T) -> Located<T> {
        Located {
            value,
            span: Span {
                file: FileId(0),
                range: 0..0,
            },
        }
    }

    fn entry(date: &str, status: Option<Status>) -> LogEntry {
        LogEntry {
            date: located(date.parse().unwrap()),
            note: String::new(),
            status,
        }
    }

    #[test]
    fn status_history_comes_from_the_journal() {
        let mut action = Action {
            id: located(1),
            axis: None,
            title: String::new(),
            short_title: None,
            status: Status::Done,
            status_span: None,
            pilots: Vec::new(),
            roles: Vec::new(),
            partners: Vec::new(),
            pilot_note: None,
            coordination: false,
            within_competences: false,
            start: None,
            due: None,
            publics: Vec::new(),
            communes: Vec::new(),
            budget: None,
            modalities: Vec::new(),
            indicators: Vec::new(),
            log: Vec::new(),
            file: FileId(0),
        };
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        assert_eq!(
            action.status_at(day("2020-01-01")),
            Status::Done,
            "no history: the file's status"
        );
        action.log = vec![
            entry("2024-02-01", Some(Status::InProgress)),
            entry("2024-06-01", None),
            entry("2025-03-01", Some(Status::Done)),
        ];
        assert_eq!(action.status_at(day("2024-01-31")), Status::Planned);
        assert_eq!(action.status_at(day("2024-02-01")), Status::InProgress);
        assert_eq!(action.status_at(day("2024-12-31")), Status::InProgress);
        assert_eq!(action.status_at(day("2025-03-01")), Status::Done);
    }

    #[test]
    fn statuses_are_read_from_keywords_and_labels() {
        assert_eq!(Status::from_words("in-progress"), Some(Status::InProgress));
        assert_eq!(Status::from_words("En cours"), Some(Status::InProgress));
        assert_eq!(Status::from_words("realisee"), Some(Status::Done));
        assert_eq!(Status::from_words("À engager"), Some(Status::Planned));
        assert_eq!(Status::from_words("in progress"), Some(Status::InProgress));
        assert_eq!(Status::from_words("finie"), None);
    }
}
