//! `dossier train quotes`.

use crate::exit::Exit;
use anyhow::Result;
use std::path::Path;

pub fn train(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    epochs: usize,
    prune: f32,
    sources_out: &Path,
    sources_only: bool,
) -> Result<Exit> {
    let train_docs = dossier_eval::quotes::read_polnear(train)?;
    let dev_docs = dev
        .map(dossier_eval::quotes::read_polnear)
        .transpose()?
        .unwrap_or_default();
    if !sources_only {
        train_tagger(&train_docs, &dev_docs, out, epochs, prune)?;
    }
    // The source ranker learns from train only (it holds out a slice of it for its epochs).
    let ranker = dossier_nlp::quotes::learned::sources::train(&train_docs, &Default::default());
    let bytes = ranker.to_bytes();
    std::fs::write(sources_out, &bytes)
        .map_err(|e| anyhow::anyhow!("writing {}: {e}", sources_out.display()))?;
    eprintln!(
        "wrote {} ({} bytes); rebuild to embed it",
        sources_out.display(),
        bytes.len()
    );
    Ok(Exit::Ok)
}

fn train_tagger(
    train_docs: &[dossier_nlp::quotes::learned::TrainDoc],
    dev_docs: &[dossier_nlp::quotes::learned::TrainDoc],
    out: &Path,
    epochs: usize,
    prune: f32,
) -> Result<()> {
    let options = dossier_nlp::entities::TrainOptions {
        epochs1: epochs,
        epochs2: epochs,
        prune,
        ..Default::default()
    };
    let (tagger, report) = dossier_nlp::quotes::learned::train(train_docs, dev_docs, &options);
    super::write_model(
        out,
        &tagger.to_bytes(),
        report.features_kept,
        report.features_seen,
        report.dev_f1.map(|f| format!("dev span F1 {f:.2}")),
    )?;
    Ok(())
}
