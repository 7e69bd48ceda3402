//! Hostile input: every invalid document of the TOML conformance suite, and
//! pathological shapes, must be refused cleanly, never with a panic.

use std::fs;

use crate::support::{copy_plan, ctg, fixture, repo};

#[test]
fn every_invalid_toml_document_is_refused_with_its_file_named() {
    let plan = copy_plan(&fixture("small"));
    let corpus = repo().join("tests/data/toml-invalid");
    let mut names = Vec::new();
    for entry in fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".toml") {
            continue;
        }
        fs::copy(&path, plan.path().join("actions").join(&name)).unwrap();
        names.push(name);
    }
    assert!(
        names.len() > 400,
        "the corpus is missing: {}",
        corpus.display()
    );
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["status", "--lang", "en", "--today", "2025-06-30"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let unnamed: Vec<&String> = names
        .iter()
        .filter(|name| !stderr.contains(&format!("actions/{name}")))
        .collect();
    assert!(unnamed.is_empty(), "accepted or not named: {unnamed:?}");
}

#[test]
fn pathological_nesting_and_long_strings_do_not_crash() {
    let plan = copy_plan(&fixture("small"));
    let deep_arrays = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let deep_tables = format!("y = {}{}\n", "{a=".repeat(50_000), "}".repeat(50_000));
    let long = format!("id = 9\naxis = 1\ntitle = \"{}\"\n", "é".repeat(400_000));
    fs::write(plan.path().join("actions/90-arrays.toml"), deep_arrays).unwrap();
    fs::write(plan.path().join("actions/91-tables.toml"), deep_tables).unwrap();
    fs::write(plan.path().join("actions/92-long.toml"), long).unwrap();
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["status", "--lang", "en", "--today", "2025-06-30"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("actions/90-arrays.toml"), "{stderr}");
    assert!(stderr.contains("actions/91-tables.toml"), "{stderr}");
}
