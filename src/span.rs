//! Places in the plan's files: which file, which bytes. A leaf module, so
//! that the model, the reader and the diagnostics can all point at text
//! without depending on one another.

use std::ops::Range;

/// Index of a file in the plan's `SourceSet`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// A stretch of one file, in bytes. Twelve bytes, not twenty-four: a
/// large plan holds one for nearly every value it read, and a plan file is
/// far below 4 GiB (`MAX_FILE_BYTES`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    file: u32,
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Span {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file: narrow(file.0),
            start: narrow(range.start),
            end: narrow(range.end),
        }
    }

    pub fn file(&self) -> FileId {
        FileId(self.file as usize)
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value with the place it was read from.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl Located<&str> {
    /// The text borrowed from where it was read, as a text of its own.
    pub fn owned(&self) -> Located<String> {
        Located {
            value: self.value.to_string(),
            span: self.span.clone(),
        }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
