//! Speed of `extract` on a generated news-like page (navigation, article, sidebar, comments,
//! footer) and, when the shared evaluation data is present, on one real page from it.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A page of about 60 KB built from invented sentences, shaped like a news site's article page.
fn synthetic_page() -> String {
    let sentence = |i: usize| {
        format!(
            "Sentence {i} of the report describes how the committee weighed the evidence, \
             heard from {} witnesses and set out its findings in plain terms. ",
            i % 17 + 2
        )
    };
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Committee report | Bench News</title>\
         <meta property=\"og:site_name\" content=\"Bench News\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Committee report\",\
         \"datePublished\":\"2024-03-26T10:00:00Z\",\"author\":{\"name\":\"A. Writer\"}}</script></head><body>\
         <header><nav><ul>",
    );
    for i in 0..40 {
        html.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    html.push_str("</ul></nav></header><main><div class=\"layout\"><article><h1>Committee report</h1><div class=\"article-body\">");
    for p in 0..30 {
        html.push_str("<p>");
        for s in 0..4 {
            html.push_str(&sentence(p * 4 + s));
        }
        html.push_str("<a href=\"/more\">a link</a></p>");
        if p % 8 == 7 {
            html.push_str("<figure><img src=\"x.jpg\"><figcaption>A caption under a picture.</figcaption></figure><h2>A subhead</h2>");
        }
    }
    html.push_str("</div></article><aside class=\"sidebar\"><h3>Most read</h3><ul>");
    for i in 0..30 {
        html.push_str(&format!("<li><a href=\"/story/{i}\">Another headline number {i}</a><p>Teaser text {i}.</p></li>"));
    }
    html.push_str("</ul></aside></div><section id=\"comments\">");
    for i in 0..40 {
        html.push_str(&format!(
            "<div class=\"comment\"><span class=\"author\">reader{i}</span><p>{}</p></div>",
            sentence(i)
        ));
    }
    html.push_str(
        "</section></main><footer><p>Imprint, privacy, terms.</p></footer></body></html>",
    );
    html
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    let page = synthetic_page();
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("synthetic_news_page", |b| {
        b.iter(|| dossier_html::extract(black_box(&page)))
    });

    // A real page, when the (unredistributable) evaluation set is mounted; skipped otherwise.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/html-extraction/pages");
    let real = std::fs::read_dir(&dir).ok().and_then(|entries| {
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        files.into_iter().find_map(|p| std::fs::read(p).ok())
    });
    if let Some(bytes) = real {
        let html = String::from_utf8_lossy(&bytes).into_owned();
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_function("evaluation_set_page", |b| {
            b.iter(|| dossier_html::extract(black_box(&html)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
