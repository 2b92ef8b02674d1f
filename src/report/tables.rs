//! The report's tables as plain data: the xlsx and the CSV render the same rows.

use crate::aggregate::{orientation_progression, Scope};
use crate::collection::{Collection, Status};
use crate::form;
use crate::indicators::CIBLES;
use crate::precedent::Change;
use crate::report::audit::{self, AuditSheet};
use crate::report::spool::Spool;
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
    /// A column of long text that wraps (its rows grow to show it).
    pub wrap_column: Option<usize>,
    pub headers: Vec<String>,
    pub widths: Vec<f64>,
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a>,
}

pub fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Everything a report needs beyond the collection.
pub struct Context<'a> {
    pub collection: &'a Collection,
    pub changes: Option<[Change; 10]>,
    /// Where the audit rows were set aside while reading (`None`: built from the submissions).
    pub spool: Option<&'a Spool>,
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
        wrap_column: None,
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
        wrap_column: None,
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
        wrap_column: None,
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
        wrap_column: None,
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
    widths.extend(std::iter::repeat_n(27.0, form::PROCESSES.len()));
    widths.push(16.0);
    let rows = context.collection.accepted.iter().map(|accepted| {
        let submission = &accepted.submission;
        let mut row = vec![text(&accepted.code)];
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
        wrap_column: None,
        sheet: "Processus",
        headers: names,
        widths,
        rows: Box::new(rows),
    }
}

/// One of the audit sheets: every row of every accepted submission.
pub fn audit_table<'a>(context: &'a Context<'a>, sheet: AuditSheet) -> Table<'a> {
    let (headers, widths) = audit::columns(sheet);
    let rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a> = Box::new(
        context
            .collection
            .accepted
            .iter()
            .flat_map(move |accepted| match (context.spool, accepted.audit) {
                (Some(spool), Some(segments)) => spool.read(sheet, segments[sheet as usize]),
                _ => audit::rows(sheet, &accepted.code, &accepted.submission),
            }),
    );
    Table {
        wrap_column: None,
        sheet: sheet.name(),
        headers,
        widths,
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
        wrap_column: None,
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
        wrap_column: None,
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

/// How many data tables follow `Sommaire`; `SERVICES_TABLE` is by far the largest.
pub const DATA_TABLES: usize = 9;
pub const SERVICES_TABLE: usize = 3;

/// The data table at `index`, in report order (after `Sommaire`).
pub fn data_table<'a>(context: &'a Context<'a>, index: usize) -> Table<'a> {
    match index {
        0 => reseau_table(context),
        1 => organisation_table(context),
        2 => process_table(context),
        3 => audit_table(context, AuditSheet::Services),
        4 => audit_table(context, AuditSheet::Consultations),
        5 => audit_table(context, AuditSheet::Initiatives),
        6 => audit_table(context, AuditSheet::Donnees),
        7 => findings_table(context),
        _ => submissions_table(context),
    }
}

/// The data tables, in report order (after `Sommaire`).
pub fn data_tables<'a>(context: &'a Context<'a>) -> Vec<Table<'a>> {
    (0..DATA_TABLES)
        .map(|index| data_table(context, index))
        .collect()
}
