//! `barometre compute` on folders: every aggregate checked against counts
//! made here from the generator's data, statuses, rejections, outputs.

mod common;

use barometre::form;
use barometre::model::{Submission, Usage};
use barometre::sample::{fixture_profiles, generate, worked_example};
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn count<T>(items: &[T], f: impl Fn(&T) -> bool) -> u64 {
    items.iter().filter(|x| f(x)).count() as u64
}

/// The ten (num, den) of one organisation, counted here independently.
fn by_hand(s: &Submission) -> [(u64, u64); 10] {
    let digital =
        |f: &dyn Fn(&barometre::model::Service) -> bool| count(&s.services, |x| x.digital && f(x));
    let since = |c: &barometre::model::Consultation| c.start.unwrap() >= form::PERIOD_START;
    let plan_done = s.organisation.plan_filed == Some(true)
        && s.initiatives.iter().any(|i| {
            i.in_plan && i.status == Some("Terminée") && i.end.unwrap() >= form::PERIOD_START
        });
    let used = |x: &barometre::model::Service| match (x.digital_uses, x.total_uses) {
        (Usage::Count(d), Usage::Count(t)) => t > 0 && (d as f64) / (t as f64) > 0.75,
        _ => false,
    };
    let high = |d: &barometre::model::Dataset| d.score_a.unwrap() >= 50.0;
    [
        (digital(&|x| x.new && x.involved), digital(&|x| x.new)),
        (digital(&|x| x.evaluation), digital(&|_| true)),
        (
            count(&s.consultations, |c| {
                since(c) && c.digital && (!c.traditional || c.equivalent)
            }),
            count(&s.consultations, since),
        ),
        (
            digital(&|x| x.transactional && x.no_reask),
            digital(&|x| x.transactional),
        ),
        (
            digital(&|x| x.reminder && x.digital_reminder),
            digital(&|x| x.reminder),
        ),
        (plan_done as u64, 1),
        (
            s.organisation.transformed_employees.unwrap(),
            s.organisation.employees.unwrap(),
        ),
        (digital(&used), digital(&|_| true)),
        (
            count(&s.processes, |p| {
                p.status == Some("Sans papier de bout en bout")
            }),
            12,
        ),
        (
            count(&s.datasets, |d| high(d) && d.published),
            count(&s.datasets, high),
        ),
    ]
}

fn meets_own(index: usize, (num, den): (u64, u64)) -> bool {
    let targets = [75, 75, 75, 50, 60, 100, 60, 75, 75, 60];
    if index == 9 {
        den > 0 && num * 2 > den
    } else {
        den > 0 && num * 100 >= den * targets[index]
    }
}

fn copy_fixtures(dir: &Path) -> PathBuf {
    let folder = dir.join("soumissions");
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir(fixtures().join("soumissions")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    folder
}

fn compute(folder: &Path, out: &Path, extra: &[&str]) -> (i32, Value, String) {
    let json = out.with_extension("json");
    let output = barometre()
        .arg("calculer")
        .arg(folder)
        .arg("--sortie")
        .arg(out)
        .arg("--json")
        .arg(&json)
        .args(extra)
        .output()
        .unwrap();
    let code = output.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    let value = std::fs::read(&json)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap_or(Value::Null);
    (code, value, stdout)
}

/// (code, réseau, the ten (num, den)) of one organisation.
type Counted = (String, &'static str, [(u64, u64); 10]);

fn pair(indicator: &Value) -> (u64, u64) {
    (
        indicator["numerateur"].as_u64().unwrap(),
        indicator["denominateur"].as_u64().unwrap(),
    )
}

#[test]
fn every_aggregate_matches_counts_made_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let (code, json, out) = compute(
        &fixtures().join("soumissions"),
        &dir.path().join("r.xlsx"),
        &[],
    );
    assert_eq!(code, 0, "{out}");
    let organisations: Vec<Counted> = fixture_profiles()
        .into_iter()
        .map(|(_, p)| (p.code.clone(), p.reseau, by_hand(&generate(&p))))
        .collect();
    let check_scope = |indicators: &Value, members: &[&Counted], targeted: u64| {
        for i in 0..10 {
            let got = &indicators[i];
            let meeting = members.iter().filter(|m| meets_own(i, m.2[i])).count() as u64;
            let expected = if i == 5 || i == 9 {
                (meeting, targeted)
            } else {
                (
                    members.iter().map(|m| m.2[i].0).sum(),
                    members.iter().map(|m| m.2[i].1).sum(),
                )
            };
            assert_eq!(pair(got), expected, "cible {}", got["cible"]);
            assert_eq!(
                got["organisations_atteignant"].as_u64().unwrap(),
                meeting,
                "cible {}",
                got["cible"]
            );
            let own: Vec<f64> = members
                .iter()
                .filter(|m| m.2[i].1 > 0)
                .map(|m| m.2[i].0 as f64 / m.2[i].1 as f64)
                .collect();
            assert_eq!(
                got["organisations_contributrices"].as_u64().unwrap(),
                own.len() as u64
            );
            if own.is_empty() {
                assert!(got["moyenne_organisations"].is_null());
            } else {
                let mean = own.iter().sum::<f64>() / own.len() as f64;
                assert!(
                    (got["moyenne_organisations"].as_f64().unwrap() - mean).abs() < 1e-12,
                    "cible {}",
                    got["cible"]
                );
            }
            let (num, den) = expected;
            if den == 0 {
                assert!(got["resultat"].is_null());
            } else {
                assert!(
                    (got["resultat"].as_f64().unwrap() - num as f64 / den as f64).abs() < 1e-12
                );
            }
        }
    };
    let all: Vec<_> = organisations.iter().collect();
    check_scope(&json["indicateurs"], &all, 6);
    assert_eq!(json["participation"]["soumissions_acceptees"], 6);
    assert_eq!(json["participation"]["organisations_ciblees"], 6);
    for reseau in json["reseaux"].as_array().unwrap() {
        let name = reseau["reseau"].as_str().unwrap();
        let members: Vec<_> = organisations.iter().filter(|o| o.1 == name).collect();
        check_scope(&reseau["indicateurs"], &members, members.len() as u64);
    }
    // Progression: the mean of capped taux d'atteinte.
    let taux: Vec<f64> = json["indicateurs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["taux_atteinte"].as_f64())
        .map(|t| t.min(1.0))
        .collect();
    let overall = json["progression"]["globale"].as_f64().unwrap();
    assert!((overall - taux.iter().sum::<f64>() / taux.len() as f64).abs() < 1e-12);
    assert!(
        out.contains("Participation : 6 formulaires acceptés sur 6"),
        "{out}"
    );
}

#[test]
fn report_has_every_sheet_and_every_row() {
    use calamine::{open_workbook, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.xlsx");
    let (code, _, _) = compute(&fixtures().join("soumissions"), &report, &[]);
    assert_eq!(code, 0);
    let mut workbook: Xlsx<_> = open_workbook(&report).unwrap();
    let expected = [
        "Sommaire",
        "Par réseau",
        "Par organisation",
        "Processus",
        "Services",
        "Consultations",
        "Initiatives",
        "Données",
        "Constats",
        "Soumissions",
        "Méthodologie",
    ];
    assert_eq!(workbook.sheet_names(), expected.to_vec());
    let services: usize = fixture_profiles().iter().map(|(_, p)| p.services).sum();
    let range = workbook.worksheet_range("Services").unwrap();
    assert_eq!(range.height(), services + 1, "every service, once");
    let methodology = workbook.worksheet_range("Méthodologie").unwrap();
    let text: Vec<String> = methodology
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let text = text.join("\n");
    assert!(text.contains("ministère de la Cybersécurité et du Numérique"));
    assert!(text.contains("Décision 8"));
    let submissions = workbook.worksheet_range("Soumissions").unwrap();
    assert_eq!(submissions.height(), 7);
    // Text is never a formula.
    assert!(workbook
        .worksheet_formula("Services")
        .unwrap()
        .used_cells()
        .next()
        .is_none());
}

#[test]
fn two_runs_give_byte_identical_reports() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    compute(&fixtures().join("soumissions"), &a, &[]);
    compute(&fixtures().join("soumissions"), &b, &[]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(
        std::fs::read(a.with_extension("json")).unwrap(),
        std::fs::read(b.with_extension("json")).unwrap()
    );
}

fn statuses(json: &Value) -> Vec<(String, String)> {
    json["soumissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["fichier"].as_str().unwrap_or("-").to_string(),
                s["statut"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn rejected_lock_and_other_files_are_listed_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, reference, _) = compute(
        &fixtures().join("soumissions"),
        &dir.path().join("ref.xlsx"),
        &[],
    );
    let folder = copy_fixtures(dir.path());
    std::fs::copy(
        fixtures().join("invalides/v001-oui-non.xlsx"),
        folder.join("rejete.xlsx"),
    )
    .unwrap();
    std::fs::write(folder.join("~$mnf.xlsx"), b"lock").unwrap();
    std::fs::write(folder.join("notes.txt"), b"notes").unwrap();
    let (code, json, out) = compute(&folder, &dir.path().join("r.xlsx"), &[]);
    assert_eq!(code, 0, "{out}");
    let list = statuses(&json);
    assert!(
        list.contains(&("rejete.xlsx".into(), "rejetee".into())),
        "{list:?}"
    );
    assert!(
        list.contains(&("~$mnf.xlsx".into(), "ignoree".into())),
        "{list:?}"
    );
    assert!(
        list.contains(&("notes.txt".into(), "ignoree".into())),
        "{list:?}"
    );
    assert_eq!(list.len(), 9);
    assert_eq!(json["indicateurs"], reference["indicateurs"]);
    let x005 = json["constats"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "X005")
        .count();
    assert_eq!(x005, 2);
    // --strict: a rejected file gives exit 1, the report is still written.
    let (code, _, _) = compute(&folder, &dir.path().join("s.xlsx"), &["--strict"]);
    assert_eq!(code, 1);
    assert!(dir.path().join("s.xlsx").exists());
}

#[test]
fn duplicate_codes_reject_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_fixtures(dir.path());
    std::fs::copy(
        folder.join("mnf.xlsx"),
        folder.join("mnf-ancienne-version.xlsx"),
    )
    .unwrap();
    let (code, json, _) = compute(&folder, &dir.path().join("r.xlsx"), &[]);
    assert_eq!(code, 0);
    let list = statuses(&json);
    assert!(list.contains(&("mnf.xlsx".into(), "rejetee".into())));
    assert!(list.contains(&("mnf-ancienne-version.xlsx".into(), "rejetee".into())));
    let x001: Vec<&Value> = json["constats"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "X001")
        .collect();
    assert_eq!(x001.len(), 2);
    assert!(x001[0]["message"].as_str().unwrap().contains("mnf"));
    assert_eq!(json["participation"]["soumissions_acceptees"], 5);
    // The Services sheet streamed while reading held MNF's rows: it is drawn
    // again without them (the late rejection path).
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut workbook: Xlsx<_> = open_workbook(dir.path().join("r.xlsx")).unwrap();
    let services = workbook.worksheet_range("Services").unwrap();
    let expected: usize = fixture_profiles()
        .iter()
        .filter(|(_, p)| p.code != "MNF")
        .map(|(_, p)| p.services)
        .sum();
    assert_eq!(services.height(), expected + 1);
    assert!(services
        .rows()
        .skip(1)
        .all(|row| row[0] != Data::String("MNF".into())));
}

#[test]
fn mixed_years_stop_without_annee_and_reject_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_fixtures(dir.path());
    let mut old = worked_example();
    old.organisation.year = Some(2023);
    write_edited(&old, &folder.join("mec-2023.xlsx"), |_| {});
    let report = dir.path().join("r.xlsx");
    let (code, _, out) = compute(&folder, &report, &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("2023 : mec-2023.xlsx"), "{out}");
    assert!(!report.exists(), "no report on exit 2");
    let (code, json, out) = compute(&folder, &report, &["--annee", "2024"]);
    assert_eq!(code, 0, "{out}");
    assert!(statuses(&json).contains(&("mec-2023.xlsx".into(), "rejetee".into())));
    assert!(json["constats"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "X002"));
}

#[test]
fn registry_with_a_missing_organisation_widens_4_1_and_6_1() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registre.csv");
    let mut csv = String::from("code;nom;reseau\n");
    for (_, p) in fixture_profiles() {
        csv.push_str(&format!("{};{};{}\n", p.code, p.name, p.reseau));
    }
    csv.push_str("ABSENT;Organisme absent;Éducation\n");
    std::fs::write(&registry, encoding_rs::WINDOWS_1252.encode(&csv).0).unwrap();
    let (code, json, out) = compute(
        &fixtures().join("soumissions"),
        &dir.path().join("r.xlsx"),
        &["--organisations", registry.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(json["participation"]["organisations_ciblees"], 7);
    assert_eq!(pair(&json["indicateurs"][5]).1, 7);
    assert_eq!(pair(&json["indicateurs"][9]).1, 7);
    assert!(statuses(&json).contains(&("-".into(), "manquante".into())));
    let absent = json["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == "ABSENT")
        .unwrap();
    assert_eq!(absent["statut"], "manquante");
    assert_eq!(absent["indicateurs"].as_array().unwrap().len(), 0);
    assert!(json["constats"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "X004"));
    let education = json["reseaux"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reseau"] == "Éducation")
        .unwrap();
    assert_eq!(education["participation"]["organisations_ciblees"], 2);
    assert!(
        json["parametres"]["organisations_sha256"]
            .as_str()
            .unwrap()
            .len()
            == 64
    );
}

#[test]
fn precedent_gives_changes_overall_and_on_a_constant_perimeter() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("avant.xlsx");
    let folder = copy_fixtures(dir.path());
    std::fs::remove_file(folder.join("css-lac.xlsx")).unwrap();
    let (_, old, _) = compute(&folder, &before, &[]);
    let (code, now, out) = compute(
        &fixtures().join("soumissions"),
        &dir.path().join("apres.xlsx"),
        &["--precedent", before.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}");
    for i in 0..10 {
        let (o, n) = (&old["indicateurs"][i], &now["indicateurs"][i]);
        assert_eq!(n["precedent"], o["resultat"]);
        let points = (n["resultat"].as_f64().unwrap() - o["resultat"].as_f64().unwrap()) * 100.0;
        assert!((n["ecart_points"].as_f64().unwrap() - points).abs() < 1e-9);
        // The perimeter is the five organisations of both runs: the same data, so no change.
        assert!(
            n["ecart_points_perimetre_constant"].as_f64().unwrap().abs() < 1e-9,
            "cible {}",
            n["cible"]
        );
    }
    assert!(old["indicateurs"][0].get("precedent").is_none());
}

#[test]
fn csv_is_bom_prefixed_and_neutralises_formula_text() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let mut hostile = worked_example();
    hostile.services[0].name = "=HYPERLINK(\"http://x\",\"clic\")".into();
    write_edited(&hostile, &folder.join("mec.xlsx"), |_| {});
    let csv_dir = dir.path().join("csv");
    let (code, _, out) = compute(
        &folder,
        &dir.path().join("r.xlsx"),
        &["--csv", csv_dir.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}");
    let services = std::fs::read(csv_dir.join("services.csv")).unwrap();
    assert!(services.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(services).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    use calamine::{open_workbook, Reader, Xlsx};
    let mut workbook: Xlsx<_> = open_workbook(dir.path().join("r.xlsx")).unwrap();
    assert!(workbook
        .worksheet_formula("Services")
        .unwrap()
        .used_cells()
        .next()
        .is_none());
}

#[test]
fn refuses_an_input_as_output_and_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_fixtures(dir.path());
    let target = folder.join("mnf.xlsx");
    let before = std::fs::read(&target).unwrap();
    let (code, _, out) = compute(&folder, &target, &[]);
    assert_eq!(code, 2);
    assert!(out.contains("formulaires à lire"), "{out}");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    let (code, _, out) = compute(&folder, &dir.path().join("nulle-part/r.xlsx"), &[]);
    assert_eq!(code, 2);
    assert!(out.contains("n'existe pas"), "{out}");
}

#[test]
fn a_report_in_the_folder_is_skipped_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_fixtures(dir.path());
    let (_, reference, _) = compute(&folder, &folder.join("bilan.xlsx"), &[]);
    let (code, json, out) = compute(&folder, &dir.path().join("r.xlsx"), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(statuses(&json).contains(&("bilan.xlsx".into(), "ignoree".into())));
    assert_eq!(json["indicateurs"], reference["indicateurs"]);
}
