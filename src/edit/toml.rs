//! Changes to a TOML document that leave everything else as it was:
//! comments, order, spacing, and the way a table is written (a section or
//! an inline table, an array of tables or an inline array).

use chrono::{Datelike, NaiveDate};
use toml_edit::{Item, RawString, TableLike, Value};

use crate::error::Error;

/// A TOML date value; TOML writes years with four digits.
pub fn date_value(date: NaiveDate) -> Result<Value, Error> {
    let year = date.year();
    let datetime = (0..=9999)
        .contains(&year)
        .then(|| date.format("%Y-%m-%d").to_string())
        .and_then(|text| text.parse::<toml_edit::Datetime>().ok())
        .ok_or(Error::UnusableYear { year })?;
    Ok(Value::from(datetime))
}

/// A number as people write it: whole numbers stay integers.
pub fn number_value(number: f64) -> Value {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        Value::from(number as i64)
    } else {
        Value::from(number)
    }
}

/// Sets `key` of a table (a section or an inline table) to `value`,
/// keeping the old value's comments and spacing when there was one.
pub fn set_value(table: &mut dyn TableLike, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// The `index`-th table of the list at `key`, however it is written: an
/// array of tables (`[[modalities]]`) or an inline array of inline tables;
/// and whether it is inline (its spacing is then tidied by `fmt`).
pub fn nth_table<'d>(
    table: &'d mut dyn TableLike,
    key: &str,
    index: usize,
) -> Option<(&'d mut dyn TableLike, bool)> {
    match table.get_mut(key)? {
        Item::ArrayOfTables(list) => list
            .get_mut(index)
            .map(|t| (t as &mut dyn TableLike, false)),
        Item::Value(Value::Array(list)) => match list.get_mut(index)? {
            Value::InlineTable(t) => Some((t as &mut dyn TableLike, true)),
            _ => None,
        },
        _ => None,
    }
}

/// Appends `table` to the list at `key`, as the list is written: right
/// after its last `[[key]]` table, or at the end of an inline array. A new
/// or empty list becomes `[[key]]` tables, as people write them. A `key`
/// that is no list is left alone: the plan's check refuses it.
pub fn append_table(doc: &mut toml_edit::DocumentMut, key: &str, mut table: toml_edit::Table) {
    if doc
        .get(key)
        .and_then(Item::as_array)
        .is_some_and(toml_edit::Array::is_empty)
    {
        doc.remove(key);
    }
    table.decor_mut().set_prefix("\n");
    match doc.get_mut(key) {
        None => {
            let mut list = toml_edit::ArrayOfTables::new();
            list.push(table);
            doc.insert(key, Item::ArrayOfTables(list));
        }
        Some(Item::ArrayOfTables(list)) => {
            table.set_position(list.iter().filter_map(toml_edit::Table::position).max());
            list.push(table);
        }
        Some(Item::Value(Value::Array(list))) => {
            let mut inline = table.into_inline_table();
            inline.fmt();
            let mut value = Value::InlineTable(inline);
            let prefix = list.iter().last().map(prefix_of).unwrap_or_default();
            let prefix = if prefix.contains('\n') {
                prefix
            } else {
                " ".to_string()
            };
            value.decor_mut().set_prefix(prefix);
            list.push_formatted(value);
        }
        Some(_) => {}
    }
}

/// Removes the `index`-th table of the list at `key`, however it is
/// written; a list left empty goes with its key.
pub fn remove_nth(doc: &mut toml_edit::DocumentMut, key: &str, index: usize) {
    let empty = match doc.get_mut(key) {
        Some(Item::ArrayOfTables(list)) if index < list.len() => {
            list.remove(index);
            list.is_empty()
        }
        Some(Item::Value(Value::Array(list))) if index < list.len() => {
            let removed = list.remove(index);
            if index == 0
                && let Some(next) = list.get_mut(0)
            {
                next.decor_mut().set_prefix(prefix_of(&removed));
            }
            list.is_empty()
        }
        _ => false,
    };
    if empty {
        doc.remove(key);
    }
}

/// The array of strings at `key`, created empty if absent.
pub fn string_array<'d>(
    table: &'d mut toml_edit::Table,
    key: &str,
) -> Option<&'d mut toml_edit::Array> {
    table
        .entry(key)
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()
}

/// Removes `text` from an array of strings; says whether it was there.
///
/// The space before an element belongs to two people's lines: up to the
/// first line end it ends the line of the element before (its comment),
/// after it it opens the element's own line (the comment lines above it,
/// the indentation). Removing an element removes its own line and the end
/// of that line, and keeps the others' comments where they were.
pub fn remove_string(array: &mut toml_edit::Array, text: &str) -> bool {
    let Some(index) = array.iter().position(|v| v.as_str() == Some(text)) else {
        return false;
    };
    let removed = array.remove(index);
    let own = prefix_of(&removed);
    let (line_before, _) = split_line(&own);
    match array.get_mut(index) {
        Some(next) => {
            let prefix = prefix_of(next);
            let (_, next_line) = split_line(&prefix);
            next.decor_mut()
                .set_prefix(format!("{line_before}{next_line}"));
        }
        // The last element: the space after it closes the array. On one
        // line, it simply goes with its comma.
        None if own.contains('\n') => {
            let trailing = array.trailing().as_str().unwrap_or("").to_string();
            let (_, rest) = split_line(&trailing);
            array.set_trailing(format!("{line_before}{rest}"));
        }
        None => {}
    }
    if array.is_empty() {
        array.set_trailing_comma(false);
        array.set_trailing("");
    }
    true
}

/// The space and comments before a value, as written.
pub(super) fn prefix_of(value: &Value) -> String {
    value
        .decor()
        .prefix()
        .and_then(RawString::as_str)
        .unwrap_or("")
        .to_string()
}

/// The space before an element, split after its first line end: what ends
/// the line before, and what opens the element's own. Without a line end,
/// it is all the separator's.
fn split_line(space: &str) -> (&str, &str) {
    match space.find('\n') {
        Some(at) => space.split_at(at + 1),
        None => (space, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    fn removed(text: &str, actor: &str) -> String {
        let mut doc: DocumentMut = text.parse().unwrap();
        let array = doc["pilots"].as_array_mut().unwrap();
        assert!(remove_string(array, actor));
        doc.to_string()
    }

    const COMMENTED: &str =
        "pilots = [\n  \"A\", # a\n  # about B\n  \"B\", # b\n  \"C\", # c\n]\n";

    #[test]
    fn the_comments_of_the_elements_kept_stay_with_them() {
        assert_eq!(
            removed(COMMENTED, "A"),
            "pilots = [\n  # about B\n  \"B\", # b\n  \"C\", # c\n]\n"
        );
        assert_eq!(
            removed(COMMENTED, "B"),
            "pilots = [\n  \"A\", # a\n  \"C\", # c\n]\n"
        );
        assert_eq!(
            removed(COMMENTED, "C"),
            "pilots = [\n  \"A\", # a\n  # about B\n  \"B\", # b\n]\n"
        );
    }

    #[test]
    fn one_line_arrays_stay_tidy() {
        assert_eq!(
            removed("pilots = [\"A\", \"B\"]\n", "A"),
            "pilots = [\"B\"]\n"
        );
        assert_eq!(
            removed("pilots = [\"A\", \"B\"]\n", "B"),
            "pilots = [\"A\"]\n"
        );
        assert_eq!(
            removed("pilots = [\"A\", \"B\", \"C\"]\n", "B"),
            "pilots = [\"A\", \"C\"]\n"
        );
        assert_eq!(removed("pilots = [ \"A\" ]\n", "A"), "pilots = []\n");
    }

    #[test]
    fn a_date_value_has_a_four_digit_year() {
        let date = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert!(date_value(date(2025)).is_ok());
        assert!(matches!(
            date_value(date(10_000)),
            Err(Error::UnusableYear { year: 10_000 })
        ));
        assert!(date_value(date(-1)).is_err());
    }
}
