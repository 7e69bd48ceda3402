//! Shared pieces of the renderers: terminal tables, markdown cells,
//! progress bars, JSON.

pub mod csv;
pub mod diagnostics;
pub mod markup;
pub mod xlsx;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

use crate::Failure;
use crate::i18n::Lang;

/// A table for the terminal: fits the terminal's width when there is one.
pub fn terminal_table(header: Vec<String>) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    table
}

/// A share between 0 and 1 drawn in `width` cells: "██████░░░░".
pub fn progress_bar(share: f64, width: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Progress for a table cell: a bar and the percentage on a terminal, the
/// percentage alone elsewhere.
pub fn progress_cell(share: f64, lang: Lang, with_bar: bool) -> String {
    let percent = lang.percent(share);
    if with_bar {
        format!("{} {percent}", progress_bar(share, 10))
    } else {
        percent
    }
}

/// Text made safe for one markdown table cell: pipes escaped, line breaks flattened.
pub fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// One markdown table, header and rows.
pub fn md_table(header: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|cell| md_cell(cell)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = line(header);
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// Pretty JSON with a final newline.
pub fn json<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|err| Failure::content(err.to_string()))
}

/// A share rounded to four decimals, so that JSON stays short and stable.
pub fn round4(share: f64) -> f64 {
    (share * 10_000.0).round() / 10_000.0
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

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
    }
}
