//! Documents and tables for the terminal: bold titles, a yellow mark on
//! alerts, tables that fit the terminal's width, progress as bars. Plan
//! text is stripped of control characters (`escape::terminal`).

use anstyle::{AnsiColor, Style};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table as Grid};

use crate::i18n::Lang;
use crate::render::document::{Block, Document};
use crate::render::escape;
use crate::render::progress_bar;
use crate::render::table::{Cell, Table};

const BOLD: Style = Style::new().bold();
const WARN: Style = AnsiColor::Yellow.on_default();

pub fn document(doc: &Document, lang: Lang) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in &doc.blocks {
        let joined = matches!(previous, Some(Block::Heading(..)))
            || matches!((previous, block), (Some(Block::Title(_)), Block::Lines(_)));
        if previous.is_some() && !joined {
            out.push('\n');
        }
        write_block(&mut out, block, lang);
        previous = Some(block);
    }
    out
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    let esc = escape::terminal;
    match block {
        Block::Title(text) | Block::Heading(_, text) => {
            out.push_str(&format!("{BOLD}{}{BOLD:#}\n", esc(text)));
        }
        Block::Lines(lines) => lines.iter().for_each(|l| out.push_str(&(esc(l) + "\n"))),
        Block::Paragraph(text) => out.push_str(&(esc(text) + "\n")),
        Block::Fields(fields) => {
            let width = fields.iter().map(|(l, _)| l.chars().count()).max();
            for (label, value) in fields {
                let pad = width.unwrap_or(0) - label.chars().count();
                let label = esc(label);
                out.push_str(&format!("{label}{} : {}\n", " ".repeat(pad), esc(value)));
            }
        }
        Block::List(items) => items
            .iter()
            .for_each(|i| out.push_str(&format!("  {}\n", esc(i)))),
        Block::Alerts(items) => {
            for item in items {
                out.push_str(&format!("{WARN}!{WARN:#} {}\n", esc(item)));
            }
        }
        Block::Table(table) => out.push_str(&(self::table(table, lang) + "\n")),
        Block::Bars(_, bars) => {
            for (label, share) in bars {
                let bar = progress_bar(*share, 20);
                out.push_str(&format!("{bar} {} {}\n", lang.percent(*share), esc(label)));
            }
        }
    }
}

/// The table, fitted to the terminal's width when there is one; no final newline.
pub fn table(table: &Table, lang: Lang) -> String {
    let mut grid = Grid::new();
    grid.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(table.header.iter().map(|h| escape::terminal(h)));
    for row in &table.rows {
        grid.add_row(row.iter().map(|cell| cell_text(cell, lang)));
    }
    grid.to_string()
}

fn cell_text(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(text) => escape::terminal(text),
        Cell::Brief { brief, .. } => escape::terminal(brief),
        Cell::Int(number) => number.to_string(),
        Cell::Number(number) => lang.number(*number),
        Cell::Share(share) => format!("{} {}", progress_bar(*share, 10), lang.percent(*share)),
        Cell::Date(date) => date.map_or("—".to_string(), |d| lang.short_date(d)),
    }
}
