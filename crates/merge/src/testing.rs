//! Test documents written with inline marks, so merge tests read as data:
//! `[PER Vladimir Putin]` an entity, `{2024-03-22 Friday}` a date, `<killed 143 at_least at least 143>`
//! a figure (measure, value, qualifier, then the text).

use dossier_model::*;

pub fn doc(id: &str, published: Option<&str>, marked: &str) -> (Document, Extraction) {
    let mut text = String::new();
    let mut ex = Extraction {
        doc_id: id.into(),
        ..Extraction::default()
    };
    let mut rest = marked;
    while let Some(open) = rest.find(['[', '{', '<']) {
        text.push_str(&rest[..open]);
        let close_char = match rest.as_bytes()[open] {
            b'[' => ']',
            b'{' => '}',
            _ => '>',
        };
        let close = rest[open..].find(close_char).unwrap() + open;
        let inner = &rest[open + 1..close];
        match close_char {
            ']' => {
                let (kind, name) = inner.split_once(' ').unwrap();
                let kind = match kind {
                    "PER" => EntityType::Person,
                    "ORG" => EntityType::Organization,
                    "LOC" => EntityType::Location,
                    _ => EntityType::Misc,
                };
                ex.entities.push(Entity {
                    span: Span::new(text.len(), text.len() + name.len()),
                    kind,
                });
                text.push_str(name);
            }
            '}' => {
                let (value, shown) = inner.split_once(' ').unwrap();
                ex.timexes.push(Timex {
                    span: Span::new(text.len(), text.len() + shown.len()),
                    kind: TimexType::Date,
                    value: value.into(),
                    anchored: None,
                });
                text.push_str(shown);
            }
            _ => {
                let mut parts = inner.splitn(4, ' ');
                let (measure, value, qualifier, shown) = (
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                );
                let qualifier: Qualifier = serde_json_like(qualifier);
                ex.figures.push(Figure {
                    span: Span::new(text.len(), text.len() + shown.len()),
                    measure: measure.into(),
                    value: FigureValue::Exact(value.parse().unwrap()),
                    qualifier,
                    vague: false,
                    counted: None,
                    context: None,
                });
                text.push_str(shown);
            }
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    // Sentences: split after a full stop and white space (a blank line between paragraphs);
    // tokens: whitespace-separated words without punctuation, numbers as the tokenizer marks
    // them.
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('.') {
        let gap = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if gap > 0 && i + 1 + gap < text.len() {
            ex.sentences.push(Span::new(start, i + 1));
            start = i + 1 + gap;
        }
    }
    ex.sentences.push(Span::new(start, text.len()));
    let mut pos = 0;
    for word in text.split(|c: char| c.is_whitespace()) {
        let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if !trimmed.is_empty() {
            let s = pos + word.find(trimmed).unwrap();
            ex.tokens.push(Token {
                span: Span::new(s, s + trimmed.len()),
                kind: if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
        }
        pos += word.len() + 1;
    }
    dossier_nlp::clauses::attach_figure_contexts(
        &text,
        &ex.tokens,
        &ex.sentences,
        &ex.entities,
        &ex.timexes,
        &mut ex.figures,
    );
    let published = published.map(|p| PublishedDate {
        value: p.into(),
        source: PublishedSource::Input,
    });
    let doc = Document {
        id: id.into(),
        text,
        published,
        content_hash: format!("h-{id}"),
        ..Document::default()
    };
    (doc, ex)
}

fn serde_json_like(q: &str) -> Qualifier {
    match q {
        "exact" => Qualifier::Exact,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "nearly" => Qualifier::Nearly,
        "about" => Qualifier::About,
        _ => Qualifier::UpTo,
    }
}
