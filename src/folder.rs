//! The folder rules: which entries of a folder are submissions, and why the
//! others are skipped. Every entry is accounted for.

use std::path::{Path, PathBuf};

pub const SUBMISSION_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods"];
/// Reports written by this tool start with this name.
pub const REPORT_PREFIX: &str = "rapport-barometre";

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A file to read as a submission.
    Submission { name: String, path: PathBuf },
    /// Skipped with an `X005` information line saying why.
    Skipped { name: String, reason: String },
}

impl Entry {
    pub fn name(&self) -> &str {
        match self {
            Entry::Submission { name, .. } | Entry::Skipped { name, .. } => name,
        }
    }
}

/// Lists a folder, sorted by name (so every output is in a fixed order).
pub fn list(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let skip = |reason: &str| Entry::Skipped {
            name: name.clone(),
            reason: reason.to_string(),
        };
        let kind = entry.file_type();
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        entries.push(match kind {
            Err(_) => skip("son type ne peut pas être déterminé"),
            Ok(kind) if kind.is_symlink() => skip("c'est un lien symbolique : il n'est pas suivi ; copiez le fichier lui-même dans le dossier"),
            Ok(kind) if kind.is_dir() => skip("c'est un sous-dossier : les sous-dossiers ne sont pas lus"),
            Ok(kind) if !kind.is_file() => skip("ce n'est pas un fichier ordinaire"),
            Ok(_) if name.starts_with("~$") || name.starts_with(".~lock") => skip("c'est un fichier de verrouillage laissé par Excel ou LibreOffice"),
            Ok(_) if name.starts_with('.') => skip("c'est un fichier caché"),
            Ok(_) if !SUBMISSION_EXTENSIONS.contains(&extension.as_str()) => skip("ce n'est pas un classeur (.xlsx, .xlsm, .xls ou .ods)"),
            Ok(_) if name.to_lowercase().starts_with(REPORT_PREFIX) => skip("c'est un rapport produit par barometre"),
            Ok(_) => Entry::Submission { name, path },
        });
    }
    entries.sort_by(|a, b| a.name().cmp(b.name()));
    Ok(entries)
}
