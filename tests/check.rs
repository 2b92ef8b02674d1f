//! `barometre check` on real files: every finding code at its cell, the
//! tolerance rules, the formats, the worked example.

mod common;

use barometre::commands::template::Out;
use barometre::sample::worked_example;
use common::*;

/// (fixture, code, sheet!cell) — each finding code of `fixtures/invalides/`.
const EXPECTED: &[(&str, &str, &str)] = &[
    ("s001-feuille-absente", "S001", "Consultations!"),
    ("s002-colonne-absente", "S002", "Consultations!"),
    ("s003-colonne-inconnue", "S003", "Services!N1"),
    ("s004-champ-absent", "S004", "Organisation!"),
    ("s005-feuille-en-double", "S005", "Services!"),
    ("v001-oui-non", "V001", "Services!C2"),
    ("v002-nombre-entier", "V002", "Organisation!B7"),
    ("v003-date", "V003", "Consultations!C3"),
    ("v004-hors-bornes", "V004", "Données!C2"),
    ("v005-liste", "V005", "Organisation!B4"),
    ("v006-identifiant-en-double", "V006", "Services!A3"),
    ("v007-valeur-manquante", "V007", "Services!D2"),
    ("v008-courriel", "V008", "Organisation!B10"),
    ("c001-partie-plus-grande", "C001", "Services!L2"),
    ("c002-sans-objet-rempli", "C002", "Services!D4"),
    ("c004-nd", "C004", "Services!L3"),
    ("c005-methode-vide", "C005", "Services!F2"),
    ("c006-date-future", "C006", "Initiatives!E2"),
    ("p001-processus-absent", "P001", "Processus!"),
    ("p002-processus-inconnu", "P002", "Processus!B2"),
    ("p003-processus-repete", "P003", "Processus!B3"),
    ("d001-adresse-absente", "D001", "Données!F2"),
    ("d002-adresse-hors-portail", "D002", "Données!F2"),
    ("d003-aucun-haut-potentiel", "D003", "Données!"),
    ("f004-formule-sans-valeur", "F004", "Services!L3"),
    ("f001-texte", "F001", "!"),
];

fn is_error(code: &str) -> bool {
    !matches!(
        code,
        "S003" | "V008" | "C002" | "C003" | "C004" | "C005" | "C006" | "D001" | "D002" | "D003"
    )
}

#[test]
fn each_finding_code_at_its_cell_with_its_exit_code() {
    for (name, code, place) in EXPECTED {
        let path = fixtures().join("invalides").join(format!("{name}.xlsx"));
        let (exit, entry) = check_json(&path, &[]);
        let found = codes(&entry);
        assert!(
            found.iter().any(|(c, p)| c == code && p == place),
            "{name}: expected {code} at {place}, found {found:?}"
        );
        let expected_exit = match *code {
            "F001" | "F002" | "F003" => 2,
            c if is_error(c) => 1,
            _ => 0,
        };
        assert_eq!(exit, expected_exit, "{name}");
        if !is_error(code) {
            assert_eq!(
                entry["indicateurs"].as_array().unwrap().len(),
                10,
                "{name}: a warning keeps the preview"
            );
        }
    }
}

#[test]
fn a_warning_only_file_still_counts_c003_and_not_the_old_consultation() {
    let (exit, entry) = check_json(&fixtures().join("invalides/c004-nd.xlsx"), &[]);
    assert_eq!(exit, 0);
    assert!(codes(&entry).contains(&("C003".into(), "Consultations!C2".into())));
    // S2 declared ND: 5.1 stays 1/2 (S1 counts, S2 stays in the denominator).
    assert_eq!(ratios(&entry)[7], (1, 2));
}

#[test]
fn worked_example_from_a_file_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exemple.xlsx");
    write_edited(&worked_example(), &path, |_| {});
    let (exit, entry) = check_json(&path, &[]);
    assert_eq!(exit, 0);
    assert_eq!(ratios(&entry), WORKED.to_vec());
    let six_one = &entry["indicateurs"][9];
    assert_eq!(six_one["atteinte"], false);
    assert!(six_one["taux_atteinte"].is_null());
    let three_one = &entry["indicateurs"][4];
    assert_eq!(three_one["resultat"], 0.0);
}

#[test]
fn tolerance_rules_give_the_same_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tolerant.xlsx");
    write_edited(&worked_example(), &path, |grid| {
        // Sheet names: case, accents, spaces.
        for sheet in grid.iter_mut() {
            sheet.name = match sheet.name.as_str() {
                "Données" => "DONNEES".into(),
                "Services" => " services ".trim_end().into(),
                "Processus" => "PROCESSUS".into(),
                other => other.to_string(),
            };
        }
        // Services: a title row and a blank line above the headers, columns in another order.
        let services = grid
            .iter_mut()
            .find(|s| s.name.trim() == "services")
            .unwrap();
        for row in services.rows.iter_mut() {
            row.resize(13, Out::Blank);
            row.swap(0, 12);
        }
        services.rows[0][0] = text("utilisations TOTALES (tous modes)");
        services.rows.insert(0, vec![]);
        services
            .rows
            .insert(0, vec![text("Inventaire des services 2024")]);
        services.rows.insert(5, vec![]); // an empty row inside the table
                                         // Headers spelled differently; a Commentaire column.
        services.rows[2][1] = text("NOM DU SERVICE");
        services.rows[2].push(text("Commentaire"));
        services.rows[3].push(text("Justification libre"));
        // Yes/no variants and booleans.
        services.rows[3][2] = text("o");
        services.rows[3][6] = Out::Bool(true);
        services.rows[4][6] = text("FAUX");
        services.rows[4][7] = Out::Number(0.0);
        // Numbers as text with separators.
        services.rows[3][0] = text("1\u{a0}000");
        services.rows[3][11] = text("800");
        services.rows[4][0] = text("1 000");
        // Identifiers: number 1 and text.
        services.rows[3][12] = Out::Number(1.0);
    });
    let (exit, entry) = check_json(&path, &[]);
    let found = codes(&entry);
    assert_eq!(exit, 0, "{found:?}");
    assert!(found.iter().all(|(c, _)| c == "C003"), "{found:?}");
    assert_eq!(ratios(&entry), WORKED.to_vec());
}

#[test]
fn more_tolerance_decimals_dates_nd_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tolerant2.xlsx");
    write_edited(&worked_example(), &path, |grid| {
        set(grid, "Données", "C4", text("49,9"));
        set(grid, "Données", "C2", text("80.0"));
        set(grid, "Consultations", "C3", text("2020-02-01T09:30:00"));
        set(
            grid,
            "Initiatives",
            "E2",
            Out::Date(barometre::values::Date {
                year: 2019,
                month: 6,
                day: 3,
            }),
        );
        set(grid, "Organisation", "A2", text("  NOM DE L’ORGANISATION "));
        set(grid, "Organisation", "B7", text("4\u{202f}00"));
        set(grid, "Organisation", "B7", Out::Number(400.0));
        set(grid, "Organisation", "B3", text(" mec "));
        set(grid, "Processus", "C2", text("sans papier de bout en bout"));
        set(grid, "Processus", "B3", text("Gestion de l’assiduite"));
    });
    let (exit, entry) = check_json(&path, &[]);
    assert_eq!(exit, 0, "{:?}", codes(&entry));
    assert_eq!(ratios(&entry), WORKED.to_vec());
    assert_eq!(entry["organisation"], "MEC", "codes are upper-cased");
}

#[test]
fn dependent_cells_are_not_judged_when_their_answer_is_missing() {
    let (_, entry) = check_json(
        &fixtures().join("invalides/v007-valeur-manquante.xlsx"),
        &[],
    );
    let found = codes(&entry);
    assert!(!found.iter().any(|(c, _)| c == "C002"), "{found:?}");
}

#[test]
fn libreoffice_saved_files_give_the_same_indicators_as_their_sources() {
    for (saved, source) in [
        ("soumissions/ofq-libreoffice.xlsx", "sources/ofq.xlsx"),
        ("soumissions/ufn-libreoffice.ods", "sources/ufn.xlsx"),
        ("formats/ofq.xls", "sources/ofq.xlsx"),
    ] {
        let (exit_saved, saved_entry) = check_json(&fixtures().join(saved), &[]);
        let (exit_source, source_entry) = check_json(&fixtures().join(source), &[]);
        assert_eq!((exit_saved, exit_source), (0, 0), "{saved}");
        assert_eq!(ratios(&saved_entry), ratios(&source_entry), "{saved}");
        assert_eq!(codes(&saved_entry), codes(&source_entry), "{saved}");
    }
}

#[test]
fn the_container_is_recognised_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let disguised = dir.path().join("vraiment-un-xlsx.xls");
    std::fs::copy(fixtures().join("soumissions/mnf.xlsx"), &disguised).unwrap();
    let (exit, entry) = check_json(&disguised, &[]);
    assert_eq!(exit, 0, "{:?}", codes(&entry));
    assert_eq!(entry["indicateurs"].as_array().unwrap().len(), 10);
}

#[test]
fn template_example_passes_with_zero_findings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exemple.xlsx");
    barometre()
        .args(["modele", "--exemple"])
        .arg(&path)
        .assert()
        .success();
    let (exit, entry) = check_json(&path, &[]);
    assert_eq!(exit, 0);
    assert_eq!(codes(&entry), Vec::<(String, String)>::new());
}

#[test]
fn blank_template_is_read_and_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vierge.xlsx");
    barometre().args(["modele"]).arg(&path).assert().success();
    let (exit, entry) = check_json(&path, &[]);
    assert_eq!(exit, 1);
    let found = codes(&entry);
    assert!(found.contains(&("V007".into(), "Organisation!B2".into())));
    assert!(found.contains(&("V007".into(), "Processus!C2".into())));
    assert!(
        !found
            .iter()
            .any(|(c, _)| c.starts_with('S') || c.starts_with('P')),
        "{found:?}"
    );
    // The template refuses to overwrite a file.
    barometre().args(["modele"]).arg(&path).assert().code(2);
}

#[test]
fn template_prefills_from_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registre.csv");
    std::fs::write(
        &registry,
        "code;nom;reseau\nMSSS;Ministère de la Santé;Santé et services sociaux\n",
    )
    .unwrap();
    let path = dir.path().join("msss.xlsx");
    barometre()
        .args(["modele", "--organisations"])
        .arg(&registry)
        .args(["--code", "msss"])
        .arg(&path)
        .assert()
        .success();
    let (_, entry) = check_json(&path, &[]);
    let found = codes(&entry);
    assert!(
        !found.contains(&("V007".into(), "Organisation!B2".into())),
        "name pre-filled"
    );
    assert!(
        !found.contains(&("V007".into(), "Organisation!B4".into())),
        "réseau pre-filled"
    );
    assert_eq!(entry["organisation"], "MSSS");
}

#[test]
fn registry_check_x003_and_x006() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registre.csv");
    std::fs::write(
        &registry,
        "code,nom,reseau\nMEC,Ministère de l'Exemple,Éducation\n",
    )
    .unwrap();
    let path = dir.path().join("mec.xlsx");
    write_edited(&worked_example(), &path, |_| {});
    let (exit, entry) = check_json(&path, &["--organisations", registry.to_str().unwrap()]);
    assert_eq!(exit, 0);
    assert!(codes(&entry).contains(&("X006".into(), "Organisation!".into())));
    std::fs::write(&registry, "code,nom,reseau\nAUTRE,Autre,Éducation\n").unwrap();
    let (exit, entry) = check_json(&path, &["--organisations", registry.to_str().unwrap()]);
    assert_eq!(exit, 1);
    assert!(codes(&entry).contains(&("X003".into(), "Organisation!".into())));
    assert_eq!(entry["indicateurs"].as_array().unwrap().len(), 0);
}

#[test]
fn limits_end_in_f003_with_exit_2() {
    let (exit, entry) = check_json(
        &fixtures().join("soumissions/mnf.xlsx"),
        &["--lignes-max", "20"],
    );
    assert_eq!(exit, 2);
    assert_eq!(codes(&entry)[0].0, "F003");
}

#[test]
fn text_output_groups_findings_and_gives_a_verdict() {
    let output = barometre()
        .arg("check")
        .arg(fixtures().join("invalides/v001-oui-non.xlsx"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Erreurs (1)"), "{text}");
    assert!(text.contains("V001 Services!C2"), "{text}");
    assert!(text.contains("« peut-être »"), "{text}");
    assert!(text.contains("Verdict : 1 erreur"), "{text}");
    let output = barometre()
        .arg("check")
        .arg(fixtures().join("soumissions/mnf.xlsx"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Aperçu des indicateurs"), "{text}");
    assert!(text.contains("\u{202f}%"), "{text}");
}

#[test]
fn help_and_argument_errors_are_in_french() {
    let output = barometre().arg("--aide").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("Utilisation : barometre"), "{help}");
    assert!(help.contains("alias : verifier"), "{help}");
    let output = barometre()
        .args(["verifier", "--format", "xml", "x.xlsx"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.starts_with("Erreur : valeur invalide « xml »"),
        "{message}"
    );
    let output = barometre()
        .args(["verifier", "absent.xlsx"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("fichier introuvable"));
}

#[test]
fn findings_point_at_the_header_row_columns_even_below_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("titre.xlsx");
    write_edited(&worked_example(), &path, |grid| {
        let processes = grid.iter_mut().find(|s| s.name == "Processus").unwrap();
        processes.rows.insert(0, vec![text("Processus")]);
        processes.rows[2][1] = text("Recrutement");
    });
    let (exit, entry) = check_json(&path, &[]);
    assert_eq!(exit, 1);
    assert!(
        codes(&entry).contains(&("P002".into(), "Processus!B3".into())),
        "{:?}",
        codes(&entry)
    );
}
