//! Tokenizer: splits a document's text into [`Token`]s (byte spans plus a coarse kind).
//!
//! It is a single left-to-right scanner over the bytes of the text, with a table lookup for
//! ASCII and `char` classification only for non-ASCII characters: no regex, no allocation
//! besides the output vector. It never fails and never panics, whatever the (valid UTF-8) input.
//!
//! # Guarantees
//! Tokens are non-empty, in order, non-overlapping, on `char` boundaries and never contain
//! whitespace (`char::is_whitespace`); every non-whitespace character belongs to exactly one
//! token. The sentence splitter and every annotator rely on this.
//!
//! # Choices (news English first, but any script goes through)
//! - **Words** are runs of letters, digits and combining marks, joined across
//!   - an inner hyphen before a letter or digit (`IS-K`, `al-Qaeda`, `Al-Qaeda-linked`,
//!     `ex-FBI`, `mid-2010s`, `18-year-old`); a doubled hyphen `--` is a dash, not a joiner;
//!   - an inner apostrophe (`'` or `’`) before a letter (`O'Brien`, `don’t`): the
//!     contractions `n't`, `'re`, `'ll`, `'ve`, `'m`, `'d` stay inside the word (`don't`, `I'm`);
//!   - an inner period before a letter or digit (`U.S`, `e.g`, `bbc.co.uk`, `3.5`);
//!   - `,` `/` `:` between two digits (`1,000`, `14.372,4`, `9/11`, `10:30`), and `&` between
//!     two capitals (`AT&T`).
//! - **Possessive and clitic `'s`** (`'s`, `’s`, any case) at the end of a word is always a
//!   token of its own (`Putin’s` → `Putin` `’s`, `ISIS-K’s` → `ISIS-K` `’s`, `it's` → `it` `'s`):
//!   the entity annotator needs the bare name, and `'s` cannot be told apart from "is"/"has"
//!   without a parser, so it is split every time. A trailing apostrophe (`officials'`) is
//!   punctuation, as it may as well be a closing quote.
//! - **A final period** stays in the word only for abbreviations (`abbreviation`):
//!   dotted abbreviations whose pieces are one or two letters (`U.S.`, `U.K.`, `e.g.`, `a.m.`,
//!   `Ph.D.`), initials (one capital letter: `E.` in `Michael E. Kurilla`), and a fixed list
//!   (`Gen.`, `Dr.`, `Mr.`, `St.`, `Jan.`, `Inc.`, `etc.` …; `No.` only before a digit, so
//!   that "No." the answer ends its sentence). Otherwise it is a token of its own. After an
//!   absorbed period a hyphen may still join (`U.S.-led`).
//! - **Numbers**: a token that starts with a digit is a `Number`, letter suffixes included
//!   (`1,000`, `3.5`, `2024-03-22`, `1979-89`, `9/11`, `24th`, `1980s`, `5m`): annotators
//!   for figures and dates read the whole thing. If a hyphen joins it to a word (`18-year-old`)
//!   it is a `Word`. `95%` is `95` + `%`, `£10,000` is `£` + `10,000`.
//! - **Punctuation** is one character per token, except runs of the same character among
//!   `.` `-` `!` `?` `*` `_` `'` `` ` `` `–` `—` `―` `…`, which make one token (`...`, `--`,
//!   `!!`, `''`); `?!` is two. Quotes
//!   (`" “ ” ‘ ’ « » „`), brackets and dashes are `Punct`; currency signs, `% & + = < > # @`
//!   and other symbols (emoji, maths) are `Symbol`.
//! - **Combining marks, ZWJ, variation selectors, skin tones** extend the token before them
//!   (no token boundary in the middle of a grapheme for the common cases); an emoji ZWJ
//!   sequence and a regional-indicator flag pair are one `Symbol`.
//! - Text glued without a space after a period (`end.Next`, `Dr.Smith`) stays one token, like
//!   a domain name; URLs and e-mail addresses are not kept whole (`https` `:` `/` `/` …).
//! - Scripts without spaces (Chinese, Japanese, Thai) come out as long `Word`s: correct by the
//!   guarantees above, not segmented.

use dossier_model::{Span, Token, TokenKind};

/// Tokenizes `text`. See the module documentation for the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // News text averages ~6 bytes per token; reserving avoids most regrowth.
    let mut out = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                Class::Space => i += 1,
                Class::Alpha | Class::Digit => i = scan_word(text, i, &mut out),
                class => i = scan_other(text, i, b as char, class, 1, &mut out),
            }
        } else {
            let (c, class, len) = peek_non_ascii(text, i);
            match class {
                Class::Space => i += len,
                Class::Alpha | Class::Digit => i = scan_word(text, i, &mut out),
                _ => i = scan_other(text, i, c, class, len, &mut out),
            }
        }
    }
    out
}

/// How an abbreviation (the word before its period, e.g. `Gen` for `Gen.`) behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title or prefix that is always followed by what it qualifies (`Gen.`, `Dr.`, `e.g.`,
    /// `vs.`, `Mt.`): never ends a sentence.
    Prefix,
    /// Only an abbreviation before a number (`No. 10`, `Fig. 3`); never ends a sentence then.
    BeforeNumber,
    /// May end a sentence (`U.S.`, `Inc.`, `etc.`, `Jan.`, `St.`, an initial `E.`): the
    /// sentence splitter needs more evidence to split after it.
    Ambiguous,
}

/// Classifies `word` (without its final period) as an abbreviation, or `None`.
///
/// Case-sensitive on purpose: `Gen.` is a title but "gen." is not, "sat." must not become
/// `Sat.`. Shared with the sentence splitter so that both agree on what an abbreviation is.
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    let listed = match word {
        // Titles and ranks before a name.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mme" | "Mlle" | "Dr" | "Drs" | "Prof" | "Profs"
        | "Gen" | "Gens" | "Col" | "Lt" | "Maj" | "Capt" | "Cpt" | "Sgt" | "Cpl" | "Pte"
        | "Pvt" | "Adm" | "Cmdr" | "Cdr" | "Brig" | "Gov" | "Govs" | "Sen" | "Sens" | "Rep"
        | "Reps" | "Rev" | "Hon" | "Fr" | "Pres" | "Supt" | "Insp" | "Det" | "Amb" | "Msgr"
        | "Mt" | "Ft" => Some(Abbrev::Prefix),
        // Always followed by what they introduce.
        "e.g" | "i.e" | "vs" | "v" | "cf" | "viz" | "approx" | "ca" => Some(Abbrev::Prefix),
        "No" | "Nos" | "Fig" | "fig" | "Vol" | "vol" | "pp" | "Art" => Some(Abbrev::BeforeNumber),
        // May end a sentence.
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "etc" | "Inc" | "Ltd" | "Corp" | "Co" | "Jr" | "Sr" | "Bros" | "Dept"
        | "Univ" | "Ave" | "Rd" | "St" | "al" | "Esq" | "Govt" => Some(Abbrev::Ambiguous),
        _ => None,
    };
    if listed.is_some() {
        return listed;
    }
    if is_initial(word) || is_dotted(word) {
        return Some(Abbrev::Ambiguous);
    }
    None
}

/// One upper-case letter: an initial (`E.` in `Michael E. Kurilla`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Dotted abbreviation: at least two pieces, each one or two letters (`U.S`, `e.g`, `Ph.D`,
/// `a.m`). Longer pieces (`bbc.co.uk`) are not abbreviations, so their final period is split.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|piece| {
            let n = piece.chars().count();
            (1..=2).contains(&n) && piece.chars().all(char::is_alphabetic)
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Alpha,
    Digit,
    /// Combining marks, ZWJ/ZWNJ, variation selectors, skin-tone modifiers: never start a
    /// boundary, they extend the token before them.
    Extend,
    Punct,
    Symbol,
}

const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Symbol; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            Class::Alpha
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            // Exactly the ASCII characters for which `char::is_whitespace` holds.
            Class::Space
        } else if contains(b"!\"'()*,-./:;?[]_{}`", c) {
            Class::Punct
        } else {
            // $ % & + < = > # @ \ ^ | ~ and control characters.
            Class::Symbol
        };
        b += 1;
    }
    t
};

const fn contains(set: &[u8], b: u8) -> bool {
    let mut i = 0;
    while i < set.len() {
        if set[i] == b {
            return true;
        }
        i += 1;
    }
    false
}

/// ASCII letters and digits; false for every non-ASCII byte, which takes the slow path.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(ASCII_CLASS[b], Class::Alpha | Class::Digit);
        b += 1;
    }
    t
};

/// The character at byte `i` (a char boundary) with its class and UTF-8 length.
#[inline(always)]
fn peek(text: &str, i: usize) -> Option<(char, Class, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, ASCII_CLASS[b as usize], 1))
    } else {
        Some(peek_non_ascii(text, i))
    }
}

#[inline(never)]
fn peek_non_ascii(text: &str, i: usize) -> (char, Class, usize) {
    // `i` is always a char boundary below the end: callers advance by whole chars.
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, class_non_ascii(c), c.len_utf8())
}

fn class_non_ascii(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if c.is_alphabetic() {
        Class::Alpha
    } else if c.is_numeric() {
        Class::Digit
    } else if is_extend(c) {
        Class::Extend
    } else if is_punct_non_ascii(c) {
        Class::Punct
    } else {
        Class::Symbol
    }
}

fn is_extend(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // combining diacritics
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'   // Hebrew points
        | '\u{064B}'..='\u{065F}'   // Arabic harakat
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}'   // ZWNJ, ZWJ
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}' // skin tones
        | '\u{E0020}'..='\u{E007F}' // tags (subdivision flags)
        | '\u{E0100}'..='\u{E01EF}')
}

fn is_punct_non_ascii(c: char) -> bool {
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{037E}' | '\u{0387}'
        | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}'
        | '\u{05F3}' | '\u{05F4}' | '\u{0609}'..='\u{060D}' | '\u{061B}' | '\u{061D}'..='\u{061F}'
        | '\u{066A}'..='\u{066D}' | '\u{06D4}' | '\u{0964}' | '\u{0965}' | '\u{0E5A}' | '\u{0E5B}'
        | '\u{2010}'..='\u{2027}'   // hyphens, dashes, quotes, bullets, ellipsis
        | '\u{2032}'..='\u{205E}'   // primes, ‹ ›, ‼, ⁇ … (not ‰ ‱, which are symbols)
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE4F}' | '\u{FE50}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}')
}

#[inline(always)]
fn is_word_class(class: Class) -> bool {
    matches!(class, Class::Alpha | Class::Digit | Class::Extend)
}

#[inline(always)]
fn word_char_at(text: &str, i: usize) -> bool {
    peek(text, i).is_some_and(|(_, class, _)| is_word_class(class))
}

#[inline(always)]
fn ascii_digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

#[inline(always)]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Scans a word or number starting at `start` (a letter or digit), pushes it (and a split-off
/// `'s`), and returns the byte after it.
#[inline(always)]
fn scan_word(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    // Start of the current hyphen-separated piece: abbreviations are judged on it, so that
    // `ex-Gen.` is `ex-Gen.` but `Al-Qaeda-linked.` ends with a sentence period.
    let mut piece = start;
    let starts_with_digit = ASCII_CLASS.get(bytes[start] as usize) == Some(&Class::Digit)
        || (bytes[start] >= 0x80 && peek_non_ascii(text, start).1 == Class::Digit);
    let mut joined_word = false;
    loop {
        // The run of letters, digits and marks; ASCII without decoding.
        while bytes.get(i).is_some_and(|&b| ASCII_WORD[b as usize]) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        if b == b' ' {
            break; // by far the commonest end of a word: skip the joiner dispatch
        }
        let (c, class, len) = if b < 0x80 {
            (b as char, ASCII_CLASS[b as usize], 1)
        } else {
            peek_non_ascii(text, i)
        };
        if is_word_class(class) {
            i += len; // a non-ASCII letter, digit or mark
            continue;
        }
        match c {
            '-' | '\u{2010}' | '\u{2011}' => match peek(text, i + len) {
                Some((_, next, _)) if is_word_class(next) => {
                    joined_word |= next == Class::Alpha;
                    i += len;
                    piece = i;
                }
                _ => break,
            },
            '\'' | '\u{2019}' => {
                let after = i + len;
                match peek(text, after) {
                    Some(('s' | 'S', _, _)) if !word_char_at(text, after + 1) => {
                        // Possessive / clitic 's: its own token (see module docs).
                        out.push(Token {
                            span: Span::new(start, i),
                            kind: kind(starts_with_digit, joined_word),
                        });
                        out.push(Token {
                            span: Span::new(i, after + 1),
                            kind: TokenKind::Word,
                        });
                        return after + 1;
                    }
                    Some((_, Class::Alpha, _)) => i = after,
                    _ => break,
                }
            }
            '.' => {
                if word_char_at(text, i + 1) {
                    // Inner period: U.S, e.g, 3.5, bbc.co.uk.
                    i += 1;
                } else if bytes.get(i + 1) == Some(&b'.') {
                    break; // an ellipsis follows the word
                } else if absorbs_period(text, start, piece, i) {
                    i += 1;
                    // Keep looping: `U.S.-led` and `U.S.’s` still attach.
                    match peek(text, i) {
                        Some(('-' | '\u{2010}' | '\u{2011}', _, _)) => {}
                        Some((c, _, _)) if is_apostrophe(c) => {}
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            ',' | '/' | ':' => {
                if bytes[i - 1].is_ascii_digit() && ascii_digit_at(bytes, i + 1) {
                    i += 1;
                } else {
                    break;
                }
            }
            '&' => {
                if bytes[i - 1].is_ascii_uppercase()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                {
                    i += 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    out.push(Token {
        span: Span::new(start, i),
        kind: kind(starts_with_digit, joined_word),
    });
    i
}

#[inline(always)]
fn kind(starts_with_digit: bool, joined_word: bool) -> TokenKind {
    if starts_with_digit && !joined_word {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// Whether the period at `dot` belongs to the word piece `text[piece..dot]` of the word that
/// starts at `word`. A lone capital after a hyphen is the end of a name, not an initial:
/// "IS-K." ends a sentence.
fn absorbs_period(text: &str, word: usize, piece: usize, dot: usize) -> bool {
    if piece > word && is_initial(&text[piece..dot]) && text[word..piece].ends_with(['-', '‐']) {
        return false;
    }
    match abbreviation(&text[piece..dot]) {
        Some(Abbrev::BeforeNumber) => {
            // `No. 10`, `No.10`: a digit after optional spaces (not a line break).
            let rest = text[dot + 1..].trim_start_matches([' ', '\t', '\u{00A0}']);
            rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
        }
        Some(_) => true,
        None => false,
    }
}

/// Characters whose repetitions make one token (`...`, `--`, `!!`).
#[inline(always)]
fn repeats(c: char) -> bool {
    matches!(
        c,
        '.' | '-'
            | '!'
            | '?'
            | '*'
            | '_'
            | '\''
            | '`'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2026}'
    )
}

/// Scans a punctuation or symbol token starting with `c` (of `class`, `len` bytes) at `start`.
fn scan_other(
    text: &str,
    start: usize,
    c: char,
    class: Class,
    len: usize,
    out: &mut Vec<Token>,
) -> usize {
    let mut i = start + len;
    if repeats(c) {
        while text[i..].starts_with(c) {
            i += len;
        }
    } else if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
        // A flag is a pair of regional indicators.
        if let Some((next, _, l)) = peek(text, i) {
            if ('\u{1F1E6}'..='\u{1F1FF}').contains(&next) {
                i += l;
            }
        }
    }
    // Marks, variation selectors and ZWJ sequences stay with what they modify.
    while let Some((next, Class::Extend, l)) = peek(text, i) {
        i += l;
        if next == '\u{200D}' {
            if let Some((_, Class::Symbol, l)) = peek(text, i) {
                i += l;
            }
        }
    }
    let kind = if class == Class::Punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    out.push(Token {
        span: Span::new(start, i),
        kind,
    });
    i
}

/// Whether a token handed in from outside (a caller's own tokens) can be read: a non-empty
/// span inside `text`, on character boundaries, after the previous usable token's end.
/// Taggers skip the others rather than panic.
pub(crate) fn usable(text: &str, span: Span, last_end: usize) -> bool {
    let (s, e) = (span.start, span.end);
    s >= last_end
        && s < e
        && e <= text.len()
        && text.is_char_boundary(s)
        && text.is_char_boundary(e)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (input, expected tokens separated by single spaces, expected kinds or "" to skip:
    /// W word, N number, P punct, S symbol).
    const CASES: &[(&str, &str, &str)] = &[
        // Hyphenated names and compounds stay whole.
        (
            "IS-K and ISIS-K struck.",
            "IS-K and ISIS-K struck .",
            "WWWWP",
        ),
        ("al-Mujahir of al-Qaeda", "al-Mujahir of al-Qaeda", "WWW"),
        ("an Al-Qaeda-linked cell", "an Al-Qaeda-linked cell", "WWW"),
        ("the ex-FBI agent", "the ex-FBI agent", "WWW"),
        ("the Syria-Iraq border", "the Syria-Iraq border", "WWW"),
        ("Kurdish-led forces", "Kurdish-led forces", "WW"),
        ("the U.S.-led coalition", "the U.S.-led coalition", "WWW"),
        // Apostrophes inside words; possessive 's split off.
        ("I don't know O'Brien.", "I don't know O'Brien .", "WWWWP"),
        ("We don’t know.", "We don’t know .", "WWWP"),
        ("Putin’s aides", "Putin ’s aides", "WWW"),
        ("ISIS-K’s claim", "ISIS-K ’s claim", "WWW"),
        ("the group's leader", "the group 's leader", "WWWW"),
        ("It's over.", "It 's over .", "WWWP"),
        ("JAMES'S car", "JAMES 'S car", "WWW"),
        ("the U.S.’s allies", "the U.S. ’s allies", "WWWW"),
        ("the 1990's crisis", "the 1990 's crisis", "WNWW"),
        ("the officials' view", "the officials ' view", "WWPW"),
        ("I'm sure they'll come", "I'm sure they'll come", "WWWW"),
        // Abbreviations, titles and initials keep their period.
        ("U.S. and U.K. officials", "U.S. and U.K. officials", "WWWW"),
        ("e.g. this, i.e. that", "e.g. this , i.e. that", "WWPWW"),
        (
            "Gen. Kurilla met Dr. Smith",
            "Gen. Kurilla met Dr. Smith",
            "WWWWW",
        ),
        (
            "Col. Jones and Mr. Brown",
            "Col. Jones and Mr. Brown",
            "WWWWW",
        ),
        (
            "St. Petersburg on Jan. 5",
            "St. Petersburg on Jan. 5",
            "WWWWN",
        ),
        ("Michael E. Kurilla", "Michael E. Kurilla", "WWW"),
        ("against IS-K. Needless", "against IS-K . Needless", "WWPW"),
        ("at 10 a.m. today", "at 10 a.m. today", "WNWW"),
        ("a Ph.D. student", "a Ph.D. student", "WWW"),
        ("Apple Inc. said", "Apple Inc. said", "WWW"),
        ("No. 10 said", "No. 10 said", "WNW"),
        ("He said No. Then", "He said No . Then", "WWWPW"),
        ("Roe v. Wade", "Roe v. Wade", "WWW"),
        // Sentence periods are split off; unknown dotted words are not abbreviations.
        ("The attack ended.", "The attack ended .", "WWWP"),
        ("see bbc.co.uk.", "see bbc.co.uk .", "WWP"),
        ("in World War I.", "in World War I.", "WWWW"),
        // Numbers.
        ("1,000 people", "1,000 people", "NW"),
        ("14.372,4 euros", "14.372,4 euros", "NW"),
        ("3.5 and 6,000.", "3.5 and 6,000 .", "NWNP"),
        ("on 2024-03-22 at 10:30", "on 2024-03-22 at 10:30", "WNWN"),
        ("after 9/11 in 1979-89", "after 9/11 in 1979-89", "WNWN"),
        ("95% of £10,000", "95 % of £ 10,000", "NSWSN"),
        ("$5bn and €3m", "$ 5bn and € 3m", "SNWSN"),
        ("the 24th in the 1980s", "the 24th in the 1980s", "WNWWN"),
        ("the mid-2010s", "the mid-2010s", "WW"),
        ("an 18-year-old", "an 18-year-old", "WW"),
        ("COVID-19 and F-16s", "COVID-19 and F-16s", "WWW"),
        ("AT&T and M&S", "AT&T and M&S", "WWW"),
        ("rock & roll", "rock & roll", "WSW"),
        ("1, 2, 3", "1 , 2 , 3", "NPNPN"),
        ("in 2024.", "in 2024 .", "WNP"),
        // Punctuation: quotes, dashes, ellipsis, brackets.
        ("He said: \"No.\"", "He said : \" No . \"", "WWPPWPP"),
        ("“Yes,” she said.", "“ Yes , ” she said .", "PWPPWWP"),
        ("‘Putin’s men’", "‘ Putin ’s men ’", "PWWWP"),
        ("«Non» and „Ja“", "« Non » and „ Ja “", "PWPWPWP"),
        ("wait... what", "wait ... what", "WPW"),
        ("wait … what", "wait … what", "WPW"),
        ("etc... fine", "etc ... fine", "WPW"),
        ("war -- or peace", "war -- or peace", "WPWW"),
        ("war--or peace", "war -- or peace", "WPWW"),
        ("war – or — peace", "war – or — peace", "WPWPW"),
        ("a - b", "a - b", "WPW"),
        ("(IS-K) [sic] {x}", "( IS-K ) [ sic ] { x }", "PWPPWPPWP"),
        ("Why?! Stop!!", "Why ? ! Stop !!", "WPPWP"),
        ("and/or", "and / or", "WPW"),
        ("@user #tag", "@ user # tag", "SWSW"),
        // Unicode.
        ("café naïve Zürich", "café naïve Zürich", "WWW"),
        ("cafe\u{301} x", "cafe\u{301} x", "WW"),
        ("Москва́ – Київ", "Москва́ – Київ", "WPW"),
        ("北京欢迎你。好", "北京欢迎你 。 好", "WPW"),
        (
            "👍🏽 ok 👨\u{200D}👩\u{200D}👧 🇬🇧",
            "👍🏽 ok 👨\u{200D}👩\u{200D}👧 🇬🇧",
            "SWSS",
        ),
        ("a\u{00A0}b\u{2003}c", "a b c", "WWW"),
        ("\u{301}x", "\u{301} x", "SW"),
        ("", "", ""),
        ("   \n\t ", "", ""),
    ];

    #[test]
    fn table() {
        for &(input, expected, kinds) in CASES {
            let tokens = tokenize(input);
            let got: Vec<&str> = tokens.iter().map(|t| t.span.slice(input)).collect();
            let want: Vec<&str> = expected.split(' ').filter(|s| !s.is_empty()).collect();
            assert_eq!(got, want, "tokens of {input:?}");
            if !kinds.is_empty() {
                let got: String = tokens
                    .iter()
                    .map(|t| match t.kind {
                        TokenKind::Word => 'W',
                        TokenKind::Number => 'N',
                        TokenKind::Punct => 'P',
                        TokenKind::Symbol => 'S',
                    })
                    .collect();
                assert_eq!(got, kinds, "kinds of {input:?} ({want:?})");
            }
        }
    }

    #[test]
    fn abbreviation_classes() {
        assert_eq!(abbreviation("Gen"), Some(Abbrev::Prefix));
        assert_eq!(abbreviation("No"), Some(Abbrev::BeforeNumber));
        assert_eq!(abbreviation("U.S"), Some(Abbrev::Ambiguous));
        assert_eq!(abbreviation("E"), Some(Abbrev::Ambiguous));
        assert_eq!(abbreviation("e"), None);
        assert_eq!(abbreviation("gen"), None);
        assert_eq!(abbreviation("bbc.co.uk"), None);
        assert_eq!(abbreviation("3.5"), None);
    }

    /// Strings built from pieces that exercise the joiners and abbreviations, plus any char.
    pub(crate) fn newsy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("U.S.".to_string()),
            Just("Dr.".to_string()),
            Just("No.".to_string()),
            Just("E.".to_string()),
            Just("’s".to_string()),
            Just("'s".to_string()),
            Just("n't".to_string()),
            Just("...".to_string()),
            Just("--".to_string()),
            Just("-".to_string()),
            Just(".".to_string()),
            Just(",".to_string()),
            Just("&".to_string()),
            Just("/".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\u{200D}".to_string()),
            Just("\u{301}".to_string()),
            Just("🇬".to_string()),
            "[A-Za-z]{1,6}",
            "[0-9]{1,4}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn check_tokens(text: &str) -> Result<(), TestCaseError> {
        let tokens = tokenize(text);
        let mut prev_end = 0;
        for t in &tokens {
            let s = t.span;
            prop_assert!(s.start < s.end, "empty token {:?}", s);
            prop_assert!(s.start >= prev_end, "overlap or disorder at {:?}", s);
            prop_assert!(s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let tok = s.slice(text);
            prop_assert!(
                !tok.chars().any(char::is_whitespace),
                "whitespace in {:?}",
                tok
            );
            let gap = &text[prev_end..s.start];
            prop_assert!(gap.chars().all(char::is_whitespace), "uncovered {:?}", gap);
            prev_end = s.end;
        }
        prop_assert!(
            text[prev_end..].chars().all(char::is_whitespace),
            "uncovered tail"
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn tokens_partition_arbitrary_text(text in any::<String>()) {
            check_tokens(&text)?;
        }

        #[test]
        fn tokens_partition_newsy_text(text in newsy()) {
            check_tokens(&text)?;
        }
    }
}
