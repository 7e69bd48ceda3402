//! Documents as OpenDocument text (.odt), LibreOffice's own format: the
//! same blocks as the Word file (headings in the outline, lists, tables
//! whose header rows repeat on each page, the chart as coloured bars), as
//! the XML parts the format needs, zipped with fixed dates so that the
//! same plan and `--today` give the same bytes. Plan text is escaped
//! (`escape::xml`).

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::error::Error;
use crate::i18n::Lang;
use crate::render::document::{Block, Document};
use crate::render::escape::xml as esc;
use crate::render::markdown::plain_cell;
use crate::render::table::Table;
use crate::render::{docx, progress_bar};

mod parts;

/// The OpenDocument text of `doc`, made on `created`.
pub fn document(doc: &Document, created: NaiveDate, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut body = String::new();
    // The widths of the tables' columns, styles of their own.
    let mut columns = String::new();
    let sections = doc.sections();
    let mut tables = 0;
    for block in &doc.blocks {
        match block {
            Block::Contents(title) => {
                paragraph(&mut body, "ContentsTitle", title);
                for (index, section) in sections.iter().enumerate() {
                    paragraph(&mut body, "Contents", &format!("{}. {section}", index + 1));
                }
            }
            Block::Table(table) => {
                tables += 1;
                write_table(&mut body, &mut columns, table, tables, lang);
            }
            _ => write_block(&mut body, block, lang),
        }
    }
    let (language, country) = match lang {
        Lang::Fr => ("fr", "FR"),
        Lang::En => ("en", "GB"),
    };
    let files = [
        ("mimetype", parts::MIMETYPE.to_string()),
        ("META-INF/manifest.xml", parts::MANIFEST.to_string()),
        ("meta.xml", parts::meta(&esc(doc.title()), created)),
        ("styles.xml", parts::styles(language, country)),
        ("content.xml", parts::content(&columns, &body)),
    ];
    docx::zip(&files).map_err(Error::internal)
}

fn paragraph(out: &mut String, style: &str, text: &str) {
    let _ = write!(
        out,
        "<text:p text:style-name=\"{style}\">{}</text:p>",
        esc(text)
    );
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Title(text) => paragraph(out, "Title", text),
        Block::Heading(level, text) => {
            let level = level.saturating_sub(1).clamp(1, 3);
            let _ = write!(
                out,
                "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">{}</text:h>",
                esc(text)
            );
        }
        Block::Lines(lines) => {
            let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
            let _ = write!(
                out,
                "<text:p text:style-name=\"Text_20_body\">{}</text:p>",
                lines.join("<text:line-break/>")
            );
        }
        Block::Paragraph(text) => paragraph(out, "Text_20_body", text),
        Block::Fields(fields) => {
            for (label, value) in fields {
                let _ = write!(
                    out,
                    "<text:p text:style-name=\"Text_20_body\"><text:span text:style-name=\"Strong\">{} : </text:span>{}</text:p>",
                    esc(label),
                    esc(value)
                );
            }
        }
        Block::List(items) => items
            .iter()
            .for_each(|item| paragraph(out, "Bullet", &format!("•\u{a0}{item}"))),
        Block::Alerts(items) => items.iter().for_each(|item| {
            let _ = write!(
                out,
                "<text:p text:style-name=\"Bullet\"><text:span text:style-name=\"Alert\">!\u{a0}</text:span>{}</text:p>",
                esc(item)
            );
        }),
        Block::Bars(title, bars) => {
            for (label, share) in bars {
                let bar = progress_bar(*share, 20);
                let filled: String = bar.chars().filter(|c| *c == '█').collect();
                let empty: String = bar.chars().filter(|c| *c != '█').collect();
                let mut shown: String = label.chars().take(38).collect();
                if shown.chars().count() < label.chars().count() {
                    shown.push('…');
                }
                let _ = write!(
                    out,
                    "<text:p text:style-name=\"Bar\">{}<text:tab/><text:span text:style-name=\"Filled\">{filled}</text:span><text:span text:style-name=\"Empty\">{empty}</text:span> <text:span text:style-name=\"Strong\">{}</text:span></text:p>",
                    esc(&shown),
                    esc(&lang.percent(*share))
                );
            }
            paragraph(out, "Caption", title);
        }
        Block::PageBreak => out.push_str("<text:p text:style-name=\"Break\"/>"),
        // Written by `document`, which knows the sections and counts tables.
        Block::Contents(_) | Block::Table(_) => {}
    }
}

/// A table, its header row repeated on each page, its columns as wide as
/// in the Word file.
fn write_table(out: &mut String, styles: &mut String, table: &Table, number: usize, lang: Lang) {
    let columns = table.header.len().max(1);
    let _ = write!(
        out,
        "<table:table table:name=\"Tableau{number}\" table:style-name=\"Grid\">"
    );
    for (index, width) in docx::widths(table, lang).iter().enumerate() {
        // Twentieths of a point to centimetres.
        let centimetres = *width as f64 / 567.0;
        let _ = write!(
            styles,
            "<style:style style:name=\"T{number}C{index}\" style:family=\"table-column\">\
             <style:table-column-properties style:column-width=\"{centimetres:.2}cm\"/></style:style>"
        );
        let _ = write!(
            out,
            "<table:table-column table:style-name=\"T{number}C{index}\"/>"
        );
    }
    out.push_str("<table:table-header-rows><table:table-row>");
    for header in &table.header {
        cell(out, "Head", "TableHeading", header);
    }
    out.push_str("</table:table-row></table:table-header-rows>");
    for row in &table.rows {
        out.push_str("<table:table-row>");
        for (index, value) in row.iter().enumerate().take(columns) {
            let style = match index == 0 && table.row_headers {
                true => "TableHeading",
                false => "TableContents",
            };
            cell(out, "Cell", style, &plain_cell(value, lang));
        }
        out.push_str("</table:table-row>");
    }
    out.push_str("</table:table>");
}

fn cell(out: &mut String, style: &str, text_style: &str, text: &str) {
    let _ = write!(
        out,
        "<table:table-cell table:style-name=\"{style}\" office:value-type=\"string\">\
         <text:p text:style-name=\"{text_style}\">{}</text:p></table:table-cell>",
        esc(text)
    );
}
