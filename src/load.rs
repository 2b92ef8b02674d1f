//! One file on disk → its findings and, when readable, its submission.
//!
//! Any failure inside the reader, even a panic in a dependency, becomes this
//! file's `F001`: the other files of a folder go on.

use crate::finding::{Finding, Findings};
use crate::indicators::{self, OrganisationIndicators};
use crate::model::Submission;
use crate::parse;
use crate::read::{self, Limits, ReadError};
use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// What one file gave.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The name shown in findings (the file name, or the path given).
    pub file: String,
    pub sha256: Option<String>,
    pub findings: Vec<Finding>,
    /// `None` when the file could not be read at all.
    pub submission: Option<Submission>,
    /// `Some` only when there is no `erreur`.
    pub indicators: Option<OrganisationIndicators>,
    /// A report written by this tool, not a submission.
    pub is_report: bool,
}

impl Loaded {
    pub fn has_error(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
    /// `F001`, `F002` or `F003`: the file could not be read at all.
    pub fn unreadable(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| matches!(finding.code, "F001" | "F002" | "F003"))
    }
}

/// Reads, parses and computes one file.
pub fn load_file(path: &Path, shown_name: &str, limits: &Limits) -> Loaded {
    let metadata = std::fs::metadata(path);
    let size_error = match &metadata {
        Ok(metadata) if metadata.len() > limits.max_file_bytes => {
            Some(ReadError::TooLarge(format!(
                "le fichier fait {}, la limite est de {}",
                crate::values::format_megabytes(metadata.len()),
                crate::values::format_megabytes(limits.max_file_bytes)
            )))
        }
        Ok(_) => None,
        Err(error) => Some(ReadError::Unreadable(format!(
            "ouverture impossible ({})",
            io_reason(error)
        ))),
    };
    if let Some(error) = size_error {
        return unreadable(shown_name, None, &error);
    }
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&bytes, shown_name, limits),
        Err(error) => unreadable(
            shown_name,
            None,
            &ReadError::Unreadable(format!("lecture impossible ({})", io_reason(&error))),
        ),
    }
}

/// The French reason of an I/O error.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => "fichier introuvable".into(),
        PermissionDenied => "permission refusée".into(),
        IsADirectory => "c'est un dossier".into(),
        _ => format!("erreur du système : {error}"),
    }
}

fn unreadable(file: &str, sha256: Option<String>, error: &ReadError) -> Loaded {
    let mut findings = Findings::new(file);
    findings.add(error.code(), None, None, error.message());
    Loaded {
        file: file.to_string(),
        sha256,
        findings: findings.list,
        submission: None,
        indicators: None,
        is_report: false,
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The same from bytes already in memory (also the fuzzing entry point).
pub fn load_bytes(bytes: &[u8], file: &str, limits: &Limits) -> Loaded {
    let sha256 = Some(sha256_hex(bytes));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let workbook = read::read_workbook(bytes, limits, &parse::is_form_sheet)?;
        let mut findings = Findings::new(file);
        let submission = parse::parse_submission(&workbook, &mut findings);
        Ok::<_, ReadError>((submission, findings, is_report(&workbook.sheet_names)))
    }));
    let (submission, mut findings, is_report) = match outcome {
        Ok(Ok(parsed)) => parsed,
        Ok(Err(error)) => return unreadable(file, sha256, &error),
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "cause inconnue".into());
            let error =
                ReadError::Unreadable(format!("la lecture a échoué de façon inattendue ({why})"));
            return unreadable(file, sha256, &error);
        }
    };
    findings.list.sort_by_key(|finding| finding.sort_key());
    let indicators = (!findings.has_error()).then(|| indicators::compute(&submission));
    Loaded {
        file: file.to_string(),
        sha256,
        findings: findings.list,
        submission: Some(submission),
        indicators,
        is_report,
    }
}

/// A report of this tool: its own sheets, and no `Organisation` sheet.
fn is_report(sheet_names: &[String]) -> bool {
    let has = |name: &str| {
        sheet_names
            .iter()
            .any(|s| crate::values::normalize(s) == crate::values::normalize(name))
    };
    has("Sommaire") && has("Méthodologie") && !has(crate::form::ORGANISATION_SHEET)
}
