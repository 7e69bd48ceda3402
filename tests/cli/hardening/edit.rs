//! Edits: nothing written through a link out of the plan (item 2), no
//! edit into a plan with a file that cannot be read (4), no panic on a year
//! TOML cannot write (7), comments and line ends kept (8), nothing left
//! behind and no right to write needed by a dry run (9), clear words when
//! the action or the plan is broken (10).

use std::fs;
use std::path::Path;

use super::{mkfifo, run_in, snapshot, stderr, symlink};
use crate::support::{bundled_plan, copy_plan};

const ACTION_1: &str = "actions/01-relance-parentalite.toml";

#[test]
fn a_named_pipe_as_the_lock_fails_the_edit_at_once() {
    let plan = copy_plan(&bundled_plan());
    if !mkfifo(&plan.path().join(".ctg.lock")) {
        return;
    }
    let before = snapshot(plan.path());
    let output = run_in(plan.path(), &["log", "1", "x"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains(".ctg.lock"), "{}", stderr(&output));
    assert_eq!(snapshot(plan.path()), before);
}

#[test]
fn dates_beyond_four_digit_years_are_usage_errors_not_panics() {
    let plan = copy_plan(&bundled_plan());
    let before = snapshot(plan.path());
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh");
    let fresh = fresh.to_str().unwrap();
    for args in [
        &["set", "1", "--due", "+10000-01-01"][..],
        &["--today=+10000-01-01", "log", "1", "x"],
        &["log", "1", "x", "--date", "+10000-01-01"],
        &["set", "1.1", "--done", "+10000-01-01"],
        &["set", "1", "--start=-0001-01-01"],
        &[
            "new",
            "--axis",
            "1",
            "--title",
            "X",
            "--due",
            "+10000-01-01",
        ],
        &["--today", "+262143-12-31", "status"],
        &[
            "init",
            fresh,
            "--territory",
            "X",
            "--start",
            "+10000-01-01",
            "--end",
            "+10001-01-01",
        ],
    ] {
        let output = run_in(plan.path(), args);
        let text = stderr(&output);
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains("is not a date"), "{args:?}: {text}");
    }
    assert_eq!(snapshot(plan.path()), before);
    assert!(!Path::new(fresh).exists());
}

#[test]
fn a_folder_linked_outside_the_plan_is_neither_read_nor_written() {
    for folder in ["actions", "axes", "meetings"] {
        let plan = copy_plan(&bundled_plan());
        let outside = tempfile::tempdir().unwrap();
        let moved = outside.path().join(folder);
        fs::rename(plan.path().join(folder), &moved).unwrap();
        symlink(&moved, &plan.path().join(folder));
        let before = snapshot(outside.path());
        for args in [
            &["check"][..],
            &["log", "1", "x"],
            &["set", "1", "--status", "done"],
            &["new", "--axis", "1", "--title", "X"],
        ] {
            let output = run_in(plan.path(), args);
            let text = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{folder} {args:?}: {text}");
            assert!(
                text.contains("link-outside-plan"),
                "{folder} {args:?}: {text}"
            );
            assert!(
                text.contains(&format!("--> {folder}\n")),
                "{folder} {args:?}: {text}"
            );
        }
        assert_eq!(
            snapshot(outside.path()),
            before,
            "{folder}: written outside"
        );
    }
}

#[test]
fn a_lock_linked_elsewhere_is_not_followed() {
    let plan = copy_plan(&bundled_plan());
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("created-by-the-lock");
    symlink(&target, &plan.path().join(".ctg.lock"));
    let before = snapshot(plan.path());
    let output = run_in(plan.path(), &["log", "1", "x"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains(".ctg.lock"), "{}", stderr(&output));
    assert!(!target.exists(), "the lock's link was followed");
    assert_eq!(snapshot(plan.path()), before);
}

#[test]
fn an_action_linked_inside_the_plan_stays_a_link_when_edited() {
    let plan = copy_plan(&bundled_plan());
    let action = plan.path().join("actions/01-relance-parentalite.toml");
    fs::create_dir(plan.path().join("archive")).unwrap();
    let kept = plan.path().join("archive/01.toml");
    fs::rename(&action, &kept).unwrap();
    symlink("../archive/01.toml", &action);
    let output = run_in(plan.path(), &["log", "1", "Relinked"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&action)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&kept).unwrap().contains("Relinked"));
}

#[test]
fn edits_refuse_a_plan_with_an_unreadable_file() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("x.toml"),
        "id = 30\naxis = 1\ntitle = \"x\"\n",
    )
    .unwrap();
    type Damage<'a> = Box<dyn Fn(&Path) + 'a>;
    let damages: [(&str, Damage); 4] = [
        (
            "invalid-utf8",
            Box::new(|p: &Path| {
                fs::write(
                    p.join("actions/21-latin1.toml"),
                    b"id = 21\naxis = 1\ntitle = \"caf\xe9\"\n",
                )
                .unwrap()
            }),
        ),
        (
            "unreadable-file",
            Box::new(|p: &Path| {
                fs::write(
                    p.join("actions/21-big.toml"),
                    format!(
                        "id = 21\naxis = 1\ntitle = \"x\"\n# {}\n",
                        "x".repeat(1_100_000)
                    ),
                )
                .unwrap()
            }),
        ),
        (
            "link-outside-plan",
            Box::new(|p: &Path| {
                symlink(
                    outside.path().join("x.toml"),
                    &p.join("actions/21-link.toml"),
                )
            }),
        ),
        (
            "unreadable-file",
            Box::new(|p: &Path| assert!(mkfifo(&p.join("actions/21-pipe.toml")), "mkfifo")),
        ),
    ];
    for (code, damage) in &damages {
        let plan = copy_plan(&bundled_plan());
        damage(plan.path());
        let before = snapshot(plan.path());
        for args in [
            &["log", "1", "x"][..],
            &["set", "1", "--status", "done"],
            &["new", "--axis", "1", "--title", "Y"],
        ] {
            let output = run_in(plan.path(), args);
            let text = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{code} {args:?}: {text}");
            assert!(
                text.contains(&format!("error[{code}]")),
                "{code} {args:?}: {text}"
            );
            assert!(text.contains("actions/21-"), "{code} {args:?}: {text}");
        }
        assert_eq!(snapshot(plan.path()), before, "{code}: a file changed");
    }
}

#[test]
fn an_edit_leaves_no_lock_and_no_stale_temporary_file() {
    let plan = copy_plan(&bundled_plan());
    let stale = plan.path().join("actions/.ctg-Ab12Cd.tmp");
    fs::write(&stale, "half a file, its edit killed before the rename").unwrap();
    let output = run_in(plan.path(), &["log", "1", "x"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        !plan.path().join(".ctg.lock").exists(),
        "the lock stays in the plan"
    );
    assert!(!stale.exists(), "a stale temporary file stays");
}

#[test]
fn a_dry_run_needs_no_right_to_write() {
    let plan = copy_plan(&bundled_plan());
    // Even root cannot open a folder as the lock file.
    fs::create_dir(plan.path().join(".ctg.lock")).unwrap();
    let output = run_in(plan.path(), &["log", "1", "x", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    fs::remove_dir(plan.path().join(".ctg.lock")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let read_only = |mode| {
            for dir in ["", "actions", "axes", "meetings"] {
                fs::set_permissions(plan.path().join(dir), fs::Permissions::from_mode(mode))
                    .unwrap();
            }
        };
        read_only(0o555);
        if fs::write(plan.path().join("probe"), "").is_ok() {
            eprintln!("skipped: permissions do not bind this user");
        } else {
            let output = run_in(plan.path(), &["set", "1", "--status", "done", "--dry-run"]);
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        }
        read_only(0o755);
    }
}

// 8. Comments, line ends, sections.

fn edit_action_1(text: &str, args: &[&str]) -> String {
    let plan = copy_plan(&bundled_plan());
    let file = plan.path().join(ACTION_1);
    fs::write(&file, text).unwrap();
    let output = run_in(plan.path(), args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    fs::read_to_string(&file).unwrap()
}

const HEAD: &str = "id = 1\naxis = 1\ntitle = \"Relancer\"\n";

#[test]
fn removing_a_pilot_keeps_the_comments_of_the_others() {
    let text = format!(
        "{HEAD}pilots = [\n  \"CCVA\",     # porte l'action\n  # en appui\n  \"EPE\",      # écoute\n  \"Communes\", # relais\n]\n"
    );
    let after = edit_action_1(&text, &["set", "1", "--remove-pilot", "EPE"]);
    assert_eq!(
        after,
        format!(
            "{HEAD}pilots = [\n  \"CCVA\",     # porte l'action\n  \"Communes\", # relais\n]\n"
        )
    );
}

#[test]
fn mixed_line_ends_are_each_kept() {
    let text = "id = 1\r\naxis = 1\ntitle = \"Relancer\"\r\npilots = [\"CCVA\"]\n\n[[modalities]]\r\ntext = \"Bilan\"\n";
    let after = edit_action_1(text, &["log", "1", "Point d'étape"]);
    assert!(after.starts_with("id = 1\r\naxis = 1\ntitle = \"Relancer\"\r\npilots = [\"CCVA\"]\n\n[[modalities]]\r\ntext = \"Bilan\"\n"), "{after:?}");
    assert!(after.contains("Point d'étape"), "{after:?}");
}

#[test]
fn removing_a_pilot_removes_its_role_from_a_roles_section() {
    let text = format!(
        "{HEAD}pilots = [\"CCVA\", \"EPE\"]\n\n[roles]  # qui fait quoi\nCCVA = \"coordination\"\nEPE = \"animation\"  # à confirmer\n"
    );
    let after = edit_action_1(&text, &["set", "1", "--remove-pilot", "CCVA"]);
    assert_eq!(
        after,
        format!(
            "{HEAD}pilots = [\"EPE\"]\n\n[roles]  # qui fait quoi\nEPE = \"animation\"  # à confirmer\n"
        )
    );
}

// 10. Clear words.

#[test]
fn an_inline_list_of_modalities_is_edited_in_place() {
    let text = format!(
        "{HEAD}pilots = [\"CCVA\"]\nmodalities = [\n  {{ text = \"Bilan\" }},\n  {{ text = \"Valorisation\" }},\n]\n"
    );
    let after = edit_action_1(&text, &["set", "1.2", "--done", "2026-06-01"]);
    assert!(
        after.contains("{ text = \"Valorisation\", status = \"done\", done = 2026-06-01 }"),
        "{after}"
    );
    assert!(after.contains("{ text = \"Bilan\" }"), "{after}");
}

#[test]
fn an_action_in_a_broken_file_is_said_broken_not_missing() {
    let plan = copy_plan(&bundled_plan());
    let file = plan
        .path()
        .join("actions/03-thematiques-petite-enfance.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replacen("title = ", "title = = ", 1);
    fs::write(&file, text).unwrap();
    for args in [&["log", "3", "x"][..], &["set", "3", "--status", "done"]] {
        let output = run_in(plan.path(), args);
        let told = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {told}");
        assert!(told.contains("error[toml-syntax]"), "{args:?}: {told}");
        assert!(
            told.contains("actions/03-thematiques-petite-enfance.toml"),
            "{args:?}: {told}"
        );
        assert!(!told.contains("no action 3"), "{args:?}: {told}");
    }
}

#[test]
fn an_edit_in_a_folder_without_ctg_toml_says_so_and_leaves_nothing() {
    let plan = copy_plan(&bundled_plan());
    fs::remove_file(plan.path().join("ctg.toml")).unwrap();
    let before = snapshot(plan.path());
    for args in [&["log", "2", "x"][..], &["set", "2", "--status", "done"]] {
        let output = run_in(plan.path(), args);
        let told = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {told}");
        assert!(
            told.contains("error[missing-convention]"),
            "{args:?}: {told}"
        );
        assert!(!told.contains("no action 2"), "{args:?}: {told}");
        assert_eq!(snapshot(plan.path()), before, "{args:?}: left a file");
    }
}

#[test]
fn a_long_one_word_title_gives_a_short_file_name() {
    let plan = copy_plan(&bundled_plan());
    let title = "Anticonstitutionnellement".repeat(12);
    let output = run_in(plan.path(), &["new", "--axis", "1", "--title", &title]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let names: Vec<String> = fs::read_dir(plan.path().join("actions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("21-"))
        .collect();
    assert_eq!(names, [format!("21-{}.toml", &title.to_lowercase()[..40])]);
}
