//! `dossier eval …`: print the scores of a stage.

use crate::cli::EvalCommand;
use crate::exit::Exit;
use anyhow::Result;

pub fn run(cmd: EvalCommand) -> Result<Exit> {
    match cmd {
        EvalCommand::Html { dir, min_f1 } => {
            let scores = dossier_eval::html::evaluate(&dir)?;
            println!("{scores}");
            if let Some(floor) = min_f1 {
                if scores.f1() < floor {
                    eprintln!("dossier: F1 {:.3} is below the floor {floor:.3}", scores.f1());
                    return Ok(Exit::BadInput);
                }
            }
            Ok(Exit::Ok)
        }
        EvalCommand::Coref { seeds, gold } => {
            println!("{}", dossier_eval::coref::evaluate_seeds(&seeds, &gold)?);
            Ok(Exit::Ok)
        }
        EvalCommand::Clean { seeds, gold, strict } => {
            let report = dossier_eval::clean::evaluate(&seeds, &gold)?;
            println!("{report}");
            if strict && !report.perfect() {
                eprintln!("dossier: cleaning left boilerplate in or cut body text out (see above)");
                return Ok(Exit::BadInput);
            }
            Ok(Exit::Ok)
        }
    }
}
