//! The command line: clap definitions, French help, French aliases.

use crate::read::Limits;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The help layout, in French (clap's own headings are English).
const HELP_TEMPLATE: &str = "{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "barometre",
    version,
    about = "Baromètre numériQc : vérifie les formulaires des organisations publiques et calcule les dix indicateurs de la Stratégie de transformation numérique gouvernementale.",
    after_help = "Exemples :\n  barometre modele formulaire.xlsx\n  barometre verifier formulaire.xlsx\n  barometre calculer soumissions/ --organisations registre.csv --annee 2024\n\nDocumentation : README.md et docs/ (format du formulaire, constats, méthodologie).",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Affiche cette aide.
    #[arg(short = 'h', long = "aide", alias = "help", action = clap::ArgAction::Help, global = true, display_order = 1000)]
    pub help: Option<bool>,
    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    pub version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vérifie un ou plusieurs formulaires remplis avant leur envoi (alias : verifier).
    #[command(alias = "verifier", help_template = HELP_TEMPLATE, disable_help_flag = true)]
    Check(CheckArgs),
    /// Calcule le Baromètre sur un dossier de formulaires et écrit le rapport (alias : calculer).
    #[command(alias = "calculer", help_template = HELP_TEMPLATE, disable_help_flag = true)]
    Compute(ComputeArgs),
    /// Écrit un formulaire vierge (format v1), prêt à remplir (alias : modele).
    #[command(alias = "modele", help_template = HELP_TEMPLATE, disable_help_flag = true)]
    Template(TemplateArgs),
    /// Affiche la documentation du format (docs/format.md), tirée de la description du formulaire.
    #[command(hide = true)]
    Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Texte,
    Json,
}

/// Limits of one workbook; shared by `check` and `compute`.
#[derive(Debug, Args, Clone)]
pub struct LimitArgs {
    /// Taille maximale d'un fichier, en mégaoctets (par défaut : 50).
    #[arg(
        long,
        value_name = "Mo",
        default_value_t = 50,
        hide_default_value = true
    )]
    pub taille_max: u64,
    /// Taille décompressée maximale d'un classeur, en mégaoctets (par défaut : 512).
    #[arg(
        long,
        value_name = "Mo",
        default_value_t = 512,
        hide_default_value = true
    )]
    pub decompresse_max: u64,
    /// Nombre maximal de lignes d'une feuille (par défaut : 100 000).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 100_000,
        hide_default_value = true
    )]
    pub lignes_max: u32,
    /// Nombre maximal de colonnes d'une feuille (par défaut : 200).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 200,
        hide_default_value = true
    )]
    pub colonnes_max: u32,
    /// Nombre maximal de cellules remplies lues dans un classeur (par défaut : 2 000 000).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 2_000_000,
        hide_default_value = true
    )]
    pub cellules_max: u64,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.taille_max.saturating_mul(1024 * 1024),
            max_inflated_bytes: self.decompresse_max.saturating_mul(1024 * 1024),
            max_rows: self.lignes_max,
            max_columns: self.colonnes_max,
            max_cells: self.cellules_max,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Les formulaires à vérifier (.xlsx, .xlsm, .xls, .ods).
    #[arg(required = true, value_name = "FICHIER")]
    pub files: Vec<PathBuf>,
    /// Format de sortie : texte ou json (par défaut : texte).
    #[arg(long, value_enum, default_value_t = OutputFormat::Texte, hide_default_value = true, hide_possible_values = true)]
    pub format: OutputFormat,
    /// Registre des organisations (CSV : code, nom, reseau) pour vérifier le code et le réseau.
    #[arg(long, value_name = "REGISTRE.csv")]
    pub organisations: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ComputeArgs {
    /// Le dossier des formulaires reçus.
    #[arg(value_name = "DOSSIER")]
    pub folder: PathBuf,
    /// Chemin du rapport (par défaut : rapport-barometre-<année>.xlsx dans le dossier courant).
    #[arg(short = 'o', long = "sortie", value_name = "FICHIER.xlsx")]
    pub output: Option<PathBuf>,
    /// Registre des organisations visées (CSV : code, nom, reseau).
    #[arg(long, value_name = "REGISTRE.csv")]
    pub organisations: Option<PathBuf>,
    /// Année de collecte : les formulaires d'une autre année sont rejetés.
    #[arg(long, value_name = "AAAA")]
    pub annee: Option<u64>,
    /// Rapport d'une collecte précédente (écrit par cet outil), pour les écarts.
    #[arg(long, value_name = "RAPPORT.xlsx")]
    pub precedent: Option<PathBuf>,
    /// Écrit aussi le résultat en JSON (« - » : sortie standard).
    #[arg(long, value_name = "FICHIER")]
    pub json: Option<PathBuf>,
    /// Écrit aussi un CSV par tableau du rapport dans ce dossier.
    #[arg(long, value_name = "DOSSIER")]
    pub csv: Option<PathBuf>,
    /// Code de sortie 1 si un formulaire est rejeté ou porte un avertissement.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Le classeur à écrire (.xlsx).
    #[arg(value_name = "FICHIER")]
    pub output: PathBuf,
    /// Registre des organisations, pour préremplir l'organisation (avec --code).
    #[arg(long, value_name = "REGISTRE.csv", requires = "code")]
    pub organisations: Option<PathBuf>,
    /// Code de l'organisation à préremplir depuis le registre.
    #[arg(long, value_name = "CODE", requires = "organisations")]
    pub code: Option<String>,
    /// Remplit le formulaire avec une organisation fictive plausible.
    #[arg(long, conflicts_with = "organisations")]
    pub exemple: bool,
    /// Remplace le fichier s'il existe déjà.
    #[arg(long)]
    pub remplacer: bool,
}
