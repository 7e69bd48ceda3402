//! Documents and tables as Markdown, readable as-is and in a git forge.
//! Plan text is escaped (`escape::markdown`): it never becomes a link, an
//! image, HTML or emphasis.

use std::borrow::Cow;
use std::fmt::Write;

use crate::i18n::Lang;
use crate::parallel;
use crate::render::document::{Block, Document, Piece};
use crate::render::escape;
use crate::render::progress_bar;
use crate::render::table::{Cell, Table};

/// Rows written together by one thread, and how many a table needs before
/// its rows are worth writing on every core (the overview of a bilan of
/// 10,000 actions has a row for each).
const ROWS_PER_RUN: usize = 256;
const PARALLEL_ROWS: usize = 4096;

pub fn document(doc: &Document, lang: Lang) -> String {
    let mut out = String::new();
    write_blocks(&mut out, &doc.blocks, lang);
    end(&mut out);
    out
}

/// A document in pieces, in pieces: the blocks written here, the parts,
/// already written by `write_blocks`, taken as they are. The same text as
/// `document` of the document whole. The blocks stay with the caller, who
/// decides when they go.
pub fn document_in_pieces(pieces: &mut [Piece<String>], lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = (pieces.iter_mut())
        .map(|piece| match piece {
            Piece::Blocks(document) => {
                let mut text = String::new();
                write_blocks(&mut text, &document.blocks, lang);
                text
            }
            Piece::Part(text) => std::mem::take(text),
        })
        .collect();
    if let Some(last) = out.iter_mut().rev().find(|text| !text.is_empty()) {
        end(last);
    }
    out
}

/// Blocks as Markdown, each followed by a blank line.
pub fn write_blocks(out: &mut String, blocks: &[Block], lang: Lang) {
    for block in blocks {
        // A forge shows its own outline of the headings; pages are for paper.
        if matches!(block, Block::PageBreak | Block::Contents(_)) {
            continue;
        }
        write_block(out, block, lang);
        out.push('\n');
    }
}

/// The end of a document: one line break after its last block.
fn end(out: &mut String) {
    while out.ends_with("\n\n") {
        out.pop();
    }
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    let esc = escape::push_markdown;
    match block {
        Block::Title(text) => {
            out.push_str("# ");
            esc(out, text);
            out.push('\n');
        }
        Block::Heading(level, text) => {
            // Markdown has six levels; the document never goes deeper.
            let level = usize::from(*level).clamp(1, 6);
            out.push_str(&"######"[..level]);
            out.push(' ');
            esc(out, text);
            out.push('\n');
        }
        Block::Lines(lines) => lines.iter().for_each(|l| {
            esc(out, l);
            out.push_str("  \n");
        }),
        Block::Paragraph(text) => {
            esc(out, text);
            out.push('\n');
        }
        Block::Fields(fields) => fields.iter().for_each(|(label, value)| {
            out.push_str("- **");
            esc(out, label);
            out.push_str("** : ");
            esc(out, value);
            out.push('\n');
        }),
        Block::List(items) | Block::Alerts(items) => items.iter().for_each(|item| {
            out.push_str("- ");
            esc(out, item);
            out.push('\n');
        }),
        Block::Table(table) => write_table(out, table, lang),
        Block::Bars(_, bars) => bars.iter().for_each(|(label, share)| {
            let bar = progress_bar(*share, 20);
            let _ = write!(out, "- `{bar}` {} — ", lang.percent(*share));
            esc(out, label);
            out.push('\n');
        }),
        Block::Contents(_) | Block::PageBreak => {}
    }
}

/// One Markdown table, header and rows, each cell escaped.
pub fn table(table: &Table, lang: Lang) -> String {
    let mut out = String::new();
    write_table(&mut out, table, lang);
    out
}

fn write_table(out: &mut String, table: &Table, lang: Lang) {
    write_row(out, table.header.iter());
    out.push('|');
    table.header.iter().for_each(|_| out.push_str("---|"));
    out.push('\n');
    let write_rows = |out: &mut String, rows: &[Vec<Cell>]| {
        for cells in rows {
            write_row(out, cells.iter().map(|cell| plain_cell(cell, lang)));
        }
    };
    if table.rows.len() <= PARALLEL_ROWS {
        return write_rows(out, &table.rows);
    }
    let runs: Vec<&[Vec<Cell>]> = table.rows.chunks(ROWS_PER_RUN).collect();
    let written = parallel::map_each(&runs, true, |_, run| {
        let mut text = String::new();
        write_rows(&mut text, run);
        text
    });
    written.iter().for_each(|text| out.push_str(text));
}

fn write_row(out: &mut String, cells: impl Iterator<Item = impl AsRef<str>>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        escape::push_markdown(out, cell.as_ref());
        out.push_str(" |");
    }
    out.push('\n');
}

/// A cell as document text (Markdown and HTML alike), not yet escaped.
pub fn plain_cell(cell: &Cell, lang: Lang) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) | Cell::Brief { full: text, .. } => text.as_str().into(),
        Cell::Int(number) => itoa::Buffer::new().format(*number).to_string().into(),
        Cell::Number(number) => lang.number(*number).into(),
        Cell::Share(share) => lang.percent(*share).into(),
        Cell::Euros(amount) => lang.euros(*amount).into(),
        Cell::Date(date) => date.map_or("—".into(), |d| lang.short_date(d).into()),
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::render::table::{Cell, Table};

    /// A table long enough to be written on every core reads as it does
    /// written row after row.
    #[test]
    fn a_long_table_is_written_in_order() {
        let mut table = Table::new(vec!["n".into(), "texte".into()]);
        let rows = super::PARALLEL_ROWS + super::ROWS_PER_RUN + 7;
        for n in 0..rows {
            table.row(vec![Cell::Int(n as i64), format!("ligne *{n}*").into()]);
        }
        let mut expected = String::from("| n | texte |\n|---|---|\n");
        for n in 0..rows {
            expected.push_str(&format!("| {n} | ligne \\*{n}\\* |\n"));
        }
        assert_eq!(super::table(&table, Lang::Fr), expected);
    }
}
