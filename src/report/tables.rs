//! The report's tables as plain data: the xlsx and the CSV render the same rows.

use crate::aggregate::{orientation_progression, Scope};
use crate::collection::{Collection, Status};
use crate::form;
use crate::indicators::{mostly_digital, CIBLES};
use crate::model::{Service, Submission, Usage};
use crate::precedent::Change;
use crate::report::terminal::yes_no;

/// One cell of a report table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(u64),
    /// An exact ratio shown as `0.0 %`; `None` is *sans objet* (`s.o.`).
    Percent(Option<f64>),
    /// A change in percentage points (one decimal).
    Points(Option<f64>),
    /// A status, coloured in the workbook.
    Status(String),
}

pub struct Table<'a> {
    pub sheet: &'static str,
    pub headers: Vec<String>,
    pub widths: Vec<f64>,
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a>,
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Everything a report needs beyond the collection.
pub struct Context<'a> {
    pub collection: &'a Collection,
    pub changes: Option<[Change; 10]>,
}

/// The summary block above the cibles: progressions and participation.
pub fn progression_table<'a>(scope: &'a Scope, with_registry: bool) -> Table<'a> {
    let base = if with_registry {
        "organisations du registre (--organisations)"
    } else {
        "formulaires acceptés (aucun registre fourni)"
    };
    let rows = vec![
        vec![text("Progression globale"), Cell::Percent(orientation_progression(scope, 0))],
        vec![text("Orientation 1 — relations adaptées à la réalité des citoyens"), Cell::Percent(orientation_progression(scope, 1))],
        vec![text("Orientation 2 — administration innovante, efficiente et transparente"), Cell::Percent(orientation_progression(scope, 2))],
        vec![text(format!("Participation : {} formulaires acceptés sur {} organisations visées", scope.participation.accepted, scope.participation.targeted)), Cell::Percent(scope.participation.ratio().value())],
        vec![text("Progression : moyenne des taux d'atteinte des cibles, chacun plafonné à 100 % (cibles sans objet exclues)."), Cell::Empty],
        vec![text(format!("Base des cibles 4.1 et 6.1 et de la participation : {base}.")), Cell::Empty],
    ];
    Table {
        sheet: "Progression",
        headers: headers(&["Mesure", "Valeur"]),
        widths: vec![90.0, 14.0],
        rows: Box::new(rows.into_iter()),
    }
}

fn cible_headers(with_changes: bool) -> Vec<&'static str> {
    let mut names = vec![
        "Cible",
        "Libellé",
        "Numérateur",
        "Dénominateur",
        "Résultat",
        "Cible visée",
        "Taux d'atteinte",
        "Atteinte",
        "Organisations contributrices",
        "Organisations qui l'atteignent",
        "Moyenne des organisations",
    ];
    if with_changes {
        names.extend([
            "Résultat précédent",
            "Écart (points)",
            "Écart à périmètre constant (points)",
        ]);
    }
    names
}

fn cible_row(scope: &Scope, index: usize, change: Option<&Change>) -> Vec<Cell> {
    let cible = &CIBLES[index];
    let aggregate = &scope.cibles[index];
    let mut row = vec![
        text(cible.code),
        text(cible.wording),
        Cell::Int(aggregate.ratio.num),
        Cell::Int(aggregate.ratio.den),
        Cell::Percent(aggregate.ratio.value()),
        Cell::Percent(Some(cible.target_percent as f64 / 100.0)),
        Cell::Percent(aggregate.ratio.attainment(cible.target_percent)),
        text(yes_no(aggregate.ratio.meets(cible.target_percent))),
        Cell::Int(aggregate.contributors as u64),
        Cell::Int(aggregate.meeting as u64),
        Cell::Percent(aggregate.mean),
    ];
    if let Some(change) = change {
        row.extend([
            Cell::Percent(change.previous),
            Cell::Points(change.points),
            Cell::Points(change.points_constant_perimeter),
        ]);
    }
    row
}

pub fn summary_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let scope = &context.collection.barometre.overall;
    let changes = context.changes.as_ref();
    let mut widths = vec![
        8.0, 60.0, 12.0, 12.0, 11.0, 11.0, 14.0, 10.0, 16.0, 16.0, 16.0,
    ];
    if changes.is_some() {
        widths.extend([14.0, 12.0, 18.0]);
    }
    Table {
        sheet: "Sommaire",
        headers: headers(&cible_headers(changes.is_some())),
        widths,
        rows: Box::new((0..CIBLES.len()).map(move |i| cible_row(scope, i, changes.map(|c| &c[i])))),
    }
}

pub fn reseau_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec![
        "Réseau",
        "Participation",
        "Formulaires acceptés",
        "Organisations visées",
    ];
    names.extend(cible_headers(false));
    let rows = context
        .collection
        .barometre
        .reseaux
        .iter()
        .flat_map(|(reseau, scope)| {
            (0..CIBLES.len()).map(move |i| {
                let mut row = vec![
                    text(*reseau),
                    Cell::Percent(scope.participation.ratio().value()),
                    Cell::Int(scope.participation.accepted as u64),
                    Cell::Int(scope.participation.targeted as u64),
                ];
                row.extend(cible_row(scope, i, None));
                row
            })
        });
    Table {
        sheet: "Par réseau",
        headers: headers(&names),
        widths: vec![
            26.0, 13.0, 12.0, 12.0, 8.0, 60.0, 12.0, 12.0, 11.0, 11.0, 14.0, 10.0, 16.0, 16.0, 16.0,
        ],
        rows: Box::new(rows),
    }
}

fn status_cell(status: Status) -> Cell {
    Cell::Status(status.label().to_string())
}

pub fn organisation_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec![
        "Code".to_string(),
        "Nom".to_string(),
        "Réseau".to_string(),
        "Statut".to_string(),
    ];
    for cible in &CIBLES {
        names.extend([
            format!("{} num.", cible.code),
            format!("{} dén.", cible.code),
            format!("{} résultat", cible.code),
        ]);
    }
    let mut widths = vec![10.0, 40.0, 26.0, 26.0];
    widths.extend(std::iter::repeat_n(10.0, 30));
    let rows = context.collection.organisations.iter().map(|o| {
        let mut row = vec![
            text(&o.code),
            text(&o.name),
            text(o.reseau.unwrap_or("")),
            status_cell(o.status),
        ];
        for (i, cible) in CIBLES.iter().enumerate() {
            match &o.indicators {
                Some(indicators) => {
                    let ratio = indicators.ratios[i];
                    row.push(Cell::Int(ratio.num));
                    row.push(Cell::Int(ratio.den));
                    row.push(if matches!(cible.code, "4.1" | "6.1") {
                        text(yes_no(indicators.meets(i)))
                    } else {
                        Cell::Percent(ratio.value())
                    });
                }
                None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty]),
            }
        }
        row
    });
    Table {
        sheet: "Par organisation",
        headers: names,
        widths,
        rows: Box::new(rows),
    }
}

pub fn process_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec!["Organisation".to_string()];
    names.extend(form::PROCESSES.iter().map(|(_, name)| name.to_string()));
    names.push("Sans papier de bout en bout (sur 12)".into());
    let mut widths = vec![14.0];
    widths.extend(std::iter::repeat_n(20.0, form::PROCESSES.len()));
    widths.push(16.0);
    let rows = context
        .collection
        .accepted
        .iter()
        .map(|(code, submission)| {
            let mut row = vec![text(code)];
            for (_, name) in form::PROCESSES {
                let status = submission
                    .processes
                    .iter()
                    .find(|p| p.name == *name)
                    .and_then(|p| p.status);
                row.push(Cell::Status(status.unwrap_or("").to_string()));
            }
            row.push(Cell::Int(
                submission
                    .processes
                    .iter()
                    .filter(|p| p.status == Some(form::PAPERLESS))
                    .count() as u64,
            ));
            row
        });
    Table {
        sheet: "Processus",
        headers: names,
        widths,
        rows: Box::new(rows),
    }
}

const NUM: &str = "numérateur et dénominateur";
const DEN: &str = "dénominateur seulement";

/// How a service counts in each of 1.1, 1.2, 2.1, 3.1 and 5.1.
pub fn service_audit(s: &Service) -> [String; 5] {
    if !s.digital {
        return std::array::from_fn(|_| "exclu (service non numérique)".to_string());
    }
    let pick = |applies: bool, why_not: &str, counts: bool| -> String {
        if !applies {
            format!("exclu ({why_not})")
        } else if counts {
            NUM.into()
        } else {
            DEN.into()
        }
    };
    let usage = match (s.digital_uses, s.total_uses) {
        (Usage::Unavailable, _) | (_, Usage::Unavailable) => {
            "dénominateur seulement (ND)".to_string()
        }
        (Usage::Count(_), Usage::Count(0)) => {
            "dénominateur seulement (aucune utilisation)".to_string()
        }
        (Usage::Count(d), Usage::Count(t)) if mostly_digital(s.digital_uses, s.total_uses) => {
            format!("{NUM} ({:.1} % > 75 %)", d as f64 * 100.0 / t as f64).replace('.', ",")
        }
        (Usage::Count(d), Usage::Count(t)) => {
            format!("{DEN} ({:.1} % ≤ 75 %)", d as f64 * 100.0 / t as f64).replace('.', ",")
        }
        _ => "dénominateur seulement (utilisations manquantes)".to_string(),
    };
    [
        pick(
            s.new,
            "ni nouveau ni révisé depuis le 3 juin 2019",
            s.involved,
        ),
        pick(true, "", s.evaluation),
        pick(s.transactional, "non transactionnel", s.no_reask),
        pick(s.reminder, "sans échéance", s.digital_reminder),
        usage,
    ]
}

fn opt_yes_no(applies: bool, value: bool) -> Cell {
    if applies {
        text(if value { "Oui" } else { "Non" })
    } else {
        Cell::Empty
    }
}

fn usage_cell(usage: Usage) -> Cell {
    match usage {
        Usage::Count(n) => Cell::Int(n),
        Usage::Unavailable => text("ND"),
        Usage::Missing => Cell::Empty,
    }
}

fn rows_of<'a, T: 'a>(
    accepted: &'a [(String, Submission)],
    items: fn(&Submission) -> &[T],
    row: impl Fn(&str, &T) -> Vec<Cell> + 'a,
) -> Box<dyn Iterator<Item = Vec<Cell>> + 'a> {
    Box::new(accepted.iter().flat_map(move |(code, s)| {
        items(s)
            .iter()
            .map(|item| row(code, item))
            .collect::<Vec<_>>()
    }))
}

pub fn services_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec!["Organisation".to_string(), "Ligne".to_string()];
    names.extend(form::SERVICES.columns.iter().map(|c| c.header.to_string()));
    names.extend(["1.1", "1.2", "2.1", "3.1", "5.1"].map(|c| format!("Cible {c}")));
    let mut widths = vec![12.0, 8.0];
    widths.extend(form::SERVICES.columns.iter().map(|c| c.width));
    widths.extend([30.0; 5]);
    let rows = rows_of(
        &context.collection.accepted,
        |s| &s.services,
        |code, x: &Service| {
            let d = x.digital;
            let mut row = vec![
                text(code),
                Cell::Int(x.row as u64),
                text(&x.id),
                text(&x.name),
                opt_yes_no(true, d),
                opt_yes_no(d, x.new),
                opt_yes_no(d && x.new, x.involved),
                x.method.as_deref().map_or(Cell::Empty, text),
                opt_yes_no(d, x.evaluation),
                opt_yes_no(d, x.transactional),
                opt_yes_no(d && x.transactional, x.no_reask),
                opt_yes_no(d, x.reminder),
                opt_yes_no(d && x.reminder, x.digital_reminder),
                usage_cell(x.digital_uses),
                usage_cell(x.total_uses),
            ];
            row.extend(service_audit(x).map(Cell::Text));
            row
        },
    );
    Table {
        sheet: "Services",
        headers: names,
        widths,
        rows,
    }
}

pub fn consultations_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec!["Organisation".to_string(), "Ligne".to_string()];
    names.extend(
        form::CONSULTATIONS
            .columns
            .iter()
            .map(|c| c.header.to_string()),
    );
    names.push("Cible 1.3".into());
    let rows = rows_of(
        &context.collection.accepted,
        |s| &s.consultations,
        |code, c| {
            let audit = match c.start {
                Some(start) if start < form::PERIOD_START => {
                    "exclue (avant le 2019-06-03)".to_string()
                }
                None => "exclue (date manquante)".to_string(),
                Some(_) if crate::indicators::consultation_counts(c) => NUM.to_string(),
                Some(_) => DEN.to_string(),
            };
            vec![
                text(code),
                Cell::Int(c.row as u64),
                text(&c.id),
                text(&c.title),
                text(c.start.map(|d| d.to_string()).unwrap_or_default()),
                opt_yes_no(true, c.digital),
                opt_yes_no(true, c.traditional),
                opt_yes_no(c.digital && c.traditional, c.equivalent),
                text(audit),
            ]
        },
    );
    Table {
        sheet: "Consultations",
        headers: names,
        widths: vec![12.0, 8.0, 12.0, 40.0, 14.0, 14.0, 14.0, 14.0, 30.0],
        rows,
    }
}

pub fn initiatives_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec!["Organisation".to_string(), "Ligne".to_string()];
    names.extend(
        form::INITIATIVES
            .columns
            .iter()
            .map(|c| c.header.to_string()),
    );
    names.push("Cible 4.1".into());
    let accepted = &context.collection.accepted;
    let rows = Box::new(accepted.iter().flat_map(|(code, s)| {
        let plan = s.organisation.plan_filed == Some(true);
        s.initiatives.iter().map(move |i| {
            let audit = if !i.in_plan {
                "ne compte pas (hors du plan)".to_string()
            } else if i.status != Some(form::FINISHED) {
                format!("ne compte pas (statut {})", i.status.unwrap_or("inconnu"))
            } else if i.end.is_none_or(|end| end < form::PERIOD_START) {
                "ne compte pas (terminée avant le 2019-06-03)".to_string()
            } else if !plan {
                "ne compte pas (plan non déposé)".to_string()
            } else {
                "compte (initiative du plan terminée)".to_string()
            };
            vec![
                text(code),
                Cell::Int(i.row as u64),
                text(&i.id),
                text(&i.title),
                opt_yes_no(true, i.in_plan),
                text(i.status.unwrap_or("")),
                text(i.end.map(|d| d.to_string()).unwrap_or_default()),
                text(audit),
            ]
        })
    }));
    Table {
        sheet: "Initiatives",
        headers: names,
        widths: vec![12.0, 8.0, 12.0, 40.0, 14.0, 14.0, 14.0, 34.0],
        rows,
    }
}

pub fn datasets_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let mut names = vec!["Organisation".to_string(), "Ligne".to_string()];
    names.extend(form::DONNEES.columns.iter().map(|c| c.header.to_string()));
    names.push("Cible 6.1".into());
    let rows = rows_of(
        &context.collection.accepted,
        |s| &s.datasets,
        |code, d| {
            let audit = match (d.high_potential(), d.published) {
                (false, _) => "exclu (score axe A < 50)",
                (true, true) => NUM,
                (true, false) => DEN,
            };
            let score =
                |s: Option<f64>| s.map_or(Cell::Empty, |s| text(format!("{s}").replace('.', ",")));
            vec![
                text(code),
                Cell::Int(d.row as u64),
                text(&d.id),
                text(&d.name),
                score(d.score_a),
                score(d.score_b),
                opt_yes_no(true, d.published),
                text(d.address.clone().unwrap_or_default()),
                text(audit),
            ]
        },
    );
    Table {
        sheet: "Données",
        headers: names,
        widths: vec![12.0, 8.0, 12.0, 40.0, 10.0, 10.0, 14.0, 50.0, 30.0],
        rows,
    }
}

pub fn findings_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let rows = context.collection.findings.iter().map(|f| {
        vec![
            text(&f.file),
            text(f.sheet.clone().unwrap_or_default()),
            text(f.cell.clone().unwrap_or_default()),
            text(f.severity.label()),
            text(f.code),
            text(&f.message),
        ]
    });
    Table {
        sheet: "Constats",
        headers: headers(&[
            "Fichier", "Feuille", "Cellule", "Gravité", "Code", "Message",
        ]),
        widths: vec![30.0, 16.0, 10.0, 14.0, 8.0, 120.0],
        rows: Box::new(rows),
    }
}

pub fn submissions_table<'a>(context: &'a Context<'a>) -> Table<'a> {
    let rows = context.collection.files.iter().map(|f| {
        vec![
            text(f.file.clone().unwrap_or_else(|| "(aucun fichier)".into())),
            text(f.organisation.clone().unwrap_or_default()),
            status_cell(f.status),
            Cell::Int(f.errors as u64),
            Cell::Int(f.warnings as u64),
            text(f.sha256.clone().unwrap_or_default()),
        ]
    });
    Table {
        sheet: "Soumissions",
        headers: headers(&[
            "Fichier",
            "Organisation",
            "Statut",
            "Erreurs",
            "Avertissements",
            "SHA-256",
        ]),
        widths: vec![36.0, 14.0, 28.0, 10.0, 15.0, 68.0],
        rows: Box::new(rows),
    }
}

/// The data tables, in report order (after `Sommaire`).
pub fn data_tables<'a>(context: &'a Context<'a>) -> Vec<Table<'a>> {
    vec![
        reseau_table(context),
        organisation_table(context),
        process_table(context),
        services_table(context),
        consultations_table(context),
        initiatives_table(context),
        datasets_table(context),
        findings_table(context),
        submissions_table(context),
    ]
}
