//! `--precedent`: the report of an earlier collection, read back, and the
//! change of each cible overall and on a constant perimeter of organisations.

use crate::aggregate::{is_share_of_organisations, Aggregate};
use crate::collection::Collection;
use crate::indicators::{Ratio, CIBLES};
use crate::read::{self, Limits, Sheet};
use crate::values::{normalize, Raw};
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub const SUMMARY_SHEET: &str = "Sommaire";
pub const ORGANISATIONS_SHEET: &str = "Par organisation";

/// One organisation's cible in a report: (numerator, denominator, met).
pub type OrgCible = (u64, u64, Option<bool>);

/// What an earlier report says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    /// Overall result of each cible (`None`: sans objet).
    pub results: [Option<f64>; 10],
    /// Accepted organisations and their cibles.
    pub organisations: BTreeMap<String, [OrgCible; 10]>,
}

/// The comparison of one cible with the earlier collection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub previous: Option<f64>,
    /// In percentage points.
    pub points: Option<f64>,
    pub points_constant_perimeter: Option<f64>,
}

pub fn load(path: &Path) -> Result<Previous> {
    let bytes = std::fs::read(path).with_context(|| {
        format!(
            "Le rapport précédent « {} » ne peut pas être lu",
            path.display()
        )
    })?;
    let wanted = |name: &str| {
        let key = normalize(name);
        key == normalize(SUMMARY_SHEET) || key == normalize(ORGANISATIONS_SHEET)
    };
    let workbook = read::read_workbook(&bytes, &Limits::default(), &wanted)
        .map_err(|error| anyhow::anyhow!("{}", error.message()))
        .with_context(|| format!("Rapport précédent « {} »", path.display()))?;
    let sheet = |name: &str| {
        workbook
            .sheets
            .iter()
            .find(|s| normalize(&s.name) == normalize(name))
            .with_context(|| {
                format!(
                    "« {} » n'est pas un rapport de barometre : la feuille « {name} » est absente",
                    path.display()
                )
            })
    };
    Ok(Previous {
        results: summary_results(sheet(SUMMARY_SHEET)?)
            .with_context(|| format!("Rapport précédent « {} »", path.display()))?,
        organisations: organisation_cibles(sheet(ORGANISATIONS_SHEET)?),
    })
}

fn number(raw: &Raw) -> Option<f64> {
    match raw {
        Raw::Number(n) => Some(*n),
        _ => None,
    }
}

/// The `Résultat` column of the cible table of `Sommaire`.
fn summary_results(sheet: &Sheet) -> Result<[Option<f64>; 10]> {
    let header = sheet
        .rows
        .iter()
        .find(|row| {
            row.cells
                .iter()
                .any(|(_, raw)| normalize(&raw.as_text()) == "cible")
        })
        .context("le tableau des cibles du Sommaire est introuvable")?;
    let column = |name: &str| {
        header
            .cells
            .iter()
            .find(|(_, raw)| normalize(&raw.as_text()) == name)
            .map(|(c, _)| *c)
    };
    let (Some(code_col), Some(result_col)) = (column("cible"), column("resultat")) else {
        bail!("les colonnes « Cible » et « Résultat » du Sommaire sont introuvables");
    };
    let mut results = [None; 10];
    for row in sheet.rows.iter().filter(|row| row.index > header.index) {
        let code = row.get(code_col).as_text();
        if let Some(i) = CIBLES.iter().position(|c| c.code == code) {
            results[i] = number(row.get(result_col));
        }
    }
    Ok(results)
}

/// `Par organisation`: the accepted organisations with, per cible, num/den/met.
fn organisation_cibles(sheet: &Sheet) -> BTreeMap<String, [OrgCible; 10]> {
    let mut result = BTreeMap::new();
    let Some(header) = sheet.rows.first() else {
        return result;
    };
    let find = |name: &str| {
        header
            .cells
            .iter()
            .find(|(_, raw)| normalize(&raw.as_text()) == normalize(name))
            .map(|(c, _)| *c)
    };
    let (Some(code_col), Some(status_col)) = (find("Code"), find("Statut")) else {
        return result;
    };
    for row in sheet.rows.iter().skip(1) {
        let status = normalize(&row.get(status_col).as_text());
        if !status.starts_with("acceptee") {
            continue;
        }
        let cibles = std::array::from_fn(|i| {
            let code = CIBLES[i].code;
            let get = |suffix: &str| find(&format!("{code} {suffix}")).map(|c| row.get(c));
            let num = get("num.").and_then(number).unwrap_or(0.0) as u64;
            let den = get("dén.").and_then(number).unwrap_or(0.0) as u64;
            let met = get("résultat").and_then(|raw| match normalize(&raw.as_text()).as_str() {
                "oui" => Some(true),
                "non" => Some(false),
                _ => None,
            });
            (num, den, met)
        });
        result.insert(row.get(code_col).as_text().to_uppercase(), cibles);
    }
    result
}

/// The current collection's accepted organisations in the same shape.
pub fn current_cibles(collection: &Collection) -> BTreeMap<String, [OrgCible; 10]> {
    collection
        .organisations
        .iter()
        .filter(|o| o.status.is_accepted())
        .filter_map(|o| {
            let indicators = o.indicators?;
            Some((
                o.code.clone(),
                std::array::from_fn(|i| {
                    let ratio = indicators.ratios[i];
                    (ratio.num, ratio.den, indicators.meets(i))
                }),
            ))
        })
        .collect()
}

/// Pooled result of cible `index` over the organisations of `codes`.
fn pooled(
    organisations: &BTreeMap<String, [OrgCible; 10]>,
    codes: &[&String],
    index: usize,
) -> Option<f64> {
    let cibles = codes
        .iter()
        .filter_map(|code| organisations.get(*code))
        .map(|c| c[index]);
    let ratio = if is_share_of_organisations(index) {
        let list: Vec<OrgCible> = cibles.collect();
        Ratio::new(
            list.iter().filter(|c| c.2 == Some(true)).count() as u64,
            list.len() as u64,
        )
    } else {
        cibles.fold(Ratio::default(), |acc, (num, den, _)| {
            Ratio::new(acc.num + num, acc.den + den)
        })
    };
    ratio.value()
}

/// The change of each cible against the earlier collection.
pub fn changes(
    previous: &Previous,
    current: &BTreeMap<String, [OrgCible; 10]>,
    overall: &[Aggregate; 10],
) -> [Change; 10] {
    let common: Vec<&String> = current
        .keys()
        .filter(|code| previous.organisations.contains_key(*code))
        .collect();
    std::array::from_fn(|i| {
        let points = |now: Option<f64>, before: Option<f64>| Some((now? - before?) * 100.0);
        Change {
            previous: previous.results[i],
            points: points(overall[i].ratio.value(), previous.results[i]),
            points_constant_perimeter: points(
                pooled(current, &common, i),
                pooled(&previous.organisations, &common, i),
            ),
        }
    })
}
