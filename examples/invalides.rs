//! Writes `fixtures/invalides/`: the worked example broken on purpose, one
//! file per finding code (see `tests/check.rs` for the code and cell each gives).
//!
//! cargo run --example invalides -- fixtures/invalides

use barometre::commands::template::{form_grid, write_grid, GridSheet, Out};
use barometre::corpus::replace_services_cell;
use barometre::sample::worked_example;
use std::path::{Path, PathBuf};

fn cell_index(reference: &str) -> (usize, usize) {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let row: usize = reference[letters.len()..].parse().expect("ligne");
    let col = letters
        .bytes()
        .fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
        - 1;
    (row - 1, col)
}

fn sheet<'a>(grid: &'a mut [GridSheet], name: &str) -> &'a mut GridSheet {
    grid.iter_mut().find(|s| s.name == name).expect("feuille")
}

fn set(grid: &mut [GridSheet], name: &str, reference: &str, value: Out) {
    let (row, col) = cell_index(reference);
    let sheet = sheet(grid, name);
    while sheet.rows.len() <= row {
        sheet.rows.push(Vec::new());
    }
    let cells = &mut sheet.rows[row];
    while cells.len() <= col {
        cells.push(Out::Blank);
    }
    cells[col] = value;
}

fn text(s: &str) -> Out {
    Out::Text(s.into())
}

type Mutation = fn(&mut Vec<GridSheet>);

const CASES: &[(&str, Mutation)] = &[
    ("s001-feuille-absente", |g| {
        g.retain(|s| s.name != "Consultations")
    }),
    ("s002-colonne-absente", |g| {
        set(g, "Consultations", "B1", text("Intitulé"))
    }),
    ("s003-colonne-inconnue", |g| {
        set(g, "Services", "N1", text("Budget"))
    }),
    ("s004-champ-absent", |g| {
        sheet(g, "Organisation").rows.remove(9);
    }),
    ("s005-feuille-en-double", |g| {
        let copy = GridSheet {
            name: "SÉRVICES".into(),
            ..sheet(g, "Services").clone()
        };
        g.push(copy);
    }),
    ("v001-oui-non", |g| {
        set(g, "Services", "C2", text("peut-être"))
    }),
    ("v002-nombre-entier", |g| {
        set(g, "Organisation", "B7", text("1 2345"))
    }),
    ("v003-date", |g| {
        set(g, "Consultations", "C3", text("15/03/2021"))
    }),
    ("v004-hors-bornes", |g| {
        set(g, "Données", "C2", Out::Number(120.0))
    }),
    ("v005-liste", |g| {
        set(g, "Organisation", "B4", text("Municipal"))
    }),
    ("v006-identifiant-en-double", |g| {
        set(g, "Services", "A3", text("s1"))
    }),
    ("v007-valeur-manquante", |g| {
        set(g, "Services", "D2", Out::Blank)
    }),
    ("v008-courriel", |g| {
        set(g, "Organisation", "B10", text("marie.tremblay"))
    }),
    ("c001-partie-plus-grande", |g| {
        set(g, "Services", "L2", Out::Number(1200.0))
    }),
    ("c002-sans-objet-rempli", |g| {
        set(g, "Services", "D4", text("Oui"))
    }),
    ("c004-nd", |g| set(g, "Services", "L3", text("ND"))),
    ("c005-methode-vide", |g| {
        set(g, "Services", "F2", Out::Blank)
    }),
    ("c006-date-future", |g| {
        set(g, "Initiatives", "E2", text("2026-01-15"))
    }),
    ("p001-processus-absent", |g| {
        sheet(g, "Processus").rows.remove(12);
    }),
    ("p002-processus-inconnu", |g| {
        set(g, "Processus", "B2", text("Recrutement"))
    }),
    ("p003-processus-repete", |g| {
        set(g, "Processus", "B3", text("DOTATION"))
    }),
    ("d001-adresse-absente", |g| {
        set(g, "Données", "F2", Out::Blank)
    }),
    ("d002-adresse-hors-portail", |g| {
        set(g, "Données", "F2", text("https://example.com/jeu-1"))
    }),
    ("d003-aucun-haut-potentiel", |g| {
        set(g, "Données", "C2", Out::Number(10.0));
        set(g, "Données", "C3", Out::Number(20.0));
    }),
];

fn main() {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fixtures/invalides".into()),
    );
    std::fs::create_dir_all(&folder).expect("dossier");
    for (name, mutate) in CASES {
        let mut grid = form_grid(&worked_example());
        mutate(&mut grid);
        write_grid(&grid, &folder.join(format!("{name}.xlsx"))).expect("écriture");
    }
    // F004: a formula saved without its result, where the form reads a number.
    formula_fixture(&folder.join("f004-formule-sans-valeur.xlsx"));
    // F001: text named .xlsx.
    std::fs::write(
        folder.join("f001-texte.xlsx"),
        "Ceci n'est pas un classeur.\n",
    )
    .expect("écriture");
}

/// F004: a formula saved without its result, where the form reads a number (Services!L3).
fn formula_fixture(path: &Path) {
    write_grid(&form_grid(&worked_example()), path).expect("écriture");
    let bytes = std::fs::read(path).expect("lecture");
    let broken =
        replace_services_cell(&bytes, "L3", "<c r=\"L3\"><f>M3*0.75</f></c>").expect("formule");
    std::fs::write(path, broken).expect("écriture");
}
