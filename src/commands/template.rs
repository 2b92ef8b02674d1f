//! `barometre template`: the submission workbook, drawn from `form`.
//!
//! The same writer fills the workbook from a `Submission` (`--exemple`, the
//! fixture generator), so every fixture is a template a respondent could fill.

use super::EXIT_OK;
use crate::cli::TemplateArgs;
use crate::finding::column_letters;
use crate::form::{self, Column, Condition, Kind, TableSheet};
use crate::model::{Submission, Usage};
use crate::registry;
use crate::sample;
use crate::values::Date;
use anyhow::{bail, Context, Result};
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};
use std::path::Path;

/// Rows of a table sheet prepared with validations and formatting.
const PREPARED_ROWS: u32 = 1000;

pub fn run(args: &TemplateArgs) -> Result<u8> {
    if args.output.exists() && !args.remplacer {
        bail!(
            "Le fichier « {} » existe déjà : il n'est pas remplacé. Choisissez un autre nom ou ajoutez --remplacer.",
            args.output.display()
        );
    }
    let submission = if args.exemple {
        sample::example_submission()
    } else {
        let mut blank = sample::blank_submission();
        if let (Some(path), Some(code)) = (&args.organisations, &args.code) {
            let registry = registry::load(path)?;
            let Some(entry) = registry.get(code) else {
                bail!(
                    "Le code « {code} » n'est pas dans le registre « {} ».",
                    path.display()
                );
            };
            blank.organisation.code = Some(entry.code.clone());
            blank.organisation.name = Some(entry.name.clone());
            blank.organisation.reseau = Some(entry.reseau);
        }
        blank
    };
    write_form(&submission, &args.output)?;
    println!(
        "Formulaire écrit : {}\nRemplissez-le dans Excel ou LibreOffice Calc, puis vérifiez-le avec : barometre verifier {}",
        args.output.display(),
        args.output.display()
    );
    Ok(EXIT_OK)
}

/// Writes the form filled with `submission` (blank fields stay empty).
pub fn write_form(submission: &Submission, path: &Path) -> Result<()> {
    let mut workbook = form_workbook(submission)
        .map_err(|error| anyhow::anyhow!("Le formulaire n'a pas pu être préparé : {error}"))?;
    workbook
        .save(path)
        .with_context(|| format!("Le fichier « {} » n'a pas pu être écrit", path.display()))
}

struct Styles {
    header: Format,
    title: Format,
    wrap: Format,
    date: Format,
    grey: Format,
    label: Format,
}

fn styles() -> Styles {
    Styles {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color("#DCE6F1")
            .set_border_bottom(FormatBorder::Thin),
        title: Format::new().set_bold().set_font_size(14),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        grey: Format::new()
            .set_background_color("#D9D9D9")
            .set_font_color("#808080"),
        label: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
    }
}

pub fn form_workbook(submission: &Submission) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Baromètre numériQc — formulaire de collecte (format v1)")
            .set_author("barometre")
            .set_creation_datetime(&created),
    );
    let styles = styles();
    instructions(workbook.add_worksheet(), &styles)?;
    lexique(workbook.add_worksheet(), &styles)?;
    organisation(workbook.add_worksheet(), submission, &styles)?;
    for sheet in form::TABLE_SHEETS {
        let worksheet = workbook.add_worksheet();
        table_sheet(worksheet, sheet, &styles)?;
        let rows = table_rows(sheet, submission);
        for (i, row) in rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                write_cell(worksheet, i as u32 + 1, col as u16, cell, &styles)?;
            }
        }
    }
    Ok(workbook)
}

/// A value to write in a form cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Blank,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
}

fn write_cell(
    worksheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Out,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell {
        Out::Blank => {}
        Out::Text(text) => {
            worksheet.write_string(row, col, text)?;
        }
        Out::Number(n) => {
            worksheet.write_number(row, col, *n)?;
        }
        Out::Bool(b) => {
            worksheet.write_boolean(row, col, *b)?;
        }
        Out::Date(date) => {
            let value =
                ExcelDateTime::from_ymd(date.year as u16, date.month as u8, date.day as u8)?;
            worksheet.write_datetime_with_format(row, col, &value, &styles.date)?;
        }
    }
    Ok(())
}

fn yes_no(value: bool) -> Out {
    Out::Text(if value { "Oui" } else { "Non" }.into())
}

fn text(value: &str) -> Out {
    Out::Text(value.to_string())
}

fn usage(value: Usage) -> Out {
    match value {
        Usage::Count(n) => Out::Number(n as f64),
        Usage::Unavailable => Out::Text("ND".into()),
        Usage::Missing => Out::Blank,
    }
}

/// The cells of a table sheet, in the form's column order; cells that do
/// not apply are left blank, as a respondent following the template would.
pub fn table_rows(sheet: &TableSheet, s: &Submission) -> Vec<Vec<Out>> {
    let when = |apply: bool, out: Out| if apply { out } else { Out::Blank };
    match sheet.name {
        "Services" => s
            .services
            .iter()
            .map(|x| {
                let digital = x.digital;
                let new = digital && x.new;
                vec![
                    text(&x.id),
                    text(&x.name),
                    yes_no(digital),
                    when(digital, yes_no(x.new)),
                    when(new, yes_no(x.involved)),
                    when(
                        new && x.involved,
                        x.method.as_deref().map_or(Out::Blank, text),
                    ),
                    when(digital, yes_no(x.evaluation)),
                    when(digital, yes_no(x.transactional)),
                    when(digital && x.transactional, yes_no(x.no_reask)),
                    when(digital, yes_no(x.reminder)),
                    when(digital && x.reminder, yes_no(x.digital_reminder)),
                    when(digital, usage(x.digital_uses)),
                    when(digital, usage(x.total_uses)),
                ]
            })
            .collect(),
        "Consultations" => s
            .consultations
            .iter()
            .map(|c| {
                vec![
                    text(&c.id),
                    text(&c.title),
                    c.start.map_or(Out::Blank, Out::Date),
                    yes_no(c.digital),
                    yes_no(c.traditional),
                    when(c.digital && c.traditional, yes_no(c.equivalent)),
                ]
            })
            .collect(),
        "Initiatives" => s
            .initiatives
            .iter()
            .map(|i| {
                vec![
                    text(&i.id),
                    text(&i.title),
                    yes_no(i.in_plan),
                    i.status.map_or(Out::Blank, text),
                    i.end.map_or(Out::Blank, Out::Date),
                ]
            })
            .collect(),
        "Processus" => s
            .processes
            .iter()
            .map(|p| {
                vec![
                    text(p.domain),
                    text(p.name),
                    p.status.map_or(Out::Blank, text),
                ]
            })
            .collect(),
        _ => s
            .datasets
            .iter()
            .map(|d| {
                vec![
                    text(&d.id),
                    text(&d.name),
                    d.score_a.map_or(Out::Blank, Out::Number),
                    d.score_b.map_or(Out::Blank, Out::Number),
                    yes_no(d.published),
                    when(d.published, d.address.as_deref().map_or(Out::Blank, text)),
                ]
            })
            .collect(),
    }
}

/// The header's input message: what the column means and which cible uses it.
fn input_message(help: &str, cibles: &str) -> String {
    let mut message = help.to_string();
    if !cibles.is_empty() {
        message.push_str(&format!(" Cible {cibles}."));
    }
    truncate_utf16(&message, 255)
}

fn truncate_utf16(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.encode_utf16().count() + c.len_utf16() > max {
            break;
        }
        out.push(c);
    }
    out
}

fn header_note(title: &str, help: &str, cibles: &str) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_any_value()
        .set_input_title(truncate_utf16(title, 32))?
        .set_input_message(input_message(help, cibles))
}

/// The validation of a data cell of this kind (`None` for free text).
fn kind_validation(kind: Kind, cell: &str) -> Result<Option<DataValidation>, XlsxError> {
    let validation = match kind {
        Kind::Text => return Ok(None),
        Kind::YesNo => DataValidation::new()
            .allow_list_strings(&["Oui", "Non"])?
            .set_error_title("Oui ou Non")?
            .set_error_message("Choisissez Oui ou Non dans la liste.")?,
        Kind::List(values) => DataValidation::new()
            .allow_list_strings(values)?
            .set_error_title("Valeur de la liste")?
            .set_error_message(truncate_utf16(
                &format!("Choisissez une valeur de la liste : {}.", values.join(", ")),
                255,
            ))?,
        Kind::Whole { min, max } => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(
                min.min(i32::MAX as u64) as i32,
                max.min(i32::MAX as u64) as i32,
            ))
            .set_error_title("Nombre entier")?
            .set_error_message(format!(
                "Inscrivez un nombre entier de {min} à {}.",
                max.min(i32::MAX as u64)
            ))?,
        Kind::Usage => DataValidation::new()
            .allow_custom(Formula::new(format!(
                "=OR(AND(ISNUMBER({cell}),{cell}>=0,INT({cell})={cell}),UPPER({cell})=\"ND\")"
            )))
            .set_error_title("Nombre entier ou ND")?
            .set_error_message(
                "Inscrivez un nombre entier positif, ou ND si le nombre n'est pas disponible.",
            )?,
        Kind::Decimal { min, max } => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(min, max))
            .set_error_title("Nombre")?
            .set_error_message(format!("Inscrivez un nombre de {min} à {max}."))?,
        Kind::Date => DataValidation::new()
            .allow_date(DataValidationRule::GreaterThanOrEqualTo(
                ExcelDateTime::from_ymd(1990, 1, 1)?,
            ))
            .set_error_title("Date")?
            .set_error_message("Inscrivez une date au format AAAA-MM-JJ.")?,
    };
    Ok(Some(validation))
}

fn table_sheet(
    worksheet: &mut Worksheet,
    sheet: &TableSheet,
    styles: &Styles,
) -> Result<(), XlsxError> {
    worksheet.set_name(sheet.name)?;
    worksheet.set_landscape();
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_row_height(0, 60)?;
    worksheet.set_freeze_panes(1, 0)?;
    let last = PREPARED_ROWS;
    for (i, column) in sheet.columns.iter().enumerate() {
        let col = i as u16;
        worksheet.write_string_with_format(0, col, column.header, &styles.header)?;
        worksheet.set_column_width(col, column.width)?;
        worksheet.add_data_validation(
            0,
            col,
            0,
            col,
            &header_note(column.header, column.help, column.cibles)?,
        )?;
        let first_cell = format!("{}2", column_letters(i as u32));
        if let Some(validation) = kind_validation(column.kind, &first_cell)? {
            let validation = validation
                .set_input_title(truncate_utf16(column.header, 32))?
                .set_input_message(input_message(column.help, column.cibles))?;
            worksheet.add_data_validation(1, col, last, col, &validation)?;
        }
        if matches!(column.kind, Kind::Date) {
            worksheet.set_column_format(col, &styles.date)?;
        }
        if let Some(formula) = grey_formula(sheet, column) {
            let format = ConditionalFormatFormula::new()
                .set_rule(formula.as_str())
                .set_format(&styles.grey);
            worksheet.add_conditional_format(1, col, last, col, &format)?;
        }
    }
    let comment_col = sheet.columns.len() as u16;
    worksheet.write_string_with_format(0, comment_col, form::COMMENT_HEADER, &styles.header)?;
    worksheet.set_column_width(comment_col, 40)?;
    worksheet.add_data_validation(0, comment_col, 0, comment_col, &header_note(form::COMMENT_HEADER, "Vos remarques, par exemple pourquoi un nombre d'utilisations est ND. Cette colonne n'est pas utilisée dans les calculs.", "")?)?;
    Ok(())
}

/// `=OR($C2<>"Oui",…)`: the cell does not apply once an answer it depends on is not `Oui`.
fn grey_formula(sheet: &TableSheet, column: &Column) -> Option<String> {
    if column.applies_if.is_empty() {
        return None;
    }
    let parts: Vec<String> = column
        .applies_if
        .iter()
        .map(|condition| match condition {
            Condition::Yes(index) => {
                let letter = column_letters(*index as u32);
                format!("${letter}2=\"Non\"")
            }
            Condition::Equals(index, value) => {
                let letter = column_letters(*index as u32);
                format!("AND(${letter}2<>\"\",${letter}2<>\"{value}\")")
            }
        })
        .collect();
    let _ = sheet;
    Some(format!("=OR({})", parts.join(",")))
}

fn organisation(
    worksheet: &mut Worksheet,
    submission: &Submission,
    styles: &Styles,
) -> Result<(), XlsxError> {
    use form::fields::*;
    worksheet.set_name(form::ORGANISATION_SHEET)?;
    worksheet.set_landscape();
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.set_column_width(0, 60)?;
    worksheet.set_column_width(1, 40)?;
    worksheet.set_column_width(2, 40)?;
    for (col, header) in [form::FIELD_HEADER, form::VALUE_HEADER, form::COMMENT_HEADER]
        .iter()
        .enumerate()
    {
        worksheet.write_string_with_format(0, col as u16, *header, &styles.header)?;
    }
    let o = &submission.organisation;
    for (i, field) in form::ORGANISATION_FIELDS.iter().enumerate() {
        let row = i as u32 + 1;
        worksheet.write_string_with_format(row, 0, field.label, &styles.label)?;
        let value = match i {
            NAME => o.name.as_deref().map_or(Out::Blank, text),
            CODE => o.code.as_deref().map_or(Out::Blank, text),
            RESEAU => o.reseau.map_or(Out::Blank, text),
            YEAR => o.year.map_or(Out::Blank, |y| Out::Number(y as f64)),
            PLAN_FILED => o.plan_filed.map_or(Out::Blank, yes_no),
            EMPLOYEES => o.employees.map_or(Out::Blank, |n| Out::Number(n as f64)),
            TRANSFORMED => o
                .transformed_employees
                .map_or(Out::Blank, |n| Out::Number(n as f64)),
            CONTACT => o.contact.as_deref().map_or(Out::Blank, text),
            _ => o.email.as_deref().map_or(Out::Blank, text),
        };
        write_cell(worksheet, row, 1, &value, styles)?;
        let validation = match kind_validation(field.kind, &format!("B{}", row + 1))? {
            Some(validation) => validation,
            None => DataValidation::new().allow_any_value(),
        };
        let validation = validation
            .set_input_title(truncate_utf16(field.label, 32))?
            .set_input_message(input_message(field.help, field.cibles))?;
        worksheet.add_data_validation(row, 1, row, 1, &validation)?;
    }
    Ok(())
}

fn write_lines(
    worksheet: &mut Worksheet,
    lines: &[&str],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            worksheet.write_string_with_format(0, 0, *line, &styles.title)?;
        } else if let Some(heading) = line.strip_prefix("# ") {
            worksheet.write_string_with_format(i as u32, 0, heading, &styles.label)?;
        } else {
            worksheet.write_string_with_format(i as u32, 0, *line, &styles.wrap)?;
            worksheet.set_row_height(i as u32, wrapped_height(line, 85))?;
        }
    }
    Ok(())
}

/// The height of a row whose text wraps in a column about `chars` wide
/// (spreadsheets do not always grow a row for wrapped text by themselves).
fn wrapped_height(text: &str, chars: usize) -> f64 {
    let lines = text.chars().count().div_ceil(chars).max(1);
    15.0 * lines as f64
}

fn instructions(worksheet: &mut Worksheet, styles: &Styles) -> Result<(), XlsxError> {
    worksheet.set_name("Instructions")?;
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_column_width(0, 90)?;
    write_lines(worksheet, INSTRUCTIONS, styles)
}

const INSTRUCTIONS: &[&str] = &[
    "Baromètre numériQc — formulaire de collecte (format v1)",
    "",
    "# À quoi sert ce formulaire",
    "Il recueille les renseignements qui servent à calculer les dix cibles de la Stratégie de transformation numérique gouvernementale pour votre organisation. Remplissez-en un seul par organisation et par collecte.",
    "",
    "# Période de référence",
    "Tout se cumule depuis le 3 juin 2019 (annonce de la Stratégie, jour inclus) jusqu'au jour où vous remplissez le formulaire : services nouveaux ou révisés, consultations, initiatives. Les nombres d'utilisations couvrent la même période ; si vous ne mesurez qu'une période récente, indiquez-la dans la colonne Commentaire.",
    "",
    "# Quoi remplir, feuille par feuille",
    "Organisation : une valeur par champ, dans la colonne Valeur.",
    "Services : une ligne par service offert aux citoyens et aux entreprises (votre Déclaration de services aux citoyens sert de liste de départ).",
    "Consultations : une ligne par consultation publique.",
    "Initiatives : les mesures de votre plan de transformation numérique.",
    "Processus : les 12 processus prioritaires sont déjà inscrits ; choisissez le statut de chacun. « Inexistant » compte comme non sans papier (le dénominateur est toujours 12).",
    "Données : vos jeux de données notés avec l'Outil de priorisation des données ouvertes.",
    "",
    "# Comment répondre",
    "Placez le curseur sur un en-tête pour lire ce que la colonne signifie et quelle cible l'utilise. Choisissez Oui ou Non dans les listes. Une cellule grisée ne s'applique pas à la ligne : laissez-la vide (c'est ainsi qu'on inscrit « sans objet »). Une cellule vide n'est jamais lue comme Non.",
    "Nombres : des entiers, sans décimale (1 234 ou 1234). Si un nombre d'utilisations n'est pas disponible, inscrivez ND et expliquez-le dans la colonne Commentaire. Dates : AAAA-MM-JJ.",
    "Ne renommez pas les feuilles ni les en-têtes ; vous pouvez ajouter une colonne Commentaire et changer l'ordre des colonnes.",
    "",
    "# Vérifier avant d'envoyer",
    "Enregistrez le fichier (.xlsx ou .ods), puis exécutez : barometre verifier VOTRE-FICHIER.xlsx",
    "L'outil indique chaque problème avec sa feuille et sa cellule, puis un aperçu de vos dix indicateurs. Un fichier qui comporte une erreur serait rejeté ; un avertissement n'empêche pas l'envoi.",
    "",
    "# Questions",
    "Écrivez à la personne responsable de la collecte au ministère de la Cybersécurité et du Numérique, en indiquant le code de votre organisation.",
];

fn lexique(worksheet: &mut Worksheet, styles: &Styles) -> Result<(), XlsxError> {
    worksheet.set_name("Lexique")?;
    worksheet.set_landscape();
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.set_column_width(0, 32)?;
    worksheet.set_column_width(1, 90)?;
    worksheet.set_column_width(2, 16)?;
    for (col, header) in ["Terme", "Ce qu'il veut dire ici", "Guide (section)"]
        .iter()
        .enumerate()
    {
        worksheet.write_string_with_format(0, col as u16, *header, &styles.header)?;
    }
    for (i, (term, meaning, section)) in LEXIQUE.iter().enumerate() {
        let row = i as u32 + 1;
        worksheet.write_string_with_format(row, 0, *term, &styles.label)?;
        worksheet.write_string_with_format(row, 1, *meaning, &styles.wrap)?;
        worksheet.write_string_with_format(row, 2, *section, &styles.wrap)?;
        worksheet.set_row_height(
            row,
            wrapped_height(meaning, 85).max(wrapped_height(section, 14)),
        )?;
    }
    Ok(())
}

/// The guide's terms, in the project's own words, with the guide's section.
pub const LEXIQUE: &[(&str, &str, &str)] = &[
    ("Citoyen", "Toute personne ou entreprise qui reçoit un service public, y compris par l'intermédiaire d'un mandataire. Les services visés sont ceux de votre Déclaration de services aux citoyens.", "4 (Lexique) ; 3.1 à 3.5"),
    ("Service numérique", "Service offert en ligne qu'on peut utiliser entièrement par des moyens numériques, sans qu'un employé doive numériser ou ressaisir l'information.", "4 (Lexique) ; 3.1, 3.2, 3.4, 3.5, 3.8"),
    ("Nouveau, révisé ou amélioré", "Service numérique mis en ligne ou modifié de façon notable depuis le 3 juin 2019.", "3.1"),
    ("Implication des citoyens", "Participation de citoyens à la conception du service : ateliers, entrevues, sondages, tests d'utilisabilité, etc.", "3.1"),
    ("Évaluation en continu", "Moyen offert en permanence aux utilisateurs pour juger le service (ex. sondage intégré), dont l'organisation tient compte pour le faire évoluer.", "3.2"),
    ("Consultation publique", "Échange dans les deux sens où l'administration demande l'avis de la population : panel, questionnaire, audience, rencontre, etc.", "4 (Lexique) ; 3.3"),
    ("Moyen numérique équivalent", "Quand une consultation a aussi un volet traditionnel, le volet numérique permet d'y participer aussi pleinement.", "3.3"),
    ("Service transactionnel", "Service qui demande au citoyen de fournir de l'information.", "3.4"),
    ("Information déjà connue", "Information que l'organisation ou une autre organisation publique détient déjà et n'a pas à redemander.", "3.4"),
    ("Rappel numérique", "Avis envoyé par courriel, texto ou notification avant une échéance du citoyen.", "3.5"),
    ("Plan de transformation numérique", "Plan propre à l'organisation, demandé pour mettre en œuvre la Stratégie ; il regroupe ses initiatives numériques.", "4 (Lexique) ; 3.6"),
    ("Employé", "Personne nommée en vertu de la Loi sur la fonction publique (régulier, occasionnel, saisonnier, étudiant, cadre). Dans les réseaux non soumis à cette loi, tout le personnel. On compte des personnes, pas des équivalents temps complet.", "4 (Lexique) ; 3.7"),
    ("Milieu de travail et façons de faire transformés", "L'employé a l'accès qui lui permet de travailler à distance comme au bureau, et la possibilité de travailler selon une approche Agile ou Lean.", "3.7"),
    ("Approche Agile", "Façon de travailler qui mise sur la collaboration avec les utilisateurs et l'adaptation rapide au changement.", "4 (Lexique) ; 3.7"),
    ("Lean", "Démarche d'amélioration continue des processus, menée avec les personnes qui font le travail.", "4 (Lexique) ; 3.7"),
    ("Utilisation numérique", "Utilisation d'un service par un site Web ou une plateforme Internet (ordinateur, mobile, assistant vocal), comparée à toutes ses utilisations, tous modes confondus.", "3.8"),
    ("Processus administratif sans papier", "Un des 12 processus prioritaires, mené de bout en bout sans aucun support papier.", "4 (Lexique) ; 3.9"),
    ("Donnée à haut potentiel de réutilisation", "Jeu de données dont le score de l'axe A de l'Outil de priorisation des données ouvertes est d'au moins 50.", "4 (Lexique) ; 3.10 ; annexe 6"),
    ("Données ouvertes", "Données brutes diffusées dans un format ouvert, avec une licence de libre utilisation, sur le portail Données Québec.", "4 (Lexique) ; 3.10"),
    ("Taux d'atteinte", "Résultat divisé par la cible : 25 % sur une cible de 75 % donne un taux d'atteinte de 33 %.", "2.3"),
];

/// A sheet as plain cells: what the fixture generators edit to break a form on purpose.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSheet {
    pub name: String,
    pub rows: Vec<Vec<Out>>,
}

/// The six form sheets of a submission, headers included, as plain cells.
pub fn form_grid(submission: &Submission) -> Vec<GridSheet> {
    let o = &submission.organisation;
    let opt_text = |v: &Option<String>| v.as_deref().map_or(Out::Blank, text);
    let number = |v: Option<u64>| v.map_or(Out::Blank, |n| Out::Number(n as f64));
    let values = [
        opt_text(&o.name),
        opt_text(&o.code),
        o.reseau.map_or(Out::Blank, text),
        number(o.year),
        o.plan_filed.map_or(Out::Blank, yes_no),
        number(o.employees),
        number(o.transformed_employees),
        opt_text(&o.contact),
        opt_text(&o.email),
    ];
    let mut organisation = vec![vec![text(form::FIELD_HEADER), text(form::VALUE_HEADER)]];
    for (field, value) in form::ORGANISATION_FIELDS.iter().zip(values) {
        organisation.push(vec![text(field.label), value]);
    }
    let mut grid = vec![GridSheet {
        name: form::ORGANISATION_SHEET.into(),
        rows: organisation,
    }];
    for sheet in form::TABLE_SHEETS {
        let mut rows = vec![sheet
            .columns
            .iter()
            .map(|c| text(c.header))
            .collect::<Vec<_>>()];
        rows.extend(table_rows(sheet, submission));
        grid.push(GridSheet {
            name: sheet.name.into(),
            rows,
        });
    }
    grid
}

/// Writes plain sheets, without the template's help (fixtures only).
pub fn write_grid(grid: &[GridSheet], path: &Path) -> Result<()> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1).map_err(|e| anyhow::anyhow!("{e}"))?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let styles = styles();
    for sheet in grid {
        let worksheet = workbook.add_worksheet();
        worksheet
            .set_name(&sheet.name)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                write_cell(worksheet, r as u32, c as u16, cell, &styles)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
    }
    workbook
        .save(path)
        .with_context(|| format!("Le fichier « {} » n'a pas pu être écrit", path.display()))
}
