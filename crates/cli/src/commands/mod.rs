//! One module per subcommand, and the pipeline that `extract` and `ingest` share.

pub mod check;
pub mod eval;
pub mod events;
pub mod extract;
pub mod ingest;
pub mod lines;
pub mod ner;
pub mod quotes;
pub mod report;
pub mod search;
pub mod serve;

use crate::cli::{DbArgs, ReadArgs};
use crate::progress::Progress;
use anyhow::{bail, Result};
use dossier_ingest::{Input, Inputs, Options};
use dossier_model::{Document, Extraction, Warning};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// One analyzed document: the document, its extraction contract line, and its warnings.
pub struct Analyzed {
    pub doc: Document,
    pub extraction: Extraction,
    pub line: String,
    pub warnings: Vec<Warning>,
}

/// Documents read and analyzed per parallel step. Large enough to keep every core busy, small
/// enough that output starts at once and memory stays flat on a corpus of any size.
const CHUNK: usize = 256;

/// Reads the inputs, analyzes documents in parallel and hands them to `sink` in input order,
/// chunk by chunk, each item either an analyzed document or the warning that says why an input
/// was skipped (where it stood in the input). Every warning is also reported through `progress`.
pub fn analyze_inputs(
    read: &ReadArgs,
    progress: &mut Progress,
    mut sink: impl FnMut(&mut Progress, Vec<Result<Analyzed, Warning>>) -> Result<()>,
) -> Result<()> {
    let inputs = resolve_inputs(&read.inputs)?;
    let models = dossier_nlp::Models::builtin();
    let mut reader = Inputs::new(
        inputs,
        Options {
            max_doc_bytes: read.max_doc_bytes,
        },
    );
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut documents = 0;
        for item in reader.by_ref() {
            documents += item.is_ok() as usize;
            chunk.push(item);
            // A long run of unreadable lines is bounded too, not held until a document comes.
            if documents == CHUNK || chunk.len() == 4 * CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let analyzed: Vec<Result<Analyzed, Warning>> = chunk
            .into_par_iter()
            .map(|item| {
                item.map(|raw| {
                    let (doc, mut warnings) = dossier_ingest::prepare(raw);
                    let (extraction, analysis_warnings) = dossier_nlp::analyze(&doc, &models);
                    warnings.extend(analysis_warnings);
                    let line = dossier_report::extraction_line(&doc, &extraction, &warnings);
                    Analyzed {
                        doc,
                        extraction,
                        line,
                        warnings,
                    }
                })
            })
            .collect();
        for item in &analyzed {
            match item {
                Ok(a) => {
                    progress.document(a.doc.text.len());
                    for w in &a.warnings {
                        progress.warn(w);
                    }
                }
                Err(w) => progress.warn(w),
            }
        }
        sink(progress, analyzed)?;
    }
}

/// Reads an extraction line back (from the store, a file, a partial dossier) with the tokens and
/// sentences the merge needs: they are not in the contract, being a function of the text.
pub fn load_extraction_line(line: &str) -> Result<(Document, Extraction), String> {
    let (doc, mut ex) = dossier_report::read_extraction_line(line)?;
    dossier_nlp::restore_structure(&doc.text, &mut ex);
    Ok((doc, ex))
}

fn resolve_inputs(args: &[String]) -> Result<Vec<Input>> {
    if args.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!("no input given: name files or directories, or pipe JSON lines in with `-` (see `dossier extract --help`)");
        }
        return Ok(vec![Input::Stdin]);
    }
    if args.iter().filter(|a| *a == "-").count() > 1 {
        bail!("`-` (stdin) can be given only once");
    }
    Ok(args.iter().map(|a| Input::parse(a)).collect())
}

/// Writes a report to stdout. A reader that went away (`| head`) ends the output quietly, as
/// for any well-behaved command-line tool, rather than with a panic.
/// Writes a trained model and says what was written: size, features kept, the dev score.
/// Writes a trained model where the build embeds it from, and says what was written; `note`
/// describes the model (`trained_note`).
pub fn write_model(out: &Path, bytes: &[u8], note: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    std::fs::write(out, bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "dossier: wrote {} ({} bytes, {note}); rebuild to embed it",
        out.display(),
        bytes.len()
    );
    Ok(())
}

/// What a perceptron training run kept, and its dev score when there was a dev set.
pub fn trained_note(report: &dossier_nlp::entities::TrainReport, dev: Option<String>) -> String {
    format!(
        "{} of {} features kept{}",
        report.features_kept,
        report.features_seen,
        dev.map_or(String::new(), |n| format!("; {n}"))
    )
}

/// A text file the command needs, with the path in the error.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    use anyhow::Context;
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

pub fn print_out(text: impl std::fmt::Display) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The database path: `--db`, else `$DOSSIER_DB`, else `./dossier.db`.
pub fn db_path(args: &DbArgs) -> PathBuf {
    args.db
        .clone()
        .or_else(|| std::env::var_os("DOSSIER_DB").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dossier.db"))
}
