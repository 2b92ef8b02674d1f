//! The one declarative description of the submission workbook, format v1.
//!
//! Every sheet, column, label, type and list value of the form is declared
//! here, once. The template (`commands::template`), the reader (`parse`), the
//! validation messages and `docs/format.md` (`format_markdown`) are derived
//! from these tables: renaming a column is a one-line change in this file.

/// Network (réseau) values, in the order of the report.
pub const RESEAUX: &[&str] = &[
    "Administration publique",
    "Santé et services sociaux",
    "Éducation",
    "Enseignement supérieur",
];

pub const INITIATIVE_STATUSES: &[&str] = &["Terminée", "En cours", "À venir", "Abandonnée"];

pub const PROCESS_STATUSES: &[&str] = &[
    "Sans papier de bout en bout",
    "Partiellement sans papier",
    "Papier de bout en bout",
    "Inexistant",
];

/// The status that counts in cible 5.2.
pub const PAPERLESS: &str = "Sans papier de bout en bout";
/// The status that makes an initiative count in cible 4.1.
pub const FINISHED: &str = "Terminée";

/// The 12 priority administrative processes (guide, chapter 4, « Processus
/// administratif sans papier »), as (domain, process).
pub const PROCESSES: &[(&str, &str)] = &[
    ("Gestion RH", "Dotation"),
    ("Gestion RH", "Gestion de l'assiduité"),
    ("Gestion RH", "Gestion des apprentissages"),
    ("Gestion RH", "Appréciation des contributions"),
    ("Gestion financière", "Réclamation des dépenses"),
    (
        "Gestion financière",
        "Traitement des factures et des déboursés",
    ),
    (
        "Gestion des communications",
        "Gestion des demandes d'accès à l'information",
    ),
    ("Gestion de la sécurité d'information", "Gestion des accès"),
    ("Gestion documentaire", "Suivi des correspondances"),
    (
        "Gestion des ressources matérielles",
        "Gestion des contrats de service",
    ),
    (
        "Gestion des connaissances",
        "Gestion des transferts des connaissances",
    ),
    ("Gestion de la relation client", "Gestion des plaintes"),
];

/// The header of the optional free-text column allowed in every table sheet.
pub const COMMENT_HEADER: &str = "Commentaire";

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    YesNo,
    /// A whole number, with inclusive bounds.
    Whole {
        min: u64,
        max: u64,
    },
    /// A usage count: a whole number, or `ND` (non disponible).
    Usage,
    /// A decimal number with inclusive bounds.
    Decimal {
        min: f64,
        max: f64,
    },
    Date,
    List(&'static [&'static str]),
}

/// When a cell must be filled, given the other cells of its row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Condition {
    /// The column at this index of the same sheet is `Oui`.
    Yes(usize),
    /// The column at this index holds this list value.
    Equals(usize, &'static str),
}

/// What happens when an applicable cell is empty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Need {
    /// `V007`, an error.
    Required,
    /// A warning with this code (`C004`, `C005`, `D001`).
    Warn(&'static str),
    /// Nothing.
    Optional,
}

/// What happens when a cell is filled although its conditions are not met.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WhenNotApplicable {
    /// `C002`: warned and ignored.
    Flag,
    /// Kept as information only (a planned end date).
    Keep,
}

#[derive(Debug)]
pub struct Column {
    pub header: &'static str,
    pub kind: Kind,
    pub need: Need,
    /// All must hold for the cell to apply (empty: always applies).
    pub applies_if: &'static [Condition],
    pub when_not_applicable: WhenNotApplicable,
    /// May the column be absent from the sheet?
    pub optional_column: bool,
    /// Identifiers are unique in their sheet (`V006`).
    pub unique: bool,
    /// Not part of what makes a row non-empty (informative columns).
    pub informative: bool,
    /// The input message of the template, and the format documentation.
    pub help: &'static str,
    /// The cibles this column feeds, e.g. "1.1".
    pub cibles: &'static str,
    /// Column width in the template (characters).
    pub width: f64,
}

const fn col(header: &'static str, kind: Kind, help: &'static str) -> Column {
    Column {
        header,
        kind,
        need: Need::Required,
        applies_if: &[],
        when_not_applicable: WhenNotApplicable::Flag,
        optional_column: false,
        unique: false,
        informative: false,
        help,
        cibles: "",
        width: 16.0,
    }
}

impl Column {
    const fn when(mut self, conditions: &'static [Condition]) -> Self {
        self.applies_if = conditions;
        self
    }
    const fn need(mut self, need: Need) -> Self {
        self.need = need;
        self
    }
    const fn cibles(mut self, cibles: &'static str) -> Self {
        self.cibles = cibles;
        self
    }
    const fn width(mut self, width: f64) -> Self {
        self.width = width;
        self
    }
    const fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    const fn optional_column(mut self) -> Self {
        self.optional_column = true;
        self
    }
    const fn informative(mut self) -> Self {
        self.informative = true;
        self
    }
    const fn keep_when_not_applicable(mut self) -> Self {
        self.when_not_applicable = WhenNotApplicable::Keep;
        self
    }
}

const WHOLE: Kind = Kind::Whole {
    min: 0,
    max: u64::MAX / 1000,
};
const SCORE: Kind = Kind::Decimal {
    min: 0.0,
    max: 100.0,
};

/// A table sheet: one row per item under a header row.
#[derive(Debug)]
pub struct TableSheet {
    pub name: &'static str,
    pub help: &'static str,
    pub columns: &'static [Column],
}

/// Column indices of `SERVICES`.
pub mod services {
    pub const ID: usize = 0;
    pub const NAME: usize = 1;
    pub const DIGITAL: usize = 2;
    pub const NEW: usize = 3;
    pub const INVOLVED: usize = 4;
    pub const METHOD: usize = 5;
    pub const EVALUATION: usize = 6;
    pub const TRANSACTIONAL: usize = 7;
    pub const NO_REASK: usize = 8;
    pub const REMINDER: usize = 9;
    pub const DIGITAL_REMINDER: usize = 10;
    pub const DIGITAL_USES: usize = 11;
    pub const TOTAL_USES: usize = 12;
}

pub static SERVICES: TableSheet = {
    use services::*;
    use Condition::Yes;
    TableSheet {
        name: "Services",
        help: "Une ligne par service offert aux citoyens et aux entreprises (la Déclaration de services aux citoyens sert de liste de départ).",
        columns: &[
            col("Identifiant", Kind::Text, "Code unique du service dans ce fichier (ex. S001).").unique().width(12.0),
            col("Nom du service", Kind::Text, "Nom du service tel que le connaissent les citoyens.").width(36.0),
            col("Service numérique", Kind::YesNo, "Oui si le service est offert en ligne et utilisable par des moyens numériques, sans numérisation ni ressaisie manuelle. Toutes les colonnes suivantes ne concernent que les services numériques.").cibles("1.2, 2.1, 3.1, 5.1"),
            col("Nouveau, révisé ou amélioré depuis le 3 juin 2019", Kind::YesNo, "Service numérique nouveau, révisé ou amélioré depuis le 3 juin 2019 (inclus).").when(&[Yes(DIGITAL)]).cibles("1.1").width(22.0),
            col("Conçu avec l'implication des citoyens", Kind::YesNo, "Oui si des citoyens ont été impliqués dans la conception (à remplir pour les services numériques nouveaux ou révisés).").when(&[Yes(DIGITAL), Yes(NEW)]).cibles("1.1").width(20.0),
            col("Méthode d'implication", Kind::Text, "Comment les citoyens ont été impliqués (atelier, sondage, tests d'utilisabilité…), lorsque l'implication est Oui.").when(&[Yes(DIGITAL), Yes(NEW), Yes(INVOLVED)]).need(Need::Warn("C005")).optional_column().cibles("1.1").width(24.0),
            col("Évaluation en continu offerte", Kind::YesNo, "Oui si les citoyens peuvent évaluer le service en continu (ex. sondage de satisfaction intégré).").when(&[Yes(DIGITAL)]).cibles("1.2").width(18.0),
            col("Transactionnel demandant de l'information", Kind::YesNo, "Oui si le service demande au citoyen de fournir de l'information.").when(&[Yes(DIGITAL)]).cibles("2.1").width(20.0),
            col("Ne redemande pas l'information déjà connue", Kind::YesNo, "Oui si le service ne redemande pas une information déjà détenue par l'administration publique (service transactionnel seulement).").when(&[Yes(DIGITAL), Yes(TRANSACTIONAL)]).cibles("2.1").width(20.0),
            col("Implique un rappel", Kind::YesNo, "Oui si le service comporte une échéance qui justifie un rappel au citoyen.").when(&[Yes(DIGITAL)]).cibles("3.1"),
            col("Rappel numérique offert", Kind::YesNo, "Oui si le rappel est offert par un moyen numérique (courriel, texto, notification).").when(&[Yes(DIGITAL), Yes(REMINDER)]).cibles("3.1"),
            col("Utilisations par moyens numériques", Kind::Usage, "Nombre d'utilisations par un site Web ou une plateforme Internet depuis le 3 juin 2019. Inscrire ND si le nombre n'est pas disponible.").when(&[Yes(DIGITAL)]).need(Need::Warn("C004")).cibles("5.1").width(18.0),
            col("Utilisations totales (tous modes)", Kind::Usage, "Nombre total d'utilisations, tous modes confondus (comptoir, téléphone, poste, Web), sur la même période. Inscrire ND si le nombre n'est pas disponible.").when(&[Yes(DIGITAL)]).need(Need::Warn("C004")).cibles("5.1").width(18.0),
        ],
    }
};

/// Column indices of `CONSULTATIONS`.
pub mod consultations {
    pub const ID: usize = 0;
    pub const TITLE: usize = 1;
    pub const START: usize = 2;
    pub const DIGITAL: usize = 3;
    pub const TRADITIONAL: usize = 4;
    pub const EQUIVALENT: usize = 5;
}

pub static CONSULTATIONS: TableSheet = {
    use consultations::*;
    use Condition::Yes;
    TableSheet {
        name: "Consultations",
        help: "Une ligne par consultation publique tenue depuis le 3 juin 2019.",
        columns: &[
            col("Identifiant", Kind::Text, "Code unique de la consultation dans ce fichier (ex. C001).").unique().width(12.0),
            col("Titre", Kind::Text, "Titre de la consultation publique.").width(36.0),
            col("Date de début", Kind::Date, "Date de début de la consultation, au format AAAA-MM-JJ. Une consultation commencée avant le 3 juin 2019 n'est pas comptée.").cibles("1.3").width(14.0),
            col("Moyen numérique offert", Kind::YesNo, "Oui si les citoyens pouvaient participer par un moyen numérique.").cibles("1.3"),
            col("Aussi tenue par un moyen traditionnel", Kind::YesNo, "Oui si la consultation était aussi tenue en personne, par la poste ou par téléphone.").cibles("1.3").width(20.0),
            col("Moyen numérique équivalent", Kind::YesNo, "Lorsque les deux moyens étaient offerts : Oui si le moyen numérique permettait de participer aussi pleinement que le moyen traditionnel.").when(&[Yes(DIGITAL), Yes(TRADITIONAL)]).cibles("1.3").width(18.0),
        ],
    }
};

/// Column indices of `INITIATIVES`.
pub mod initiatives {
    pub const ID: usize = 0;
    pub const TITLE: usize = 1;
    pub const IN_PLAN: usize = 2;
    pub const STATUS: usize = 3;
    pub const END: usize = 4;
}

pub static INITIATIVES: TableSheet = {
    use initiatives::*;
    TableSheet {
        name: "Initiatives",
        help: "Les mesures du plan de transformation numérique de l'organisation.",
        columns: &[
            col("Identifiant", Kind::Text, "Code unique de l'initiative dans ce fichier (ex. I001).").unique().width(12.0),
            col("Titre", Kind::Text, "Titre de l'initiative.").width(36.0),
            col("Prévue au plan de transformation numérique", Kind::YesNo, "Oui si l'initiative figure au plan de transformation numérique déposé.").cibles("4.1").width(22.0),
            col("Statut", Kind::List(INITIATIVE_STATUSES), "Terminée, En cours, À venir ou Abandonnée.").cibles("4.1").width(14.0),
            col("Date de fin", Kind::Date, "Obligatoire si l'initiative est Terminée (AAAA-MM-JJ) ; sinon, date prévue, à titre indicatif.").when(&[Condition::Equals(STATUS, FINISHED)]).keep_when_not_applicable().cibles("4.1").width(14.0),
        ],
    }
};

/// Column indices of `PROCESSUS`.
pub mod processes {
    pub const DOMAIN: usize = 0;
    pub const PROCESS: usize = 1;
    pub const STATUS: usize = 2;
}

pub static PROCESSUS: TableSheet = TableSheet {
    name: "Processus",
    help: "Les 12 processus administratifs prioritaires sont déjà inscrits : indiquez le statut de chacun. « Inexistant » compte comme non sans papier (le dénominateur est toujours 12).",
    columns: &[
        col("Domaine", Kind::Text, "Domaine du processus (à titre indicatif).").need(Need::Optional).optional_column().informative().width(34.0),
        col("Processus", Kind::Text, "Nom du processus prioritaire (ne pas modifier).").width(44.0),
        col("Statut", Kind::List(PROCESS_STATUSES), "Sans papier de bout en bout, Partiellement sans papier, Papier de bout en bout ou Inexistant. Un processus mené pour vous par un autre organisme se juge tel que vous le vivez.").cibles("5.2").width(30.0),
    ],
};

/// Column indices of `DONNEES`.
pub mod datasets {
    pub const ID: usize = 0;
    pub const NAME: usize = 1;
    pub const SCORE_A: usize = 2;
    pub const SCORE_B: usize = 3;
    pub const PUBLISHED: usize = 4;
    pub const ADDRESS: usize = 5;
}

pub static DONNEES: TableSheet = {
    use datasets::*;
    TableSheet {
        name: "Données",
        help: "Les jeux de données de l'organisation, notés avec l'Outil de priorisation des données ouvertes. Un score axe A d'au moins 50 signale un fort potentiel de réutilisation.",
        columns: &[
            col("Identifiant", Kind::Text, "Code unique du jeu de données dans ce fichier (ex. D001).").unique().width(12.0),
            col("Nom du jeu de données", Kind::Text, "Nom du jeu de données.").width(36.0),
            col("Score axe A", SCORE, "Score de l'axe A de l'outil de priorisation, de 0 à 100. À 50 ou plus, le jeu est à haut potentiel de réutilisation.").cibles("6.1").width(12.0),
            col("Score axe B", SCORE, "Score de l'axe B, de 0 à 100 (facultatif, non utilisé dans les calculs).").need(Need::Optional).optional_column().width(12.0),
            col("Diffusé sur Données Québec", Kind::YesNo, "Oui si le jeu est diffusé sur le portail Données Québec.").cibles("6.1"),
            col("Adresse sur Données Québec", Kind::Text, "Adresse (URL) du jeu sur donneesquebec.ca, lorsqu'il est diffusé.").when(&[Condition::Yes(PUBLISHED)]).need(Need::Warn("D001")).optional_column().width(40.0),
        ],
    }
};

/// The five table sheets, in workbook order.
pub static TABLE_SHEETS: [&TableSheet; 5] = [
    &SERVICES,
    &CONSULTATIONS,
    &INITIATIVES,
    &PROCESSUS,
    &DONNEES,
];

/// The position of a sheet in the form (unknown sheets last).
pub fn sheet_rank(name: &str) -> usize {
    let key = crate::values::normalize(name);
    if key == crate::values::normalize(ORGANISATION_SHEET) {
        return 0;
    }
    TABLE_SHEETS
        .iter()
        .position(|sheet| crate::values::normalize(sheet.name) == key)
        .map_or(TABLE_SHEETS.len() + 1, |i| i + 1)
}

/// A labelled field of the `Organisation` sheet.
#[derive(Debug)]
pub struct Field {
    pub label: &'static str,
    pub kind: Kind,
    pub help: &'static str,
    pub cibles: &'static str,
}

/// Index of each field in `ORGANISATION_FIELDS`.
pub mod fields {
    pub const NAME: usize = 0;
    pub const CODE: usize = 1;
    pub const RESEAU: usize = 2;
    pub const YEAR: usize = 3;
    pub const PLAN_FILED: usize = 4;
    pub const EMPLOYEES: usize = 5;
    pub const TRANSFORMED: usize = 6;
    pub const CONTACT: usize = 7;
    pub const EMAIL: usize = 8;
}

pub const ORGANISATION_SHEET: &str = "Organisation";
pub const FIELD_HEADER: &str = "Champ";
pub const VALUE_HEADER: &str = "Valeur";

pub static ORGANISATION_FIELDS: [Field; 9] = [
    Field { label: "Nom de l'organisation", kind: Kind::Text, help: "Nom officiel de l'organisation.", cibles: "" },
    Field { label: "Code de l'organisation", kind: Kind::Text, help: "Code unique de l'organisation (ex. MCN), tel qu'il figure au registre des organisations.", cibles: "" },
    Field { label: "Réseau", kind: Kind::List(RESEAUX), help: "Administration publique, Santé et services sociaux, Éducation ou Enseignement supérieur.", cibles: "" },
    Field { label: "Année de collecte", kind: Kind::Whole { min: 2019, max: 2100 }, help: "Année où la collecte a lieu (ex. 2024).", cibles: "" },
    Field { label: "Plan de transformation numérique déposé", kind: Kind::YesNo, help: "Oui si l'organisation a déposé son plan de transformation numérique.", cibles: "4.1" },
    Field { label: "Nombre total d'employés", kind: WHOLE, help: "Nombre de personnes (et non d'équivalents temps complet) : employés nommés en vertu de la Loi sur la fonction publique ou, dans les réseaux qui n'y sont pas soumis, tout le personnel.", cibles: "4.2" },
    Field { label: "Nombre d'employés disposant d'un milieu de travail et de façons de faire transformés", kind: WHOLE, help: "Personnes qui ont à la fois l'accès permettant de travailler à distance comme au bureau et la possibilité d'utiliser une approche Agile ou Lean. Au plus le nombre total.", cibles: "4.2" },
    Field { label: "Personne responsable", kind: Kind::Text, help: "Personne que le ministère peut joindre au sujet de ce formulaire.", cibles: "" },
    Field { label: "Courriel", kind: Kind::Text, help: "Adresse courriel de la personne responsable.", cibles: "" },
];

/// The start of the reference period (inclusive): the Stratégie's announcement.
pub const PERIOD_START: crate::values::Date = crate::values::Date {
    year: 2019,
    month: 6,
    day: 3,
};

/// The French name of a kind, for messages and documentation.
pub fn kind_label(kind: Kind) -> String {
    match kind {
        Kind::Text => "texte".into(),
        Kind::YesNo => "Oui ou Non".into(),
        Kind::Whole { min: 0, .. } => "nombre entier".into(),
        Kind::Whole { min, max } => format!("nombre entier de {min} à {max}"),
        Kind::Usage => "nombre entier ou ND".into(),
        Kind::Decimal { min, max } => format!("nombre de {min} à {max}"),
        Kind::Date => "date (AAAA-MM-JJ)".into(),
        Kind::List(values) => format!("une valeur de la liste : {}", values.join(", ")),
    }
}

/// `docs/format.md`, generated from the tables above (a test keeps the file in step).
pub fn format_markdown() -> String {
    let mut out = String::from(
        "# Format du formulaire, version 1\n\n\
         Ce document est produit à partir de la description du formulaire dans `src/form.rs` \
         (`cargo run -- format > docs/format.md` le régénère ; un test vérifie qu'il est à jour).\n\n\
         Les noms de feuilles, les en-têtes et les valeurs de liste sont reconnus sans égard \
         aux majuscules, aux accents et aux espaces superflues. Une colonne `Commentaire` est \
         permise dans chaque feuille. La période de référence commence le 3 juin 2019 (inclus).\n\n",
    );
    out.push_str(&format!(
        "## Feuille `{ORGANISATION_SHEET}`\n\nDeux colonnes, `{FIELD_HEADER}` et `{VALUE_HEADER}` ; un champ par ligne.\n\n| Champ | Type | Cible | Explication |\n|---|---|---|---|\n"
    ));
    for field in &ORGANISATION_FIELDS {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            field.label,
            kind_label(field.kind),
            field.cibles,
            field.help
        ));
    }
    for sheet in TABLE_SHEETS {
        out.push_str(&format!(
            "\n## Feuille `{}`\n\n{}\n\n| Colonne | Type | À remplir | Cible | Explication |\n|---|---|---|---|---|\n",
            sheet.name, sheet.help
        ));
        for column in sheet.columns {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                column.header,
                kind_label(column.kind),
                need_label(sheet, column),
                column.cibles,
                column.help
            ));
        }
    }
    out.push_str(
        "\n## Processus prioritaires (feuille `Processus`)\n\n| Domaine | Processus |\n|---|---|\n",
    );
    for (domain, process) in PROCESSES {
        out.push_str(&format!("| {domain} | {process} |\n"));
    }
    out
}

/// When a column applies, in words: `si « Service numérique » est Oui et si …`
/// (the documentation and the C002 / V007 messages).
pub fn conditions_text(sheet: &TableSheet, column: &Column) -> String {
    column
        .applies_if
        .iter()
        .map(|condition| match condition {
            Condition::Yes(index) => format!("si « {} » est Oui", sheet.columns[*index].header),
            Condition::Equals(index, value) => {
                format!("si « {} » est {value}", sheet.columns[*index].header)
            }
        })
        .collect::<Vec<_>>()
        .join(" et ")
}

fn need_label(sheet: &TableSheet, column: &Column) -> String {
    let mut label = match column.need {
        Need::Required => "obligatoire".to_string(),
        Need::Warn(code) => format!("recommandé (avertissement {code})"),
        Need::Optional => "facultatif".to_string(),
    };
    if !column.applies_if.is_empty() {
        label.push(' ');
        label.push_str(&conditions_text(sheet, column));
    }
    if column.optional_column {
        label.push_str(" ; colonne facultative");
    }
    label
}
