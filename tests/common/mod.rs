//! Helpers shared by the integration tests: the real binary, fixtures, JSON.
#![allow(dead_code)]

use assert_cmd::Command;
use barometre::commands::template::{form_grid, write_grid, GridSheet, Out};
use barometre::model::Submission;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

pub fn barometre() -> Command {
    Command::cargo_bin("barometre").expect("binary")
}

/// `check --format json` on one file: (exit code, the file's JSON entry).
pub fn check_json(path: &Path, extra: &[&str]) -> (i32, Value) {
    let output = barometre()
        .arg("verifier")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&output.stdout)));
    (
        output.status.code().unwrap_or(-1),
        json["fichiers"][0].clone(),
    )
}

/// (code, cell) of every finding of a check entry.
pub fn codes(entry: &Value) -> Vec<(String, String)> {
    entry["constats"]
        .as_array()
        .expect("constats")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                format!(
                    "{}!{}",
                    f["feuille"].as_str().unwrap_or(""),
                    f["cellule"].as_str().unwrap_or("")
                ),
            )
        })
        .collect()
}

/// The (num, den) of the ten indicators of a check entry.
pub fn ratios(entry: &Value) -> Vec<(u64, u64)> {
    entry["indicateurs"]
        .as_array()
        .expect("indicateurs")
        .iter()
        .map(|i| {
            (
                i["numerateur"].as_u64().unwrap(),
                i["denominateur"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn cell_index(reference: &str) -> (usize, usize) {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let row: usize = reference[letters.len()..].parse().unwrap();
    let col = letters
        .bytes()
        .fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
        - 1;
    (row - 1, col)
}

/// Sets one cell of a grid sheet, growing it as needed.
pub fn set(grid: &mut [GridSheet], sheet: &str, reference: &str, value: Out) {
    let (row, col) = cell_index(reference);
    let sheet = grid.iter_mut().find(|s| s.name == sheet).expect("sheet");
    while sheet.rows.len() <= row {
        sheet.rows.push(Vec::new());
    }
    while sheet.rows[row].len() <= col {
        sheet.rows[row].push(Out::Blank);
    }
    sheet.rows[row][col] = value;
}

pub fn text(s: &str) -> Out {
    Out::Text(s.to_string())
}

/// Writes a submission as plain sheets, after `edit`.
pub fn write_edited(submission: &Submission, path: &Path, edit: impl FnOnce(&mut Vec<GridSheet>)) {
    let mut grid = form_grid(submission);
    edit(&mut grid);
    write_grid(&grid, path).expect("write");
}

/// The worked example's expected ratios (`indicateurs.md`).
pub const WORKED: [(u64, u64); 10] = [
    (1, 2),
    (1, 2),
    (1, 2),
    (1, 1),
    (0, 1),
    (1, 1),
    (300, 400),
    (1, 2),
    (9, 12),
    (1, 2),
];
