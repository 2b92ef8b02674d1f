//! Arguments → command → exit code. Errors are printed once, here, in French.

use barometre::cli::{Cli, Command};
use barometre::commands::{self, EXIT_FAILURE};
use clap::Parser;
use std::process::ExitCode;

/// Reading and writing workbooks allocates millions of small strings; the
/// system allocator spent about a sixth of `compute` in malloc/free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A bad command line, said in French (clap's own messages are English).
fn argument_error(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let context = |kind| {
        error
            .get(kind)
            .map(|value| value.to_string())
            .unwrap_or_default()
    };
    let what = match error.kind() {
        ErrorKind::MissingRequiredArgument => format!(
            "argument obligatoire manquant : {}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::UnknownArgument => {
            format!("option inconnue : {}", context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue : {}",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "indiquez une commande : check (verifier), compute (calculer) ou template (modele)"
                .to_string()
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "valeur invalide « {} » pour {}",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict => format!(
            "{} ne peut pas être employé avec {}",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!("trop de valeurs pour {}", context(ContextKind::InvalidArg))
        }
        _ => error
            .to_string()
            .trim()
            .trim_start_matches("error: ")
            .to_string(),
    };
    format!("Erreur : {what}.\nPour l'aide : barometre --aide, ou barometre COMMANDE --aide.")
}

fn main() -> ExitCode {
    // Panics inside a file's reading become that file's F001 (see `load`);
    // their default message would only be noise on the respondent's terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --aide and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("{}", argument_error(&error));
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let outcome = std::panic::catch_unwind(|| match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Compute(args) => commands::compute::run(args),
        Command::Template(args) => commands::template::run(args),
        Command::Format => {
            print!("{}", barometre::form::format_markdown());
            Ok(0)
        }
    });
    match outcome {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(error)) => {
            eprintln!("Erreur : {error:#}");
            ExitCode::from(EXIT_FAILURE)
        }
        Err(_) => {
            eprintln!("Erreur interne de barometre : l'opération a été interrompue. Aucun rapport partiel n'a été écrit. Signalez ce problème avec la commande lancée.");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}
