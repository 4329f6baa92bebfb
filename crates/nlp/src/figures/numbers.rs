//! Numbers as news writes them, shared by the figure and the time-expression annotators.
//!
//! A number is read from one or more tokens: digits with separators (`1,000`, `3.5`), digits
//! with a scale (`1.5 million`, `5m`, `2bn`), number words (`two`, `twenty-four`,
//! `one hundred and fifty`, `a hundred`, `a dozen`), or both (`2 million`). Everything works on
//! the ASCII-lowercased copy of the text (`Lowered`), whose byte offsets equal the text's, so a
//! token's lowercase form is a slice and nothing is allocated per token.
//!
//! The lexicons are `match` tables on the lowercase word: the compiler turns them into length
//! and byte comparisons, with no hashing and no regular expressions.

use dossier_model::{Token, TokenKind};

/// The text and its ASCII-lowercased copy (same byte offsets), with the tokens.
pub(crate) struct Lowered<'a> {
    pub text: &'a str,
    pub lower: String,
    pub tokens: &'a [Token],
}

impl<'a> Lowered<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Lowered<'a> {
        Lowered {
            text,
            lower: text.to_ascii_lowercase(),
            tokens,
        }
    }

    /// The lowercase text of token `i` ("" when out of range or not on char boundaries).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self.lower.get(t.span.start..t.span.end).unwrap_or(""),
            None => "",
        }
    }

    /// The original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self.text.get(t.span.start..t.span.end).unwrap_or(""),
            None => "",
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// True when token `i` starts with an upper-case letter.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// `zero` … `nineteen`.
pub(crate) fn unit_word(w: &str) -> Option<i64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// `twenty` … `ninety`.
pub(crate) fn tens_word(w: &str) -> Option<i64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Multipliers: `hundred`, `thousand`, `million` (and `m`, `bn` after digits).
pub(crate) fn scale_word(w: &str) -> Option<i64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// One word that is a whole number below 100: `seven`, `forty`, `twenty-four`.
pub(crate) fn small_number_word(w: &str) -> Option<i64> {
    if let Some(v) = unit_word(w).or_else(|| tens_word(w)) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens_word(a)? + unit_word(b).filter(|v| (1..=9).contains(v))?)
}

/// Ordinal words and digits: `first`, `third`, `twenty-first`, `24th`, `3rd`.
pub(crate) fn ordinal(w: &str) -> Option<i64> {
    let v = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => {
            if let Some(digits) = w
                .strip_suffix("st")
                .or_else(|| w.strip_suffix("nd"))
                .or_else(|| w.strip_suffix("rd"))
                .or_else(|| w.strip_suffix("th"))
            {
                if !digits.is_empty()
                    && digits.len() <= 4
                    && digits.bytes().all(|b| b.is_ascii_digit())
                {
                    return digits.parse().ok();
                }
            }
            let (a, b) = w.split_once('-')?;
            return Some(tens_word(a)? + ordinal(b).filter(|v| (1..=9).contains(v))?);
        }
    };
    Some(v)
}

/// Plain digits with thousands separators and an optional decimal part: `1,000`, `3.5`, `137`.
/// `None` for anything else (`9/11`, `10:30`, `2024-03-22`, `24th`, `1980s`).
pub(crate) fn plain_digits(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || b.len() > 24 {
        return None;
    }
    let mut seen_dot = false;
    let mut buf = [0u8; 24];
    let mut n = 0;
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                buf[n] = c;
                n += 1;
            }
            b',' if !seen_dot => {
                // A thousands separator: exactly three digits follow.
                let rest = &b[k + 1..];
                let group = rest.iter().take_while(|c| c.is_ascii_digit()).count();
                if group != 3 {
                    return None;
                }
            }
            b'.' if !seen_dot && k + 1 < b.len() => {
                seen_dot = true;
                buf[n] = b'.';
                n += 1;
            }
            _ => return None,
        }
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

/// Digits with a glued scale suffix: `5m`, `2bn`, `10k`, `1.5m`.
fn digits_with_suffix(s: &str) -> Option<f64> {
    let split = s.bytes().position(|c| c.is_ascii_alphabetic())?;
    let (num, suffix) = s.split_at(split);
    let scale = match suffix {
        "m" | "mn" | "mln" => 1e6,
        "bn" | "b" => 1e9,
        "k" => 1e3,
        "tn" => 1e12,
        _ => return None,
    };
    Some(plain_digits(num)? * scale)
}

/// A number read at token `i`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    /// One past the last token of the number.
    pub end: usize,
    pub value: f64,
    /// Written (at least partly) in words.
    pub words: bool,
    /// Digits only, no separator, no scale: `2015` (a year candidate).
    pub bare_digits: bool,
}

/// Reads a cardinal number starting at token `i`: digits, digits with a scale, or number words.
/// `a`/`an` count as one only before `hundred`, `thousand`, `million`, `billion` or `dozen`.
pub(crate) fn parse_number(doc: &Lowered, i: usize) -> Option<Num> {
    let w = doc.low(i);
    if w.is_empty() {
        return None;
    }
    if doc.is_num(i) {
        let (mut value, bare) = match plain_digits(w) {
            Some(v) => (v, w.bytes().all(|c| c.is_ascii_digit())),
            None => (digits_with_suffix(w)?, false),
        };
        let mut end = i + 1;
        let mut words = false;
        if let Some(s) = scale_word(doc.low(end)) {
            value *= s as f64;
            end += 1;
            words = true;
        } else if doc.low(end) == "dozen" {
            value *= 12.0;
            end += 1;
            words = true;
        }
        return Some(Num {
            end,
            value,
            words,
            bare_digits: bare && end == i + 1,
        });
    }
    // Words: total = sum of (group × scale); group accumulates units, tens and hundreds.
    let mut k = i;
    let mut total: i64 = 0;
    let mut group: i64 = 0;
    let mut any = false;
    let mut last_end = i;
    if matches!(w, "a" | "an") {
        let next = doc.low(i + 1);
        if scale_word(next).is_some() || next == "dozen" {
            group = 1;
            k = i + 1;
        } else {
            return None;
        }
    }
    loop {
        let t = doc.low(k);
        if let Some(v) = small_number_word(t) {
            if group % 100 != 0 && group != 0 && !(group >= 20 && group % 10 == 0 && v < 10) {
                break; // "two three" is not a number
            }
            group += v;
            any = true;
            k += 1;
            last_end = k;
        } else if t == "hundred" {
            group = group.max(1) * 100;
            any = true;
            k += 1;
            last_end = k;
            // "one hundred and fifty"
            if doc.low(k) == "and" && small_number_word(doc.low(k + 1)).is_some() {
                k += 1;
            }
        } else if let Some(s) = scale_word(t) {
            total += group.max(1) * s;
            group = 0;
            any = true;
            k += 1;
            last_end = k;
        } else if t == "dozen" {
            group = group.max(1) * 12;
            any = true;
            k += 1;
            last_end = k;
        } else {
            break;
        }
        if k > i + 12 {
            break;
        }
    }
    if !any {
        return None;
    }
    Some(Num {
        end: last_end,
        value: (total + group) as f64,
        words: true,
        bare_digits: false,
    })
}

/// Fractions read as shares in per cent: `a third` 33, `half` 50, `two-thirds` 67,
/// `a quarter` 25, `three-quarters` 75. Returns the token after the fraction and the value.
pub(crate) fn parse_fraction(doc: &Lowered, i: usize) -> Option<(usize, i64)> {
    let w = doc.low(i);
    let single = |w: &str| -> Option<i64> {
        Some(match w {
            "half" => 50,
            "two-thirds" => 67,
            "three-quarters" => 75,
            "one-third" => 33,
            "one-quarter" => 25,
            "one-fifth" => 20,
            "two-fifths" => 40,
            "three-fifths" => 60,
            _ => return None,
        })
    };
    if let Some(v) = single(w) {
        return Some((i + 1, v));
    }
    if matches!(w, "a" | "one") {
        let v = match doc.low(i + 1) {
            "third" => 33,
            "quarter" => 25,
            "fifth" => 20,
            "tenth" => 10,
            "half" => 50,
            _ => return None,
        };
        return Some((i + 2, v));
    }
    if let Some(n) = unit_word(w).filter(|n| (2..=9).contains(n)) {
        let d = match doc.low(i + 1) {
            "thirds" => 3,
            "quarters" => 4,
            "fifths" => 5,
            "tenths" => 10,
            _ => return None,
        };
        return Some((i + 2, (n * 100 + d / 2) / d));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn num(text: &str) -> Option<(f64, usize)> {
        let tokens = tokenize(text);
        let doc = Lowered::new(text, &tokens);
        parse_number(&doc, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn numbers_table() {
        let cases: &[(&str, Option<(f64, usize)>)] = &[
            ("137 people", Some((137.0, 1))),
            ("1,000 Afghans", Some((1000.0, 1))),
            ("6,000 fighters", Some((6000.0, 1))),
            ("3.5 million", Some((3_500_000.0, 2))),
            ("5m", Some((5_000_000.0, 1))),
            ("two staff members", Some((2.0, 1))),
            ("twenty-four hours", Some((24.0, 1))),
            ("twenty four hours", Some((24.0, 2))),
            ("one hundred and fifty dead", Some((150.0, 4))),
            ("a hundred people", Some((100.0, 2))),
            ("a dozen", Some((12.0, 2))),
            ("two thousand", Some((2000.0, 2))),
            ("a man", None),
            ("9/11", None),
            ("10:30", None),
            ("24th", None),
            ("1980s", None),
            ("1,00", None),
        ];
        for (text, want) in cases {
            assert_eq!(num(text), *want, "{text}");
        }
    }

    #[test]
    fn ordinals_and_fractions() {
        assert_eq!(ordinal("24th"), Some(24));
        assert_eq!(ordinal("third"), Some(3));
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert_eq!(ordinal("the"), None);
        let text = "about a third of it and two thirds";
        let tokens = tokenize(text);
        let doc = Lowered::new(text, &tokens);
        assert_eq!(parse_fraction(&doc, 1), Some((3, 33)));
        assert_eq!(parse_fraction(&doc, 6), Some((8, 67)));
    }
}
