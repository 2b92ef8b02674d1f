//! Cells + the form's description → a `Submission` and its findings.

use crate::finding::{a1, Findings};
use crate::form::{
    self, Column, Condition, Field, Kind, Need, TableSheet, WhenNotApplicable, COMMENT_HEADER,
};
use crate::model::*;
use crate::read::{Row, Sheet, Workbook};
use crate::values::{self, normalize, Date, Raw};
use std::collections::{HashMap, HashSet};

/// How many rows from the top may hold the header row.
const HEADER_SEARCH_ROWS: u32 = 10;

/// A typed cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Yes(bool),
    Whole(u64),
    Unavailable,
    Decimal(f64),
    Date(Date),
    Text(String),
    List(&'static str),
    /// Present but unusable (a finding says why).
    Invalid,
}

impl Value {
    fn yes(&self) -> bool {
        *self == Value::Yes(true)
    }
    fn text(&self) -> Option<String> {
        match self {
            Value::Text(text) => Some(text.clone()),
            _ => None,
        }
    }
    fn date(&self) -> Option<Date> {
        match self {
            Value::Date(date) => Some(*date),
            _ => None,
        }
    }
    fn list(&self) -> Option<&'static str> {
        match self {
            Value::List(value) => Some(value),
            _ => None,
        }
    }
    fn decimal(&self) -> Option<f64> {
        match self {
            Value::Decimal(value) => Some(*value),
            _ => None,
        }
    }
    fn usage(&self) -> Usage {
        match self {
            Value::Whole(count) => Usage::Count(*count),
            Value::Unavailable => Usage::Unavailable,
            _ => Usage::Missing,
        }
    }
}

/// A parsed table sheet: its rows, and where each form column was found.
pub struct ParsedTable<'w> {
    pub sheet: &'w Sheet,
    pub rows: Vec<TableRow>,
    /// The sheet column of each form column (`None`: an absent optional column).
    pub columns: Vec<Option<u32>>,
}

impl ParsedTable<'_> {
    /// The sheet column of form column `index` (the first column if absent).
    fn column(&self, index: usize) -> u32 {
        self.columns[index].unwrap_or(0)
    }
}

/// One parsed row of a table sheet.
#[derive(Debug, Clone)]
pub struct TableRow {
    /// Zero-based row index in the sheet.
    pub index: u32,
    pub values: Vec<Value>,
}

/// Whether a sheet name is one of the form's (the reader loads only these).
pub fn is_form_sheet(name: &str) -> bool {
    let key = normalize(name);
    key == normalize(form::ORGANISATION_SHEET)
        || form::TABLE_SHEETS
            .iter()
            .any(|sheet| normalize(sheet.name) == key)
}

/// Parses a whole workbook into a submission, adding findings as it goes.
pub fn parse_submission(workbook: &Workbook, findings: &mut Findings) -> Submission {
    let organisation = match find_sheet(workbook, form::ORGANISATION_SHEET, findings) {
        Some(sheet) => parse_organisation(sheet, findings),
        None => Organisation::default(),
    };
    let year = organisation.year;
    let table = |definition: &'static TableSheet, findings: &mut Findings| {
        find_sheet(workbook, definition.name, findings)
            .and_then(|sheet| parse_table(sheet, definition, year, findings))
    };
    let services = table(&form::SERVICES, findings).map(|table| services(&table, findings));
    let consultations =
        table(&form::CONSULTATIONS, findings).map(|table| consultations(&table.rows));
    let initiatives = table(&form::INITIATIVES, findings).map(|table| initiatives(&table.rows));
    let processes = table(&form::PROCESSUS, findings).map(|table| processes(&table, findings));
    let datasets = table(&form::DONNEES, findings).map(|table| datasets(&table, findings));
    Submission {
        organisation,
        services: services.unwrap_or_default(),
        consultations: consultations.unwrap_or_default(),
        initiatives: initiatives.unwrap_or_default(),
        processes: processes.unwrap_or_default(),
        datasets: datasets.unwrap_or_default(),
    }
}

/// The sheet matching `name` after normalisation (`S001`, `S005`, `S006`).
fn find_sheet<'w>(
    workbook: &'w Workbook,
    name: &str,
    findings: &mut Findings,
) -> Option<&'w Sheet> {
    let key = normalize(name);
    let matching: Vec<&Sheet> = workbook
        .sheets
        .iter()
        .filter(|sheet| normalize(&sheet.name) == key)
        .collect();
    match matching.as_slice() {
        [] => {
            findings.add(
                "S001",
                Some(name),
                None,
                format!("La feuille « {name} » est absente du classeur. Feuilles trouvées : {}. Attendu : une feuille nommée « {name} » (voir le modèle produit par « barometre modele »).", list_names(&workbook.sheet_names)),
            );
            None
        }
        [sheet] => {
            if sheet.hidden {
                findings.add(
                    "S006",
                    Some(&sheet.name),
                    None,
                    format!(
                        "La feuille « {} » est masquée ; elle est tout de même lue et comptée.",
                        sheet.name
                    ),
                );
            }
            Some(sheet)
        }
        _ => {
            let names: Vec<String> = matching.iter().map(|sheet| sheet.name.clone()).collect();
            findings.add(
                "S005",
                Some(name),
                None,
                format!("Plusieurs feuilles correspondent à « {name} » : {}. Attendu : une seule ; supprimez ou renommez les autres.", list_names(&names)),
            );
            None
        }
    }
}

fn list_names(names: &[String]) -> String {
    if names.is_empty() {
        return "aucune".into();
    }
    names
        .iter()
        .map(|name| format!("« {name} »"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where each of a sheet's expected headers was found.
struct HeaderMap {
    row: u32,
    /// Column index in the sheet for each expected header (`None`: absent).
    columns: Vec<Option<u32>>,
}

/// Finds the header row among the first rows and maps the expected headers
/// to columns (`S002`, `S003`, `S005`). `None` when a required header is missing.
fn map_headers(
    sheet: &Sheet,
    headers: &[(&str, bool)],
    findings: &mut Findings,
) -> Option<HeaderMap> {
    let keys: Vec<String> = headers
        .iter()
        .map(|(header, _)| normalize(header))
        .collect();
    let comment = normalize(COMMENT_HEADER);
    let matches = |row: &Row| -> usize {
        keys.iter()
            .filter(|key| {
                row.cells
                    .iter()
                    .any(|(_, raw)| normalize(&raw.as_text()) == **key)
            })
            .count()
    };
    let required = |row: &Row| {
        headers.iter().zip(&keys).all(|((_, optional), key)| {
            *optional
                || row
                    .cells
                    .iter()
                    .any(|(_, raw)| normalize(&raw.as_text()) == *key)
        })
    };
    let candidates = sheet
        .rows
        .iter()
        .take_while(|row| row.index < HEADER_SEARCH_ROWS);
    let Some(header_row) = sheet
        .rows
        .iter()
        .take_while(|row| row.index < HEADER_SEARCH_ROWS)
        .find(|row| required(row))
    else {
        let best = candidates.max_by_key(|row| matches(row));
        let missing: Vec<&str> = headers
            .iter()
            .zip(&keys)
            .filter(|((_, optional), key)| {
                !optional
                    && !best.is_some_and(|row| {
                        row.cells
                            .iter()
                            .any(|(_, raw)| normalize(&raw.as_text()) == **key)
                    })
            })
            .map(|((header, _), _)| *header)
            .collect();
        for header in missing {
            findings.add(
                "S002",
                Some(&sheet.name),
                None,
                format!("La colonne obligatoire « {header} » est introuvable dans les {HEADER_SEARCH_ROWS} premières lignes de la feuille « {} ». Attendu : une ligne d'en-têtes qui la contient (l'ordre des colonnes est libre).", sheet.name),
            );
        }
        return None;
    };
    let mut columns = vec![None; headers.len()];
    for (col, raw) in &header_row.cells {
        let key = normalize(&raw.as_text());
        if key.is_empty() || key == comment {
            continue;
        }
        match keys.iter().position(|expected| *expected == key) {
            Some(i) if columns[i].is_some() => findings.at(
                "S005",
                &sheet.name,
                header_row.index,
                *col,
                format!("La colonne « {} » apparaît deux fois (déjà en {}). Attendu : une seule colonne de ce nom.", headers[i].0, a1(header_row.index, columns[i].unwrap_or_default())),
            ),
            Some(i) => columns[i] = Some(*col),
            None => findings.at(
                "S003",
                &sheet.name,
                header_row.index,
                *col,
                format!("Colonne inconnue {} : elle est ignorée. Les colonnes attendues sont décrites dans le modèle ; utilisez « {COMMENT_HEADER} » pour vos remarques.", raw.shown()),
            ),
        }
    }
    Some(HeaderMap {
        row: header_row.index,
        columns,
    })
}

fn parse_organisation(sheet: &Sheet, findings: &mut Findings) -> Organisation {
    let headers = [(form::FIELD_HEADER, false), (form::VALUE_HEADER, false)];
    let Some(map) = map_headers(sheet, &headers, findings) else {
        return Organisation::default();
    };
    let (label_col, value_col) = (map.columns[0].unwrap_or(0), map.columns[1].unwrap_or(1));
    let keys: Vec<String> = form::ORGANISATION_FIELDS
        .iter()
        .map(|field| normalize(field.label))
        .collect();
    let mut found: Vec<Option<(u32, Raw)>> = vec![None; keys.len()];
    for row in sheet.rows.iter().filter(|row| row.index > map.row) {
        let label = row.get(label_col);
        let key = normalize(&label.as_text());
        if key.is_empty() {
            continue;
        }
        match keys.iter().position(|expected| *expected == key) {
            Some(i) if found[i].is_some() => findings.at(
                "S005",
                &sheet.name,
                row.index,
                label_col,
                format!(
                    "Le champ « {} » apparaît deux fois. Attendu : une seule ligne pour ce champ.",
                    form::ORGANISATION_FIELDS[i].label
                ),
            ),
            Some(i) => found[i] = Some((row.index, row.get(value_col).clone())),
            None => findings.at(
                "S003",
                &sheet.name,
                row.index,
                label_col,
                format!("Champ inconnu {} : il est ignoré.", label.shown()),
            ),
        }
    }
    let mut values = Vec::with_capacity(found.len());
    for (field, entry) in form::ORGANISATION_FIELDS.iter().zip(found) {
        values.push(match entry {
            None => {
                findings.add("S004", Some(&sheet.name), None, format!("Le champ « {} » est absent de la feuille. Attendu : une ligne « {} » dans la colonne « {} » avec sa valeur dans « {} ».", field.label, field.label, form::FIELD_HEADER, form::VALUE_HEADER));
                (Value::Invalid, 0)
            }
            Some((row, raw)) => (organisation_value(sheet, field, row, value_col, &raw, findings), row),
        });
    }
    build_organisation(sheet, &values, value_col, findings)
}

fn organisation_value(
    sheet: &Sheet,
    field: &Field,
    row: u32,
    col: u32,
    raw: &Raw,
    findings: &mut Findings,
) -> Value {
    if raw.is_empty() {
        findings.at(
            "V007",
            &sheet.name,
            row,
            col,
            format!(
                "Le champ « {} » est vide. Attendu : {}.",
                field.label,
                form::kind_label(field.kind)
            ),
        );
        return Value::Invalid;
    }
    typed_value(
        raw,
        field.kind,
        field.label,
        &sheet.name,
        row,
        col,
        findings,
    )
}

fn build_organisation(
    sheet: &Sheet,
    values: &[(Value, u32)],
    value_col: u32,
    findings: &mut Findings,
) -> Organisation {
    use form::fields::*;
    let whole = |i: usize| match values[i].0 {
        Value::Whole(n) => Some(n),
        _ => None,
    };
    let organisation = Organisation {
        name: values[NAME].0.text(),
        code: values[CODE].0.text().map(|code| code.to_uppercase()),
        reseau: values[RESEAU].0.list(),
        year: whole(YEAR),
        plan_filed: match values[PLAN_FILED].0 {
            Value::Yes(b) => Some(b),
            _ => None,
        },
        employees: whole(EMPLOYEES),
        transformed_employees: whole(TRANSFORMED),
        contact: values[CONTACT].0.text(),
        email: values[EMAIL].0.text(),
    };
    if let (Some(total), Some(transformed)) =
        (organisation.employees, organisation.transformed_employees)
    {
        if transformed > total {
            findings.at("C001", &sheet.name, values[TRANSFORMED].1, value_col, format!("Le nombre d'employés transformés ({transformed}) dépasse le nombre total d'employés ({total}). Attendu : un nombre au plus égal au total."));
        }
    }
    if let Some(email) = &organisation.email {
        if !values::looks_like_email(email) {
            findings.at("V008", &sheet.name, values[EMAIL].1, value_col, format!("« {email} » ne ressemble pas à une adresse courriel. Attendu : une adresse comme prenom.nom@organisation.gouv.qc.ca."));
        }
    }
    organisation
}

/// Parses one cell by its kind (`V001`–`V005`, `F004`).
fn typed_value(
    raw: &Raw,
    kind: Kind,
    label: &str,
    sheet: &str,
    row: u32,
    col: u32,
    findings: &mut Findings,
) -> Value {
    if let Raw::FormulaWithoutValue(_) = raw {
        findings.at("F004", sheet, row, col, format!("La cellule contient une formule ({}) enregistrée sans résultat : sa valeur est inconnue. Attendu : ouvrir le fichier dans Excel ou LibreOffice Calc, recalculer et enregistrer, ou inscrire la valeur elle-même.", raw.shown()));
        return Value::Invalid;
    }
    let (parsed, code) = match kind {
        Kind::Text => (Some(Value::Text(raw.as_text())), ""),
        Kind::YesNo => (values::yes_no(raw).map(Value::Yes), "V001"),
        Kind::Whole { min, max } => match values::whole(raw) {
            Some(n) if n < min || n > max => {
                findings.at("V004", sheet, row, col, format!("« {label} » : {} est hors des bornes. Attendu : un nombre entier de {min} à {max}.", raw.shown()));
                return Value::Invalid;
            }
            n => (n.map(Value::Whole), "V002"),
        },
        Kind::Usage if values::is_unavailable(raw) => (Some(Value::Unavailable), ""),
        Kind::Usage => (values::whole(raw).map(Value::Whole), "V002"),
        Kind::Decimal { min, max } => match values::decimal(raw) {
            Some(x) if x < min || x > max => {
                findings.at("V004", sheet, row, col, format!("« {label} » : {} est hors des bornes. Attendu : un nombre de {min} à {max}.", raw.shown()));
                return Value::Invalid;
            }
            x => (x.map(Value::Decimal), "V004"),
        },
        Kind::Date => (values::date(raw).map(Value::Date), "V003"),
        Kind::List(list) => (values::list_value(raw, list).map(Value::List), "V005"),
    };
    parsed.unwrap_or_else(|| {
        let expected = match kind {
            Kind::Date => {
                "une date au format AAAA-MM-JJ (ex. 2023-09-15) ou une cellule de type date"
                    .to_string()
            }
            Kind::Whole { .. } | Kind::Usage => format!(
                "{} sans décimale ni signe (ex. 1234 ou 1 234)",
                form::kind_label(kind)
            ),
            Kind::Decimal { .. } => {
                format!("{} (virgule ou point décimal)", form::kind_label(kind))
            }
            _ => form::kind_label(kind),
        };
        findings.at(
            code,
            sheet,
            row,
            col,
            format!(
                "« {label} » : {} n'est pas une valeur valide. Attendu : {expected}.",
                raw.shown()
            ),
        );
        Value::Invalid
    })
}

/// Whether a column applies to a row: `Some(bool)`, or `None` when a cell it
/// depends on is itself invalid (then neither `V007` nor `C002` is reported).
fn applies(column: &Column, values: &[Value]) -> Option<bool> {
    let mut result = Some(true);
    for condition in column.applies_if {
        let (index, holds) = match condition {
            Condition::Yes(index) => (*index, values[*index].yes()),
            Condition::Equals(index, expected) => (*index, values[*index] == Value::List(expected)),
        };
        if values[index] == Value::Invalid {
            result = None;
        } else if !holds {
            return Some(false);
        }
    }
    result
}

/// Parses the rows of a table sheet. `None` when a required column is missing.
fn parse_table<'w>(
    sheet: &'w Sheet,
    definition: &TableSheet,
    year: Option<u64>,
    findings: &mut Findings,
) -> Option<ParsedTable<'w>> {
    let headers: Vec<(&str, bool)> = definition
        .columns
        .iter()
        .map(|column| (column.header, column.optional_column))
        .collect();
    let map = map_headers(sheet, &headers, findings)?;
    let mut seen_ids: HashMap<String, u32> = HashMap::new();
    let mut rows = Vec::new();
    for row in sheet.rows.iter().filter(|row| row.index > map.row) {
        let filled = definition
            .columns
            .iter()
            .zip(&map.columns)
            .any(|(column, col)| {
                !column.informative && col.is_some_and(|col| !row.get(col).is_empty())
            });
        if !filled {
            continue;
        }
        let mut values: Vec<Value> = Vec::with_capacity(definition.columns.len());
        let mut warned: HashSet<&str> = HashSet::new();
        for (column, col) in definition.columns.iter().zip(&map.columns) {
            let Some(col) = *col else {
                values.push(Value::Empty);
                continue;
            };
            let raw = row.get(col);
            let value = table_cell(
                sheet,
                definition,
                column,
                row.index,
                col,
                raw,
                &values,
                year,
                &mut warned,
                findings,
            );
            if column.unique {
                unique_id(
                    sheet,
                    column,
                    row.index,
                    col,
                    &value,
                    &mut seen_ids,
                    findings,
                );
            }
            values.push(value);
        }
        rows.push(TableRow {
            index: row.index,
            values,
        });
    }
    Some(ParsedTable {
        sheet,
        rows,
        columns: map.columns,
    })
}

#[allow(clippy::too_many_arguments)]
fn table_cell(
    sheet: &Sheet,
    definition: &TableSheet,
    column: &Column,
    row: u32,
    col: u32,
    raw: &Raw,
    previous: &[Value],
    year: Option<u64>,
    warned: &mut HashSet<&'static str>,
    findings: &mut Findings,
) -> Value {
    let applicable = applies(column, previous);
    if applicable == Some(false) {
        if raw.is_empty() {
            return Value::Empty;
        }
        return match column.when_not_applicable {
            WhenNotApplicable::Flag => {
                findings.at("C002", &sheet.name, row, col, format!("« {} » est rempli ({}) alors qu'il ne s'applique pas à cette ligne (il s'applique seulement {}). La valeur est ignorée.", column.header, raw.shown(), form::conditions_text(definition, column)));
                Value::Empty
            }
            WhenNotApplicable::Keep => {
                let mut quiet = Findings::new("");
                typed_value(
                    raw,
                    column.kind,
                    column.header,
                    &sheet.name,
                    row,
                    col,
                    &mut quiet,
                )
            }
        };
    }
    if raw.is_empty() {
        if applicable == Some(true) {
            missing_cell(sheet, definition, column, row, col, warned, findings);
            if column.need == Need::Required {
                // Unknown, not « Non »: the cells that depend on it are not judged.
                return Value::Invalid;
            }
        }
        return Value::Empty;
    }
    let value = typed_value(
        raw,
        column.kind,
        column.header,
        &sheet.name,
        row,
        col,
        findings,
    );
    match &value {
        Value::Unavailable if warned.insert("C004") => findings.at("C004", &sheet.name, row, col, format!("« {} » est déclaré non disponible (ND) : ce service numérique reste au dénominateur de la cible 5.1 sans pouvoir compter au numérateur. Justifiez-le dans la colonne « {COMMENT_HEADER} » si ce n'est pas déjà fait.", column.header)),
        Value::Date(date) => date_checks(sheet, column, row, col, *date, year, findings),
        _ => {}
    }
    value
}

fn missing_cell(
    sheet: &Sheet,
    definition: &TableSheet,
    column: &Column,
    row: u32,
    col: u32,
    warned: &mut HashSet<&'static str>,
    findings: &mut Findings,
) {
    match column.need {
        Need::Required => findings.at(
            "V007",
            &sheet.name,
            row,
            col,
            format!(
                "« {} » est vide. Attendu : {}{}.",
                column.header,
                form::kind_label(column.kind),
                required_because(definition, column)
            ),
        ),
        Need::Warn(code) if warned.insert(code) => {
            let message = match code {
                "C004" => format!("« {} » est vide : sans les deux nombres d'utilisations, ce service numérique reste au dénominateur de la cible 5.1 sans pouvoir compter au numérateur. Inscrivez le nombre, ou ND s'il n'est pas disponible.", column.header),
                "C005" => format!("« {} » est vide alors que les citoyens ont été impliqués. Attendu : la façon dont ils l'ont été (atelier, sondage, tests…).", column.header),
                _ => format!("« {} » est vide alors que le jeu est diffusé. Attendu : son adresse sur donneesquebec.ca.", column.header),
            };
            findings.at(code, &sheet.name, row, col, message);
        }
        _ => {}
    }
}

fn required_because(definition: &TableSheet, column: &Column) -> String {
    if column.applies_if.is_empty() {
        String::new()
    } else {
        format!(
            " (obligatoire {})",
            form::conditions_text(definition, column)
        )
    }
}

fn date_checks(
    sheet: &Sheet,
    column: &Column,
    row: u32,
    col: u32,
    date: Date,
    year: Option<u64>,
    findings: &mut Findings,
) {
    if date < form::PERIOD_START {
        findings.at("C003", &sheet.name, row, col, format!("« {} » : {date} précède le 3 juin 2019, début de la période de référence. La ligne n'est pas comptée dans la cible {}.", column.header, column.cibles));
    } else if let Some(year) = year {
        if date.year as i64 > year as i64 {
            findings.at("C006", &sheet.name, row, col, format!("« {} » : {date} est postérieure au 31 décembre {year}, fin de l'année de collecte. Vérifiez la date ; la ligne est tout de même comptée.", column.header));
        }
    }
}

fn unique_id(
    sheet: &Sheet,
    column: &Column,
    row: u32,
    col: u32,
    value: &Value,
    seen: &mut HashMap<String, u32>,
    findings: &mut Findings,
) {
    let Some(id) = value.text() else { return };
    let key = id.trim().to_uppercase();
    if key.is_empty() {
        return;
    }
    if let Some(first) = seen.get(&key) {
        findings.at("V006", &sheet.name, row, col, format!("L'identifiant « {id} » est déjà utilisé à la ligne {}. Attendu : un « {} » unique dans la feuille.", first + 1, column.header));
    } else {
        seen.insert(key, row);
    }
}

fn text_at(row: &TableRow, index: usize) -> String {
    row.values[index].text().unwrap_or_default()
}

fn services(table: &ParsedTable, findings: &mut Findings) -> Vec<Service> {
    use form::services::*;
    let (sheet, uses_col) = (table.sheet, table.column(DIGITAL_USES));
    table
        .rows
        .iter()
        .map(|row| {
            let v = &row.values;
            let service = Service {
                row: row.index + 1,
                id: text_at(row, ID),
                name: text_at(row, NAME),
                digital: v[DIGITAL].yes(),
                new: v[NEW].yes(),
                involved: v[INVOLVED].yes(),
                method: v[METHOD].text(),
                evaluation: v[EVALUATION].yes(),
                transactional: v[TRANSACTIONAL].yes(),
                no_reask: v[NO_REASK].yes(),
                reminder: v[REMINDER].yes(),
                digital_reminder: v[DIGITAL_REMINDER].yes(),
                digital_uses: v[DIGITAL_USES].usage(),
                total_uses: v[TOTAL_USES].usage(),
            };
            if let (Usage::Count(digital), Usage::Count(total)) = (service.digital_uses, service.total_uses) {
                if digital > total {
                    findings.at("C001", &sheet.name, row.index, uses_col, format!("Les utilisations numériques ({digital}) dépassent les utilisations totales ({total}) du service « {} ». Attendu : un nombre d'utilisations numériques au plus égal au total, tous modes confondus.", service.id));
                }
            }
            service
        })
        .collect()
}

fn consultations(rows: &[TableRow]) -> Vec<Consultation> {
    use form::consultations::*;
    rows.iter()
        .map(|row| Consultation {
            row: row.index + 1,
            id: text_at(row, ID),
            title: text_at(row, TITLE),
            start: row.values[START].date(),
            digital: row.values[DIGITAL].yes(),
            traditional: row.values[TRADITIONAL].yes(),
            equivalent: row.values[EQUIVALENT].yes(),
        })
        .collect()
}

fn initiatives(rows: &[TableRow]) -> Vec<Initiative> {
    use form::initiatives::*;
    rows.iter()
        .map(|row| Initiative {
            row: row.index + 1,
            id: text_at(row, ID),
            title: text_at(row, TITLE),
            in_plan: row.values[IN_PLAN].yes(),
            status: row.values[STATUS].list(),
            end: row.values[END].date(),
        })
        .collect()
}

/// The 12 processes, each once (`P001`, `P002`, `P003`).
fn processes(table: &ParsedTable, findings: &mut Findings) -> Vec<Process> {
    use form::processes::*;
    let (sheet, rows, process_col) = (table.sheet, &table.rows, table.column(PROCESS));
    let mut found: Vec<Option<u32>> = vec![None; form::PROCESSES.len()];
    let mut result = Vec::new();
    for row in rows {
        let name = text_at(row, PROCESS);
        let key = normalize(&name);
        match form::PROCESSES.iter().position(|(_, process)| normalize(process) == key) {
            None => findings.at("P002", &sheet.name, row.index, process_col, format!("Processus inconnu « {name} ». Attendu : l'un des 12 processus prioritaires, tels qu'inscrits dans le modèle (ex. « {} »).", form::PROCESSES[0].1)),
            Some(i) if found[i].is_some() => findings.at("P003", &sheet.name, row.index, process_col, format!("Le processus « {} » est déjà inscrit à la ligne {}. Attendu : chaque processus une seule fois.", form::PROCESSES[i].1, found[i].unwrap_or_default() + 1)),
            Some(i) => {
                found[i] = Some(row.index);
                result.push(Process {
                    row: row.index + 1,
                    domain: form::PROCESSES[i].0,
                    name: form::PROCESSES[i].1,
                    status: row.values[STATUS].list(),
                });
            }
        }
    }
    for (i, _) in found.iter().enumerate().filter(|(_, row)| row.is_none()) {
        findings.add("P001", Some(&sheet.name), None, format!("Le processus prioritaire « {} » ({}) est absent. Attendu : les 12 processus, chacun une fois, avec leur statut.", form::PROCESSES[i].1, form::PROCESSES[i].0));
    }
    result.sort_by_key(|process| {
        form::PROCESSES
            .iter()
            .position(|(_, name)| *name == process.name)
    });
    result
}

fn datasets(table: &ParsedTable, findings: &mut Findings) -> Vec<Dataset> {
    use form::datasets::*;
    let (sheet, rows, address_col) = (table.sheet, &table.rows, table.columns[ADDRESS]);
    let list: Vec<Dataset> = rows
        .iter()
        .map(|row| {
            let dataset = Dataset {
                row: row.index + 1,
                id: text_at(row, ID),
                name: text_at(row, NAME),
                score_a: row.values[SCORE_A].decimal(),
                score_b: row.values[SCORE_B].decimal(),
                published: row.values[PUBLISHED].yes(),
                address: row.values[ADDRESS].text(),
            };
            if let (Some(address), Some(col)) = (&dataset.address, address_col) {
                if dataset.published && !values::is_donnees_quebec_address(address) {
                    findings.at("D002", &sheet.name, row.index, col, format!("L'adresse « {address} » n'est pas sur le portail Données Québec. Attendu : une adresse commençant par https://www.donneesquebec.ca/."));
                }
            }
            dataset
        })
        .collect();
    if !list.iter().any(Dataset::high_potential)
        && !rows.iter().any(|row| row.values[SCORE_A] == Value::Invalid)
    {
        findings.add("D003", Some(&sheet.name), None, "Aucun jeu de données n'a un score axe A d'au moins 50 : l'organisation n'a pas de donnée à haut potentiel de réutilisation et n'atteint donc pas la cible 6.1.".into());
    }
    list
}
