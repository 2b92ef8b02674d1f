//! The serde structs of the JSON contract (`sorties.md`).

use crate::finding::Finding;
use crate::indicators::{OrganisationIndicators, CIBLES};
use serde::Serialize;

/// One cible of one organisation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrganisationIndicatorJson {
    pub cible: &'static str,
    pub numerateur: u64,
    pub denominateur: u64,
    pub resultat: Option<f64>,
    pub cible_visee: f64,
    pub taux_atteinte: Option<f64>,
    pub atteinte: Option<bool>,
}

pub fn organisation_indicators(indicators: &OrganisationIndicators) -> Vec<OrganisationIndicatorJson> {
    CIBLES
        .iter()
        .enumerate()
        .map(|(i, cible)| {
            let ratio = indicators.ratios[i];
            let is_6_1 = cible.code == "6.1";
            OrganisationIndicatorJson {
                cible: cible.code,
                numerateur: ratio.num,
                denominateur: ratio.den,
                resultat: ratio.value(),
                cible_visee: cible.target_percent as f64 / 100.0,
                taux_atteinte: if is_6_1 { None } else { ratio.attainment(cible.target_percent) },
                atteinte: indicators.meets(i),
            }
        })
        .collect()
}

/// `check --format json`: one entry per file.
#[derive(Debug, Serialize)]
pub struct CheckFileJson {
    pub fichier: String,
    pub organisation: Option<String>,
    pub erreurs: usize,
    pub avertissements: usize,
    pub constats: Vec<Finding>,
    pub indicateurs: Vec<OrganisationIndicatorJson>,
}

#[derive(Debug, Serialize)]
pub struct CheckJson {
    pub fichiers: Vec<CheckFileJson>,
}
