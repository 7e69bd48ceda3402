//! A document for people, written once by each command and rendered to the
//! terminal, Markdown or HTML. Every piece of text in it is plain text: the
//! renderer escapes it for its format (`render::escape`), so a command can
//! never let plan text become markup.

use crate::render::table::Table;

/// One block of a document, in reading order.
pub enum Block {
    /// The document's title: bold on a terminal, `#` in Markdown, `<h1>` in HTML.
    Title(String),
    /// A heading of level 2 to 4.
    Heading(u8, String),
    /// Short lines kept apart (a letterhead): one per line everywhere.
    Lines(Vec<String>),
    Paragraph(String),
    /// Labelled values, "Statut : en cours", aligned on a terminal.
    Fields(Vec<(String, String)>),
    List(Vec<String>),
    /// Things to look at: a list whose items are marked as alerts.
    Alerts(Vec<String>),
    Table(Table),
    /// Shares between 0 and 1, one bar per label, with a caption.
    Bars(String, Vec<(String, f64)>),
    /// A table of contents, with its title: the renderer lists the
    /// document's level-2 headings (links in HTML).
    Contents(String),
    /// On paper, what follows starts a new page; nothing on a screen.
    PageBreak,
}

/// A document in pieces, in reading order, for one too large to be laid
/// out whole before it is written: blocks, or a part (a run of sections)
/// already made into what the renderer keeps. A part holds no title, no
/// level-2 heading and no table of contents: those are the blocks', so that
/// a renderer can list and number the sections before writing any part.
pub enum Piece<T> {
    Blocks(Document),
    Part(T),
}

#[derive(Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    /// The document's name, as a page title: its first `Title` block.
    pub fn title(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|block| match block {
                Block::Title(text) => Some(text.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// The level-2 headings, in order: the entries of a table of contents.
    pub fn sections(&self) -> Vec<&str> {
        self.blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading(2, text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn push(&mut self, block: Block) -> &mut Document {
        self.blocks.push(block);
        self
    }

    pub fn title_line(&mut self, text: impl Into<String>) -> &mut Document {
        self.push(Block::Title(text.into()))
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Document {
        self.push(Block::Heading(level, text.into()))
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Document {
        self.push(Block::Paragraph(text.into()))
    }

    pub fn list<S: Into<String>>(&mut self, items: impl IntoIterator<Item = S>) -> &mut Document {
        self.push(Block::List(items.into_iter().map(Into::into).collect()))
    }

    pub fn table(&mut self, table: Table) -> &mut Document {
        self.push(Block::Table(table))
    }
}
