//! Hostile workbooks, made on demand: the reliability tests, the fuzzing
//! regression tests and `scripts/fiabilite.sh` build them from here.

use crate::commands::template::{form_grid, write_grid};
use crate::sample::worked_example;
use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::path::Path;

/// A valid submission (the worked example) as `.xlsx` bytes.
pub fn valid_xlsx() -> Result<Vec<u8>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("exemple.xlsx");
    write_grid(&form_grid(&worked_example()), &path)?;
    Ok(std::fs::read(&path)?)
}

/// Rewrites the entries of a zip (an `.xlsx`), `edit` returning the new content.
pub fn rewrite_zip(
    bytes: &[u8],
    mut edit: impl FnMut(&str, Vec<u8>) -> Option<Vec<u8>>,
) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name()?.to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content)?;
        let Some(content) = edit(&name, content) else {
            continue;
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .large_file(content.len() > u32::MAX as usize / 2);
        out.start_file(name, options)?;
        out.write_all(&content)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The worksheet entry of the `Services` sheet in files written by `write_grid`.
pub const SERVICES_XML: &str = "xl/worksheets/sheet2.xml";

/// Replaces the `<sheetData>` of the Services sheet.
pub fn with_services_data(sheet_data: &str) -> Result<Vec<u8>> {
    rewrite_zip(&valid_xlsx()?, |name, content| {
        if name != SERVICES_XML {
            return Some(content);
        }
        let xml = String::from_utf8_lossy(&content);
        let start = xml.find("<sheetData")?;
        let end = xml
            .find("</sheetData>")
            .map(|i| i + "</sheetData>".len())
            .unwrap_or(xml.len());
        Some(
            format!(
                "{}<sheetData>{sheet_data}</sheetData>{}",
                &xml[..start],
                &xml[end..]
            )
            .into_bytes(),
        )
    })
}

/// Replaces the cell `reference` (`<c r="L3"…</c>`) of the Services sheet
/// by the XML `new_cell` (a formula without value, a huge string…).
pub fn replace_services_cell(bytes: &[u8], reference: &str, new_cell: &str) -> Result<Vec<u8>> {
    let mut found = false;
    let replaced = rewrite_zip(bytes, |name, content| {
        if name != SERVICES_XML {
            return Some(content);
        }
        let xml = String::from_utf8_lossy(&content);
        let Some(start) = xml.find(&format!("<c r=\"{reference}\"")) else {
            return Some(content);
        };
        let end = start + xml[start..].find("</c>").map_or(0, |i| i + "</c>".len());
        found = true;
        Some(format!("{}{new_cell}{}", &xml[..start], &xml[end..]).into_bytes())
    })?;
    anyhow::ensure!(
        found,
        "la cellule {reference} est absente de la feuille Services"
    );
    Ok(replaced)
}

/// A Services sheet of 1,048,576 rows (one cell each).
pub fn million_rows() -> Result<Vec<u8>> {
    let mut data = String::with_capacity(48 * 1_048_576);
    for row in 1..=1_048_576u32 {
        data.push_str(&format!(
            "<row r=\"{row}\"><c r=\"A{row}\"><v>{row}</v></c></row>"
        ));
    }
    with_services_data(&data)
}

/// A row of 16,384 columns in the Services sheet.
pub fn wide_row() -> Result<Vec<u8>> {
    let mut data = String::from("<row r=\"1\">");
    for col in 0..16_384u32 {
        data.push_str(&format!(
            "<c r=\"{}1\"><v>1</v></c>",
            crate::finding::column_letters(col)
        ));
    }
    data.push_str("</row>");
    with_services_data(&data)
}

/// The trap: one value in A1 and one in XFD1048576 (a dense range would be 512 GiB).
pub fn far_corner() -> Result<Vec<u8>> {
    with_services_data("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")
}

/// Writes the generated corpus into `folder` (for `scripts/fiabilite.sh`).
pub fn write_generated(folder: &Path) -> Result<()> {
    std::fs::create_dir_all(folder)?;
    for (name, bytes) in [
        ("million-de-lignes.xlsx", million_rows()?),
        ("ligne-de-16384-colonnes.xlsx", wide_row()?),
        ("coin-xfd1048576.xlsx", far_corner()?),
    ] {
        std::fs::write(folder.join(name), bytes).with_context(|| name.to_string())?;
    }
    Ok(())
}
