//! The audit trail: every row of an accepted submission, with how it counts
//! in each cible it feeds (`Services`, `Consultations`, `Initiatives`, `Données`).

use crate::form;
use crate::indicators::mostly_digital;
use crate::model::{Service, Submission, Usage};
use crate::report::tables::{text, Cell};

/// The four audit sheets, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditSheet {
    Services = 0,
    Consultations = 1,
    Initiatives = 2,
    Donnees = 3,
}

impl AuditSheet {
    pub const ALL: [AuditSheet; 4] = [
        AuditSheet::Services,
        AuditSheet::Consultations,
        AuditSheet::Initiatives,
        AuditSheet::Donnees,
    ];

    pub fn name(self) -> &'static str {
        self.form().name
    }

    fn form(self) -> &'static form::TableSheet {
        match self {
            AuditSheet::Services => &form::SERVICES,
            AuditSheet::Consultations => &form::CONSULTATIONS,
            AuditSheet::Initiatives => &form::INITIATIVES,
            AuditSheet::Donnees => &form::DONNEES,
        }
    }
}

/// Headers and widths: organisation, row, the form's columns, then the cibles.
pub fn columns(sheet: AuditSheet) -> (Vec<String>, Vec<f64>) {
    let cibles: &[&str] = match sheet {
        AuditSheet::Services => &["1.1", "1.2", "2.1", "3.1", "5.1"],
        AuditSheet::Consultations => &["1.3"],
        AuditSheet::Initiatives => &["4.1"],
        AuditSheet::Donnees => &["6.1"],
    };
    let mut headers = vec!["Organisation".to_string(), "Ligne".to_string()];
    headers.extend(sheet.form().columns.iter().map(|c| c.header.to_string()));
    headers.extend(cibles.iter().map(|c| format!("Cible {c}")));
    let mut widths = vec![12.0, 8.0];
    widths.extend(sheet.form().columns.iter().map(|c| c.width));
    widths.extend(cibles.iter().map(|_| 32.0));
    (headers, widths)
}

/// The rows of one submission for one audit sheet.
pub fn rows(sheet: AuditSheet, code: &str, s: &Submission) -> Vec<Vec<Cell>> {
    match sheet {
        AuditSheet::Services => s.services.iter().map(|x| service_row(code, x)).collect(),
        AuditSheet::Consultations => s
            .consultations
            .iter()
            .map(|c| consultation_row(code, c))
            .collect(),
        AuditSheet::Initiatives => {
            let plan = s.organisation.plan_filed == Some(true);
            s.initiatives
                .iter()
                .map(|i| initiative_row(code, i, plan))
                .collect()
        }
        AuditSheet::Donnees => s.datasets.iter().map(|d| dataset_row(code, d)).collect(),
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

fn service_row(code: &str, x: &Service) -> Vec<Cell> {
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
}

fn consultation_row(code: &str, c: &crate::model::Consultation) -> Vec<Cell> {
    let audit = match c.start {
        Some(start) if start < form::PERIOD_START => "exclue (avant le 2019-06-03)".to_string(),
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
}

fn initiative_row(code: &str, i: &crate::model::Initiative, plan: bool) -> Vec<Cell> {
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
}

fn dataset_row(code: &str, d: &crate::model::Dataset) -> Vec<Cell> {
    let audit = match (d.high_potential(), d.published) {
        (false, _) => "exclu (score axe A < 50)",
        (true, true) => NUM,
        (true, false) => DEN,
    };
    let score = |s: Option<f64>| s.map_or(Cell::Empty, |s| text(format!("{s}").replace('.', ",")));
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
}
