//! One file of the plan: its name, its text, and where each line starts.
//!
//! A file read from disk lets its text go once parsed without a problem
//! (`let_go`): a large plan would otherwise be held twice, as text and as
//! items. The text is read again only if a place in it has to be shown, and
//! used only if it is still the text that was parsed.

use std::io::Read;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::guard::open_regular;

#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the plan folder, with `/` separators, as diagnostics show it.
    pub name: String,
    text: Text,
    /// The plan folder it was read from, when it was: its text can be read
    /// again from there, under its name.
    origin: Option<Arc<Path>>,
    /// Made when a place is first shown: a plan without problems needs none.
    line_starts: OnceLock<Vec<usize>>,
}

#[derive(Clone, Debug)]
enum Text {
    /// The text, without a byte order mark.
    Held(String),
    /// Let go: its fingerprint, and the text read again when first asked
    /// for (`None` when the file no longer holds it).
    LetGo {
        fingerprint: u64,
        again: OnceLock<Option<String>>,
    },
}

impl SourceFile {
    pub fn new(name: String, text: String) -> SourceFile {
        SourceFile {
            name,
            text: Text::Held(text),
            origin: None,
            line_starts: OnceLock::new(),
        }
    }

    /// The file was read from the plan folder `root`, under its name.
    pub fn below(mut self, root: Arc<Path>) -> SourceFile {
        self.origin = Some(root);
        self
    }

    /// The text, without a byte order mark; `None` only for a text let go
    /// whose file changed since it was parsed.
    pub fn text(&self) -> Option<&str> {
        match &self.text {
            Text::Held(text) => Some(text),
            Text::LetGo { fingerprint, again } => again
                .get_or_init(|| self.read_again(*fingerprint))
                .as_deref(),
        }
    }

    /// The text if it is in memory, without reading the file again: for a
    /// comparison that has a slower way when it is not.
    pub fn text_in_memory(&self) -> Option<&str> {
        match &self.text {
            Text::Held(text) => Some(text),
            Text::LetGo { again, .. } => again.get().and_then(Option::as_deref),
        }
    }

    /// Lets the text go if the file can be read again; its place in memory
    /// is worth more than a second read of the few files with a problem.
    pub fn let_go(&mut self) {
        if let (Some(_), Text::Held(text)) = (&self.origin, &self.text) {
            self.text = Text::LetGo {
                fingerprint: fingerprint(text),
                again: OnceLock::new(),
            };
        }
    }

    fn read_again(&self, expected: u64) -> Option<String> {
        let (file, length) = open_regular(&self.origin.as_ref()?.join(&self.name), true).ok()?;
        let mut bytes = Vec::with_capacity(length.min(super::MAX_FILE_BYTES) as usize);
        file.take(super::MAX_FILE_BYTES)
            .read_to_end(&mut bytes)
            .ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        (fingerprint(text) == expected).then(|| text.to_string())
    }

    /// 1-based line and column (in characters) of a byte offset; `None`
    /// when the text is no longer to be had.
    pub fn line_col(&self, offset: usize) -> Option<(usize, usize)> {
        let text = self.text()?;
        let line_starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(index, _)| index + 1))
                .collect()
        });
        let offset = offset.min(text.len());
        let line = line_starts.partition_point(|&start| start <= offset) - 1;
        let start = line_starts[line];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        Some((line + 1, column + 1))
    }
}

/// What tells a text read again from the one parsed: a fixed, fast hash
/// (foldhash, already there for the TOML reader's tables) and the length.
fn fingerprint(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(text.len() as u64).hash_one(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let file = SourceFile::new("x.toml".into(), "a = 1\ntitre = \"é\" x\n".into());
        assert_eq!(file.line_col(0), Some((1, 1)));
        assert_eq!(file.line_col(6), Some((2, 1)));
        let x = file.text().unwrap().rfind('x').unwrap();
        assert_eq!(file.line_col(x), Some((2, 13)));
        assert_eq!(file.line_col(10_000), Some((3, 1)));
    }

    #[test]
    fn crlf_lines_are_counted_once() {
        let file = SourceFile::new("x.toml".into(), "a = 1\r\nb = 2\r\n".into());
        assert_eq!(file.line_col(7), Some((2, 1)));
    }

    #[test]
    fn a_text_let_go_is_read_again_only_while_unchanged() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("x.toml");
        std::fs::write(&path, "\u{feff}a = 1\nb = 2\n").unwrap();
        let root: Arc<Path> = folder.path().into();
        let read = || {
            let mut file =
                SourceFile::new("x.toml".into(), "a = 1\nb = 2\n".into()).below(root.clone());
            file.let_go();
            file
        };
        let file = read();
        assert_eq!(file.text(), Some("a = 1\nb = 2\n"));
        assert_eq!(file.line_col(8), Some((2, 3)));
        let file = read();
        std::fs::write(&path, "a = 1\nb = 3\n").unwrap();
        assert_eq!(file.text(), None, "changed since parsed");
        assert_eq!(file.line_col(8), None);
        let mut held = SourceFile::new("y.toml".into(), "c = 1".into());
        held.let_go();
        assert_eq!(held.text(), Some("c = 1"), "nothing to read it again from");
    }
}
