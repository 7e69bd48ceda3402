//! Documents and tables for the terminal: bold titles, a yellow mark on
//! alerts, progress as bars, everything fitted to a width (`width`): text
//! wrapped between words, tables laid out to fit (`fit`). Plan text is
//! stripped of control characters (`escape::terminal`).

mod fit;
mod grid;
mod text;
pub mod width;

use anstyle::{AnsiColor, Style};

use crate::i18n::Lang;
use crate::parallel;
use crate::render::document::{Block, Document};
use crate::render::escape;
use crate::render::progress_bar;
use crate::render::table::Table;

use text::{columns, wrap};

const BOLD: Style = Style::new().bold();
const WARN: Style = AnsiColor::Yellow.on_default();

/// The document in lines of at most `width` columns.
pub fn document(doc: &Document, lang: Lang, width: usize) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in &doc.blocks {
        let joined = matches!(previous, Some(Block::Heading(..)))
            || matches!((previous, block), (Some(Block::Title(_)), Block::Lines(_)));
        if previous.is_some() && !joined {
            out.push('\n');
        }
        write_block(&mut out, block, lang, width);
        previous = Some(block);
    }
    out
}

/// Items of a list written together by one thread, and how many a list
/// needs before its items are worth wrapping on every core (the alerts of
/// a plan of 10,000 actions number some 9,000).
const ITEMS_PER_RUN: usize = 256;
const PARALLEL_ITEMS: usize = 2048;

/// Each item of a list written by `write`, in order: on every core for a
/// long list.
fn each_item(out: &mut String, items: &[String], write: impl Fn(&mut String, &str) + Sync) {
    if items.len() <= PARALLEL_ITEMS {
        return items.iter().for_each(|item| write(out, item));
    }
    let runs: Vec<&[String]> = items.chunks(ITEMS_PER_RUN).collect();
    let written = parallel::map_each(&runs, true, |_, run| {
        let mut text = String::new();
        run.iter().for_each(|item| write(&mut text, item));
        text
    });
    written.iter().for_each(|text| out.push_str(text));
}

fn write_block(out: &mut String, block: &Block, lang: Lang, width: usize) {
    let esc = escape::terminal;
    match block {
        Block::Title(text) | Block::Heading(_, text) => {
            for line in wrap(&esc(text), width) {
                out.push_str(&format!("{BOLD}{line}{BOLD:#}\n"));
            }
        }
        Block::Lines(lines) => lines
            .iter()
            .for_each(|line| hang(out, "", "", &esc(line), width)),
        Block::Paragraph(text) => hang(out, "", "", &esc(text), width),
        Block::Fields(fields) => {
            let label_width = fields.iter().map(|(l, _)| columns(&esc(l))).max();
            let label_width = label_width.unwrap_or(0);
            let indent = " ".repeat(label_width + 3);
            for (label, value) in fields {
                let label = esc(label);
                let pad = " ".repeat(label_width - columns(&label));
                hang(
                    out,
                    &format!("{label}{pad} : "),
                    &indent,
                    &esc(value),
                    width,
                );
            }
        }
        Block::List(items) => each_item(out, items, |out, item| {
            hang(out, "  ", "    ", &esc(item), width)
        }),
        Block::Alerts(items) => each_item(out, items, |out, item| {
            let mark = format!("{WARN}!{WARN:#} ");
            let text = wrap(&esc(item), width.saturating_sub(2));
            write_lines(out, &mark, "  ", &text);
        }),
        Block::Table(table) => out.push_str(&(self::table(table, lang, width) + "\n")),
        Block::Bars(_, bars) => {
            for (label, share) in bars {
                let bar = format!("{} {} ", progress_bar(*share, 20), lang.percent(*share));
                let indent = " ".repeat(columns(&bar));
                hang(out, &bar, &indent, &esc(label), width);
            }
        }
        // Paper only.
        Block::Contents(_) | Block::PageBreak => {}
    }
}

/// `text` wrapped to `width`, its first line after `first`, the others
/// after `rest` (a hanging indent); `first` and `rest` take as many columns.
fn hang(out: &mut String, first: &str, rest: &str, text: &str, width: usize) {
    let room = width.saturating_sub(columns(rest)).max(10);
    write_lines(out, first, rest, &wrap(text, room));
}

fn write_lines(out: &mut String, first: &str, rest: &str, lines: &[String]) {
    for (index, line) in lines.iter().enumerate() {
        out.push_str(if index == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
}

/// The table in at most `width` columns, and the legend of its group of
/// counts when they are drawn as one column; no final newline.
pub fn table(table: &Table, lang: Lang, width: usize) -> String {
    let (columns, legend) = fit::fit(table, lang, width);
    let header: Vec<String> = columns.iter().map(|c| c.header.join("\n")).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<&str>> = (0..table.rows.len())
        .map(|row| columns.iter().map(|c| c.cells[row].as_str()).collect())
        .collect();
    let mut out = grid::draw(&header, &rows);
    if let Some(legend) = legend {
        for line in wrap(&legend, width) {
            out.push('\n');
            out.push_str(&line);
        }
    }
    out
}
