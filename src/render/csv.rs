//! CSV for the spreadsheets used in France: by default UTF-8 with a byte
//! order mark (so that Excel reads the accents), `;` separators, decimal
//! commas and dates as 30/11/2023; `rfc` gives plain RFC 4180 with ISO
//! dates. In both, no cell is left that a spreadsheet would run as a formula.

use chrono::NaiveDate;

use crate::error::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvDialect {
    // `;`, decimal comma, dd/mm/yyyy, byte order mark. (Plain comments:
    // a doc comment would become clap's help, in one language only.)
    Fr,
    // RFC 4180: `,`, decimal point, ISO dates, no byte order mark.
    Rfc,
}

/// One value of a row; the dialect decides how it is written.
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number with decimals (a share between 0 and 1, an amount).
    Number(f64),
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

/// The whole CSV text: header, then rows.
pub fn write(
    dialect: CsvDialect,
    header: &[String],
    rows: Vec<Vec<Cell>>,
) -> Result<String, Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(match dialect {
            CsvDialect::Fr => b';',
            CsvDialect::Rfc => b',',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |err: csv::Error| Error::internal(err);
    writer
        .write_record(header.iter().map(|name| defuse(name)))
        .map_err(fail)?;
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|cell| format_cell(dialect, cell))
            .collect();
        writer.write_record(&cells).map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(Error::internal)?;
    let text = String::from_utf8(bytes).map_err(Error::internal)?;
    Ok(match dialect {
        CsvDialect::Fr => format!("\u{feff}{text}"),
        CsvDialect::Rfc => text,
    })
}

fn format_cell(dialect: CsvDialect, cell: Cell) -> String {
    match cell {
        Cell::Text(text) => defuse(&text),
        Cell::Int(number) => number.to_string(),
        Cell::Number(number) => {
            let text = format!("{}", (number * 10_000.0).round() / 10_000.0);
            match dialect {
                CsvDialect::Fr => text.replace('.', ","),
                CsvDialect::Rfc => text,
            }
        }
        Cell::Date(None) => String::new(),
        Cell::Date(Some(date)) => match dialect {
            CsvDialect::Fr => date.format("%d/%m/%Y").to_string(),
            CsvDialect::Rfc => date.format("%Y-%m-%d").to_string(),
        },
    }
}

/// Text that a spreadsheet would read as a formula (=, +, -, @, or a tab or
/// carriage return first) gets a leading apostrophe, which spreadsheets
/// show as plain text.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_dialects_differ() {
        let header = vec!["titre".to_string(), "part".to_string(), "date".to_string()];
        let date = NaiveDate::from_ymd_opt(2023, 11, 30);
        let rows = || {
            vec![vec![
                Cell::from("=HYPERLINK(\"x\")"),
                Cell::Number(0.5),
                Cell::Date(date),
            ]]
        };
        let fr = write(CsvDialect::Fr, &header, rows()).unwrap();
        assert_eq!(
            fr,
            "\u{feff}titre;part;date\r\n\"'=HYPERLINK(\"\"x\"\")\";0,5;30/11/2023\r\n"
        );
        let rfc = write(CsvDialect::Rfc, &header, rows()).unwrap();
        assert_eq!(
            rfc,
            "titre,part,date\r\n\"'=HYPERLINK(\"\"x\"\")\",0.5,2023-11-30\r\n"
        );
    }
}
