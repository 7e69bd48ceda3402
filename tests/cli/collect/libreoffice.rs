//! Workbooks re-saved by LibreOffice, as xlsx and as ods, import as the
//! workbook that was filled. The re-saved fixtures are committed, so that
//! this test needs no LibreOffice; `CTG_BLESS=1` remakes them where
//! `soffice` is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::fill::{Sheet, Typed, fill, row_of};
use super::{IMPORTED, Setup, day};
use crate::support::fixture;

/// CCVA's workbook with an answer of every kind: a status and a note, a
/// due date, a modality done, an indicator's value.
fn filled(setup: &Setup) -> PathBuf {
    let path = setup.workbook("ccva");
    let row = row_of(&path, Sheet::Actions, "3");
    fill(&path, Sheet::Actions, 'G', row, Typed::Text("en cours"));
    fill(
        &path,
        Sheet::Actions,
        'H',
        row,
        Typed::Text("Ateliers « parents » : 3 séances"),
    );
    let row = row_of(&path, Sheet::Actions, "9");
    fill(
        &path,
        Sheet::Actions,
        'I',
        row,
        Typed::Date(day(2027, 6, 30)),
    );
    let row = row_of(&path, Sheet::Modalities, "1.2");
    fill(
        &path,
        Sheet::Modalities,
        'F',
        row,
        Typed::Date(day(2026, 10, 15)),
    );
    let row = row_of(&path, Sheet::Indicators, "2");
    fill(&path, Sheet::Indicators, 'G', row, Typed::Number(12.5));
    path
}

/// The plan's files after importing `workbook` into a fresh setup.
fn imported(workbook: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let setup = Setup::new();
    let copy = setup
        .dir
        .path()
        .join("envois")
        .join(workbook.file_name().unwrap());
    std::fs::copy(workbook, &copy).unwrap();
    let name = format!("envois/{}", copy.file_name().unwrap().to_string_lossy());
    setup.ctg_ok(IMPORTED, &["collect", "import", &name]);
    let root = setup.plan();
    setup
        .files()
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(&root).unwrap().to_path_buf(), bytes))
        .collect()
}

fn resaved(extension: &str) -> PathBuf {
    fixture(&format!("collect/suivi-ccva-libreoffice.{extension}"))
}

#[test]
fn workbooks_resaved_by_libreoffice_import_identically() {
    let setup = Setup::new();
    let original = filled(&setup);
    if std::env::var_os("CTG_BLESS").is_some() {
        bless(&original);
    }
    let expected = imported(&original);
    let changed = expected
        .iter()
        .filter(|(path, _)| path.starts_with("actions"))
        .count();
    assert!(changed > 0);
    for extension in ["xlsx", "ods"] {
        let resaved = resaved(extension);
        assert!(
            resaved.exists(),
            "{} missing: CTG_BLESS=1 with soffice",
            resaved.display()
        );
        assert_eq!(imported(&resaved), expected, "{extension}");
    }
}

/// Re-saves the filled workbook with LibreOffice as the committed fixtures.
fn bless(original: &Path) {
    let out = tempfile::tempdir().unwrap();
    for extension in ["xlsx", "ods"] {
        let status = Command::new("soffice")
            .args(["--headless", "--convert-to", extension, "--outdir"])
            .arg(out.path())
            .arg(original)
            .status()
            .expect("soffice, to remake the LibreOffice fixtures");
        assert!(status.success());
        let stem = original.file_stem().unwrap().to_string_lossy().to_string();
        let made = out.path().join(format!("{stem}.{extension}"));
        std::fs::copy(made, resaved(extension)).unwrap();
    }
}
