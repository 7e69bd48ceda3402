//! TOML syntax, all of it. The parser keeps numbers as they are written
//! and leaves judging them to whoever reads them, so `0x`, `1_0٠` or a
//! second byte order mark reach the reader as if they were fine. TOML calls
//! them syntax errors wherever they sit, in a known key or not, and so does
//! `ctg`: each is a `toml-syntax` diagnostic at its place.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::rules as format;
use super::values;
use crate::diag::Text;
use crate::i18n::Lang;

/// The document, and its syntax errors: (place, message).
pub fn parse(text: &str, lang: Lang) -> (Spanned<DeTable<'_>>, Vec<(Range<usize>, String)>) {
    let (document, errors) = DeTable::parse_recoverable(text);
    let mut found: Vec<(Range<usize>, String)> = errors
        .iter()
        .map(|error| {
            let message = format::SYNTAX.fill(lang, &[&error.message().trim()]);
            (error.span().unwrap_or(0..0), message)
        })
        .collect();
    if text.starts_with('\u{feff}') {
        let message = format::SYNTAX.fill(lang, &[&format::BOM_NOT_AT_START.get(lang)]);
        found.push((0..'\u{feff}'.len_utf8(), message));
    }
    for (span, problem) in malformed(document.get_ref()) {
        if !found.iter().any(|(place, _)| *place == span) {
            found.push((span, format::SYNTAX.fill(lang, &[&problem.get(lang)])));
        }
    }
    found.sort_by_key(|(span, _)| span.start);
    (document, found)
}

/// Every number of a table, at any depth, that TOML does not allow.
fn malformed(table: &DeTable) -> Vec<(Range<usize>, Text)> {
    let mut found = Vec::new();
    let mut pending: Vec<&Spanned<DeValue>> = table.values().collect();
    while let Some(value) = pending.pop() {
        let problem = match value.get_ref() {
            DeValue::Integer(integer) => integer_problem(integer.as_str(), integer.radix()),
            DeValue::Float(float) => float_problem(float.as_str()),
            DeValue::Array(items) => {
                pending.extend(items.iter());
                None
            }
            DeValue::Table(table) => {
                pending.extend(table.values());
                None
            }
            _ => None,
        };
        if let Some(problem) = problem {
            found.push((value.span(), problem));
        }
    }
    found
}

fn integer_problem(digits: &str, radix: u32) -> Option<Text> {
    match i64::from_str_radix(&values::digits(digits), radix) {
        Ok(_) => None,
        Err(err) => Some(match err.kind() {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                format::INTEGER_TOO_LARGE
            }
            _ => format::MALFORMED_INTEGER,
        }),
    }
}

fn float_problem(digits: &str) -> Option<Text> {
    let parsed = values::digits(digits).parse::<f64>();
    parsed.is_err().then_some(format::MALFORMED_FLOAT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(Range<usize>, String)> {
        parse(text, Lang::En).1
    }

    #[test]
    fn incomplete_and_foreign_numbers_are_syntax_errors_at_their_place() {
        for text in [
            "a = 0x\n",
            "a = 0b\n",
            "a = 0o\n",
            "a = 1_0\u{660}\n",
            "a = 99999999999999999999\n",
            "[t]\nb = [1, {c = 0x}]\n",
        ] {
            let found = problems(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            let span = found[0].0.clone();
            assert!(text[span].starts_with('0') || text.contains('9') || text.contains('1'));
        }
    }

    #[test]
    fn numbers_with_underscores_are_read_without_them() {
        assert!(matches!(
            values::digits("12500"),
            std::borrow::Cow::Borrowed("12500")
        ));
        assert_eq!(values::digits("1_2_500.0_5"), "12500.05");
        for text in [
            "a = 12_500\n",
            "a = 0x_ff\n",
            "a = 1_000.5\n",
            "a = [1_0, 2.0_1]\n",
        ] {
            // Underscores TOML allows between digits are no problem.
            let allowed = text != "a = 0x_ff\n";
            assert_eq!(problems(text).is_empty(), allowed, "{text:?}");
        }
    }

    #[test]
    fn a_second_byte_order_mark_is_a_syntax_error() {
        assert_eq!(problems("\u{feff}a = 1\n").len(), 1);
    }

    #[test]
    fn valid_numbers_pass() {
        for text in [
            "a = 0x7f\n",
            "a = 1_000\n",
            "a = -9223372036854775808\n",
            "a = 1e3\n",
            "a = -inf\n",
            "a = nan\n",
            "a = 3.14_15\n",
        ] {
            assert_eq!(problems(text), Vec::new(), "{text:?}");
        }
    }
}
