use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;

/// One error of each kind: a new variant must be added here, and so is
/// checked for its code, its documentation and its words.
fn samples() -> Vec<Error> {
    let mut all = plan_samples();
    all.extend(argument_samples());
    all
}

/// The errors of the plan, its files and its history.
fn plan_samples() -> Vec<Error> {
    let invalid = || {
        Box::new(Invalid {
            diagnostics: Vec::new(),
            sources: std::sync::Arc::new(SourceSet::empty()),
            revision: Some("copil-2024".into()),
        })
    };
    let dir = || PathBuf::from("plans/x");
    vec![
        Error::NoPlan { from: dir() },
        Error::PlanFolderMissing { dir: dir() },
        Error::PlanInvalid(invalid()),
        Error::EditRefused(invalid()),
        Error::EditWarned(invalid()),
        Error::ReadFailed {
            file: "ctg.toml".into(),
            detail: "denied".into(),
        },
        Error::FileSyntax {
            file: "ctg.toml".into(),
            detail: "expected `=`".into(),
        },
        Error::WriteFailed {
            path: dir(),
            detail: "denied".into(),
        },
        Error::FileExists {
            file: "actions/07-x.toml".into(),
        },
        Error::OutputFolderMissing {
            path: dir().join("missing/x.md"),
            dir: dir().join("missing"),
        },
        Error::OutputIsPlanFile {
            path: dir().join("ctg.toml"),
        },
        Error::NotAFolder { path: dir() },
        Error::PlanExists { dir: dir() },
        Error::NoSuchFolder { dir: dir() },
        Error::NotARepo { dir: dir() },
        Error::UnknownRevision { name: "v9".into() },
        Error::PlanNotAtRevision {
            revision: "v1".into(),
            folder: "plan".into(),
        },
        Error::Git {
            detail: "fatal".into(),
        },
    ]
}

/// The errors of what the command line asks for.
fn argument_samples() -> Vec<Error> {
    let day = |d| NaiveDate::from_ymd_opt(2025, 1, d).unwrap();
    vec![
        Error::NoSuchAction {
            id: 99,
            known: vec![1, 2, 3],
        },
        Error::NoSuchModality {
            action: 1,
            count: 2,
            number: 5,
        },
        Error::NoSuchIndicator {
            action: 1,
            count: 0,
            number: 1,
        },
        Error::NoSuchLogEntry {
            action: 1,
            count: 2,
            number: 3,
        },
        Error::JournalLayout,
        Error::ModalityRenumbers {
            action: 18,
            number: 2,
            count: 4,
        },
        Error::NotPilot {
            actor: "CCVA".into(),
            action: 1,
        },
        Error::NotPartner {
            actor: "CCVA".into(),
            action: 1,
        },
        Error::UnknownActor {
            name: "Caff".into(),
            known: vec!["Caf".into()],
        },
        Error::UnknownTheme {
            name: "Sport".into(),
            known: vec!["Jeunesse".into()],
        },
        Error::NotForAModality,
        Error::DoneNeedsModality {
            action: 3,
            option: "--done",
        },
        Error::NothingToChange,
        Error::EmptyText,
        Error::PeriodInverted {
            start: day(2),
            end: day(1),
        },
        Error::EmptyPeriod {
            from: day(2),
            to: day(1),
        },
        Error::UnusableYear { year: 400_000 },
        Error::UnknownExtension {
            path: "bilan.pdf".into(),
            accepted: vec!["md", "html"],
        },
        Error::XlsxNeedsFile,
        Error::Internal {
            detail: "oops".into(),
        },
    ]
}

#[test]
fn every_error_has_a_kebab_case_code_and_words_in_both_languages() {
    for error in samples() {
        let code = error.code();
        assert!(
            code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{code}"
        );
        for lang in [Lang::Fr, Lang::En] {
            let text = message(&error, lang);
            assert!(!text.trim().is_empty(), "{code} has no words");
            assert!(!text.contains('{'), "{code}: a placeholder is left: {text}");
            assert!(human(&error, lang).ends_with('\n'));
        }
    }
}

#[test]
fn every_code_is_documented() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.md"))
        .expect("docs/errors.md");
    for error in samples() {
        let code = error.code();
        assert!(
            doc.contains(&format!("| `{code}` |")),
            "{code} is not in docs/errors.md"
        );
        let usage = if error.exit_code() == 2 { "2" } else { "1" };
        assert!(
            doc.contains(&format!("| `{code}` | {usage} |")),
            "{code}: docs/errors.md gives another exit code than {usage}"
        );
    }
}

#[test]
fn mistakes_of_the_command_line_exit_2() {
    assert_eq!(Error::EmptyText.exit_code(), 2);
    assert_eq!(Error::NoPlan { from: ".".into() }.exit_code(), 1);
}

#[test]
fn no_plan_in_json_has_no_place_and_a_help() {
    let error = Error::NoPlan {
        from: PathBuf::from("/tmp/x"),
    };
    let document: serde_json::Value =
        serde_json::from_str(&json(&error, Lang::En, Shape::Document)).unwrap();
    assert_eq!(document["error"]["code"], "no-plan");
    assert_eq!(document["error"]["message"], "no plan found from /tmp/x");
    assert!(document["error"]["file"].is_null());
    assert!(
        document["error"]["help"]
            .as_str()
            .unwrap()
            .contains("--plan")
    );
    assert_eq!(document["diagnostics"], serde_json::json!([]));
    let check: serde_json::Value =
        serde_json::from_str(&json(&error, Lang::En, Shape::Diagnostics)).unwrap();
    let keys: Vec<&String> = check[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "severity", "code", "message", "file", "line", "column", "help"
        ]
    );
    assert_eq!(check[0]["severity"], "error");
}
