//! Prints the quote scores on PolNeAR (Citron's metrics) and the quote, speaker and assertion
//! scores on the seeds; with `--errors` also the misses and errors behind them.
//!
//! `cargo run --release -p dossier-eval --example quotes -- [--errors] [--seeds-only]
//!  [--speech] [--entities] [--split train|dev] [--grep WORD]`

use anyhow::Result;
use dossier_eval::quotes::{evaluate_polnear_with, evaluate_seeds};
use dossier_nlp::quotes::Profile;
use std::path::PathBuf;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |f: &str| args.iter().any(|a| a == f);
    let value = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let shared =
        PathBuf::from(std::env::var("DOSSIER_SHARED").unwrap_or_else(|_| "../shared".into()));
    let grep = value("--grep");
    let show = |s: &dossier_eval::quotes::QuoteScores| {
        print!("{s}");
        if has("--errors") {
            for d in s
                .details
                .iter()
                .filter(|d| grep.as_ref().is_none_or(|g| d.contains(g.as_str())))
                .take(usize::MAX)
            {
                println!("    {d}");
            }
        }
    };
    if let Some(text) = value("--text") {
        let tokens = dossier_nlp::tokenize::tokenize(&text);
        let sentences = dossier_nlp::sentences::split(&text, &tokens);
        let sl = |s: dossier_model::Span| text[s.start..s.end].to_string();
        for q in dossier_nlp::quotes::annotate(&text, &tokens, &sentences, &[]) {
            println!(
                "QUOTE {:?} direct={} speaker={:?} cue={:?}",
                sl(q.span),
                q.direct,
                q.speaker.map(sl),
                q.cue.map(sl)
            );
        }
        for a in dossier_nlp::quotes::attributions(&text, &tokens, &sentences, &[], Profile::Parc) {
            println!(
                "ATTR src={:?} cue={:?} content={:?}",
                a.source.map(sl),
                a.cue.map(sl),
                a.content.iter().map(|c| sl(*c)).collect::<Vec<_>>()
            );
        }
        for a in dossier_nlp::assertions::annotate(
            &text,
            &tokens,
            &sentences,
            &[],
            &dossier_nlp::quotes::annotate(&text, &tokens, &sentences, &[]),
        ) {
            println!(
                "ASSERT {} subj={:?} obj={:?} hedged={}",
                a.predicate.as_str(),
                a.subject.map(sl),
                a.object.map(sl),
                a.hedged
            );
        }
        return Ok(());
    }
    if !has("--seeds-only") {
        let split = value("--split").unwrap_or_else(|| "dev".into());
        let profile = if has("--speech") {
            Profile::Speech
        } else {
            Profile::Parc
        };
        let t = std::time::Instant::now();
        let s = evaluate_polnear_with(
            &shared.join(format!("data/polnear/{split}.jsonl")),
            profile,
            has("--entities"),
        )?;
        show(&s);
        println!("  ({:.2}s)", t.elapsed().as_secs_f64());
    }
    let s = evaluate_seeds(&shared.join("seeds"), &shared.join("gold/seeds.gold.json"))?;
    show(&s);
    Ok(())
}
