//! The shape of the code, kept by a test: no source file over 500 lines,
//! no function over 80 lines outside tests and data tables, no command
//! importing another command, and no cycle between the top modules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 500;
const MAX_FUNCTION_LINES: usize = 80;

/// Functions that are tables of data (the French help text), not logic.
const DATA_TABLES: [&str; 2] = ["help_fr.rs:argument", "examples.rs:examples"];

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    sources(&root, &mut found);
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            (name, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Functions longer than the limit: (name, first line, length). A function
/// ends at the first line that closes it at its own indentation.
fn long_functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let code_end = lines
        .iter()
        .position(|l| l.starts_with("#[cfg(test)]"))
        .unwrap_or(lines.len());
    let mut long = Vec::new();
    for (index, line) in lines[..code_end].iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let signature = ["fn ", "pub fn ", "pub(crate) fn ", "const fn "]
            .iter()
            .find_map(|start| trimmed.strip_prefix(start));
        let Some(signature) = signature else { continue };
        if trimmed.ends_with(';') {
            // A trait's method declared without a body.
            continue;
        }
        let name: String = signature
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let closing = format!("{indent}}}");
        if let Some(end) = lines[index + 1..code_end]
            .iter()
            .position(|l| *l == closing)
        {
            let length = end + 2;
            if length > MAX_FUNCTION_LINES {
                long.push((name, index + 1, length));
            }
        }
    }
    long
}

#[test]
fn no_file_and_no_function_is_too_long() {
    let mut problems = Vec::new();
    for (name, text) in all_sources() {
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("{name}: {lines} lines (at most {MAX_FILE_LINES})"));
        }
        for (function, line, length) in long_functions(&text) {
            let file = name.rsplit('/').next().unwrap_or(&name);
            if !DATA_TABLES.contains(&format!("{file}:{function}").as_str()) {
                problems.push(format!(
                    "{name}:{line}: fn {function} has {length} lines (at most {MAX_FUNCTION_LINES})"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_length_checker_sees_a_long_function() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES);
    let text = format!("fn short() {{\n}}\n\npub fn long() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&text),
        vec![("long".to_string(), 4, MAX_FUNCTION_LINES + 2)]
    );
}

/// The top module of each `crate::x` a file names.
/// The top modules a file names in its code (comments left out).
fn top_modules_used(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| {
            line.match_indices("crate::").map(|(at, _)| {
                line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
        })
        .filter(|name| !name.is_empty() && name.chars().next().unwrap().is_lowercase())
        .collect()
}

#[test]
fn no_command_imports_another() {
    let commands: Vec<(String, String)> = all_sources()
        .into_iter()
        .filter(|(name, _)| name.starts_with("commands/"))
        .collect();
    let command_names: BTreeSet<String> = commands
        .iter()
        .filter(|(name, _)| !name.ends_with("mod.rs") || name.matches('/').count() == 2)
        .map(|(name, _)| {
            let rest = &name["commands/".len()..];
            rest.split(['/', '.']).next().unwrap().to_string()
        })
        .filter(|name| name != "mod" && name != "words")
        .collect();
    let mut problems = Vec::new();
    for (name, text) in &commands {
        let own = name["commands/".len()..].split(['/', '.']).next().unwrap();
        for other in &command_names {
            if other != own && text.contains(&format!("crate::commands::{other}")) {
                problems.push(format!("{name} imports the command {other}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn top_modules_form_no_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, text) in all_sources() {
        let module = name.split(['/', '.']).next().unwrap().to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let used = top_modules_used(&text);
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|m| *m != module));
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let cycle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert!(cycle.is_none(), "modules depend on each other: {cycle:?}");
    }
}
