//! Quotation-mark pairing: an automaton over the tokens that turns quotation marks into quoted
//! pieces (the characters between an opening and its closing mark).
//!
//! Two levels are tracked, outer and inner: whichever of double or single marks opens first is
//! the outer level, and marks of the other level inside it are nested quotes (part of the
//! content, never pieces of their own). Curly marks carry their direction (`“` `‘` `„` `«` `‹`
//! open, `”` `’` `»` `›` close; `“` closes a `„`); straight marks (`"` `'` `''`) are decided
//! by flanking: whitespace or an opening bracket before and a non-space after opens, the
//! reverse closes, and otherwise the state decides (close if open). A lone `’` with nothing
//! open is an apostrophe (`officials’`), as is a `'` that does not flank a word on its left.
//!
//! Paragraphs: a quote still open at the end of a paragraph is cut there; when the next
//! paragraph begins with an opening mark of the same level, the press convention for quotes
//! that run across paragraphs, the two pieces are linked (`cont_next` / `cont_prev`).
//! Otherwise the quote is taken to end with its paragraph (a missing closing mark) when its
//! opening mark was unambiguous or it is long enough not to be a stray apostrophe.
//!
//! Text whose paragraph breaks were lost (BBC's corpus joins a quote's paragraphs with a
//! space) shows the same convention inside one paragraph: a straight mark that can only open,
//! right after a sentence's end while a quote is open, starts a new linked piece.
//!
//! A closing double mark that can only open (a space before, a word after) while nothing is
//! open is taken for an opening one: writers and their software turn `“` round often enough
//! (`”Fear. I am afraid.” ― Edwin G. Monroy`) that reading it as a stray closer loses the quote
//! and puts every later mark of the paragraph the wrong way round.

use super::Doc;
use dossier_model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// Straight marks: decided by flanking and state.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    level: Level,
    dir: Dir,
    /// `„`: closed by `“` as well as `”`.
    low: bool,
}

fn mark_of(s: &str) -> Option<Mark> {
    let m = |level, dir| {
        Some(Mark {
            level,
            dir,
            low: false,
        })
    };
    match s {
        "“" | "«" | "``" => m(Level::Double, Dir::Open),
        "„" => Some(Mark {
            level: Level::Double,
            dir: Dir::Open,
            low: true,
        }),
        "”" | "»" => m(Level::Double, Dir::Close),
        "\"" | "''" => m(Level::Double, Dir::Either),
        "‘" | "‹" | "‚" => m(Level::Single, Dir::Open),
        "’" | "›" => m(Level::Single, Dir::Close),
        "'" => m(Level::Single, Dir::Either),
        _ => None,
    }
}

/// A quoted piece: the tokens of its marks and the characters between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when cut at a paragraph end.
    pub close: Option<usize>,
    /// Exactly the characters between the marks (to the paragraph end when cut).
    pub content: Span,
    /// The quote goes on in the next paragraph (which reopens it).
    pub cont_next: bool,
    /// This piece reopens a quote from the previous paragraph.
    pub cont_prev: bool,
}

#[derive(Clone, Copy)]
struct Open {
    tok: usize,
    level: Level,
    low: bool,
    sure: bool,
    cont_prev: bool,
}

/// Pairs the quotation marks of `doc` into pieces, in text order.
pub(crate) fn pair(doc: &Doc) -> Vec<Piece> {
    let text = doc.text;
    let toks = doc.toks;
    let mut out = Vec::new();
    let mut outer: Option<Open> = None;
    let mut inner: Option<Level> = None;
    let mut cont_pending = false;
    for i in 0..toks.len() {
        if i > 0 && doc.para[i] != doc.para[i - 1] {
            inner = None;
            if let Some(o) = outer.take() {
                // Does the new paragraph reopen the quote?
                let reopens = mark_of(doc.tok_text(i)).is_some_and(|m| {
                    m.level == o.level
                        && (m.dir == Dir::Open
                            || (m.dir == Dir::Either && flank(text, toks[i].span).0))
                });
                let end = toks[i - 1].span.end;
                if reopens {
                    push(&mut out, o, None, toks[o.tok].span.end, end, true);
                    cont_pending = true;
                } else if o.sure || words_between(doc, o.tok + 1, i) >= 4 {
                    push(&mut out, o, None, toks[o.tok].span.end, end, false);
                }
            }
        }
        if doc.toks[i].kind != dossier_model::TokenKind::Punct {
            continue;
        }
        let Some(m) = mark_of(doc.tok_text(i)) else {
            continue;
        };
        let (left, right) = flank(text, toks[i].span);
        match outer {
            None => {
                let opens = match m.dir {
                    Dir::Open => m.level == Level::Double || !right,
                    // A closing double mark before a word after a space, with nothing open, is
                    // an opening one typed the wrong way round (`”Fear. I am afraid.”`).
                    Dir::Close => m.level == Level::Double && left && !right,
                    Dir::Either => match m.level {
                        Level::Double => left || !right,
                        // A straight single quote opens only before a word, after a space.
                        Level::Single => left && !right && next_is_alnum(text, toks[i].span.end),
                    },
                };
                if opens {
                    outer = Some(Open {
                        tok: i,
                        level: m.level,
                        low: m.low,
                        sure: m.dir == Dir::Open,
                        cont_prev: std::mem::take(&mut cont_pending),
                    });
                }
            }
            Some(o) if m.level == o.level && reopens_after_lost_break(doc, i, m, left, right) => {
                // The paragraph break before a reopening mark was lost (`… make-up. "In the
                // HD version …`): the quote goes on in a new piece, as across paragraphs.
                push(
                    &mut out,
                    o,
                    None,
                    toks[o.tok].span.end,
                    toks[i - 1].span.end,
                    true,
                );
                outer = Some(Open {
                    tok: i,
                    level: m.level,
                    low: m.low,
                    sure: false,
                    cont_prev: true,
                });
                inner = None;
            }
            Some(o) if m.level == o.level => {
                let closes = match m.dir {
                    Dir::Close => true,
                    Dir::Either => true,
                    // `“` closes `„`; a second `“` while one is open restarts the quote.
                    Dir::Open => o.low && doc.tok_text(i) == "“",
                };
                if closes {
                    // A single `’` glued to a following letter is an apostrophe.
                    if m.level == Level::Single && next_is_alnum(text, toks[i].span.end) && !right {
                        continue;
                    }
                    push(
                        &mut out,
                        o,
                        Some(i),
                        toks[o.tok].span.end,
                        toks[i].span.start,
                        false,
                    );
                    outer = None;
                    inner = None;
                } else {
                    outer = Some(Open {
                        tok: i,
                        level: m.level,
                        low: m.low,
                        sure: true,
                        cont_prev: false,
                    });
                    inner = None;
                }
            }
            Some(_) => {
                // The other level: nested quotes inside the content.
                match (inner, m.dir) {
                    (None, Dir::Open) => inner = Some(m.level),
                    (None, Dir::Either) if left && !right => inner = Some(m.level),
                    (Some(_), Dir::Close) => inner = None,
                    (Some(_), Dir::Either) if right || !left => inner = None,
                    _ => {}
                }
            }
        }
    }
    if let Some(o) = outer {
        let last = toks.len() - 1;
        if o.sure || words_between(doc, o.tok + 1, toks.len()) >= 4 {
            push(
                &mut out,
                o,
                None,
                toks[o.tok].span.end,
                toks[last].span.end,
                false,
            );
        }
    }
    out
}

fn push(
    out: &mut Vec<Piece>,
    o: Open,
    close: Option<usize>,
    start: usize,
    end: usize,
    cont_next: bool,
) {
    if end > start {
        out.push(Piece {
            open: o.tok,
            close,
            content: Span::new(start, end),
            cont_next,
            cont_prev: o.cont_prev,
        });
    }
}

/// A straight double mark that can only open (a space before, a word after) right after the end
/// of a sentence, while a double quote is open: the press convention for a quote running across
/// paragraphs (no closing mark, the next paragraph reopens) in text whose paragraph breaks were
/// lost. A closing mark there would have no space before it.
fn reopens_after_lost_break(doc: &Doc, i: usize, m: Mark, left: bool, right: bool) -> bool {
    m.dir == Dir::Either
        && m.level == Level::Double
        && left
        && !right
        && i > 0
        && matches!(doc.tok_text(i - 1), "." | "?" | "!")
        && doc.text[doc.toks[i - 1].span.end..doc.toks[i].span.start]
            .chars()
            .all(char::is_whitespace)
        && doc.toks[i - 1].span.end < doc.toks[i].span.start
}

fn words_between(doc: &Doc, from: usize, to: usize) -> usize {
    (from..to.min(doc.toks.len()))
        .filter(|&k| doc.is_word(k))
        .count()
}

/// (left-flanking, right-flanking) of a straight mark: whitespace or an opening bracket/dash
/// before it (left), whitespace or closing punctuation after it (right).
fn flank(text: &str, span: Span) -> (bool, bool) {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let left = match before {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-:/".contains(c),
    };
    let right = match after {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}…—–".contains(c),
    };
    // Both flanks (a mark between spaces) decide nothing, except at the ends of the text.
    (
        left && (!right || before.is_none()),
        right && (!left || after.is_none()),
    )
}

fn next_is_alnum(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}
