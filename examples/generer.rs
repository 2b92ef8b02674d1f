//! Writes realistic, valid fictional submissions (format v1), deterministic for a seed.
//!
//! cargo run --release --example generer -- --organisations 300 --services 200 --graine 1 DOSSIER
//! cargo run --release --example generer -- --fixtures fixtures/soumissions

use barometre::commands::template::write_form;
use barometre::form::RESEAUX;
use barometre::sample::{fixture_profiles, generate, Profile, Rng};
use std::path::PathBuf;

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
        for (file, profile) in fixture_profiles() {
            // The LibreOffice ones are written as sources, then saved by Calc.
            let (target, name) = match file.split_once("-libreoffice") {
                Some((stem, _)) => (&sources, format!("{stem}.xlsx")),
                None => (&folder, file.to_string()),
            };
            write_form(&generate(&profile), &target.join(name)).expect("écriture");
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
