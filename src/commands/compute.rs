//! `barometre compute`: the analyst's command, over a folder of submissions.

use super::{EXIT_FINDINGS, EXIT_OK};
use crate::cli::ComputeArgs;
use crate::collection::{self, Collection, Read};
use crate::finding::Severity;
use crate::folder::{self, Entry};
use crate::indicators::{format_percent, CIBLES};
use crate::load::{load_file, Loaded};
use crate::precedent::{self, Change};
use crate::registry;
use crate::report::spool::{Segment, Spool};
use crate::report::tables::Cell as ReportCell;
use crate::report::xlsx::{Report, SheetStream};
use crate::report::{self, methodology::RunInfo, tables::Context, terminal};
use crate::values::{format_count, format_megabytes};
use anyhow::{bail, Context as _, Result};
use comfy_table::{Cell, CellAlignment};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

pub fn run(args: &ComputeArgs) -> Result<u8> {
    if !args.folder.is_dir() {
        bail!("« {} » n'est pas un dossier lisible. Attendu : le dossier qui contient les formulaires reçus.", args.folder.display());
    }
    if let Some(output) = &args.output {
        check_output_folder(output)?;
    }
    let registry = args
        .organisations
        .as_deref()
        .map(registry::load)
        .transpose()?;
    let previous = args.precedent.as_deref().map(precedent::load).transpose()?;
    let entries = folder::list(&args.folder).with_context(|| {
        format!(
            "Le dossier « {} » ne peut pas être lu",
            args.folder.display()
        )
    })?;
    if let Some(output) = &args.output {
        refuse_input_as_output(output, &entries)?;
    }
    let spool = Spool::new().context("Un fichier temporaire n'a pas pu être créé")?;
    let prepare =
        |e: rust_xlsxwriter::XlsxError| anyhow::anyhow!("Le rapport n'a pas pu être préparé : {e}");
    let mut report_book = Report::new().map_err(prepare)?;
    let stream = report_book.services_stream().map_err(prepare)?;
    let (reads, streamed) = read_all(entries, args, &spool, stream);
    let registry_name = collection::registry_label(args.organisations.as_deref());
    let collection = collection::build(reads, registry.as_ref(), args.annee, &registry_name)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(collection.year));
    if let Some(path) = &args.precedent {
        if same_file(path, &output) {
            bail!("Le rapport « {} » ne peut pas remplacer le rapport précédent donné avec --precedent. Choisissez un autre nom avec --sortie.", output.display());
        }
    }
    let changes = previous.as_ref().map(|p| {
        precedent::changes(
            p,
            &precedent::current_cibles(&collection),
            &collection.barometre.overall.cibles,
        )
    });
    let context = Context {
        collection: &collection,
        changes,
        spool: Some(&spool),
    };
    let registry_sha256 = registry.as_ref().map(|r| r.sha256.clone());
    let run_info = RunInfo {
        tool: format!("barometre {}", env!("CARGO_PKG_VERSION")),
        options: run_options(args, &collection),
        registry_sha256: registry_sha256.clone(),
    };
    let writing = spinner(&format!("Écriture du rapport {}…", output.display()));
    // The streamed sheet is used when it holds exactly the accepted
    // submissions (no late rejection, such as X001); else it is drawn again.
    let accepted: Vec<&str> = collection
        .accepted
        .iter()
        .map(|a| a.file.as_str())
        .collect();
    let services = streamed
        .filter(|streamed| streamed.files == accepted)
        .and_then(|streamed| streamed.stream.finish().ok());
    let written = report_book.write(
        &context,
        report::methodology::methodology_table(&run_info),
        services,
        &output,
    );
    writing.finish_and_clear();
    written?;
    if let Some(json_path) = &args.json {
        let json = serde_json::to_string_pretty(&report::json::compute_json(
            &collection,
            changes.as_ref(),
            registry_sha256,
            args.strict,
        ))?;
        if json_path.as_os_str() == "-" {
            println!("{json}");
        } else {
            std::fs::write(json_path, json + "\n").with_context(|| {
                format!(
                    "Le fichier JSON « {} » n'a pas pu être écrit",
                    json_path.display()
                )
            })?;
        }
    }
    if let Some(csv_folder) = &args.csv {
        write_csv(csv_folder, &context, &run_info)?;
    }
    let summary = summary_text(&collection, changes.as_ref(), &output);
    if args.json.as_ref().is_some_and(|p| p.as_os_str() == "-") {
        eprint!("{summary}");
    } else {
        print!("{summary}");
    }
    Ok(exit_code(&collection, args.strict))
}

fn check_output_folder(output: &Path) -> Result<()> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        bail!("Le dossier du rapport « {} » n'existe pas. Créez-le ou choisissez un autre chemin avec --sortie.", parent.display());
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn refuse_input_as_output(output: &Path, entries: &[Entry]) -> Result<()> {
    for entry in entries {
        if let Entry::Submission { path, name } = entry {
            if same_file(path, output) {
                bail!("Le rapport ne peut pas être écrit sur « {name} », qui est un des formulaires à lire. Choisissez un autre chemin avec --sortie.");
            }
        }
    }
    Ok(())
}

fn default_output(year: Option<u64>) -> PathBuf {
    match year {
        Some(year) => PathBuf::from(format!("{}-{year}.xlsx", folder::REPORT_PREFIX)),
        None => PathBuf::from(format!("{}.xlsx", folder::REPORT_PREFIX)),
    }
}

/// A spinner on stderr while something long happens (hidden when not a terminal).
fn spinner(message: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner().with_message(message.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Reads every submission on all cores, while another thread writes the
/// `Services` rows of the usable ones, in the folder's order, into the report.
/// Results keep the folder's order.
fn read_all(
    entries: Vec<Entry>,
    args: &ComputeArgs,
    spool: &Spool,
    stream: SheetStream,
) -> (Vec<Read>, Option<Streamed>) {
    let limits = args.limits.limits();
    let total = entries
        .iter()
        .filter(|e| matches!(e, Entry::Submission { .. }))
        .count();
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template("Lecture des formulaires {bar:40} {pos}/{len} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    // Bounded: readers wait for the writer rather than pile rows up in memory.
    let (sender, arrivals) = std::sync::mpsc::sync_channel(16);
    let (reads, streamed) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_in_order(stream, arrivals));
        // Files are handed to the readers in the folder's order (par_bridge),
        // so they finish roughly in that order and few wait to be written.
        let mut reads: Vec<(usize, Read)> = entries
            .into_iter()
            .enumerate()
            .par_bridge()
            .map(|(index, entry)| {
                let (loaded, audit) = match &entry {
                    Entry::Submission { name, path } => {
                        let mut loaded = load_file(path, name, &limits);
                        let set_aside = set_aside(&mut loaded, spool);
                        progress.inc(1);
                        let (audit, services) = set_aside
                            .map(|(segments, rows)| (Some(segments), Some((name.clone(), rows))))
                            .unwrap_or_default();
                        let _ = sender.send((index, services));
                        (Some(loaded), audit)
                    }
                    Entry::Skipped { .. } => {
                        let _ = sender.send((index, None));
                        (None, None)
                    }
                };
                (
                    index,
                    Read {
                        entry,
                        loaded,
                        audit,
                    },
                )
            })
            .collect();
        drop(sender);
        reads.sort_by_key(|(index, _)| *index);
        let reads = reads.into_iter().map(|(_, read)| read).collect();
        (reads, writer.join().ok().flatten())
    });
    progress.finish_and_clear();
    (reads, streamed)
}

/// Moves the audit rows of a usable submission to the spool, keeping in
/// memory only what the aggregation needs (organisation, processes,
/// indicators); returns where they are and its `Services` rows.
fn set_aside(loaded: &mut Loaded, spool: &Spool) -> Option<([Segment; 4], Vec<Vec<ReportCell>>)> {
    if loaded.has_error() || loaded.is_report {
        return None;
    }
    let submission = loaded.submission.as_mut()?;
    let code = submission.organisation.code.clone()?;
    let set_aside = spool.append(&code, submission).ok()?;
    submission.services = Vec::new();
    submission.consultations = Vec::new();
    submission.initiatives = Vec::new();
    submission.datasets = Vec::new();
    Some(set_aside)
}

/// What a reader hands to the writer: the file's position in the folder and,
/// when usable, its name and `Services` rows.
type Arrival = (usize, Option<(String, Vec<Vec<ReportCell>>)>);

/// The `Services` sheet as streamed while reading, and whose rows it holds.
struct Streamed {
    stream: SheetStream,
    files: Vec<String>,
}

/// Writes the `Services` rows in the folder's order as the files arrive
/// from the readers (in any order); `None` if writing failed.
fn write_in_order(mut stream: SheetStream, arrivals: Receiver<Arrival>) -> Option<Streamed> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut files = Vec::new();
    for (index, item) in arrivals {
        pending.insert(index, item);
        while let Some(item) = pending.remove(&next) {
            if let Some((file, rows)) = item {
                stream.push(&rows).ok()?;
                files.push(file);
            }
            next += 1;
        }
    }
    Some(Streamed { stream, files })
}

fn run_options(args: &ComputeArgs, collection: &Collection) -> Vec<(String, String)> {
    let path = |p: &Option<PathBuf>| {
        p.as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(aucun)".into())
    };
    let limits = args.limits.limits();
    vec![
        ("dossier".into(), args.folder.display().to_string()),
        (
            "--annee".into(),
            args.annee.map(|y| y.to_string()).unwrap_or_else(|| {
                format!(
                    "(non précisée ; année des formulaires : {})",
                    collection
                        .year
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| "inconnue".into())
                )
            }),
        ),
        ("--organisations".into(), path(&args.organisations)),
        ("--precedent".into(), path(&args.precedent)),
        (
            "--strict".into(),
            if args.strict { "oui" } else { "non" }.into(),
        ),
        (
            "limites".into(),
            format!(
                "fichier {}, décompressé {}, {} lignes, {} colonnes, {} cellules",
                format_megabytes(limits.max_file_bytes),
                format_megabytes(limits.max_inflated_bytes),
                format_count(u64::from(limits.max_rows)),
                limits.max_columns,
                format_count(limits.max_cells)
            ),
        ),
    ]
}

fn write_csv(folder: &Path, context: &Context, run: &RunInfo) -> Result<()> {
    std::fs::create_dir_all(folder).with_context(|| {
        format!(
            "Le dossier CSV « {} » n'a pas pu être créé",
            folder.display()
        )
    })?;
    let overall = &context.collection.barometre.overall;
    report::csv::write_table(
        folder,
        report::tables::progression_table(overall, context.collection.with_registry),
    )?;
    report::csv::write_table(folder, report::tables::summary_table(context))?;
    for table in report::tables::data_tables(context) {
        report::csv::write_table(folder, table)?;
    }
    report::csv::write_table(folder, report::methodology::methodology_table(run))
}

/// A change in points, French style (`+3,2`), or `s.o.`.
fn format_points(points: Option<f64>) -> String {
    match points {
        Some(points) if points.abs() < 0.05 => "0,0".into(),
        Some(points) => format!("{points:+.1}").replace('.', ","),
        None => "s.o.".into(),
    }
}

fn summary_text(collection: &Collection, changes: Option<&[Change; 10]>, output: &Path) -> String {
    let overall = &collection.barometre.overall;
    let mut headers = vec![
        "Cible",
        "Libellé",
        "Résultat",
        "Cible visée",
        "Taux d'atteinte",
        "Atteinte",
    ];
    if changes.is_some() {
        headers.extend(["Précédent", "Écart (points)", "À périmètre constant"]);
    }
    let mut table = terminal::new_table(&headers);
    for (i, cible) in CIBLES.iter().enumerate() {
        let ratio = overall.cibles[i].ratio;
        let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
        let mut row = vec![
            Cell::new(cible.code),
            Cell::new(cible.wording),
            right(format_percent(ratio.value())),
            right(format!("{}\u{202f}%", cible.target_percent)),
            right(format_percent(ratio.attainment(cible.target_percent))),
            Cell::new(terminal::yes_no(ratio.meets(cible.target_percent))),
        ];
        if let Some(change) = changes.map(|c| c[i]) {
            row.push(right(format_percent(change.previous)));
            row.push(right(format_points(change.points)));
            row.push(right(format_points(change.points_constant_perimeter)));
        }
        table.add_row(row);
    }
    let rejected = collection
        .files
        .iter()
        .filter(|f| f.status == collection::Status::Rejetee)
        .count();
    let skipped = collection
        .files
        .iter()
        .filter(|f| f.status == collection::Status::Ignoree)
        .count();
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    format!(
        "{table}\nParticipation : {} sur {} ({}) ; {}, {}.\n{}Rapport écrit : {}\n",
        count(
            overall.participation.accepted,
            "formulaire accepté",
            "formulaires acceptés"
        ),
        count(
            overall.participation.targeted,
            "organisation visée",
            "organisations visées"
        ),
        format_percent(overall.participation.ratio().value()),
        count(rejected, "fichier rejeté", "fichiers rejetés"),
        count(skipped, "ignoré", "ignorés"),
        rejected_lines(collection),
        output.display()
    )
}

/// The rejected files, each with its first error (all of them are in `Constats`).
fn rejected_lines(collection: &Collection) -> String {
    const SHOWN: usize = 10;
    let rejected: Vec<&str> = collection
        .files
        .iter()
        .filter(|f| f.status == collection::Status::Rejetee)
        .filter_map(|f| f.file.as_deref())
        .collect();
    let mut out = String::new();
    for file in rejected.iter().take(SHOWN) {
        let first = collection
            .findings
            .iter()
            .find(|f| f.file == *file && f.severity == Severity::Erreur);
        let why = first.map_or(String::new(), |f| {
            let place = f.location();
            let place = if place.is_empty() {
                String::new()
            } else {
                format!(" {place}")
            };
            format!(" — {}{place}", f.code)
        });
        out.push_str(&format!("  Rejeté : {file}{why}\n"));
    }
    if rejected.len() > SHOWN {
        out.push_str(&format!(
            "  … et {} autres (feuilles Soumissions et Constats du rapport).\n",
            rejected.len() - SHOWN
        ));
    }
    out
}

fn exit_code(collection: &Collection, strict: bool) -> u8 {
    let flagged = collection
        .files
        .iter()
        .any(|f| f.status == collection::Status::Rejetee)
        || collection
            .findings
            .iter()
            .any(|f| f.severity == Severity::Avertissement && f.code != "X004");
    if strict && flagged {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
