//! Terminal views: findings and comfy-table previews, French number formatting.

use crate::finding::{Finding, Severity};
use crate::indicators::{format_percent, OrganisationIndicators, CIBLES};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, Table};

/// The findings of one file, grouped by severity, ordered by sheet and cell.
pub fn findings_text(findings: &[Finding]) -> String {
    let mut out = String::new();
    for severity in [
        Severity::Erreur,
        Severity::Avertissement,
        Severity::Information,
    ] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        let title = match severity {
            Severity::Erreur => "Erreurs",
            Severity::Avertissement => "Avertissements",
            Severity::Information => "Informations",
        };
        out.push_str(&format!("  {title} ({})\n", group.len()));
        for finding in group {
            let location = finding.location();
            let location = if location.is_empty() {
                String::new()
            } else {
                format!("{location} ")
            };
            out.push_str(&format!(
                "    {} {location}: {}\n",
                finding.code, finding.message
            ));
        }
    }
    out
}

pub use crate::values::format_count;

pub fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "Oui",
        Some(false) => "Non",
        None => "s.o.",
    }
}

pub fn new_table(headers: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_header(headers.iter().map(Cell::new));
    table
}

/// The ten indicators of one organisation.
pub fn organisation_table(indicators: &OrganisationIndicators) -> String {
    let mut table = new_table(&[
        "Cible",
        "Libellé",
        "Num./dén.",
        "Résultat",
        "Cible visée",
        "Taux d'atteinte",
        "Atteinte",
    ]);
    for (i, cible) in CIBLES.iter().enumerate() {
        let ratio = indicators.ratios[i];
        let attainment = if cible.code == "6.1" {
            None
        } else {
            ratio.attainment(cible.target_percent)
        };
        table.add_row(vec![
            Cell::new(cible.code),
            Cell::new(cible.wording),
            Cell::new(format!(
                "{}/{}",
                format_count(ratio.num),
                format_count(ratio.den)
            ))
            .set_alignment(CellAlignment::Right),
            Cell::new(format_percent(ratio.value())).set_alignment(CellAlignment::Right),
            Cell::new(format!("{}\u{202f}%", cible.target_percent))
                .set_alignment(CellAlignment::Right),
            Cell::new(if cible.code == "6.1" {
                "—".to_string()
            } else {
                format_percent(attainment)
            })
            .set_alignment(CellAlignment::Right),
            Cell::new(yes_no(indicators.meets(i))),
        ]);
    }
    table.to_string()
}
