//! `ctg set ID --indicator N --year Y`: an indicator's value of a year,
//! set (`--value V`) or removed (`--remove-value`), or its target of that
//! year (`--target V`).

use toml_edit::Item;

use crate::cli::SetArgs;
use crate::edit::{EditableFile, nth_table, number_value};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::Action;
use crate::render::escape;

/// The line of the value change `--indicator N --year Y` asks for, if any.
pub fn asked(
    args: &SetArgs,
    file: &mut EditableFile,
    action: &Action,
    lang: Lang,
) -> Result<Option<String>, Error> {
    let (Some(number), Some(year)) = (args.indicator, args.year) else {
        return Ok(None);
    };
    let change = match (args.value, args.target_value) {
        (Some(value), _) => Change::Set(value),
        (None, Some(target)) => Change::Target(target),
        (None, None) => Change::Remove,
    };
    set_value_of_year(file, action, number, year, change, lang).map(Some)
}

/// What to do with an indicator's value of a year.
pub enum Change {
    Set(f64),
    Remove,
    /// The target of that year (`targets`).
    Target(f64),
}

/// Sets or removes the value of `year` of indicator `number`.
pub fn set_value_of_year(
    file: &mut EditableFile,
    action: &Action,
    number: usize,
    year: i32,
    change: Change,
    lang: Lang,
) -> Result<String, Error> {
    let id = action.id.value;
    let count = action.indicators.len();
    let missing = || Error::NoSuchIndicator {
        action: id,
        count,
        number,
    };
    let (indicator, inline_indicator) = nth_table(
        file.doc.as_table_mut(),
        "indicators",
        number.wrapping_sub(1),
    )
    .ok_or_else(missing)?;
    let name = escape::terminal(&action.indicators[number - 1].name);
    let key = year.to_string();
    let (table_key, value, msg) = match change {
        Change::Set(value) => ("values", value, Msg::EditIndicator),
        Change::Target(target) => ("targets", target, Msg::EditIndicatorTarget),
        Change::Remove => return Ok(remove_value(indicator, &key, id, &name, year, lang)),
    };
    if indicator.get(table_key).is_none() {
        indicator.insert(table_key, toml_edit::value(toml_edit::InlineTable::new()));
        if inline_indicator {
            indicator.fmt();
        }
    }
    // Values are an inline table or a [indicators.values] section.
    let values = indicator.get_mut(table_key).ok_or_else(missing)?;
    let inline = values.is_inline_table();
    let values = values.as_table_like_mut().ok_or_else(missing)?;
    let number_value = number_value(value);
    let shown = number_value.to_string().trim().to_string();
    values.insert(&key, Item::Value(number_value));
    if inline {
        values.fmt();
    }
    Ok(lang.fill(msg, &[&id, &name, &year, &shown]))
}

/// Removes the value of `key` (a year) and says so, or that there was none.
fn remove_value(
    indicator: &mut dyn toml_edit::TableLike,
    key: &str,
    id: u32,
    name: &str,
    year: i32,
    lang: Lang,
) -> String {
    let removed = indicator.get_mut("values").and_then(|item| {
        let inline = item.is_inline_table();
        let values = item.as_table_like_mut()?;
        let old = values.remove(key)?;
        if inline {
            values.fmt();
        }
        Some(old)
    });
    let msg = match removed {
        Some(_) => Msg::EditIndicatorRemoved,
        None => Msg::EditIndicatorNoValue,
    };
    lang.fill(msg, &[&id, &name, &year])
}
