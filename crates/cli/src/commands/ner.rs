//! `dossier ner --conll`, `dossier train ner` and `dossier train syntax` (both on CoNLL-2003).

use crate::exit::Exit;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

pub fn tag(conll: &Path) -> Result<Exit> {
    let text = super::read_text(conll)?;
    let tagger = dossier_nlp::entities::Tagger::builtin();
    let out = dossier_nlp::entities::conll::tag_conll(&text, &tagger);
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(Exit::Ok)
}

pub fn train(train: &Path, dev: Option<&Path>, out: &Path, epochs: usize) -> Result<Exit> {
    let train_text = super::read_text(train)?;
    let dev_text = dev.map(super::read_text).transpose()?;
    let options = dossier_nlp::entities::TrainOptions::epochs(epochs);
    let (tagger, report) = dossier_nlp::entities::train(&train_text, dev_text.as_deref(), &options);
    let dev = report.dev_f1.map(|f| format!("dev F1 {f:.2}"));
    super::write_model(out, &tagger.to_bytes(), &super::trained_note(&report, dev))?;
    Ok(Exit::Ok)
}

pub fn train_syntax(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    epochs: usize,
    prune: f32,
) -> Result<Exit> {
    let train_text = super::read_text(train)?;
    let dev_text = dev.map(super::read_text).transpose()?;
    let options = dossier_nlp::entities::TrainOptions {
        prune,
        ..dossier_nlp::entities::TrainOptions::epochs(epochs)
    };
    let (syntax, report, scores) =
        dossier_nlp::syntax::train(&train_text, dev_text.as_deref(), &options);
    let dev = scores.map(|s| {
        format!(
            "dev POS accuracy {:.2}, chunk F1 {:.2}, NP F1 {:.2}",
            s.pos_accuracy, s.chunk_f1, s.np_f1
        )
    });
    super::write_model(out, &syntax.to_bytes(), &super::trained_note(&report, dev))?;
    Ok(Exit::Ok)
}
