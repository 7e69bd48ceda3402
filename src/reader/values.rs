//! Values as TOML holds them: integers, numbers and dates read with a
//! diagnostic for each wrong one, and the words and examples of types that
//! help messages show.

use std::borrow::Cow;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::DeValue;

use super::rules as format;
use super::{FieldType, FileContext};
use crate::i18n::Msg;
use crate::span::Located;

/// A number's digits without the underscores TOML allows between them
/// (`1_000`): borrowed when there are none, as in nearly every number of a
/// plan, since every number is read twice (its syntax, then its value).
pub fn digits(number: &str) -> Cow<'_, str> {
    match number.contains('_') {
        true => number.replace('_', "").into(),
        false => number.into(),
    }
}

/// A line of TOML showing a value of the expected type, for help messages.
pub fn example(key: &str, expected: Msg) -> String {
    let key = toml_key(key);
    match expected {
        Msg::TypeInteger => format!("{key} = 1"),
        Msg::TypeNumber | Msg::TypeFloat => format!("{key} = 12.5"),
        Msg::TypeBoolean => format!("{key} = true"),
        Msg::TypeDate => format!("{key} = 2024-03-12"),
        Msg::TypeArray | Msg::TypeStringList => format!("{key} = [\"…\"]"),
        Msg::TypeTable => format!("[{key}]"),
        _ => format!("{key} = \"…\""),
    }
}

/// A key as TOML needs it written: bare when it can be, quoted otherwise.
pub fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}

/// The TOML type of a value, as the message catalogue names it.
pub(super) fn type_name(value: &DeValue) -> Msg {
    match value {
        DeValue::String(_) => Msg::TypeString,
        DeValue::Integer(_) => Msg::TypeInteger,
        DeValue::Float(_) => Msg::TypeFloat,
        DeValue::Boolean(_) => Msg::TypeBoolean,
        DeValue::Datetime(_) => Msg::TypeDate,
        DeValue::Array(_) => Msg::TypeArray,
        DeValue::Table(_) => Msg::TypeTable,
    }
}

pub(super) fn integer_type(range: &std::ops::RangeInclusive<i64>) -> FieldType {
    FieldType::Integer {
        min: *range.start(),
        max: *range.end(),
    }
}

pub fn read_integer(
    ctx: &mut FileContext,
    key: &str,
    value: &Spanned<DeValue>,
    range: std::ops::RangeInclusive<i64>,
) -> Option<Located<i64>> {
    let DeValue::Integer(integer) = value.get_ref() else {
        ctx.wrong_type(key, Msg::TypeInteger, value);
        return None;
    };
    let parsed = i64::from_str_radix(&digits(integer.as_str()), integer.radix()).ok();
    match parsed {
        Some(number) if range.contains(&number) => Some(Located {
            value: number,
            span: ctx.span(value.span()),
        }),
        _ => {
            let lang = ctx.lang;
            ctx.error(
                &format::OUT_OF_RANGE,
                value.span(),
                format::INTEGER_BETWEEN.fill(lang, &[&key, range.start(), range.end()]),
                Some(lang.fill(
                    Msg::DiagForExample,
                    &[&format!("{} = {}", toml_key(key), range.start())],
                )),
            );
            None
        }
    }
}

pub fn read_number(ctx: &mut FileContext, key: &str, value: &Spanned<DeValue>) -> Option<f64> {
    match value.get_ref() {
        DeValue::Integer(integer) => {
            i64::from_str_radix(&digits(integer.as_str()), integer.radix())
                .ok()
                .map(|number| number as f64)
        }
        DeValue::Float(float) => digits(float.as_str()).parse::<f64>().ok(),
        _ => {
            ctx.wrong_type(key, Msg::TypeNumber, value);
            None
        }
    }
}

pub fn read_date(
    ctx: &mut FileContext,
    key: &str,
    value: &Spanned<DeValue>,
) -> Option<Located<NaiveDate>> {
    let DeValue::Datetime(datetime) = value.get_ref() else {
        ctx.wrong_type(key, Msg::TypeDate, value);
        return None;
    };
    let date = match (datetime.date, datetime.time, datetime.offset) {
        (Some(date), None, None) => {
            NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
        }
        _ => None,
    };
    match date {
        Some(date) => Some(Located {
            value: date,
            span: ctx.span(value.span()),
        }),
        None => {
            let lang = ctx.lang;
            ctx.error(
                &format::INVALID_DATE,
                value.span(),
                format::PLAIN_DATE.fill(lang, &[&key]),
                Some(lang.fill(Msg::DiagForExample, &[&example(key, Msg::TypeDate)])),
            );
            None
        }
    }
}
