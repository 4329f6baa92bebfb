//! `dossier eval …`: print the scores of a stage.

use crate::cli::EvalCommand;
use crate::exit::Exit;
use anyhow::{Context, Result};
use std::path::Path;

const SEEDS: &str = "../shared/seeds";
const GOLD: &str = "../shared/gold/seeds.gold.json";

pub fn run(cmd: EvalCommand) -> Result<Exit> {
    match cmd {
        EvalCommand::Html { dir, min_f1 } => {
            let scores = dossier_eval::html::evaluate(&dir)?;
            super::print_out(&scores)?;
            if let Some(floor) = min_f1 {
                if scores.f1() < floor {
                    eprintln!(
                        "dossier: F1 {:.3} is below the floor {floor:.3}",
                        scores.f1()
                    );
                    return Ok(Exit::BadInput);
                }
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Ner { file, seeds } => {
            let tagger = dossier_nlp::entities::Tagger::builtin();
            if seeds {
                super::print_out(dossier_eval::ner::evaluate_seeds(
                    Path::new(SEEDS),
                    Path::new(GOLD),
                    &tagger,
                )?)?;
            } else {
                let text = super::read_text(&file)?;
                super::print_out(dossier_eval::ner::evaluate_conll(&text, &tagger))?;
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Timex {
            file,
            seeds,
            errors,
        } => {
            let scores = if seeds {
                dossier_eval::timex::evaluate_seeds_timex(Path::new(SEEDS), Path::new(GOLD))?
            } else {
                dossier_eval::timex::evaluate_tempeval(&file)?
            };
            super::print_out(&scores)?;
            if errors {
                super::print_out(scores.error_list())?;
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Figures => {
            super::print_out(dossier_eval::figures::evaluate_seeds_figures(
                Path::new(SEEDS),
                Path::new(GOLD),
            )?)?;
            Ok(Exit::Ok)
        }
        EvalCommand::Quotes {
            file,
            seeds,
            model,
            sources_model,
            details,
            against,
        } => {
            if seeds {
                super::print_out(dossier_eval::quotes::evaluate_seeds(
                    Path::new(SEEDS),
                    Path::new(GOLD),
                )?)?;
            } else {
                let tagger = model
                    .map(|m| -> Result<_> {
                        let bytes = std::fs::read(&m)
                            .with_context(|| format!("cannot read {}", m.display()))?;
                        dossier_nlp::quotes::learned::QuoteTagger::from_bytes(&bytes)
                            .map_err(|e| anyhow::anyhow!("{}: {e}", m.display()))
                    })
                    .transpose()?;
                let tagger = match (tagger, sources_model) {
                    (Some(t), Some(m)) => {
                        let bytes = std::fs::read(&m)
                            .with_context(|| format!("cannot read {}", m.display()))?;
                        let r =
                            dossier_nlp::quotes::learned::sources::SourceRanker::from_bytes(&bytes)
                                .map_err(|e| anyhow::anyhow!("{}: {e}", m.display()))?;
                        Some(t.with_ranker(r))
                    }
                    (t, _) => t,
                };
                let scores = match against {
                    Some(other) => dossier_eval::quotes::agreement_polnear(&file, &other)?,
                    None => dossier_eval::quotes::evaluate_polnear_tagger(
                        &file,
                        dossier_nlp::quotes::Profile::Parc,
                        false,
                        tagger.as_ref(),
                    )?,
                };
                if details {
                    super::print_out(format!("{scores:#}"))?;
                } else {
                    super::print_out(scores)?;
                }
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Ecb {
            file,
            model,
            gold_mentions,
            sweep,
        } => {
            use dossier_eval::ecb;
            use dossier_nlp::event_mentions::EventTagger;
            let loaded = model
                .map(|m| -> Result<EventTagger> {
                    let bytes = std::fs::read(&m)
                        .with_context(|| format!("cannot read {}", m.display()))?;
                    EventTagger::from_bytes(&bytes)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", m.display()))
                })
                .transpose()?;
            let source = if gold_mentions {
                ecb::Mentions::Gold
            } else {
                match loaded.as_ref().or(EventTagger::builtin()) {
                    Some(t) => ecb::Mentions::Tagger(t),
                    None => anyhow::bail!(
                        "this build has no event-mention model (models/events.bin is empty): \
                         run `dossier train events --train ../shared/data/ecbplus/train.jsonl` \
                         and rebuild, or pass --model FILE"
                    ),
                }
            };
            if sweep {
                super::print_out(ecb::sweep(&file, source)?)?;
            } else {
                super::print_out(ecb::evaluate_ecb(&file, source, ecb::DOC_THRESHOLD)?)?;
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Coref {
            seeds,
            gold,
            details,
        } => {
            let report = dossier_eval::coref::evaluate_seeds(&seeds, &gold)?;
            super::print_out(&report)?;
            if details {
                super::print_out(&report.details)?;
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Clean {
            seeds,
            gold,
            strict,
        } => {
            let report = dossier_eval::clean::evaluate(&seeds, &gold)?;
            super::print_out(&report)?;
            if strict && !report.perfect() {
                eprintln!("dossier: cleaning left boilerplate in or cut body text out (see above)");
                return Ok(Exit::BadInput);
            }
            Ok(Exit::Ok)
        }
    }
}
