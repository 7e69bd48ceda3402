//! Words shared by the views of several commands: how pilots and a due
//! date read in a table or a fiche.

use chrono::NaiveDate;

use crate::i18n::{Lang, Msg};
use crate::model::Action;

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
    match action.pilot_note() {
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
