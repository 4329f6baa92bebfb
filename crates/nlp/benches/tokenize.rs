//! Throughput of the tokenizer and the sentence splitter, in bytes of text per second.
//!
//! Two inputs:
//! - `synthetic`: about 1 MiB of news-like English generated here from a fixed seed (titles,
//!   abbreviations, initials, possessives, hyphenated names, numbers, currency, quotes, dashes,
//!   paragraphs), so the bench runs anywhere and commits no third-party text;
//! - `bbc`: a few hundred articles of the BBC News corpus concatenated, read from
//!   `../shared/data/bbc` (or `$DOSSIER_BBC_DIR`); skipped when the folder is missing.
//!
//! Run with `cargo bench -p dossier-nlp`.

mod common;
use common::Rng;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_nlp::{sentences, tokenize::tokenize};

// A small deterministic generator (xorshift64*, in `common`): the text must be the same on
// every run.

const WORDS: &[&str] = &[
    "the",
    "the",
    "the",
    "of",
    "of",
    "and",
    "and",
    "to",
    "a",
    "in",
    "in",
    "that",
    "was",
    "for",
    "on",
    "with",
    "said",
    "had",
    "by",
    "at",
    "from",
    "were",
    "after",
    "attack",
    "officials",
    "security",
    "government",
    "forces",
    "killed",
    "wounded",
    "people",
    "group",
    "claimed",
    "responsibility",
    "city",
    "police",
    "minister",
    "statement",
    "reported",
    "according",
    "hall",
    "concert",
    "gunmen",
    "opened",
    "fire",
    "building",
    "hospital",
    "investigation",
    "suspects",
    "arrested",
    "week",
    "state",
    "media",
    "country",
    "border",
    "region",
    "local",
    "residents",
    "witnesses",
    "however",
    "despite",
    "warned",
    "denied",
    "involvement",
    "intelligence",
    "agency",
    "since",
    "earlier",
    "analysts",
    "believe",
    "could",
    "would",
    "rescue",
    "workers",
    "emergency",
];
const NAMES: &[&str] = &[
    "Kurilla",
    "Smith",
    "Petrova",
    "O'Neill",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Okafor",
    "Brandt",
    "Novak",
    "Ferreira",
    "Tanaka",
    "Al-Rashid",
];
const PLACES: &[&str] = &[
    "Moscow",
    "Kabul",
    "Islamabad",
    "London",
    "St. Petersburg",
    "Syria-Iraq",
    "Khorasan",
    "Washington",
    "Zürich",
    "Krasnogorsk",
];
const TITLES: &[&str] = &[
    "Gen.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Col.",
    "Sen.",
    "Prof.",
    "President",
    "Minister",
];
const ORGS: &[&str] = &[
    "IS-K",
    "ISIS-K",
    "al-Qaeda",
    "the U.S.",
    "the U.K.",
    "the FSB",
    "the Kremlin",
    "ex-FBI agents",
];
const NUMBERS: &[&str] = &[
    "137",
    "1,000",
    "3.5",
    "6,000",
    "2024-03-22",
    "9/11",
    "1979-89",
    "95%",
    "£10,000",
    "$2.5bn",
    "24th",
    "1980s",
    "mid-2010s",
    "No. 10",
    "Jan. 5",
    "10:30",
    "at least 143",
    "nearly 140",
];
const CONNECTORS: &[&str] = &[",", ",", ",", " —", " (", " –"];

fn synthetic(target: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(target + 1024);
    while text.len() < target {
        // A paragraph of 2 to 6 sentences.
        for _ in 0..2 + rng.below(5) {
            let quoted = rng.below(5) == 0;
            if quoted {
                text.push('“');
            }
            let len = 8 + rng.below(22);
            let mut open_paren = false;
            for k in 0..len {
                if k > 0 {
                    text.push(' ');
                }
                let word = match rng.below(20) {
                    0 => format!("{} {}", rng.pick(TITLES), rng.pick(NAMES)),
                    1 => format!(
                        "Michael {}. {}",
                        (b'A' + rng.below(26) as u8) as char,
                        rng.pick(NAMES)
                    ),
                    2 => rng.pick(PLACES).to_string(),
                    3 => format!("{}’s", rng.pick(NAMES)),
                    4 => rng.pick(ORGS).to_string(),
                    5 | 6 => rng.pick(NUMBERS).to_string(),
                    7 => "e.g.".to_string(),
                    8 => "don’t".to_string(),
                    _ => rng.pick(WORDS).to_string(),
                };
                if k == 0 {
                    let mut chars = word.chars();
                    if let Some(c) = chars.next() {
                        text.extend(c.to_uppercase());
                        text.push_str(chars.as_str());
                    }
                } else {
                    text.push_str(&word);
                }
                if k + 1 < len && rng.below(8) == 0 {
                    let conn = rng.pick(CONNECTORS);
                    if conn == " (" {
                        if !open_paren {
                            text.push_str(" (");
                            text.push_str(rng.pick(WORDS));
                            text.push(')');
                        }
                        open_paren = true;
                    } else {
                        text.push_str(conn);
                    }
                }
            }
            text.push_str(match rng.below(12) {
                0 => "?",
                1 => "!",
                2 => "...",
                _ => ".",
            });
            if quoted {
                text.push('”');
            }
            text.push(' ');
        }
        text.pop();
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    let inputs = common::inputs(synthetic(1 << 20));
    for (name, text) in &inputs {
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens);
        eprintln!(
            "{name}: {} bytes, {} tokens, {} sentences",
            text.len(),
            tokens.len(),
            sentences.len()
        );
    }

    let mut group = c.benchmark_group("tokenize");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| tokenize(black_box(text))));
    }
    group.finish();

    let mut group = c.benchmark_group("split");
    for (name, text) in &inputs {
        let tokens = tokenize(text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| sentences::split(black_box(text), black_box(&tokens)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("tokenize+split");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let tokens = tokenize(black_box(text));
                sentences::split(text, &tokens)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: the machine is shared; the numbers are stable well within this.
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
