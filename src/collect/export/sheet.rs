//! How an exported sheet looks: styles, a frozen header repeated on each
//! printed page, rows tall enough for their text, and answer cells that
//! are yellow, unlocked and checked as they are typed.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Worksheet,
    XlsxError,
};

use super::super::layout::{Answer, SheetKind, status_labels};
use super::super::words::CollectMsg;
use crate::i18n::Lang;

/// The height of one line of text, in points.
const LINE_HEIGHT: f64 = 15.0;

pub struct Formats {
    pub header: Format,
    pub text: Format,
    pub date: Format,
    pub answer: Format,
    pub answer_date: Format,
    pub title: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let answer = Format::new()
            .set_unlocked()
            .set_background_color(Color::RGB(0xFF_F2_CC))
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBF_BF_BF))
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        let top = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9_E1_F2))
                .set_border(FormatBorder::Thin),
            date: top.clone().set_num_format("dd/mm/yyyy"),
            text: top,
            answer_date: answer.clone().set_num_format("dd/mm/yyyy"),
            answer,
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

/// Writes a sheet's header and sizes its columns, freezing the header and
/// the number column.
pub fn header(
    sheet: &mut Worksheet,
    columns: &[(String, f64)],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (col, (name, width)) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, name, &formats.header)?;
        sheet.set_column_width(col, *width)?;
    }
    // Two lines: a long header wraps instead of spilling over.
    sheet.set_row_height(0, 2.0 * LINE_HEIGHT)?;
    sheet.set_freeze_panes(1, 1)?;
    // Printed: A4 landscape, one page wide, the header on every page.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The answer cells of `kind` on rows 1..=`last`: yellow, unlocked, and
/// checked as they are typed (a list of statuses, a date, a number).
pub fn answer_cells(
    sheet: &mut Worksheet,
    kind: SheetKind,
    last: u32,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.protect();
    if last == 0 {
        return Ok(());
    }
    for &(col, answer) in kind.answer_columns() {
        let format = match answer {
            Answer::Date => &formats.answer_date,
            _ => &formats.answer,
        };
        for row in 1..=last {
            sheet.write_blank(row, col, format)?;
        }
        let validation = match answer {
            Answer::Status => DataValidation::new()
                .allow_list_strings(&status_labels(lang))?
                .set_error_message(lang.text(CollectMsg::ListError))?,
            Answer::Date => DataValidation::new()
                .allow_date(DataValidationRule::GreaterThanOrEqualTo(
                    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
                ))
                .set_error_message(lang.text(CollectMsg::DateError))?,
            Answer::Number => DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(-1e12, 1e12))
                .set_error_message(lang.text(CollectMsg::NumberError))?,
            Answer::Text => continue,
        };
        sheet.add_data_validation(1, col, last, col, &validation)?;
    }
    Ok(())
}

/// A row of locked cells being written. Spreadsheet programs do not grow
/// a row to its wrapped text on opening: the row is given the height of
/// its longest text, from the columns' widths.
pub struct Row<'s> {
    sheet: &'s mut Worksheet,
    formats: &'s Formats,
    widths: &'s [f64],
    row: u32,
    lines: usize,
}

impl<'s> Row<'s> {
    /// Row `row`, at least `lines` high (room to type in its answer cells).
    pub fn new(
        sheet: &'s mut Worksheet,
        formats: &'s Formats,
        widths: &'s [f64],
        row: u32,
        lines: usize,
    ) -> Row<'s> {
        Row {
            sheet,
            formats,
            widths,
            row,
            lines,
        }
    }

    pub fn text(&mut self, col: u16, text: &str) -> Result<(), XlsxError> {
        let width = self.widths.get(usize::from(col)).copied().unwrap_or(10.0);
        let per_line = (width - 2.0).max(1.0) as usize;
        let lines: usize = text
            .lines()
            .map(|line| line.chars().count().div_ceil(per_line).max(1))
            .sum();
        self.lines = self.lines.max(lines);
        self.sheet
            .write_string_with_format(self.row, col, text, &self.formats.text)?;
        Ok(())
    }

    pub fn date(&mut self, col: u16, day: NaiveDate) -> Result<(), XlsxError> {
        self.sheet
            .write_date_with_format(self.row, col, day, &self.formats.date)?;
        Ok(())
    }

    pub fn number(&mut self, col: u16, value: f64) -> Result<(), XlsxError> {
        self.sheet
            .write_number_with_format(self.row, col, value, &self.formats.text)?;
        Ok(())
    }

    pub fn finish(self) -> Result<(), XlsxError> {
        self.sheet
            .set_row_height(self.row, LINE_HEIGHT * self.lines as f64)?;
        Ok(())
    }
}
