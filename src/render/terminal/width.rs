//! How many columns a line of output may take: `--width`, else `COLUMNS`,
//! else the terminal's width when the output goes to a terminal, else a
//! fixed width, so that a pipe or a file gets the same layout every time.

use std::io::IsTerminal;

/// The width of output that goes to a pipe or a file when no width is
/// asked for: the same layout on every machine, for scripts and documents.
pub const STABLE: usize = 100;

/// Below this nothing useful fits: a narrower width is raised to it.
pub const LEAST: usize = 20;

/// The width of the output: `asked` (`--width`), else the `COLUMNS`
/// variable, else the terminal's when standard output is one, else
/// [`STABLE`]. Output written to a file (`-o`) takes `asked` or [`STABLE`]:
/// a file is not shown in this terminal.
pub fn detect(asked: Option<u16>, to_file: bool) -> usize {
    if to_file {
        return choose(asked, None, None);
    }
    let terminal = std::io::stdout()
        .is_terminal()
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(width, _)| width.0);
    choose(asked, std::env::var("COLUMNS").ok().as_deref(), terminal)
}

/// The first width given, in that order of preference; a `COLUMNS` that is
/// not a positive number is ignored.
pub fn choose(asked: Option<u16>, columns: Option<&str>, terminal: Option<u16>) -> usize {
    let columns = columns
        .and_then(|text| text.trim().parse::<u16>().ok())
        .filter(|&n| n > 0);
    asked
        .or(columns)
        .or(terminal.filter(|&n| n > 0))
        .map_or(STABLE, usize::from)
        .max(LEAST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_wins_then_columns_then_the_terminal() {
        assert_eq!(choose(Some(80), Some("120"), Some(150)), 80);
        assert_eq!(choose(None, Some("120"), Some(150)), 120);
        assert_eq!(choose(None, None, Some(150)), 150);
        assert_eq!(choose(None, None, None), STABLE);
    }

    #[test]
    fn a_meaningless_columns_is_ignored_and_a_tiny_width_raised() {
        assert_eq!(choose(None, Some("wide"), None), STABLE);
        assert_eq!(choose(None, Some("0"), Some(90)), 90);
        assert_eq!(choose(None, Some(" 72 "), None), 72);
        assert_eq!(choose(Some(5), None, None), LEAST);
    }
}
