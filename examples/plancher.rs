//! The floor to compare `compute` with: the bare cost of the two libraries.
//!
//! (a) single-threaded, open each workbook of a folder with calamine and read
//!     every cell of every sheet, doing nothing else;
//! (b) write with rust_xlsxwriter (constant-memory mode) a workbook holding as
//!     many cells as the report of that folder, in the same mix of text and numbers.
//!
//! cargo run --release --example plancher -- DOSSIER [RAPPORT.xlsx]
//! Prints: lecture_s=… ecriture_s=… (default deflate level) ecriture_niveau_rapport_s=…
//! (the report's level) cellules_lues=… cellules_ecrites=…

use calamine::{open_workbook_auto, Data, Reader};
use rust_xlsxwriter::Workbook;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = args.first().expect("DOSSIER");
    let started = Instant::now();
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("dossier")
        .map(|e| e.expect("entrée").path())
        .collect();
    paths.sort();
    let mut cells_read = 0u64;
    for path in &paths {
        let Ok(mut workbook) = open_workbook_auto(path) else {
            continue;
        };
        for name in workbook.sheet_names() {
            if let Ok(range) = workbook.worksheet_range(&name) {
                cells_read += range
                    .used_cells()
                    .filter(|(_, _, v)| !matches!(v, Data::Empty))
                    .count() as u64;
            }
        }
    }
    let reading = started.elapsed().as_secs_f64();
    // The report's size: given by a report of this folder when there is one
    // (its cell count and text share), else the cells read.
    let (cells, text_share) = match args.get(1) {
        Some(report) => report_shape(report),
        None => (cells_read, 0.5),
    };
    let writing = write_cells(cells, text_share, None);
    let writing_fast = write_cells(
        cells,
        text_share,
        Some(barometre::report::xlsx::REPORT_COMPRESSION_LEVEL),
    );
    println!("lecture_s={reading:.3} ecriture_s={writing:.3} ecriture_niveau_rapport_s={writing_fast:.3} cellules_lues={cells_read} cellules_ecrites={cells}");
}

/// (b): `cells` cells, 14 a row, the given share of them text; returns seconds.
fn write_cells(cells: u64, text_share: f64, compression_level: Option<u8>) -> f64 {
    let started = Instant::now();
    let mut workbook = Workbook::new();
    if let Some(level) = compression_level {
        workbook.set_zip_compression_level(level);
    }
    let sheet = workbook
        .add_worksheet_with_constant_memory()
        .expect("feuille");
    let columns = 14u64;
    let text_columns = (columns as f64 * text_share).round() as u64;
    for i in 0..cells {
        let (row, col) = ((i / columns) as u32, (i % columns) as u16);
        if u64::from(col) < text_columns {
            sheet
                .write_string(row, col, format!("texte {}", i % 1000))
                .expect("texte");
        } else {
            sheet.write_number(row, col, i as f64).expect("nombre");
        }
    }
    let target = std::env::temp_dir().join(format!("plancher-{}.xlsx", std::process::id()));
    workbook.save(&target).expect("écriture");
    let _ = std::fs::remove_file(&target);
    started.elapsed().as_secs_f64()
}

/// (non-empty cells, share of text cells) of an existing report.
fn report_shape(path: &str) -> (u64, f64) {
    let mut workbook = open_workbook_auto(path).expect("rapport");
    let (mut cells, mut text) = (0u64, 0u64);
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).expect("feuille");
        for (_, _, value) in range.used_cells() {
            match value {
                Data::Empty => {}
                Data::String(_) => {
                    cells += 1;
                    text += 1;
                }
                _ => cells += 1,
            }
        }
    }
    (cells, text as f64 / cells.max(1) as f64)
}
