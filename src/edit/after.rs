//! A plan made from another plan read file by file: only the files that
//! differ are parsed again, the others keep their items and their
//! diagnostics. An edit makes the plan it leaves this way, and `diff` the
//! plan at its second revision from the plan at its first.

use std::sync::Arc;

use crate::i18n::Lang;
use crate::load::{FileLoad, PARALLEL_BYTES, place, read_file, settle};
use crate::model::{Convention, Plan};
use crate::parallel;
use crate::source::{FileKind, SourceFile, SourceSet};
use crate::span::FileId;

/// `plan`, read file by file into `files`, with the text of the file at
/// each index of `replaced` changed and the files of `added` appended: the
/// same plan and diagnostics as reading the changed files from scratch.
pub fn reread(
    mut plan: Plan,
    files: Vec<FileLoad>,
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
        let name = std::mem::take(&mut sources.files[index].name);
        sources.files[index] = SourceFile::new(name, text);
        touched.push(index);
    }
    for (file, kind) in added {
        touched.push(sources.push(file, kind).0);
    }
    reread_from(plan, files, sources, &touched, lang)
}

/// `plan`, read file by file into `files`, as read from `sources` instead:
/// the files at the indices of `touched` are parsed, those past the end of
/// `sources` are dropped, and every other one, the same file (name, kind
/// and text) at the same index in both, keeps its items and diagnostics.
/// The same plan and diagnostics as reading `sources` from scratch.
pub fn reread_from(
    mut plan: Plan,
    mut files: Vec<FileLoad>,
    sources: SourceSet,
    touched: &[usize],
    lang: Lang,
) -> (Plan, Vec<FileLoad>) {
    let mut gone = vec![false; files.len().max(sources.files.len())];
    gone[sources.files.len()..].fill(true);
    for &index in touched {
        gone[index] = true;
    }
    plan.axes.retain(|axis| !gone[axis.file.0]);
    plan.actions.retain(|action| !gone[action.file.0]);
    plan.meetings.retain(|meeting| !gone[meeting.file.0]);
    // The convention, when there is one, is the first file of a set.
    if gone.first() == Some(&true) {
        plan.convention = Convention::default();
    }
    // Many files when a file added or removed shifts those after it.
    let weight: usize = (touched.iter())
        .map(|&index| sources.files[index].text().map_or(0, str::len))
        .sum();
    let read = parallel::map(touched, weight > PARALLEL_BYTES, |_, &index| {
        let file = &sources.files[index];
        read_file(FileId(index), file, sources.kinds[index], lang)
    });
    files.resize_with(sources.files.len(), || FileLoad {
        diags: Vec::new(),
        complete: true,
    });
    for (&index, (item, diags)) in touched.iter().zip(read) {
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
        let meetings: Vec<_> = (plan.meetings.iter())
            .map(|m| (m.date.value, m.file.0))
            .collect();
        let diags: Vec<_> = (files.iter().flat_map(|f| &f.diags))
            .map(|d| (d.code(), d.file.clone(), d.message.clone()))
            .collect();
        format!(
            "{actions:?} {axes:?} {meetings:?} {:?} {:?} {diags:?} {}",
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

    #[test]
    fn a_plan_read_again_from_another_set_is_the_plan_read_from_scratch() {
        let convention = (
            "ctg.toml",
            "schema = 1\nname = \"A\"\n",
            FileKind::Convention,
        );
        let axis = ("axes/1.toml", "id = 1\ntitle = \"Axe\"\n", FileKind::Axis);
        let one = ("actions/1.toml", "id = 1\naxis = 1\n", FileKind::Action);
        let two = ("actions/2.toml", "id = 2\naxis = 1\n", FileKind::Action);
        let broken = ("actions/2.toml", "id = [\n", FileKind::Action);
        let twice = ("actions/3.toml", "id = 1\naxis = 1\n", FileKind::Action);
        let meeting = (
            "meetings/m.toml",
            "body = \"copil\"\ndate = 2025-01-01\n",
            FileKind::Meeting,
        );
        let before = vec![convention, axis, one, two, meeting];
        let afters = [
            vec![convention, axis, two, meeting],
            vec![convention, axis, one, broken, twice, meeting],
            vec![axis, one, two, meeting],
            vec![
                (
                    "ctg.toml",
                    "schema = 1\nname = \"B\"\n",
                    FileKind::Convention,
                ),
                axis,
            ],
            vec![],
        ];
        let root = Path::new("plan");
        for after in afters {
            let (plan, files) = from_sources_by_file(root, set(&before), Lang::En);
            let touched: Vec<usize> = (0..after.len())
                .filter(|&index| before.get(index) != Some(&after[index]))
                .collect();
            let (plan, files) = reread_from(plan, files, set(&after), &touched, Lang::En);
            let (expected, expected_files) = from_sources_by_file(root, set(&after), Lang::En);
            assert_eq!(seen(&plan, &files), seen(&expected, &expected_files));
        }
    }
}
