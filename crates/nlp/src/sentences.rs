//! Sentence splitter (placeholder until the real one lands): one sentence per paragraph.
use dossier_model::{Span, Token};

pub fn split(text: &str, _tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let s = pos + (line.len() - line.trim_start().len());
            out.push(Span::new(s, s + t.len()));
        }
        pos += line.len() + 1;
    }
    out
}
