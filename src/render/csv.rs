//! CSV for the spreadsheets used in France: by default UTF-8 with a byte
//! order mark (so that Excel reads the accents), `;` separators, decimal
//! commas and dates as 30/11/2023; `rfc` gives plain RFC 4180 with ISO
//! dates. In both, no cell is left that a spreadsheet would run as a formula.

use crate::error::Error;
use crate::i18n::decimal;
use crate::render::escape;
use crate::render::table::{Cell, Table};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvDialect {
    // `;`, decimal comma, dd/mm/yyyy, byte order mark. (Plain comments:
    // a doc comment would become clap's help, in one language only.)
    Fr,
    // RFC 4180: `,`, decimal point, ISO dates, no byte order mark.
    Rfc,
}

/// The whole CSV text: header, then rows.
pub fn write(dialect: CsvDialect, table: &Table) -> Result<String, Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(match dialect {
            CsvDialect::Fr => b';',
            CsvDialect::Rfc => b',',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |err: csv::Error| Error::internal(err);
    writer
        .write_record(table.header.iter().map(|name| escape::spreadsheet(name)))
        .map_err(fail)?;
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|cell| format_cell(dialect, cell)).collect();
        writer.write_record(&cells).map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(Error::internal)?;
    let text = String::from_utf8(bytes).map_err(Error::internal)?;
    Ok(match dialect {
        CsvDialect::Fr => format!("\u{feff}{text}"),
        CsvDialect::Rfc => text,
    })
}

fn format_cell(dialect: CsvDialect, cell: &Cell) -> String {
    let fr = dialect == CsvDialect::Fr;
    match cell {
        Cell::Text(text) | Cell::Brief { full: text, .. } => escape::spreadsheet(text),
        Cell::Int(number) => number.to_string(),
        Cell::Number(number) | Cell::Share(number) | Cell::Euros(number) => decimal(*number, fr),
        Cell::Date(None) => String::new(),
        Cell::Date(Some(date)) if fr => date.format("%d/%m/%Y").to_string(),
        Cell::Date(Some(date)) => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn formulas_are_defused_and_dialects_differ() {
        let mut table = Table::new(vec!["titre".into(), "part".into(), "date".into()]);
        table.row(vec![
            Cell::from("=HYPERLINK(\"x\")"),
            Cell::Number(0.5),
            Cell::Date(NaiveDate::from_ymd_opt(2023, 11, 30)),
        ]);
        let fr = write(CsvDialect::Fr, &table).unwrap();
        assert_eq!(
            fr,
            "\u{feff}titre;part;date\r\n\"'=HYPERLINK(\"\"x\"\")\";0,5;30/11/2023\r\n"
        );
        let rfc = write(CsvDialect::Rfc, &table).unwrap();
        assert_eq!(
            rfc,
            "titre,part,date\r\n\"'=HYPERLINK(\"\"x\"\")\",0.5,2023-11-30\r\n"
        );
    }
}
