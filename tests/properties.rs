//! Properties of the aggregation, over random organisations.

use barometre::aggregate::{
    barometre as combine, is_share_of_organisations, Contribution, Targeted,
};
use barometre::collection::{build, Read};
use barometre::finding::Findings;
use barometre::folder::Entry;
use barometre::form::RESEAUX;
use barometre::indicators::{compute, OrganisationIndicators, Ratio};
use barometre::load::Loaded;
use barometre::sample::{generate, Profile};
use proptest::prelude::*;

fn indicators() -> impl Strategy<Value = OrganisationIndicators> {
    (
        proptest::array::uniform10((0u64..50, 0u64..50)),
        any::<bool>(),
    )
        .prop_map(|(pairs, meets)| OrganisationIndicators {
            ratios: pairs.map(|(a, b)| Ratio::new(a.min(b), b)),
            meets_6_1: meets,
        })
}

fn contributions() -> impl Strategy<Value = Vec<Contribution>> {
    proptest::collection::vec((indicators(), 0usize..4), 0..12).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(i, (indicators, reseau))| Contribution {
                code: format!("O{i}"),
                reseau: RESEAUX[reseau],
                indicators,
            })
            .collect()
    })
}

fn loaded(code: &str, seed: u64, error: bool) -> Loaded {
    let profile = Profile {
        code: code.into(),
        name: code.into(),
        reseau: RESEAUX[(seed % 4) as usize],
        year: 2024,
        services: 8,
        seed,
    };
    let submission = generate(&profile);
    let mut findings = Findings::new(code);
    if error {
        findings.add("V001", Some("Services"), Some("C2".into()), "erreur".into());
    }
    Loaded {
        file: format!("{code}.xlsx"),
        sha256: None,
        indicators: (!error).then(|| compute(&submission)),
        submission: Some(submission),
        findings: findings.list,
        is_report: false,
    }
}

fn read(code: &str, seed: u64, error: bool) -> Read {
    Read {
        entry: Entry::Submission {
            name: format!("{code}.xlsx"),
            path: format!("{code}.xlsx").into(),
        },
        loaded: Some(loaded(code, seed, error)),
        audit: None,
    }
}

proptest! {
    #[test]
    fn pooled_figures_are_the_sums_over_organisations(list in contributions()) {
        let result = combine(&list, &Targeted::Accepted);
        for i in 0..10 {
            let ratio = result.overall.cibles[i].ratio;
            if is_share_of_organisations(i) {
                prop_assert_eq!(ratio.den, list.len() as u64);
                prop_assert_eq!(ratio.num, list.iter().filter(|c| c.indicators.meets(i) == Some(true)).count() as u64);
            } else {
                prop_assert_eq!(ratio.num, list.iter().map(|c| c.indicators.ratios[i].num).sum::<u64>());
                prop_assert_eq!(ratio.den, list.iter().map(|c| c.indicators.ratios[i].den).sum::<u64>());
            }
            let per_reseau: u64 = result.reseaux.iter().map(|(_, s)| s.cibles[i].ratio.den).sum();
            prop_assert_eq!(per_reseau, ratio.den, "the réseaux partition the whole");
        }
    }

    #[test]
    fn order_of_organisations_does_not_matter(list in contributions(), seed in any::<u64>()) {
        let mut shuffled = list.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (seed.wrapping_mul(i as u64 + 7) % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(combine(&list, &Targeted::Accepted), combine(&shuffled, &Targeted::Accepted));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn order_of_files_and_a_rejected_file_change_no_indicator(seeds in proptest::collection::vec(any::<u64>(), 1..6), rotate in 0usize..6, rejected_seed in any::<u64>()) {
        let reads = |order: &[usize]| order.iter().map(|i| read(&format!("ORG{i}"), seeds[*i], false)).collect::<Vec<_>>();
        let order: Vec<usize> = (0..seeds.len()).collect();
        let mut rotated = order.clone();
        rotated.rotate_left(rotate % seeds.len());
        let base = build(reads(&order), None, None, "registre").unwrap();
        let other = build(reads(&rotated), None, None, "registre").unwrap();
        prop_assert_eq!(&base.barometre, &other.barometre);
        let mut with_rejected = reads(&order);
        with_rejected.push(read("REJET", rejected_seed, true));
        let rejected = build(with_rejected, None, None, "registre").unwrap();
        prop_assert_eq!(&base.barometre, &rejected.barometre);
        prop_assert_eq!(rejected.files.len(), seeds.len() + 1);
    }
}
