//! Throughput of the time-expression and figure annotators, in bytes of text per second, next
//! to what they must cost less than: tokenizing plus entity tagging.
//!
//! Inputs:
//! - `synthetic`: about 1 MiB of news-like English generated here from a fixed seed, dense in
//!   dates, relative expressions, durations and casualty figures (so the annotators work hard),
//!   committing no third-party text;
//! - `bbc`: 400 articles of the BBC News corpus from `../shared/data/bbc` (or
//!   `$DOSSIER_BBC_DIR`), skipped when the folder is missing.
//!
//! Groups: `time` and `figures` alone (on pre-tokenized text), `time+figures`, and
//! `tokenize+tag` (tokenizer, sentence splitter and the entity tagger) for comparison.
//! Run with `cargo bench -p dossier-nlp --bench time_figures`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_nlp::{entities, figures, sentences, time, tokenize::tokenize};

/// xorshift64*: the same text on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const FILLER: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "was", "for", "on", "with", "said", "had", "by", "officials", "security",
    "government", "forces", "group", "claimed", "responsibility", "city", "police", "minister", "statement", "reported",
    "according", "hall", "concert", "building", "hospital", "investigation", "border", "region", "witnesses", "however",
    "analysts", "believe", "could", "would", "Moscow", "Kabul", "Ministry", "Reuters", "agency",
];
const TIMEX: &[&str] = &[
    "on Friday", "last Thursday", "March 24th, 2024", "4 January", "22/03/2024", "in 2015", "the 1980s", "the mid-2010s",
    "earlier this month", "last July", "10 days ago", "four years earlier", "two decades", "nine years", "every year", "now",
    "currently", "yesterday", "last week", "the end of 2017", "Friday evening", "at 10:30 p.m.", "the third quarter",
    "recently", "the past couple of years", "this weekend", "in recent months",
];
const FIGURES: &[&str] = &[
    "killed 137 people", "at least 143 were killed", "nearly 140 people died", "up to 6,000 fighters", "hundreds were injured",
    "four gunmen", "two of the attackers", "close to 1,000 Afghans", "£10,000 each", "95 per cent of the territory",
    "about a third of Syria", "dozens were wounded", "seven suspects arrested", "over 1,000 hostages",
];

fn synthetic(target: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(target + 256);
    while text.len() < target {
        for _ in 0..4 {
            let len = 10 + (rng.next() % 16) as usize;
            for k in 0..len {
                let w = match rng.next() % 12 {
                    0 => rng.pick(TIMEX),
                    1 => rng.pick(FIGURES),
                    _ => rng.pick(FILLER),
                };
                if k == 0 {
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        text.extend(f.to_uppercase());
                        text.push_str(c.as_str());
                    }
                } else {
                    text.push(' ');
                    text.push_str(w);
                }
            }
            text.push_str(". ");
        }
        text.push_str("\n\n");
    }
    text
}

fn bbc() -> Option<String> {
    let dir = std::env::var_os("DOSSIER_BBC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/bbc")));
    let mut categories: Vec<PathBuf> = std::fs::read_dir(&dir).ok()?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    categories.sort();
    let mut text = String::new();
    for category in categories {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&category).ok()?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        for file in files.iter().take(80) {
            if let Ok(article) = std::fs::read_to_string(file) {
                text.push_str(&article);
                text.push('\n');
            }
        }
    }
    (!text.is_empty()).then_some(text)
}

fn bench(c: &mut Criterion) {
    let mut inputs = vec![("synthetic", synthetic(1 << 20))];
    match bbc() {
        Some(text) => inputs.push(("bbc", text)),
        None => eprintln!("BBC corpus not found: skipping the `bbc` inputs"),
    }
    let reference = Some(jiff::civil::Date::new(2024, 3, 25).unwrap());
    let prepared: Vec<_> = inputs
        .iter()
        .map(|(name, text)| {
            let tokens = tokenize(text);
            let sents = sentences::split(text, &tokens);
            let nt = time::annotate(text, &tokens, &sents, reference).len();
            let nf = figures::annotate(text, &tokens, &sents).len();
            eprintln!("{name}: {} bytes, {} tokens, {nt} time expressions, {nf} figures", text.len(), tokens.len());
            (*name, text.as_str(), tokens, sents)
        })
        .collect();

    let mut group = c.benchmark_group("time");
    for (name, text, tokens, sents) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| time::annotate(black_box(text), tokens, sents, reference)));
    }
    group.finish();

    let mut group = c.benchmark_group("figures");
    for (name, text, tokens, sents) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| figures::annotate(black_box(text), tokens, sents)));
    }
    group.finish();

    let mut group = c.benchmark_group("time+figures");
    for (name, text, tokens, sents) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| (time::annotate(black_box(text), tokens, sents, reference), figures::annotate(text, tokens, sents)))
        });
    }
    group.finish();

    let tagger = entities::Tagger::builtin();
    let mut group = c.benchmark_group("tokenize+tag");
    for (name, text, _, _) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let tokens = tokenize(black_box(text));
                let sents = sentences::split(text, &tokens);
                tagger.annotate(text, &tokens, &sents)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
