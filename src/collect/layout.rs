//! What export and import agree on: the sheets, their columns, the items
//! a row stands for, and the hidden sheet that says what was exported.

use std::fmt;

use chrono::NaiveDate;

use super::words::CollectMsg;
use crate::i18n::Lang;
use crate::model::{Action, Status};

/// The first cell of the hidden sheet, naming the layout it follows.
pub const FORMAT_TAG: &str = "ctg-collect-1";
/// The hidden sheet's name, the same in every language.
pub const META_SHEET: &str = "ctg";
/// Rows of the hidden sheet before its list of items.
pub const META_HEADER_ROWS: u32 = 7;

/// A sheet the pilot fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SheetKind {
    Actions,
    Modalities,
    Indicators,
}

impl SheetKind {
    pub const ALL: [SheetKind; 3] = [
        SheetKind::Actions,
        SheetKind::Modalities,
        SheetKind::Indicators,
    ];

    /// Its name in the hidden sheet.
    pub fn key(self) -> &'static str {
        match self {
            SheetKind::Actions => "actions",
            SheetKind::Modalities => "modalities",
            SheetKind::Indicators => "indicators",
        }
    }

    pub fn from_key(key: &str) -> Option<SheetKind> {
        SheetKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Its name on the tab.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.text(match self {
            SheetKind::Actions => CollectMsg::SheetActions,
            SheetKind::Modalities => CollectMsg::SheetModalities,
            SheetKind::Indicators => CollectMsg::SheetIndicators,
        })
    }

    /// The columns a pilot fills in, and what each takes.
    pub fn answer_columns(self) -> &'static [(u16, Answer)] {
        match self {
            SheetKind::Actions => &[(6, Answer::Status), (7, Answer::Text), (8, Answer::Date)],
            SheetKind::Modalities => &[(4, Answer::Status), (5, Answer::Date)],
            SheetKind::Indicators => &[(6, Answer::Number)],
        }
    }
}

/// The kind of value an answer cell takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Status,
    Text,
    Date,
    Number,
}

/// What a row stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKey {
    Action(u32),
    /// An action's modality, numbered from 1.
    Modality(u32, usize),
    /// An action's indicator, numbered from 1.
    Indicator(u32, usize),
}

impl ItemKey {
    pub fn action(self) -> u32 {
        match self {
            ItemKey::Action(id) | ItemKey::Modality(id, _) | ItemKey::Indicator(id, _) => id,
        }
    }

    /// How the row's first cell shows it: 12, 12.3, or 12 for an indicator
    /// (whose number has its own column).
    pub fn shown(self) -> String {
        match self {
            ItemKey::Action(id) | ItemKey::Indicator(id, _) => id.to_string(),
            ItemKey::Modality(id, n) => format!("{id}.{n}"),
        }
    }

    /// The item in words: "l'action 12", "la modalité 12.3"…
    pub fn describe(self, lang: Lang) -> String {
        match self {
            ItemKey::Action(id) => lang.fill(CollectMsg::ItemAction, &[&id]),
            ItemKey::Modality(id, n) => {
                lang.fill(CollectMsg::ItemModality, &[&format!("{id}.{n}")])
            }
            ItemKey::Indicator(id, n) => lang.fill(CollectMsg::ItemIndicator, &[&id, &n]),
        }
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemKey::Action(id) => write!(f, "{id}"),
            ItemKey::Modality(id, n) => write!(f, "{id}.{n}"),
            ItemKey::Indicator(id, n) => write!(f, "{id}#{n}"),
        }
    }
}

impl std::str::FromStr for ItemKey {
    type Err = ();

    fn from_str(text: &str) -> Result<ItemKey, ()> {
        let number = |t: &str| t.parse::<usize>().ok().filter(|n| *n > 0).ok_or(());
        if let Some((id, n)) = text.split_once('.') {
            return Ok(ItemKey::Modality(id.parse().map_err(|_| ())?, number(n)?));
        }
        if let Some((id, n)) = text.split_once('#') {
            return Ok(ItemKey::Indicator(id.parse().map_err(|_| ())?, number(n)?));
        }
        text.parse().map(ItemKey::Action).map_err(|_| ())
    }
}

/// One exported row, as the hidden sheet lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedRow {
    pub sheet: SheetKind,
    /// The row on its sheet, 0 for the header.
    pub row: u32,
    pub key: ItemKey,
    /// The state of the item the row showed (`fingerprint`).
    pub fingerprint: String,
}

/// What the hidden sheet says.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// The convention's name: a workbook is imported into its own plan only.
    pub plan: String,
    pub actor: String,
    pub exported: NaiveDate,
    pub lang: Lang,
    /// The year whose indicator values the workbook asks for.
    pub year: i32,
    pub rows: Vec<ExportedRow>,
}

/// The state of an item of `action` that a row shows and may change, as a short
/// digest: an import refuses a row whose item changed since the export.
/// FNV-1a, a fixed function, so that a workbook exported by one build of
/// ctg is read by the next; it guards against mistakes, not attacks.
pub fn fingerprint(action: &Action, key: ItemKey, year: i32) -> Option<String> {
    let state = state_of(action, key, year)?;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in state.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    Some(format!("{hash:016x}"))
}

fn state_of(action: &Action, key: ItemKey, year: i32) -> Option<String> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Some(match key {
        ItemKey::Action(_) => format!(
            "{}\u{1f}{}\u{1f}{}",
            action.status.keyword(),
            date(action.due.as_ref().map(|d| d.value)),
            action.title
        ),
        ItemKey::Modality(_, n) => {
            let modality = action.modalities.get(n.checked_sub(1)?)?;
            format!(
                "{}\u{1f}{}\u{1f}{}",
                modality.status.keyword(),
                date(modality.done.as_ref().map(|d| d.value)),
                modality.text
            )
        }
        ItemKey::Indicator(_, n) => {
            let indicator = action.indicators.get(n.checked_sub(1)?)?;
            let value = indicator
                .values
                .iter()
                .find(|(y, _)| y.value == year)
                .map(|(_, v)| v.to_string())
                .unwrap_or_default();
            format!("{}\u{1f}{value}", indicator.name)
        }
    })
}

/// The statuses a drop-down offers, by their labels.
pub fn status_labels(lang: Lang) -> Vec<&'static str> {
    Status::ALL.iter().map(|s| s.label(lang)).collect()
}

/// The cell's name as a spreadsheet shows it: `Actions!G7`.
pub fn cell_name(sheet: &str, row: u32, col: u16) -> String {
    use rust_xlsxwriter::utility::{quote_sheet_name, row_col_to_cell};
    format!("{}!{}", quote_sheet_name(sheet), row_col_to_cell(row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_written() {
        for key in [
            ItemKey::Action(12),
            ItemKey::Modality(3, 2),
            ItemKey::Indicator(20, 1),
        ] {
            assert_eq!(key.to_string().parse::<ItemKey>(), Ok(key));
        }
        assert!("12.0".parse::<ItemKey>().is_err());
        assert!("x".parse::<ItemKey>().is_err());
    }

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name("Actions", 6, 4), "Actions!E7");
        assert_eq!(cell_name("Modalités", 4, 5), "Modalités!F5");
        assert_eq!(cell_name("Mode d'emploi", 0, 27), "'Mode d''emploi'!AB1");
    }
}
