//! The seeds and their gold annotation, read once for every evaluation that scores on them.
//!
//! Each seed goes through the real cleaning (`dossier_ingest::prepare`, as plain text) and keeps
//! what scoring needs to compare with the gold, whose offsets are code points of the raw file:
//! the raw text and the mapping from clean-text bytes back to raw code points.

use anyhow::{bail, Context, Result};
use dossier_ingest::{Content, Format, InputMeta, RawDoc};
use serde_json::Value;
use std::path::Path;

/// Whether the seeds are read with the gold's publication dates as input, which scores of
/// date-dependent annotations (time expressions, the dossier) need (see the gold's README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    Gold,
    FromText,
}

/// A seed document, cleaned as the pipeline cleans it, with what is needed to map back.
pub struct Seed {
    pub id: String,
    pub file: String,
    pub raw: String,
    pub doc: dossier_model::Document,
    /// The gold annotation of this document (`documents[i]` of the gold file).
    pub gold: Value,
    /// Byte offset of each raw code point (and of the end).
    byte_of_cp: Vec<usize>,
}

impl Seed {
    /// The raw byte offset of a raw code-point offset.
    pub fn raw_byte(&self, cp: usize) -> Option<usize> {
        self.byte_of_cp.get(cp).copied()
    }

    /// The raw byte range of a gold item's `start`/`end` code points.
    pub fn raw_bytes_of(&self, item: &Value) -> Option<(usize, usize)> {
        Some((
            self.raw_byte(item["start"].as_u64()? as usize)?,
            self.raw_byte(item["end"].as_u64()? as usize)?,
        ))
    }

    /// The raw code-point offset of a raw byte offset.
    pub fn raw_cp(&self, byte: usize) -> usize {
        self.byte_of_cp.partition_point(|&b| b < byte)
    }

    /// A clean-text byte span as raw code points.
    pub fn to_raw_cp(&self, start: usize, end: usize) -> (usize, usize) {
        let map = self.doc.source_map.as_ref();
        let to_raw = |p: usize| map.map_or(p, |m| m.to_raw(p));
        let s = to_raw(start);
        let e = if end > start {
            // Map the last character, not the end boundary: an end that falls on a removed
            // stretch would otherwise jump to where the text resumes.
            let last = self.doc.text[..end]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
            to_raw(end - last) + last
        } else {
            s
        };
        (self.raw_cp(s), self.raw_cp(e))
    }

    pub fn raw_text_cp(&self, s: usize, e: usize) -> String {
        self.raw.chars().skip(s).take(e.saturating_sub(s)).collect()
    }
}

/// Reads the gold annotation file.
pub fn load_gold(gold_path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading the gold annotation {}", gold_path.display()))?;
    let gold: Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not valid JSON", gold_path.display()))?;
    if !gold["documents"].is_array() {
        bail!("{} has no `documents` list", gold_path.display());
    }
    Ok(gold)
}

/// Reads and cleans every seed the gold annotates, in the gold's order.
pub fn read_seeds(seeds: &Path, gold: &Value, dates: Dates) -> Result<Vec<Seed>> {
    if !seeds.is_dir() {
        bail!(
            "seeds folder {} not found (the evaluation needs ../shared/seeds)",
            seeds.display()
        );
    }
    let mut out = Vec::new();
    for g in gold["documents"].as_array().into_iter().flatten() {
        let file = g["file"].as_str().context("gold document without `file`")?;
        let id = g["id"].as_str().unwrap_or(file).to_string();
        let path = seeds.join(file);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let raw = String::from_utf8(bytes.clone())
            .with_context(|| format!("{} is not UTF-8", path.display()))?;
        let published = match dates {
            Dates::Gold => g["published"].as_str().map(str::to_string),
            Dates::FromText => None,
        };
        let (doc, _) = dossier_ingest::prepare(RawDoc {
            source: path.display().to_string(),
            format: Format::Text,
            content: Content::Bytes {
                bytes,
                declared_charset: None,
            },
            meta: InputMeta {
                id: Some(id.clone()),
                published,
                ..InputMeta::default()
            },
        });
        let byte_of_cp = raw
            .char_indices()
            .map(|(i, _)| i)
            .chain([raw.len()])
            .collect();
        out.push(Seed {
            id,
            file: file.to_string(),
            raw,
            doc,
            gold: g.clone(),
            byte_of_cp,
        });
    }
    Ok(out)
}
