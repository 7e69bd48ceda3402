//! `docs/guide.md`: every command the user guide tells people to type is run,
//! in the guide's order, on a throw-away repository holding the demo plan, so
//! that the guide cannot drift from the tool.
//!
//! The convention, also stated at the top of the guide:
//! - in a ```` ```console ```` block, a line that begins with `$ ` is a command
//!   (one line, no continuation); every other line is output and is not run;
//! - a command is split into words like a shell would with double and single
//!   quotes, and stops at `|`, `>` or `#` outside quotes;
//! - it must be `ctg`, `git` or `sh` (blocks that cannot be run, such as
//!   `cd` or `cargo install`, are written as ```` ```sh ```` blocks);
//! - it must exit 0, or exit 1 when it ends with the comment `# échoue exprès`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

use crate::support::{copy_plan, ctg, repo};

/// The comment that marks a command the guide shows failing on purpose.
const EXPECTED_FAILURE: &str = "échoue exprès";

/// The date every example of the guide was produced on.
const TODAY: &str = "2026-01-15";

/// Variables of whoever runs the tests that would change what the commands do.
const REMOVED: [&str; 13] = [
    "CTG_PLAN",
    "CTG_TODAY",
    "LC_ALL",
    "LC_MESSAGES",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
];

/// One command line of the guide.
#[derive(Debug)]
struct Line {
    /// Line number in `docs/guide.md`, from 1.
    number: usize,
    text: String,
    words: Vec<String>,
    fails: bool,
}

/// The `$ ` lines of the ```` ```console ```` blocks, in order.
fn command_lines(guide: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut in_console = false;
    let mut in_other = false;
    for (index, line) in guide.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            if in_console || in_other {
                in_console = false;
                in_other = false;
            } else if info.trim() == "console" {
                in_console = true;
            } else {
                in_other = true;
            }
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            let number = index + 1;
            let (words, comment) = split(command)
                .unwrap_or_else(|error| panic!("docs/guide.md:{number}: {error}: {command}"));
            assert!(
                !words.is_empty(),
                "docs/guide.md:{number}: an empty command"
            );
            lines.push(Line {
                number,
                text: command.to_string(),
                words,
                fails: comment.as_deref() == Some(EXPECTED_FAILURE),
            });
        }
    }
    lines
}

/// Words of a command line, with double and single quotes, and the comment
/// that ends it if any. Stops at `|`, `>` or `#` outside quotes.
fn split(line: &str) -> Result<(Vec<String>, Option<String>), String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut comment = None;
    let mut chars = line.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '|' | '>' => break,
            '#' => {
                comment = Some(line[at + 1..].trim().to_string());
                break;
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
    Ok((words, comment))
}

/// The folder of the `ctg` under test, put first in `PATH` so that scripts
/// the guide runs (`sh examples/annual-report.sh`) find it as `ctg`.
fn path_with_ctg() -> std::ffi::OsString {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_ctg"));
    let mut folders = vec![binary.parent().unwrap().to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).unwrap()
}

/// Runs one command of the guide in `dir`, as a member of staff would: the
/// guide's date, a French locale, a git identity, no plan named.
fn run(dir: &Path, words: &[String]) -> Output {
    let (program, args) = words.split_first().unwrap();
    let mut command = match program.as_str() {
        "ctg" => ctg(),
        "git" | "sh" => Command::from_std(std::process::Command::new(program)),
        other => panic!(
            "the guide runs `{other}`: only ctg, git and sh can be run by this test; \
             put commands that cannot be run in a ```sh block"
        ),
    };
    for var in REMOVED {
        command.env_remove(var);
    }
    command
        .args(args)
        .current_dir(dir)
        .env("CTG_TODAY", TODAY)
        .env("LANG", "fr_FR.UTF-8")
        .env("PATH", path_with_ctg())
        .env("GIT_AUTHOR_NAME", "Camille Martin")
        .env("GIT_AUTHOR_EMAIL", "camille.martin@example.org")
        .env("GIT_COMMITTER_NAME", "Camille Martin")
        .env("GIT_COMMITTER_EMAIL", "camille.martin@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap_or_else(|error| panic!("cannot run {program}: {error}"))
}

fn setup(dir: &Path, words: &[&str]) {
    let words: Vec<String> = words.iter().map(|word| word.to_string()).collect();
    let output = run(dir, &words);
    assert!(
        output.status.success(),
        "{words:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The repository the guide starts from: the demo plan in `plan/`, the
/// annual report script in `examples/`, `.ctg.lock` ignored, all committed and
/// tagged `copil-2025`.
fn repository() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    fs::rename(
        copy_plan(&repo().join("examples/demo")).keep(),
        dir.join("plan"),
    )
    .unwrap();
    fs::create_dir(dir.join("examples")).unwrap();
    fs::copy(
        repo().join("examples/annual-report.sh"),
        dir.join("examples/annual-report.sh"),
    )
    .unwrap();
    fs::write(dir.join(".gitignore"), ".ctg.lock\n").unwrap();
    setup(dir, &["git", "init", "-q", "-b", "main"]);
    setup(dir, &["git", "add", "."]);
    setup(
        dir,
        &[
            "git",
            "commit",
            "-q",
            "-m",
            "Plan présenté au comité de pilotage 2025",
        ],
    );
    setup(dir, &["git", "tag", "copil-2025"]);
    work
}

#[test]
fn every_command_of_the_guide_runs_in_order() {
    let guide = fs::read_to_string(repo().join("docs/guide.md")).unwrap();
    let lines = command_lines(&guide);
    assert!(
        lines.len() >= 10,
        "only {} command line(s) found in docs/guide.md",
        lines.len()
    );
    let work = repository();
    for line in &lines {
        let output = run(work.path(), &line.words);
        let expected = if line.fails { 1 } else { 0 };
        assert_eq!(
            output.status.code(),
            Some(expected),
            "docs/guide.md:{}: `{}`\n--- stdout\n{}\n--- stderr\n{}",
            line.number,
            line.text,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
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
            Some(EXPECTED_FAILURE.to_string())
        )
    );
    assert_eq!(
        words("ctg list --format ids | wc -l").0,
        ["ctg", "list", "--format", "ids"]
    );
    assert_eq!(words("ctg status > tableau.txt").0, ["ctg", "status"]);
    assert_eq!(words(r#"git commit -m "n° #3 > 2""#).0[3], "n° #3 > 2");
    assert_eq!(words(r#"ctg log 1 """#).0[3], "");
    assert!(split(r#"ctg log 1 "sans fin"#).is_err());

    let guide = "\
```console
$ ctg status
Alertes (1)
$ ctg set 3 --start 2026-09-01 # échoue exprès
```

```sh
$ cd plan
```
$ git status
";
    let lines = command_lines(guide);
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0].number, lines[0].fails), (2, false));
    assert_eq!((lines[1].number, lines[1].fails), (4, true));
}
