//! `dossier train events` (the event-mention tagger of `dossier eval ecb`, on ECB+).

use crate::exit::Exit;
use anyhow::Result;
use std::path::Path;

pub fn train(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    epochs: usize,
    prune: f32,
) -> Result<Exit> {
    let train_docs = dossier_eval::ecb::train_docs(&dossier_eval::ecb::read_ecb(train)?);
    let dev_docs = match dev {
        Some(d) => dossier_eval::ecb::train_docs(&dossier_eval::ecb::read_ecb(d)?),
        None => Vec::new(),
    };
    let options = dossier_nlp::entities::TrainOptions {
        prune,
        ..dossier_nlp::entities::TrainOptions::epochs(epochs)
    };
    let (tagger, report) = dossier_nlp::event_mentions::train(&train_docs, &dev_docs, &options);
    let dev = report.dev_f1.map(|f| format!("dev span F1 {f:.2}"));
    super::write_model(out, &tagger.to_bytes(), &super::trained_note(&report, dev))?;
    Ok(Exit::Ok)
}
