//! A table fitted to a width. Layouts are tried from the fullest, each
//! giving up a little more (`Table::narrow` says what may be given up):
//! the group of counts as one column with a legend, then the bars of the
//! shares, then the full headers, then the optional columns one by one.
//! The first layout whose columns fit, shortened text at its least width,
//! is kept; the room left then goes to the shortened and wrapped columns.

use crate::i18n::Lang;
use crate::render::escape;
use crate::render::progress_bar;
use crate::render::table::{Cell, Group, Table};

use super::text::{columns as text_columns, shorten, widest_word, wrap};

/// A column as it will be drawn: header lines, one text per row.
pub struct Column {
    pub header: Vec<String>,
    pub cells: Vec<String>,
    give: Give,
}

/// How a column gives way.
#[derive(Clone, Copy, PartialEq)]
enum Give {
    Not,
    /// Shortened with "…", down to this width.
    Shorten(usize),
    /// Wrapped between words.
    Wrap,
}

/// What a layout gives up; each step gives up what the one before did.
#[derive(Clone, Copy, Default)]
struct Step {
    grouped: bool,
    bare_shares: bool,
    brief_headers: bool,
    dropped: usize,
}

/// The table's columns fitted to `width`, and the legend of the group of
/// counts when it is drawn as one column.
pub fn fit(table: &Table, lang: Lang, width: usize) -> (Vec<Column>, Option<String>) {
    let steps = steps(table);
    let mut chosen = None;
    for step in &steps {
        let columns = columns(table, lang, *step);
        let fits = outer(&columns) + columns.iter().map(least).sum::<usize>() <= width;
        chosen = Some((columns, *step));
        if fits {
            break;
        }
    }
    let (mut columns, step) = chosen.unwrap_or_default();
    settle(&mut columns, width);
    let legend = table.narrow.group.as_ref().filter(|_| step.grouped);
    (columns, legend.map(|group| self::legend(table, group)))
}

/// The layouts to try, fullest first; a step that would change nothing is
/// left out.
fn steps(table: &Table) -> Vec<Step> {
    let narrow = &table.narrow;
    let shares = table
        .rows
        .iter()
        .flatten()
        .any(|cell| matches!(cell, Cell::Share(_)));
    let mut step = Step::default();
    let mut steps = vec![step];
    // A group of one column would save nothing worth a legend.
    if narrow
        .group
        .as_ref()
        .is_some_and(|group| group.keys.len() > 1)
    {
        step.grouped = true;
        steps.push(step);
    }
    if shares {
        step.bare_shares = true;
        steps.push(step);
    }
    if !narrow.brief_headers.is_empty() {
        step.brief_headers = true;
        steps.push(step);
    }
    for dropped in 1..=narrow.optional.len() {
        steps.push(Step { dropped, ..step });
    }
    steps
}

fn columns(table: &Table, lang: Lang, step: Step) -> Vec<Column> {
    let narrow = &table.narrow;
    let dropped = &narrow.optional[..step.dropped];
    let group = narrow.group.as_ref().filter(|_| step.grouped);
    let mut columns = Vec::new();
    for (index, header) in table.header.iter().enumerate() {
        if let Some(group) = group {
            if index == group.first {
                columns.push(grouped(table, group, lang));
            }
            if (group.first..group.first + group.keys.len()).contains(&index) {
                continue;
            }
        }
        if dropped.contains(&index) {
            continue;
        }
        let brief = narrow.brief_headers.iter().find(|(at, _)| *at == index);
        let header = match brief {
            Some((_, brief)) if step.brief_headers => brief,
            _ => header,
        };
        let give = match narrow.shorten.iter().find(|(at, _)| *at == index) {
            Some((_, least)) => Give::Shorten(*least),
            None if narrow.wrap.contains(&index) => Give::Wrap,
            None => Give::Not,
        };
        let cells = table.rows.iter().map(|row| {
            row.get(index).map_or(String::new(), |cell| {
                cell_text(cell, lang, step.bare_shares)
            })
        });
        columns.push(Column {
            header: vec![escape::terminal(header)],
            cells: cells.collect(),
            give,
        });
    }
    columns
}

/// A cell as the terminal writes it; a share with its bar unless `bare`.
fn cell_text(cell: &Cell, lang: Lang, bare: bool) -> String {
    match cell {
        Cell::Text(text) => escape::terminal(text),
        Cell::Brief { brief, .. } => escape::terminal(brief),
        Cell::Int(number) => number.to_string(),
        Cell::Number(number) => lang.number(*number),
        Cell::Euros(amount) => lang.euros(*amount),
        Cell::Share(share) if bare => lang.percent(*share),
        Cell::Share(share) => format!("{} {}", progress_bar(*share, 10), lang.percent(*share)),
        Cell::Date(date) => date.map_or("—".to_string(), |d| lang.short_date(d)),
    }
}

/// The group's columns as one: its caption over its keys, and in each row
/// the counts under their keys, right-aligned, a zero written "·".
fn grouped(table: &Table, group: &Group, lang: Lang) -> Column {
    let span = group.first..group.first + group.keys.len();
    let texts: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            let cells = row.get(span.clone()).unwrap_or_default();
            cells
                .iter()
                .map(|cell| match cell {
                    Cell::Int(0) => "·".to_string(),
                    cell => cell_text(cell, lang, true),
                })
                .collect()
        })
        .collect();
    let keys: Vec<String> = group.keys.iter().map(|k| escape::terminal(k)).collect();
    let widths: Vec<usize> = (0..keys.len())
        .map(|i| {
            let counts = texts.iter().filter_map(|row| row.get(i));
            counts
                .chain([&keys[i]])
                .map(|t| text_columns(t))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |parts: &[String]| {
        let padded = parts
            .iter()
            .zip(&widths)
            .map(|(part, width)| " ".repeat(width.saturating_sub(text_columns(part))) + part);
        padded.collect::<Vec<_>>().join(" ")
    };
    Column {
        header: vec![escape::terminal(&group.caption), line(&keys)],
        cells: texts.iter().map(|row| line(row)).collect(),
        give: Give::Not,
    }
}

/// "○ à engager · ◐ en cours …": each key and the header it stands for,
/// held together by no-break spaces so that a line never parts them.
fn legend(table: &Table, group: &Group) -> String {
    let headers = table.header.iter().skip(group.first);
    let pairs = group.keys.iter().zip(headers);
    let words = pairs.map(|(key, header)| format!("{key} {header}").replace(' ', "\u{a0}"));
    escape::terminal(&words.collect::<Vec<_>>().join(" · "))
}

/// The borders and padding around the columns: "│ a ┆ b │".
fn outer(columns: &[Column]) -> usize {
    1 + 3 * columns.len()
}

/// The width a column needs: all of it, or as little as it may give way to.
fn least(column: &Column) -> usize {
    let header = column
        .header
        .iter()
        .map(|h| text_columns(h))
        .max()
        .unwrap_or(0);
    let natural = natural(column);
    match column.give {
        Give::Not => natural,
        Give::Shorten(least) => natural.min(header.max(least)),
        Give::Wrap => {
            let words = column.cells.iter().map(|c| widest_word(c));
            words.max().unwrap_or(0).max(header)
        }
    }
}

fn natural(column: &Column) -> usize {
    let texts = column.header.iter().chain(&column.cells);
    texts.map(|t| text_columns(t)).max().unwrap_or(0)
}

/// Gives the columns that give way their widths, and shortens or wraps
/// their cells to them. Each starts at its least width (its header's when
/// even that does not fit); the room left is shared in proportion to what
/// each still lacks, so that a long title gets more than a short list.
/// A column cut between words uses less than it was given: what it leaves
/// goes to the others, twice at most.
fn settle(columns: &mut [Column], width: usize) {
    let fixed: usize = columns
        .iter()
        .filter(|c| c.give == Give::Not)
        .map(natural)
        .sum();
    let flexible: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].give != Give::Not)
        .collect();
    let room = width.saturating_sub(outer(columns) + fixed);
    let mut wants: Vec<usize> = flexible.iter().map(|&i| natural(&columns[i])).collect();
    let leasts: Vec<usize> = flexible.iter().map(|&i| least(&columns[i])).collect();
    let mut widths = if leasts.iter().sum::<usize>() <= room {
        leasts
    } else {
        let header = |c: &Column| c.header.iter().map(|h| text_columns(h)).max();
        let floors = flexible
            .iter()
            .map(|&i| header(&columns[i]).unwrap_or(0).max(2));
        floors
            .zip(&leasts)
            .map(|(floor, least)| floor.min(*least))
            .collect()
    };
    share(&mut widths, &wants, room);
    for _ in 0..2 {
        let used: Vec<usize> = flexible
            .iter()
            .zip(&widths)
            .map(|(&i, &width)| {
                let cells = fitted(&columns[i], width);
                let texts = columns[i].header.iter().chain(&cells);
                texts.map(|t| text_columns(t)).max().unwrap_or(0)
            })
            .collect();
        if used == widths {
            break;
        }
        for k in 0..widths.len() {
            if used[k] < widths[k] {
                wants[k] = used[k];
            }
        }
        widths.clone_from(&used);
        share(&mut widths, &wants, room);
    }
    for (&i, &width) in flexible.iter().zip(&widths) {
        columns[i].cells = fitted(&columns[i], width);
    }
}

/// The column's cells in `width` columns: shortened or wrapped.
fn fitted(column: &Column, width: usize) -> Vec<String> {
    let cells = column.cells.iter().map(|cell| match column.give {
        Give::Wrap => wrap(cell, width).join("\n"),
        _ => shorten(cell, width),
    });
    cells.collect()
}

/// Raises `widths` towards `wants` by `room` columns in all, each in
/// proportion to what it lacks; what rounding leaves goes to the first.
fn share(widths: &mut [usize], wants: &[usize], room: usize) {
    let lacks: Vec<usize> = widths
        .iter()
        .zip(wants)
        .map(|(width, want)| want.saturating_sub(*width))
        .collect();
    let lacking: usize = lacks.iter().sum();
    let mut left = room.saturating_sub(widths.iter().sum());
    if lacking <= left {
        widths.copy_from_slice(wants);
        return;
    }
    let given: Vec<usize> = lacks.iter().map(|lack| lack * left / lacking).collect();
    left -= given.iter().sum::<usize>();
    for ((width, lack), give) in widths.iter_mut().zip(&lacks).zip(&given) {
        let more = usize::from(left > 0 && give < lack);
        *width += give + more;
        left -= more;
    }
}
