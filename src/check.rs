//! The consistency rules that span fields and files: ids, references
//! between files, dates, the journal. Each rule pushes every problem it finds;
//! none stops the others. The rules of a single value (types, keys,
//! statuses) live in `load`, where the value is read.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::diag::{self, Code, Diagnostic, Severity};
use crate::i18n::{Lang, Msg};
use crate::load;
use crate::model::{Action, Plan, Status};
use crate::reader::{closest, toml_key};
use crate::source::FileKind;
use crate::span::Located;
use crate::span::Span;

/// Loads the plan in `root` and checks it: every problem, sorted by file
/// and position.
pub fn validate(root: &Path, today: NaiveDate, lang: Lang) -> (Plan, Vec<Diagnostic>) {
    let (plan, mut diags) = load::load(root, lang);
    diags.extend(check(&plan, today, lang));
    diag::sort(&mut diags, &plan.sources);
    (plan, diags)
}

/// Runs every consistency rule over a loaded plan.
pub fn check(plan: &Plan, today: NaiveDate, lang: Lang) -> Vec<Diagnostic> {
    let convention_data = &plan.convention;
    let mut rules = Rules {
        plan,
        today,
        lang,
        diags: Vec::new(),
        actors: convention_data
            .actors
            .iter()
            .map(|a| a.id.value.as_str())
            .collect(),
        members: convention_data
            .actors
            .iter()
            .flat_map(|actor| actor.members.iter().map(String::as_str))
            .collect(),
    };
    let convention = plan.is_complete(FileKind::Convention);
    rules.unique_ids();
    rules.file_names();
    if plan.is_complete(FileKind::Axis) {
        rules.unknown_axes();
    }
    if plan.is_complete(FileKind::Action) {
        rules.empty_axes();
    }
    rules.period();
    if convention {
        rules.meetings();
    }
    for action in &plan.actions {
        if convention {
            rules.actors(action);
            rules.communes(action);
        }
        rules.dates(action);
        rules.journal(action);
        rules.modalities(action);
    }
    rules.diags
}

struct Rules<'p> {
    plan: &'p Plan,
    today: NaiveDate,
    lang: Lang,
    diags: Vec<Diagnostic>,
    /// Declared actor ids; ordered, so that suggestions do not depend on hashing.
    actors: BTreeSet<&'p str>,
    /// Member communes of every actor.
    members: BTreeSet<&'p str>,
}

impl Rules<'_> {
    fn push(&mut self, severity: Severity, code: Code, span: &Span, message: String, help: String) {
        let name = &self.plan.sources.file(span.file).name;
        self.diags.push(
            Diagnostic::new(severity, code, message)
                .at(span.clone(), name)
                .with_help(help),
        );
    }

    fn date(&self, date: NaiveDate) -> String {
        self.lang.short_date(date)
    }

    /// `duplicate-id`: two axes, or two actions, with the same id. The
    /// diagnostic points at the second and labels the first.
    fn unique_ids(&mut self) {
        let lang = self.lang;
        let axes = self.plan.axes.iter().map(|axis| &axis.id);
        let actions = self.plan.actions.iter().map(|action| &action.id);
        for (ids, msg) in [
            (axes.collect::<Vec<_>>(), Msg::DiagDuplicateAxis),
            (actions.collect::<Vec<_>>(), Msg::DiagDuplicateAction),
        ] {
            let largest = ids.iter().map(|id| id.value).max().unwrap_or(0);
            let mut first: HashMap<u32, &Span> = HashMap::new();
            for id in ids {
                match first.get(&id.value) {
                    Some(&earlier) => {
                        let name = &self.plan.sources.file(id.span.file).name;
                        self.diags.push(
                            Diagnostic::error(Code::DuplicateId, lang.fill(msg, &[&id.value]))
                                .at(id.span.clone(), name)
                                .with_label(earlier.clone(), lang.text(Msg::FirstDefinedHere))
                                .with_help(lang.fill(Msg::DiagDuplicateHelp, &[&largest])),
                        );
                    }
                    None => {
                        first.insert(id.value, &id.span);
                    }
                }
            }
        }
    }

    /// `file-name-mismatch`: the leading number of an axis or action file
    /// name, or the leading date of a meeting file name, disagrees with its content.
    fn file_names(&mut self) {
        let lang = self.lang;
        let numbered = self
            .plan
            .axes
            .iter()
            .map(|axis| &axis.id)
            .chain(self.plan.actions.iter().map(|action| &action.id));
        let mut found = Vec::new();
        for id in numbered {
            let name = base_name(&self.plan.sources.file(id.span.file).name);
            let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(number) = digits.parse::<u32>()
                && number != id.value
            {
                found.push((id.span.clone(), number, id.value));
            }
        }
        for (span, number, id) in found {
            self.push(
                Severity::Warning,
                Code::FileNameMismatch,
                &span,
                lang.fill(Msg::DiagFileNameMismatch, &[&number, &id]),
                lang.text(Msg::DiagFileNameMismatchHelp).to_string(),
            );
        }
        for meeting in &self.plan.meetings {
            let name = base_name(&self.plan.sources.file(meeting.file).name);
            let date = meeting.date.value.format("%Y-%m-%d").to_string();
            if !name.starts_with(&date) {
                self.push(
                    Severity::Warning,
                    Code::FileNameMismatch,
                    &meeting.date.span,
                    lang.text(Msg::DiagMeetingFileName).to_string(),
                    lang.fill(
                        Msg::DiagMeetingFileNameHelp,
                        &[&format!("{date}-{}.toml", meeting.body.value)],
                    ),
                );
            }
        }
    }

    /// `unknown-axis`: an action names an axis that does not exist.
    fn unknown_axes(&mut self) {
        let lang = self.lang;
        let ids: Vec<u32> = self.plan.axes.iter().map(|axis| axis.id.value).collect();
        let list = ids
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let list = if list.is_empty() {
            lang.text(Msg::DiagNone).to_string()
        } else {
            list
        };
        let known: HashSet<u32> = ids.iter().copied().collect();
        for action in &self.plan.actions {
            if let Some(axis) = &action.axis
                && !known.contains(&axis.value)
            {
                self.push(
                    Severity::Error,
                    Code::UnknownAxis,
                    &axis.span,
                    lang.fill(Msg::DiagUnknownAxis, &[&axis.value]),
                    lang.fill(Msg::DiagUnknownAxisHelp, &[&list]),
                );
            }
        }
    }

    /// `empty-axis` (warning): an axis has no action.
    fn empty_axes(&mut self) {
        let lang = self.lang;
        let used: HashSet<u32> = self
            .plan
            .actions
            .iter()
            .filter_map(|action| action.axis.as_ref().map(|a| a.value))
            .collect();
        for axis in &self.plan.axes {
            if !used.contains(&axis.id.value) {
                self.push(
                    Severity::Warning,
                    Code::EmptyAxis,
                    &axis.id.span,
                    lang.fill(Msg::DiagEmptyAxis, &[&axis.id.value]),
                    lang.fill(Msg::DiagEmptyAxisHelp, &[&axis.id.value]),
                );
            }
        }
    }

    /// `period-inverted`: the convention ends before it starts.
    fn period(&mut self) {
        let convention = &self.plan.convention;
        if let (Some(start), Some(end)) = (&convention.start, &convention.end)
            && start.value > end.value
        {
            let lang = self.lang;
            self.push(
                Severity::Error,
                Code::PeriodInverted,
                &start.span,
                lang.fill(
                    Msg::DiagPeriodInverted,
                    &[&self.date(start.value), &self.date(end.value)],
                ),
                lang.text(Msg::DiagDatesHelp).to_string(),
            );
        }
    }

    /// `outside-period` (warning): a date of the plan outside the convention
    /// period, when the period is known.
    fn within_period(&mut self, key: &str, date: &Located<NaiveDate>) {
        let convention = &self.plan.convention;
        let start = convention.start.as_ref().map(|d| d.value);
        let end = convention.end.as_ref().map(|d| d.value);
        let before = start.is_some_and(|start| date.value < start);
        let after = end.is_some_and(|end| date.value > end);
        if before || after {
            self.outside_period(key, &date.span, &self.date(date.value), start, end);
        }
    }

    fn outside_period(
        &mut self,
        key: &str,
        span: &Span,
        shown: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) {
        let lang = self.lang;
        let bound =
            |date: Option<NaiveDate>| date.map_or("…".to_string(), |d| lang.short_date(d));
        self.push(
            Severity::Warning,
            Code::OutsidePeriod,
            span,
            lang.fill(
                Msg::DiagOutsidePeriod,
                &[&key, &shown, &bound(start), &bound(end)],
            ),
            lang.text(Msg::DiagOutsidePeriodHelp).to_string(),
        );
    }

    /// `future-date`: something recorded as having happened after today.
    fn not_in_future(&mut self, key: &str, date: &Located<NaiveDate>) {
        if date.value > self.today {
            let lang = self.lang;
            self.push(
                Severity::Error,
                Code::FutureDate,
                &date.span,
                lang.fill(
                    Msg::DiagFutureDate,
                    &[&key, &self.date(date.value), &self.date(self.today)],
                ),
                lang.text(Msg::DiagFutureDateHelp).to_string(),
            );
        }
    }

    /// `unknown-actor`, `stray-role`, `pilot-and-partner`, `no-pilot`.
    fn actors(&mut self, action: &Action) {
        let lang = self.lang;
        let named = action
            .pilots
            .iter()
            .chain(&action.partners)
            .chain(action.roles.iter().map(|(actor, _)| actor))
            .chain(action.modalities.iter().flat_map(|m| &m.pilots));
        for actor in named {
            if !self.actors.contains(actor.value.as_str()) {
                let declared: Vec<&str> = self.actors.iter().copied().collect();
                let help = match closest(&actor.value, &declared) {
                    Some(near) => lang.fill(Msg::DiagDidYouMean, &[&near]),
                    None => lang.fill(Msg::DiagUnknownActorHelp, &[&toml_key(&actor.value)]),
                };
                self.push(
                    Severity::Error,
                    Code::UnknownActor,
                    &actor.span,
                    lang.fill(Msg::DiagUnknownActor, &[&actor.value]),
                    help,
                );
            }
        }
        let in_list = |list: &[Located<String>], name: &str| list.iter().any(|a| a.value == name);
        for (actor, _) in &action.roles {
            if !in_list(&action.pilots, &actor.value) && !in_list(&action.partners, &actor.value) {
                self.push(
                    Severity::Error,
                    Code::StrayRole,
                    &actor.span,
                    lang.fill(Msg::DiagStrayRole, &[&actor.value]),
                    lang.text(Msg::DiagStrayRoleHelp).to_string(),
                );
            }
        }
        for partner in &action.partners {
            if in_list(&action.pilots, &partner.value) {
                self.push(
                    Severity::Warning,
                    Code::PilotAndPartner,
                    &partner.span,
                    lang.fill(Msg::DiagPilotAndPartner, &[&partner.value]),
                    lang.text(Msg::DiagPilotAndPartnerHelp).to_string(),
                );
            }
        }
        let explained = action
            .pilot_note
            .as_deref()
            .is_some_and(|note| !note.trim().is_empty());
        if action.status.is_open() && !action.has_pilot() && !explained {
            self.push(
                Severity::Warning,
                Code::NoPilot,
                &action.id.span,
                lang.text(Msg::DiagNoPilot).to_string(),
                lang.text(Msg::DiagNoPilotHelp).to_string(),
            );
        }
    }

    /// `unknown-commune` (warning): a commune that no actor declares as a
    /// member, when the convention lists member communes at all.
    fn communes(&mut self, action: &Action) {
        if self.members.is_empty() {
            return;
        }
        let lang = self.lang;
        let named = action
            .communes
            .iter()
            .chain(action.modalities.iter().filter_map(|m| m.commune.as_ref()));
        for commune in named {
            if !self.members.contains(commune.value.as_str()) {
                let members: Vec<&str> = self.members.iter().copied().collect();
                let help = match closest(&commune.value, &members) {
                    Some(near) => lang.fill(Msg::DiagDidYouMean, &[&near]),
                    None => lang.fill(Msg::DiagUnknownCommuneHelp, &[&members.join(", ")]),
                };
                self.push(
                    Severity::Warning,
                    Code::UnknownCommune,
                    &commune.span,
                    lang.fill(Msg::DiagUnknownCommune, &[&commune.value]),
                    help,
                );
            }
        }
    }

    /// `start-after-due`, and `outside-period` for the action's dates and
    /// its indicators' years.
    fn dates(&mut self, action: &Action) {
        let lang = self.lang;
        if let (Some(start), Some(due)) = (&action.start, &action.due)
            && start.value > due.value
        {
            let name = &self.plan.sources.file(start.span.file).name;
            self.diags.push(
                Diagnostic::error(
                    Code::StartAfterDue,
                    lang.fill(
                        Msg::DiagStartAfterDue,
                        &[&self.date(start.value), &self.date(due.value)],
                    ),
                )
                .at(start.span.clone(), name)
                .with_label(due.span.clone(), lang.text(Msg::DiagDueHere))
                .with_help(lang.text(Msg::DiagDatesHelp)),
            );
        }
        for (key, date) in [("start", &action.start), ("due", &action.due)] {
            if let Some(date) = date {
                self.within_period(key, date);
            }
        }
        let convention = &self.plan.convention;
        let first_year = convention.start.as_ref().map(|d| d.value.year());
        let last_year = convention.end.as_ref().map(|d| d.value.year());
        for indicator in &action.indicators {
            for (year, _) in &indicator.values {
                let before = first_year.is_some_and(|first| year.value < first);
                let after = last_year.is_some_and(|last| year.value > last);
                if before || after {
                    let start = convention.start.as_ref().map(|d| d.value);
                    let end = convention.end.as_ref().map(|d| d.value);
                    self.outside_period("values", &year.span, &year.value.to_string(), start, end);
                }
            }
        }
    }

    /// `future-date`, `journal-order`, `status-journal-mismatch`, and
    /// `outside-period` for journal dates.
    fn journal(&mut self, action: &Action) {
        let lang = self.lang;
        let mut latest: Option<NaiveDate> = None;
        for entry in &action.log {
            self.not_in_future("date", &entry.date);
            self.within_period("date", &entry.date);
            if let Some(previous) = latest
                && entry.date.value < previous
            {
                self.push(
                    Severity::Warning,
                    Code::JournalOrder,
                    &entry.date.span,
                    lang.fill(
                        Msg::DiagJournalOrder,
                        &[&self.date(entry.date.value), &self.date(previous)],
                    ),
                    lang.text(Msg::DiagJournalOrderHelp).to_string(),
                );
            }
            latest = latest.max(Some(entry.date.value));
        }
        // The latest dated move; among moves of the same day, the last written.
        let last_move = action
            .log
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                entry
                    .status
                    .map(|status| ((entry.date.value, index), status))
            })
            .max_by_key(|(key, _)| *key)
            .map(|(_, status)| status);
        if let Some(moved_to) = last_move
            && moved_to != action.status
        {
            let span = action
                .status_span
                .as_ref()
                .unwrap_or(&action.id.span)
                .clone();
            self.push(
                Severity::Warning,
                Code::StatusJournalMismatch,
                &span,
                lang.fill(
                    Msg::DiagStatusJournal,
                    &[&action.status.keyword(), &moved_to.keyword()],
                ),
                lang.fill(Msg::DiagStatusJournalHelp, &[&action.status.keyword()]),
            );
        }
    }

    /// `done-with-open-modalities`, `done-date-not-done`, and the dates of
    /// modalities done.
    fn modalities(&mut self, action: &Action) {
        let lang = self.lang;
        let open = action
            .modalities
            .iter()
            .filter(|modality| modality.status.is_open())
            .count();
        if action.status == Status::Done && open > 0 {
            let span = action
                .status_span
                .as_ref()
                .unwrap_or(&action.id.span)
                .clone();
            self.push(
                Severity::Warning,
                Code::DoneWithOpenModalities,
                &span,
                lang.fill(Msg::DiagDoneOpenModalities, &[&open]),
                lang.text(Msg::DiagDoneOpenModalitiesHelp).to_string(),
            );
        }
        for modality in &action.modalities {
            let Some(done) = &modality.done else { continue };
            self.not_in_future("done", done);
            self.within_period("done", done);
            if modality.status != Status::Done {
                self.push(
                    Severity::Warning,
                    Code::DoneDateNotDone,
                    &done.span,
                    lang.fill(Msg::DiagDoneDateNotDone, &[&modality.status.keyword()]),
                    lang.text(Msg::DiagDoneDateNotDoneHelp).to_string(),
                );
            }
        }
    }

    /// `unknown-body`: a meeting of a body that `ctg.toml` does not declare.
    fn meetings(&mut self) {
        let lang = self.lang;
        let bodies: Vec<&str> = self
            .plan
            .convention
            .bodies
            .iter()
            .map(|body| body.key.value.as_str())
            .collect();
        let declared: HashSet<&str> = bodies.iter().copied().collect();
        for meeting in &self.plan.meetings {
            if !declared.contains(meeting.body.value.as_str()) {
                let help = match closest(&meeting.body.value, &bodies) {
                    Some(near) => lang.fill(Msg::DiagDidYouMean, &[&near]),
                    None if bodies.is_empty() => {
                        lang.fill(Msg::DiagUnknownBodyHelp, &[&lang.text(Msg::DiagNone)])
                    }
                    None => lang.fill(Msg::DiagUnknownBodyHelp, &[&bodies.join(", ")]),
                };
                self.push(
                    Severity::Error,
                    Code::UnknownBody,
                    &meeting.body.span,
                    lang.fill(Msg::DiagUnknownBody, &[&meeting.body.value]),
                    help,
                );
            }
        }
    }
}

/// The file name without its folder.
fn base_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}
