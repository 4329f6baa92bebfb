//! Prints the time-expression scores on TempEval-3 and on the seeds, and (with `--errors`) the
//! misses, spurious predictions, wrong values and extent differences behind them.
//!
//! `cargo run --release -p dossier-eval --example timex -- [--errors] [--seeds-only] [TEMPEVAL.jsonl]`

use anyhow::Result;
use dossier_eval::timex::{evaluate_seeds_timex, evaluate_tempeval, TimexScores};
use std::path::PathBuf;

fn dump(s: &TimexScores, limit: usize) {
    println!("-- missed ({})", s.missed.len());
    for g in s.missed.iter().take(limit) {
        println!(
            "   {:<22} {:<28} {:<9} {}",
            g.doc,
            format!("{:?}", g.text),
            g.kind,
            g.value
        );
    }
    println!("-- spurious ({})", s.spurious.len());
    for p in s.spurious.iter().take(limit) {
        println!(
            "   {:<22} {:<28} {:<9} {}",
            p.doc,
            format!("{:?}", p.text),
            p.kind,
            p.value
        );
    }
    println!("-- wrong value/type ({})", s.wrong.len());
    for (g, p) in s.wrong.iter().take(limit) {
        println!(
            "   {:<22} {:<28} gold {:<9} {:<14} ours {:?} {:<9} {}",
            g.doc,
            format!("{:?}", g.text),
            g.kind,
            g.value,
            p.text,
            p.kind,
            p.value
        );
    }
    println!("-- extent ({})", s.extent.len());
    for (g, p) in s.extent.iter().take(limit) {
        println!(
            "   {:<22} gold {:<28} ours {:?}",
            g.doc,
            format!("{:?}", g.text),
            p.text
        );
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let limit = args
        .iter()
        .position(|a| a == "--limit")
        .and_then(|p| args.get(p + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let te = args
        .iter()
        .find(|a| a.ends_with(".jsonl"))
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("data/tempeval3/train.jsonl"));
    if !args.iter().any(|a| a == "--seeds-only") {
        let s = evaluate_tempeval(&te)?;
        println!("{s}");
        if errors {
            dump(&s, limit);
        }
    }
    let s = evaluate_seeds_timex(&shared.join("seeds"), &shared.join("gold/seeds.gold.json"))?;
    println!("{s}");
    if errors {
        dump(&s, limit);
    }
    Ok(())
}
