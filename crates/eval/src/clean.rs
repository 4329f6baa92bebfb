//! Plain-text cleaning scored on the seeds' gold annotation.
//!
//! Two questions, both answered through the cleaner's source map, on the gold's own spans:
//! is every boilerplate span gone (no byte of it left in the text), and is every annotated body
//! span (entities, time expressions, quotes, figures, assertion sentences) kept whole? And beside
//! them, how much of the metadata (outlet, authors, title, date) was recovered.

use anyhow::{Context, Result};
use serde_json::Value;
use std::fmt;
use std::path::Path;

#[derive(Debug, Default)]
pub struct CleanReport {
    pub docs: Vec<DocReport>,
}

#[derive(Debug, Default)]
pub struct DocReport {
    pub file: String,
    pub boilerplate: usize,
    /// Boilerplate spans of which some text is still in the clean text.
    pub boilerplate_left: Vec<String>,
    pub body_spans: usize,
    /// Annotated spans that did not survive whole.
    pub body_lost: Vec<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ours: String,
    pub gold: String,
    pub matched: bool,
}

impl CleanReport {
    pub fn perfect(&self) -> bool {
        self.docs
            .iter()
            .all(|d| d.boilerplate_left.is_empty() && d.body_lost.is_empty())
    }
}

pub fn evaluate(seeds: &Path, gold_path: &Path) -> Result<CleanReport> {
    let gold = crate::seeds::load_gold(gold_path)?;
    let mut report = CleanReport::default();
    for seed in crate::seeds::read_seeds(seeds, &gold, crate::seeds::Dates::FromText)? {
        let (g, doc, raw_text, file) = (&seed.gold, &seed.doc, &seed.raw, &seed.file);
        let map = doc
            .source_map
            .as_ref()
            .context("plain-text documents carry a source map")?;
        let mut d = DocReport {
            file: file.to_string(),
            ..DocReport::default()
        };
        for b in g["boilerplate_spans"].as_array().into_iter().flatten() {
            let Some((s, e)) = seed.raw_bytes_of(b) else {
                continue;
            };
            d.boilerplate += 1;
            let left = map
                .segments
                .iter()
                .filter(|seg| seg.copied)
                .any(|seg| seg.raw_start < e && s < seg.raw_start + seg.len);
            if left {
                d.boilerplate_left.push(raw_text[s..e].to_string());
            }
        }
        for key in ["entities", "timexes", "quotes", "figures", "assertions"] {
            for a in g[key].as_array().into_iter().flatten() {
                let Some((s, e)) = seed.raw_bytes_of(a) else {
                    continue;
                };
                d.body_spans += 1;
                if map.range_to_clean(s, e).is_none() {
                    d.body_lost.push(format!("{key}: {}", &raw_text[s..e]));
                }
            }
        }
        let opt = |v: &Value| v.as_str().unwrap_or("").to_string();
        let norm = |s: &str| s.trim().to_lowercase();
        let gold_authors: Vec<String> = g["authors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str().map(str::to_string))
            .collect();
        let fields = [
            (
                "outlet",
                doc.outlet.clone().unwrap_or_default(),
                opt(&g["outlet"]),
            ),
            ("authors", doc.authors.join("; "), gold_authors.join("; ")),
            (
                "title",
                doc.title.clone().unwrap_or_default(),
                opt(&g["title"]),
            ),
            (
                "published",
                doc.published
                    .as_ref()
                    .map(|p| p.value.clone())
                    .unwrap_or_default(),
                opt(&g["published"]),
            ),
        ];
        d.fields = fields
            .into_iter()
            .map(|(name, ours, gold)| Field {
                name,
                matched: norm(&ours) == norm(&gold),
                ours,
                gold,
            })
            .collect();
        report.docs.push(d);
    }
    Ok(report)
}

impl fmt::Display for CleanReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "plain-text cleaning on the seeds (gold: boilerplate spans and annotated body spans)"
        )?;
        writeln!(
            f,
            "{:<26} {:>12} {:>12}   metadata (ours | gold)",
            "document", "boilerplate", "body kept"
        )?;
        let (mut bt, mut br, mut st, mut sk) = (0, 0, 0, 0);
        let mut field_hits = std::collections::BTreeMap::<&str, (usize, usize)>::new();
        for d in &self.docs {
            let removed = d.boilerplate - d.boilerplate_left.len();
            let kept = d.body_spans - d.body_lost.len();
            bt += d.boilerplate;
            br += removed;
            st += d.body_spans;
            sk += kept;
            writeln!(
                f,
                "{:<26} {:>6}/{:<5} {:>6}/{:<5}",
                d.file, removed, d.boilerplate, kept, d.body_spans
            )?;
            for fl in &d.fields {
                let e = field_hits.entry(fl.name).or_default();
                e.1 += 1;
                if fl.matched {
                    e.0 += 1;
                }
                writeln!(
                    f,
                    "    {:<10} {} {:?} | {:?}",
                    fl.name,
                    if fl.matched { "ok  " } else { "MISS" },
                    fl.ours,
                    fl.gold
                )?;
            }
            for b in &d.boilerplate_left {
                writeln!(f, "    boilerplate left: {b:?}")?;
            }
            for b in &d.body_lost {
                writeln!(f, "    body lost: {b:?}")?;
            }
        }
        writeln!(
            f,
            "boilerplate removed: {br}/{bt}   annotated body spans kept: {sk}/{st}"
        )?;
        let fields: Vec<String> = field_hits
            .iter()
            .map(|(k, (h, n))| format!("{k} {h}/{n}"))
            .collect();
        write!(f, "metadata matching gold: {}", fields.join(", "))
    }
}
