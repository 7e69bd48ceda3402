//! Everything people and programs read, in every format. Commands build a
//! `Document` (headings, lines, lists, tables, bars) or a `Table` of typed
//! cells, and hand it here: one renderer per format, and plan text escaped
//! in one place per format (`escape`).

pub mod csv;
pub mod diagnostics;
pub mod document;
pub mod docx;
pub mod escape;
pub mod html;
pub mod markdown;
pub mod odt;
pub mod table;
pub mod terminal;
pub mod xlsx;

use serde::Serialize;

use crate::error::Error;
use crate::text::any_byte;

/// A share between 0 and 1 drawn in `width` cells: "██████░░░░".
pub fn progress_bar(share: f64, width: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Pretty JSON with a final newline.
/// serde_json escapes the C0 controls but writes DEL and the C1 controls
/// (U+0080–U+009F, among them the 8-bit CSI) as they are; they are escaped
/// here too, so JSON shown on a terminal drives nothing, and survives the
/// stripping of terminal sequences when colours are off. Outside strings
/// JSON is ASCII, so every such character is inside a string.
pub fn json<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(Error::internal)?;
    // Most JSON has none: it is kept as it is after a look at its bytes
    // for DEL or the lead byte of U+0080–U+00BF in UTF-8 (a bilan's JSON
    // is 32 MB), rather than copied a character at a time.
    if any_byte(text.as_bytes(), |b| b == 0x7f || b == 0xc2) {
        text = controls_escaped(&text);
    }
    text.push('\n');
    Ok(text)
}

/// `text` with DEL and the C1 controls written as JSON escapes, the runs
/// between them copied as they are.
fn controls_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    let controls = text
        .char_indices()
        .filter(|(_, c)| ('\u{7f}'..='\u{9f}').contains(c));
    for (at, control) in controls {
        out.push_str(&text[copied..at]);
        out.push_str(&format!("\\u{:04x}", control as u32));
        copied = at + control.len_utf8();
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The controls are escaped wherever they are, and nothing else moves:
    /// the same as escaping character by character.
    #[test]
    fn json_escapes_del_and_the_c1_controls() {
        let by_character = |text: &str| -> String {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '\u{7f}'..='\u{9f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out
        };
        for text in [
            "",
            "plain",
            "12\u{a0}% — é",
            "\u{7f}",
            "a\u{80}b\u{9b}31m\u{9f}\u{a0}\u{7f}",
            "\u{9b}\u{9b}",
            "😀\u{85}",
        ] {
            let written = json(&text).unwrap();
            let expected = by_character(&serde_json::to_string_pretty(&text).unwrap());
            assert_eq!(written, format!("{expected}\n"), "{text:?}");
        }
    }

    #[test]
    fn progress_bars_are_always_full_width() {
        assert_eq!(progress_bar(0.0, 4), "░░░░");
        assert_eq!(progress_bar(0.5, 4), "██░░");
        assert_eq!(progress_bar(1.7, 4), "████");
    }
}
