//! Places in the plan's files: which file, which bytes. A leaf module, so
//! that the model, the reader and the diagnostics can all point at text
//! without depending on one another.

use std::ops::Range;

/// Index of a file in the plan's `SourceSet`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// A stretch of one file, in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub file: FileId,
    pub range: Range<usize>,
}

/// A value with the place it was read from.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
