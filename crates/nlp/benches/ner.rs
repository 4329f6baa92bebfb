//! Throughput of the entity tagger (`Tagger::annotate`, both stages), in tokens per second on
//! one core. Tokenizing and sentence splitting are done beforehand and not timed.
//!
//! Two inputs:
//! - `synthetic`: news-like English generated here from a fixed seed (names, places,
//!   organisations, titles, numbers, common words), so the bench runs anywhere;
//! - `bbc`: the first 400 articles of the BBC News corpus in `../shared/data/bbc` (or
//!   `$DOSSIER_BBC_DIR`), tagged document by document; skipped when the folder is missing.
//!
//! `ner/syntax` times the syntax tagger (parts of speech and chunks, [`dossier_nlp::syntax`]) on
//! the synthetic documents' sentences.
//!
//! Run with `cargo bench -p dossier-nlp --bench ner`.

mod common;
use common::Rng;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_model::{Span, Token};
use dossier_nlp::entities::Tagger;
use dossier_nlp::{sentences, tokenize::tokenize};

const WORDS: &[&str] = &[
    "the",
    "the",
    "of",
    "to",
    "and",
    "a",
    "in",
    "said",
    "on",
    "that",
    "for",
    "was",
    "with",
    "by",
    "officials",
    "government",
    "attack",
    "people",
    "at",
    "least",
    "killed",
    "after",
    "police",
    "minister",
    "would",
    "talks",
    "on",
    "Friday",
    "market",
    "shares",
    "rose",
    "percent",
    "year",
    "group",
    "claimed",
    "responsibility",
    "told",
    "reporters",
    "week",
    "new",
    "plan",
    "and",
    "its",
];
const NAMES: &[&str] = &[
    "Vladimir Putin",
    "Moscow",
    "European Union",
    "Gen. Michael Smith",
    "Reuters",
    "Kabul",
    "Germany",
    "Mr Johnson",
    "Islamic State",
    "Angela Merkel",
    "Microsoft Corp",
    "New York",
    "Pakistani",
    "U.S.",
    "Labour Party",
    "Dr Ahmed Khan",
    "Ukraine",
    "IS-K",
];

fn synthetic(words: usize) -> String {
    let mut rng = Rng(0x5EED_CAFE);
    let mut s = String::with_capacity(words * 7);
    let mut in_sentence = 0;
    for _ in 0..words {
        let w = if rng.next().is_multiple_of(6) {
            rng.pick(NAMES)
        } else {
            rng.pick(WORDS)
        };
        if in_sentence == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(w);
        }
        in_sentence += 1;
        if in_sentence > 12 && rng.next().is_multiple_of(8) {
            s.push_str(if rng.next().is_multiple_of(5) {
                ".\n"
            } else {
                ". "
            });
            in_sentence = 0;
        } else {
            s.push(' ');
        }
    }
    s
}

/// A text with its tokens and sentences.
type Prepared = (String, Vec<Token>, Vec<Span>);

fn prepare(texts: Vec<String>) -> (Vec<Prepared>, u64) {
    let mut ntok = 0;
    let docs = texts
        .into_iter()
        .map(|t| {
            let tokens = tokenize(&t);
            let sents = sentences::split(&t, &tokens);
            ntok += tokens.len() as u64;
            (t, tokens, sents)
        })
        .collect();
    (docs, ntok)
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::builtin();
    let mut g = c.benchmark_group("ner");
    g.measurement_time(Duration::from_secs(8)).sample_size(20);
    // Synthetic "documents" of ~600 words each, so document-level aggregation has its usual scope.
    let (docs, ntok) = prepare((0..100).map(|i| synthetic(600 + i)).collect());
    g.throughput(Throughput::Elements(ntok));
    g.bench_function("synthetic", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(t, k, s)| tagger.annotate(black_box(t), k, s).len())
                .sum::<usize>()
        })
    });
    // The syntax tagger (parts of speech and chunks) on the same documents' sentences.
    if let Some(syntax) = dossier_nlp::syntax::Syntax::builtin() {
        let words: Vec<Vec<Vec<&str>>> = docs
            .iter()
            .map(|(t, k, s)| {
                s.iter()
                    .map(|sp| {
                        k.iter()
                            .filter(|x| x.span.start >= sp.start && x.span.end <= sp.end)
                            .map(|x| &t[x.span.start..x.span.end])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        g.bench_function("syntax", |b| {
            b.iter(|| {
                words
                    .iter()
                    .map(|d| syntax.tag_words(black_box(d)).len())
                    .sum::<usize>()
            })
        });
    }
    if let Some(texts) = common::bbc_articles(80) {
        let (docs, ntok) = prepare(texts);
        g.throughput(Throughput::Elements(ntok));
        g.bench_function("bbc", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|(t, k, s)| tagger.annotate(black_box(t), k, s).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
