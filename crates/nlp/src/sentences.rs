//! Sentence splitter: turns a text and its tokens ([`crate::tokenize::tokenize`]) into sentence
//! byte spans.
//!
//! # How
//! The splitter collects *cut positions* and returns the trimmed, non-empty pieces between
//! consecutive cuts. Because the pieces partition the text, the output is by construction in
//! order, non-overlapping, on `char` boundaries, free of leading and trailing whitespace, and
//! covers every non-whitespace character exactly once, whatever the tokens say (tokens that
//! are out of bounds or not on char boundaries are ignored rather than trusted).
//!
//! # Where it cuts
//! - **Every line break** (`\n`, `\r`, U+2028, U+2029) is a hard boundary: clean text carries
//!   one paragraph per line or blank-line-separated paragraphs, and a headline or a dateline
//!   without final punctuation must not swallow the next paragraph.
//! - **After a terminal token** (`.`, `!`, `?`, `…`, `...`, `?!`, a word ending in an absorbed
//!   period), extended by the closing quotes and brackets glued to it (`“No.”` `(Done.)`),
//!   when whitespace follows and the next token starts a sentence: an upper-case or caseless
//!   letter, a digit, or an opening quote/bracket. So `“Why?” he asked` stays one sentence,
//!   and so does a run-on `end.Next` (no space).
//! - **After abbreviations**, decided with the tokenizer's own table
//!   (`tokenize::abbreviation`):
//!   - titles and prefixes (`Gen.`, `Dr.`, `Mr.`, `Col.`, `Mt.`, `e.g.`, `i.e.`, `vs.`) and
//!     `No.`/`Fig.` before a number never end a sentence;
//!   - abbreviations that may end one (`U.S.`, `U.K.`, `a.m.`, `Inc.`, `etc.`, `St.`, `Jan.`,
//!     an initial `E.`) end it only when the next word is a common sentence opener
//!     (`is_common_opener`: The, It, He, She, They, But, In, A, …). `the U.S. The deal…`
//!     splits, `U.S. officials`, `U.S. Army`, `St. Petersburg`, `Jan. 5` and
//!     `Michael E. Kurilla` do not; an opening quote glued to a capitalised word also counts
//!     (`Warner Bros. “The film…`). The price: `at 8 p.m. Gunmen…` and `Malcolm X. Besides…`
//!     are not split; a wrong split would cut a name, a missed one only joins two sentences.
//! - Decimals, dates and other numbers are single tokens (`3.5`, `2024-03-22`), so they are
//!   never cut inside.

use crate::tokenize::{abbreviation, Abbrev};
use dossier_model::{Span, Token};

/// Splits `text` into sentences, using `tokens` (from [`crate::tokenize::tokenize`] on the same
/// text) to find terminal punctuation. See the module documentation.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();

    // Hard boundaries. 0xE2 also finds U+2028/U+2029 (E2 80 A8/A9) among other characters.
    for pos in memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes) {
        if bytes[pos] != 0xE2
            || (bytes.get(pos + 1) == Some(&0x80)
                && matches!(bytes.get(pos + 2), Some(0xA8 | 0xA9)))
        {
            cuts.push(pos);
        }
    }

    // Soft boundaries after terminal tokens.
    let mut i = 0;
    while i < tokens.len() {
        let here = i;
        i += 1;
        let Some(tok) = token_str(text, &tokens[here]) else {
            continue;
        };
        // Fast reject: almost every token ends in a letter or digit.
        let last = tok.as_bytes()[tok.len() - 1];
        if last < 0x80 && !matches!(last, b'.' | b'!' | b'?') {
            continue;
        }
        let need_opener = if tok.chars().all(is_terminal) {
            false
        } else if tok.len() > 1 && last == b'.' {
            // A word with its period (the tokenizer only keeps periods on abbreviations; other
            // tokenizers may not, hence the `None` arm).
            let word = &tok[..tok.len() - 1];
            let piece = word
                .rsplit(['-', '\u{2010}', '\u{2011}'])
                .next()
                .unwrap_or(word);
            match abbreviation(piece) {
                Some(Abbrev::Prefix | Abbrev::BeforeNumber) => continue,
                Some(Abbrev::Ambiguous) => true,
                None => false,
            }
        } else {
            continue;
        };

        // Closing quotes, brackets and more terminal marks glued to it belong to the sentence.
        let mut end = tokens[here].span.end;
        while let Some(next) = tokens.get(i) {
            match token_str(text, next) {
                Some(s)
                    if next.span.start == end
                        && s.chars().all(|c| is_closer(c) || is_terminal(c)) =>
                {
                    end = next.span.end;
                    i += 1;
                }
                _ => break,
            }
        }

        let Some(next) = tokens.get(i) else { break };
        let Some(next_str) = token_str(text, next) else {
            continue;
        };
        let Some(gap) = text.get(end..next.span.start) else {
            continue;
        };
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            continue;
        }
        let starts = if need_opener {
            is_common_opener(next_str) || quote_then_capital(text, tokens, i)
        } else {
            starts_sentence(next_str)
        };
        if starts {
            cuts.push(end);
        }
    }

    // Tokens are normally in order and line breaks are found in order, but the two lists are
    // interleaved (and foreign token lists may be unsorted): sort once.
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut prev = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        push_trimmed(text, prev, cut, &mut out);
        prev = cut;
    }
    out
}

/// The token's text, or `None` when its span is empty, out of bounds or not on char boundaries.
#[inline]
fn token_str<'t>(text: &'t str, token: &Token) -> Option<&'t str> {
    let Span { start, end } = token.span;
    if start < end {
        text.get(start..end)
    } else {
        None
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + (piece.len() - piece.trim_start().len());
        out.push(Span::new(s, s + trimmed.len()));
    }
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '„'
            | '‚'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// After a plain terminal: an upper-case or caseless letter, a digit or an opening quote.
fn starts_sentence(token: &str) -> bool {
    let Some(c) = token.chars().next() else {
        return false;
    };
    (c.is_alphabetic() && !c.is_lowercase()) || c.is_numeric() || is_opener(c)
}

/// After an ambiguous abbreviation, an opening quote glued to a capitalised word also opens a
/// sentence (`…Warner Bros. “The film…`): a quotation rarely starts inside a noun phrase.
fn quote_then_capital(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(quote), Some(word)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let quote_ok = token_str(text, quote)
        .is_some_and(|q| q.chars().all(|c| matches!(c, '"' | '“' | '‘' | '«' | '„')));
    quote_ok
        && word.span.start == quote.span.end
        && token_str(text, word)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
}

/// Words that open sentences far more often than they follow an abbreviation inside one: the
/// evidence needed to split after an ambiguous abbreviation (`…to the U.S. The deal…`).
fn is_common_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "His"
            | "Her"
            | "Our"
            | "My"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Without"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "Also"
            | "However"
            | "Meanwhile"
            | "After"
            | "Before"
            | "As"
            | "If"
            | "When"
            | "While"
            | "Since"
            | "Although"
            | "Though"
            | "Despite"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "Both"
            | "All"
            | "Each"
            | "Other"
            | "Another"
            | "Such"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Now"
            | "Then"
            | "Still"
            | "Instead"
            | "Later"
            | "Earlier"
            | "Last"
            | "Today"
            | "Yesterday"
            | "According"
            | "Officials"
            | "Analysts"
            | "Police"
            | "Besides"
            | "Much"
            | "More"
            | "Only"
            | "Even"
            | "Not"
            | "Nor"
            | "Neither"
            | "Because"
            | "During"
            | "Under"
            | "Until"
            | "Here"
            | "Every"
            | "Few"
            | "Former"
            | "Once"
            | "Unlike"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{tests::newsy, tokenize};
    use dossier_model::TokenKind;
    use proptest::prelude::*;

    /// (input, expected sentences).
    const CASES: &[(&str, &[&str])] = &[
        ("", &[]),
        ("  \n \n", &[]),
        ("  One sentence only.  ", &["One sentence only."]),
        (
            "The attack began. Officials arrived!",
            &["The attack began.", "Officials arrived!"],
        ),
        ("Why? Because. Really!", &["Why?", "Because.", "Really!"]),
        (
            "Is it over?! Nobody knows.",
            &["Is it over?!", "Nobody knows."],
        ),
        // Titles and abbreviations do not end sentences.
        (
            "Gen. Kurilla spoke. Dr. Smith agreed.",
            &["Gen. Kurilla spoke.", "Dr. Smith agreed."],
        ),
        (
            "Mr. Jones met U.S. officials in St. Petersburg on Jan. 5. They talked.",
            &[
                "Mr. Jones met U.S. officials in St. Petersburg on Jan. 5.",
                "They talked.",
            ],
        ),
        (
            "He lives at No. 10 Downing Street. It is old.",
            &["He lives at No. 10 Downing Street.", "It is old."],
        ),
        (
            "Tools, e.g. Hammers, i.e. Heavy ones. Fine.",
            &["Tools, e.g. Hammers, i.e. Heavy ones.", "Fine."],
        ),
        (
            "England vs. France ended 2-1.",
            &["England vs. France ended 2-1."],
        ),
        (
            "Commander Michael E. Kurilla said so.",
            &["Commander Michael E. Kurilla said so."],
        ),
        (
            "Troops of the U.S. Army arrived.",
            &["Troops of the U.S. Army arrived."],
        ),
        ("The ex-Gen. Smith spoke.", &["The ex-Gen. Smith spoke."]),
        // Ambiguous abbreviation at a true sentence end: split before a common opener.
        (
            "The deal was sold to the U.S. The rest stayed.",
            &["The deal was sold to the U.S.", "The rest stayed."],
        ),
        (
            "It grew at Apple Inc. It shrank elsewhere.",
            &["It grew at Apple Inc.", "It shrank elsewhere."],
        ),
        (
            "Pears, plums etc. But not apples.",
            &["Pears, plums etc.", "But not apples."],
        ),
        (
            "They fought in World War I. The war ended.",
            &["They fought in World War I.", "The war ended."],
        ),
        (
            "The film came from Warner Bros. “The plot is thin,” he said.",
            &[
                "The film came from Warner Bros.",
                "“The plot is thin,” he said.",
            ],
        ),
        (
            "He fought the U.S. “war on terror” alone.",
            &["He fought the U.S. “war on terror” alone."],
        ),
        (
            "The U.S.-led coalition won. Next came talks.",
            &["The U.S.-led coalition won.", "Next came talks."],
        ),
        // "No" the answer is not "No." the number sign.
        (
            "He said No. Then he left.",
            &["He said No.", "Then he left."],
        ),
        // Numbers are not cut.
        (
            "Growth was 3.5 percent. Prices rose.",
            &["Growth was 3.5 percent.", "Prices rose."],
        ),
        (
            "It cost £1,000. 3,000 more came.",
            &["It cost £1,000.", "3,000 more came."],
        ),
        (
            "It happened on 2024-03-22. Then it stopped.",
            &["It happened on 2024-03-22.", "Then it stopped."],
        ),
        // Closing quotes and brackets stay with their sentence.
        (
            "He said: “No.” Then he left.",
            &["He said: “No.”", "Then he left."],
        ),
        (
            "He said: \"No.\" \"Yes,\" she said.",
            &["He said: \"No.\"", "\"Yes,\" she said."],
        ),
        (
            "The group (IS-K) struck. (Officials confirmed.) Then calm.",
            &[
                "The group (IS-K) struck.",
                "(Officials confirmed.)",
                "Then calm.",
            ],
        ),
        (
            "“We will win.” “We will not,” they said.",
            &["“We will win.”", "“We will not,” they said."],
        ),
        ("He asked “why?” and left.", &["He asked “why?” and left."]),
        ("‘It is over.’ She left.", &["‘It is over.’", "She left."]),
        // Ellipses.
        ("They left… Then silence.", &["They left…", "Then silence."]),
        (
            "They left... Then silence.",
            &["They left...", "Then silence."],
        ),
        (
            "They waited... and waited.",
            &["They waited... and waited."],
        ),
        // No split without the space or before lower case.
        (
            "lower case after a period. next one",
            &["lower case after a period. next one"],
        ),
        ("Run-on sentence.Next one.", &["Run-on sentence.Next one."]),
        // Line breaks are hard boundaries.
        (
            "Headline without stop\nBody starts here.",
            &["Headline without stop", "Body starts here."],
        ),
        (
            "First paragraph.\n\nSecond paragraph.",
            &["First paragraph.", "Second paragraph."],
        ),
        ("Broken at Gen.\nKurilla", &["Broken at Gen.", "Kurilla"]),
        ("Windows\r\nline\rends", &["Windows", "line", "ends"]),
        (
            "Unicode\u{2029}separators\u{2028}too",
            &["Unicode", "separators", "too"],
        ),
        // Other scripts.
        (
            "Война началась. Мир ждёт.",
            &["Война началась.", "Мир ждёт."],
        ),
        ("¿Qué pasó? ¡Nada!", &["¿Qué pasó?", "¡Nada!"]),
    ];

    #[test]
    fn table() {
        for &(input, expected) in CASES {
            let spans = split(input, &tokenize(input));
            let got: Vec<&str> = spans.iter().map(|s| s.slice(input)).collect();
            assert_eq!(got, expected, "sentences of {input:?}");
        }
    }

    #[test]
    fn foreign_tokens_are_not_trusted() {
        // Whitespace-split tokens (periods attached) still give sensible sentences.
        let text = "It ended. Then Gen. Smith spoke.";
        let mut tokens = Vec::new();
        let mut pos = 0;
        for w in text.split(' ') {
            tokens.push(Token {
                span: Span::new(pos, pos + w.len()),
                kind: TokenKind::Word,
            });
            pos += w.len() + 1;
        }
        let got: Vec<&str> = split(text, &tokens).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["It ended.", "Then Gen. Smith spoke."]);
        // Garbage spans are ignored; no tokens at all still gives the lines.
        let garbage = [Token {
            span: Span::new(7, 1000),
            kind: TokenKind::Punct,
        }];
        assert_eq!(split(text, &garbage), [Span::new(0, text.len())]);
        assert_eq!(split("a\nb", &[]), [Span::new(0, 1), Span::new(2, 3)]);
    }

    fn check_sentences(text: &str, tokens: &[Token], spans: &[Span]) -> Result<(), TestCaseError> {
        let mut prev_end = 0;
        for s in spans {
            prop_assert!(s.start < s.end, "empty sentence {:?}", s);
            prop_assert!(s.start >= prev_end, "overlap or disorder at {:?}", s);
            prop_assert!(s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let sentence = s.slice(text);
            prop_assert_eq!(sentence.trim(), sentence, "not trimmed");
            prop_assert!(
                !sentence.contains(['\n', '\r']),
                "line break inside {:?}",
                sentence
            );
            let gap = &text[prev_end..s.start];
            prop_assert!(gap.chars().all(char::is_whitespace), "uncovered {:?}", gap);
            prev_end = s.end;
        }
        prop_assert!(
            text[prev_end..].chars().all(char::is_whitespace),
            "uncovered tail"
        );
        // With its own tokens, no sentence boundary falls inside a token.
        for t in tokens {
            prop_assert!(
                spans.iter().any(|s| s.contains(t.span)),
                "token {:?} cut",
                t.span
            );
        }
        Ok(())
    }

    fn garbage_tokens() -> impl Strategy<Value = Vec<Token>> {
        prop::collection::vec(
            (0usize..80, 0usize..80).prop_map(|(start, end)| Token {
                span: Span::new(start, end),
                kind: TokenKind::Punct,
            }),
            0..20,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn sentences_partition_arbitrary_text(text in any::<String>()) {
            let tokens = tokenize(&text);
            check_sentences(&text, &tokens, &split(&text, &tokens))?;
        }

        #[test]
        fn sentences_partition_newsy_text(text in newsy()) {
            let tokens = tokenize(&text);
            check_sentences(&text, &tokens, &split(&text, &tokens))?;
        }

        #[test]
        fn sentences_partition_with_garbage_tokens(text in newsy(), tokens in garbage_tokens()) {
            check_sentences(&text, &[], &split(&text, &tokens))?;
        }
    }
}
