//! The plan as an edit leaves it, made from the plan as read: only the
//! files the edit changes are parsed again, the others keep their items
//! and their diagnostics, and their texts are not copied.

use std::sync::Arc;

use crate::i18n::Lang;
use crate::load::{FileLoad, place, read_file, settle};
use crate::model::{Convention, Plan};
use crate::source::{FileKind, SourceFile, SourceSet};
use crate::span::FileId;

/// `plan`, read file by file into `files`, with the text of the file at
/// each index of `replaced` changed and the files of `added` appended: the
/// same plan and diagnostics as reading the changed files from scratch.
pub fn reread(
    mut plan: Plan,
    mut files: Vec<FileLoad>,
    replaced: Vec<(usize, String)>,
    added: Vec<(SourceFile, FileKind)>,
    lang: Lang,
) -> (Plan, Vec<FileLoad>) {
    // Unshared unless a command kept a copy of the plan: then its texts are copied.
    let mut sources = Arc::unwrap_or_clone(std::mem::replace(
        &mut plan.sources,
        Arc::new(SourceSet::empty()),
    ));
    let mut touched = Vec::new();
    for (index, text) in replaced {
        let file = FileId(index);
        plan.axes.retain(|axis| axis.file != file);
        plan.actions.retain(|action| action.file != file);
        plan.meetings.retain(|meeting| meeting.file != file);
        if sources.kinds[index] == FileKind::Convention {
            plan.convention = Convention::default();
        }
        let name = std::mem::take(&mut sources.files[index].name);
        sources.files[index] = SourceFile::new(name, text);
        touched.push(index);
    }
    for (file, kind) in added {
        touched.push(sources.push(file, kind).0);
        files.push(FileLoad {
            diags: Vec::new(),
            complete: true,
        });
    }
    for index in touched {
        let (item, diags) = read_file(
            FileId(index),
            &sources.files[index],
            sources.kinds[index],
            lang,
        );
        files[index] = FileLoad {
            complete: place(&mut plan, item),
            diags,
        };
    }
    plan.sources = Arc::new(sources);
    settle(&mut plan, &files);
    (plan, files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_sources_by_file;
    use std::path::Path;

    fn set(files: &[(&str, &str, FileKind)]) -> SourceSet {
        let mut set = SourceSet::empty();
        for &(name, text, kind) in files {
            set.push(SourceFile::new(name.into(), text.into()), kind);
        }
        set
    }

    /// What the tests compare: the items in their order, with their files,
    /// the kinds of files without an item, and every diagnostic.
    fn seen(plan: &Plan, files: &[FileLoad]) -> String {
        let actions: Vec<_> = (plan.actions.iter())
            .map(|a| (a.id.value, a.file.0, a.title.clone()))
            .collect();
        let axes: Vec<_> = plan.axes.iter().map(|a| (a.id.value, a.file.0)).collect();
        let diags: Vec<_> = (files.iter().flat_map(|f| &f.diags))
            .map(|d| (d.code(), d.file.clone(), d.message.clone()))
            .collect();
        format!(
            "{actions:?} {axes:?} {:?} {:?} {diags:?} {}",
            plan.incomplete,
            plan.convention.name,
            plan.sources.files.len()
        )
    }

    #[test]
    fn rereading_the_changed_files_gives_the_plan_read_from_scratch() {
        let convention = (
            "ctg.toml",
            "schema = 1\nname = \"A\"\n",
            FileKind::Convention,
        );
        let axis = ("axes/1.toml", "id = 1\ntitle = \"Axe\"\n", FileKind::Axis);
        let first = (
            "actions/1.toml",
            "id = 2\naxis = 1\ntitle = \"Un\"\n",
            FileKind::Action,
        );
        let second = (
            "actions/2.toml",
            "id = 2\naxis = 1\ntitle = \"Deux\"\n",
            FileKind::Action,
        );
        let before = [convention, axis, first, second];
        let edits: [(usize, &str); 4] = [
            (0, "schema = 1\nname = \"B\"\n"),
            (2, "id = 2\naxis = 1\ntitle = \"Un bis\"\n"),
            (2, "id = [\n"),
            (1, "id = 1\ntitle = 3\n"),
        ];
        for (index, text) in edits {
            let mut after = before;
            after[index].1 = text;
            let added = ("actions/3.toml", "id = 1\naxis = 1\n", FileKind::Action);
            let root = Path::new("plan");
            let (plan, files) = from_sources_by_file(root, set(&before), Lang::En);
            let (plan, files) = reread(
                plan,
                files,
                vec![(index, text.to_string())],
                vec![(SourceFile::new(added.0.into(), added.1.into()), added.2)],
                Lang::En,
            );
            let mut whole = after.to_vec();
            whole.push(added);
            let (expected, expected_files) = from_sources_by_file(root, set(&whole), Lang::En);
            assert_eq!(seen(&plan, &files), seen(&expected, &expected_files));
        }
    }
}
