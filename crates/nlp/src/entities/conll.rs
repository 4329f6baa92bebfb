//! CoNLL-2003 files: reading (documents → sentences → tokens with their gold tag), IOB tags to
//! entity spans with conlleval's chunking rules, and tagging a file (`dossier ner --conll`).
//!
//! Format: one token a line, space- or tab-separated columns, the token first and the NER tag
//! last; a blank line ends a sentence; a `-DOCSTART-` line starts a document. The gold tags are
//! IOB1 (an entity starts with `I-X` unless it directly follows one of the same type); the
//! chunking below reads IOB1 and IOB2 alike, as conlleval does.

use super::{spans_of, Tagger, NTYPES};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    /// The last column of each line (the gold tag), or empty when lines have one column.
    pub tags: Vec<String>,
    /// The columns between the first and the last of each line (CoNLL-2003: part of speech
    /// and chunk tag), empty when lines have at most two columns.
    pub middle: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some("-DOCSTART-")
}

/// Reads a CoNLL file into documents. A file without `-DOCSTART-` lines is one document.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sent = Sentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || is_docstart(line) {
            if !sent.words.is_empty() {
                docs.last_mut()
                    .unwrap()
                    .sentences
                    .push(std::mem::take(&mut sent));
            }
            if is_docstart(line) && !docs.last().unwrap().sentences.is_empty() {
                docs.push(Document::default());
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        sent.words.push(cols[0].to_string());
        if cols.len() > 1 {
            sent.tags.push(cols[cols.len() - 1].to_string());
        }
        if cols.len() > 2 {
            sent.middle.push(
                cols[1..cols.len() - 1]
                    .iter()
                    .map(|c| c.to_string())
                    .collect(),
            );
        }
    }
    if !sent.words.is_empty() {
        docs.last_mut().unwrap().sentences.push(sent);
    }
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// The entity type index (PER 0, ORG 1, LOC 2, MISC 3) of a type name.
pub fn type_index(name: &str) -> Option<usize> {
    match name {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// Entity spans `(start, end, type)` of IOB1 or IOB2 tags, by conlleval's rules: `B-X` always
/// starts an entity, `I-X` starts one unless the previous tag has type X. Unknown types and
/// malformed tags are O.
pub fn iob_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, usize)> {
    iob_spans_by(tags, type_index)
}

/// [`iob_spans`] with another tag set: `type_index` maps a type name to its index.
pub fn iob_spans_by<S: AsRef<str>>(
    tags: &[S],
    type_index: impl Fn(&str) -> Option<usize>,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let parsed = tag
            .split_once('-')
            .and_then(|(p, t)| Some((p, type_index(t)?)));
        match parsed {
            Some((p @ ("B" | "I" | "E" | "S" | "L" | "U"), t)) => {
                let cont = p != "B" && p != "S" && p != "U" && open.is_some_and(|(_, ot)| ot == t);
                if !cont {
                    if let Some((s, ot)) = open.take() {
                        out.push((s, i, ot));
                    }
                    open = Some((i, t));
                }
            }
            _ => {
                if let Some((s, ot)) = open.take() {
                    out.push((s, i, ot));
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t));
    }
    out
}

/// IOB2 tags of BILOU labels.
pub fn iob2_tags(labels: &[super::Label]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); labels.len()];
    for (s, e, t) in spans_of(labels) {
        let name = super::TYPES[t].as_str();
        tags[s] = format!("B-{name}");
        for tag in &mut tags[s + 1..e] {
            *tag = format!("I-{name}");
        }
    }
    tags
}

/// Words of a document, borrowed.
pub fn words_of(doc: &Document) -> Vec<Vec<&str>> {
    doc.sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

/// Tags a CoNLL file: every line written back with the predicted IOB2 tag appended as the last
/// column (space-separated); blank lines are kept, `-DOCSTART-` lines get `O`.
pub fn tag_conll(input: &str, tagger: &Tagger) -> String {
    let docs = read(input);
    let mut tags: Vec<String> = Vec::new();
    for d in &docs {
        for labels in tagger.tag_words(&words_of(d), true) {
            tags.extend(iob2_tags(&labels));
        }
    }
    let mut out = String::with_capacity(input.len() + tags.len() * 6);
    let mut next = tags.into_iter();
    for line in input.lines() {
        let line = line.trim_end_matches('\r');
        out.push_str(line);
        if is_docstart(line) {
            out.push_str(" O");
        } else if !line.trim().is_empty() {
            out.push(' ');
            out.push_str(&next.next().unwrap_or_else(|| "O".to_string()));
        }
        out.push('\n');
    }
    out
}

/// Entity-level counts (correct, predicted, gold) per type, for quick F1 during training.
pub fn count(
    gold: &[(usize, usize, usize)],
    pred: &[(usize, usize, usize)],
    acc: &mut [[usize; 3]; NTYPES],
) {
    for p in pred {
        acc[p.2][1] += 1;
        if gold.contains(p) {
            acc[p.2][0] += 1;
        }
    }
    for g in gold {
        acc[g.2][2] += 1;
    }
}

/// Overall F1 (percent) of per-type counts.
pub fn f1(acc: &[[usize; 3]; NTYPES]) -> f64 {
    let (c, p, g) = acc
        .iter()
        .fold((0, 0, 0), |a, x| (a.0 + x[0], a.1 + x[1], a.2 + x[2]));
    if p + g == 0 {
        return 100.0;
    }
    200.0 * c as f64 / (p + g) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob_chunking_follows_conlleval() {
        // (tags, expected spans)
        type Case<'a> = (&'a [&'a str], &'a [(usize, usize, usize)]);
        let cases: &[Case] = &[
            (&["I-PER", "I-PER", "O"], &[(0, 2, 0)]),
            (&["I-PER", "B-PER"], &[(0, 1, 0), (1, 2, 0)]),
            (&["I-LOC", "I-PER"], &[(0, 1, 2), (1, 2, 0)]),
            (&["O", "B-MISC", "I-MISC"], &[(1, 3, 3)]),
            (&["B-ORG", "I-ORG", "O", "I-ORG"], &[(0, 2, 1), (3, 4, 1)]),
            (&["O", "O"], &[]),
            (&["I-XYZ", "I-PER"], &[(1, 2, 0)]),
        ];
        for (tags, want) in cases {
            assert_eq!(iob_spans(tags), want.to_vec(), "{tags:?}");
        }
    }

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, vec!["EU", "rejects"]);
        assert_eq!(docs[0].sentences[0].tags, vec!["I-ORG", "O"]);
        assert_eq!(docs[0].sentences[0].middle[1], vec!["VBZ", "I-VP"]);
        assert_eq!(docs[1].sentences[0].words, vec!["Bonn"]);
    }

    #[test]
    fn bilou_round_trip() {
        let spans = vec![(0, 1, 0), (2, 5, 2), (5, 6, 2)];
        let labels = super::super::labels_of(6, &spans);
        assert_eq!(spans_of(&labels), spans);
        assert_eq!(
            iob2_tags(&labels),
            vec!["B-PER", "O", "B-LOC", "I-LOC", "I-LOC", "B-LOC"]
        );
    }
}
