//! The `Méthodologie` sheet: the formulas, the aggregation, the decisions
//! the guide leaves open, and what this run was (in the project's own words).

use crate::indicators::CIBLES;
use crate::report::tables::{Cell, Table};

/// The edition of the guide implemented.
pub const GUIDE: &str = "Guide d'interprétation des indicateurs du Baromètre numériQc, édition du ministère de la Cybersécurité et du Numérique (MCN)";

/// The decisions the guide leaves open (spec `README.md`), in our words.
pub const DECISIONS: &[&str] = &[
    "Regroupement : pour les cibles 1.1, 1.2, 1.3, 2.1, 3.1, 4.2, 5.1 et 5.2, on additionne les numérateurs et les dénominateurs des organisations acceptées (résultat « regroupé ») ; la moyenne simple des proportions des organisations est donnée à côté.",
    "Cible 6.1 : une organisation sans jeu de données à haut potentiel (score axe A ≥ 50) n'atteint pas la cible ; elle reste dans la base des organisations visées.",
    "Cible 5.1 : le dénominateur est l'ensemble des services numériques (la formule du guide, section 3.8) ; un service numérique sans nombres d'utilisations, ou déclaré ND, y reste sans compter au numérateur. Le seuil de 75 % est strict.",
    "Cible 3.1 : le dénominateur est l'ensemble des services numériques comportant une échéance, le numérateur ceux qui offrent un rappel numérique (la formule du guide, section 3.5).",
    "« Depuis le 3 juin 2019 » inclut ce jour ; une consultation est datée par son début.",
    "Le taux d'atteinte (résultat / cible) n'est pas plafonné ; une cible est atteinte quand le résultat est au moins égal à la cible. Pour la progression (par orientation et globale), chaque taux d'atteinte est plafonné à 100 %, puis on fait la moyenne des cibles qui ne sont pas sans objet.",
    "Cible 4.2 : on compte des personnes ; dans les réseaux dont le personnel n'est pas nommé en vertu de la Loi sur la fonction publique, tout le personnel.",
    "Édition du guide : plusieurs éditions existent (2019 à 3.x, qui ont modifié les cibles 5.1 et 5.2) ; l'outil applique celle du MCN, nommée à la rubrique « Guide appliqué ».",
    "Cibles 4.1 et 6.1 en agrégé : organisations qui atteignent la cible / organisations visées. Avec un registre, les organisations visées sont celles du registre (une organisation sans formulaire accepté n'atteint pas la cible) ; sans registre, ce sont les formulaires acceptés.",
    "Un formulaire qui comporte une erreur est rejeté et ne contribue à aucun indicateur ; deux fichiers déclarant le même code sont tous deux rejetés (X001).",
    "Réseau : quand un registre est fourni, le réseau du registre est retenu (X006 signale un écart).",
    "Une feuille masquée est lue et comptée (S006 le signale).",
];

/// The run's parameters, as (name, value).
pub struct RunInfo {
    pub tool: String,
    pub options: Vec<(String, String)>,
    pub registry_sha256: Option<String>,
}

pub fn methodology_table(run: &RunInfo) -> Table<'static> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut line = |a: String, b: String| rows.push(vec![Cell::Text(a), Cell::Text(b)]);
    line("Outil".into(), run.tool.clone());
    line("Guide appliqué".into(), GUIDE.into());
    for (name, value) in &run.options {
        line(format!("Option : {name}"), value.clone());
    }
    line(
        "SHA-256 du registre".into(),
        run.registry_sha256
            .clone()
            .unwrap_or_else(|| "aucun registre fourni".into()),
    );
    for cible in &CIBLES {
        line(
            format!("Cible {} — indicateur", cible.code),
            format!("{} (guide, section {})", cible.wording, cible.section),
        );
        line(
            format!("Cible {} — formule", cible.code),
            cible.formula.into(),
        );
        line(
            format!("Cible {} — cible visée", cible.code),
            format!("{} %", cible.target_percent),
        );
        line(
            format!("Cible {} — effet recherché", cible.code),
            cible.effect.into(),
        );
    }
    line("Calcul par organisation".into(), "Chaque proportion est gardée sous forme de fraction entière (numérateur, dénominateur) ; un dénominateur nul donne « s.o. » (sans objet), jamais 0 %. Les seuils se comparent sur des entiers.".into());
    for (i, decision) in DECISIONS.iter().enumerate() {
        line(format!("Décision {}", i + 1), decision.to_string());
    }
    Table {
        sheet: "Méthodologie",
        wrap_column: Some(1),
        headers: vec!["Rubrique".into(), "Contenu".into()],
        widths: vec![34.0, 140.0],
        rows: Box::new(rows.into_iter()),
    }
}
