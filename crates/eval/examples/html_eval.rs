//! Runs the HTML extraction evaluation and prints the scores; for studying failures it can also
//! list each page's missed and leaked segments.
//!
//! `cargo run --release -p dossier-eval --example html_eval -- DIR [--misses] [--page FILE]`
//! `--misses` prints every page that loses a segment, worst first; `--page FILE` prints one page's
//! extracted text and metadata.

use anyhow::Result;
use dossier_eval::html::{read_cases, run_all, run_case, HtmlScores};
use std::path::PathBuf;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .cloned()
            .unwrap_or_else(|| "../shared/data/html-extraction".into()),
    );
    if let Some(pos) = args.iter().position(|a| a == "--page") {
        let file = args.get(pos + 1).expect("--page FILE");
        let case = read_cases(&dir)?
            .into_iter()
            .find(|c| &c.file == file)
            .expect("no such case");
        let r = run_case(&dir, &case)?;
        println!("{:#?}", r.article);
        println!("---- missed: {:?}\n---- leaked: {:?}", r.missed, r.leaked);
        return Ok(());
    }
    let results = run_all(&dir)?;
    let mut total = HtmlScores::default();
    for r in &results {
        total.documents += 1;
        total.tp += r.scores.tp;
        total.fp += r.scores.fp;
        total.fn_ += r.scores.fn_;
        total.tn += r.scores.tn;
        total.seconds += r.scores.seconds;
        total.titles += r.scores.titles;
        total.titles_correct += r.scores.titles_correct;
        total.dates += r.scores.dates;
        total.dates_correct += r.scores.dates_correct;
    }
    if args.iter().any(|a| a == "--meta") {
        // Metadata disagreements with the annotation, for studying the metadata readers.
        let cases = read_cases(&dir)?;
        for (r, c) in results.iter().zip(&cases) {
            let Some(meta) = &c.meta else { continue };
            let want_title = meta.get("title").and_then(|t| t.as_str()).unwrap_or("");
            let want_date = meta.get("date").and_then(|t| t.as_str()).unwrap_or("");
            if r.scores.titles > r.scores.titles_correct {
                println!(
                    "TITLE {} | want {:?} | got {:?}",
                    r.file, want_title, r.article.title
                );
            }
            if r.scores.dates > r.scores.dates_correct {
                println!(
                    "DATE {} | want {:?} | got {:?}",
                    r.file, want_date, r.article.published
                );
            }
        }
    }
    if args.iter().any(|a| a == "--misses") {
        let mut bad: Vec<_> = results
            .iter()
            .filter(|r| !r.missed.is_empty() || !r.leaked.is_empty())
            .collect();
        bad.sort_by_key(|r| std::cmp::Reverse(r.missed.len() + r.leaked.len()));
        for r in bad {
            println!("== {} (text {} chars)", r.file, r.text.len());
            for m in &r.missed {
                println!("   MISS {}", m.chars().take(100).collect::<String>());
            }
            for l in &r.leaked {
                println!("   LEAK {}", l.chars().take(100).collect::<String>());
            }
        }
    }
    println!("{total}");
    Ok(())
}
