//! Documents as Word files (.docx, Office Open XML), for the bilan that
//! French administrations finish and send: real headings (the outline of
//! Word and LibreOffice), bulleted lists, tables with a header row repeated
//! on each page, A4 pages. The package is the handful of XML parts Word
//! needs, written by hand and zipped with fixed dates, so that the same
//! plan and `--today` give the same bytes. Plan text is escaped
//! (`escape::xml`). Bars are drawn as a table of coloured block characters:
//! a chart that every word processor shows and edits, without an image.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use chrono::NaiveDate;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::error::Error;
use crate::i18n::Lang;
use crate::render::document::{Block, Document};
use crate::render::escape::xml as esc;
use crate::render::markdown::plain_cell;
use crate::render::progress_bar;
use crate::render::table::Table;

mod parts;

/// Width of the text between the margins of an A4 page, in twentieths of a point.
pub(super) const TEXT_WIDTH: usize = 9638;

/// The Word document of `doc`, made on `created`.
pub fn document(doc: &Document, created: NaiveDate, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut body = String::new();
    let sections = doc.sections();
    for block in &doc.blocks {
        match block {
            Block::Contents(title) => contents(&mut body, title, &sections),
            _ => write_block(&mut body, block, lang),
        }
    }
    let code = match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    };
    let files = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.to_string()),
        ("_rels/.rels", parts::RELS.to_string()),
        ("docProps/core.xml", parts::core(&esc(doc.title()), created)),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.to_string(),
        ),
        ("word/styles.xml", parts::styles(code)),
        ("word/document.xml", parts::document(&body)),
    ];
    zip(&files).map_err(Error::internal)
}

/// The document's parts zipped, with fixed dates so that the same plan
/// gives the same bytes; an OpenDocument `mimetype` part is stored
/// uncompressed, as that format requires.
pub(super) fn zip(files: &[(&str, String)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in files {
        let method = match *name {
            "mimetype" => CompressionMethod::Stored,
            _ => CompressionMethod::Deflated,
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::default());
        writer.start_file(*name, options)?;
        writer.write_all(text.as_bytes())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// One paragraph of `style` holding `text` as one run.
fn paragraph(out: &mut String, style: &str, text: &str) {
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>",
        run(text, "")
    );
}

/// A run of text with its properties (`<w:b/>`…), spaces kept.
fn run(text: &str, properties: &str) -> String {
    let properties = if properties.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{properties}</w:rPr>")
    };
    format!(
        "<w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Title(text) => paragraph(out, "Title", text),
        Block::Heading(level, text) => {
            let style = format!("Heading{}", level.saturating_sub(1).clamp(1, 3));
            paragraph(out, &style, text);
        }
        Block::Lines(lines) => {
            out.push_str("<w:p>");
            for (index, line) in lines.iter().enumerate() {
                if index > 0 {
                    out.push_str("<w:r><w:br/></w:r>");
                }
                out.push_str(&run(line, ""));
            }
            out.push_str("</w:p>");
        }
        Block::Paragraph(text) => paragraph(out, "Normal", text),
        Block::Fields(fields) => {
            for (label, value) in fields {
                let _ = write!(
                    out,
                    "<w:p>{}{}</w:p>",
                    run(&format!("{label} : "), "<w:b/>"),
                    run(value, "")
                );
            }
        }
        Block::List(items) => items.iter().for_each(|item| {
            paragraph(out, "ListBullet", &format!("•\u{a0}{item}"));
        }),
        Block::Alerts(items) => items.iter().for_each(|item| {
            let _ = write!(
                out,
                "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr>{}{}</w:p>",
                run("!\u{a0}", "<w:b/><w:color w:val=\"C0392B\"/>"),
                run(item, "")
            );
        }),
        Block::Table(table) => write_table(out, table, lang),
        Block::Bars(title, bars) => bar_chart(out, title, bars, lang),
        Block::Contents(_) => {}
        Block::PageBreak => out.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
    }
}

/// The table of contents: the sections, numbered, in a bordered box.
fn contents(out: &mut String, title: &str, sections: &[&str]) {
    paragraph(out, "ContentsTitle", title);
    for (index, section) in sections.iter().enumerate() {
        paragraph(out, "Contents", &format!("{}. {section}", index + 1));
    }
}

/// About the width of a character of table text, and a cell's margins.
const CHAR: usize = 100;
const MARGINS: usize = 220;

/// Column widths: each column at least as wide as its longest word (an
/// amount or a date never breaks), the room left shared in proportion to
/// how much longer its text runs.
pub(super) fn widths(table: &Table, lang: Lang) -> Vec<usize> {
    let columns = table.header.len().max(1);
    let word = |text: &str| {
        text.split(' ')
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
    };
    // Headers are bold: a little wider per character.
    let mut least: Vec<usize> = table.header.iter().map(|h| word(h) + 1).collect();
    let mut most: Vec<usize> = table
        .header
        .iter()
        .map(|h| h.chars().count().min(14))
        .collect();
    for row in &table.rows {
        for (index, cell) in row.iter().enumerate().take(columns) {
            let text = plain_cell(cell, lang);
            // A bold cell (a row's label) takes about a quarter more room.
            let longest = word(&text).min(24);
            let bold = index == 0 && table.row_headers;
            let longest = if bold { longest * 5 / 4 + 1 } else { longest };
            least[index] = least[index].max(longest);
            most[index] = most[index].max(text.chars().count().min(50));
        }
    }
    let least: Vec<usize> = least.iter().map(|l| l * CHAR + MARGINS).collect();
    let most: Vec<usize> = most.iter().map(|m| m * CHAR + MARGINS).collect();
    let floor: usize = least.iter().sum();
    if floor >= TEXT_WIDTH {
        return least.iter().map(|l| l * TEXT_WIDTH / floor).collect();
    }
    let room = TEXT_WIDTH - floor;
    let wants: Vec<usize> = most
        .iter()
        .zip(&least)
        .map(|(m, l)| m.saturating_sub(*l))
        .collect();
    let wanted: usize = wants.iter().sum();
    least
        .iter()
        .zip(&wants)
        .map(|(l, w)| match wanted {
            0 => l + room / least.len(),
            _ => l + room * w / wanted,
        })
        .collect()
}

fn write_table(out: &mut String, table: &Table, lang: Lang) {
    let widths = widths(table, lang);
    out.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>\
         <w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
    );
    for width in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (header, width) in table.header.iter().zip(&widths) {
        cell(out, header, *width, "EAF1F8", true);
    }
    out.push_str("</w:tr>");
    for row in &table.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (index, (value, width)) in row.iter().zip(&widths).enumerate() {
            let bold = index == 0 && table.row_headers;
            cell(out, &plain_cell(value, lang), *width, "", bold);
        }
        out.push_str("</w:tr>");
    }
    // Word needs a paragraph between two tables, and after the last.
    out.push_str("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"After\"/></w:pPr></w:p>");
}

fn cell(out: &mut String, text: &str, width: usize, fill: &str, bold: bool) {
    let shading = if fill.is_empty() {
        String::new()
    } else {
        format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>")
    };
    let _ = write!(
        out,
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shading}</w:tcPr>\
         <w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc>",
        run(text, if bold { "<w:b/>" } else { "" })
    );
}

/// Each share as a bar of blue blocks on a pale ground, with its label and
/// percentage, then the caption.
fn bar_chart(out: &mut String, title: &str, bars: &[(String, f64)], lang: Lang) {
    out.push_str(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>\
         <w:tblGrid><w:gridCol w:w=\"3800\"/><w:gridCol w:w=\"4200\"/><w:gridCol w:w=\"900\"/></w:tblGrid>",
    );
    for (label, share) in bars {
        let bar = progress_bar(*share, 20);
        let filled: String = bar.chars().filter(|c| *c == '█').collect();
        let empty: String = bar.chars().filter(|c| *c != '█').collect();
        let _ = write!(
            out,
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>\
             <w:tc><w:tcPr><w:tcW w:w=\"3800\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc>\
             <w:tc><w:tcPr><w:tcW w:w=\"4200\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}{}</w:p></w:tc>\
             <w:tc><w:tcPr><w:tcW w:w=\"900\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc></w:tr>",
            run(label, ""),
            run(&filled, "<w:color w:val=\"1F5F99\"/>"),
            run(&empty, "<w:color w:val=\"C9D6E3\"/>"),
            run(&lang.percent(*share), "<w:b/>"),
        );
    }
    out.push_str("</w:tbl>");
    paragraph(out, "Caption", title);
}
