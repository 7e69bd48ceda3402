//! `ctg collect`: workbooks exported for the pilots, filled in as a
//! spreadsheet program would, and imported back through the edit engine.

mod fill;
mod hostile;
mod libreoffice;
mod states;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use crate::support::{bundled_plan, copy_dir, ctg_fr, ctg_fr_ok, git_ok};
use fill::{Sheet, Typed, fill, row_of};

pub const EXPORTED: &str = "2026-11-02";
pub const IMPORTED: &str = "2026-11-20";

/// A copy of the bundled plan in git, with an indicator on action 2, and
/// its workbooks exported in `envois/`.
pub struct Setup {
    pub dir: tempfile::TempDir,
}

impl Setup {
    pub fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan");
        copy_dir(&bundled_plan(), &plan);
        fs::create_dir(dir.path().join("envois")).unwrap();
        git_ok(dir.path(), &["init", "-q"]);
        ctg_fr_ok(
            &plan,
            "2026-01-15",
            &[
                "indicator",
                "add",
                "2",
                "--name",
                "Familles reçues",
                "--unit",
                "familles",
                "--target",
                "60",
            ],
        );
        git_ok(dir.path(), &["add", "-A"]);
        git_ok(dir.path(), &["commit", "-q", "-m", "plan"]);
        let setup = Setup { dir };
        let out = setup.ctg_ok(EXPORTED, &["-o", "envois", "collect", "export"]);
        assert!(
            out.contains("CCVA : envois/suivi-ccva-2026-11-02.xlsx (11 actions"),
            "{out}"
        );
        setup
    }

    pub fn plan(&self) -> PathBuf {
        self.dir.path().join("plan")
    }

    pub fn workbook(&self, actor: &str) -> PathBuf {
        self.dir
            .path()
            .join(format!("envois/suivi-{actor}-{EXPORTED}.xlsx"))
    }

    /// `ctg` in French in the setup's folder, on the plan.
    pub fn ctg(&self, today: &str, args: &[&str]) -> std::process::Output {
        crate::support::ctg()
            .current_dir(self.dir.path())
            .args(["--plan", "plan", "--today", today, "--lang", "fr"])
            .args(args)
            .output()
            .unwrap()
    }

    pub fn ctg_ok(&self, today: &str, args: &[&str]) -> String {
        let output = self.ctg(today, args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Every file of the plan, by name, as bytes.
    pub fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut folders = vec![self.plan()];
        while let Some(folder) = folders.pop() {
            for entry in fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.insert(path.clone(), fs::read(&path).unwrap());
                }
            }
        }
        files
    }

    /// Fills the five answers of the round trip: a status moved with a
    /// note, a new due date, a modality done, an indicator's value.
    pub fn fill_answers(&self) {
        let ccva = self.workbook("ccva");
        let row = row_of(&ccva, Sheet::Actions, "3");
        fill(&ccva, Sheet::Actions, 'G', row, Typed::Text("en cours"));
        let note = "Trois ateliers tenus en octobre";
        fill(&ccva, Sheet::Actions, 'H', row, Typed::Text(note));
        let row = row_of(&ccva, Sheet::Actions, "9");
        fill(
            &ccva,
            Sheet::Actions,
            'I',
            row,
            Typed::Date(day(2027, 6, 30)),
        );
        let communes = self.workbook("communes");
        let row = row_of(&communes, Sheet::Modalities, "10.1");
        fill(
            &communes,
            Sheet::Modalities,
            'F',
            row,
            Typed::Date(day(2026, 10, 15)),
        );
        let epe = self.workbook("epe");
        let row = row_of(&epe, Sheet::Indicators, "2");
        fill(&epe, Sheet::Indicators, 'G', row, Typed::Number(42.0));
    }

    pub fn answered(&self) -> Vec<String> {
        ["ccva", "communes", "epe"]
            .iter()
            .map(|actor| format!("envois/suivi-{actor}-{EXPORTED}.xlsx"))
            .collect()
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn action_file(plan: &Path, prefix: &str) -> toml::Table {
    let dir = plan.join("actions");
    let file = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    fs::read_to_string(file).unwrap().parse().unwrap()
}

#[test]
fn a_round_trip_lands_exactly_the_answers_and_twice_changes_nothing() {
    let setup = Setup::new();
    setup.fill_answers();
    let answered = setup.answered();
    let mut args = vec!["--width", "300", "collect", "import", "--dry-run"];
    args.extend(answered.iter().map(String::as_str));
    let before = setup.files();
    let dry = setup.ctg_ok(IMPORTED, &args);
    assert_eq!(setup.files(), before, "a dry run writes nothing");
    for expected in [
        "à engager → en cours",
        "30/06/2027",
        "modalité 1 réalisée le 15/10/2026",
        "2026 = 42",
        "rien n'a été écrit",
    ] {
        assert!(dry.contains(expected), "{expected} missing from:\n{dry}");
    }
    args.retain(|a| *a != "--dry-run");
    let real = setup.ctg_ok(IMPORTED, &args);
    assert!(!real.contains("simulation"), "{real}");

    let plan = setup.plan();
    let three = action_file(&plan, "03-");
    assert_eq!(three["status"].as_str(), Some("in-progress"));
    let entry = three["log"].as_array().unwrap().last().unwrap();
    assert_eq!(
        entry["note"].as_str(),
        Some("Trois ateliers tenus en octobre")
    );
    assert_eq!(entry["by"].as_str(), Some("CCVA"));
    assert_eq!(entry["date"].to_string(), "2026-11-20");
    assert_eq!(action_file(&plan, "09-")["due"].to_string(), "2027-06-30");
    let ten = action_file(&plan, "10-");
    let first = &ten["modalities"].as_array().unwrap()[0];
    assert_eq!(first["status"].as_str(), Some("done"));
    assert_eq!(first["done"].to_string(), "2026-10-15");
    let two = action_file(&plan, "02-");
    let indicator = &two["indicators"].as_array().unwrap()[0];
    assert_eq!(indicator["values"]["2026"].to_string(), "42");

    // `ctg diff` sees exactly those changes, in the words the import printed.
    let diff = setup.ctg_ok(IMPORTED, &["diff", "HEAD", "--format", "json"]);
    let diff: serde_json::Value = serde_json::from_str(&diff).unwrap();
    let changes = diff["changes"].as_array().unwrap();
    let mut actions: Vec<u64> = changes
        .iter()
        .filter_map(|c| c["action"].as_u64())
        .collect();
    actions.dedup();
    assert_eq!(actions, [2, 3, 9, 10], "{changes:#?}");
    for change in changes {
        let message = change["message"].as_str().unwrap();
        assert!(real.contains(message), "{message} not printed:\n{real}");
    }
    let changed: Vec<PathBuf> = setup
        .files()
        .into_iter()
        .filter(|(path, bytes)| before.get(path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    assert_eq!(changed.len(), 4, "{changed:?}");

    // Once more: nothing new, nothing written.
    let after = setup.files();
    let again = setup.ctg_ok("2026-11-27", &args);
    assert!(again.contains("Rien de nouveau"), "{again}");
    assert_eq!(setup.files(), after);

    let status = setup.ctg_ok(IMPORTED, &["collect", "status", "envois"]);
    for line in ["CCVA", "importé", "RPE", "en attente"] {
        assert!(status.contains(line), "{line}:\n{status}");
    }
}

#[test]
fn workbooks_are_french_forms_with_locked_cells_lists_and_real_dates() {
    let setup = Setup::new();
    let path = setup.workbook("ccva");
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(fs::read(&path).unwrap())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Mode d'emploi",
            "Actions",
            "Modalités",
            "Indicateurs",
            "ctg"
        ]
    );
    let guide = workbook.worksheet_range("Mode d'emploi").unwrap();
    assert!(shown(&guide).contains("remplissez seulement les cellules jaunes"));
    let actions = workbook.worksheet_range("Actions").unwrap();
    assert_eq!(
        actions.rows().next().unwrap()[6],
        Data::String("Nouveau statut".into())
    );
    let xml = sheet_xml(&path, 2);
    assert!(xml.contains("<sheetProtection"), "the sheet is protected");
    assert!(xml.contains("\"à engager,en cours,bloquée,reportée,réalisée,abandonnée\""));
    assert!(xml.contains("state=\"frozen\""));
    let meta = workbook.worksheet_range("ctg").unwrap();
    assert_eq!(meta.get_value((2, 1)), Some(&Data::String("CCVA".into())));
    // Due dates are dates, not text.
    let set = setup.ctg(EXPORTED, &["set", "9", "--due", "30/06/2027"]);
    assert!(set.status.success());
    setup.ctg_ok(
        EXPORTED,
        &[
            "-o", "envois", "collect", "export", "--actor", "CCVA", "--force",
        ],
    );
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(fs::read(&path).unwrap())).unwrap();
    let actions = workbook.worksheet_range("Actions").unwrap();
    let row = row_of(&path, Sheet::Actions, "9") - 1;
    let due = actions.get_value((row, 4)).unwrap();
    assert!(matches!(due, Data::DateTime(_)), "{due:?}");
}

#[test]
fn export_refuses_to_overwrite_and_names_unknown_actors() {
    let setup = Setup::new();
    let again = setup.ctg(EXPORTED, &["-o", "envois", "collect", "export"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("existe déjà"));
    let unknown = setup.ctg(
        EXPORTED,
        &["-o", "envois", "collect", "export", "--actor", "Mairie"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("CCVA"));
    let no_folder = ctg_fr(&setup.plan(), EXPORTED, &["collect", "export"]);
    assert_eq!(no_folder.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_folder.stderr).contains("-o DOSSIER"));
}

fn shown(range: &calamine::Range<Data>) -> String {
    range
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn sheet_xml(path: &Path, sheet: usize) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut entry = archive
        .by_name(&format!("xl/worksheets/sheet{sheet}.xml"))
        .unwrap();
    let mut xml = String::new();
    entry.read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn an_answer_given_twice_is_made_once() {
    let setup = Setup::new();
    // Both pilots of action 2 move it to the same status; the CCVA's
    // workbook is also given twice.
    for actor in ["ccva", "epe"] {
        let path = setup.workbook(actor);
        let row = row_of(&path, Sheet::Actions, "2");
        fill(&path, Sheet::Actions, 'G', row, Typed::Text("en cours"));
    }
    let ccva = format!("envois/suivi-ccva-{EXPORTED}.xlsx");
    let epe = format!("envois/suivi-epe-{EXPORTED}.xlsx");
    setup.ctg_ok(IMPORTED, &["collect", "import", &ccva, &epe, &ccva]);
    let two = action_file(&setup.plan(), "02-");
    let log = two["log"].as_array().unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(two["status"].as_str(), Some("in-progress"));
}
