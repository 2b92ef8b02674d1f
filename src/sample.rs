//! Plausible fictional submissions: the blank form, `template --exemple`,
//! the fixtures and the benchmark generator. Deterministic for a seed.

use crate::form;
use crate::model::*;
use crate::values::Date;

/// A small deterministic generator (SplitMix64): the same seed gives the
/// same fixtures on every machine and every version of the project.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The 12 processes in the form's order, rows 2 to 13, with the status `status(i)`.
fn processes(mut status: impl FnMut(usize) -> Option<&'static str>) -> Vec<Process> {
    form::PROCESSES
        .iter()
        .enumerate()
        .map(|(i, (domain, name))| Process {
            row: i as u32 + 2,
            domain,
            name,
            status: status(i),
        })
        .collect()
}

/// The blank form: the 12 processes listed, everything else empty.
pub fn blank_submission() -> Submission {
    Submission {
        processes: processes(|_| None),
        ..Submission::default()
    }
}

/// The fictional organisation of `template --exemple`.
pub fn example_submission() -> Submission {
    generate(&Profile {
        code: "SQPF".into(),
        name: "Société québécoise des parcs fictifs".into(),
        reseau: form::RESEAUX[0],
        year: 2024,
        services: 24,
        seed: 2024,
    })
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Profile {
    pub code: String,
    pub name: String,
    pub reseau: &'static str,
    pub year: u64,
    pub services: usize,
    pub seed: u64,
}

const SERVICE_NAMES: &[&str] = &[
    "Demande de permis",
    "Renouvellement d'inscription",
    "Avis de changement d'adresse",
    "Demande de subvention",
    "Réservation en ligne",
    "Plainte et rétroaction",
    "Demande d'attestation",
    "Paiement des droits",
    "Demande de remboursement",
    "Déclaration annuelle",
    "Inscription à un programme",
    "Demande de certificat",
    "Prise de rendez-vous",
    "Demande d'accès aux documents",
    "Suivi de dossier",
];
const TOPICS: &[&str] = &[
    "accès à la nature",
    "mobilité durable",
    "santé mentale",
    "réussite éducative",
    "numérique responsable",
    "sécurité routière",
    "alimentation locale",
    "logement",
];
const METHODS: &[&str] = &[
    "Ateliers de conception",
    "Sondage en ligne",
    "Tests d'utilisabilité",
    "Groupes de discussion",
];

fn date(rng: &mut Rng, first_year: i32, last_year: i32) -> Date {
    let year = first_year + rng.below((last_year - first_year + 1) as u64) as i32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    Date { year, month, day }
}

pub fn generate(profile: &Profile) -> Submission {
    let mut rng = Rng::new(profile.seed);
    let year = profile.year as i32;
    let employees = 80 + rng.below(4000);
    let organisation = Organisation {
        name: Some(profile.name.clone()),
        code: Some(profile.code.clone()),
        reseau: Some(profile.reseau),
        year: Some(profile.year),
        plan_filed: Some(rng.chance(85)),
        employees: Some(employees),
        transformed_employees: Some(employees * (20 + rng.below(70)) / 100),
        contact: Some("Camille Fortin".into()),
        email: Some(format!(
            "camille.fortin@{}.gouv.qc.ca",
            profile.code.to_lowercase()
        )),
    };
    let services = (0..profile.services)
        .map(|i| service(&mut rng, i))
        .collect();
    let consultations = (0..3 + rng.below(6) as usize)
        .map(|i| {
            let digital = rng.chance(80);
            let traditional = rng.chance(50);
            Consultation {
                row: i as u32 + 2,
                id: format!("C{:03}", i + 1),
                title: format!("Consultation sur {}", rng.pick(TOPICS)),
                start: Some(date(&mut rng, 2020, year.min(2024))),
                digital,
                traditional,
                equivalent: digital && traditional && rng.chance(70),
            }
        })
        .collect();
    let initiatives = (0..2 + rng.below(6) as usize)
        .map(|i| {
            let status = *rng.pick(form::INITIATIVE_STATUSES);
            Initiative {
                row: i as u32 + 2,
                id: format!("I{:03}", i + 1),
                title: format!("Initiative numérique : {}", rng.pick(TOPICS)),
                in_plan: rng.chance(85),
                status: Some(status),
                end: Some(if status == form::FINISHED {
                    date(&mut rng, 2020, year)
                } else {
                    date(&mut rng, year, year + 2)
                }),
            }
        })
        .collect();
    let processes = processes(|_| {
        Some(if rng.chance(60) {
            form::PAPERLESS
        } else {
            *rng.pick(form::PROCESS_STATUSES)
        })
    });
    let datasets = (0..2 + rng.below(10) as usize)
        .map(|i| {
            let published = rng.chance(55);
            let id = format!("D{:03}", i + 1);
            Dataset {
                row: i as u32 + 2,
                name: format!("Données sur {}", rng.pick(TOPICS)),
                score_a: Some((rng.below(1000) as f64) / 10.0),
                score_b: Some((rng.below(100)) as f64),
                published,
                address: published.then(|| {
                    format!(
                        "https://www.donneesquebec.ca/recherche/dataset/{}-{}",
                        profile.code.to_lowercase(),
                        id.to_lowercase()
                    )
                }),
                id,
            }
        })
        .collect();
    Submission {
        organisation,
        services,
        consultations,
        initiatives,
        processes,
        datasets,
    }
}

fn service(rng: &mut Rng, i: usize) -> Service {
    let digital = rng.chance(70);
    let new = digital && rng.chance(60);
    let involved = new && rng.chance(65);
    let transactional = digital && rng.chance(60);
    let reminder = digital && rng.chance(40);
    let total = 100 + rng.below(50_000);
    let (digital_uses, total_uses) = if !digital {
        (Usage::Missing, Usage::Missing)
    } else if rng.chance(5) {
        (Usage::Unavailable, Usage::Unavailable)
    } else {
        (
            Usage::Count(total * (30 + rng.below(71)) / 100),
            Usage::Count(total),
        )
    };
    Service {
        row: i as u32 + 2,
        id: format!("S{:03}", i + 1),
        name: format!("{} — {}", rng.pick(SERVICE_NAMES), rng.pick(TOPICS)),
        digital,
        new,
        involved,
        method: involved.then(|| rng.pick(METHODS).to_string()),
        evaluation: digital && rng.chance(55),
        transactional,
        no_reask: transactional && rng.chance(50),
        reminder,
        digital_reminder: reminder && rng.chance(60),
        digital_uses,
        total_uses,
    }
}

/// The worked example of `indicateurs.md`, as a complete valid submission.
pub fn worked_example() -> Submission {
    let yes_service = |id: &str, row: u32| Service {
        row,
        id: id.into(),
        name: format!("Service {id}"),
        digital: true,
        new: true,
        involved: false,
        method: None,
        evaluation: false,
        transactional: false,
        no_reask: false,
        reminder: false,
        digital_reminder: false,
        digital_uses: Usage::Missing,
        total_uses: Usage::Missing,
    };
    let s1 = Service {
        involved: true,
        method: Some("Ateliers de conception".into()),
        evaluation: true,
        transactional: true,
        no_reask: true,
        reminder: true,
        digital_uses: Usage::Count(800),
        total_uses: Usage::Count(1000),
        ..yes_service("S1", 2)
    };
    let s2 = Service {
        digital_uses: Usage::Count(750),
        total_uses: Usage::Count(1000),
        ..yes_service("S2", 3)
    };
    let s3 = Service {
        digital: false,
        new: false,
        ..yes_service("S3", 4)
    };
    let consultation = |i: u32, date: Date, digital, traditional, equivalent| Consultation {
        row: i + 1,
        id: format!("C{i}"),
        title: format!("Consultation {i}"),
        start: Some(date),
        digital,
        traditional,
        equivalent,
    };
    let dataset = |i: u32, score, published: bool| Dataset {
        row: i + 1,
        id: format!("D{i}"),
        name: format!("Jeu de données {i}"),
        score_a: Some(score),
        score_b: None,
        published,
        address: published
            .then(|| format!("https://www.donneesquebec.ca/recherche/dataset/jeu-{i}")),
    };
    Submission {
        organisation: Organisation {
            name: Some("Ministère de l'Exemple chiffré".into()),
            code: Some("MEC".into()),
            reseau: Some(form::RESEAUX[0]),
            year: Some(2024),
            plan_filed: Some(true),
            employees: Some(400),
            transformed_employees: Some(300),
            contact: Some("Marie Tremblay".into()),
            email: Some("marie.tremblay@mec.gouv.qc.ca".into()),
        },
        services: vec![s1, s2, s3],
        consultations: vec![
            consultation(
                1,
                Date {
                    year: 2019,
                    month: 5,
                    day: 1,
                },
                true,
                false,
                false,
            ),
            consultation(
                2,
                Date {
                    year: 2020,
                    month: 2,
                    day: 1,
                },
                true,
                true,
                true,
            ),
            consultation(
                3,
                Date {
                    year: 2021,
                    month: 3,
                    day: 1,
                },
                false,
                false,
                false,
            ),
        ],
        initiatives: vec![Initiative {
            row: 2,
            id: "I1".into(),
            title: "Dépôt électronique des demandes".into(),
            in_plan: true,
            status: Some(form::FINISHED),
            end: Some(form::PERIOD_START),
        }],
        processes: processes(|i| Some(if i < 9 { form::PAPERLESS } else { "Inexistant" })),
        datasets: vec![
            dataset(1, 80.0, true),
            dataset(2, 50.0, false),
            dataset(3, 49.9, true),
        ],
    }
}

/// The shipped submissions (`fixtures/soumissions/`), as (file name, profile).
/// `OFQ` and `UFN` are written to `fixtures/sources/` and saved by
/// LibreOffice Calc as `ofq-libreoffice.xlsx` and `ufn-libreoffice.ods`.
pub fn fixture_profiles() -> Vec<(&'static str, Profile)> {
    let list: [(&str, &str, &str, usize, usize); 6] = [
        ("mnf.xlsx", "MNF", "Ministère des Nuages fictifs", 0, 42),
        (
            "cisss-fic.xlsx",
            "CISSS-FIC",
            "Centre intégré de santé fictif de la Côte",
            1,
            36,
        ),
        (
            "css-lac.xlsx",
            "CSS-LAC",
            "Centre de services scolaire du Lac fictif",
            2,
            28,
        ),
        (
            "cegep-bor.xlsx",
            "CEGEP-BOR",
            "Cégep fictif de la Boréale",
            3,
            24,
        ),
        (
            "ofq-libreoffice.xlsx",
            "OFQ",
            "Office fictif de la qualité de l'eau",
            0,
            31,
        ),
        (
            "ufn-libreoffice.ods",
            "UFN",
            "Université fictive du Nord",
            3,
            27,
        ),
    ];
    list.iter()
        .enumerate()
        .map(|(i, (file, code, name, reseau, services))| {
            let profile = Profile {
                code: code.to_string(),
                name: name.to_string(),
                reseau: form::RESEAUX[*reseau],
                year: 2024,
                services: *services,
                seed: 100 + i as u64,
            };
            (*file, profile)
        })
        .collect()
}
