//! The journal of an action file (`log`), however the file writes it: an
//! array of tables (`[[log]]`), an inline array of inline tables, or an
//! empty array (`log = []`). Entries go in date order; a layout the
//! loader would not read is refused, never skipped.

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::toml::{date_value, prefix_of};
use crate::error::Error;
use crate::model::Status;

/// An entry's fields, as an edit writes them.
pub struct NewEntry<'a> {
    pub date: NaiveDate,
    pub note: &'a str,
    pub status: Option<Status>,
    /// The actor who reported it, when not the person editing.
    pub by: Option<&'a str>,
}

/// One entry taken out of the journal, in the layout it was written in.
enum Taken {
    Table(Table),
    Inline(Value),
}

/// The journal of a document, by layout.
enum Journal<'d> {
    Tables(&'d mut ArrayOfTables),
    Inline(&'d mut toml_edit::Array),
}

/// The journal of `doc`; `None` when there is none yet. A `log` the
/// loader cannot read as a list of entries is refused.
fn journal(doc: &mut DocumentMut) -> Result<Option<Journal<'_>>, Error> {
    match doc.get_mut("log") {
        None => Ok(None),
        Some(Item::ArrayOfTables(list)) => Ok(Some(Journal::Tables(list))),
        Some(Item::Value(Value::Array(list)))
            if list.iter().all(|v| v.as_inline_table().is_some()) =>
        {
            Ok(Some(Journal::Inline(list)))
        }
        Some(_) => Err(Error::JournalLayout),
    }
}

/// The day of an entry as written, when it is a date.
fn day_of(entry: &dyn TableLike) -> Option<NaiveDate> {
    let date = entry.get("date")?.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

impl Journal<'_> {
    fn days(&self) -> Vec<Option<NaiveDate>> {
        match self {
            Journal::Tables(list) => list.iter().map(|t| day_of(t)).collect(),
            Journal::Inline(list) => list
                .iter()
                .map(|v| v.as_inline_table().and_then(|t| day_of(t)))
                .collect(),
        }
    }

    /// Where an entry of `date` goes: after every entry of that day or before.
    fn place_of(&self, date: NaiveDate) -> usize {
        self.days()
            .iter()
            .rposition(|day| day.is_some_and(|day| day <= date))
            .map_or(0, |last| last + 1)
    }

    fn len(&self) -> usize {
        match self {
            Journal::Tables(list) => list.len(),
            Journal::Inline(list) => list.len(),
        }
    }

    fn take(&mut self, index: usize) -> Taken {
        match self {
            Journal::Tables(list) => Taken::Table(list.remove(index)),
            Journal::Inline(list) => {
                let removed = list.remove(index);
                // The first element's space (none, or a line's indentation)
                // goes to the one that is first now.
                if index == 0
                    && let Some(next) = list.get_mut(0)
                {
                    let prefix = prefix_of(&removed);
                    next.decor_mut().set_prefix(prefix);
                }
                Taken::Inline(removed)
            }
        }
    }

    fn put(&mut self, index: usize, entry: Taken) {
        match (self, entry) {
            (Journal::Tables(list), Taken::Table(mut table)) => {
                // Printed beside its neighbour: right after the entry
                // before it, or right before the first.
                let neighbour = index.saturating_sub(1);
                let position = list.get(neighbour).and_then(Table::position);
                if position.is_some() {
                    table.set_position(position);
                }
                list.insert(index, table);
            }
            (Journal::Inline(list), Taken::Inline(mut value)) => {
                let spaced = |v: &Value| prefix_of(v).contains('\n');
                let prefix = match list.get(index) {
                    Some(next) => prefix_of(next),
                    None if list.len() >= 2 || list.iter().any(spaced) => {
                        list.get(list.len() - 1).map(prefix_of).unwrap_or_default()
                    }
                    None if list.is_empty() => String::new(),
                    None => " ".to_string(),
                };
                value.decor_mut().set_prefix(prefix);
                list.insert_formatted(index, value);
                // The element that was first is second now: it takes a
                // separator's space.
                if index == 0
                    && let Some(second) = list.get_mut(1)
                    && !spaced(second)
                {
                    second.decor_mut().set_prefix(" ");
                }
            }
            // The layout is the journal's own: a taken entry goes back in it.
            (Journal::Tables(_), Taken::Inline(_)) | (Journal::Inline(_), Taken::Table(_)) => {}
        }
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut dyn TableLike> {
        match self {
            Journal::Tables(list) => list.get_mut(index).map(|t| t as &mut dyn TableLike),
            Journal::Inline(list) => list
                .get_mut(index)?
                .as_inline_table_mut()
                .map(|t| t as &mut dyn TableLike),
        }
    }

    fn is_inline(&self) -> bool {
        matches!(self, Journal::Inline(_))
    }
}

fn fill(entry: &mut dyn TableLike, new: &NewEntry) -> Result<(), Error> {
    super::set_value(entry, "date", date_value(new.date)?);
    super::set_value(entry, "note", Value::from(new.note));
    if let Some(status) = new.status {
        super::set_value(entry, "status", Value::from(status.keyword()));
    }
    if let Some(by) = new.by {
        super::set_value(entry, "by", Value::from(by));
    }
    Ok(())
}

/// Adds an entry in date order (after the entries of its day), in the
/// journal's own layout; an empty `log = []` becomes `[[log]]` entries.
/// Returns the entry's place (0 for the first).
pub fn insert_log(doc: &mut DocumentMut, new: &NewEntry) -> Result<usize, Error> {
    let empty_inline = matches!(journal(doc)?, Some(Journal::Inline(list)) if list.is_empty());
    if empty_inline {
        doc.remove("log");
    }
    let mut table = Table::new();
    fill(&mut table, new)?;
    table.decor_mut().set_prefix("\n");
    let Some(mut journal) = journal(doc)? else {
        let mut list = ArrayOfTables::new();
        list.push(table);
        doc.insert("log", Item::ArrayOfTables(list));
        return Ok(0);
    };
    let index = journal.place_of(new.date);
    let entry = if journal.is_inline() {
        let mut inline = InlineTable::new();
        fill(&mut inline, new)?;
        inline.fmt();
        Taken::Inline(Value::InlineTable(inline))
    } else {
        Taken::Table(table)
    };
    journal.put(index, entry);
    Ok(index)
}

/// Removes the `index`-th entry (0 for the first); an emptied journal
/// leaves no `log` behind.
pub fn remove_log(doc: &mut DocumentMut, index: usize) -> Result<(), Error> {
    let mut journal = journal(doc)?.ok_or(Error::JournalLayout)?;
    journal.take(index);
    if journal.len() == 0 {
        doc.remove("log");
    }
    Ok(())
}

/// Corrects the `index`-th entry: its text, day or status (what is
/// given); an entry whose day changes moves to its place in date order.
/// Returns its place after the change.
pub fn correct_log(
    doc: &mut DocumentMut,
    index: usize,
    note: Option<&str>,
    date: Option<NaiveDate>,
    status: Option<Status>,
) -> Result<usize, Error> {
    let mut journal = journal(doc)?.ok_or(Error::JournalLayout)?;
    let inline = journal.is_inline();
    let entry = journal.get_mut(index).ok_or(Error::JournalLayout)?;
    if let Some(note) = note {
        super::set_value(entry, "note", Value::from(note));
    }
    if let Some(status) = status {
        super::set_value(entry, "status", Value::from(status.keyword()));
    }
    let Some(date) = date else {
        return Ok(index);
    };
    super::set_value(entry, "date", date_value(date)?);
    if inline {
        entry.fmt();
    }
    let taken = journal.take(index);
    let place = journal.place_of(date);
    journal.put(place, taken);
    Ok(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, d).unwrap()
    }

    fn inserted(text: &str, d: u32) -> String {
        let mut doc: DocumentMut = text.parse().unwrap();
        let new = NewEntry {
            date: day(d),
            note: "N",
            status: None,
            by: None,
        };
        insert_log(&mut doc, &new).unwrap();
        doc.to_string()
    }

    const TABLES: &str = "id = 1\n\n[[log]]\ndate = 2025-06-01\nnote = \"A\"\n\n[[log]]\ndate = 2025-06-20\nnote = \"B\"\n\n[[indicators]]\nname = \"I\"\n";

    #[test]
    fn an_entry_goes_in_date_order_among_tables() {
        assert_eq!(
            inserted(TABLES, 10),
            "id = 1\n\n[[log]]\ndate = 2025-06-01\nnote = \"A\"\n\n[[log]]\ndate = 2025-06-10\nnote = \"N\"\n\n[[log]]\ndate = 2025-06-20\nnote = \"B\"\n\n[[indicators]]\nname = \"I\"\n"
        );
        assert!(inserted(TABLES, 25).contains("note = \"B\"\n\n[[log]]\ndate = 2025-06-25"));
        assert!(inserted(TABLES, 1).starts_with(
            "id = 1\n\n[[log]]\ndate = 2025-06-01\nnote = \"A\"\n\n[[log]]\ndate = 2025-06-01\nnote = \"N\""
        ));
    }

    #[test]
    fn inline_and_empty_journals_get_their_entry() {
        assert_eq!(
            inserted("id = 1\nlog = []\n", 10),
            "id = 1\n\n[[log]]\ndate = 2025-06-10\nnote = \"N\"\n"
        );
        assert_eq!(
            inserted("log = [{ date = 2025-06-20, note = \"B\" }]\n", 10),
            "log = [{ date = 2025-06-10, note = \"N\" }, { date = 2025-06-20, note = \"B\" }]\n"
        );
        assert_eq!(
            inserted("log = [\n  { date = 2025-06-01, note = \"A\" },\n]\n", 10),
            "log = [\n  { date = 2025-06-01, note = \"A\" },\n  { date = 2025-06-10, note = \"N\" },\n]\n"
        );
        let mut doc: DocumentMut = "log = \"x\"\n".parse().unwrap();
        let new = NewEntry {
            date: day(1),
            note: "N",
            status: None,
            by: None,
        };
        assert!(matches!(
            insert_log(&mut doc, &new),
            Err(Error::JournalLayout)
        ));
    }

    #[test]
    fn a_corrected_day_moves_the_entry() {
        let mut doc: DocumentMut = TABLES.parse().unwrap();
        assert_eq!(
            correct_log(&mut doc, 0, None, Some(day(30)), None).unwrap(),
            1
        );
        assert!(
            doc.to_string()
                .contains("note = \"B\"\n\n[[log]]\ndate = 2025-06-30\nnote = \"A\"")
        );
        remove_log(&mut doc, 0).unwrap();
        remove_log(&mut doc, 0).unwrap();
        assert_eq!(doc.to_string(), "id = 1\n\n[[indicators]]\nname = \"I\"\n");
    }
}
