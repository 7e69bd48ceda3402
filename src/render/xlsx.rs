//! Workbooks: sheets of the same blocks as a document, written as a
//! spreadsheet reads them. Tables keep their types (numbers as numbers,
//! shares as percentages, dates as dates), header rows are bold, a sheet
//! that opens with a table keeps its header in view, and columns are sized
//! to what they hold. Plan text is written as text, never as a formula. The
//! workbook's creation date is given by the caller, so the same plan and
//! `--today` give the same bytes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::i18n::Lang;
use crate::render::document::Block;
use crate::render::table::{Cell, Table};

/// One sheet: its name on the tab, and its blocks from the top.
pub struct Sheet {
    pub name: String,
    pub blocks: Vec<Block>,
}

/// Widest a column grows, in characters; longer text wraps.
const MAX_WIDTH: usize = 60;
const MIN_WIDTH: usize = 6;
/// Widest a header makes its column: a longer header wraps over two lines.
const MAX_HEADER_WIDTH: usize = 16;

/// The workbook of `sheets`, titled `title`, made on `created`.
pub fn workbook(
    title: &str,
    created: NaiveDate,
    sheets: &[Sheet],
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    build(title, created, sheets, lang).map_err(Error::internal)
}

fn build(
    title: &str,
    created: NaiveDate,
    sheets: &[Sheet],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&created.and_hms_opt(0, 0, 0).unwrap_or_default()),
    );
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        SheetWriter::new(worksheet, &formats).blocks(&sheet.blocks)?;
    }
    workbook.save_to_buffer()
}

struct Formats {
    bold: Format,
    header: Format,
    date: Format,
    percent: Format,
    euros: Format,
    cents: Format,
    wrap: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_background_color("EAF1F8")
                .set_align(FormatAlign::Top)
                .set_text_wrap(),
            date: Format::new().set_num_format(match lang {
                Lang::Fr => "dd/mm/yyyy",
                Lang::En => "yyyy-mm-dd",
            }),
            percent: Format::new().set_num_format("0%"),
            euros: Format::new().set_num_format("#,##0\\ \"€\""),
            cents: Format::new().set_num_format("#,##0.00\\ \"€\""),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// Writes blocks down a sheet, one row after another, and remembers how
/// wide each column's content is.
struct SheetWriter<'a> {
    sheet: &'a mut Worksheet,
    formats: &'a Formats,
    row: u32,
    widths: BTreeMap<u16, usize>,
}

impl<'a> SheetWriter<'a> {
    fn new(sheet: &'a mut Worksheet, formats: &'a Formats) -> SheetWriter<'a> {
        SheetWriter {
            sheet,
            formats,
            row: 0,
            widths: BTreeMap::new(),
        }
    }

    fn blocks(mut self, blocks: &[Block]) -> Result<(), XlsxError> {
        if let Some(Block::Table(table)) = blocks.first()
            && !table.header.is_empty()
        {
            self.sheet.set_freeze_panes(1, 0)?;
        }
        for block in blocks {
            // A blank row sets tables and headings apart from what precedes them.
            if self.row > 0 && matches!(block, Block::Table(_) | Block::Heading(..)) {
                self.row += 1;
            }
            self.block(block)?;
        }
        for (column, width) in &self.widths {
            let width = (*width + 2).clamp(MIN_WIDTH, MAX_WIDTH);
            self.sheet.set_column_width(*column, width as f64)?;
        }
        Ok(())
    }

    fn block(&mut self, block: &Block) -> Result<(), XlsxError> {
        let bold = &self.formats.bold;
        match block {
            Block::Title(text) | Block::Heading(_, text) => {
                self.sheet
                    .write_string_with_format(self.row, 0, text, bold)?;
                self.row += 1;
            }
            Block::Paragraph(text) => self.lines(std::slice::from_ref(text))?,
            Block::Lines(lines) | Block::List(lines) | Block::Alerts(lines) => self.lines(lines)?,
            Block::Fields(fields) => {
                for (label, value) in fields {
                    self.text(0, label)?;
                    self.text(1, value)?;
                    self.row += 1;
                }
            }
            Block::Table(table) => self.table(table)?,
            Block::Bars(caption, bars) => {
                self.sheet
                    .write_string_with_format(self.row, 0, caption, bold)?;
                self.row += 1;
                for (label, share) in bars {
                    self.text(0, label)?;
                    self.cell(1, &Cell::Share(*share))?;
                    self.row += 1;
                }
            }
            // A workbook has its sheets for contents, and no pages.
            Block::Contents(_) | Block::PageBreak => {}
        }
        Ok(())
    }

    /// Lines of prose, each in the first cell of its row, spilling over the
    /// next cells rather than widening the column.
    fn lines(&mut self, lines: &[String]) -> Result<(), XlsxError> {
        for line in lines {
            self.sheet.write_string(self.row, 0, line)?;
            self.row += 1;
        }
        Ok(())
    }

    fn table(&mut self, table: &Table) -> Result<(), XlsxError> {
        if !table.header.is_empty() {
            for (column, name) in (0u16..).zip(&table.header) {
                let header = &self.formats.header;
                self.sheet
                    .write_string_with_format(self.row, column, name, header)?;
                self.fit(column, name.chars().count().min(MAX_HEADER_WIDTH));
            }
            self.row += 1;
        }
        for cells in &table.rows {
            for (column, cell) in (0u16..).zip(cells) {
                self.cell(column, cell)?;
            }
            self.row += 1;
        }
        Ok(())
    }

    fn cell(&mut self, column: u16, cell: &Cell) -> Result<(), XlsxError> {
        let (row, formats) = (self.row, self.formats);
        match cell {
            Cell::Text(text) | Cell::Brief { full: text, .. } => self.text(column, text)?,
            Cell::Int(number) => {
                self.sheet.write_number(row, column, *number as f64)?;
                self.fit(column, number.to_string().len());
            }
            Cell::Number(number) => {
                self.sheet.write_number(row, column, *number)?;
                self.fit(column, number.to_string().len());
            }
            Cell::Share(share) => {
                self.sheet
                    .write_number_with_format(row, column, *share, &formats.percent)?;
                self.fit(column, 5);
            }
            Cell::Euros(amount) => {
                let format = match amount.fract() {
                    0.0 => &formats.euros,
                    _ => &formats.cents,
                };
                self.sheet
                    .write_number_with_format(row, column, *amount, format)?;
                self.fit(column, format!("{amount:.0}").len() + 4);
            }
            Cell::Date(None) => {}
            Cell::Date(Some(date)) => {
                self.sheet
                    .write_date_with_format(row, column, date, &formats.date)?;
                self.fit(column, 10);
            }
        }
        Ok(())
    }

    /// Text in a cell: wrapped when it is longer than a column may grow.
    fn text(&mut self, column: u16, text: &str) -> Result<(), XlsxError> {
        let length = text.chars().count();
        if length > MAX_WIDTH {
            let wrap = &self.formats.wrap;
            self.sheet
                .write_string_with_format(self.row, column, text, wrap)?;
        } else {
            self.sheet.write_string(self.row, column, text)?;
        }
        self.fit(column, length);
        Ok(())
    }

    fn fit(&mut self, column: u16, width: usize) {
        let widest = self.widths.entry(column).or_default();
        *widest = (*widest).max(width);
    }
}
