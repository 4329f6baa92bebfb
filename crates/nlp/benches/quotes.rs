//! Throughput of the quote and assertion annotators beside the tokenizer they follow, in bytes
//! of text per second: the annotators should cost a fraction of tokenization.
//!
//! Two inputs:
//! - `synthetic`: about 1 MiB of attribution-heavy news-like text generated here from a fixed
//!   seed and invented templates (direct quotes in several styles, split quotes, reported
//!   speech, claims, denials, arrests), so the bench runs anywhere and commits no third-party
//!   text;
//! - `bbc`: a few hundred articles of the BBC News corpus concatenated, read from
//!   `../shared/data/bbc` (or `$DOSSIER_BBC_DIR`); skipped when the folder is missing.
//!
//! Run with `cargo bench -p dossier-nlp --bench quotes`.

mod common;
use common::Rng;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_nlp::{assertions, quotes, sentences, tokenize::tokenize};

const NAMES: &[&str] = &[
    "Anna Berg",
    "Jonas Weber",
    "Maria Lopez",
    "Rafael Diaz",
    "Lena Vogt",
    "Omar Haddad",
];
const ROLES: &[&str] = &[
    "the harbour master",
    "a senior council official",
    "the regional police",
    "local residents",
];
const GROUPS: &[&str] = &[
    "the Northern Front",
    "the River Brigade",
    "the Coastal Union",
];
const CLAUSES: &[&str] = &[
    "the bridge will reopen next week",
    "three suspects had been detained overnight",
    "the storm could reach the coast by Friday",
    "nobody expected the water to rise so fast",
    "the plan was never published in full",
];
const TEMPLATES: &[&str] = &[
    "{N} said that {C}.",
    "“{C},” {N} said.",
    "“{C},” said {R}.",
    "{N}, who leads {G}, told reporters on Monday that {C}.",
    "According to {R}, {C}.",
    "{C}, {R} said.",
    "“It means,” {N} said, “that {C}.”",
    "{G} claimed responsibility for the attack on the depot.",
    "{G} denied the report, and {R} warned that {C}.",
    "The suspects arrested by {R} were charged on Sunday.",
    "Some analysts speculate about a ‘deal’ between {G} and the council.",
    "The weather was mild and the harbour was quiet for most of the day.",
    "{N} said: “{C}. And we will not wait any longer.”",
];

fn synthetic(target: usize) -> String {
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let mut text = String::with_capacity(target + 1024);
    while text.len() < target {
        for _ in 0..2 + rng.next() % 4 {
            let t = rng.pick(TEMPLATES);
            let s = t
                .replace("{N}", rng.pick(NAMES))
                .replace("{R}", rng.pick(ROLES))
                .replace("{G}", rng.pick(GROUPS))
                .replace("{C}", rng.pick(CLAUSES));
            let mut chars = s.chars();
            if let Some(c) = chars.next() {
                text.extend(c.to_uppercase());
                text.push_str(chars.as_str());
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
        let sents = sentences::split(text, &tokens);
        let found = quotes::annotate(text, &tokens, &sents, &[]);
        eprintln!(
            "{name}: {} bytes, {} tokens, {} quotes",
            text.len(),
            tokens.len(),
            found.len()
        );
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.measurement_time(Duration::from_secs(5));
        group.sample_size(20);
        group.bench_function("tokenize", |b| {
            b.iter(|| black_box(tokenize(black_box(text))))
        });
        group.bench_function("quotes", |b| {
            b.iter(|| black_box(quotes::annotate(black_box(text), &tokens, &sents, &[])))
        });
        group.bench_function("assertions", |b| {
            b.iter(|| {
                black_box(assertions::annotate(
                    black_box(text),
                    &tokens,
                    &sents,
                    &[],
                    &found,
                ))
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
