//! The registry of targeted organisations: a CSV `code, nom, reseau`.
//!
//! UTF-8 (with or without BOM) or Windows-1252; `,` or `;` as delimiter.

use crate::form::RESEAUX;
use crate::values::normalize;
use anyhow::{bail, Context, Result};
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct RegistryEntry {
    /// Trimmed and upper-cased.
    pub code: String,
    pub name: String,
    pub reseau: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registry {
    pub entries: Vec<RegistryEntry>,
    pub sha256: String,
}

impl Registry {
    pub fn get(&self, code: &str) -> Option<&RegistryEntry> {
        let code = code.trim().to_uppercase();
        self.entries.iter().find(|entry| entry.code == code)
    }
}

pub fn load(path: &Path) -> Result<Registry> {
    let bytes = std::fs::read(path).with_context(|| {
        format!(
            "Le registre des organisations « {} » ne peut pas être lu",
            path.display()
        )
    })?;
    parse(&bytes).with_context(|| format!("Registre des organisations « {} »", path.display()))
}

/// Decodes the registry: UTF-8 when valid, Windows-1252 otherwise.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

pub fn parse(bytes: &[u8]) -> Result<Registry> {
    let text = decode(bytes);
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .context("ligne 1 : en-tête illisible")?
        .iter()
        .map(normalize)
        .collect();
    let column = |name: &str| -> Result<usize> {
        headers.iter().position(|header| header == name).with_context(|| {
            format!("ligne 1 : la colonne « {name} » est absente (en-tête trouvé : {}). Attendu : les colonnes code, nom et reseau", headers.join(", "))
        })
    };
    let (code_col, name_col, reseau_col) = (column("code")?, column("nom")?, column("reseau")?);
    let mut entries: Vec<RegistryEntry> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.with_context(|| format!("ligne {line} : ligne illisible"))?;
        let field = |index: usize| record.get(index).unwrap_or("").trim().to_string();
        let code = field(code_col).to_uppercase();
        if code.is_empty() && field(name_col).is_empty() {
            continue;
        }
        if code.is_empty() {
            bail!("ligne {line} : le code de l'organisation est vide");
        }
        let reseau_text = field(reseau_col);
        let Some(reseau) = RESEAUX
            .iter()
            .copied()
            .find(|r| normalize(r) == normalize(&reseau_text))
        else {
            bail!(
                "ligne {line} : réseau inconnu « {reseau_text} » pour {code}. Attendu : {}",
                RESEAUX.join(", ")
            );
        };
        if let Some(first) = entries.iter().position(|entry| entry.code == code) {
            bail!("ligne {line} : le code « {code} » est déjà au registre (ligne {}). Attendu : un code par organisation", first + 2);
        }
        entries.push(RegistryEntry {
            code,
            name: field(name_col),
            reseau,
        });
    }
    Ok(Registry {
        entries,
        sha256: crate::load::sha256_hex(bytes),
    })
}

/// `X003` (code absent from the registry) and `X006` (réseau differs).
pub fn check_organisation(
    registry: &Registry,
    organisation: &crate::model::Organisation,
    file: &str,
) -> Vec<crate::finding::Finding> {
    let mut findings = crate::finding::Findings::new(file);
    let sheet = Some(crate::form::ORGANISATION_SHEET);
    let Some(code) = &organisation.code else {
        return findings.list;
    };
    match registry.get(code) {
        None => findings.add("X003", sheet, None, format!("Le code d'organisation « {code} » n'est pas au registre des organisations. Attendu : le code qui vous a été attribué (vérifiez la ligne « Code de l'organisation »).")),
        Some(entry) => {
            if let Some(reseau) = organisation.reseau.filter(|reseau| *reseau != entry.reseau) {
                findings.add("X006", sheet, None, format!("Le réseau déclaré, « {reseau} », diffère de celui du registre pour {code}, « {} ». Le réseau du registre est retenu.", entry.reseau));
            }
        }
    }
    findings.list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_with_semicolons() {
        let bytes = encoding_rs::WINDOWS_1252
            .encode("code;nom;reseau\nMSSS;Ministère de la Santé;Santé et services sociaux\n")
            .0
            .into_owned();
        let registry = parse(&bytes).unwrap();
        assert_eq!(registry.entries[0].name, "Ministère de la Santé");
        assert_eq!(registry.entries[0].reseau, "Santé et services sociaux");
    }

    #[test]
    fn utf8_bom_commas() {
        let registry =
            parse("\u{feff}code,nom,reseau\nmcn,Ministère,administration publique\n".as_bytes())
                .unwrap();
        assert_eq!(registry.entries[0].code, "MCN");
        assert_eq!(registry.entries[0].reseau, "Administration publique");
    }

    #[test]
    fn errors_name_the_line() {
        let duplicate = parse(b"code,nom,reseau\nA,a,Education\nA,b,Education\n").unwrap_err();
        assert!(format!("{duplicate:#}").contains("ligne 3"));
        let bad = parse(b"code,nom,reseau\nA,a,Mars\n").unwrap_err();
        assert!(format!("{bad:#}").contains("ligne 2"));
        let header = parse(b"code,name,reseau\n").unwrap_err();
        assert!(format!("{header:#}").contains("nom"));
    }
}
