//! A finding is data: collected while reading, shown once by a renderer.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Erreur,
    Avertissement,
    Information,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Erreur => "erreur",
            Severity::Avertissement => "avertissement",
            Severity::Information => "information",
        }
    }
}

/// One problem, at one place of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    #[serde(rename = "fichier")]
    pub file: String,
    #[serde(rename = "feuille")]
    pub sheet: Option<String>,
    /// A1 reference (`F12`), a row (`ligne 12`) or `None` for the sheet or file.
    #[serde(rename = "cellule")]
    pub cell: Option<String>,
    #[serde(rename = "gravite")]
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

impl Finding {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Erreur
    }

    /// Where it applies, as `Services!F12`, `Services` or the empty string.
    pub fn location(&self) -> String {
        match (&self.sheet, &self.cell) {
            (Some(sheet), Some(cell)) => format!("{sheet}!{cell}"),
            (Some(sheet), None) => sheet.clone(),
            (None, Some(cell)) => cell.clone(),
            (None, None) => String::new(),
        }
    }

    /// Sort key: severity, then sheet, then cell in reading order.
    pub fn sort_key(&self) -> (Severity, String, u32, u32) {
        let (row, col) = self.cell.as_deref().map(split_a1).unwrap_or((0, 0));
        (
            self.severity,
            self.sheet.clone().unwrap_or_default(),
            row,
            col,
        )
    }
}

/// The severity of each code (codes are stable: see `docs/constats.md`).
pub fn severity_of(code: &str) -> Severity {
    match code {
        "S003" | "V008" | "C002" | "C003" | "C004" | "C005" | "C006" | "D001" | "D002" | "D003"
        | "X004" | "X006" => Severity::Avertissement,
        "X005" | "S006" => Severity::Information,
        _ => Severity::Erreur,
    }
}

/// Collects the findings of one file.
#[derive(Debug, Default)]
pub struct Findings {
    pub file: String,
    pub list: Vec<Finding>,
}

impl Findings {
    pub fn new(file: &str) -> Self {
        Findings {
            file: file.to_string(),
            list: Vec::new(),
        }
    }

    pub fn add(
        &mut self,
        code: &'static str,
        sheet: Option<&str>,
        cell: Option<String>,
        message: String,
    ) {
        self.list.push(Finding {
            file: self.file.clone(),
            sheet: sheet.map(str::to_string),
            cell,
            severity: severity_of(code),
            code,
            message,
        });
    }

    /// A finding at a cell of a sheet (zero-based row and column).
    pub fn at(&mut self, code: &'static str, sheet: &str, row: u32, col: u32, message: String) {
        self.add(code, Some(sheet), Some(a1(row, col)), message);
    }

    pub fn has_error(&self) -> bool {
        self.list.iter().any(Finding::is_error)
    }
}

/// Zero-based (row, column) to an A1 reference.
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

pub fn column_letters(col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// `F12` → (12, 6); anything else sorts first.
fn split_a1(cell: &str) -> (u32, u32) {
    let letters: String = cell.chars().take_while(char::is_ascii_uppercase).collect();
    let row = cell[letters.len()..].parse().unwrap_or(0);
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1));
    (row, col)
}

/// Counts (errors, warnings) of a list.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Erreur)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Avertissement)
        .count();
    (errors, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 5), "F12");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
        assert_eq!(split_a1("F12"), (12, 6));
        assert_eq!(split_a1("AA3"), (3, 27));
    }
}
