//! Prints the figure scores on the seeds and the misses, spurious figures and wrong attributes.
//!
//! `cargo run --release -p dossier-eval --example figures`

use anyhow::Result;
use dossier_eval::figures::evaluate_seeds_figures;
use std::path::PathBuf;

fn main() -> Result<()> {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let s = evaluate_seeds_figures(&shared.join("seeds"), &shared.join("gold/seeds.gold.json"))?;
    println!("{s}");
    for g in &s.missed {
        println!(
            "  missed   {:<26} {:<28} {} {} {}",
            g.doc,
            format!("{:?}", g.text),
            g.measure,
            g.value,
            g.qualifier
        );
    }
    for p in &s.spurious {
        println!(
            "  spurious {:<26} {:<28} {} {} {}",
            p.doc,
            format!("{:?}", p.text),
            p.measure,
            p.value,
            p.qualifier
        );
    }
    for (g, p) in &s.wrong {
        println!(
            "  wrong    {:<26} {:<28} gold {} {} {} | ours {:?} {} {} {}",
            g.doc,
            format!("{:?}", g.text),
            g.measure,
            g.value,
            g.qualifier,
            p.text,
            p.measure,
            p.value,
            p.qualifier
        );
    }
    Ok(())
}
