//! Writes realistic, valid fictional submissions (format v1), deterministic for a seed.
//!
//! cargo run --release --example generer -- --organisations 300 --services 200 --graine 1 DOSSIER
//! cargo run --release --example generer -- --fixtures fixtures/soumissions

use barometre::commands::template::write_form;
use barometre::form::RESEAUX;
use barometre::sample::{generate, Profile, Rng};
use std::path::PathBuf;

/// The shipped example submissions: one fictional organisation per réseau.
const FIXTURES: &[(&str, &str, usize, usize)] = &[
    ("MNF", "Ministère des Nuages fictifs", 0, 42),
    (
        "CISSS-FIC",
        "Centre intégré de santé fictif de la Côte",
        1,
        36,
    ),
    (
        "CSS-LAC",
        "Centre de services scolaire du Lac fictif",
        2,
        28,
    ),
    ("CEGEP-BOR", "Cégep fictif de la Boréale", 3, 24),
];

/// Written to `fixtures/sources/`, then saved by LibreOffice Calc into the
/// submissions (`scripts/fixtures.sh`): one as .xlsx, one as .ods.
const LIBREOFFICE_SOURCES: &[(&str, &str, usize, usize)] = &[
    ("OFQ", "Office fictif de la qualité de l'eau", 0, 31),
    ("UFN", "Université fictive du Nord", 3, 27),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(folder) = value("--fixtures") {
        let folder = PathBuf::from(folder);
        std::fs::create_dir_all(&folder).expect("dossier de sortie");
        let sources = folder.parent().unwrap_or(&folder).join("sources");
        std::fs::create_dir_all(&sources).expect("dossier des sources");
        let all = FIXTURES
            .iter()
            .map(|f| (f, &folder))
            .chain(LIBREOFFICE_SOURCES.iter().map(|f| (f, &sources)));
        for (i, ((code, name, reseau, services), target)) in all.enumerate() {
            let profile = Profile {
                code: code.to_string(),
                name: name.to_string(),
                reseau: RESEAUX[*reseau],
                year: 2024,
                services: *services,
                seed: 100 + i as u64,
            };
            let path = target.join(format!("{}.xlsx", code.to_lowercase()));
            write_form(&generate(&profile), &path).expect("écriture");
        }
        return;
    }
    let number = |flag: &str, default: u64| {
        value(flag)
            .map(|v| v.parse().expect("nombre entier"))
            .unwrap_or(default)
    };
    let organisations = number("--organisations", 300);
    let services = number("--services", 200) as usize;
    let seed = number("--graine", 1);
    let invalid_percent = number("--invalides", 3);
    let folder = PathBuf::from(
        args.last()
            .filter(|a| !a.starts_with("--"))
            .cloned()
            .unwrap_or_else(|| "soumissions-generees".into()),
    );
    std::fs::create_dir_all(&folder).expect("dossier de sortie");
    let mut rng = Rng::new(seed);
    for i in 0..organisations {
        let code = format!("ORG{:05}", i + 1);
        let profile = Profile {
            code: code.clone(),
            name: format!("Organisation fictive numéro {}", i + 1),
            reseau: RESEAUX[rng.below(RESEAUX.len() as u64) as usize],
            year: 2024,
            services,
            seed: seed.wrapping_mul(1_000_003).wrapping_add(i),
        };
        let mut submission = generate(&profile);
        if rng.chance(invalid_percent) {
            // A few submissions carry an error, as real collections do.
            submission.organisation.email = None;
            submission.organisation.year = None;
        }
        write_form(
            &submission,
            &folder.join(format!("{}.xlsx", code.to_lowercase())),
        )
        .expect("écriture");
    }
    eprintln!(
        "{organisations} formulaires écrits dans {}",
        folder.display()
    );
}
