//! The hostile corpus: every item gives its finding and exit code, and a
//! folder holding all of them still gives the valid fixtures' indicators.

mod common;

use barometre::corpus::{
    far_corner, million_rows, replace_services_cell, rewrite_zip, valid_xlsx, wide_row,
    SERVICES_XML,
};
use barometre::sample::Rng;
use common::*;
use std::path::{Path, PathBuf};

fn replace_cell(bytes: &[u8], reference: &str, new_cell: &str) -> Vec<u8> {
    replace_services_cell(bytes, reference, new_cell).unwrap()
}

/// An item: file name, bytes, expected finding code, expected exit code of `check`.
type Item = (String, Vec<u8>, &'static str, i32);

/// The corpus, built once for all the tests of this file.
fn corpus() -> &'static [Item] {
    static CORPUS: std::sync::OnceLock<Vec<Item>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(build_corpus)
}

fn build_corpus() -> Vec<Item> {
    let valid = valid_xlsx().unwrap();
    let mut rng = Rng::new(42);
    let random: Vec<u8> = (0..4096).map(|_| rng.below(256) as u8).collect();
    let zip_without_workbook = rewrite_zip(&valid, |name, content| {
        (!name.starts_with("xl/")).then_some(content)
    })
    .unwrap();
    let long_text = "x".repeat(32_767);
    let long_cells = replace_cell(
        &valid,
        "C3",
        &format!("<c r=\"C3\" t=\"inlineStr\"><is><t>{long_text}</t></is></c>"),
    );
    let cached_formula = replace_cell(&valid, "L2", "<c r=\"L2\"><f>400*2</f><v>800</v></c>");
    let merged = rewrite_zip(&valid, |name, content| {
        if name != SERVICES_XML {
            return Some(content);
        }
        let xml = String::from_utf8(content).unwrap();
        let mut out = xml.clone();
        for reference in ["B1", "C1"] {
            let start = out.find(&format!("<c r=\"{reference}\"")).unwrap();
            let end = start + out[start..].find("</c>").unwrap() + 4;
            out.replace_range(start..end, "");
        }
        Some(
            out.replace(
                "</sheetData>",
                "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>",
            )
            .into_bytes(),
        )
    })
    .unwrap();
    let hidden = rewrite_zip(&valid, |name, content| {
        if name != "xl/workbook.xml" {
            return Some(content);
        }
        Some(
            String::from_utf8(content)
                .unwrap()
                .replace(
                    "<sheet name=\"Services\"",
                    "<sheet name=\"Services\" state=\"hidden\"",
                )
                .into_bytes(),
        )
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let empty_sheets = dir.path().join("vides.xlsx");
    let grid: Vec<_> =
        barometre::commands::template::form_grid(&barometre::sample::worked_example())
            .into_iter()
            .map(|sheet| barometre::commands::template::GridSheet {
                rows: Vec::new(),
                ..sheet
            })
            .collect();
    barometre::commands::template::write_grid(&grid, &empty_sheets).unwrap();
    let committed = |name: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/corpus")
                .join(name),
        )
        .unwrap()
    };
    vec![
        ("vide.xlsx".into(), Vec::new(), "F001", 2),
        ("aleatoire.xlsx".into(), random.clone(), "F001", 2),
        ("aleatoire.xls".into(), random.clone(), "F001", 2),
        ("aleatoire.ods".into(), random, "F001", 2),
        (
            "tronque.xlsx".into(),
            valid[..valid.len() / 2].to_vec(),
            "F001",
            2,
        ),
        (
            "zip-sans-classeur.xlsx".into(),
            zip_without_workbook,
            "F001",
            2,
        ),
        (
            "texte.ods".into(),
            b"Ceci est un texte, pas un classeur OpenDocument.\n".to_vec(),
            "F001",
            2,
        ),
        ("chiffre.xlsx".into(), committed("chiffre.xlsx"), "F002", 2),
        ("chiffre.xls".into(), committed("chiffre.xls"), "F002", 2),
        ("bombe.xlsx".into(), committed("bombe.xlsx"), "F003", 2),
        // Found by tests/mutations.rs: calamine's .xls reader panics on it (isolated as F001).
        (
            "xls-panique-calamine.xls".into(),
            committed("xls-panique-calamine.xls"),
            "F001",
            2,
        ),
        (
            "million-de-lignes.xlsx".into(),
            million_rows().unwrap(),
            "F003",
            2,
        ),
        (
            "ligne-de-16384-colonnes.xlsx".into(),
            wide_row().unwrap(),
            "F003",
            2,
        ),
        (
            "coin-xfd1048576.xlsx".into(),
            far_corner().unwrap(),
            "F003",
            2,
        ),
        (
            "cellules-de-32767-caracteres.xlsx".into(),
            long_cells,
            "V001",
            1,
        ),
        ("formule-avec-valeur.xlsx".into(), cached_formula, "C003", 0),
        (
            "formule-sans-valeur.xlsx".into(),
            std::fs::read(fixtures().join("invalides/f004-formule-sans-valeur.xlsx")).unwrap(),
            "F004",
            1,
        ),
        ("cellules-fusionnees.xlsx".into(), merged, "S002", 1),
        ("services-masquee.xlsx".into(), hidden, "S006", 0),
        (
            "six-feuilles-vides.xlsx".into(),
            std::fs::read(&empty_sheets).unwrap(),
            "S002",
            1,
        ),
    ]
}

#[test]
fn every_corpus_item_gives_its_finding_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, code, exit) in corpus().iter().cloned() {
        let path = dir.path().join(&name);
        std::fs::write(&path, &bytes).unwrap();
        let started = std::time::Instant::now();
        let (got_exit, entry) = check_json(&path, &[]);
        let found = codes(&entry);
        assert!(
            found.iter().any(|(c, _)| c == code),
            "{name}: expected {code}, found {found:?}"
        );
        assert_eq!(got_exit, exit, "{name}: {found:?}");
        for finding in entry["constats"].as_array().unwrap() {
            let message = finding["message"].as_str().unwrap();
            assert!(message.chars().count() < 600, "{name}: message too long");
            let may_panic_in_dependency = name.contains("panique") || name.contains("debordement");
            if !may_panic_in_dependency {
                assert!(
                    !message.contains("de façon inattendue"),
                    "{name}: {message}"
                );
            }
        }
        // Not a timing assertion: a guard against a hang (see docs/fiabilite.md for figures).
        assert!(
            started.elapsed().as_secs() < 120,
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn accepted_hostile_items_give_the_worked_example() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _, exit) in corpus().iter().cloned() {
        if exit != 0 {
            continue;
        }
        let path = dir.path().join(&name);
        std::fs::write(&path, &bytes).unwrap();
        let (_, entry) = check_json(&path, &[]);
        assert_eq!(
            ratios(&entry),
            WORKED.to_vec(),
            "{name}: the hidden sheet and the cached formula still count"
        );
    }
}

fn folder_with_everything(dir: &Path) -> PathBuf {
    let folder = dir.join("dossier");
    std::fs::create_dir_all(folder.join("sous-dossier")).unwrap();
    for entry in std::fs::read_dir(fixtures().join("soumissions")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    for (name, bytes, _, _) in corpus() {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    std::fs::write(folder.join("~$mnf.xlsx"), b"verrou").unwrap();
    std::fs::write(folder.join(".cache.xlsx"), b"cache").unwrap();
    let outside = dir.join("ailleurs");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::copy(
        fixtures().join("soumissions/mnf.xlsx"),
        outside.join("autre.xlsx"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.join("autre.xlsx"), folder.join("lien-fichier.xlsx"))
        .unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("lien-dossier")).unwrap();
    let locked = folder.join("illisible.xlsx");
    std::fs::write(&locked, b"ferme").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let fifo = folder.join("tube.xlsx");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    folder
}

#[test]
fn compute_accounts_for_every_file_and_keeps_the_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder_with_everything(dir.path());
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let reference = dir.path().join("reference.json");
    barometre()
        .arg("calculer")
        .arg(fixtures().join("soumissions"))
        .arg("-o")
        .arg(dir.path().join("reference.xlsx"))
        .arg("--json")
        .arg(&reference)
        .assert()
        .success();
    let json_path = dir.path().join("tout.json");
    let report = dir.path().join("tout.xlsx");
    let output = barometre()
        .arg("calculer")
        .arg(&folder)
        .arg("-o")
        .arg(&report)
        .arg("--json")
        .arg(&json_path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&reference).unwrap()).unwrap();
    let listed: Vec<String> = json["soumissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["fichier"].as_str().map(str::to_string))
        .collect();
    for name in &names {
        assert!(listed.contains(name), "{name} is missing from Soumissions");
    }
    assert_eq!(listed.len(), names.len());
    assert_eq!(json["indicateurs"], expected["indicateurs"]);
    assert_eq!(json["participation"]["soumissions_acceptees"], 6);
    for (file, status, code) in [
        ("lien-fichier.xlsx", "ignoree", "X005"),
        ("lien-dossier", "ignoree", "X005"),
        ("sous-dossier", "ignoree", "X005"),
        ("~$mnf.xlsx", "ignoree", "X005"),
        (".cache.xlsx", "ignoree", "X005"),
        ("tube.xlsx", "ignoree", "X005"),
        ("illisible.xlsx", "rejetee", "F001"),
        ("bombe.xlsx", "rejetee", "F003"),
        ("chiffre.xls", "rejetee", "F002"),
        ("vide.xlsx", "rejetee", "F001"),
        ("services-masquee.xlsx", "rejetee", "X001"),
    ] {
        let entry = json["soumissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["fichier"] == file)
            .unwrap();
        assert_eq!(entry["statut"], status, "{file}");
        let constats = json["constats"].as_array().unwrap();
        assert!(
            constats
                .iter()
                .any(|c| c["fichier"] == file && c["code"] == code),
            "{file}: {code} expected"
        );
    }
    assert!(report.exists());
}

#[test]
fn a_failed_run_leaves_an_existing_report_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        fixtures().join("soumissions/mnf.xlsx"),
        folder.join("mnf.xlsx"),
    )
    .unwrap();
    let mut old = barometre::sample::worked_example();
    old.organisation.year = Some(2023);
    write_edited(&old, &folder.join("mec.xlsx"), |_| {});
    let report = dir.path().join("rapport.xlsx");
    std::fs::write(&report, b"ancien rapport").unwrap();
    barometre()
        .arg("calculer")
        .arg(&folder)
        .arg("-o")
        .arg(&report)
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&report).unwrap(), b"ancien rapport");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
}
