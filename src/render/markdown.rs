//! Documents and tables as Markdown, readable as-is and in a git forge.
//! Plan text is escaped (`escape::markdown`): it never becomes a link, an
//! image, HTML or emphasis.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::render::document::{Block, Document};
use crate::render::escape;
use crate::render::progress_bar;
use crate::render::table::{Cell, Table};

pub fn document(doc: &Document, lang: Lang) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        // A forge shows its own outline of the headings; pages are for paper.
        if matches!(block, Block::PageBreak | Block::Contents(_)) {
            continue;
        }
        write_block(&mut out, block, lang);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    let esc = escape::markdown;
    match block {
        Block::Title(text) => {
            let _ = writeln!(out, "# {}", esc(text));
        }
        Block::Heading(level, text) => {
            let _ = writeln!(out, "{} {}", "#".repeat((*level).into()), esc(text));
        }
        Block::Lines(lines) => lines.iter().for_each(|l| {
            let _ = writeln!(out, "{}  ", esc(l));
        }),
        Block::Paragraph(text) => {
            let _ = writeln!(out, "{}", esc(text));
        }
        Block::Fields(fields) => fields.iter().for_each(|(label, value)| {
            let _ = writeln!(out, "- **{}** : {}", esc(label), esc(value));
        }),
        Block::List(items) | Block::Alerts(items) => items.iter().for_each(|item| {
            let _ = writeln!(out, "- {}", esc(item));
        }),
        Block::Table(table) => out.push_str(&self::table(table, lang)),
        Block::Bars(_, bars) => bars.iter().for_each(|(label, share)| {
            let bar = progress_bar(*share, 20);
            let _ = writeln!(out, "- `{bar}` {} — {}", lang.percent(*share), esc(label));
        }),
        Block::Contents(_) | Block::PageBreak => {}
    }
}

/// One Markdown table, header and rows, each cell escaped.
pub fn table(table: &Table, lang: Lang) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(table.header.iter().map(|h| escape::markdown(h)).collect());
    let _ = writeln!(out, "|{}", "---|".repeat(table.header.len()));
    for row in &table.rows {
        out.push_str(&line(
            row.iter().map(|cell| cell_text(cell, lang)).collect(),
        ));
    }
    out
}

/// A cell as document text (Markdown and HTML alike), not yet escaped.
pub fn plain_cell(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(text) | Cell::Brief { full: text, .. } => text.clone(),
        Cell::Int(number) => number.to_string(),
        Cell::Number(number) => lang.number(*number),
        Cell::Share(share) => lang.percent(*share),
        Cell::Euros(amount) => lang.euros(*amount),
        Cell::Date(date) => date.map_or("—".to_string(), |d| lang.short_date(d)),
    }
}

fn cell_text(cell: &Cell, lang: Lang) -> String {
    escape::markdown(&plain_cell(cell, lang))
}
