//! Writes the generated part of the hostile corpus (million-row sheet,
//! 16,384-column row, the XFD1048576 trap) into a folder, for scripts/fiabilite.sh.
//!
//! cargo run --release --example corpus -- DOSSIER

fn main() {
    let folder = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    barometre::corpus::write_generated(std::path::Path::new(&folder)).expect("corpus");
}
