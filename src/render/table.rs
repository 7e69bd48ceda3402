//! A table of typed cells, rendered to the terminal, Markdown, HTML, CSV
//! and xlsx. Cells keep their type (a number, a date, a share) so that each
//! format writes them its own way: a bar on a terminal, a percentage in a
//! document, a decimal in CSV, a number formatted as % in a workbook.

use chrono::NaiveDate;

/// One value of a row.
#[derive(Clone, Debug)]
pub enum Cell {
    Text(String),
    /// Text with a shorter form for the terminal, where width is short:
    /// the axis "1" rather than "1 Parentalité".
    Brief {
        full: String,
        brief: String,
    },
    Int(i64),
    /// A number with decimals (an amount, an indicator's value).
    Number(f64),
    /// A share between 0 and 1: a bar and a percentage on a terminal.
    Share(f64),
    Date(Option<NaiveDate>),
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<usize> for Cell {
    fn from(number: usize) -> Cell {
        Cell::Int(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Cell {
    fn from(number: u32) -> Cell {
        Cell::Int(number.into())
    }
}

impl From<Option<NaiveDate>> for Cell {
    fn from(date: Option<NaiveDate>) -> Cell {
        Cell::Date(date)
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether the first cell of a row names the row (`<th scope="row">`).
    pub row_headers: bool,
}

impl Table {
    pub fn new(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
            row_headers: false,
        }
    }

    /// A table whose first column names each row.
    pub fn with_row_headers(header: Vec<String>) -> Table {
        Table {
            row_headers: true,
            ..Table::new(header)
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}
