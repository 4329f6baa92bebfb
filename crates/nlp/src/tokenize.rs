//! Tokenizer (placeholder until the real one lands): whitespace-separated pieces.
use dossier_model::{Span, Token, TokenKind};

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Token { span: Span::new(s, i), kind: TokenKind::Word });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Token { span: Span::new(s, text.len()), kind: TokenKind::Word });
    }
    out
}
