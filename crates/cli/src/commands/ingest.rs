//! `dossier ingest`: analyze and store.

use super::{analyze_inputs, db_path};
use crate::cli::IngestArgs;
use crate::exit::Exit;
use crate::progress::Progress;
use anyhow::{Context, Result};
use dossier_store::{BatchOutcome, Store, StoredDoc};

pub fn run(args: IngestArgs, quiet: bool) -> Result<Exit> {
    let path = db_path(&args.db);
    let mut store = Store::open(&path)?;
    let mut progress = Progress::new(quiet, "ingested");
    let mut total = BatchOutcome::default();
    let batch = args.batch.max(1);
    analyze_inputs(&args.read, &mut progress, |_, chunk| {
        let chunk: Vec<_> = chunk.into_iter().flatten().collect();
        for part in chunk.chunks(batch) {
            let docs: Vec<StoredDoc> = part
                .iter()
                .map(|a| StoredDoc {
                    doc: &a.doc,
                    extraction_json: &a.line,
                })
                .collect();
            total += store
                .put_batch(&docs)
                .with_context(|| format!("writing to {}", path.display()))?;
        }
        Ok(())
    })?;
    progress.finish("ingested");
    if !quiet {
        eprintln!(
            "dossier: {}: {} added, {} replaced, {} already stored; {} documents in the database",
            path.display(),
            total.added,
            total.replaced,
            total.unchanged,
            store.count()?
        );
    }
    Ok(if progress.skipped > 0 {
        Exit::BadInput
    } else {
        Exit::Ok
    })
}
