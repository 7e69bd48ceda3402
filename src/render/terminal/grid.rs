//! A table drawn with box-drawing characters: the header, a double rule
//! under it, the rows without rules between them, each column as wide as
//! its widest line with a space on either side. Drawn here rather than by
//! a table crate: the columns are already fitted (`fit`), and that crate's
//! general layout was 4 % of the instructions of `ctg status`.

use std::iter::repeat_n;

use super::text::width as text_width;

/// The grid of `header` and `rows` (a text per column, its lines split at
/// `\n`), without a final newline.
pub fn draw(header: &[&str], rows: &[Vec<&str>]) -> String {
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            let texts = std::iter::once(header[column]).chain(rows.iter().map(|row| row[column]));
            let widest = texts
                .flat_map(|text| text.split('\n'))
                .map(text_width)
                .max();
            // Even an empty column takes a column.
            widest.unwrap_or(0).max(1)
        })
        .collect();
    let mut out = String::new();
    rule(&mut out, &widths, ['┌', '─', '┬', '┐']);
    lines(&mut out, header, &widths);
    rule(&mut out, &widths, ['╞', '═', '╪', '╡']);
    for row in rows {
        lines(&mut out, row, &widths);
    }
    rule(&mut out, &widths, ['└', '─', '┴', '┘']);
    out.pop();
    out
}

/// A horizontal rule: its left end, its line, where it meets a column's
/// border, its right end.
fn rule(out: &mut String, widths: &[usize], [left, line, junction, right]: [char; 4]) {
    out.push(left);
    for (index, width) in widths.iter().enumerate() {
        if index > 0 {
            out.push(junction);
        }
        out.extend(repeat_n(line, width + 2));
    }
    out.push(right);
    out.push('\n');
}

/// One row: as many lines as its tallest cell, a shorter cell blank below.
fn lines(out: &mut String, row: &[&str], widths: &[usize]) {
    let height = row.iter().map(|cell| cell.split('\n').count()).max();
    let mut cells: Vec<_> = row.iter().map(|cell| cell.split('\n')).collect();
    for _ in 0..height.unwrap_or(0) {
        out.push('│');
        for (index, (cell, width)) in cells.iter_mut().zip(widths).enumerate() {
            if index > 0 {
                out.push('┆');
            }
            let text = cell.next().unwrap_or("");
            out.push(' ');
            out.push_str(text);
            out.extend(repeat_n(' ', width.saturating_sub(text_width(text)) + 1));
        }
        out.push('│');
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use comfy_table::presets::UTF8_FULL_CONDENSED;
    use comfy_table::{ContentArrangement, Table};

    /// The grid as the table crate drew it before.
    fn comfy(header: &[&str], rows: &[Vec<&str>]) -> String {
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(header.iter().copied());
        for row in rows {
            table.add_row(row.iter().copied());
        }
        table.to_string()
    }

    #[test]
    fn the_grid_is_the_one_the_table_crate_drew() {
        let cases: Vec<(Vec<&str>, Vec<Vec<&str>>)> = vec![
            (
                vec!["Axe", "Thème"],
                vec![vec!["1", "Parentalité"], vec!["Total", ""]],
            ),
            (
                vec!["N°", "Actions\nà engager", "Avancement"],
                vec![
                    vec!["12", "3", "░░░░░░░░░░ 0 %"],
                    vec!["", "wrapped\ntext on\nthree", "x"],
                ],
            ),
            (vec!["", ""], vec![vec!["", ""]]),
            (vec!["CJK 漢字", "é\u{301}"], vec![vec!["全角", "e"]]),
            (vec!["only a header"], vec![]),
            (vec!["a"], vec![vec!["b\n"], vec!["\nc"]]),
        ];
        for (header, rows) in cases {
            assert_eq!(draw(&header, &rows), comfy(&header, &rows), "{header:?}");
        }
    }
}
