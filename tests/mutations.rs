//! A few thousand deterministic mutations of real workbooks (bit flips,
//! truncations, damaged and swapped zip entries) go through the whole
//! bytes → findings path without a panic (a caught panic would say
//! « de façon inattendue » in its F001).

mod common;

use barometre::corpus::{rewrite_zip, valid_xlsx};
use barometre::load::{load_bytes, Loaded};
use barometre::read::Limits;
use barometre::sample::Rng;
use common::fixtures;

/// Whether reading panicked (caught by `load`, and turned into an F001).
fn caught_panic(loaded: &Loaded) -> bool {
    loaded
        .findings
        .iter()
        .any(|f| f.code == "F001" && f.message.contains("de façon inattendue"))
}

/// Our code never panics; calamine's `.xls` reader does on some damaged
/// files (an out-of-range slice): `load` isolates it as that file's F001.
fn assert_no_panic(loaded: &Loaded, what: &str, panics_in_xls: &mut Vec<String>) {
    if caught_panic(loaded) {
        assert!(what.contains(".xls "), "{what}: {:?}", loaded.findings);
        assert_eq!(loaded.findings.len(), 1, "{what}");
        panics_in_xls.push(what.to_string());
    }
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut list = vec![("exemple.xlsx".to_string(), valid_xlsx().unwrap())];
    for name in [
        "soumissions/mnf.xlsx",
        "soumissions/ufn-libreoffice.ods",
        "formats/ofq.xls",
    ] {
        list.push((
            name.to_string(),
            std::fs::read(fixtures().join(name)).unwrap(),
        ));
    }
    list
}

#[test]
fn raw_mutations_never_panic() {
    let limits = Limits::default();
    let mut rng = Rng::new(2024);
    let mut runs = 0;
    let mut panics_in_xls = Vec::new();
    for (name, bytes) in seeds() {
        for round in 0..400 {
            let mut mutated = bytes.clone();
            match round % 4 {
                0 => {
                    for _ in 0..1 + rng.below(8) {
                        let i = rng.below(mutated.len() as u64) as usize;
                        mutated[i] ^= 1 << rng.below(8);
                    }
                }
                1 => mutated.truncate(rng.below(mutated.len() as u64) as usize),
                2 => {
                    let start = rng.below(mutated.len() as u64) as usize;
                    let end = (start + 1 + rng.below(64) as usize).min(mutated.len());
                    for byte in &mut mutated[start..end] {
                        *byte = rng.below(256) as u8;
                    }
                }
                _ => {
                    let i = rng.below(mutated.len() as u64) as usize;
                    let j = rng.below(mutated.len() as u64) as usize;
                    mutated.swap(i, j);
                }
            }
            let what = format!("{name} round {round}");
            assert_no_panic(
                &load_bytes(&mutated, &name, &limits),
                &what,
                &mut panics_in_xls,
            );
            runs += 1;
        }
    }
    assert_eq!(runs, 1600);
    eprintln!(
        "calamine .xls panics caught and isolated: {}",
        panics_in_xls.len()
    );
}

#[test]
fn zip_entry_mutations_never_panic() {
    let limits = Limits::default();
    let mut rng = Rng::new(7);
    let mut runs = 0;
    for (name, bytes) in seeds()
        .into_iter()
        .filter(|(name, _)| !name.ends_with(".xls"))
    {
        let entries: Vec<String> = {
            let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            archive
                .file_names()
                .filter_map(|name| name.ok().map(|n| n.into_owned()))
                .collect()
        };
        for round in 0..300 {
            let target = entries[rng.below(entries.len() as u64) as usize].clone();
            let other = entries[rng.below(entries.len() as u64) as usize].clone();
            let kind = round % 4;
            let (a, b, c) = (rng.next_u64(), rng.next_u64(), rng.next_u64());
            let mut swapped: Option<Vec<u8>> = None;
            if kind == 3 {
                let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
                let mut content = Vec::new();
                std::io::Read::read_to_end(&mut archive.by_name(&other).unwrap(), &mut content)
                    .unwrap();
                swapped = Some(content);
            }
            let mutated = rewrite_zip(&bytes, |entry, mut content| {
                if entry != target || content.is_empty() {
                    return Some(content);
                }
                let len = content.len() as u64;
                match kind {
                    0 => {
                        let i = (a % len) as usize;
                        content[i] ^= 1 << (b % 8);
                    }
                    1 => content.truncate((a % len) as usize),
                    2 => {
                        let i = (a % len) as usize;
                        let insert: &[u8] = match c % 5 {
                            0 => b"<",
                            1 => b"<c r=\"XFD1\"><v>1</v></c>",
                            2 => b"&#xFFFF;",
                            3 => b"<row r=\"0\">",
                            _ => b"\xff\xfe",
                        };
                        content.splice(i..i, insert.iter().copied());
                    }
                    _ => return swapped.clone(),
                }
                Some(content)
            })
            .unwrap();
            let what = format!("{name} round {round} ({target})");
            assert_no_panic(
                &load_bytes(&mutated, &name, &limits),
                &what,
                &mut Vec::new(),
            );
            runs += 1;
        }
    }
    assert_eq!(runs, 900);
}
