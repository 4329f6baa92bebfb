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

mod common;
use common::Rng;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_nlp::{entities, figures, sentences, time, tokenize::tokenize};

const FILLER: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "was",
    "for",
    "on",
    "with",
    "said",
    "had",
    "by",
    "officials",
    "security",
    "government",
    "forces",
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
    "building",
    "hospital",
    "investigation",
    "border",
    "region",
    "witnesses",
    "however",
    "analysts",
    "believe",
    "could",
    "would",
    "Moscow",
    "Kabul",
    "Ministry",
    "Reuters",
    "agency",
];
const TIMEX: &[&str] = &[
    "on Friday",
    "last Thursday",
    "March 24th, 2024",
    "4 January",
    "22/03/2024",
    "in 2015",
    "the 1980s",
    "the mid-2010s",
    "earlier this month",
    "last July",
    "10 days ago",
    "four years earlier",
    "two decades",
    "nine years",
    "every year",
    "now",
    "currently",
    "yesterday",
    "last week",
    "the end of 2017",
    "Friday evening",
    "at 10:30 p.m.",
    "the third quarter",
    "recently",
    "the past couple of years",
    "this weekend",
    "in recent months",
];
const FIGURES: &[&str] = &[
    "killed 137 people",
    "at least 143 were killed",
    "nearly 140 people died",
    "up to 6,000 fighters",
    "hundreds were injured",
    "four gunmen",
    "two of the attackers",
    "close to 1,000 Afghans",
    "£10,000 each",
    "95 per cent of the territory",
    "about a third of Syria",
    "dozens were wounded",
    "seven suspects arrested",
    "over 1,000 hostages",
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

fn bench(c: &mut Criterion) {
    let inputs = common::inputs(synthetic(1 << 20));
    let reference = Some(jiff::civil::Date::new(2024, 3, 25).unwrap());
    let prepared: Vec<_> = inputs
        .iter()
        .map(|(name, text)| {
            let tokens = tokenize(text);
            let sents = sentences::split(text, &tokens);
            let nt = time::annotate(text, &tokens, &sents, reference).len();
            let nf = figures::annotate(text, &tokens, &sents).len();
            eprintln!(
                "{name}: {} bytes, {} tokens, {nt} time expressions, {nf} figures",
                text.len(),
                tokens.len()
            );
            (*name, text.as_str(), tokens, sents)
        })
        .collect();

    let mut group = c.benchmark_group("time");
    for (name, text, tokens, sents) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| time::annotate(black_box(text), tokens, sents, reference))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("figures");
    for (name, text, tokens, sents) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| figures::annotate(black_box(text), tokens, sents))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("time+figures");
    for (name, text, tokens, sents) in &prepared {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                (
                    time::annotate(black_box(text), tokens, sents, reference),
                    figures::annotate(text, tokens, sents),
                )
            })
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
