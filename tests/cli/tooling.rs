//! The tool in its users' world: language choice, init, JSON Schemas,
//! completions, man page, -o, --quiet, the CI example.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{bundled_plan, copy_plan, ctg, fixture, repo, stdout_of};

#[test]
fn language_from_flag_then_each_variable_then_english() {
    let run = |vars: &[(&str, &str)], args: &[&str]| {
        let mut command = ctg();
        command
            .arg("--plan")
            .arg(fixture("small"))
            .args(["--today", "2025-06-30", "status"]);
        for (key, value) in vars {
            command.env(key, value);
        }
        let out = stdout_of(command.args(args));
        if out.contains("Avancement") {
            "fr"
        } else {
            "en"
        }
    };
    assert_eq!(run(&[], &[]), "en", "no locale: English");
    assert_eq!(run(&[("LANG", "fr_FR.UTF-8")], &[]), "fr");
    assert_eq!(
        run(&[("LC_MESSAGES", "fr_BE"), ("LANG", "en_GB")], &[]),
        "fr"
    );
    assert_eq!(
        run(&[("LC_ALL", "fr_CA.UTF-8"), ("LANG", "en_US")], &[]),
        "fr"
    );
    assert_eq!(
        run(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], &[]),
        "en",
        "LC_ALL wins"
    );
    assert_eq!(
        run(&[("LC_ALL", "fr_FR.UTF-8")], &["--lang", "en"]),
        "en",
        "the flag wins"
    );
}

/// `ctg --lang LANG init DIR` with a territory, a Caf and a period; its
/// confirmation.
fn init(lang: &str, plan: &Path) -> String {
    stdout_of(ctg().args(["--lang", lang, "init"]).arg(plan).args([
        "--territory",
        "Communauté de communes du \"Pays\" d'Exemple",
        "--caf",
        "Caf de l'Exemple",
        "--start",
        "2025-01-01",
        "--end",
        "2028-12-31",
    ]))
}

#[test]
fn init_writes_a_plan_that_check_accepts_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, created, valid) in [
        ("fr", "plan créé dans ", "plan valide : 1 axe, 1 action\n"),
        ("en", "plan created in ", "valid plan: 1 axis, 1 action\n"),
    ] {
        let plan = dir.path().join(lang);
        let out = init(lang, &plan);
        assert!(out.starts_with(created), "{out}");
        let check = stdout_of(ctg().arg("--plan").arg(&plan).args([
            "--today",
            "2025-06-30",
            "--lang",
            lang,
            "check",
            "--deny-warnings",
        ]));
        assert_eq!(check, valid);
    }
    let plan = dir.path().join("fr");
    let convention = fs::read_to_string(plan.join("ctg.toml")).unwrap();
    let parsed: toml::Table = convention.parse().unwrap();
    assert_eq!(
        parsed["territory"].as_str(),
        Some("Communauté de communes du \"Pays\" d'Exemple")
    );
    assert!(convention.contains("start = 2025-01-01\n"));
    assert!(!plan.join(".gitignore").exists());
    // A second init refuses and changes nothing.
    fs::write(
        plan.join("actions/01-exemple.toml"),
        "id = 1\naxis = 1\ntitle = \"Mienne\"\n",
    )
    .unwrap();
    let again = ctg()
        .args(["--lang", "en", "init"])
        .arg(&plan)
        .args(["--territory", "X"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a plan"));
    assert_eq!(
        fs::read_to_string(plan.join("actions/01-exemple.toml")).unwrap(),
        "id = 1\naxis = 1\ntitle = \"Mienne\"\n"
    );
    // Without dates, the period is left for later and the plan still checks.
    let bare = dir.path().join("bare");
    stdout_of(
        ctg()
            .arg("init")
            .arg(&bare)
            .args(["--territory", "CC d'Exemple"]),
    );
    stdout_of(ctg().arg("--plan").arg(&bare).args([
        "--today",
        "2025-06-30",
        "check",
        "--deny-warnings",
    ]));
}

/// The lines of a file written by init, as data: each line of TOML, and
/// each example commented out (`# due = …`, `# [[log]]`), without its
/// comment; a line of explanation becomes `#`. And apart, the explanations.
fn data_and_words(text: &str) -> (Vec<String>, String) {
    let mut data = Vec::new();
    let mut words = String::new();
    for line in text.lines() {
        let (code, comment) = match line.strip_prefix('#') {
            Some(rest) => {
                let rest = rest.trim_start();
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if rest.starts_with('[')
                    || (!key.is_empty() && rest[key.len()..].starts_with(" = "))
                {
                    let (code, comment) = rest.split_once(" #").unwrap_or((rest, ""));
                    (format!("# {}", code.trim_end()), comment)
                } else {
                    ("#".to_string(), rest)
                }
            }
            None => {
                let (code, comment) = line.split_once(" #").unwrap_or((line, ""));
                (code.trim_end().to_string(), comment)
            }
        };
        data.push(code);
        words.push_str(comment);
        words.push('\n');
    }
    (data, words)
}

#[test]
fn init_teaches_the_format_in_the_user_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let (french, english) = (dir.path().join("fr"), dir.path().join("en"));
    init("fr", &french);
    init("en", &english);
    // Without a Caf or dates, their lines are examples to fill in.
    let (bare_fr, bare_en) = (dir.path().join("bare-fr"), dir.path().join("bare-en"));
    for (lang, plan) in [("fr", &bare_fr), ("en", &bare_en)] {
        stdout_of(
            ctg()
                .args(["--lang", lang, "init"])
                .arg(plan)
                .args(["--territory", "CC"]),
        );
    }
    let files = [
        (&french, &english, "ctg.toml"),
        (&french, &english, "axes/1-exemple.toml"),
        (&french, &english, "actions/01-exemple.toml"),
        (&bare_fr, &bare_en, "ctg.toml"),
    ];
    for (french, english, file) in files {
        let fr = fs::read_to_string(french.join(file)).unwrap();
        let en = fs::read_to_string(english.join(file)).unwrap();
        // The same plan, the same keys and examples, line for line.
        assert_eq!(
            fr.parse::<toml::Table>().unwrap(),
            en.parse::<toml::Table>().unwrap()
        );
        let (fr_data, fr_words) = data_and_words(&fr);
        let (en_data, en_words) = data_and_words(&en);
        assert_eq!(fr_data, en_data, "{file}");
        // Only the explanations change, and each is in its language.
        for word in [
            " le ",
            " la ",
            " les ",
            " une ",
            " est ",
            "« ",
            "facultatif",
        ] {
            assert!(
                !en_words.contains(word),
                "{file}: {word:?} in English:\n{en_words}"
            );
        }
        for word in [" the ", " of ", " is ", " and ", "optional"] {
            assert!(
                !fr_words.contains(word),
                "{file}: {word:?} in French:\n{fr_words}"
            );
        }
        assert!(
            fr_words.contains(" de ") || fr_words.contains("l'"),
            "{file}:\n{fr_words}"
        );
        assert!(en_words.contains(" the "), "{file}:\n{en_words}");
    }
}

/// TOML as the JSON an editor validates against the schema: dates as strings.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

fn validator(kind: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&stdout_of(ctg().args(["schema", kind]))).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn document(text: &str) -> Value {
    toml_to_json(toml::Value::Table(text.parse().unwrap()))
}

#[test]
fn the_schemas_accept_every_file_of_the_real_and_demo_plans() {
    let kinds = [
        ("convention", ""),
        ("axis", "axes"),
        ("action", "actions"),
        ("meeting", "meetings"),
    ];
    for plan in [
        bundled_plan(),
        repo().join("examples/demo"),
        fixture("small"),
    ] {
        for (kind, folder) in kinds {
            let validator = validator(kind);
            let files: Vec<std::path::PathBuf> = if folder.is_empty() {
                vec![plan.join("ctg.toml")]
            } else {
                fs::read_dir(plan.join(folder))
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect()
            };
            for file in files {
                let json = document(&fs::read_to_string(&file).unwrap());
                let errors: Vec<String> = validator
                    .iter_errors(&json)
                    .map(|e| e.to_string())
                    .collect();
                assert!(errors.is_empty(), "{}: {errors:?}", file.display());
            }
        }
    }
}

#[test]
fn the_schemas_reject_what_check_rejects() {
    let action = validator("action");
    let valid = "id = 1\naxis = 1\ntitle = \"Action\"\n";
    assert!(action.is_valid(&document(valid)));
    for broken in [
        "id = 1\naxis = 1\ntitel = \"Action\"\n",
        "id = 1\naxis = 1\ntitle = \"Action\"\nstatus = \"en cours\"\n",
        "id = 0\naxis = 1\ntitle = \"Action\"\n",
        "id = 1\naxis = 1\ntitle = \"Action\"\n[[log]]\nnote = \"sans date\"\n",
        "id = 1\naxis = 1\ntitle = \"Action\"\n[[indicators]]\nname = \"n\"\nvalues = { 24 = 1 }\n",
    ] {
        assert!(!action.is_valid(&document(broken)), "accepted: {broken}");
    }
    let convention = validator("convention");
    assert!(!convention.is_valid(&document(
        "schema = 1\nname = \"n\"\nterritory = \"t\"\n[bodies.copil]\nname = \"c\"\n"
    )));
}

#[test]
fn the_schema_speaks_the_user_s_language() {
    let schema = |args: &[&str]| -> Value {
        serde_json::from_str(&stdout_of(ctg().args(args).args(["schema", "action"]))).unwrap()
    };
    let french = schema(&["--lang", "fr"]);
    assert_eq!(french["title"], "Fiche-action (actions/NN-nom.toml)");
    assert_eq!(french["properties"]["due"]["description"], "Échéance.");
    let english = schema(&["--lang", "en"]);
    assert_eq!(english["title"], "Action sheet (actions/NN-name.toml)");
    assert_eq!(english["properties"]["due"]["description"], "Due date.");
    assert_eq!(
        english["properties"]["log"]["items"]["properties"]["note"]["description"],
        "What happened."
    );
    let from_locale = stdout_of(ctg().env("LANG", "fr_FR.UTF-8").args(["schema", "action"]));
    assert_eq!(serde_json::from_str::<Value>(&from_locale).unwrap(), french);
}

#[test]
fn completions_for_each_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(ctg().args(["completions", shell]));
        assert!(
            script.contains("portfolio") && script.contains("ctg"),
            "{shell}"
        );
    }
    let man = stdout_of(ctg().arg("man"));
    assert!(man.contains(".TH ctg 1"), "{man}");
    assert!(man.contains("portfolio"));
}

#[test]
fn output_to_a_file_and_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tableau.md");
    let small = fixture("small");
    let args = [
        "--plan",
        small.to_str().unwrap(),
        "--today",
        "2025-06-30",
        "--lang",
        "fr",
    ];
    let expected = stdout_of(ctg().args(args).args(["status", "--format", "md"]));
    let out = stdout_of(
        ctg()
            .args(args)
            .args(["status", "--format", "md", "-o"])
            .arg(&file),
    );
    assert_eq!(out, format!("écrit dans {}\n", file.display()));
    assert_eq!(fs::read_to_string(&file).unwrap(), expected);
    // Colours never reach a file.
    let colours = dir.path().join("couleurs.txt");
    stdout_of(
        ctg()
            .args(args)
            .args(["--color", "always", "status", "-o"])
            .arg(&colours),
    );
    assert!(!fs::read_to_string(&colours).unwrap().contains('\u{1b}'));
    // --quiet silences confirmations, not answers.
    let plan = copy_plan(&fixture("small"));
    let quiet = |extra: &[&str]| {
        stdout_of(
            ctg()
                .arg("--plan")
                .arg(plan.path())
                .args(["--today", "2025-06-30", "-q"])
                .args(extra),
        )
    };
    assert_eq!(quiet(&["log", "2", "Réunion"]), "");
    assert_eq!(quiet(&["check"]), "");
    assert_eq!(
        quiet(&[
            "-o",
            dir.path().join("s.json").to_str().unwrap(),
            "status",
            "--format",
            "json"
        ]),
        ""
    );
    assert!(quiet(&["list", "--format", "ids"]).starts_with("1\n2\n"));
}

#[cfg(unix)]
#[test]
fn the_ci_example_runs_on_a_copy_of_a_plan() {
    let work = tempfile::tempdir().unwrap();
    fs::rename(
        copy_plan(&fixture("small")).keep(),
        work.path().join("plan"),
    )
    .unwrap();
    let bin = work.path().join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_ctg"), bin.join("ctg")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let yaml = fs::read_to_string(repo().join("examples/ci/ctg-check.yml")).unwrap();
    let steps: Vec<&str> = yaml
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run: "))
        .filter(|command| command.starts_with("ctg "))
        .collect();
    assert_eq!(steps.len(), 2, "{yaml}");
    // The job's environment, as the CI sets it: ctg's language.
    let lang = yaml
        .lines()
        .find_map(|line| line.trim().strip_prefix("LANG: "))
        .expect("the job sets LANG");
    let run = |dir: &Path| {
        steps
            .iter()
            .map(|step| {
                let output = std::process::Command::new("sh")
                    .args(["-c", step])
                    .current_dir(dir)
                    .env("PATH", &path)
                    .env("CTG_TODAY", "2025-06-30")
                    .env("LANG", lang)
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES")
                    .env_remove("CTG_PLAN")
                    .output()
                    .unwrap();
                let text = String::from_utf8_lossy(&output.stdout).into_owned()
                    + &String::from_utf8_lossy(&output.stderr);
                (output.status.success(), text)
            })
            .collect::<Vec<(bool, String)>>()
    };
    let passed = run(work.path());
    assert_eq!(
        passed,
        [
            (true, "écrit dans ctg-check.json\n".to_string()),
            (true, "plan valide : 2 axes, 5 actions\n".to_string())
        ]
    );
    let report: Value =
        serde_json::from_str(&fs::read_to_string(work.path().join("ctg-check.json")).unwrap())
            .unwrap();
    assert_eq!(report, Value::Array(Vec::new()));
    // A broken plan fails the job, and the log says why in French.
    fs::write(work.path().join("plan/actions/03-offre.toml"), "id = 3\n").unwrap();
    let (success, log) = &run(work.path())[0];
    assert!(!success);
    assert!(log.contains("la clé obligatoire `axis` manque"), "{log}");
}

#[test]
fn help_speaks_the_user_s_language() {
    let french = stdout_of(ctg().args(["--lang", "fr", "list", "--help"]));
    assert!(
        french.contains("Utilisation\u{a0}: ctg list [OPTIONS]"),
        "{french}"
    );
    assert!(
        french.contains("Seulement les actions sans pilote décidé"),
        "{french}"
    );
    assert!(french.contains("Options générales\u{a0}:"), "{french}");
    assert!(french.contains("--pilot <ACTEUR>"), "{french}");
    assert!(
        french.contains("Exemples :\n  ctg list --pilot CCVA --overdue"),
        "{french}"
    );
    let from_locale = stdout_of(ctg().env("LANG", "fr_FR.UTF-8").arg("--help"));
    assert!(
        from_locale.starts_with("Piloter une Convention Territoriale Globale"),
        "{from_locale}"
    );
    let english = stdout_of(
        ctg()
            .env("LANG", "fr_FR.UTF-8")
            .args(["--lang=en", "--help"]),
    );
    assert!(
        english.starts_with("Steer a Convention Territoriale Globale"),
        "{english}"
    );
    assert!(english.contains("Global options:"));
}
