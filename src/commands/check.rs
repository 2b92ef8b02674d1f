//! `barometre check`: what a respondent runs on their own file before sending it.

use super::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::cli::{CheckArgs, OutputFormat};
use crate::finding::counts;
use crate::load::{load_file, Loaded};
use crate::registry::{self, Registry};
use crate::report::{json, terminal};
use anyhow::Result;

pub fn run(args: &CheckArgs) -> Result<u8> {
    let registry = args
        .organisations
        .as_deref()
        .map(registry::load)
        .transpose()?;
    let limits = args.limits.limits();
    let results: Vec<Loaded> = args
        .files
        .iter()
        .map(|path| {
            let mut loaded = load_file(path, &path.display().to_string(), &limits);
            if let Some(registry) = &registry {
                apply_registry(&mut loaded, registry);
            }
            loaded
        })
        .collect();
    match args.format {
        OutputFormat::Texte => print!("{}", text(&results)),
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&check_json(&results))?),
    }
    Ok(exit_code(&results))
}

/// Adds `X003` / `X006` and withdraws the indicators when the code is unknown.
pub fn apply_registry(loaded: &mut Loaded, registry: &Registry) {
    let Some(submission) = &loaded.submission else {
        return;
    };
    let extra = registry::check_organisation(registry, &submission.organisation, &loaded.file);
    if extra.is_empty() {
        return;
    }
    loaded.findings.extend(extra);
    loaded.findings.sort_by_key(|finding| finding.sort_key());
    if loaded.has_error() {
        loaded.indicators = None;
    }
}

fn exit_code(results: &[Loaded]) -> u8 {
    if results.iter().any(Loaded::unreadable) {
        EXIT_FAILURE
    } else if results.iter().any(Loaded::has_error) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn text(results: &[Loaded]) -> String {
    let mut out = String::new();
    for loaded in results {
        let organisation = loaded
            .submission
            .as_ref()
            .and_then(|s| s.organisation.name.clone().zip(s.organisation.code.clone()))
            .map(|(name, code)| format!(" — {name} ({code})"))
            .unwrap_or_default();
        out.push_str(&format!("{}{organisation}\n", loaded.file));
        out.push_str(&terminal::findings_text(&loaded.findings));
        if let Some(indicators) = &loaded.indicators {
            out.push_str("\nAperçu des indicateurs de l'organisation :\n");
            out.push_str(&terminal::organisation_table(indicators));
            out.push('\n');
        }
        out.push_str(&verdict(loaded));
        out.push_str("\n\n");
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n > 1 {
        format!("{n} {word}s")
    } else {
        format!("{n} {word}")
    }
}

fn verdict(loaded: &Loaded) -> String {
    let (errors, warnings) = counts(&loaded.findings);
    if loaded.unreadable() {
        "Verdict : fichier illisible — il serait rejeté. Corrigez le problème ci-dessus et vérifiez de nouveau.".into()
    } else if errors > 0 {
        format!("Verdict : {} et {} — le formulaire serait rejeté. Corrigez les erreurs et vérifiez de nouveau.", plural(errors, "erreur"), plural(warnings, "avertissement"))
    } else if warnings > 0 {
        format!("Verdict : aucune erreur, {} — le formulaire peut être envoyé ; relisez les avertissements.", plural(warnings, "avertissement"))
    } else {
        "Verdict : aucune erreur ni avertissement — le formulaire est prêt à être envoyé.".into()
    }
}

fn check_json(results: &[Loaded]) -> json::CheckJson {
    json::CheckJson {
        fichiers: results
            .iter()
            .map(|loaded| {
                let (erreurs, avertissements) = counts(&loaded.findings);
                json::CheckFileJson {
                    fichier: loaded.file.clone(),
                    organisation: loaded
                        .submission
                        .as_ref()
                        .and_then(|s| s.organisation.code.clone()),
                    erreurs,
                    avertissements,
                    constats: loaded.findings.clone(),
                    indicateurs: loaded
                        .indicators
                        .as_ref()
                        .map(json::organisation_indicators)
                        .unwrap_or_default(),
                }
            })
            .collect(),
    }
}
