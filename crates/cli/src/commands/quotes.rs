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
) -> Result<Exit> {
    let train_docs = dossier_eval::quotes::read_polnear(train)?;
    let dev_docs = dev
        .map(dossier_eval::quotes::read_polnear)
        .transpose()?
        .unwrap_or_default();
    let options = dossier_nlp::entities::TrainOptions {
        epochs1: epochs,
        epochs2: epochs,
        prune,
        ..Default::default()
    };
    let (tagger, report) = dossier_nlp::quotes::learned::train(&train_docs, &dev_docs, &options);
    super::write_model(
        out,
        &tagger.to_bytes(),
        report.features_kept,
        report.features_seen,
        report.dev_f1.map(|f| format!("dev span F1 {f:.2}")),
    )?;
    Ok(Exit::Ok)
}
