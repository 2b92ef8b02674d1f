//! The Baromètre: organisations combined, overall and per réseau.
//!
//! Pure functions over plain data (`indicateurs.md`, « Aggregate »).

use crate::form::RESEAUX;
use crate::indicators::{OrganisationIndicators, Ratio, CIBLES};

/// One accepted organisation, as the aggregation sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub code: String,
    /// The registry's réseau when it has one, else the declared one.
    pub reseau: &'static str,
    pub indicators: OrganisationIndicators,
}

/// The base of 4.1 and 6.1 and of the participation.
#[derive(Debug, Clone, PartialEq)]
pub enum Targeted {
    /// The registry's organisations with their réseau.
    Registry(Vec<(String, &'static str)>),
    /// No registry: the accepted submissions.
    Accepted,
}

/// One cible, combined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aggregate {
    /// Pooled ratio (4.1 and 6.1: organisations meeting / targeted).
    pub ratio: Ratio,
    /// Unweighted mean of the organisations' own proportions (not sans objet).
    pub mean: Option<f64>,
    /// Organisations with a non-zero denominator.
    pub contributors: usize,
    /// Accepted organisations that meet the cible themselves.
    pub meeting: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    pub accepted: usize,
    pub targeted: usize,
}

impl Participation {
    pub fn ratio(&self) -> Ratio {
        Ratio::new(self.accepted as u64, self.targeted as u64)
    }
}

/// The figures of one scope (the government, or one réseau).
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    pub cibles: [Aggregate; 10],
    pub participation: Participation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Barometre {
    pub overall: Scope,
    /// In the order of `RESEAUX`.
    pub reseaux: Vec<(&'static str, Scope)>,
}

/// Whether cible `index` is counted as organisations meeting / targeted.
pub fn is_share_of_organisations(index: usize) -> bool {
    matches!(CIBLES[index].code, "4.1" | "6.1")
}

pub fn barometre(contributions: &[Contribution], targeted: &Targeted) -> Barometre {
    let overall = scope(contributions, targeted_count(contributions, targeted, None));
    let reseaux = RESEAUX
        .iter()
        .map(|reseau| {
            let members: Vec<Contribution> = contributions
                .iter()
                .filter(|c| c.reseau == *reseau)
                .cloned()
                .collect();
            let count = targeted_count(contributions, targeted, Some(reseau));
            (*reseau, scope(&members, count))
        })
        .collect();
    Barometre { overall, reseaux }
}

fn targeted_count(
    contributions: &[Contribution],
    targeted: &Targeted,
    reseau: Option<&str>,
) -> usize {
    match targeted {
        Targeted::Registry(list) => list
            .iter()
            .filter(|(_, r)| reseau.is_none_or(|reseau| *r == reseau))
            .count(),
        Targeted::Accepted => contributions
            .iter()
            .filter(|c| reseau.is_none_or(|reseau| c.reseau == reseau))
            .count(),
    }
}

/// Combines the accepted organisations of one scope.
pub fn scope(members: &[Contribution], targeted: usize) -> Scope {
    let cibles = std::array::from_fn(|index| combine(members, index, targeted));
    Scope {
        cibles,
        participation: Participation {
            accepted: members.len(),
            targeted,
        },
    }
}

fn combine(members: &[Contribution], index: usize, targeted: usize) -> Aggregate {
    let own: Vec<Ratio> = members.iter().map(|m| m.indicators.ratios[index]).collect();
    let meeting = members
        .iter()
        .filter(|m| m.indicators.meets(index) == Some(true))
        .count();
    let ratio = if is_share_of_organisations(index) {
        Ratio::new(meeting as u64, targeted as u64)
    } else {
        Ratio::new(
            own.iter().map(|r| r.num).sum(),
            own.iter().map(|r| r.den).sum(),
        )
    };
    let mut values: Vec<f64> = own.iter().filter_map(Ratio::value).collect();
    // Summed in a fixed order, so the mean does not depend on the order of files.
    values.sort_by(f64::total_cmp);
    Aggregate {
        ratio,
        mean: (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64),
        contributors: values.len(),
        meeting,
    }
}

/// A cible's progression: its taux d'atteinte capped at 100 % (`None`: sans objet).
pub fn progression(aggregate: &Aggregate, index: usize) -> Option<f64> {
    aggregate
        .ratio
        .attainment(CIBLES[index].target_percent)
        .map(|taux| taux.min(1.0))
}

/// Mean of the progressions of the cibles of `orientation` (0: all ten).
pub fn orientation_progression(scope: &Scope, orientation: u8) -> Option<f64> {
    let values: Vec<f64> = (0..CIBLES.len())
        .filter(|i| orientation == 0 || CIBLES[*i].orientation == orientation)
        .filter_map(|i| progression(&scope.cibles[i], i))
        .collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contribution(
        code: &str,
        reseau: &'static str,
        ratios: [(u64, u64); 10],
        meets_6_1: bool,
    ) -> Contribution {
        Contribution {
            code: code.into(),
            reseau,
            indicators: OrganisationIndicators {
                ratios: ratios.map(|(n, d)| Ratio::new(n, d)),
                meets_6_1,
            },
        }
    }

    #[test]
    fn pooled_mean_and_shares() {
        let a = contribution(
            "A",
            RESEAUX[0],
            [
                (1, 2),
                (0, 0),
                (1, 1),
                (1, 1),
                (0, 1),
                (1, 1),
                (30, 40),
                (1, 2),
                (9, 12),
                (2, 3),
            ],
            true,
        );
        let b = contribution(
            "B",
            RESEAUX[1],
            [
                (3, 4),
                (0, 0),
                (0, 1),
                (1, 1),
                (0, 1),
                (0, 1),
                (10, 60),
                (0, 2),
                (3, 12),
                (0, 0),
            ],
            false,
        );
        let result = barometre(
            &[a, b],
            &Targeted::Registry(vec![
                ("A".into(), RESEAUX[0]),
                ("B".into(), RESEAUX[1]),
                ("C".into(), RESEAUX[1]),
            ]),
        );
        let overall = &result.overall;
        assert_eq!(overall.cibles[0].ratio, Ratio::new(4, 6));
        assert_eq!(overall.cibles[0].mean, Some((0.5 + 0.75) / 2.0));
        assert_eq!(overall.cibles[1].ratio, Ratio::new(0, 0));
        assert_eq!(overall.cibles[1].mean, None);
        assert_eq!(overall.cibles[1].contributors, 0);
        assert_eq!(
            overall.cibles[5].ratio,
            Ratio::new(1, 3),
            "4.1 over the registry's three organisations"
        );
        assert_eq!(
            overall.cibles[9].ratio,
            Ratio::new(1, 3),
            "6.1 over the registry's three organisations"
        );
        assert_eq!(overall.cibles[9].contributors, 1);
        assert_eq!(overall.participation.ratio(), Ratio::new(2, 3));
        let sante = &result.reseaux[1].1;
        assert_eq!(sante.participation.ratio(), Ratio::new(1, 2));
        assert_eq!(sante.cibles[5].ratio, Ratio::new(0, 2));
        let education = &result.reseaux[2].1;
        assert!(education.cibles[0].ratio.is_sans_objet());
        assert_eq!(orientation_progression(education, 0), None);
    }

    #[test]
    fn progression_caps_each_cible() {
        let a = contribution("A", RESEAUX[0], [(1, 1); 10], true);
        let result = barometre(&[a], &Targeted::Accepted);
        assert_eq!(orientation_progression(&result.overall, 0), Some(1.0));
        assert_eq!(
            progression(&result.overall.cibles[3], 3),
            Some(1.0),
            "2.1 at 200 % is capped"
        );
    }
}
