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
    super::write_model(sources_out, &ranker.to_bytes(), "the source ranker")?;
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
        prune,
        ..dossier_nlp::entities::TrainOptions::epochs(epochs)
    };
    let (tagger, report) = dossier_nlp::quotes::learned::train(train_docs, dev_docs, &options);
    let dev = report.dev_f1.map(|f| format!("dev span F1 {f:.2}"));
    super::write_model(out, &tagger.to_bytes(), &super::trained_note(&report, dev))?;
    Ok(())
}
