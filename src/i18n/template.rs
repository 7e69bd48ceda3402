//! Filling a message: its placeholders replaced in one pass, and its words
//! agreed with the numbers they count.
//!
//! `{0}` is the first argument. `{0?réunion|réunions}` is the singular or
//! the plural, as the first argument counts in the language: in French 0
//! and 1 take the singular ("0 réunion tenue"), in English only 1 does ("0
//! meetings held"). The arguments are never read again, so text from the
//! plan that holds `{2}` is printed as `{2}`.

use std::fmt::{Display, Write};

use super::Lang;

/// `template` with its placeholders and plural choices filled from `args`.
/// A placeholder whose argument is missing, or that is not well formed, is
/// kept as it is written.
pub fn fill(template: &str, lang: Lang, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(open) = byte_position(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match placeholder(&mut out, after, lang, args) {
            Some(used) => rest = &after[used..],
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Writes the text of the placeholder that `after` (what follows a `{`)
/// opens, and says how many bytes of `after` it takes, closing brace
/// included; writes nothing when it is not a placeholder.
fn placeholder(out: &mut String, after: &str, lang: Lang, args: &[&dyn Display]) -> Option<usize> {
    let close = byte_position(after, b'}')?;
    let inside = &after[..close];
    let (index, forms) = match byte_position(inside, b'?') {
        Some(mark) => (&inside[..mark], Some(&inside[mark + 1..])),
        None => (inside, None),
    };
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let arg = args.get(index.parse::<usize>().ok()?)?;
    match forms {
        // Straight into the text, without a string of its own.
        None => write!(out, "{arg}").ok()?,
        Some(forms) => {
            let (one, many) = forms.split_once('|')?;
            let counted = arg.to_string();
            out.push_str(if counts_as_one(&counted, lang) {
                one
            } else {
                many
            });
        }
    }
    Some(close + 1)
}

/// Where an ASCII byte first occurs in `text`. A message is a few dozen
/// bytes: looked at byte by byte rather than with `str::find`, which is
/// made for long texts, a filled message costs a third less (the bilan of
/// a large plan fills some 100,000).
fn byte_position(text: &str, ascii: u8) -> Option<usize> {
    text.bytes().position(|byte| byte == ascii)
}

/// Whether a number, as printed, takes the singular.
fn counts_as_one(number: &str, lang: Lang) -> bool {
    // Most counts print as plain digits: read at once, without a copy.
    let value = number.parse::<f64>().or_else(|_| {
        let plain: String = number
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        plain.parse::<f64>()
    });
    let Ok(value) = value else {
        return false;
    };
    match lang {
        Lang::Fr => value.abs() < 2.0,
        Lang::En => value == 1.0,
    }
}

/// The indices of the arguments a template uses, in plain placeholders and
/// plural choices alike: both languages of a message must use the same.
#[cfg(test)]
pub fn indices(template: &str) -> Vec<usize> {
    let mut found: Vec<usize> = template
        .split('{')
        .skip(1)
        .filter_map(|piece| {
            let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
            let next = piece[digits.len()..].chars().next();
            matches!(next, Some('}' | '?'))
                .then(|| digits.parse().ok())
                .flatten()
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_never_read_as_placeholders() {
        let note = "À définir {2}";
        let filled = fill("{0} : {1}", Lang::Fr, &[&note, &"titre"]);
        assert_eq!(filled, "À définir {2} : titre");
    }

    #[test]
    fn words_agree_with_their_number() {
        let held = "{0} {0?réunion tenue|réunions tenues} sur {1} {1?attendue|attendues}";
        assert_eq!(
            fill(held, Lang::Fr, &[&0, &1]),
            "0 réunion tenue sur 1 attendue"
        );
        assert_eq!(
            fill(held, Lang::Fr, &[&2, &3]),
            "2 réunions tenues sur 3 attendues"
        );
        let english = "{0} {0?meeting|meetings}";
        assert_eq!(fill(english, Lang::En, &[&0]), "0 meetings");
        assert_eq!(fill(english, Lang::En, &[&1]), "1 meeting");
        assert_eq!(fill("{0?jour|jours}", Lang::Fr, &[&"1,5"]), "jour");
    }

    #[test]
    fn what_is_not_a_placeholder_is_kept() {
        assert_eq!(fill("{x} {} {9} {0", Lang::En, &[&"a"]), "{x} {} {9} {0");
        assert_eq!(fill("{0?one}", Lang::En, &[&1]), "{0?one}");
        assert_eq!(indices("{1} {0?a|b} {x} {1}"), [0, 1]);
    }
}
