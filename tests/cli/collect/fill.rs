//! Fills cells of an exported workbook as a spreadsheet program saves
//! them: the sheet's XML rewritten inside the zip, the cell keeping its
//! style (so a date typed in a date cell is a date).

use std::io::{Cursor, Read, Write};
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

/// What a person types in a cell.
pub enum Typed<'a> {
    Text(&'a str),
    Number(f64),
    Date(NaiveDate),
    Formula(&'a str),
}

/// The sheets of an exported workbook, by their place in it.
#[derive(Clone, Copy)]
pub enum Sheet {
    Actions = 2,
    Modalities = 3,
    Indicators = 4,
}

/// The row (1-based, as a spreadsheet shows it) whose first cell is `id`.
pub fn row_of(path: &Path, sheet: Sheet, id: &str) -> u32 {
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(path).unwrap())).unwrap();
    let name = workbook.sheet_names()[sheet as usize - 1].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    for (row, cells) in range.rows().enumerate() {
        if matches!(cells.first(), Some(Data::String(s)) if s == id) {
            return row as u32 + 1;
        }
    }
    panic!("no row {id} in {name} of {}", path.display());
}

/// Writes `typed` into the cell of `column` and `row` (`'G'`, 7) of `sheet`.
pub fn fill(path: &Path, sheet: Sheet, column: char, row: u32, typed: Typed) {
    let cell = format!("{column}{row}");
    let name = format!("xl/worksheets/sheet{}.xml", sheet as usize);
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let entry_name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if entry_name == name {
            let xml = String::from_utf8(content).unwrap();
            content = with_cell(&xml, &cell, &typed).into_bytes();
        }
        out.start_file(entry_name, options).unwrap();
        out.write_all(&content).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The sheet's XML with `cell` holding `typed`; the cell must exist (an
/// exported answer cell, or a written one).
fn with_cell(xml: &str, cell: &str, typed: &Typed) -> String {
    let open = format!("<c r=\"{cell}\"");
    let start = xml
        .find(&format!("{open} "))
        .or_else(|| xml.find(&format!("{open}>")))
        .or_else(|| xml.find(&format!("{open}/>")))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let tag_end = start + xml[start..].find('>').unwrap();
    let end = if xml[..tag_end].ends_with('/') {
        tag_end + 1
    } else {
        tag_end + xml[tag_end..].find("</c>").unwrap() + 4
    };
    let tag = &xml[start..tag_end];
    let style = tag
        .split(" s=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|s| format!(" s=\"{s}\""))
        .unwrap_or_default();
    let new = match typed {
        Typed::Text(text) => format!(
            "<c r=\"{cell}\"{style} t=\"inlineStr\"><is><t>{}</t></is></c>",
            escape(text)
        ),
        Typed::Number(value) => format!("<c r=\"{cell}\"{style}><v>{value}</v></c>"),
        Typed::Date(day) => {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let serial = (*day - epoch).num_days();
            format!("<c r=\"{cell}\"{style}><v>{serial}</v></c>")
        }
        Typed::Formula(formula) => format!(
            "<c r=\"{cell}\"{style}><f>{}</f><v>0</v></c>",
            escape(formula)
        ),
    };
    format!("{}{new}{}", &xml[..start], &xml[end..])
}
