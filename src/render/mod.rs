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
    let text = serde_json::to_string_pretty(value).map_err(Error::internal)?;
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bars_are_always_full_width() {
        assert_eq!(progress_bar(0.0, 4), "░░░░");
        assert_eq!(progress_bar(0.5, 4), "██░░");
        assert_eq!(progress_bar(1.7, 4), "████");
    }
}
