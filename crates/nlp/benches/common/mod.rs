//! What every benchmark of this crate needs: a seeded generator for synthetic text and a sample
//! of the BBC News corpus (read from `../shared/data/bbc`, or `$DOSSIER_BBC_DIR`; `None` when it
//! is not there, so benchmarks run without it).
#![allow(dead_code)] // each bench uses its own part

use std::path::PathBuf;

/// xorshift64*: the synthetic text must be the same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The first `per_category` articles of each BBC category (80 gives about 400 articles, 0.9 MB).
pub fn bbc_articles(per_category: usize) -> Option<Vec<String>> {
    let dir = std::env::var_os("DOSSIER_BBC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bbc"
            ))
        });
    let mut categories: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    categories.sort();
    let mut articles = Vec::new();
    for category in categories {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&category)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        articles.extend(
            files
                .iter()
                .take(per_category)
                .filter_map(|f| std::fs::read_to_string(f).ok()),
        );
    }
    (!articles.is_empty()).then_some(articles)
}

/// The same sample as one text, articles separated by a line break.
pub fn bbc_text(per_category: usize) -> Option<String> {
    bbc_articles(per_category).map(|a| a.iter().map(|t| format!("{t}\n")).collect())
}

/// The benchmark inputs: the synthetic text, and the BBC sample when it is there.
pub fn inputs(synthetic: String) -> Vec<(&'static str, String)> {
    let mut inputs = vec![("synthetic", synthetic)];
    match bbc_text(80) {
        Some(text) => inputs.push(("bbc", text)),
        None => eprintln!("BBC corpus not found: skipping the `bbc` inputs"),
    }
    inputs
}
