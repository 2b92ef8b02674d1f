//! The serde structs of the JSON contract (`sorties.md`).

use crate::aggregate::{orientation_progression, Scope};
use crate::collection::{Collection, Status};
use crate::finding::Finding;
use crate::indicators::{OrganisationIndicators, CIBLES};
use crate::precedent::Change;
use crate::report::methodology::GUIDE;
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

pub fn organisation_indicators(
    indicators: &OrganisationIndicators,
) -> Vec<OrganisationIndicatorJson> {
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
                taux_atteinte: if is_6_1 {
                    None
                } else {
                    ratio.attainment(cible.target_percent)
                },
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

/// One cible of an aggregate (overall or réseau).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AggregateIndicatorJson {
    #[serde(flatten)]
    pub base: OrganisationIndicatorJson,
    pub organisations_contributrices: usize,
    pub organisations_atteignant: usize,
    pub moyenne_organisations: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precedent: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecart_points: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecart_points_perimetre_constant: Option<Option<f64>>,
}

pub fn aggregate_indicators(
    scope: &Scope,
    changes: Option<&[Change; 10]>,
) -> Vec<AggregateIndicatorJson> {
    CIBLES
        .iter()
        .enumerate()
        .map(|(i, cible)| {
            let aggregate = &scope.cibles[i];
            let ratio = aggregate.ratio;
            let change = changes.map(|c| c[i]);
            AggregateIndicatorJson {
                base: OrganisationIndicatorJson {
                    cible: cible.code,
                    numerateur: ratio.num,
                    denominateur: ratio.den,
                    resultat: ratio.value(),
                    cible_visee: cible.target_percent as f64 / 100.0,
                    taux_atteinte: ratio.attainment(cible.target_percent),
                    atteinte: ratio.meets(cible.target_percent),
                },
                organisations_contributrices: aggregate.contributors,
                organisations_atteignant: aggregate.meeting,
                moyenne_organisations: aggregate.mean,
                precedent: change.map(|c| c.previous),
                ecart_points: change.map(|c| c.points),
                ecart_points_perimetre_constant: change.map(|c| c.points_constant_perimeter),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Parametres {
    pub guide: &'static str,
    pub annee: Option<u64>,
    pub organisations_sha256: Option<String>,
    pub strict: bool,
}

#[derive(Debug, Serialize)]
pub struct ParticipationJson {
    pub soumissions_acceptees: usize,
    pub organisations_ciblees: usize,
}

#[derive(Debug, Serialize)]
pub struct OrientationJson {
    pub orientation: u8,
    pub progression: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ProgressionJson {
    pub globale: Option<f64>,
    pub orientations: Vec<OrientationJson>,
}

#[derive(Debug, Serialize)]
pub struct ReseauJson {
    pub reseau: &'static str,
    pub participation: ParticipationJson,
    pub indicateurs: Vec<AggregateIndicatorJson>,
}

#[derive(Debug, Serialize)]
pub struct OrganisationJson {
    pub code: String,
    pub nom: String,
    pub reseau: Option<&'static str>,
    pub statut: Status,
    pub indicateurs: Vec<OrganisationIndicatorJson>,
}

#[derive(Debug, Serialize)]
pub struct SoumissionJson {
    pub fichier: Option<String>,
    pub organisation: Option<String>,
    pub statut: Status,
    pub erreurs: usize,
    pub avertissements: usize,
    pub sha256: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ComputeJson {
    pub outil: String,
    pub annee: Option<u64>,
    pub parametres: Parametres,
    pub participation: ParticipationJson,
    pub progression: ProgressionJson,
    pub indicateurs: Vec<AggregateIndicatorJson>,
    pub reseaux: Vec<ReseauJson>,
    pub organisations: Vec<OrganisationJson>,
    pub soumissions: Vec<SoumissionJson>,
    pub constats: Vec<Finding>,
}

fn participation(scope: &Scope) -> ParticipationJson {
    ParticipationJson {
        soumissions_acceptees: scope.participation.accepted,
        organisations_ciblees: scope.participation.targeted,
    }
}

pub fn compute_json(
    collection: &Collection,
    changes: Option<&[Change; 10]>,
    registry_sha256: Option<String>,
    strict: bool,
) -> ComputeJson {
    let overall = &collection.barometre.overall;
    ComputeJson {
        outil: format!("barometre {}", env!("CARGO_PKG_VERSION")),
        annee: collection.year,
        parametres: Parametres {
            guide: GUIDE,
            annee: collection.year,
            organisations_sha256: registry_sha256,
            strict,
        },
        participation: participation(overall),
        progression: ProgressionJson {
            globale: orientation_progression(overall, 0),
            orientations: [1, 2]
                .iter()
                .map(|o| OrientationJson {
                    orientation: *o,
                    progression: orientation_progression(overall, *o),
                })
                .collect(),
        },
        indicateurs: aggregate_indicators(overall, changes),
        reseaux: collection
            .barometre
            .reseaux
            .iter()
            .map(|(reseau, scope)| ReseauJson {
                reseau,
                participation: participation(scope),
                indicateurs: aggregate_indicators(scope, None),
            })
            .collect(),
        organisations: collection
            .organisations
            .iter()
            .map(|o| OrganisationJson {
                code: o.code.clone(),
                nom: o.name.clone(),
                reseau: o.reseau,
                statut: o.status,
                indicateurs: o
                    .indicators
                    .as_ref()
                    .map(organisation_indicators)
                    .unwrap_or_default(),
            })
            .collect(),
        soumissions: collection
            .files
            .iter()
            .map(|f| SoumissionJson {
                fichier: f.file.clone(),
                organisation: f.organisation.clone(),
                statut: f.status,
                erreurs: f.errors,
                avertissements: f.warnings,
                sha256: f.sha256.clone(),
            })
            .collect(),
        constats: collection.findings.clone(),
    }
}
