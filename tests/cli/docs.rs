//! The documentation is run: every ```` ```console ```` block of `README.md`
//! and of the pages of `docs/` is played, command by command, and what each
//! command prints must be what the page shows. A change that alters an output
//! fails here until the page follows; `CTG_BLESS=1` rewrites the pages from
//! the real outputs (see `docs/testing.md`).
//!
//! The convention:
//! - in a ```` ```console ```` block, a line that begins with `$ ` is a command
//!   (one line, no continuation); the lines after it, up to the next `$ ` line
//!   or the end of the block, are what it prints: the standard output and the
//!   error output merged as a terminal shows them, without colours;
//! - a line `...` alone stands for any number of lines (none included), for
//!   output too long to show whole;
//! - a command is split into words like a shell would, with double and single
//!   quotes and `#` comments; pipes, redirections, variables and wildcards are
//!   refused, since the test would not run them the way a shell does;
//! - it must be `ctg`, `git` or `sh`: commands that cannot be run here, such
//!   as `cd` or `cargo install`, are written in ```` ```sh ```` blocks;
//! - it must exit 0, or fail with ctg's exit code 1 or 2 when its comment
//!   begins with `échoue exprès` or `fails on purpose`;
//! - a block runs in a scenario, the folder its commands start from: the
//!   page's default one (`guide` for the guide, `repository` elsewhere), or
//!   the one named by a line `<!-- scenario: NAME -->` just before the block.
//!   The blocks of a page that share a scenario share its folder, in the
//!   page's order, so that a command sees what the commands above it did;
//! - a code block of any kind under a line `<!-- file: PATH -->` must be the
//!   file at PATH in the repository, whole.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use similar::TextDiff;

use crate::support::{copy_plan, fixture, repo};

/// The variable that turns the check into a rewrite of the pages.
const BLESS: &str = "CTG_BLESS";

/// The line that stands for any number of output lines.
const ELISION: &str = "...";

/// How the comment of a command that must fail begins, in French and English.
const FAILS: [&str; 2] = ["échoue exprès", "fails on purpose"];

/// The exit codes of a command that fails on purpose: ctg's "the plan or the
/// command's content is wrong" and "usage error". Anything else (a panic, a
/// signal) is a failure of the test.
const FAILURE_CODES: [i32; 2] = [1, 2];

/// Variables of whoever runs the tests that would change what the commands do.
const REMOVED: [&str; 19] = [
    "CTG_PLAN",
    "CTG_TODAY",
    "CTG",
    "CTG_PLAN_DIR",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "LINES",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_CONFIG_PARAMETERS",
];

/// One command of a page and the output the page shows for it.
#[derive(Debug, PartialEq)]
struct Example {
    /// Line of the `$ ` line in the page, from 1.
    line: usize,
    /// The command as written, after `$ `.
    command: String,
    words: Vec<String>,
    fails: bool,
    scenario: String,
    /// The indentation of the block, put back when the page is rewritten.
    indent: String,
    /// The output shown, indentation removed.
    expected: Vec<String>,
    /// Where that output sits in the page, as indexes of lines from 0.
    lines: Range<usize>,
}

/// A code block that must hold a file of the repository, whole.
#[derive(Debug, PartialEq)]
struct FileCopy {
    /// Line of the `<!-- file: PATH -->` directive in the page, from 1.
    line: usize,
    /// The file, from the root of the repository.
    path: String,
    indent: String,
    /// The block's lines, indentation removed.
    shown: Vec<String>,
    /// Where they sit in the page, as indexes of lines from 0.
    lines: Range<usize>,
}

/// What a page holds that the tests check.
#[derive(Debug, Default)]
struct Parsed {
    examples: Vec<Example>,
    copies: Vec<FileCopy>,
}

/// A line `<!-- scenario: NAME -->` or `<!-- file: PATH -->`, which applies
/// to the code block right after it.
#[derive(Debug)]
enum Directive {
    Scenario(String),
    File(String),
}

/// The commands of the ```` ```console ```` blocks of a page, in order, each
/// with the output shown under it, and the blocks that copy a file. Errors
/// name the line, from 1.
fn parse(page: &str, default_scenario: &str) -> Result<Parsed, String> {
    struct Fence {
        marker: char,
        count: usize,
        indent: usize,
        console: bool,
        scenario: String,
        copy: Option<(usize, String)>,
    }
    let lines: Vec<&str> = page
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();
    let mut parsed = Parsed::default();
    let mut fence: Option<Fence> = None;
    let mut directive: Option<(usize, Directive)> = None;
    // Whether the last example's output is still being read.
    let mut open_example = false;
    for (index, &line) in lines.iter().enumerate() {
        let number = index + 1;
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        let Some(open) = &fence else {
            if let Some(found) = read_directive(content) {
                if let Some((at, _)) = directive {
                    return Err(format!("{at}: a directive with no code block after it"));
                }
                directive = Some((number, found));
            } else if let Some((marker, count, info)) = opening_fence(content) {
                let console = info == "console";
                let (scenario, copy) = match directive.take() {
                    Some((at, Directive::Scenario(_))) if !console => {
                        return Err(format!(
                            "{at}: a scenario directive before a block that is not ```console"
                        ));
                    }
                    Some((_, Directive::Scenario(name))) => (name, None),
                    Some((at, Directive::File(path))) => {
                        (default_scenario.to_string(), Some((at, path)))
                    }
                    None => (default_scenario.to_string(), None),
                };
                if let Some((at, path)) = &copy {
                    parsed.copies.push(FileCopy {
                        line: *at,
                        path: path.clone(),
                        indent: " ".repeat(indent),
                        shown: Vec::new(),
                        lines: index + 1..index + 1,
                    });
                }
                fence = Some(Fence {
                    marker,
                    count,
                    indent,
                    console: console && copy.is_none(),
                    scenario,
                    copy,
                });
            } else if let Some((at, _)) = &directive
                && !content.is_empty()
            {
                return Err(format!(
                    "{at}: a directive must be just before its code block"
                ));
            }
            continue;
        };
        let text = strip_indent(line, open.indent);
        if closing_fence(content, open.marker, open.count) {
            if open_example && let Some(last) = parsed.examples.last_mut() {
                last.lines.end = index;
            }
            open_example = false;
            fence = None;
        } else if open.copy.is_some() {
            let copy = parsed.copies.last_mut().expect("a copy was opened");
            copy.shown.push(text.to_string());
            copy.lines.end = index + 1;
        } else if !open.console {
            continue;
        } else if let Some(command) = text.strip_prefix("$ ") {
            if open_example && let Some(last) = parsed.examples.last_mut() {
                last.lines.end = index;
            }
            let (words, comment) =
                split(command).map_err(|error| format!("{number}: {error}: {command}"))?;
            if words.is_empty() {
                return Err(format!("{number}: an empty command"));
            }
            let fails = comment
                .as_deref()
                .is_some_and(|comment| FAILS.iter().any(|mark| comment.starts_with(mark)));
            parsed.examples.push(Example {
                line: number,
                command: command.to_string(),
                words,
                fails,
                scenario: open.scenario.clone(),
                indent: " ".repeat(open.indent),
                expected: Vec::new(),
                lines: index + 1..index + 1,
            });
            open_example = true;
        } else if text == "$" {
            return Err(format!("{number}: an empty command"));
        } else if open_example && let Some(last) = parsed.examples.last_mut() {
            last.expected.push(text.to_string());
        } else {
            return Err(format!(
                "{number}: output before any `$ ` command in a ```console block"
            ));
        }
    }
    if fence.is_some() {
        return Err("a code block is never closed".into());
    }
    if let Some((at, _)) = directive {
        return Err(format!("{at}: a directive with no code block after it"));
    }
    Ok(parsed)
}

/// The directive a line holds, if any.
fn read_directive(line: &str) -> Option<Directive> {
    let inner = line
        .trim_end()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let (kind, value) = inner.split_once(':')?;
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match kind.trim() {
        "scenario" => Some(Directive::Scenario(value.to_string())),
        "file" => Some(Directive::File(value.to_string())),
        _ => None,
    }
}

/// The marker, its length and the info string of an opening code fence.
fn opening_fence(line: &str) -> Option<(char, usize, &str)> {
    let marker = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = line.chars().take_while(|c| *c == marker).count();
    (count >= 3).then(|| (marker, count, line[count..].trim()))
}

fn closing_fence(line: &str, marker: char, count: usize) -> bool {
    let length = line.chars().take_while(|c| *c == marker).count();
    length >= count && line[length..].trim().is_empty()
}

/// A line of an indented block without the block's indentation.
fn strip_indent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

/// Words of a command line, with double and single quotes, and the comment
/// that ends it if any. What a shell would do and this test would not (pipes,
/// redirections, several commands, variables, wildcards, `~`) is refused.
fn split(line: &str) -> Result<(Vec<String>, Option<String>), String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '#' if !in_word => {
                return Ok((words, Some(line[at + 1..].trim().to_string())));
            }
            '|' | '>' | '<' | ';' | '&' | '`' | '$' | '*' | '?' | '(' | ')' => {
                return Err(format!(
                    "`{c}` would be interpreted by a shell but not by this test: \
                     quote it, or use ctg's own options (-o FILE)"
                ));
            }
            '~' if !in_word => {
                return Err("a `~` that a shell would expand".into());
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some((_, '\'')) => break,
                        Some((_, c)) => word.push(c),
                        None => return Err("unterminated single quote".into()),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.next() {
                            Some((_, c @ ('"' | '\\' | '$' | '`'))) => word.push(c),
                            Some((_, c)) => {
                                word.push('\\');
                                word.push(c);
                            }
                            None => return Err("unterminated double quote".into()),
                        },
                        Some((_, '$' | '`')) => {
                            return Err(
                                "`$` or a backquote in double quotes would be expanded by a shell"
                                    .into(),
                            );
                        }
                        Some((_, c)) => word.push(c),
                        None => return Err("unterminated double quote".into()),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some((_, c)) => word.push(c),
                    None => return Err("a backslash at the end of the line".into()),
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok((words, None))
}

/// Whether output lines match the lines a page shows, where a line `...`
/// matches any number of lines.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == ELISION => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => {
            actual.first() == Some(&first.as_str()) && matches(rest, &actual[1..])
        }
    }
}

/// The page with the output of some commands replaced, each given as the
/// lines it occupies and the lines to put there (indentation included).
fn rewrite(page: &str, mut replacements: Vec<(Range<usize>, Vec<String>)>) -> String {
    let mut lines: Vec<String> = page.split('\n').map(str::to_string).collect();
    replacements.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, new) in replacements {
        lines.splice(range, new);
    }
    lines.join("\n")
}

/// Why a line cannot be written back into a code block, if it cannot: in a
/// console block, where it would read as a command or an elision, or in any
/// block, where it would close it.
fn unwritable(line: &str, console: bool) -> Option<&'static str> {
    if opening_fence(line.trim_start_matches(' ')).is_some() {
        Some("a line that begins with ``` or ~~~ would close the block")
    } else if console && (line.starts_with("$ ") || line == "$") {
        Some("a line that begins with `$ ` would read as a command")
    } else if console && line == ELISION {
        Some("a line `...` would read as an elision")
    } else {
        None
    }
}

/// A unified diff of what a page shows against the real lines (`source`
/// says where they come from), with a note when the two differ only in
/// characters nobody sees.
fn diff(expected: &[String], actual: &[&str], source: &str) -> String {
    let expected = lines_text(expected.iter().map(String::as_str));
    let actual = lines_text(actual.iter().copied());
    let mut text = TextDiff::from_lines(&expected, &actual)
        .unified_diff()
        .context_radius(3)
        .header("shown in the page", source)
        .to_string();
    let visible = |text: &str| {
        text.lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    if visible(&expected) == visible(&actual) {
        text.push_str(
            "(the lines differ only in spaces: non-breaking spaces, tabs, or spaces at the end)\n",
        );
        for (shown, printed) in expected.lines().zip(actual.lines()) {
            if shown != printed {
                text.push_str(&format!("  shown:   {shown:?}\n  printed: {printed:?}\n"));
            }
        }
    }
    text
}

fn lines_text<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines.map(|line| format!("{line}\n")).collect()
}

/// The folder a page's commands run in, and the date and language they see.
#[derive(Debug)]
pub struct Scenario {
    /// Kept alive for as long as the commands run.
    pub dir: tempfile::TempDir,
    /// `CTG_TODAY`, or none for a command that shows it rather than uses it.
    pub today: Option<&'static str>,
    /// `LANG` for ctg, or none for English.
    pub lang: Option<&'static str>,
}

impl Scenario {
    /// Runs one command in the scenario's folder, with its standard output
    /// and error output into one pipe, in the order they were written; gives
    /// the exit code and what was printed.
    pub fn run(&self, words: &[String]) -> (Option<i32>, String) {
        let (program, args) = words.split_first().expect("a command has a word");
        let mut command = match program.as_str() {
            "ctg" => Command::new(env!("CARGO_BIN_EXE_ctg")),
            "git" | "sh" => Command::new(program),
            other => panic!(
                "`{other}` cannot be run by this test: only ctg, git and sh can; \
                 put commands that cannot be run in a ```sh block"
            ),
        };
        for var in REMOVED {
            command.env_remove(var);
        }
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("PATH", path_with_ctg());
        if let Some(today) = self.today {
            command.env("CTG_TODAY", today);
        }
        if let Some(lang) = self.lang {
            command.env("LANG", lang);
        }
        if program == "git" {
            // git in English wherever the tests run: its translations depend
            // on the machine.
            command.env("LANG", "C");
        }
        git_environment(&mut command, self.today.unwrap_or(TODAY));
        let (mut reader, writer) = std::io::pipe().expect("a pipe");
        command
            .stdin(Stdio::null())
            .stdout(writer.try_clone().expect("a pipe"))
            .stderr(writer);
        let mut child = command
            .spawn()
            .unwrap_or_else(|error| panic!("cannot run {program}: {error}"));
        // The command holds the writing ends: reading stops only once they
        // are closed here and in the child.
        drop(command);
        let mut output = Vec::new();
        reader.read_to_end(&mut output).expect("the pipe is read");
        let status = child.wait().expect("the command ends");
        (status.code(), String::from_utf8_lossy(&output).into_owned())
    }

    /// Runs a command that prepares a scenario, and insists that it succeeds.
    pub fn prepare(&self, words: &[&str]) {
        let words: Vec<String> = words.iter().map(|word| word.to_string()).collect();
        let (code, output) = self.run(&words);
        assert_eq!(code, Some(0), "{words:?}: {output}");
    }
}

/// A fixed identity and date for every commit, so that commit ids printed
/// in the pages are the same on every machine, and no configuration but the
/// test's: no user or system file, no background maintenance, nothing that
/// waits for a person.
fn git_environment(command: &mut Command, today: &str) {
    let date = format!("{today}T09:00:00+01:00");
    command
        .env("GIT_AUTHOR_NAME", "Camille Martin")
        .env("GIT_AUTHOR_EMAIL", "camille.martin@example.org")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_NAME", "Camille Martin")
        .env("GIT_COMMITTER_EMAIL", "camille.martin@example.org")
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        // Never wait for a person: no editor, no pager, no password prompt.
        .env("GIT_EDITOR", "true")
        .env("GIT_PAGER", "cat")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_COUNT", "3")
        .env("GIT_CONFIG_KEY_0", "gc.auto")
        .env("GIT_CONFIG_VALUE_0", "0")
        .env("GIT_CONFIG_KEY_1", "maintenance.auto")
        .env("GIT_CONFIG_VALUE_1", "false")
        .env("GIT_CONFIG_KEY_2", "init.defaultBranch")
        .env("GIT_CONFIG_VALUE_2", "main");
}

/// The folder of the `ctg` under test, first in `PATH`, so that scripts a
/// page runs (`sh examples/annual-report.sh`) find it as `ctg`.
fn path_with_ctg() -> std::ffi::OsString {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_ctg"));
    let mut folders = vec![binary.parent().unwrap().to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).unwrap()
}

/// The date of the examples of README.md and of the reference pages.
const TODAY: &str = "2026-11-28";

/// The scenarios a block can name, and what each starts from.
const SCENARIOS: [(&str, &str); 7] = [
    (
        "repository",
        "the bundled plan in plan/, with examples/ and tests/fixtures/ beside it, \
         as at the root of the repository; 28 November 2026; English",
    ),
    (
        "no-date",
        "the same as repository without CTG_TODAY, for --help, which shows the \
         variable's value; nothing that depends on the date",
    ),
    (
        "guide",
        "the demo plan in a git repository tagged copil-2025 (docs/guide.md); \
         15 January 2026; French",
    ),
    (
        "guide-typos",
        "the guide's repository with action 2's status typed as \"en cours\" and \
         a date of completion given to its modality 2, still in progress",
    ),
    (
        "en-cours",
        "the bundled plan in plan/ with `status = \"en cours\"` typed as line 7 \
         of actions/01-relance-parentalite.toml; 28 November 2026; English",
    ),
    (
        "two-mistakes",
        "tests/fixtures/small in plan/, with action 3's id typed as 2 and \
         `territory` as `territoire` in ctg.toml; 28 November 2026; English",
    ),
    (
        "history",
        "a git repository holding tests/fixtures/small in plan/, tagged copil-2024, \
         then edited and tagged copil-2025 (see history()); 30 June 2025; English",
    ),
];

fn scenario(name: &str) -> Result<Scenario, String> {
    match name {
        "repository" => Ok(repository(Some(TODAY))),
        "no-date" => Ok(repository(None)),
        "guide" => Ok(crate::guide::scenario()),
        "guide-typos" => Ok(crate::guide::typos()),
        "en-cours" => {
            let scenario = bundled_plan();
            edit_file(
                &scenario
                    .dir
                    .path()
                    .join("plan/actions/01-relance-parentalite.toml"),
                "pilots = [\"CCVA\"]\n",
                "pilots = [\"CCVA\"]\nstatus = \"en cours\"\n",
            );
            Ok(scenario)
        }
        "two-mistakes" => {
            let scenario = empty(Some(TODAY), None);
            let plan = scenario.dir.path().join("plan");
            fs::rename(copy_plan(&fixture("small")).keep(), &plan).unwrap();
            edit_file(&plan.join("actions/03-offre.toml"), "id = 3\n", "id = 2\n");
            edit_file(&plan.join("ctg.toml"), "\nterritory =", "\nterritoire =");
            Ok(scenario)
        }
        "history" => Ok(history()),
        other => Err(format!(
            "unknown scenario `{other}`; the scenarios are:\n{}",
            SCENARIOS
                .iter()
                .map(|(name, what)| format!("  {name}: {what}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

/// An empty folder.
pub fn empty(today: Option<&'static str>, lang: Option<&'static str>) -> Scenario {
    Scenario {
        dir: tempfile::tempdir().unwrap(),
        today,
        lang,
    }
}

/// A copy of `from` (a folder of the repository) at `to` in the scenario.
pub fn copy_into(scenario: &Scenario, from: &str, to: &str) {
    let target = scenario.dir.path().join(to);
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    fs::rename(copy_plan(&repo().join(from)).keep(), target).unwrap();
}

fn edit_file(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn bundled_plan() -> Scenario {
    let scenario = empty(Some(TODAY), None);
    copy_into(&scenario, "plan", "plan");
    scenario
}

/// The repository's plan, examples and fixtures, so that commands written for
/// the root of the repository run as they are shown.
fn repository(today: Option<&'static str>) -> Scenario {
    let scenario = empty(today, None);
    for folder in ["plan", "examples", "tests/fixtures"] {
        copy_into(&scenario, folder, folder);
    }
    scenario
}

/// A year of a small plan in git: `tests/fixtures/small` committed and tagged
/// `copil-2024`, then on 30 June 2025 its action 2's due date moved, action 3
/// started, a modality of action 5 done, an action added and a comité
/// technique recorded, committed and tagged `copil-2025`.
fn history() -> Scenario {
    let scenario = empty(Some("2025-06-30"), None);
    fs::rename(
        copy_plan(&fixture("small")).keep(),
        scenario.dir.path().join("plan"),
    )
    .unwrap();
    scenario.prepare(&["git", "init", "-q"]);
    scenario.prepare(&["git", "add", "."]);
    scenario.prepare(&["git", "commit", "-q", "-m", "Plan adopté"]);
    scenario.prepare(&["git", "tag", "copil-2024"]);
    scenario.prepare(&["ctg", "set", "2", "--due", "2025-09-30"]);
    scenario.prepare(&[
        "ctg",
        "set",
        "3",
        "--status",
        "in-progress",
        "--note",
        "Lancement",
    ]);
    scenario.prepare(&["ctg", "set", "5.2", "--done", "2025-05-15"]);
    scenario.prepare(&[
        "ctg",
        "new",
        "--axis",
        "1",
        "--title",
        "Nouvelle action",
        "--pilot",
        "A",
    ]);
    fs::write(
        scenario
            .dir
            .path()
            .join("plan/meetings/2025-06-20-cotech.toml"),
        "body = \"cotech\"\ndate = 2025-06-20\ntitle = \"Comité technique d'été\"\n",
    )
    .unwrap();
    scenario.prepare(&["git", "add", "."]);
    scenario.prepare(&["git", "commit", "-q", "-m", "Une année"]);
    scenario.prepare(&["git", "tag", "copil-2025"]);
    scenario
}

/// Whether this run rewrites the pages rather than checking them.
fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|value| !value.is_empty() && value != "0")
}

/// Plays every example of a page (a path from the root of the repository)
/// and compares every copied file; gives what went wrong, each problem with
/// its line. When blessing, rewrites what differs instead of reporting it.
fn check_page(page: &str) -> Vec<String> {
    let path = repo().join(page);
    let text = fs::read_to_string(&path).unwrap_or_else(|error| panic!("{page}: {error}"));
    let default = if page == "docs/guide.md" {
        "guide"
    } else {
        "repository"
    };
    let parsed = match parse(&text, default) {
        Ok(parsed) => parsed,
        Err(error) => return vec![format!("{page}:{error}")],
    };
    let mut scenarios: BTreeMap<String, Scenario> = BTreeMap::new();
    let mut findings = Findings::default();
    for example in &parsed.examples {
        let here = format!("{page}:{}: `{}`", example.line, example.command);
        if !scenarios.contains_key(&example.scenario) {
            match scenario(&example.scenario) {
                Ok(built) => {
                    scenarios.insert(example.scenario.clone(), built);
                }
                Err(error) => {
                    findings.problems.push(format!("{here}: {error}"));
                    continue;
                }
            }
        }
        let (code, output) = scenarios[&example.scenario].run(&example.words);
        let actual: Vec<&str> = output.lines().collect();
        let code_is_right = match code {
            Some(code) if example.fails => FAILURE_CODES.contains(&code),
            Some(code) => code == 0,
            None => false,
        };
        if !code_is_right {
            let wanted = if example.fails {
                "1 or 2, as its comment says it fails on purpose"
            } else {
                "0 (end the line with `# fails on purpose` or `# échoue exprès` if it must fail)"
            };
            let code = code.map_or("a signal".to_string(), |code| code.to_string());
            findings.problems.push(format!(
                "{here} exited with {code}, expected {wanted}; it printed:\n{output}"
            ));
        }
        if !matches(&example.expected, &actual) {
            let block = Block {
                lines: &example.lines,
                indent: &example.indent,
                console: true,
            };
            findings.differ(
                &here,
                "the output differs from the page",
                &example.expected,
                &actual,
                block,
            );
        }
    }
    for copy in &parsed.copies {
        let here = format!("{page}:{}: the copy of {}", copy.line, copy.path);
        let file = match fs::read_to_string(repo().join(&copy.path)) {
            Ok(file) => file,
            Err(error) => {
                findings.problems.push(format!("{here}: {error}"));
                continue;
            }
        };
        let actual: Vec<&str> = file.lines().collect();
        if copy.shown != actual {
            let block = Block {
                lines: &copy.lines,
                indent: &copy.indent,
                console: false,
            };
            findings.differ(
                &here,
                "the block differs from the file",
                &copy.shown,
                &actual,
                block,
            );
        }
    }
    if !findings.replacements.is_empty() {
        let count = findings.replacements.len();
        fs::write(&path, rewrite(&text, findings.replacements))
            .unwrap_or_else(|error| panic!("{page}: {error}"));
        eprintln!("{page}: {count} block(s) rewritten");
    }
    findings.problems
}

/// The lines of a page a block's content occupies, its indentation, and
/// whether it is a console block.
struct Block<'a> {
    lines: &'a Range<usize>,
    indent: &'a str,
    console: bool,
}

/// What checking a page found: problems to report, and, when blessing, the
/// blocks to rewrite.
#[derive(Default)]
struct Findings {
    problems: Vec<String>,
    replacements: Vec<(Range<usize>, Vec<String>)>,
}

impl Findings {
    /// Lines of a page that differ from the real ones: reported with a diff,
    /// or, when blessing, to be rewritten.
    fn differ(&mut self, here: &str, what: &str, shown: &[String], actual: &[&str], block: Block) {
        if !blessing() {
            self.problems.push(format!(
                "{here}: {what} (to rewrite the page from the real one: \
                 {BLESS}=1 cargo test --locked --test cli docs)\n{}",
                diff(
                    shown,
                    actual,
                    if block.console {
                        "printed by the command"
                    } else {
                        "the file in the repository"
                    }
                )
            ));
            return;
        }
        if let Some((line, why)) = actual
            .iter()
            .find_map(|line| unwritable(line, block.console).map(|why| (line, why)))
        {
            self.problems.push(format!(
                "{here}: cannot be written into the page: {why}: {line:?}"
            ));
            return;
        }
        let new = actual
            .iter()
            .map(|line| {
                if line.is_empty() {
                    String::new()
                } else {
                    format!("{}{line}", block.indent)
                }
            })
            .collect();
        self.replacements.push((block.lines.clone(), new));
    }
}

fn assert_pages(pages: &[String]) {
    let problems: Vec<String> = pages.iter().flat_map(|page| check_page(page)).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s) in the documentation:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// The pages of `docs/`, as paths from the root of the repository.
fn docs_pages() -> Vec<String> {
    let mut pages: Vec<String> = fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn readme_shows_real_outputs() {
    assert_pages(&["README.md".to_string()]);
}

#[test]
fn guide_shows_real_outputs() {
    let guide = fs::read_to_string(repo().join("docs/guide.md")).unwrap();
    let count = parse(&guide, "guide").unwrap().examples.len();
    assert!(count >= 10, "only {count} command(s) in docs/guide.md");
    assert_pages(&["docs/guide.md".to_string()]);
}

#[test]
fn reference_pages_show_real_outputs() {
    let pages: Vec<String> = docs_pages()
        .into_iter()
        .filter(|page| page != "docs/guide.md")
        .collect();
    assert_pages(&pages);
}

/// CI runs the test command README.md gives to a newcomer; the two must not
/// part.
#[test]
fn readme_gives_the_set_up_commands_ci_runs() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let ci = fs::read_to_string(repo().join(".ci/run")).unwrap();
    for command in ["cargo run --release -- status", "cargo test --locked"] {
        assert!(
            readme.lines().any(|line| line.starts_with(command)),
            "README.md does not give `{command}` at the start of a line"
        );
    }
    assert!(
        ci.lines().any(|line| line == "cargo test --locked"),
        ".ci/run does not run the test command README.md gives"
    );
}

#[test]
fn every_scenario_is_listed_and_builds() {
    for (name, _) in SCENARIOS {
        let built = scenario(name).unwrap();
        assert!(
            built.dir.path().read_dir().unwrap().next().is_some(),
            "{name}"
        );
    }
    assert!(scenario("nowhere").unwrap_err().contains("two-mistakes"));
}

#[test]
fn command_lines_split_like_a_shell() {
    let words = |line: &str| split(line).unwrap();
    assert_eq!(
        words(r#"ctg log 2 "Réunion \"bilan\"" --status 'en cours'"#),
        (
            vec![
                "ctg".to_string(),
                "log".into(),
                "2".into(),
                "Réunion \"bilan\"".into(),
                "--status".into(),
                "en cours".into(),
            ],
            None
        )
    );
    assert_eq!(
        words("ctg set 3 --start 2026-09-01   # échoue exprès"),
        (
            vec![
                "ctg".to_string(),
                "set".into(),
                "3".into(),
                "--start".into(),
                "2026-09-01".into(),
            ],
            Some("échoue exprès".to_string())
        )
    );
    assert_eq!(words(r#"git commit -m "n° #3 > 2""#).0[3], "n° #3 > 2");
    assert_eq!(words("ctg log 1 n°#3").0[3], "n°#3");
    assert_eq!(words(r#"ctg log 1 """#).0[3], "");
    assert_eq!(words(r"ctg log 1 a\ b").0[3], "a b");
    for refused in [
        r#"ctg log 1 "sans fin"#,
        "ctg list --format ids | wc -l",
        "ctg status > tableau.txt",
        "ctg check && ctg status",
        "ctg schema $kind",
        r#"ctg log 1 "$HOME""#,
        "ctg --plan ~/plan status",
        "sh -c ls *.toml",
    ] {
        assert!(split(refused).is_err(), "{refused}");
    }
}

#[test]
fn console_blocks_give_commands_and_their_outputs() {
    let page = "\
Text.

```console
$ ctg status
Alertes (1)

$ ctg set 3 --start 2026-09-01 # échoue exprès
erreur
```

```sh
$ cd plan
```
$ git status

<!-- scenario: history -->
   ```console
   $ ctg diff copil-2024   # fails on purpose: no history
   ...
     indented

   ```
";
    let found = parse(page, "repository").unwrap().examples;
    assert_eq!(found.len(), 3);
    assert_eq!(
        found[0],
        Example {
            line: 4,
            command: "ctg status".into(),
            words: vec!["ctg".into(), "status".into()],
            fails: false,
            scenario: "repository".into(),
            indent: String::new(),
            expected: vec!["Alertes (1)".into(), String::new()],
            lines: 4..6,
        }
    );
    assert_eq!(
        (found[1].line, found[1].fails, &found[1].expected),
        (7, true, &vec!["erreur".to_string()])
    );
    assert_eq!(found[1].lines, 7..8);
    assert_eq!(
        (&found[2].scenario, found[2].fails, found[2].indent.as_str()),
        (&"history".to_string(), true, "   ")
    );
    assert_eq!(
        found[2].expected,
        ["...".to_string(), "  indented".into(), String::new()]
    );

    assert!(parse("```console\nAlertes\n```\n", "x").is_err());
    assert!(parse("```console\n$ ctg status\n", "x").is_err());
    assert!(parse("<!-- scenario: history -->\n```sh\n```\n", "x").is_err());
    assert!(parse("<!-- scenario: history -->\ntext\n```console\n```\n", "x").is_err());
    assert!(parse("````markdown\n```console\n$ ctg | x\n```\n````\n", "x").is_ok());
}

#[test]
fn an_elision_matches_any_number_of_lines() {
    let expected = |lines: &[&str]| {
        lines
            .iter()
            .map(|line| line.to_string())
            .collect::<Vec<_>>()
    };
    assert!(matches(&expected(&["a", "b"]), &["a", "b"]));
    assert!(!matches(&expected(&["a", "b"]), &["a", "b", "c"]));
    assert!(!matches(&expected(&["a"]), &["a "]));
    assert!(matches(
        &expected(&["a", "...", "d"]),
        &["a", "b", "c", "d"]
    ));
    assert!(matches(&expected(&["a", "...", "d"]), &["a", "d"]));
    assert!(!matches(&expected(&["a", "...", "d"]), &["a", "b", "c"]));
    assert!(matches(&expected(&["..."]), &[]));
    assert!(matches(&expected(&["...", "x", "..."]), &["a", "x", "b"]));
    assert!(matches(&expected(&[]), &[]));
}

#[test]
fn blessing_rewrites_only_the_outputs() {
    let page = "```console\n$ ctg a\nold\n$ ctg b\nkept\n```\n";
    let found = parse(page, "x").unwrap().examples;
    let new = rewrite(
        page,
        vec![(found[0].lines.clone(), vec!["new 1".into(), "new 2".into()])],
    );
    assert_eq!(
        new,
        "```console\n$ ctg a\nnew 1\nnew 2\n$ ctg b\nkept\n```\n"
    );
    let emptied = rewrite(page, vec![(found[1].lines.clone(), Vec::new())]);
    assert_eq!(emptied, "```console\n$ ctg a\nold\n$ ctg b\n```\n");
    assert!(unwritable("$ ls", true).is_some());
    assert!(unwritable("$ ls", false).is_none());
    assert!(unwritable("```", false).is_some());
    assert!(unwritable("  ~~~", true).is_some());
    assert!(unwritable("...", true).is_some());
    assert!(unwritable("...", false).is_none());
    assert!(unwritable("  ... and more", true).is_none());
}

#[test]
fn a_difference_in_spaces_is_named() {
    let shown = vec!["Avancement : 0 %".to_string()];
    let text = diff(&shown, &["Avancement : 0\u{a0}%"], "printed");
    assert!(text.contains("-Avancement : 0 %"), "{text}");
    assert!(text.contains("differ only in spaces"), "{text}");
    assert!(text.contains(r"0\u{a0}%"), "{text}");
}
