//! Entity tagger driver for development runs (the CLI wires the same functions):
//!
//! ```text
//! cargo run --release -p dossier-eval --example ner -- train [--epochs1 N] [--epochs2 N] [--folds K] [--max-docs N] [--prune X] [--out models/ner.bin]
//! cargo run --release -p dossier-eval --example ner -- eval [FILE]      # default ../shared/data/conll2003/dev.txt
//! cargo run --release -p dossier-eval --example ner -- seeds [--errors]
//! cargo run --release -p dossier-eval --example ner -- speed            # tokens/s on the BBC corpus, one thread
//! ```
//! `--model PATH` (eval, seeds, speed) uses a model file instead of the built-in one.

use dossier_eval::ner::{evaluate_conll, evaluate_seeds};
use dossier_nlp::entities::{train, Tagger, TrainOptions};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

/// `../shared` beside the repository, or `$DOSSIER_SHARED`.
fn shared() -> PathBuf {
    std::env::var_os("DOSSIER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn load(args: &[String]) -> Tagger {
    let t0 = Instant::now();
    let tagger = match arg::<String>(args, "--model") {
        Some(p) => {
            Tagger::from_bytes(&std::fs::read(&p).expect("model file")).expect("valid model")
        }
        None => Tagger::builtin(),
    };
    eprintln!(
        "model loaded in {:.1} ms ({} features)",
        t0.elapsed().as_secs_f64() * 1e3,
        tagger.num_features()
    );
    tagger
}

/// CPU time of this thread so far (Linux `/proc/thread-self/schedstat`), for timings that a
/// busy machine does not distort; 0 elsewhere.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = shared().join("data/conll2003");
    match args.first().map(String::as_str) {
        Some("train") => {
            let d = TrainOptions::default();
            let opts = TrainOptions {
                epochs1: arg(&args, "--epochs1").unwrap_or(d.epochs1),
                epochs2: arg(&args, "--epochs2").unwrap_or(d.epochs2),
                folds: arg(&args, "--folds").unwrap_or(d.folds),
                max_docs: arg(&args, "--max-docs"),
                prune: arg(&args, "--prune").unwrap_or(d.prune),
                ..d
            };
            let train_text = std::fs::read_to_string(data.join("train.txt"))?;
            let dev_text = std::fs::read_to_string(data.join("dev.txt"))?;
            let t0 = Instant::now();
            let (tagger, report) = train(&train_text, Some(&dev_text), &opts);
            eprintln!("trained in {:.1} s", t0.elapsed().as_secs_f64());
            let out: String = arg(&args, "--out").unwrap_or_else(|| "models/ner.bin".into());
            std::fs::write(&out, tagger.to_bytes())?;
            println!(
                "wrote {out}: {} bytes, {} features, dev F1 {:.2}",
                report.model_bytes,
                report.features_kept,
                report.dev_f1.unwrap_or(0.0)
            );
        }
        Some("eval") => {
            let file = args
                .get(1)
                .filter(|a| !a.starts_with("--"))
                .map(PathBuf::from)
                .unwrap_or(data.join("dev.txt"));
            let tagger = load(&args);
            let text = std::fs::read_to_string(&file)?;
            print!("{}", evaluate_conll(&text, &tagger));
        }
        Some("seeds") => {
            let tagger = load(&args);
            let s = evaluate_seeds(
                &shared().join("seeds"),
                &shared().join("gold/seeds.gold.json"),
                &tagger,
            )?;
            if args.iter().any(|a| a == "--errors") {
                for e in &s.errors {
                    println!("{e}");
                }
            }
            print!("{s}");
        }
        Some("speed") => {
            let tagger = load(&args);
            let mut texts = Vec::new();
            for dir in ["business", "entertainment", "politics", "sport", "tech"] {
                let mut files: Vec<_> = std::fs::read_dir(shared().join("data/bbc").join(dir))?
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .collect();
                files.sort();
                for f in files {
                    texts.push(std::fs::read_to_string(f)?);
                }
            }
            let prepared: Vec<_> = texts
                .iter()
                .map(|t| {
                    let tokens = dossier_nlp::tokenize::tokenize(t);
                    let sents = dossier_nlp::sentences::split(t, &tokens);
                    (t, tokens, sents)
                })
                .collect();
            let ntok: usize = prepared.iter().map(|p| p.1.len()).sum();
            let t0 = Instant::now();
            let c0 = cpu_seconds();
            let mut n = 0;
            for (t, tokens, sents) in &prepared {
                n += tagger.annotate(t, tokens, sents).len();
            }
            let s = t0.elapsed().as_secs_f64();
            let cpu = cpu_seconds() - c0;
            println!(
                "{} docs, {ntok} tokens, {n} entities in {s:.2} s wall, {cpu:.2} s CPU: {:.0} tokens/s wall, {:.0} tokens per CPU-second",
                prepared.len(),
                ntok as f64 / s,
                ntok as f64 / cpu
            );
        }
        _ => eprintln!("usage: ner train|eval|seeds|speed [options] (see the source)"),
    }
    Ok(())
}
