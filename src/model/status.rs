//! The six statuses of an action or a modality, and counts of them.

use serde::Serialize;

use crate::i18n::{Lang, Msg};
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

    /// A one-column mark for a count of this status where a terminal is
    /// narrow: an empty circle for what is still to be started, a full one
    /// for what is done. Explained by a legend wherever it is used.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Planned => "○",
            Status::InProgress => "◐",
            Status::Blocked => "⊘",
            Status::Postponed => "→",
            Status::Done => "●",
            Status::Abandoned => "✕",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|status| status.keyword() == word)
    }

    /// Every way people write this status, folded (no case, no accents,
    /// hyphens for spaces): the keyword, the labels in both languages, and
    /// the usual French words, masculine and feminine.
    fn words(self) -> impl Iterator<Item = String> {
        let synonyms: &[&str] = match self {
            Status::Planned => &[
                "a-venir",
                "prevu",
                "prevue",
                "planifie",
                "planifiee",
                "a-faire",
            ],
            Status::InProgress => &[
                "commence",
                "commencee",
                "demarre",
                "demarree",
                "lance",
                "lancee",
            ],
            Status::Blocked => &["bloque"],
            Status::Postponed => &[
                "reporte",
                "en-pause",
                "suspendu",
                "suspendue",
                "differe",
                "differee",
            ],
            Status::Done => &[
                "realise", "termine", "terminee", "fait", "faite", "fini", "finie", "acheve",
                "achevee",
            ],
            Status::Abandoned => &["abandonne", "annule", "annulee"],
        };
        let labels = [Lang::Fr, Lang::En].map(|lang| folded_word(self.label(lang)));
        std::iter::once(self.keyword().to_string())
            .chain(labels)
            .chain(synonyms.iter().map(|word| word.to_string()))
    }

    /// A status from what a person wrote in full: the keyword, a label in
    /// either language or a usual synonym, whatever the case and accents
    /// ("En cours", "realisee", "terminé").
    pub fn from_words(words: &str) -> Option<Status> {
        let folded = folded_word(words);
        Status::ALL
            .into_iter()
            .find(|status| status.words().any(|word| word == folded))
    }

    /// A status from what a person typed on the command line: a word
    /// `from_words` knows, or the beginning of the words of one status only
    /// ("bloq"). Otherwise the statuses it could mean (none: unknown).
    pub fn from_typed(words: &str) -> Result<Status, Vec<Status>> {
        if let Some(status) = Status::from_words(words) {
            return Ok(status);
        }
        let folded = folded_word(words);
        let begun: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|status| !folded.is_empty() && status.words().any(|w| w.starts_with(&folded)))
            .collect();
        match begun.as_slice() {
            [status] => Ok(*status),
            _ => Err(begun),
        }
    }

    /// Still to be worked on: neither done nor abandoned.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Done | Status::Abandoned)
    }
}

/// A word folded for comparison: no case, no accents, hyphens for spaces.
fn folded_word(words: &str) -> String {
    fold(words.trim()).replace(['_', ' '], "-")
}

/// Counts of actions per status. In JSON, an object with every keyword in
/// the order of `Status::ALL`, 0 included, so that scripts never meet a missing key.
#[derive(Clone, Copy, Default)]
pub struct StatusCounts([usize; Status::ALL.len()]);

impl StatusCounts {
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a super::Action>) -> StatusCounts {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_read_from_keywords_and_labels() {
        assert_eq!(Status::from_words("in-progress"), Some(Status::InProgress));
        assert_eq!(Status::from_words("En cours"), Some(Status::InProgress));
        assert_eq!(Status::from_words("realisee"), Some(Status::Done));
        assert_eq!(Status::from_words("À engager"), Some(Status::Planned));
        assert_eq!(Status::from_words("in progress"), Some(Status::InProgress));
        assert_eq!(Status::from_words("finie"), Some(Status::Done));
        assert_eq!(Status::from_words("bloqué"), Some(Status::Blocked));
        assert_eq!(Status::from_words("En pause"), Some(Status::Postponed));
        assert_eq!(Status::from_words("à venir"), Some(Status::Planned));
        assert_eq!(Status::from_words("peut-être"), None);
        assert_eq!(Status::from_typed("bloq"), Ok(Status::Blocked));
        assert_eq!(
            Status::from_typed("re"),
            Err(vec![Status::Postponed, Status::Done])
        );
        assert_eq!(Status::from_typed("xyz"), Err(vec![]));
    }
}
