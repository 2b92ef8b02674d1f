//! A collection: the files of a folder, once read, become statuses,
//! organisations and the Baromètre. Pure: no file is touched here.

use crate::aggregate::{self, Barometre, Contribution, Targeted};
use crate::finding::{counts, Finding, Findings, Severity};
use crate::folder::Entry;
use crate::form;
use crate::indicators::OrganisationIndicators;
use crate::load::Loaded;
use crate::model::Submission;
use crate::registry::{self, Registry};
use crate::report::spool::Segment;
use anyhow::{bail, Result};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Acceptee,
    AccepteeAvecAvertissements,
    Rejetee,
    Manquante,
    Ignoree,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Acceptee => "Acceptée",
            Status::AccepteeAvecAvertissements => "Acceptée avec avertissements",
            Status::Rejetee => "Rejetée",
            Status::Manquante => "Manquante",
            Status::Ignoree => "Ignorée",
        }
    }
    pub fn is_accepted(self) -> bool {
        matches!(self, Status::Acceptee | Status::AccepteeAvecAvertissements)
    }
}

/// One line of `Soumissions`: a file of the folder, or a missing organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRecord {
    pub file: Option<String>,
    pub organisation: Option<String>,
    pub status: Status,
    pub errors: usize,
    pub warnings: usize,
    pub sha256: Option<String>,
}

/// One line of `Par organisation`.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationRecord {
    pub code: String,
    pub name: String,
    pub reseau: Option<&'static str>,
    pub status: Status,
    pub indicators: Option<OrganisationIndicators>,
}

#[derive(Debug, Clone)]
pub struct Collection {
    pub year: Option<u64>,
    pub files: Vec<FileRecord>,
    pub organisations: Vec<OrganisationRecord>,
    /// Accepted submissions, in the folder's order (the audit sheets).
    pub accepted: Vec<Accepted>,
    pub findings: Vec<Finding>,
    pub barometre: Barometre,
    pub with_registry: bool,
}

/// An accepted submission. Its rows may have been set aside in a spool
/// while reading (`audit`), in which case its tables here are empty.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// The file, as named in the folder.
    pub file: String,
    pub code: String,
    pub submission: Submission,
    pub audit: Option<[Segment; 4]>,
}

/// An entry of the folder with what reading it gave.
pub struct Read {
    pub entry: Entry,
    pub loaded: Option<Loaded>,
    /// Where its audit rows were spooled, if they were.
    pub audit: Option<[Segment; 4]>,
}

/// Builds the collection. Fails (exit 2) only on mixed years without `--annee`.
pub fn build(
    mut reads: Vec<Read>,
    registry: Option<&Registry>,
    year: Option<u64>,
    registry_name: &str,
) -> Result<Collection> {
    for read in &mut reads {
        if let (Some(loaded), Some(registry)) = (&mut read.loaded, registry) {
            crate::commands::check::apply_registry(loaded, registry);
        }
    }
    reject_duplicates(&mut reads);
    if let Some(year) = year {
        reject_other_years(&mut reads, year);
    }
    let year = match year {
        Some(year) => Some(year),
        None => common_year(&reads)?,
    };
    let mut findings = Vec::new();
    let mut files = Vec::new();
    let mut accepted: Vec<Accepted> = Vec::new();
    let mut organisations: BTreeMap<String, OrganisationRecord> = BTreeMap::new();
    for read in reads {
        let audit = read.audit;
        match (read.entry, read.loaded) {
            (Entry::Skipped { name, reason }, _) => {
                skip(&mut findings, &mut files, name, &reason, None);
            }
            (Entry::Submission { name, .. }, Some(loaded)) if loaded.is_report => {
                let reason = "c'est un rapport produit par barometre, pas un formulaire";
                skip(&mut findings, &mut files, name, reason, loaded.sha256);
            }
            (Entry::Submission { name, .. }, Some(loaded)) => {
                let (errors, warnings) = counts(&loaded.findings);
                let status = if errors > 0 {
                    Status::Rejetee
                } else if warnings > 0 {
                    Status::AccepteeAvecAvertissements
                } else {
                    Status::Acceptee
                };
                let submission = loaded.submission.unwrap_or_default();
                let code = submission.organisation.code.clone();
                if let Some(code) = &code {
                    let reseau = registry
                        .and_then(|r| r.get(code))
                        .map(|entry| entry.reseau)
                        .or(submission.organisation.reseau);
                    let record =
                        organisations
                            .entry(code.clone())
                            .or_insert_with(|| OrganisationRecord {
                                code: code.clone(),
                                name: submission.organisation.name.clone().unwrap_or_default(),
                                reseau,
                                status,
                                indicators: None,
                            });
                    if status.is_accepted() {
                        record.status = status;
                        record.indicators = loaded.indicators;
                        accepted.push(Accepted {
                            file: name.clone(),
                            code: code.clone(),
                            submission,
                            audit,
                        });
                    }
                }
                findings.extend(loaded.findings);
                files.push(FileRecord {
                    file: Some(name),
                    organisation: code,
                    status,
                    errors,
                    warnings,
                    sha256: loaded.sha256,
                });
            }
            (Entry::Submission { name, .. }, None) => {
                let mut lost = Findings::new(&name);
                lost.add("F001", None, None, "Le fichier n'a pas pu être lu.".into());
                findings.extend(lost.list);
                files.push(FileRecord {
                    file: Some(name),
                    organisation: None,
                    status: Status::Rejetee,
                    errors: 1,
                    warnings: 0,
                    sha256: None,
                });
            }
        }
    }
    if let Some(registry) = registry {
        for entry in &registry.entries {
            let record =
                organisations
                    .entry(entry.code.clone())
                    .or_insert_with(|| OrganisationRecord {
                        code: entry.code.clone(),
                        name: entry.name.clone(),
                        reseau: Some(entry.reseau),
                        status: Status::Manquante,
                        indicators: None,
                    });
            record.name = entry.name.clone();
            if record.status == Status::Manquante {
                let mut missing = Findings::new(registry_name);
                missing.add("X004", None, None, format!("L'organisation {} ({}) du registre n'a envoyé aucun formulaire : elle compte comme n'atteignant pas les cibles 4.1 et 6.1.", entry.code, entry.name));
                findings.extend(missing.list);
                files.push(FileRecord {
                    file: None,
                    organisation: Some(entry.code.clone()),
                    status: Status::Manquante,
                    errors: 0,
                    warnings: 0,
                    sha256: None,
                });
            }
        }
    }
    let contributions: Vec<Contribution> = organisations
        .values()
        .filter(|o| o.status.is_accepted())
        .filter_map(|o| {
            Some(Contribution {
                code: o.code.clone(),
                reseau: o.reseau?,
                indicators: o.indicators?,
            })
        })
        .collect();
    let targeted = match registry {
        Some(registry) => Targeted::Registry(
            registry
                .entries
                .iter()
                .map(|e| (e.code.clone(), e.reseau))
                .collect(),
        ),
        None => Targeted::Accepted,
    };
    Ok(Collection {
        year,
        barometre: aggregate::barometre(&contributions, &targeted),
        files,
        organisations: organisations.into_values().collect(),
        accepted,
        findings,
        with_registry: registry.is_some(),
    })
}

/// An ignored file: an `X005` line and its place in `Soumissions`.
fn skip(
    findings: &mut Vec<Finding>,
    files: &mut Vec<FileRecord>,
    name: String,
    reason: &str,
    sha256: Option<String>,
) {
    let mut skipped = Findings::new(&name);
    skipped.add("X005", None, None, format!("Fichier ignoré : {reason}."));
    findings.extend(skipped.list);
    files.push(FileRecord {
        file: Some(name),
        organisation: None,
        status: Status::Ignoree,
        errors: 0,
        warnings: 0,
        sha256,
    });
}

fn code_of(read: &Read) -> Option<String> {
    read.loaded
        .as_ref()?
        .submission
        .as_ref()?
        .organisation
        .code
        .clone()
}

fn reject(read: &mut Read, code: &'static str, message: String) {
    if let Some(loaded) = &mut read.loaded {
        let mut extra = Findings::new(&loaded.file);
        extra.add(code, Some(form::ORGANISATION_SHEET), None, message);
        loaded.findings.extend(extra.list);
        loaded.indicators = None;
    }
}

/// `X001`: every file declaring a code declared by another file is rejected.
fn reject_duplicates(reads: &mut [Read]) {
    let mut by_code: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, read) in reads.iter().enumerate() {
        if let Some(code) = code_of(read) {
            by_code.entry(code).or_default().push(i);
        }
    }
    for (code, indices) in by_code.into_iter().filter(|(_, indices)| indices.len() > 1) {
        let names: Vec<String> = indices
            .iter()
            .map(|i| reads[*i].entry.name().to_string())
            .collect();
        for i in indices {
            let others: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|n| *n != reads[i].entry.name())
                .collect();
            let message = format!("Le code d'organisation « {code} » est aussi déclaré par {} : les deux fichiers sont rejetés. Retirez du dossier la version périmée et relancez le calcul.", others.iter().map(|n| format!("« {n} »")).collect::<Vec<_>>().join(", "));
            reject(&mut reads[i], "X001", message);
        }
    }
}

fn year_of(read: &Read) -> Option<u64> {
    read.loaded.as_ref()?.submission.as_ref()?.organisation.year
}

/// `X002`: another year than `--annee`.
fn reject_other_years(reads: &mut [Read], year: u64) {
    for read in reads.iter_mut() {
        if let Some(found) = year_of(read).filter(|found| *found != year) {
            reject(read, "X002", format!("L'année de collecte du formulaire est {found}, alors que le calcul porte sur {year} (--annee). Le formulaire est rejeté."));
        }
    }
}

fn accepted_so_far(read: &Read) -> bool {
    read.loaded
        .as_ref()
        .is_some_and(|l| !l.findings.iter().any(|f| f.severity == Severity::Erreur))
}

/// Without `--annee`, the accepted submissions must share one year.
fn common_year(reads: &[Read]) -> Result<Option<u64>> {
    let mut years: BTreeMap<u64, Vec<&str>> = BTreeMap::new();
    for read in reads.iter().filter(|r| accepted_so_far(r)) {
        if let Some(year) = year_of(read) {
            years.entry(year).or_default().push(read.entry.name());
        }
    }
    if years.len() > 1 {
        let detail: Vec<String> = years
            .iter()
            .map(|(year, files)| format!("{year} : {}", files.join(", ")))
            .collect();
        bail!("les formulaires acceptés portent sur plusieurs années de collecte ({}). Précisez l'année avec --annee AAAA ; les formulaires d'une autre année seront rejetés.", detail.join(" ; "));
    }
    Ok(years.keys().next().copied())
}

/// Helper for the registry name shown in `X004` lines.
pub fn registry_label(path: Option<&std::path::Path>) -> String {
    path.and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".into())
}

pub use registry::check_organisation;
