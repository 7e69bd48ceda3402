//! `ctg set`, `ctg log`, `ctg new`: format-preserving, checked, atomic,
//! serialised writes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{copy_plan, ctg, repo};

const TODAY: &str = "2025-06-30";

fn edit_dir() -> PathBuf {
    repo().join("tests/edit")
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut files);
    }
    files
}

fn assert_valid(plan: &Path) {
    let check = ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", TODAY, "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{}: {stderr}", plan.display());
}

fn run_edit(plan: &Path, args: &[&str]) -> std::process::Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", TODAY, "--lang", "fr"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn every_case_gives_its_expected_tree() {
    let mut cases: Vec<PathBuf> = fs::read_dir(edit_dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let plan_name = fs::read_to_string(case.join("plan")).unwrap();
        let input = edit_dir().join("plans").join(plan_name.trim());
        let args = fs::read_to_string(case.join("args")).unwrap();
        let args: Vec<&str> = args.lines().collect();
        let plan = copy_plan(&input);
        let output = run_edit(plan.path(), &args);
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            fs::read_to_string(case.join("stdout")).unwrap(),
            "{name}: confirmation lines"
        );
        let mut expected = tree(&input);
        expected.extend(tree(&case.join("out")));
        let actual = tree(plan.path());
        assert!(
            !actual.contains_key(".ctg.lock"),
            "{name}: the lock file is left in the plan"
        );
        assert_eq!(
            actual.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{name}: files (no temporary file may be left)"
        );
        for (file, bytes) in &expected {
            assert!(
                actual[file] == *bytes,
                "{name}: {file} differs:\n--- expected\n{}\n--- actual\n{}",
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(&actual[file])
            );
        }
        // The edited plan is valid.
        assert_valid(plan.path());
    }
}

#[test]
fn an_edit_that_would_break_the_plan_writes_nothing() {
    let input = edit_dir().join("plans/windows");
    for args in [
        &["set", "1", "--start", "2026-01-01"][..],
        &["set", "1", "--add-pilot", "Z"],
        &["log", "1", "Plus tard", "--date", "2030-01-01"],
        &["new", "--axis", "9", "--title", "Sans axe"],
    ] {
        let plan = copy_plan(&input);
        let before = tree(plan.path());
        let output = run_edit(plan.path(), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("modification refusée"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("erreur["), "{args:?}: {stderr}");
        // Nothing changed, and no lock file is left.
        assert!(tree(plan.path()) == before, "{args:?}: a file changed");
    }
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let plan = copy_plan(&edit_dir().join("plans/commented"));
    let before = tree(plan.path());
    let output = run_edit(
        plan.path(),
        &["set", "1", "--status", "done", "--no-log", "--dry-run"],
    );
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "--- a/actions/01-ateliers.toml\n+++ b/actions/01-ateliers.toml\n\
         @@ -6,6 +6,7 @@\n \n pilots   = [\"A\"]          # alignement voulu\n due = 2025-12-31\n\
         +status = \"done\"\n \n [[modalities]]\n text = \"État des lieux\"   # à compléter\n\
         action 1 : statut à engager → réalisée\n\
         nouvel avertissement [done-with-open-modalities] actions/01-ateliers.toml : l'action est réalisée mais 2 modalités restent ouvertes\n\
         simulation : rien n'a été écrit\n"
    );
    assert!(tree(plan.path()) == before);
    let created = run_edit(
        plan.path(),
        &["new", "--axis", "1", "--title", "Nouvelle", "--dry-run"],
    );
    let stdout = String::from_utf8(created.stdout).unwrap();
    assert!(
        stdout.starts_with("--- /dev/null\n+++ b/actions/03-nouvelle.toml\n"),
        "{stdout}"
    );
    assert!(!plan.path().join("actions/03-nouvelle.toml").exists());
}

#[test]
fn twenty_concurrent_writers_leave_twenty_entries() {
    let plan = copy_plan(&edit_dir().join("plans/commented"));
    let children: Vec<_> = (0..20)
        .map(|n| {
            std::process::Command::new(env!("CARGO_BIN_EXE_ctg"))
                .arg("--plan")
                .arg(plan.path())
                .args(["--today", TODAY, "log", "2", &format!("Entrée numéro {n}")])
                .env_remove("CTG_PLAN")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = fs::read_to_string(plan.path().join("actions/02-ecoute.toml")).unwrap();
    assert_eq!(text.matches("[[log]]").count(), 21, "{text}");
    for n in 0..20 {
        assert!(
            text.contains(&format!("note = \"Entrée numéro {n}\"")),
            "entry {n} lost"
        );
    }
    assert_valid(plan.path());
}

#[test]
fn mistakes_on_the_command_line_say_what_to_do() {
    let plan = copy_plan(&edit_dir().join("plans/commented"));
    let cases: [(&[&str], i32, &str); 9] = [
        (&["set", "1"], 2, "rien à modifier"),
        (
            &["set", "1.9", "--status", "done"],
            1,
            "l'action 1 a 2 modalités : pas de modalité 9",
        ),
        (
            &["set", "1.1", "--due", "2025-01-01"],
            2,
            "seules --status, --done, --text, --add-pilot, --remove-pilot et --note",
        ),
        (
            &["set", "1", "--done", "2025-01-01"],
            2,
            "ctg set 1.N --done",
        ),
        (
            &["set", "1", "--remove-pilot", "B"],
            1,
            "B n'est pas pilote de l'action 1",
        ),
        (
            &["set", "99", "--status", "done"],
            1,
            "pas d'action 99 ; les actions sont 1–2",
        ),
        (
            &["set", "1.x", "--status", "done"],
            2,
            "écrivez 4 pour l'action 4, 4.2 pour sa modalité 2",
        ),
        (
            &[
                "set",
                "2",
                "--indicator",
                "3",
                "--year",
                "2025",
                "--value",
                "1",
            ],
            1,
            "pas d'indicateur 3",
        ),
        (&["log", "1", "  "], 2, "le texte est vide"),
    ];
    let before = tree(plan.path());
    for (args, code, message) in cases {
        let output = run_edit(plan.path(), args);
        assert_eq!(output.status.code(), Some(code), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    assert!(tree(plan.path()) == before);
}

#[test]
fn an_edit_can_repair_an_invalid_plan() {
    let plan = copy_plan(&edit_dir().join("plans/commented"));
    let path = plan.path().join("actions/02-ecoute.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("status = \"in-progress\" #", "status = \"en cours\" #"),
    )
    .unwrap();
    let output = run_edit(plan.path(), &["set", "2", "--status", "in-progress"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}
