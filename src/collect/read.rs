//! Reading a workbook back. Nothing in it is trusted: the hidden sheet
//! must say it was exported for this plan, every exported row must still
//! carry its number, and each answer must be what its cell asks for (a
//! status of the list, a real date, a number, text), never a formula.
//! What is wrong is a `Problem` naming the file and the cell.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, DataType, Range, Reader, open_workbook_auto_from_rs};
use chrono::NaiveDate;

use super::layout::{
    Answer, ExportedRow, FORMAT_TAG, ItemKey, META_HEADER_ROWS, META_SHEET, Meta, SheetKind,
    cell_name, status_labels,
};
use super::problem::{Problem, ProblemKind};
use crate::i18n::Lang;
use crate::model::{Plan, Status};
use crate::text::fold;

/// A workbook's answers, row by row.
#[derive(Debug)]
pub struct Answers {
    /// The file as the user named it.
    pub file: String,
    pub meta: Meta,
    pub rows: Vec<RowAnswers>,
}

/// The filled cells of one exported row.
#[derive(Debug)]
pub struct RowAnswers {
    pub exported: ExportedRow,
    pub given: Vec<Given>,
}

/// One filled answer cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub column: u16,
    pub value: Value,
    /// `Actions!G7`.
    pub cell: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Status(Status),
    Text(String),
    Date(NaiveDate),
    Number(f64),
}

/// Reads the workbook `bytes` (xlsx or ods) named `file`, for `plan`.
/// Problems of the whole file leave no answers.
pub fn read(file: &str, bytes: Vec<u8>, plan: &Plan) -> (Option<Answers>, Vec<Problem>) {
    let mut problems = Vec::new();
    let whole = |kind| Problem {
        file: file.to_string(),
        cell: None,
        item: None,
        kind,
    };
    let any_formula = holds_formulas(&bytes);
    let mut workbook = match open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(err) => return (None, vec![whole(ProblemKind::Unreadable(err.to_string()))]),
    };
    let Some(meta) = workbook
        .worksheet_range(META_SHEET)
        .ok()
        .and_then(|range| read_meta(&range))
    else {
        return (None, vec![whole(ProblemKind::NoMeta)]);
    };
    if meta.plan != plan.convention.name {
        return (None, vec![whole(ProblemKind::OtherPlan(meta.plan))]);
    }
    if !plan
        .convention
        .actors
        .iter()
        .any(|a| a.id.value == meta.actor)
    {
        return (None, vec![whole(ProblemKind::UnknownActor(meta.actor))]);
    }
    let mut rows = Vec::new();
    for kind in SheetKind::ALL {
        let name = kind.name(meta.lang);
        let Ok(values) = workbook.worksheet_range(name) else {
            return (None, vec![whole(ProblemKind::NoMeta)]);
        };
        let formulas = if any_formula {
            workbook.worksheet_formula(name).unwrap_or_default()
        } else {
            Range::default()
        };
        let mut sheet = SheetReader {
            file,
            name,
            kind,
            lang: meta.lang,
            values: &values,
            problems: &mut problems,
        };
        sheet.formulas(&formulas, &meta.rows);
        sheet.rows(&meta.rows, &mut rows);
    }
    let answers = Answers {
        file: file.to_string(),
        meta,
        rows,
    };
    (Some(answers), problems)
}

/// Whether a sheet of the workbook may hold a formula: an xlsx cell's `<f>`,
/// an ods cell's `table:formula`. Reading formulas takes a second pass over
/// every sheet, which a workbook without one (nearly every returned form)
/// is spared. A file that cannot be looked into is assumed to hold some.
fn holds_formulas(bytes: &[u8]) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return true;
    };
    for index in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(index) else {
            return true;
        };
        let sheet = entry
            .name()
            .is_ok_and(|name| name.starts_with("xl/worksheets/") || name == "content.xml");
        if !sheet {
            continue;
        }
        let mut xml = Vec::new();
        if std::io::Read::read_to_end(&mut entry, &mut xml).is_err() {
            return true;
        }
        let xml = String::from_utf8_lossy(&xml);
        if ["<f>", "<f ", "table:formula="]
            .iter()
            .any(|mark| xml.contains(mark))
        {
            return true;
        }
    }
    false
}

fn read_meta(range: &Range<Data>) -> Option<Meta> {
    let text = |row: u32, col: u32| match range.get_value((row, col)) {
        Some(Data::String(s)) => Some(s.trim().to_string()),
        _ => None,
    };
    let field = |row: u32, name: &str| (text(row, 0)? == name).then(|| text(row, 1)).flatten();
    if text(0, 0)? != FORMAT_TAG {
        return None;
    }
    let lang = match field(4, "lang")?.as_str() {
        "fr" => Lang::Fr,
        "en" => Lang::En,
        _ => return None,
    };
    let mut meta = Meta {
        plan: field(1, "plan")?,
        actor: field(2, "actor")?,
        exported: field(3, "exported")?.parse().ok()?,
        lang,
        year: field(5, "year")?.parse().ok()?,
        rows: Vec::new(),
    };
    let (height, _) = range.end()?;
    for row in META_HEADER_ROWS..=height {
        meta.rows.push(ExportedRow {
            sheet: SheetKind::from_key(&text(row, 0)?)?,
            row: text(row, 1)?.parse().ok()?,
            key: text(row, 2)?.parse().ok()?,
            fingerprint: text(row, 3)?,
        });
    }
    Some(meta)
}

/// The text a cell shows, whatever its type: what a person typed.
pub fn shown(data: &Data) -> String {
    match data {
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) => d
            .as_datetime()
            .map_or_else(|| d.to_string(), |d| d.date().to_string()),
        other => other.to_string(),
    }
}

struct SheetReader<'a> {
    file: &'a str,
    name: &'a str,
    kind: SheetKind,
    lang: Lang,
    values: &'a Range<Data>,
    problems: &'a mut Vec<Problem>,
}

impl SheetReader<'_> {
    fn problem(&mut self, row: u32, col: u16, item: Option<ItemKey>, kind: ProblemKind) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            cell: Some(cell_name(self.name, row, col)),
            item,
            kind,
        });
    }

    fn value(&self, row: u32, col: u16) -> &Data {
        self.values
            .get_value((row, u32::from(col)))
            .unwrap_or(&Data::Empty)
    }

    /// A formula anywhere on the sheet is refused: a form's answers are values.
    fn formulas(&mut self, formulas: &Range<String>, exported: &[ExportedRow]) {
        let Some((top, left)) = formulas.start() else {
            return;
        };
        for (row, col, formula) in formulas.used_cells() {
            if formula.trim().is_empty() {
                continue;
            }
            let (row, col) = (top + row as u32, left + col as u32);
            let item = exported
                .iter()
                .find(|e| e.sheet == self.kind && e.row == row)
                .map(|e| e.key);
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            self.problem(row, col, item, ProblemKind::Formula(formula.clone()));
        }
    }

    fn rows(&mut self, exported: &[ExportedRow], rows: &mut Vec<RowAnswers>) {
        let mine: Vec<&ExportedRow> = exported.iter().filter(|e| e.sheet == self.kind).collect();
        for row in &mine {
            if let Some(given) = self.row(row) {
                rows.push(RowAnswers {
                    exported: (*row).clone(),
                    given,
                });
            }
        }
        // A row added below the exported ones, or anywhere between them.
        let exported_rows: HashSet<u32> = mine.iter().map(|e| e.row).collect();
        let last = self.values.end().map_or(0, |(row, _)| row);
        for row in 1..=last {
            if exported_rows.contains(&row) {
                continue;
            }
            let filled = std::iter::once(0)
                .chain(self.kind.answer_columns().iter().map(|(c, _)| *c))
                .find(|col| !matches!(self.value(row, *col), Data::Empty));
            if let Some(col) = filled {
                let shown = shown(self.value(row, col));
                self.problem(row, col, None, ProblemKind::ExtraRow(shown));
            }
        }
    }

    /// The answers of an exported row; `None` when its number was altered.
    fn row(&mut self, exported: &ExportedRow) -> Option<Vec<Given>> {
        let (row, key) = (exported.row, exported.key);
        let mut expected = vec![(0, key.shown())];
        if let ItemKey::Indicator(_, number) = key {
            expected.push((1, number.to_string()));
        }
        for (col, expected) in expected {
            let found = shown(self.value(row, col));
            if found != expected {
                self.problem(
                    row,
                    col,
                    Some(key),
                    ProblemKind::IdAltered { expected, found },
                );
                return None;
            }
        }
        let mut given = Vec::new();
        for &(col, answer) in self.kind.answer_columns() {
            let data = self.value(row, col).clone();
            if matches!(data, Data::Empty)
                || matches!(&data, Data::String(s) if s.trim().is_empty())
            {
                continue;
            }
            match self.answer(answer, &data) {
                Ok(value) => given.push(Given {
                    column: col,
                    value,
                    cell: cell_name(self.name, row, col),
                }),
                Err(kind) => self.problem(row, col, Some(key), kind),
            }
        }
        Some(given)
    }

    fn answer(&self, answer: Answer, data: &Data) -> Result<Value, ProblemKind> {
        let text = shown(data);
        match (answer, data) {
            (Answer::Status, Data::String(typed)) => {
                let labels = status_labels(self.lang);
                Status::ALL
                    .into_iter()
                    .find(|s| fold(s.label(self.lang)) == fold(typed.trim()))
                    .map(Value::Status)
                    .ok_or_else(|| ProblemKind::OutsideList {
                        value: text,
                        allowed: labels.iter().map(|l| l.to_string()).collect(),
                    })
            }
            (Answer::Status, _) => Err(ProblemKind::OutsideList {
                value: text,
                allowed: status_labels(self.lang)
                    .iter()
                    .map(|l| l.to_string())
                    .collect(),
            }),
            (Answer::Date, Data::DateTime(_) | Data::DateTimeIso(_)) => data
                .as_date()
                .map(Value::Date)
                .ok_or(ProblemKind::NotADate(text)),
            (Answer::Date, _) => Err(ProblemKind::NotADate(text)),
            (Answer::Number, Data::Float(f)) if f.is_finite() => Ok(Value::Number(*f)),
            (Answer::Number, Data::Int(i)) => Ok(Value::Number(*i as f64)),
            (Answer::Number, Data::String(s)) => s
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Value::Number)
                .ok_or(ProblemKind::NotANumber(text)),
            (Answer::Number, _) => Err(ProblemKind::NotANumber(text)),
            (Answer::Text, Data::String(s)) => Ok(Value::Text(s.trim().to_string())),
            (Answer::Text, Data::Float(_) | Data::Int(_)) => Ok(Value::Text(text)),
            (Answer::Text, _) => Err(ProblemKind::NotText(text)),
        }
    }
}
