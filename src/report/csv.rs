//! One CSV per report table: UTF-8 with BOM (Excel opens it), `;`-free
//! plain commas, and text that a spreadsheet would take for a formula
//! (`=`, `+`, `-`, `@`) prefixed with `'`.

use crate::report::tables::{Cell, Table};
use anyhow::{Context, Result};
use std::path::Path;

/// Text a spreadsheet would not read as a formula.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) | Cell::Status(text) => neutralise(text),
        Cell::Int(n) => n.to_string(),
        Cell::Percent(Some(value)) | Cell::Points(Some(value)) => format!("{value}"),
        Cell::Percent(None) | Cell::Points(None) => "s.o.".into(),
    }
}

/// The file name of a table: `par-reseau.csv`, `donnees.csv`…
pub fn file_name(sheet: &str) -> String {
    let key = crate::values::normalize(sheet).replace(' ', "-");
    format!("{key}.csv")
}

pub fn write_table(folder: &Path, table: Table) -> Result<()> {
    let path = folder.join(file_name(table.sheet));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        writer.write_record(table.headers.iter().map(|h| neutralise(h)))?;
        for row in table.rows {
            writer.write_record(row.iter().map(cell_text))?;
        }
        writer.flush()?;
    }
    std::fs::write(&path, bytes)
        .with_context(|| format!("Le fichier « {} » n'a pas pu être écrit", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_leading_text_is_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Dotation"), "Dotation");
    }
}
