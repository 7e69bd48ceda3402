//! `examples/pre-commit`: a real git repository, a real commit.

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::support::{copy_plan, fixture, repo};

fn git(dir: &Path, args: &[&str]) -> Output {
    crate::support::git(dir)
        .args(args)
        .output()
        .expect("git is needed by this test")
}

fn commit(dir: &Path, message: &str) -> Output {
    git(dir, &["commit", "-q", "-m", message])
}

#[test]
fn the_hook_refuses_a_broken_staged_plan_and_only_that() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    assert!(git(dir, &["init", "-q"]).status.success());
    let plan = copy_plan(&fixture("small"));
    fs::rename(plan.path(), dir.join("plan")).unwrap();
    let hook = dir.join(".git/hooks/pre-commit");
    fs::copy(repo().join("examples/pre-commit"), &hook).unwrap();

    git(dir, &["add", "plan"]);
    let first = commit(dir, "plan");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );

    // A broken file, staged: the commit is refused and the file named.
    let action = dir.join("plan/actions/03-offre.toml");
    let good = fs::read_to_string(&action).unwrap();
    fs::write(&action, good.replace("axis = 2", "axis = 9")).unwrap();
    git(dir, &["add", "plan"]);
    let refused = commit(dir, "broken");
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("error[unknown-axis]"), "{stderr}");
    assert!(stderr.contains("actions/03-offre.toml:2:8"), "{stderr}");
    assert!(
        stderr.contains("pre-commit: the staged plan has errors;"),
        "{stderr}"
    );

    // The hook's own words follow the locale as ctg's do: the first
    // non-empty of LC_ALL, LC_MESSAGES, LANG.
    let locales: [(&[(&str, &str)], bool); 4] = [
        (&[("LANG", "fr_FR.UTF-8")], true),
        (&[("LC_MESSAGES", "fr_BE")], true),
        (&[("LC_ALL", "fr_CA"), ("LANG", "en_GB")], true),
        (&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], false),
    ];
    for (vars, in_french) in locales {
        let mut command = crate::support::git(dir);
        command.env_remove("LC_ALL").env_remove("LC_MESSAGES");
        for (var, value) in vars {
            command.env(var, value);
        }
        let output = command
            .args(["commit", "-q", "-m", "cassé"])
            .output()
            .unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        let (diagnostic, message) = if in_french {
            (
                "erreur[unknown-axis]",
                "pre-commit : le plan tel qu'il sera enregistré contient des erreurs ;",
            )
        } else {
            (
                "error[unknown-axis]",
                "pre-commit: the staged plan has errors;",
            )
        };
        assert!(stderr.contains(diagnostic), "{vars:?}: {stderr}");
        assert!(stderr.contains(message), "{vars:?}: {stderr}");
    }

    // The fix staged, a new breakage left unstaged: the staged plan is what counts.
    let retitled = good.replace("offre jeunesse", "offre jeunesse du territoire");
    fs::write(&action, retitled).unwrap();
    git(dir, &["add", "plan"]);
    fs::write(&action, "this is = = not toml").unwrap();
    let fixed = commit(dir, "fixed");
    assert!(
        fixed.status.success(),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
}
