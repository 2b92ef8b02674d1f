//! A workbook file → its sheets as sparse cells with positions, within limits.
//!
//! The only module that knows `calamine` (and the zip container). The format
//! is recognised by content, never by extension. Limits are checked before a
//! sheet is materialised: `.xlsx` sheets are streamed cell by cell, so a
//! sheet declaring a million rows costs nothing until its cells arrive.

use crate::values::{format_count, format_megabytes, Date, Raw};
use calamine::{Data, DataRef, Reader, SheetVisible};
use std::io::{Cursor, Read, Seek};

/// Resource limits of one workbook (`formulaire.md`, « Limits »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Limits {
    /// Size of the file on disk, in bytes.
    pub max_file_bytes: u64,
    /// Total inflated size of the parts of a zip container, in bytes.
    pub max_inflated_bytes: u64,
    /// Rows of a sheet's used range.
    pub max_rows: u32,
    /// Columns of a sheet's used range.
    pub max_columns: u32,
    /// Non-empty cells read from a workbook, all sheets together.
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
            max_inflated_bytes: 512 * 1024 * 1024,
            max_rows: 100_000,
            max_columns: 200,
            max_cells: 2_000_000,
        }
    }
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// `F001`: not a spreadsheet, or damaged.
    Unreadable(String),
    /// `F002`: protected by a password.
    Encrypted,
    /// `F003`: over a limit.
    TooLarge(String),
}

impl ReadError {
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Unreadable(_) => "F001",
            ReadError::Encrypted => "F002",
            ReadError::TooLarge(_) => "F003",
        }
    }

    pub fn message(&self) -> String {
        match self {
            ReadError::Unreadable(why) => format!("Le fichier ne peut pas être lu comme un classeur : {why}. Attendu : un classeur .xlsx, .xlsm, .xls ou .ods enregistré par Excel ou LibreOffice Calc."),
            ReadError::Encrypted => "Le classeur est protégé par un mot de passe : il ne peut pas être lu. Enregistrez-le sans mot de passe (Fichier > Informations > Protéger le classeur) et envoyez-le de nouveau.".into(),
            ReadError::TooLarge(why) => format!("Le classeur dépasse les limites de lecture : {why}. Retirez les lignes, colonnes ou feuilles superflues, ou relevez la limite avec l'option correspondante."),
        }
    }
}

/// One row of a sheet: its zero-based index and its non-empty cells by column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub index: u32,
    pub cells: Vec<(u32, Raw)>,
}

impl Row {
    pub fn get(&self, col: u32) -> &Raw {
        const EMPTY: Raw = Raw::Empty;
        match self.cells.binary_search_by_key(&col, |(c, _)| *c) {
            Ok(i) => &self.cells[i].1,
            Err(_) => &EMPTY,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    /// Rows holding at least one cell, in order.
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    /// Every sheet name, in workbook order.
    pub sheet_names: Vec<String>,
    /// The sheets that were asked for, with their cells.
    pub sheets: Vec<Sheet>,
}

enum Container {
    Xlsx,
    Xls,
    Ods,
}

const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads a workbook from its bytes; `wanted` says which sheets to load.
pub fn read_workbook(
    bytes: &[u8],
    limits: &Limits,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Workbook, ReadError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ReadError::TooLarge(format!(
            "le fichier fait {}, la limite est de {}",
            format_megabytes(bytes.len() as u64),
            format_megabytes(limits.max_file_bytes)
        )));
    }
    match detect(bytes, limits)? {
        Container::Xlsx => read_xlsx(bytes, limits, wanted),
        Container::Xls => {
            let workbook = calamine::Xls::new(Cursor::new(bytes)).map_err(|error| match error {
                calamine::XlsError::Password => ReadError::Encrypted,
                other => ReadError::Unreadable(format!("classeur .xls endommagé ({other})")),
            })?;
            read_dense(workbook, limits, wanted)
        }
        Container::Ods => {
            let workbook = calamine::Ods::new(Cursor::new(bytes)).map_err(|error| {
                ReadError::Unreadable(format!("classeur .ods endommagé ({error})"))
            })?;
            read_dense(workbook, limits, wanted)
        }
    }
}

fn detect(bytes: &[u8], limits: &Limits) -> Result<Container, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Unreadable(
            "le fichier est vide (0 octet)".into(),
        ));
    }
    if bytes.starts_with(CFB_MAGIC) {
        // An encrypted .xlsx is an OLE container holding these streams (UTF-16 names).
        let encrypted = ["EncryptionInfo", "EncryptedPackage"].iter().any(|name| {
            let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
            bytes
                .windows(utf16.len())
                .any(|window| window == utf16.as_slice())
        });
        return if encrypted {
            Err(ReadError::Encrypted)
        } else {
            Ok(Container::Xls)
        };
    }
    if !bytes.starts_with(b"PK") {
        return Err(ReadError::Unreadable(
            "son contenu n'est ni un classeur Excel ni un classeur OpenDocument".into(),
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
        ReadError::Unreadable(format!("archive zip endommagée ou tronquée ({error})"))
    })?;
    let mut inflated: u64 = 0;
    let mut container = None;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|error| ReadError::Unreadable(format!("archive zip endommagée ({error})")))?;
        if entry.encrypted() {
            return Err(ReadError::Encrypted);
        }
        inflated = inflated.saturating_add(entry.size());
        let name = entry
            .name()
            .map(|name| name.into_owned())
            .unwrap_or_default();
        match name.as_str() {
            "xl/workbook.xml" => container = Some(Container::Xlsx),
            "xl/workbook.bin" => return Err(ReadError::Unreadable(
                "c'est un classeur binaire .xlsb, un format non accepté ; enregistrez-le en .xlsx"
                    .into(),
            )),
            "content.xml" if container.is_none() => container = Some(Container::Ods),
            _ => {}
        }
    }
    if inflated > limits.max_inflated_bytes {
        return Err(ReadError::TooLarge(format!(
            "son contenu décompressé ferait {}, la limite est de {}",
            format_megabytes(inflated),
            format_megabytes(limits.max_inflated_bytes)
        )));
    }
    container.ok_or_else(|| {
        ReadError::Unreadable("c'est une archive zip qui ne contient pas de classeur".into())
    })
}

fn visibility(sheets: &[calamine::Sheet], name: &str) -> bool {
    sheets
        .iter()
        .any(|sheet| sheet.name == name && sheet.visible != SheetVisible::Visible)
}

fn over_limit(name: &str, row: u32, col: u32, limits: &Limits) -> Option<ReadError> {
    if row >= limits.max_rows || col >= limits.max_columns {
        Some(ReadError::TooLarge(format!(
            "la feuille « {name} » a une cellule en {} alors que la limite est de {} lignes et {} colonnes",
            crate::finding::a1(row, col),
            format_count(u64::from(limits.max_rows)),
            limits.max_columns
        )))
    } else {
        None
    }
}

fn too_many_cells(limits: &Limits) -> ReadError {
    ReadError::TooLarge(format!(
        "il contient plus de {} cellules remplies",
        format_count(limits.max_cells)
    ))
}

fn read_xlsx(
    bytes: &[u8],
    limits: &Limits,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Workbook, ReadError> {
    let mut workbook = calamine::Xlsx::new(Cursor::new(bytes))
        .map_err(|error| ReadError::Unreadable(format!("classeur .xlsx endommagé ({error})")))?;
    let metadata = workbook.sheets_metadata().to_vec();
    let sheet_names: Vec<String> = metadata.iter().map(|sheet| sheet.name.clone()).collect();
    let mut sheets = Vec::new();
    let mut cells: u64 = 0;
    for name in sheet_names.iter().filter(|name| wanted(name)) {
        let mut reader = workbook.worksheet_cells_reader(name).map_err(|error| {
            ReadError::Unreadable(format!("feuille « {name} » illisible ({error})"))
        })?;
        let mut rows: Vec<Row> = Vec::new();
        loop {
            let cell = reader.next_cell_with_formula().map_err(|error| {
                ReadError::Unreadable(format!("feuille « {name} » endommagée ({error})"))
            })?;
            let Some(cell) = cell else { break };
            let (row, col) = cell.pos;
            if let Some(error) = over_limit(name, row, col, limits) {
                return Err(error);
            }
            cells += 1;
            if cells > limits.max_cells {
                return Err(too_many_cells(limits));
            }
            let raw = match (from_data_ref(cell.value), cell.formula) {
                (Raw::Empty, Some(formula)) => Raw::FormulaWithoutValue(formula),
                (raw, _) => raw,
            };
            push_cell(&mut rows, row, col, raw);
        }
        sheets.push(sheet(name, &metadata, rows));
    }
    Ok(Workbook {
        sheet_names,
        sheets,
    })
}

/// A sheet once its cells are all read.
fn sheet(name: &str, metadata: &[calamine::Sheet], mut rows: Vec<Row>) -> Sheet {
    sort_rows(&mut rows);
    Sheet {
        name: name.to_string(),
        hidden: visibility(metadata, name),
        rows,
    }
}

fn push_cell(rows: &mut Vec<Row>, row: u32, col: u32, raw: Raw) {
    if raw == Raw::Empty {
        return;
    }
    match rows.last_mut() {
        Some(last) if last.index == row => last.cells.push((col, raw)),
        _ => rows.push(Row {
            index: row,
            cells: vec![(col, raw)],
        }),
    }
}

/// Streams are in order in files written by spreadsheets; make sure anyway.
fn sort_rows(rows: &mut Vec<Row>) {
    let sorted = rows.windows(2).all(|pair| pair[0].index < pair[1].index)
        && rows
            .iter()
            .all(|row| row.cells.windows(2).all(|pair| pair[0].0 < pair[1].0));
    if sorted {
        return;
    }
    let mut cells: Vec<(u32, u32, Raw)> = rows
        .drain(..)
        .flat_map(|row| {
            row.cells
                .into_iter()
                .map(move |(col, raw)| (row.index, col, raw))
        })
        .collect();
    cells.sort_by_key(|(row, col, _)| (*row, *col));
    cells.dedup_by_key(|(row, col, _)| (*row, *col));
    for (row, col, raw) in cells {
        push_cell(rows, row, col, raw);
    }
}

/// `.xls` and `.ods`: calamine only offers dense ranges; the file and
/// inflated sizes were capped before, and the range is checked before use.
fn read_dense<R, RS>(
    mut workbook: R,
    limits: &Limits,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Workbook, ReadError>
where
    RS: Read + Seek,
    R: Reader<RS>,
{
    let metadata = workbook.sheets_metadata().to_vec();
    let sheet_names: Vec<String> = metadata.iter().map(|sheet| sheet.name.clone()).collect();
    let mut sheets = Vec::new();
    let mut cells: u64 = 0;
    for name in sheet_names.iter().filter(|name| wanted(name)) {
        let range = workbook.worksheet_range(name).map_err(|error| {
            ReadError::Unreadable(format!("feuille « {name} » illisible ({error:?})"))
        })?;
        if let Some((row, col)) = range.end() {
            if let Some(error) = over_limit(name, row, col, limits) {
                return Err(error);
            }
        }
        cells += range.used_cells().count() as u64;
        if cells > limits.max_cells {
            return Err(too_many_cells(limits));
        }
        let formulas = workbook.worksheet_formula(name).unwrap_or_default();
        let mut rows = Vec::new();
        for (row, col, value) in range.used_cells() {
            let (row, col) = (
                row as u32 + range.start().unwrap_or_default().0,
                col as u32 + range.start().unwrap_or_default().1,
            );
            push_cell(&mut rows, row, col, from_data(value));
        }
        for (row, col, formula) in formulas.used_cells() {
            let start = formulas.start().unwrap_or_default();
            let (row, col) = (row as u32 + start.0, col as u32 + start.1);
            let empty = range
                .get_value((row, col))
                .is_none_or(|v| *v == Data::Empty);
            if empty && !formula.is_empty() {
                push_cell(
                    &mut rows,
                    row,
                    col,
                    Raw::FormulaWithoutValue(formula.clone()),
                );
            }
        }
        sheets.push(sheet(name, &metadata, rows));
    }
    Ok(Workbook {
        sheet_names,
        sheets,
    })
}

fn excel_date(datetime: &calamine::ExcelDateTime) -> Raw {
    if datetime.is_duration() {
        return Raw::Number(datetime.as_f64());
    }
    let (year, month, day, ..) = datetime.to_ymd_hms_milli();
    Date::new(i32::from(year), u32::from(month), u32::from(day))
        .map_or(Raw::Number(datetime.as_f64()), Raw::Date)
}

fn iso_date(text: &str) -> Raw {
    Date::parse_iso(text).map_or_else(|| Raw::Text(text.to_string()), Raw::Date)
}

fn text(text: &str) -> Raw {
    if text.is_empty() {
        Raw::Empty
    } else {
        Raw::Text(text.to_string())
    }
}

fn from_data_ref(value: DataRef) -> Raw {
    match value {
        DataRef::Int(i) => Raw::Number(i as f64),
        DataRef::Float(f) => Raw::Number(f),
        DataRef::String(s) => text(&s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => Raw::Bool(b),
        DataRef::DateTime(d) => excel_date(&d),
        DataRef::DateTimeIso(s) => iso_date(&s),
        DataRef::DurationIso(s) => Raw::Text(s),
        DataRef::Error(e) => Raw::Error(format!("{e}")),
        DataRef::Empty => Raw::Empty,
    }
}

fn from_data(value: &Data) -> Raw {
    match value {
        Data::Int(i) => Raw::Number(*i as f64),
        Data::Float(f) => Raw::Number(*f),
        Data::String(s) => text(s),
        Data::Bool(b) => Raw::Bool(*b),
        Data::DateTime(d) => excel_date(d),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => Raw::Text(s.clone()),
        Data::Error(e) => Raw::Error(format!("{e}")),
        Data::Empty => Raw::Empty,
    }
}
