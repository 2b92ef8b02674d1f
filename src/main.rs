//! Arguments → command → exit code. Errors are printed once, here, in French.

use barometre::cli::{Cli, Command};
use barometre::commands::{self, EXIT_FAILURE};
use clap::Parser;
use std::process::ExitCode;

/// Reading and writing workbooks allocates millions of small strings; the
/// system allocator spent about a sixth of `compute` in malloc/free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Panics inside a file's reading become that file's F001 (see `load`);
    // their default message would only be noise on the respondent's terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { EXIT_FAILURE } else { 0 });
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
