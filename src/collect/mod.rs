//! The spreadsheet round trip: the plan is the truth, a workbook is a form.
//!
//! `export` writes, for one actor, the actions, modalities and indicators
//! it follows, with cells to fill in; `read` reads a returned workbook
//! (xlsx or ods) without trusting any of it; `apply` turns its answers into
//! edits, leaving out what the plan already says; `status` tells, from a
//! folder of workbooks, who answered and what is left to import. Writing
//! the plan is the edit engine's job (`crate::edit`), as for `ctg set`.

pub mod apply;
pub mod export;
pub mod layout;
mod problem;
pub mod read;
pub mod status;
pub mod words;

pub use problem::{Problem, ProblemKind};
