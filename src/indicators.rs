//! The ten cibles of one organisation, as exact integer ratios.
//!
//! Each function is one cible; its doc comment names the guide section.
//! Thresholds compare integers, never floats.

use crate::form;
use crate::model::{Submission, Usage};
use serde::Serialize;

/// An exact proportion. A zero denominator is *sans objet*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

impl Ratio {
    pub fn new(num: u64, den: u64) -> Ratio {
        Ratio { num, den }
    }
    pub fn is_sans_objet(&self) -> bool {
        self.den == 0
    }
    pub fn value(&self) -> Option<f64> {
        (self.den > 0).then(|| self.num as f64 / self.den as f64)
    }
    /// `num / den ≥ target %`, on integers.
    pub fn meets(&self, target_percent: u64) -> Option<bool> {
        (self.den > 0).then(|| {
            u128::from(self.num) * 100 >= u128::from(self.den) * u128::from(target_percent)
        })
    }
    /// Taux d'atteinte: result / target, not capped (guide 2.3).
    pub fn attainment(&self, target_percent: u64) -> Option<f64> {
        self.value()
            .map(|value| value * 100.0 / target_percent as f64)
    }
}

/// A cible of the Stratégie.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cible {
    pub code: &'static str,
    pub target_percent: u64,
    pub orientation: u8,
    /// The cible's wording (project's own words).
    pub wording: &'static str,
    /// The guide section of its calculation.
    pub section: &'static str,
    pub formula: &'static str,
    pub effect: &'static str,
}

pub const CIBLES: [Cible; 10] = [
    Cible { code: "1.1", target_percent: 75, orientation: 1, wording: "Nouveaux services numériques conçus avec les citoyens", section: "3.1", formula: "services numériques nouveaux ou révisés conçus avec l'implication des citoyens / services numériques nouveaux ou révisés depuis le 3 juin 2019", effect: "Faire de l'implication des citoyens un réflexe dans la conception de tout nouveau service numérique." },
    Cible { code: "1.2", target_percent: 75, orientation: 1, wording: "Services numériques évalués en continu par les citoyens", section: "3.2", formula: "services numériques offrant une évaluation en continu / services numériques", effect: "Que l'avis continu des citoyens guide l'évolution des services numériques." },
    Cible { code: "1.3", target_percent: 75, orientation: 1, wording: "Consultations publiques offrant un moyen numérique", section: "3.3", formula: "consultations avec un moyen numérique (seul, ou équivalent au moyen traditionnel) / consultations commencées depuis le 3 juin 2019", effect: "Joindre plus de citoyens en consultation grâce au numérique." },
    Cible { code: "2.1", target_percent: 50, orientation: 1, wording: "Services qui ne redemandent pas une information déjà connue", section: "3.4", formula: "services numériques transactionnels qui ne redemandent pas l'information connue / services numériques transactionnels", effect: "Vérifier d'abord si l'administration détient déjà l'information avant de la demander." },
    Cible { code: "3.1", target_percent: 60, orientation: 1, wording: "Échéances faisant l'objet d'un rappel numérique", section: "3.5", formula: "services numériques avec échéance offrant un rappel numérique / services numériques avec échéance", effect: "Tirer parti de l'instantanéité du numérique pour prévenir les citoyens." },
    Cible { code: "4.1", target_percent: 100, orientation: 2, wording: "Organisations qui déploient des mesures de transformation", section: "3.6", formula: "1 si le plan est déposé et qu'au moins une initiative du plan est terminée depuis le 3 juin 2019, sinon 0 ; en agrégé : organisations qui l'atteignent / organisations visées", effect: "Que chaque organisation avance de façon structurée vers les cibles." },
    Cible { code: "4.2", target_percent: 60, orientation: 2, wording: "Employés disposant d'un milieu de travail et de façons de faire transformés", section: "3.7", formula: "employés transformés (accès au travail à distance et approche Agile ou Lean) / employés (personnes)", effect: "Un environnement de travail moderne, agile et collaboratif." },
    Cible { code: "5.1", target_percent: 75, orientation: 2, wording: "Services numériques utilisés à plus de 75 % par voie numérique", section: "3.8", formula: "services numériques dont les utilisations numériques dépassent strictement 75 % des utilisations totales / services numériques", effect: "Favoriser l'utilisation des services numériques." },
    Cible { code: "5.2", target_percent: 75, orientation: 2, wording: "Processus administratifs prioritaires sans papier", section: "3.9", formula: "processus « Sans papier de bout en bout » / 12", effect: "Des processus administratifs plus efficients grâce au numérique." },
    Cible { code: "6.1", target_percent: 60, orientation: 2, wording: "Organisations qui diffusent la majorité de leurs données à haut potentiel", section: "3.10", formula: "par organisation : jeux diffusés / jeux à haut potentiel (score axe A ≥ 50), atteinte si plus de la moitié ; en agrégé : organisations qui l'atteignent / organisations visées", effect: "Valoriser les données et les rendre aux citoyens." },
];

/// The indicators of one organisation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrganisationIndicators {
    /// In the order of `CIBLES`.
    pub ratios: [Ratio; 10],
    /// 6.1: more than half of the high-potential datasets are published.
    pub meets_6_1: bool,
}

impl OrganisationIndicators {
    /// Whether the organisation meets cible `index` (6.1 by its own rule).
    pub fn meets(&self, index: usize) -> Option<bool> {
        if CIBLES[index].code == "6.1" {
            Some(self.meets_6_1)
        } else {
            self.ratios[index].meets(CIBLES[index].target_percent)
        }
    }
}

pub fn compute(submission: &Submission) -> OrganisationIndicators {
    let ratios = [
        cible_1_1(submission),
        cible_1_2(submission),
        cible_1_3(submission),
        cible_2_1(submission),
        cible_3_1(submission),
        cible_4_1(submission),
        cible_4_2(submission),
        cible_5_1(submission),
        cible_5_2(submission),
        cible_6_1(submission),
    ];
    OrganisationIndicators {
        meets_6_1: meets_6_1(ratios[9]),
        ratios,
    }
}

fn count<T>(items: &[T], predicate: impl Fn(&T) -> bool) -> u64 {
    items.iter().filter(|item| predicate(item)).count() as u64
}

/// Guide 3.1: new digital services designed with citizens / new digital services.
pub fn cible_1_1(s: &Submission) -> Ratio {
    let base = |x: &crate::model::Service| x.digital && x.new;
    Ratio::new(
        count(&s.services, |x| base(x) && x.involved),
        count(&s.services, base),
    )
}

/// Guide 3.2: digital services with continuous evaluation / digital services.
pub fn cible_1_2(s: &Submission) -> Ratio {
    Ratio::new(
        count(&s.services, |x| x.digital && x.evaluation),
        count(&s.services, |x| x.digital),
    )
}

/// Guide 3.3: consultations since 2019-06-03 offering a digital means (alone,
/// or equivalent to the traditional one) / consultations since 2019-06-03.
pub fn cible_1_3(s: &Submission) -> Ratio {
    let counted = |c: &crate::model::Consultation| c.start.is_some_and(|d| d >= form::PERIOD_START);
    Ratio::new(
        count(&s.consultations, |c| counted(c) && consultation_counts(c)),
        count(&s.consultations, counted),
    )
}

/// Whether a counted consultation is in the numerator of 1.3.
pub fn consultation_counts(c: &crate::model::Consultation) -> bool {
    c.digital && (!c.traditional || c.equivalent)
}

/// Guide 3.4: transactional digital services that do not re-ask / transactional digital services.
pub fn cible_2_1(s: &Submission) -> Ratio {
    let base = |x: &crate::model::Service| x.digital && x.transactional;
    Ratio::new(
        count(&s.services, |x| base(x) && x.no_reask),
        count(&s.services, base),
    )
}

/// Guide 3.5: digital services with a deadline offering a digital reminder / those with a deadline.
pub fn cible_3_1(s: &Submission) -> Ratio {
    let base = |x: &crate::model::Service| x.digital && x.reminder;
    Ratio::new(
        count(&s.services, |x| base(x) && x.digital_reminder),
        count(&s.services, base),
    )
}

/// Guide 3.6: 1/1 when the plan is filed and one of its initiatives ended
/// (`Terminée`) on or after 2019-06-03; else 0/1.
pub fn cible_4_1(s: &Submission) -> Ratio {
    Ratio::new(u64::from(meets_4_1(s)), 1)
}

fn meets_4_1(s: &Submission) -> bool {
    s.organisation.plan_filed == Some(true)
        && s.initiatives.iter().any(|i| {
            i.in_plan
                && i.status == Some(form::FINISHED)
                && i.end.is_some_and(|end| end >= form::PERIOD_START)
        })
}

/// Guide 3.7: transformed employees / employees (persons).
pub fn cible_4_2(s: &Submission) -> Ratio {
    Ratio::new(
        s.organisation.transformed_employees.unwrap_or(0),
        s.organisation.employees.unwrap_or(0),
    )
}

/// Guide 3.8: digital services used digitally strictly more than 75 % of the
/// time / all digital services (missing or `ND` counts stay in the denominator).
pub fn cible_5_1(s: &Submission) -> Ratio {
    Ratio::new(
        count(&s.services, |x| {
            x.digital && mostly_digital(x.digital_uses, x.total_uses)
        }),
        count(&s.services, |x| x.digital),
    )
}

/// `digital / total > 75 %`, on integers.
pub fn mostly_digital(digital: Usage, total: Usage) -> bool {
    match (digital, total) {
        (Usage::Count(digital), Usage::Count(total)) => {
            total > 0 && u128::from(digital) * 4 > u128::from(total) * 3
        }
        _ => false,
    }
}

/// Guide 3.9: processes paperless end to end / 12, always.
pub fn cible_5_2(s: &Submission) -> Ratio {
    Ratio::new(
        count(&s.processes, |p| p.status == Some(form::PAPERLESS)),
        form::PROCESSES.len() as u64,
    )
}

/// Guide 3.10: published high-potential datasets / high-potential datasets.
pub fn cible_6_1(s: &Submission) -> Ratio {
    Ratio::new(
        count(&s.datasets, |d| d.high_potential() && d.published),
        count(&s.datasets, |d| d.high_potential()),
    )
}

/// 6.1 is met when strictly more than half are published (none: not met).
pub fn meets_6_1(ratio: Ratio) -> bool {
    ratio.den > 0 && ratio.num * 2 > ratio.den
}

/// `33,3 %` (one decimal, French comma, narrow no-break space); `s.o.` for none.
pub fn format_percent(value: Option<f64>) -> String {
    match value {
        Some(value) => format!("{:.1}\u{202f}%", value * 100.0).replace('.', ","),
        None => "s.o.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::worked_example;

    #[test]
    fn worked_example_is_exact() {
        let result = compute(&worked_example());
        let expected = [
            (1, 2),
            (1, 2),
            (1, 2),
            (1, 1),
            (0, 1),
            (1, 1),
            (300, 400),
            (1, 2),
            (9, 12),
            (1, 2),
        ];
        for (i, (num, den)) in expected.iter().enumerate() {
            assert_eq!(
                result.ratios[i],
                Ratio::new(*num, *den),
                "cible {}",
                CIBLES[i].code
            );
        }
        assert!(!result.meets_6_1, "1 × 2 is not > 2");
        let attainments: Vec<String> = (0..10)
            .map(|i| format_percent(result.ratios[i].attainment(CIBLES[i].target_percent)))
            .collect();
        assert_eq!(attainments[0], "66,7\u{202f}%");
        assert_eq!(attainments[3], "200,0\u{202f}%");
        assert_eq!(attainments[4], "0,0\u{202f}%");
        assert_eq!(attainments[6], "125,0\u{202f}%");
        assert_eq!(attainments[8], "100,0\u{202f}%");
        assert_eq!(result.meets(8), Some(true), "9/12 is exactly 75 %: met");
        assert_eq!(result.meets(7), Some(false));
    }

    #[test]
    fn five_one_threshold_is_strict() {
        assert!(!mostly_digital(Usage::Count(750), Usage::Count(1000)));
        assert!(mostly_digital(Usage::Count(751), Usage::Count(1000)));
        assert!(!mostly_digital(Usage::Count(0), Usage::Count(0)));
        assert!(!mostly_digital(Usage::Unavailable, Usage::Count(10)));
    }

    #[test]
    fn sans_objet_and_six_one() {
        let empty = Submission::default();
        let result = compute(&empty);
        assert!(result.ratios[0].is_sans_objet());
        assert_eq!(result.ratios[0].meets(75), None);
        assert_eq!(result.ratios[9], Ratio::new(0, 0));
        assert!(!result.meets_6_1, "no high-potential dataset: not met");
        assert_eq!(result.meets(9), Some(false));
        assert_eq!(format_percent(None), "s.o.");
    }
}
