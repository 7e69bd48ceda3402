//! Documents as one printable HTML page: embedded CSS, no external
//! resource, the language declared, table headers scoped for screen
//! readers. Plan text is escaped (`escape::html`).

use std::fmt::Write;

use crate::i18n::Lang;
use crate::render::document::{Block, Document, Piece};
use crate::render::escape::html as esc;
use crate::render::markdown::plain_cell;
use crate::render::table::Table;

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2433;max-width:60rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}
h1{font-size:1.7rem;border-bottom:3px solid #1f5f99;padding-bottom:.4rem}
h2{font-size:1.35rem;color:#1f5f99;margin-top:2.2rem;border-bottom:1px solid #c9d6e3}
h3{font-size:1.1rem;margin-top:1.6rem}
h4{font-size:.95rem;margin:1rem 0 .3rem;color:#3b4a5e}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #c9d6e3;padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th{background:#eaf1f8}
tbody th{font-weight:600}
ul{margin:.3rem 0 .8rem}
svg{max-width:100%;height:auto}
figure{margin:.6rem 0 1rem}
figcaption{font-size:.85rem;color:#3b4a5e}
.chart-label{font-size:13px;fill:#1d2433}
.chart-value{font-size:13px;fill:#1d2433;font-weight:600}
td.n{white-space:nowrap}
.toc{border:1px solid #c9d6e3;background:#f6f9fc;padding:.4rem 1rem;margin:1rem 0;font-size:.92rem}
.toc-title{font-weight:600;margin:.2rem 0}
.toc ol{margin:.2rem 0;padding-left:1.4rem;columns:2}
.toc a{color:#1f5f99;text-decoration:none}
ul.alerts{list-style:none;padding-left:0}
ul.alerts li{border-left:3px solid #c0392b;padding-left:.5rem;margin:.2rem 0}
@page{size:A4;margin:14mm 12mm 16mm;@bottom-right{content:counter(page) \" / \" counter(pages);font-family:system-ui,sans-serif;font-size:8pt;color:#3b4a5e}}
@media print{body{margin:0;max-width:none;font-size:9.5pt;line-height:1.3}h1{font-size:16pt;margin:0 0 .4rem}h2{font-size:13pt;margin-top:1rem;break-after:avoid}h3{font-size:11pt;margin:.8rem 0 .2rem;break-after:avoid}h4{font-size:10pt;margin:.4rem 0 .1rem;break-after:avoid}table{font-size:8.5pt;margin:.3rem 0 .6rem}th,td{padding:.15rem .35rem}thead{display:table-header-group}tr,li,figure{break-inside:avoid}ul{margin:.1rem 0 .4rem}p{margin:.3rem 0}.page-break{break-before:page}.toc a{color:inherit}svg{max-height:7cm}}
";

pub fn page(doc: &Document, lang: Lang) -> String {
    let sections = doc.sections();
    let mut out = opening(doc.title(), lang);
    let mut numbered = 0;
    for block in &doc.blocks {
        write_page_block(&mut out, block, &sections, &mut numbered, lang);
    }
    out.push_str(CLOSING);
    out
}

/// The page of a document in pieces, in pieces: the blocks written here,
/// their sections listed and numbered, and the parts, already written by
/// `write_blocks`, taken as they are. The same text as `page` of the
/// document whole. The blocks stay with the caller, who decides when they
/// go.
pub fn page_in_pieces(pieces: &mut [Piece<String>], lang: Lang) -> Vec<String> {
    let documents = || {
        pieces.iter().filter_map(|piece| match piece {
            Piece::Blocks(document) => Some(document),
            Piece::Part(_) => None,
        })
    };
    let title = documents().map(Document::title).find(|t| !t.is_empty());
    let title = title.unwrap_or("").to_string();
    let sections: Vec<String> = (documents().flat_map(Document::sections))
        .map(str::to_string)
        .collect();
    let sections: Vec<&str> = sections.iter().map(String::as_str).collect();
    let mut out = vec![opening(&title, lang)];
    let mut numbered = 0;
    for piece in pieces.iter_mut() {
        out.push(match piece {
            Piece::Blocks(document) => {
                let mut text = String::new();
                for block in &document.blocks {
                    write_page_block(&mut text, block, &sections, &mut numbered, lang);
                }
                text
            }
            Piece::Part(text) => std::mem::take(text),
        });
    }
    out.push(CLOSING.to_string());
    out
}

/// Blocks of a part of a page (see `document::Piece`): no title, no
/// level-2 heading, no table of contents.
pub fn write_blocks(out: &mut String, blocks: &[Block], lang: Lang) {
    blocks
        .iter()
        .for_each(|block| write_block(out, block, lang));
}

const CLOSING: &str = "</main>\n</body>\n</html>\n";

/// The page up to its first block: the language, the title, the style.
fn opening(title: &str, lang: Lang) -> String {
    let code = match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}@page{{@top-left{{content:\"{}\";font-family:system-ui,sans-serif;font-size:8pt;color:#3b4a5e}}}}\n</style>\n</head>\n<body>\n<main>\n",
        esc(title),
        css_string(title)
    );
    out
}

/// A block of the page: a level-2 heading numbered for the table of
/// contents (`numbered` counts them), which lists `sections`.
fn write_page_block(
    out: &mut String,
    block: &Block,
    sections: &[&str],
    numbered: &mut usize,
    lang: Lang,
) {
    match block {
        Block::Heading(2, text) => {
            *numbered += 1;
            let _ = writeln!(out, "<h2 id=\"s{numbered}\">{}</h2>", esc(text));
        }
        Block::Contents(title) => contents(out, title, sections),
        _ => write_block(out, block, lang),
    }
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Title(text) => {
            let _ = writeln!(out, "<h1>{}</h1>", esc(text));
        }
        Block::Heading(level, text) => {
            let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(text));
        }
        Block::Lines(lines) => {
            let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
            let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", esc(text));
        }
        Block::Fields(fields) => {
            out.push_str("<dl>\n");
            for (label, value) in fields {
                let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
            }
            out.push_str("</dl>\n");
        }
        Block::List(items) | Block::Alerts(items) => {
            out.push_str(match block {
                Block::Alerts(_) => "<ul class=\"alerts\">\n",
                _ => "<ul>\n",
            });
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", esc(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Table(table) => write_table(out, table, lang),
        Block::Bars(title, bars) => bar_chart(out, title, bars, lang),
        // Written by `page`, which knows the sections.
        Block::Contents(_) => {}
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
    }
}

/// Text inside a CSS string, as the running head of printed pages: every
/// character but letters, digits and spaces as a CSS escape, so that
/// nothing can close the string or the style element.
fn css_string(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            c if c.is_alphanumeric() || c == ' ' => c.to_string(),
            c => format!("\\{:x} ", u32::from(c)),
        })
        .collect()
}

/// The table of contents: a link to each level-2 heading.
fn contents(out: &mut String, title: &str, sections: &[&str]) {
    let _ = writeln!(
        out,
        "<nav class=\"toc\" aria-label=\"{}\">\n<p class=\"toc-title\">{}</p>\n<ol>",
        esc(title),
        esc(title)
    );
    for (index, section) in sections.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#s{}\">{}</a></li>",
            index + 1,
            esc(section)
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

fn write_table(out: &mut String, table: &Table, lang: Lang) {
    out.push_str("<table>\n<thead><tr>");
    for cell in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (index, cell) in row.iter().enumerate() {
            let text = esc(&plain_cell(cell, lang));
            if index == 0 && table.row_headers {
                let _ = write!(out, "<th scope=\"row\">{text}</th>");
            } else if text.chars().count() <= 12 {
                // A short value (a status, a date, an amount) never breaks.
                let _ = write!(out, "<td class=\"n\">{text}</td>");
            } else {
                let _ = write!(out, "<td>{text}</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn bar_chart(out: &mut String, title: &str, bars: &[(String, f64)], lang: Lang) {
    const ROW: usize = 30;
    const LABEL: usize = 260;
    const BAR: f64 = 300.0;
    let height = ROW * bars.len() + 10;
    let _ = writeln!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 640 {height}\" \
         width=\"640\" height=\"{height}\" aria-label=\"{}\">\n<title>{}</title>",
        esc(title),
        esc(title)
    );
    for (index, (label, share)) in bars.iter().enumerate() {
        let y = index * ROW + 5;
        let width = (share.clamp(0.0, 1.0) * BAR).round();
        let shown: String = label.chars().take(38).collect();
        let shown = if shown.chars().count() < label.chars().count() {
            format!("{shown}…")
        } else {
            shown
        };
        let _ = writeln!(
            out,
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{BAR}\" height=\"20\" fill=\"#e3ebf3\"/>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"#1f5f99\"/>\
             <text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>",
            y + 15,
            esc(&shown),
            LABEL as f64 + BAR + 8.0,
            y + 15,
            esc(&lang.percent(*share))
        );
    }
    let _ = writeln!(
        out,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>",
        esc(title)
    );
}
