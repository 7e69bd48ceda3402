//! Files parsed into items on any thread, as they are read (`read_plan`)
//! or all at once (`from_sources_by_file`), then gathered into the plan.

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use super::{FileLoad, Item, place, read_file, settle};
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::model::{Action, Convention, Plan};
use crate::source::{FileKind, Parse, SourceFile, SourceSet};
use crate::span::FileId;

/// Files parsed into items, on any thread: each action put into the
/// plan's actions at once, the other items given back in file order.
pub(super) struct Parsing {
    lang: Lang,
    actions: Mutex<Vec<Action>>,
}

impl Parsing {
    pub(super) fn new(lang: Lang, actions: usize) -> Parsing {
        // Sized once: growing by doubling would hold two copies at the peak.
        Parsing {
            lang,
            actions: Mutex::new(Vec::with_capacity(actions)),
        }
    }

    fn actions(&self) -> std::sync::MutexGuard<'_, Vec<Action>> {
        self.actions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The plan from the parsed files, its items placed and sorted.
    pub(super) fn into_plan(
        self,
        root: &Path,
        sources: SourceSet,
        read: Vec<(Item, Vec<Diagnostic>)>,
    ) -> (Plan, Vec<FileLoad>) {
        let mut plan = Plan {
            root: root.to_path_buf(),
            sources: std::sync::Arc::new(SourceSet::empty()),
            convention: Convention::default(),
            axes: Vec::new(),
            actions: self
                .actions
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner),
            meetings: Vec::new(),
            incomplete: Vec::new(),
        };
        let files: Vec<FileLoad> = read
            .into_iter()
            .map(|(item, diags)| FileLoad {
                complete: place(&mut plan, item),
                diags,
            })
            .collect();
        plan.sources = std::sync::Arc::new(sources);
        settle(&mut plan, &files);
        (plan, files)
    }
}

impl Parse for Parsing {
    type Parsed = (Item, Vec<Diagnostic>);

    fn listed(&self, kind: FileKind, count: usize) {
        if kind == FileKind::Action {
            self.actions().reserve_exact(count);
        }
    }

    fn parse(&self, index: usize, file: &mut SourceFile, kind: FileKind) -> Self::Parsed {
        let (item, diags) = read_file(FileId(index), file, kind, self.lang);
        // A file without a problem has nothing to show yet: its text can
        // go while the next ones are parsed, and be read again if need be.
        if diags.is_empty() {
            file.let_go();
        }
        // An action takes its place at once, in any order (`settle` sorts
        // them): waiting for its turn, every action would be held twice.
        let item = match item {
            Item::Action(Some(action)) => {
                self.actions().push(*action);
                Item::Placed
            }
            item => item,
        };
        (item, diags)
    }
}
