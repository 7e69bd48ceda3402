//! The output formats of the commands, and the format that the extension
//! of `-o FILE` names: `-o bilan.html` is `--format html`, for every command
//! that has formats. An explicit `--format` wins over the extension.

use std::path::Path;

use clap::ValueEnum;

use super::{CheckFormat, Command};
use crate::error::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    Table,
    Json,
    Csv,
    Md,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    Json,
    Csv,
    Xlsx,
    Docx,
    Odt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
    Md,
    Ids,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
    Md,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PilotsFormat {
    Table,
    Json,
    Csv,
    Md,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
    Md,
}

/// A command's output format, as `--format` names it and as file extensions do.
pub trait Format: ValueEnum + Copy + 'static {
    /// The extensions (lower case, without the dot) of files in this format,
    /// the usual one first; none for a format only `--format` names.
    fn extensions(self) -> &'static [&'static str];

    fn is_json(self) -> bool {
        self.extensions().contains(&"json")
    }
}

/// The format named by the extension of `path`: `None` when the file has
/// no extension, a usage error listing the accepted extensions when it names
/// none of the formats.
pub fn from_extension<F: Format>(path: &Path) -> Result<Option<F>, Error> {
    let Some(extension) = path.extension() else {
        return Ok(None);
    };
    let extension = extension.to_string_lossy().to_lowercase();
    let formats = F::value_variants();
    match formats
        .iter()
        .find(|format| format.extensions().contains(&extension.as_str()))
    {
        Some(format) => Ok(Some(*format)),
        None => Err(Error::UnknownExtension {
            path: path.to_path_buf(),
            accepted: formats
                .iter()
                .filter_map(|format| format.extensions().first().copied())
                .collect(),
        }),
    }
}

/// Plain text: what a terminal table or a compiler-style report is in a file.
const TEXT: &[&str] = &["txt", "text"];
const JSON: &[&str] = &["json"];
const MARKDOWN: &[&str] = &["md", "markdown"];
const CSV: &[&str] = &["csv"];

impl Format for StatusFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            StatusFormat::Table => TEXT,
            StatusFormat::Json => JSON,
            StatusFormat::Md => MARKDOWN,
        }
    }
}

impl Format for ShowFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            ShowFormat::Table => TEXT,
            ShowFormat::Json => JSON,
            ShowFormat::Md => MARKDOWN,
        }
    }
}

impl Format for ListFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            ListFormat::Table => TEXT,
            ListFormat::Json => JSON,
            ListFormat::Csv => CSV,
            ListFormat::Md => MARKDOWN,
            ListFormat::Ids => &[],
        }
    }
}

impl Format for PilotsFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            PilotsFormat::Table => TEXT,
            PilotsFormat::Json => JSON,
            PilotsFormat::Csv => CSV,
            PilotsFormat::Md => MARKDOWN,
        }
    }
}

impl Format for PortfolioFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            PortfolioFormat::Table => TEXT,
            PortfolioFormat::Json => JSON,
            PortfolioFormat::Csv => CSV,
            PortfolioFormat::Md => MARKDOWN,
        }
    }
}

impl Format for ReportFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            ReportFormat::Md => MARKDOWN,
            ReportFormat::Html => &["html", "htm"],
            ReportFormat::Json => JSON,
            ReportFormat::Csv => CSV,
            ReportFormat::Xlsx => &["xlsx"],
            ReportFormat::Docx => &["docx"],
            ReportFormat::Odt => &["odt"],
        }
    }
}

impl Format for CheckFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            CheckFormat::Human => TEXT,
            CheckFormat::Json => JSON,
        }
    }
}

/// Sets `format` from the extension of `file`, unless `--format` was given.
fn pick<F: Format>(format: &mut F, file: &Path, given: bool) -> Result<(), Error> {
    if !given && let Some(named) = from_extension(file)? {
        *format = named;
    }
    Ok(())
}

impl Command {
    /// Takes the format from the extension of `-o FILE`, for the commands
    /// that have formats, unless `--format` was given (`format_given`).
    pub fn choose_format(&mut self, file: &Path, format_given: bool) -> Result<(), Error> {
        match self {
            Command::Status(args) => pick(&mut args.format, file, format_given),
            Command::Check(args) => pick(&mut args.format, file, format_given),
            Command::List(args) => pick(&mut args.format, file, format_given),
            Command::Show(args) => pick(&mut args.format, file, format_given),
            Command::Pilots(args) => pick(&mut args.format, file, format_given),
            Command::Meeting(args) => match &mut args.command {
                super::MeetingCommand::List(list) => pick(&mut list.format, file, format_given),
                super::MeetingCommand::Add(_) => Ok(()),
            },
            Command::Portfolio(args) => pick(&mut args.format, file, format_given),
            Command::Collect(args) => match &mut args.command {
                super::CollectCommand::Status(status) => {
                    pick(&mut status.format, file, format_given)
                }
                _ => Ok(()),
            },
            Command::Diff(args) => pick(&mut args.format, file, format_given),
            Command::Report(args) => {
                if args.format.is_none() {
                    args.format = from_extension(file)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Whether the command was asked for JSON: its failures are then JSON too.
    pub fn asks_json(&self) -> bool {
        match self {
            Command::Status(args) => args.format.is_json(),
            Command::Check(args) => args.format.is_json(),
            Command::List(args) => args.format.is_json(),
            Command::Show(args) => args.format.is_json(),
            Command::Pilots(args) => args.format.is_json(),
            Command::Meeting(args) => match &args.command {
                super::MeetingCommand::List(list) => list.format.is_json(),
                super::MeetingCommand::Add(_) => false,
            },
            Command::Portfolio(args) => args.format.is_json(),
            Command::Diff(args) => args.format.is_json(),
            Command::Report(args) => args.format.is_some_and(Format::is_json),
            Command::Collect(args) => match &args.command {
                super::CollectCommand::Status(status) => status.format.is_json(),
                _ => false,
            },
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_names_one_format_of_each_command() {
        fn distinct<F: Format + std::fmt::Debug>() {
            let mut seen = std::collections::HashSet::new();
            for format in F::value_variants() {
                for extension in format.extensions() {
                    assert!(seen.insert(*extension), "{format:?}: .{extension} twice");
                }
            }
        }
        distinct::<StatusFormat>();
        distinct::<ShowFormat>();
        distinct::<ListFormat>();
        distinct::<PilotsFormat>();
        distinct::<PortfolioFormat>();
        distinct::<ReportFormat>();
        distinct::<CheckFormat>();
    }

    #[test]
    fn the_extension_picks_the_format_and_case_does_not_matter() {
        let found = from_extension::<ReportFormat>(Path::new("bilan.HTML")).unwrap();
        assert_eq!(found, Some(ReportFormat::Html));
        assert_eq!(
            from_extension::<StatusFormat>(Path::new("tableau")).unwrap(),
            None
        );
        match from_extension::<StatusFormat>(Path::new("x.pdf")) {
            Err(Error::UnknownExtension { accepted, .. }) => {
                assert_eq!(accepted, ["txt", "json", "md"]);
            }
            other => panic!("{other:?}"),
        }
    }
}
