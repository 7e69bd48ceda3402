//! Each change as a sentence, in the language asked for.

use chrono::NaiveDate;

use super::Change;
use crate::i18n::{Lang, Msg};
use crate::model::Plan;

impl Change {
    /// The change as a sentence, using the plan's body names for meetings.
    pub fn message(&self, lang: Lang, plan: &Plan) -> String {
        match self {
            Change::ActionAdded { action, title } => {
                lang.fill(Msg::DiffActionAdded, &[action, title])
            }
            Change::ActionRemoved { action, title } => {
                lang.fill(Msg::DiffActionRemoved, &[action, title])
            }
            Change::ActionRetitled {
                action,
                field,
                from,
                to,
            } => {
                let label = lang.text(if *field == "title" {
                    Msg::FieldTitle
                } else {
                    Msg::FieldShortTitle
                });
                let quote = |t: &Option<String>| {
                    t.as_ref().map_or("—".to_string(), |t| format!("« {t} »"))
                };
                lang.fill(Msg::EditField, &[action, &label, &quote(from), &quote(to)])
            }
            Change::StatusMoved { action, from, to } => lang.fill(
                Msg::EditStatus,
                &[action, &from.label(lang), &to.label(lang)],
            ),
            Change::ModalityAdded { .. }
            | Change::ModalityRemoved { .. }
            | Change::ModalityReworded { .. }
            | Change::ModalityDone { .. }
            | Change::ModalityReopened { .. }
            | Change::ModalityStatus { .. } => self.modality_message(lang),
            Change::PilotAdded { .. }
            | Change::PilotRemoved { .. }
            | Change::PartnerAdded { .. }
            | Change::PartnerRemoved { .. }
            | Change::DueMoved { .. }
            | Change::JournalAdded { .. }
            | Change::IndicatorValue { .. } => self.follow_up_message(lang),
            Change::MeetingRecorded {
                body,
                date: day,
                title,
            } => {
                let name = plan
                    .convention
                    .bodies
                    .iter()
                    .find(|b| b.key.value == *body)
                    .map_or(body.as_str(), |b| b.name.as_str());
                lang.fill(Msg::DiffMeeting, &[&name, &lang.short_date(*day), title])
            }
        }
    }

    /// Pilots, partners, due date, journal and indicators.
    fn follow_up_message(&self, lang: Lang) -> String {
        let date = |d: Option<NaiveDate>| d.map_or("—".to_string(), |d| lang.short_date(d));
        match self {
            Change::PilotAdded { action, actor } => {
                lang.fill(Msg::EditPilotAdded, &[action, actor])
            }
            Change::PilotRemoved { action, actor } => {
                lang.fill(Msg::EditPilotRemoved, &[action, actor])
            }
            Change::PartnerAdded { action, actor } => {
                lang.fill(Msg::EditPartnerAdded, &[action, actor])
            }
            Change::PartnerRemoved { action, actor } => {
                lang.fill(Msg::EditPartnerRemoved, &[action, actor])
            }
            Change::DueMoved {
                action,
                from,
                to,
                days,
            } => {
                let mut text = lang.fill(
                    Msg::EditField,
                    &[action, &lang.text(Msg::FieldDue), &date(*from), &date(*to)],
                );
                match days {
                    Some(days) if *days > 0 => {
                        text.push_str(&format!(" ({})", lang.fill(Msg::DiffLater, &[days])))
                    }
                    Some(days) if *days < 0 => {
                        text.push_str(&format!(" ({})", lang.fill(Msg::DiffEarlier, &[&-days])))
                    }
                    _ => {}
                }
                text
            }
            Change::JournalAdded {
                action,
                date: day,
                note,
                status,
            } => {
                let mut text = lang.fill(Msg::DiffJournal, &[action, &lang.short_date(*day), note]);
                if let Some(status) = status {
                    text.push_str(&format!(" (→ {})", status.label(lang)));
                }
                text
            }
            Change::IndicatorValue {
                action,
                indicator,
                year,
                from,
                to,
            } => match from {
                Some(from) => lang.fill(
                    Msg::DiffIndicatorChanged,
                    &[
                        action,
                        indicator,
                        year,
                        &lang.number(*from),
                        &lang.number(*to),
                    ],
                ),
                None => lang.fill(
                    Msg::EditIndicator,
                    &[action, indicator, year, &lang.number(*to)],
                ),
            },
            _ => String::new(),
        }
    }

    fn modality_message(&self, lang: Lang) -> String {
        match self {
            Change::ModalityAdded {
                action,
                modality,
                text,
            } => lang.fill(Msg::DiffModalityAdded, &[action, modality, text]),
            Change::ModalityRemoved {
                action,
                modality,
                text,
            } => lang.fill(Msg::DiffModalityRemoved, &[action, modality, text]),
            Change::ModalityReworded {
                action,
                modality,
                from,
                to,
            } => lang.fill(Msg::DiffModalityReworded, &[action, modality, from, to]),
            Change::ModalityDone {
                action,
                modality,
                text,
                done,
            } => match done {
                Some(done) => lang.fill(
                    Msg::DiffModalityDoneOn,
                    &[action, modality, &lang.short_date(*done), text],
                ),
                None => lang.fill(Msg::DiffModalityDone, &[action, modality, text]),
            },
            Change::ModalityReopened {
                action,
                modality,
                text,
                status,
            } => lang.fill(
                Msg::DiffModalityReopened,
                &[action, modality, &status.label(lang), text],
            ),
            Change::ModalityStatus {
                action,
                modality,
                text,
                from,
                to,
            } => lang.fill(
                Msg::DiffModalityStatus,
                &[action, modality, &from.label(lang), &to.label(lang), text],
            ),
            _ => String::new(),
        }
    }

    /// The action a change is about, if any.
    pub fn action(&self) -> Option<u32> {
        match self {
            Change::ActionAdded { action, .. }
            | Change::ActionRemoved { action, .. }
            | Change::ActionRetitled { action, .. }
            | Change::StatusMoved { action, .. }
            | Change::ModalityAdded { action, .. }
            | Change::ModalityRemoved { action, .. }
            | Change::ModalityReworded { action, .. }
            | Change::ModalityDone { action, .. }
            | Change::ModalityReopened { action, .. }
            | Change::ModalityStatus { action, .. }
            | Change::PilotAdded { action, .. }
            | Change::PilotRemoved { action, .. }
            | Change::PartnerAdded { action, .. }
            | Change::PartnerRemoved { action, .. }
            | Change::DueMoved { action, .. }
            | Change::JournalAdded { action, .. }
            | Change::IndicatorValue { action, .. } => Some(*action),
            Change::MeetingRecorded { .. } => None,
        }
    }
}
