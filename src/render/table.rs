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
    /// An amount of euros: "12 500 €" to read, a number in a workbook or CSV.
    Euros(f64),
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
    /// How the table gives way on a narrow terminal; other formats ignore it.
    pub narrow: Narrow,
}

/// What a terminal may do to a table too wide for it, in the order it
/// tries: write a group of counts as one column with a legend, draw shares
/// without their bar, use the brief headers, leave out optional columns.
/// Columns of text are shortened with "…" or wrapped between words all
/// along. A number, a date or a range is never cut.
#[derive(Clone, Debug, Default)]
pub struct Narrow {
    /// Text columns that may be shortened with "…", each with the width
    /// below which it is not worth showing: (column, least width).
    pub shorten: Vec<(usize, usize)>,
    /// Columns whose text may be wrapped between words (a list of ranges).
    pub wrap: Vec<usize>,
    /// Shorter headers, for when the full ones do not fit: (column, header).
    pub brief_headers: Vec<(usize, String)>,
    /// Adjacent columns of counts that may be drawn as one.
    pub group: Option<Group>,
    /// Columns that may be left out, the first given up first.
    pub optional: Vec<usize>,
}

/// Adjacent columns of counts drawn, when space is short, as one column:
/// its caption over a key per count, and a legend under the table ("key
/// header · key header"). A zero is written "·", so the counts stand out.
#[derive(Clone, Debug)]
pub struct Group {
    pub first: usize,
    pub caption: String,
    /// One short key per column of the group (a symbol, a letter).
    pub keys: Vec<String>,
}

impl Table {
    pub fn new(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
            row_headers: false,
            narrow: Narrow::default(),
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

    /// On a narrow terminal, the text of `column` may be shortened with "…"
    /// down to `least` characters.
    pub fn shorten(&mut self, column: usize, least: usize) -> &mut Table {
        self.narrow.shorten.push((column, least));
        self
    }

    /// On a narrow terminal, the text of `column` may be wrapped between words.
    pub fn wrap(&mut self, column: usize) -> &mut Table {
        self.narrow.wrap.push(column);
        self
    }

    /// A shorter header for `column`, for a narrow terminal.
    pub fn brief_header(&mut self, column: usize, header: impl Into<String>) -> &mut Table {
        self.narrow.brief_headers.push((column, header.into()));
        self
    }

    /// The columns from `first`, one per key, are counts that a narrow
    /// terminal may draw as one column under `caption`.
    pub fn group(
        &mut self,
        first: usize,
        caption: impl Into<String>,
        keys: Vec<String>,
    ) -> &mut Table {
        self.narrow.group = Some(Group {
            first,
            caption: caption.into(),
            keys,
        });
        self
    }

    /// On a narrow terminal, `column` may be left out; the first marked is
    /// the first given up.
    pub fn optional(&mut self, column: usize) -> &mut Table {
        self.narrow.optional.push(column);
        self
    }
}
