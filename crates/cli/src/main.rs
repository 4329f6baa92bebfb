//! The `dossier` command: arguments, progress and wiring. Every piece of logic lives in a library
//! crate; this one only connects them to the terminal.

mod cli;
mod commands;
mod exit;
mod progress;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    if let Some(n) = args.threads {
        // Only fails if a pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let outcome = match args.command {
        cli::Command::Extract(a) => commands::extract::run(a, args.quiet),
        cli::Command::Ingest(a) => commands::ingest::run(a, args.quiet),
        cli::Command::Report(a) => commands::report::run(a, args.quiet),
        cli::Command::Merge(a) => commands::lines::merge(a),
        cli::Command::Keys(a) => commands::lines::keys(a),
        cli::Command::Search(a) => commands::search::run(a),
        cli::Command::Check(a) => commands::check::run(a),
        cli::Command::Serve(a) => commands::serve::run(a),
        cli::Command::Eval(a) => commands::eval::run(a),
        cli::Command::Ner { conll } => commands::ner::tag(&conll),
        cli::Command::Train(cli::TrainCommand::Ner {
            train,
            dev,
            out,
            epochs,
        }) => commands::ner::train(&train, dev.as_deref(), &out, epochs),
        cli::Command::Train(cli::TrainCommand::Quotes {
            train,
            dev,
            out,
            epochs,
            prune,
            sources_out,
            sources_only,
        }) => commands::quotes::train(
            &train,
            dev.as_deref(),
            &out,
            epochs,
            prune,
            &sources_out,
            sources_only,
        ),
        cli::Command::Train(cli::TrainCommand::Events {
            train,
            dev,
            out,
            epochs,
            prune,
        }) => commands::events::train(&train, dev.as_deref(), &out, epochs, prune),
        cli::Command::Train(cli::TrainCommand::Syntax {
            train,
            dev,
            out,
            epochs,
            prune,
        }) => commands::ner::train_syntax(&train, dev.as_deref(), &out, epochs, prune),
    };
    match outcome {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("dossier: error: {err:#}");
            exit::Exit::Internal.into()
        }
    }
}
