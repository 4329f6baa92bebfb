//! Quotes: direct and reported speech, with speaker and cue spans.
//!
//! # What
//! [`annotate`] finds, in one document,
//! - **direct quotes**: the characters between quotation marks (straight, curly, `« »`,
//!   `„ “`, single or double, nested, running across paragraphs, split by their cue as in
//!   `"It means," he said, "that …"`, or opened by a dash in dialogue style, `– We are ready,
//!   said the harbour master`), attributed to a speaker by a communication act;
//! - **reported speech**: the content clause of a reporting verb (`X said that …`,
//!   `X told a hearing that …`, `according to X, …`, `…, X said.`).
//!
//! Scare quotes (a word or two in marks with no communication act that governs them) are not
//! quotes. The speaker is the name in the source noun phrase (the entity mention when the
//! tagger found one, else the run of capitalised words at the phrase's head, titles
//! stripped), the whole phrase for unnamed sources ("a senior Western intelligence official"),
//! or, for a pronoun, the span of its antecedent (the nearest compatible speaker or name
//! before it), so that the dossier merge can link speakers to entities by span overlap.
//!
//! [`attributions`] gives the same analysis as PARC-style attribution relations (source noun
//! phrase as written, cue, content fragments with their quotation marks), for the evaluation
//! on PolNeAR. With [`Profile::Parc`] the relations come instead from the learned tagger
//! ([`learned`], trained on PolNeAR, `models/quotes.bin`), because PARC's cues (beliefs,
//! perceptions, nouns, `:`, a long tail of verbs) are beyond a hand lexicon; the rules below
//! serve when no model is built in. [`annotate`] (the extraction contract) stays rule-based.
//!
//! # How (why rules)
//! Rule-based scanning, one pass per stage, no regex: each token is looked up once in the
//! word tables ([`lexicon`]); quotation marks are paired by an automaton ([`marks`]); each
//! quoted piece then looks for its cue after its closing mark (`"…," she said`), linked just
//! before its opening mark (`said: "`, `described it as "`), or as the first reporting verb of
//! its sentence (`He said analysts … "…"`), and otherwise continues the voice of the quote
//! before it (same or previous paragraph). Reporting verbs outside quotes are read with their
//! frames (addressee, `that`, inversion) to cut the content clause. Noun phrases are found by
//! walking left or right over words that can belong to one (determiners, capitalised words,
//! role nouns, modifiers, `of`), stopping at verbs of the closed classes, conjunctions and
//! punctuation; appositives (`X, the head of Y, said`) are skipped to the name.
//! This costs a fraction of tokenization and needs no tagger: entity spans, when present,
//! only refine the speaker span.

pub mod learned;
pub(crate) mod lexicon;
pub(crate) mod marks;
#[cfg(test)]
mod tests;

use dossier_model::{Entity, EntityType, Quote, Span, Token, TokenKind};
use lexicon::{Cue, CueClass, Entry, Form};
use marks::Piece;

/// Which verbs count as cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Communication acts only: quotes of a speaker (the extraction contract).
    Speech,
    /// Also beliefs, intentions and perceptions, as PARC 3.0 / PolNeAR annotate attribution.
    Parc,
}

/// An attribution relation in the PARC sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The source noun phrase as written (appositive and title included; pronouns unresolved).
    pub source: Option<Span>,
    /// The speaker span of the [`Quote`] contract (name, descriptor or resolved antecedent).
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
    /// Content fragments, in order; for direct quotes with their quotation marks.
    pub content: Vec<Span>,
    pub direct: bool,
}

/// Direct and reported speech with speaker and cue spans.
pub fn annotate(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
) -> Vec<Quote> {
    let doc = Doc::new(text, tokens, sentences, entities);
    find(&doc, Profile::Speech)
        .into_iter()
        .filter(|f| !f.minor)
        .map(|f| Quote {
            span: f.content,
            direct: f.direct,
            speaker: f.speaker,
            cue: f.cue,
        })
        .collect()
}

/// Attribution relations (PARC style): fragments sharing a cue form one relation.
pub fn attributions(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    profile: Profile,
) -> Vec<Attribution> {
    if profile == Profile::Parc {
        if let Some(tagger) = learned::QuoteTagger::builtin() {
            return parc_attributions(tagger, text, tokens, sentences, entities);
        }
    }
    rule_attributions(text, tokens, sentences, entities, profile)
}

/// The Parc profile's relations with `tagger`: the tagger's, and the rules' attribution lines
/// where it found nothing.
pub fn parc_attributions(
    tagger: &learned::QuoteTagger,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
) -> Vec<Attribution> {
    let mut out = learned_attributions(tagger, text, tokens, sentences);
    // The tagger has seen few attribution lines (`"…" ― Name`) and transcript speaker
    // lines (`WALLACE: …`); the rules that read them add those where it found nothing.
    let lines = rule_attributions(text, tokens, sentences, entities, Profile::Parc)
        .into_iter()
        .filter(|a| a.cue.is_some_and(|c| is_dash_text(c.slice(text))));
    add_where_free(&mut out, lines.chain(colon_lines(text, tokens)));
    out.sort_by_key(|a| a.cue.map_or(0, |c| c.start));
    out
}

/// Adds each relation of `extra` whose cue and source overlap no cue or source of a relation
/// already in `out` (nor a relation added before it). A line's quotation is one relation's
/// content: PolNeAR's annotation is univocal (every token has one role in one relation), so
/// the relations `out` finds inside that content (the quoted speaker's own `he said` or
/// `I am afraid`) give way to it, and the line is added even where their content covers it.
fn add_where_free(out: &mut Vec<Attribution>, extra: impl Iterator<Item = Attribution>) {
    let heads =
        |a: &Attribution| -> Vec<Span> { a.cue.iter().chain(a.source.iter()).copied().collect() };
    for a in extra {
        let mine = heads(&a);
        let taken = out
            .iter()
            .any(|b| heads(b).iter().any(|x| mine.iter().any(|y| x.overlaps(*y))));
        if taken {
            continue;
        }
        out.retain(|b| {
            !b.cue.is_some_and(|c| {
                a.content
                    .iter()
                    .any(|q| q.start <= c.start && c.end <= q.end)
            })
        });
        out.push(a);
    }
}

/// A dash that can stand for a cue or open a quote: em, en, horizontal bar, double hyphen.
fn is_dash_text(s: &str) -> bool {
    matches!(s, "—" | "–" | "--" | "―")
}

/// Speaker lines, as transcripts and headlines write them: a paragraph (or the text after its
/// opening quotation mark) that starts with a capitalised name of at most four words and a
/// colon (`WALLACE: Let's start …`, `Pat Caddell: Democrat voters worried …`). The colon is the
/// cue, the name the source, the rest of the paragraph the content. PARC profile only: in the
/// extraction contract a headline's `Poll: …` is not a quote of a speaker.
fn colon_lines(text: &str, tokens: &[Token]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // The first token of a paragraph, past an opening quotation mark.
        let line_start =
            i == 0 || text[tokens[i - 1].span.end..tokens[i].span.start].contains('\n');
        if !line_start {
            i += 1;
            continue;
        }
        let mut k = i;
        if matches!(tokens[k].span.slice(text), "\"" | "“" | "'" | "‘") {
            k += 1;
        }
        let name_start = k;
        while k < tokens.len()
            && k - name_start < 4
            && tokens[k].kind == TokenKind::Word
            && tokens[k]
                .span
                .slice(text)
                .starts_with(|c: char| c.is_uppercase())
        {
            k += 1;
        }
        let colon = k;
        // A name has no function words (`Stealth Over Health:`, `The Latest:` are a headline's
        // kicker and a column's label) and is no editorial label (`Correction:`).
        let name_like = (name_start..colon).all(|t| {
            let w = tokens[t].span.slice(text);
            lexicon::lookup(w).flags & (lexicon::DET | lexicon::AUX | lexicon::PREP | lexicon::STOP)
                == 0
                && !is_editorial_label(w)
        });
        if colon > name_start
            && name_like
            && colon < tokens.len()
            && tokens[colon].span.slice(text) == ":"
            && !text[tokens[colon - 1].span.end..tokens[colon].span.start].contains('\n')
        {
            let para_end = text[tokens[colon].span.end..]
                .find('\n')
                .map_or(text.len(), |p| tokens[colon].span.end + p);
            let content_start = tokens
                .get(colon + 1)
                .map(|t| t.span.start)
                .filter(|&s| s < para_end);
            if let Some(cs) = content_start {
                let content_end = text[cs..para_end].trim_end().len() + cs;
                let source = Span::new(tokens[name_start].span.start, tokens[colon - 1].span.end);
                out.push(Attribution {
                    source: Some(source),
                    speaker: Some(source),
                    cue: Some(tokens[colon].span),
                    content: vec![Span::new(cs, content_end)],
                    direct: false,
                });
            }
        }
        i = k.max(i + 1);
    }
    out
}

/// `not`, `never`, `cannot` and contractions in `n't`.
pub(crate) fn is_negation_word(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        l.ends_with("n't") || l.ends_with("n’t") || matches!(l, "not" | "never" | "cannot")
    })
}

/// What one claims by winning or taking it (`claimed the title`, `claimed three lives`).
fn is_prize_noun(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "title"
                | "titles"
                | "crown"
                | "medal"
                | "medals"
                | "gold"
                | "silver"
                | "bronze"
                | "victory"
                | "win"
                | "wins"
                | "trophy"
                | "cup"
                | "place"
                | "spot"
                | "seat"
                | "seats"
                | "prize"
                | "award"
                | "record"
                | "lead"
                | "points"
                | "point"
                | "share"
                | "stake"
                | "lives"
                | "life"
                | "scalp"
                | "wicket"
                | "wickets"
                | "pole"
                | "honours"
                | "championship"
                | "double"
                | "treble"
                | "hat-trick"
                | "bonus"
        )
    })
}

/// Words that label a paragraph of a page rather than name a speaker: `Correction:`,
/// `Clarification:`, `Source:`, `Update:`, `Note:`.
fn is_editorial_label(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "correction"
                | "corrections"
                | "clarification"
                | "source"
                | "sources"
                | "update"
                | "updated"
                | "note"
                | "editor"
                | "photo"
                | "photos"
                | "video"
                | "caption"
                | "credit"
                | "related"
                | "disclosure"
                | "advertisement"
                | "exclusive"
                | "breaking"
                | "watch"
                | "read"
                | "listen"
                | "transcript"
                | "summary"
                | "background"
        )
    })
}

/// Attribution relations from the rules (quote marks, cue lexicon, frames).
fn rule_attributions(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    profile: Profile,
) -> Vec<Attribution> {
    let doc = Doc::new(text, tokens, sentences, entities);
    let found = find(&doc, profile);
    let mut out: Vec<Attribution> = Vec::new();
    for f in found {
        let frag = f.marked;
        if let Some(a) = out.iter_mut().find(|a| f.cue.is_some() && a.cue == f.cue) {
            // Join fragments separated by nothing but whitespace (a clause running into a quote).
            let last = a.content.last_mut().expect("attributions have content");
            if last.end <= frag.start && text[last.end..frag.start].trim().is_empty() {
                last.end = frag.end;
            } else if !a.content.iter().any(|c| c.overlaps(frag)) {
                a.content.push(frag);
                a.content.sort();
            }
            a.direct |= f.direct;
            if a.source.is_none() {
                a.source = f.source;
                a.speaker = f.speaker;
            }
        } else {
            out.push(Attribution {
                source: f.source,
                speaker: f.speaker,
                cue: f.cue,
                content: vec![frag],
                direct: f.direct,
            });
        }
    }
    out
}

/// Attribution relations from a learned tagger ([`learned`]): one per cue span.
pub fn learned_attributions(
    tagger: &learned::QuoteTagger,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
) -> Vec<Attribution> {
    tagger
        .relations(text, tokens, sentences)
        .into_iter()
        .map(|r| Attribution {
            source: r.source,
            speaker: r.source,
            cue: Some(r.cue),
            direct: r.content.first().is_some_and(|c| {
                text[c.start..c.end].starts_with(['"', '\u{201C}', '\u{201E}', '\u{00AB}'])
            }),
            content: r.content,
        })
        .collect()
}

/// One found piece of quoted or reported content.
#[derive(Debug, Clone)]
struct Found {
    /// Between the marks (direct) or the content clause (reported).
    content: Span,
    /// With the marks (direct); equal to `content` for reported speech.
    marked: Span,
    direct: bool,
    source: Option<Span>,
    speaker: Option<Span>,
    cue: Option<Span>,
    /// A reported clause of fewer than three tokens running into a direct quote: part of the
    /// relation for PARC, not a quote of its own.
    minor: bool,
    /// The speaker is an unresolved pronoun (token index).
    pronoun: Option<usize>,
}

/// The tokenized document with per-token facts the annotators share.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub info: Vec<Entry>,
    /// Sentence index of each token.
    pub sent: Vec<u32>,
    /// Token range `[start, end)` of each sentence.
    pub sent_toks: Vec<(usize, usize)>,
    /// Paragraph index of each token (a newline between two tokens starts a paragraph).
    pub para: Vec<u32>,
    /// Entity mentions sorted by start (mentions do not overlap, so also by end).
    pub entities: Vec<Entity>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Token],
        sentences: &[Span],
        entities: &'a [Entity],
    ) -> Doc<'a> {
        let mut info = Vec::with_capacity(toks.len());
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0u32;
        let mut prev_end = 0usize;
        for t in toks {
            let s = text.get(t.span.start..t.span.end).unwrap_or("");
            info.push(if t.kind == TokenKind::Word {
                lexicon::lookup(s)
            } else {
                Entry::default()
            });
            if t.span.start >= prev_end
                && text
                    .get(prev_end..t.span.start)
                    .is_some_and(|g| g.contains('\n'))
            {
                p += 1;
            }
            para.push(p);
            prev_end = t.span.end;
        }
        // Sentences and tokens are both in order: one merge pass.
        let mut sent = vec![0u32; toks.len()];
        let mut sent_toks = Vec::with_capacity(sentences.len().max(1));
        let mut k = 0;
        for (si, s) in sentences.iter().enumerate() {
            let start = k;
            while k < toks.len() && toks[k].span.start < s.end {
                sent[k] = si as u32;
                k += 1;
            }
            sent_toks.push((start, k));
        }
        if k < toks.len() {
            let si = sent_toks.len() as u32;
            for s in &mut sent[k..] {
                *s = si;
            }
            sent_toks.push((k, toks.len()));
        }
        let mut entities = entities.to_vec();
        entities.sort_by_key(|e| (e.span.start, e.span.end));
        Doc {
            text,
            toks,
            info,
            sent,
            sent_toks,
            para,
            entities,
        }
    }

    /// The first token of a time phrase that ends at token `t` and opens with a preposition or
    /// a deictic word (`on Sunday`, `last week`, `earlier this month`), if there is one.
    pub(crate) fn time_phrase_ending_at(&self, t: usize, lo: usize) -> Option<usize> {
        let is_time_noun = |k: usize| {
            let w = self.tok_text(k);
            is_period_noun(w) || is_month_name(w)
        };
        if !is_time_noun(t) {
            return None;
        }
        let mut k = t;
        while k > lo + 1 {
            let w = self.tok_text(k - 1);
            let opener = lexicon::with_lower(w, |l| {
                matches!(
                    l,
                    "on" | "in" | "at" | "during" | "last" | "this" | "next" | "earlier"
                )
            });
            let inner = lexicon::with_lower(w, |l| matches!(l, "the" | "early" | "late"))
                || is_time_noun(k - 1);
            if opener {
                // Opened: the phrase may go on to the left (`earlier this week`).
                k -= 1;
                if k > lo + 1 && self.is(k - 1, "earlier") {
                    k -= 1;
                }
                return Some(k).filter(|&s| s > lo && self.is_word(s - 1));
            }
            if !inner {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// The entity mentions overlapping the byte range `[from, to)` (a binary search).
    pub(crate) fn entities_in(&self, from: usize, to: usize) -> &[Entity] {
        let a = self.entities.partition_point(|e| e.span.end <= from);
        let b = self.entities.partition_point(|e| e.span.start < to);
        &self.entities[a..b.max(a)]
    }

    pub(crate) fn tok_text(&self, i: usize) -> &'a str {
        let s = self.toks[i].span;
        self.text.get(s.start..s.end).unwrap_or("")
    }
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Word
    }
    pub(crate) fn flags(&self, i: usize) -> u32 {
        self.info[i].flags
    }
    pub(crate) fn has(&self, i: usize, f: u32) -> bool {
        self.info[i].flags & f != 0
    }
    /// A word starting with an upper-case letter (or a digit-free acronym).
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .tok_text(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.tok_text(i).eq_ignore_ascii_case(s)
    }
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        matches!(self.tok_text(i), "'s" | "’s" | "'S" | "’S")
    }
    /// Token range of the sentence holding token `i` (empty past the end).
    pub(crate) fn sent_range(&self, i: usize) -> (usize, usize) {
        match self.sent.get(i) {
            Some(&s) => self.sent_toks[s as usize],
            None => (self.toks.len(), self.toks.len()),
        }
    }
    /// The text of the sentence holding token `i`.
    pub(crate) fn sentence_text(&self, i: usize) -> &'a str {
        let (a, b) = self.sent_range(i);
        if a >= b {
            return "";
        }
        &self.text[self.toks[a].span.start..self.toks[b - 1].span.end]
    }
    pub(crate) fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.toks[from].span.start, self.toks[to].span.end)
    }
    pub(crate) fn is_mark(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct
            && matches!(
                self.tok_text(i),
                "\"" | "“"
                    | "”"
                    | "„"
                    | "«"
                    | "»"
                    | "‘"
                    | "’"
                    | "'"
                    | "''"
                    | "``"
                    | "‹"
                    | "›"
                    | "‚"
            )
    }
    /// Sentence-level separators inside a sentence.
    pub(crate) fn is_hard_punct(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct
            && matches!(
                self.tok_text(i),
                "." | ";" | "!" | "?" | "—" | "–" | "(" | ")" | "..." | "…"
            )
    }
    fn is_dash(&self, i: usize) -> bool {
        is_dash_text(self.tok_text(i))
    }

    /// The cue starting at token `i`, if it is one in this context: `(cue, last token)`.
    pub(crate) fn cue_at(&self, i: usize, profile: Profile) -> Option<(Cue, usize)> {
        let cue = self.info[i].cue?;
        if cue.class == CueClass::Belief && profile == Profile::Speech {
            return None;
        }
        // A capitalised word inside a name is the name's (`Gen. Omar Said, warned …`).
        let span = self.toks[i].span;
        if self.cap(i) && !self.entities_in(span.start, span.end).is_empty() {
            return None;
        }
        let mut last = i;
        if let Some(p) = cue.particle {
            if i + 1 < self.toks.len() && self.is(i + 1, p) {
                last = i + 1;
            } else {
                return None;
            }
        }
        if self.adjective_participle(i) {
            return None;
        }
        // What was not said is no quote in the extraction (`did not say`, `I don't recall`);
        // PARC annotates negated attributions too.
        if profile == Profile::Speech && self.negated(i) {
            return None;
        }
        let prev = self.prev_word_skipping(i, lexicon::ADV);
        // Passive (`was told`, `is said to`): not a cue of a speaker here.
        if cue.form == Form::Past {
            if let Some(p) = prev {
                if self.has(p, lexicon::BE) {
                    return None;
                }
            }
        }
        let nounish = cue.frames & lexicon::F_NOUNY != 0 || cue.form == Form::Ing;
        if nounish && cue.form != Form::Past {
            // `the claims`, `Moscow’s claims`, `a warning`, `amid fresh claims`: nouns.
            if i > 0 && (self.has(i - 1, lexicon::DET) || self.is_possessive(i - 1)) {
                return None;
            }
            if cue.form != Form::Ing
                && i > 1
                && self.is_word(i - 1)
                && !self.cap(i - 1)
                && !self.has(i - 1, lexicon::PRON | lexicon::AUX | lexicon::ADV)
                && self.has(i - 2, lexicon::PREP)
                && !self.is(i - 2, "of")
            {
                // A preposition's object with an adjective (`amid fresh claims that …`); after
                // `of` the word before may be a noun (`the head of the party claims`).
                return None;
            }
            if cue.form != Form::Ing
                && i > 1
                && self.is_word(i - 1)
                && !self.cap(i - 1)
                && self.flags(i - 1) & (lexicon::DET | lexicon::PRON | lexicon::PREP) == 0
                && (self.has(i - 2, lexicon::AUX) && !self.has(i - 2, lexicon::BE)
                    || self.is(i - 2, "to")
                    || is_negation_word(self.tok_text(i - 2)))
            {
                // The object of a verb after an auxiliary, `to` or `not` (`would not discuss
                // reports that`, `to rebut claims that`): a noun.
                return None;
            }
            if cue.form != Form::Ing && i > 0 && !self.cap(i - 1) && {
                let w = self.tok_text(i - 1);
                ["ical", "ous", "ful", "less", "able", "ible"]
                    .iter()
                    .any(|suffix| w.len() > suffix.len() + 2 && w.ends_with(suffix))
            } {
                // After a word built as an adjective the cue is its noun (`produces electrical
                // signals that`, `serious claims that`).
                return None;
            }
            if cue.form != Form::Ing {
                let next = last + 1;
                let ok = next < self.toks.len()
                    && (self.is(next, "that")
                        || matches!(self.tok_text(next), ":" | "," | "\"" | "“" | "‘" | "'")
                        || self.has(next, lexicon::DET | lexicon::PRON | lexicon::ADDRESSEE)
                        || self.cap(next));
                if !ok {
                    return None;
                }
            }
        }
        Some((cue, last))
    }

    /// A reporting verb that cannot be a noun here (`said`, `says`; not `report`, `claims`).
    pub(crate) fn verbish(&self, i: usize) -> bool {
        match self.info[i].cue {
            Some(c) => !(self.cap(i) || c.frames & lexicon::F_NOUNY != 0 && c.form != Form::Past),
            None => false,
        }
    }

    fn prev_word_skipping(&self, i: usize, skip: u32) -> Option<usize> {
        let mut k = i;
        while k > 0 {
            k -= 1;
            if self.sent[k] != self.sent[i] {
                return None;
            }
            if self.has(k, skip) && !self.has(k, lexicon::BE) {
                continue;
            }
            return Some(k);
        }
        None
    }
}

/// A noun phrase: its tokens `[start, end]` (inclusive) and the speaker span chosen in it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Np {
    pub start: usize,
    pub end: usize,
    /// The source as written (appositive included).
    pub source: Span,
    /// The name or descriptor to report as speaker.
    pub name: Span,
    /// The head is a pronoun (token index).
    pub pronoun: Option<usize>,
}

impl Doc<'_> {
    /// The noun phrase whose last token is `e`, walking left no further than `lo`.
    pub(crate) fn np_left(&self, e: usize, lo: usize) -> Option<(usize, usize)> {
        if !self.is_word(e) && self.toks[e].kind != TokenKind::Number {
            return None;
        }
        if self.has(e, lexicon::PRON) {
            return Some((e, e));
        }
        if self.has(
            e,
            lexicon::STOP | lexicon::AUX | lexicon::PREP | lexicon::DET | lexicon::OBJPRON,
        ) || self.verbish(e)
            || self.tok_text(e).ends_with("ly") && !self.cap(e)
        {
            return None;
        }
        let named_head = self.cap(e);
        let mut k = e;
        // Once a role noun precedes a name, lowercase modifiers of the role may follow.
        let mut lower_ok = !named_head;
        let mut len = 1;
        while k > lo && len < 14 {
            let t = k - 1;
            if self.sent[t] != self.sent[e] {
                break;
            }
            if self.is_possessive(t) {
                if t > lo && self.is_word(t - 1) {
                    k = t - 1;
                    len += 2;
                    lower_ok = true;
                    continue;
                }
                break;
            }
            if !self.is_word(t) {
                if self.toks[t].kind == TokenKind::Number && !named_head {
                    k = t;
                    len += 1;
                    continue;
                }
                break;
            }
            let f = self.flags(t);
            // `that` or `this` before a plural is no determiner of it but a conjunction
            // (`argued that people accused of …`).
            if (self.is(t, "that") || self.is(t, "this")) && is_plural_noun(self.tok_text(e)) {
                break;
            }
            if f & lexicon::DET != 0 {
                k = t;
                if t > lo + 1 && self.is(t - 1, "and") && self.cap(t - 2) {
                    continue;
                }
                if t > lo
                    && self.sent[t - 1] == self.sent[e]
                    && self.has(t - 1, lexicon::DET)
                    && !(self.is(t - 1, "that") && is_plural_noun(self.tok_text(e)))
                {
                    k = t - 1; // `the three suspects`
                }
                // `people familiar with the talks`, `those behind the negotiations`: the
                // source is the people, with what places them.
                if !named_head && t > lo + 1 && self.sent[t - 1] == self.sent[e] {
                    if let Some(h) = self.attached_source_head(t - 1, lo) {
                        let start = self.np_left(h, lo).map_or(h, |(a, _)| a);
                        return Some((start, e));
                    }
                }
                // An unnamed source's whole descriptor, over one attachment: `the head of the
                // party`, `officials at the ministry` (a name at the head keeps its own span).
                if !named_head
                    && len < 8
                    && t > lo + 1
                    && self.sent[t - 1] == self.sent[e]
                    && lexicon::with_lower(self.tok_text(t - 1), |l| {
                        matches!(l, "of" | "at" | "in" | "from")
                    })
                    && self.is_word(t - 2)
                    && !self.cap(t - 2)
                    && self.flags(t - 2)
                        & (lexicon::STOP
                            | lexicon::AUX
                            | lexicon::PREP
                            | lexicon::PRON
                            | lexicon::DET)
                        == 0
                    && self.info[t - 2].cue.is_none()
                    && is_source_head(self.tok_text(t - 2))
                {
                    // The head with its modifiers and determiner: `A senior source`.
                    let mut s2 = t - 2;
                    while s2 > lo
                        && t - 2 - s2 < 3
                        && self.is_word(s2 - 1)
                        && self.sent[s2 - 1] == self.sent[e]
                        && self.flags(s2 - 1)
                            & (lexicon::STOP | lexicon::AUX | lexicon::PREP | lexicon::PRON)
                            == 0
                        && self.info[s2 - 1].cue.is_none()
                        && !self.tok_text(s2 - 1).ends_with("ly")
                    {
                        s2 -= 1;
                        if self.has(s2, lexicon::DET) {
                            break;
                        }
                    }
                    return Some((s2, e));
                }
                break;
            }
            if f & lexicon::PREP != 0 {
                let inner = lexicon::with_lower(self.tok_text(t), |l| {
                    matches!(l, "of" | "at" | "in" | "for" | "from")
                });
                let after_ok = t < e && (self.has(t + 1, lexicon::DET) || self.cap(t + 1));
                let before_ok = t > lo
                    && self.is_word(t - 1)
                    && self.flags(t - 1)
                        & (lexicon::STOP | lexicon::AUX | lexicon::PREP | lexicon::PRON)
                        == 0
                    && self.info[t - 1].cue.is_none();
                if inner && after_ok && before_ok && len < 10 {
                    k = t;
                    len += 1;
                    lower_ok = true;
                    continue;
                }
                break;
            }
            // Coordinated names (`Germany and the Netherlands`).
            if self.is(t, "and")
                && t > lo
                && self.cap(t - 1)
                && (self.cap(k) || self.has(k, lexicon::DET) && k < e && self.cap(k + 1))
                && len < 10
            {
                k = t;
                len += 1;
                continue;
            }
            if f & (lexicon::STOP | lexicon::AUX | lexicon::PRON | lexicon::OBJPRON) != 0 {
                break;
            }
            if self.verbish(t) {
                break;
            }
            if self.cap(t) {
                k = t;
                len += 1;
                continue;
            }
            // A lowercase word.
            let w = self.tok_text(t);
            if w.ends_with("ly") {
                break;
            }
            let role = f & lexicon::ROLE != 0 || is_role_like(w);
            if lower_ok || role {
                k = t;
                len += 1;
                if role {
                    lower_ok = true;
                }
                continue;
            }
            break;
        }
        // `At least 60 people`: the quantity's `at` belongs to it.
        if k > lo
            && self.sent[k - 1] == self.sent[e]
            && self.is(k - 1, "at")
            && (self.is(k, "least") || self.is(k, "most"))
        {
            k -= 1;
        }
        // Leading time words are no part of the subject (`Now experts warn`, `Last night X`).
        while k < e && (self.has(k, lexicon::TIME) || is_time_word(self.tok_text(k))) {
            k += 1;
        }
        while k < e
            && (self.is(k, "last") || self.is(k, "next") || self.is(k, "this"))
            && is_time_word(self.tok_text(k + 1))
        {
            k += 2;
        }
        if k > e {
            return None;
        }
        Some((k, e))
    }

    /// The head of an unnamed source that the preposition at `p` attaches to with what places
    /// it: `those behind`, `people familiar with`, `sources close to`, `officials involved
    /// in`. The head is `those`, `people` or a lowercase source noun.
    pub(crate) fn attached_source_head(&self, p: usize, lo: usize) -> Option<usize> {
        if p <= lo || !self.is_word(p) {
            return None;
        }
        let h = if self.is(p, "behind") || self.is(p, "near") {
            p - 1
        } else if p > lo + 1
            && lexicon::with_lower(self.tok_text(p - 1), |adj| {
                lexicon::with_lower(self.tok_text(p), |prep| {
                    matches!(
                        (adj, prep),
                        ("close" | "loyal" | "linked" | "connected" | "opposed", "to")
                            | ("familiar" | "connected", "with")
                            | ("involved", "in")
                            | ("aware", "of")
                            | ("briefed", "on")
                    )
                })
            })
        {
            p - 2
        } else {
            return None;
        };
        let head = self.tok_text(h);
        let source_like = self.is(h, "those")
            || self.is(h, "people")
            || !self.cap(h) && is_source_head(head) && !self.has(h, lexicon::PRON);
        (self.is_word(h) && self.sent[h] == self.sent[p] && source_like).then_some(h)
    }

    /// The noun phrase starting at `s`, walking right no further than `hi` (exclusive).
    pub(crate) fn np_right(&self, s: usize, hi: usize) -> Option<(usize, usize)> {
        if s >= hi || s >= self.toks.len() {
            return None;
        }
        if self.has(s, lexicon::PRON) {
            return Some((s, s));
        }
        if !self.is_word(s) || self.has(s, lexicon::STOP | lexicon::AUX | lexicon::PREP) {
            return None;
        }
        let mut k = s;
        while k + 1 < hi && k - s < 10 {
            let t = k + 1;
            if self.sent[t] != self.sent[s] {
                break;
            }
            if self.is_possessive(t) {
                k = t;
                continue;
            }
            if !self.is_word(t) {
                if self.toks[t].kind == TokenKind::Number {
                    k = t;
                    continue;
                }
                break;
            }
            // `sources close to the negotiations`, `those behind them`: with what places them.
            let p = if self.attached_source_head(t, s) == Some(k) {
                Some(t)
            } else if t + 1 < hi && self.attached_source_head(t + 1, s) == Some(k) {
                Some(t + 1)
            } else {
                None
            };
            if let Some(p) = p {
                if let Some((_, e2)) = self.np_right(p + 1, hi) {
                    k = e2;
                }
                break;
            }
            let f = self.flags(t);
            if f & lexicon::PREP != 0 {
                if self.is(t, "of")
                    && t + 1 < hi
                    && (self.has(t + 1, lexicon::DET) || self.cap(t + 1))
                {
                    k = t;
                    continue;
                }
                break;
            }
            if f & lexicon::DET != 0 && self.is(k, "of") {
                k = t;
                continue;
            }
            // `any such agreement`, `no such plan`.
            if self.is(t, "such") && self.has(k, lexicon::DET) {
                k = t;
                continue;
            }
            // A past-tense verb after the head (`the engineers failed`).
            let w = self.tok_text(t);
            if !self.cap(t)
                && w.len() > 4
                && w.ends_with("ed")
                && !w.ends_with("eed")
                && self.is_word(k)
                && !self.has(k, lexicon::DET)
            {
                break;
            }
            if f & (lexicon::STOP | lexicon::AUX | lexicon::PRON | lexicon::DET | lexicon::OBJPRON)
                != 0
            {
                break;
            }
            if self.verbish(t)
                || self.info[t].cue.is_some()
                    && !self.cap(t)
                    && self.is_word(k)
                    && !self.cap(k)
                    && !self.has(k, lexicon::DET)
                    && !self.is_possessive(k)
            {
                break;
            }
            if self.tok_text(t).ends_with("ly") && !self.cap(t) {
                break;
            }
            k = t;
        }
        Some((s, k))
    }

    /// The speaker span inside the phrase `[s, e]`: an entity mention or the capitalised run at
    /// the head (titles stripped), or the whole phrase for an unnamed source.
    pub(crate) fn name_in(&self, s: usize, e: usize) -> Span {
        let whole = self.span(s, e);
        let head_cap =
            self.cap(e) || self.toks[e].kind != TokenKind::Word && e > s && self.cap(e - 1);
        // Entities inside the phrase: the one nearest the head.
        let ent = self
            .entities_in(whole.start, whole.end)
            .iter()
            .filter(|en| whole.contains(en.span) || en.span.overlaps(self.toks[e].span))
            .max_by_key(|en| (en.span.end, usize::MAX - en.span.start));
        if let Some(en) = ent {
            if en.span.overlaps(self.toks[e].span) || head_cap {
                return Span::new(en.span.start.max(whole.start), en.span.end.min(whole.end));
            }
        }
        if !head_cap {
            return whole;
        }
        let mut k = e;
        while k > s {
            let t = k - 1;
            let ok = (self.cap(t) && !self.has(t, lexicon::TITLE | lexicon::DET | lexicon::TIME))
                || self.is_word(t)
                    && matches!(
                        self.tok_text(t),
                        "al" | "bin"
                            | "ibn"
                            | "de"
                            | "van"
                            | "von"
                            | "da"
                            | "del"
                            | "la"
                            | "le"
                            | "el"
                    );
            if !ok {
                break;
            }
            k = t;
        }
        self.span(k, e)
    }

    /// Whether the infinitive whose `to` is at `to` is only possible, intended or not done: a
    /// modal or a negation in its clause before it (`can use force to detain`, `are not doing
    /// enough to warn`), or right before it a verb of intent or attempt (`plans to arrest`,
    /// `tried to charge`) or a word of inability or refusal (`failed to disclose`, `is yet to
    /// confirm`, `declined to say`, `difficult to predict`).
    pub(crate) fn unrealised_infinitive(&self, to: usize, s0: usize) -> bool {
        let intent = to > s0
            && lexicon::with_lower(self.tok_text(to - 1), |l| {
                let stem = l
                    .strip_suffix("ed")
                    .or_else(|| l.strip_suffix("ing"))
                    .or_else(|| l.strip_suffix('s'))
                    .unwrap_or(l);
                matches!(
                    stem,
                    "plan"
                        | "plann"
                        | "want"
                        | "seek"
                        | "sought"
                        | "hope"
                        | "hop"
                        | "aim"
                        | "intend"
                        | "threaten"
                        | "vow"
                        | "promis"
                        | "promise"
                        | "tri"
                        | "try"
                        | "attempt"
                        | "wish"
                        | "need"
                        | "prepar"
                        | "prepare"
                        | "expect"
                        | "fail"
                        | "refus"
                        | "refuse"
                        | "declin"
                        | "decline"
                        | "struggl"
                        | "struggle"
                        | "yet"
                        | "unable"
                        | "able"
                        | "due"
                        | "difficult"
                        | "hard"
                        | "impossible"
                        | "reluctant"
                        | "unwilling"
                        | "likely"
                        | "unlikely"
                        | "close"
                        | "near"
                )
            });
        intent
            || (to.saturating_sub(14).max(s0)..to)
                .rev()
                .take_while(|&x| !matches!(self.tok_text(x), "," | ";" | ":" | "—" | "–" | "--"))
                .any(|x| {
                    let w = self.tok_text(x);
                    is_negation_word(w)
                        || lexicon::with_lower(w, |l| {
                            matches!(
                                l,
                                "can"
                                    | "could"
                                    | "may"
                                    | "might"
                                    | "should"
                                    | "would"
                                    | "must"
                                    | "shall"
                            )
                        })
                })
    }

    /// Whether the verb at `i` is negated: `not`, `never` or an `n't` among the auxiliaries
    /// and adverbs right before it (`did not say`, `would never confirm`).
    pub(crate) fn negated(&self, i: usize) -> bool {
        let (s0, _) = self.sent_range(i);
        let mut k = i;
        while k > s0 {
            let w = self.tok_text(k - 1);
            if is_negation_word(w) {
                return true;
            }
            if !(self.has(k - 1, lexicon::AUX | lexicon::ADV) || w == "yet" || w == "still") {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// Whether the past participle at `i` modifies the noun after it, after a number (`the
    /// 140,000 confirmed deaths`, `three detained men`): an adjective, no verb.
    pub(crate) fn adjective_participle(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.toks.len()
            && self.tok_text(i).ends_with("ed")
            && self.toks[i - 1].kind == TokenKind::Number
            && self.sent[i - 1] == self.sent[i]
            && self.sent[i + 1] == self.sent[i]
            && self.is_word(i + 1)
            && !self.cap(i + 1)
            && self.flags(i + 1)
                & (lexicon::AUX | lexicon::PREP | lexicon::STOP | lexicon::DET | lexicon::PRON)
                == 0
    }

    /// Whether the words from `k` are two objects, someone and something (`denied him
    /// bail`, `denied Luscombe the chance`): `deny` then means refuse, not deny a claim.
    pub(crate) fn double_object_at(&self, k: usize) -> bool {
        let (_, s1) = self.sent_range(k);
        let mut t = k;
        if t >= s1 || !self.is_word(t) {
            return false;
        }
        // After a name the thing must open with a determiner (`denied Luscombe the chance`),
        // or the name may be a modifier (`denies WorldCom fraud`); `her` may be a possessive.
        let needs_det;
        if self.has(t, lexicon::OBJPRON) && !self.is(t, "her") {
            t += 1;
            needs_det = false;
        } else if self.cap(t) && !self.has(t, lexicon::DET | lexicon::PRON) {
            while t < s1 && self.cap(t) {
                t += 1;
            }
            needs_det = true;
        } else {
            return false;
        }
        t < s1
            && (!needs_det || self.has(t, lexicon::DET))
            && self.is_word(t)
            && !self.is_possessive(t)
            && !self.cap(t)
            && !self.is(t, "that")
            && self.flags(t) & (lexicon::AUX | lexicon::BE | lexicon::STOP | lexicon::PREP) == 0
            && self.info[t].cue.is_none()
            && !self.tok_text(t).ends_with("ed")
            && !self.tok_text(t).ends_with("ly")
    }

    /// A role followed by its holder's name after a comma (`said RNID technology director,
    /// Guido Gybels.`): the phrase over both, which names the holder. Otherwise `np`.
    pub(crate) fn named_after_role(&self, np: Np, hi: usize) -> Np {
        let comma = np.end + 1;
        if comma + 1 >= hi || self.tok_text(comma) != "," || self.cap(np.end) {
            return np;
        }
        let Some((a, b)) = self.np_right(comma + 1, hi) else {
            return np;
        };
        let ends = b + 1 >= self.toks.len()
            || self.sent[b + 1] != self.sent[b]
            || matches!(self.tok_text(b + 1), "." | "," | ";" | ":")
            || self.is_mark(b + 1);
        if ends && (a..=b).all(|t| self.cap(t) && !self.has(t, lexicon::PRON | lexicon::DET)) {
            return self.make_np(np.start, b);
        }
        np
    }
    pub(crate) fn make_np(&self, s: usize, e: usize) -> Np {
        let pronoun = (s == e && self.has(s, lexicon::PRON)).then_some(s);
        Np {
            start: s,
            end: e,
            source: self.span(s, e),
            name: self.name_in(s, e),
            pronoun,
        }
    }

    /// The subject of a cue at `cue`: the noun phrase before it (over auxiliaries and adverbs),
    /// with an appositive skipped (`X, the head of Y, said`). `lo` bounds the walk.
    pub(crate) fn subject_of(&self, cue: usize, lo: usize) -> Option<Np> {
        let (s0, _) = self.sent_range(cue);
        let lo = lo.max(s0);
        let mut k = cue;
        // Auxiliaries, adverbs, an infinitive `to` and a time (`Mr Blair on Sunday
        // dismissed`, `Police last week arrested`) between subject and verb.
        while k > lo {
            let t = k - 1;
            if self.is_word(t)
                && (self.has(t, lexicon::AUX | lexicon::ADV)
                    || self.tok_text(t).ends_with("ly") && !self.cap(t))
                && !self.has(t, lexicon::PRON)
            {
                k = t;
                continue;
            }
            if let Some(start) = self.time_phrase_ending_at(t, lo) {
                k = start;
                continue;
            }
            break;
        }
        if k <= lo {
            return None;
        }
        let mut e = k - 1;
        if self.is(e, "and") || self.is(e, "but") {
            // A coordinated verb (`X criticized Y and said …`): the sentence's subject.
            return self.sentence_subject(cue).filter(|np| np.end < e);
        }
        // An aside between dashes (`Alan Beith - who chairs the committee - said`): the
        // phrase before it.
        if is_dash_text(self.tok_text(e)) || self.tok_text(e) == "-" {
            let dash = self.tok_text(e);
            let open = (e.saturating_sub(30).max(lo + 1)..e)
                .rev()
                .find(|&t| self.tok_text(t) == dash)?;
            let (s, e2) = self.np_left(open - 1, lo)?;
            return Some(self.make_np(s, e2));
        }
        let mut paren_end = None;
        if self.tok_text(e) == ")" {
            // A bracketed affiliation (`Rep. X (D-N.Y.) said`).
            let p = (e.saturating_sub(12).max(lo)..e)
                .rev()
                .find(|&t| self.tok_text(t) == "(")?;
            if p <= lo {
                return None;
            }
            paren_end = Some(e);
            e = p - 1;
        }
        if self.tok_text(e) == "," {
            // A relative clause between commas, whatever commas it holds itself (`Southcorp,
            // whose brands include Penfolds, Rosemount and Lindemans, dismissed`).
            let relative = (e.saturating_sub(30).max(lo + 2)..e).rev().find(|&r| {
                self.tok_text(r - 1) == ","
                    && lexicon::with_lower(self.tok_text(r), |w| {
                        matches!(w, "who" | "whose" | "which")
                    })
            });
            // Not an object relative, whose own subject the verb may be (`this franchise,
            // which a specialist, Dr Giustozzi, describes as …`).
            let object_relative = |r: usize| {
                !self.is(r, "whose")
                    && (self.has(r + 1, lexicon::DET | lexicon::PRON) || self.cap(r + 1))
            };
            if let Some(r) = relative.filter(|&r| {
                (r..e).all(|x| !self.is_mark(x) && !self.is_hard_punct(x)) && !object_relative(r)
            }) {
                if let Some((s, e2)) = self.np_left(r - 2, lo) {
                    let mut np = self.make_np(s, e2);
                    np.source = Span::new(self.toks[s].span.start, self.toks[e].span.end);
                    return Some(np);
                }
            }
            // An appositive between commas, or a reduced relative (`X, run by Y, said`).
            let c2 = e;
            let mut c1 = None;
            let mut t = c2;
            while t > lo && c2 - t < 30 {
                t -= 1;
                if self.tok_text(t) == "," {
                    c1 = Some(t);
                    break;
                }
                if self.is_mark(t)
                    || self.is_hard_punct(t) && !matches!(self.tok_text(t), "(" | ")")
                {
                    break;
                }
            }
            let c1 = c1?;
            if c1 + 1 >= c2 {
                return None;
            }
            let a = (c1 + 1, c2 - 1);
            if (a.0..=a.1).all(|x| self.has(x, lexicon::ADV)) {
                // `Trump, however, said`.
                let (s, e2) = self.np_left(c1.checked_sub(1)?, lo)?;
                return Some(self.make_np(s, e2));
            }
            let mut b = if c1 > lo {
                self.np_left(c1 - 1, lo)
            } else {
                None
            };
            // An age between commas before the appositive (`Mr Mubanga, 29, from north London,
            // was detained`): the phrase before it.
            if let Some((bs, be)) = b {
                if bs == be
                    && self.toks[bs].kind == TokenKind::Number
                    && bs > lo + 1
                    && self.tok_text(bs - 1) == ","
                {
                    b = self.np_left(bs - 2, lo).or(b);
                }
            }
            let Some((bs, be)) = b else {
                let (s, e2) = self.np_left(a.1, a.0)?;
                return (s == a.0).then(|| self.make_np(s, e2));
            };
            let mut np = self.make_np(bs, be);
            np.source = Span::new(self.toks[bs].span.start, self.toks[c2].span.end);
            let a_is_name = self.cap(a.0)
                && !self.has(a.0, lexicon::DET)
                && (a.0..=a.1).all(|x| self.cap(x) || !self.is_word(x));
            if a_is_name && !self.cap(be) {
                if let Some((s, e2)) = self.np_left(a.1, a.0) {
                    np.name = self.name_in(s, e2);
                    np.pronoun = None;
                }
            }
            return Some(np);
        }
        if self.is_word(e)
            && lexicon::with_lower(self.tok_text(e), |l| matches!(l, "that" | "who" | "which"))
            && e > lo
        {
            // A relative clause: the subject is the phrase the pronoun stands for.
            let before = if self.tok_text(e - 1) == "," && e - 1 > lo {
                e - 2
            } else {
                e - 1
            };
            let (s, e2) = self.np_left(before, lo)?;
            return Some(self.make_np(s, e2));
        }
        let (s, e2) = self.np_left(e, lo)?;
        let mut np = self.make_np(s, e2);
        if let Some(pe) = paren_end {
            np.source = Span::new(np.source.start, self.toks[pe].span.end);
        }
        Some(np)
    }

    /// The subject of the sentence holding `i` (for `-ing` cues: `X posted …, describing it`).
    pub(crate) fn sentence_subject(&self, i: usize) -> Option<Np> {
        let (s0, _) = self.sent_range(i);
        let mut s = s0;
        // Skip an opening adverbial ending in a comma (`Last Thursday, …`).
        if let Some(c) = (s0..i.min(s0 + 7)).find(|&k| self.tok_text(k) == ",") {
            if !(s0..c).any(|k| self.info[k].cue.is_some()) {
                s = c + 1;
            }
        }
        while s < i
            && (self.has(s, lexicon::TIME | lexicon::ADV)
                || self.is_mark(s)
                || self.has(s, lexicon::STOP) && !self.has(s, lexicon::DET))
        {
            s += 1;
        }
        let (a, b) = self.np_right(s, i)?;
        Some(self.make_np(a, b))
    }
}

/// A noun that can head an unnamed source's descriptor before `of`, `at`, `in` or `from`:
/// a role, a report, a plural (`critics of the bill`, `organisers of the play`) or a few source
/// words.
fn is_source_head(w: &str) -> bool {
    is_role_like(w)
        || lexicon::lookup(w).flags & lexicon::REPORT_NOUN != 0
        || w.chars().all(|c| c.is_ascii_lowercase()) && is_plural_noun(w)
        || lexicon::with_lower(w, |l| {
            matches!(
                l,
                "source"
                    | "judge"
                    | "head"
                    | "chief"
                    | "member"
                    | "lawyer"
                    | "owner"
                    | "founder"
                    | "author"
                    | "article"
            )
        })
}

/// A word that can name a person by what they do: a lexicon role, or a word with an agent
/// ending (`campaigner`, `economist`, `spokesman`) that is not one of the common words that
/// merely end that way ([`is_agentless_er`]).
fn is_role_like(w: &str) -> bool {
    let w = w.trim_end_matches('s');
    w.len() > 4
        && (w.ends_with("man")
            || w.ends_with("woman")
            || w.ends_with("ist")
            || w.ends_with("ian")
            || (w.ends_with("er") || w.ends_with("or")) && !is_agentless_er(w))
        || lexicon::lookup(w).flags & lexicon::ROLE != 0
}

/// Frequent words ending in -er or -or that name no agent: comparatives, prepositions and
/// adverbs, things and times (`quarter`, `number`, `sector`, `summer`). Chosen from the most
/// frequent such words of news text; a rarer one still passes as a role.
fn is_agentless_er(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "after"
                | "other"
                | "number"
                | "under"
                | "computer"
                | "offer"
                | "former"
                | "better"
                | "power"
                | "another"
                | "quarter"
                | "whether"
                | "later"
                | "never"
                | "further"
                | "order"
                | "rather"
                | "earlier"
                | "career"
                | "higher"
                | "together"
                | "sector"
                | "summer"
                | "however"
                | "matter"
                | "either"
                | "neither"
                | "lower"
                | "longer"
                | "disaster"
                | "answer"
                | "paper"
                | "character"
                | "terror"
                | "takeover"
                | "consider"
                | "deliver"
                | "poster"
                | "greater"
                | "faster"
                | "cover"
                | "factor"
                | "bigger"
                | "easier"
                | "smaller"
                | "browser"
                | "monitor"
                | "transfer"
                | "stronger"
                | "server"
                | "indoor"
                | "enter"
                | "murder"
                | "corner"
                | "remember"
                | "larger"
                | "cheaper"
                | "processor"
                | "wider"
                | "recover"
                | "winter"
                | "merger"
                | "danger"
                | "water"
                | "proper"
                | "weather"
                | "laser"
                | "younger"
                | "closer"
                | "error"
                | "super"
                | "register"
                | "fewer"
                | "centre"
                | "center"
                | "border"
                | "chapter"
                | "cancer"
                | "meter"
                | "parameter"
                | "semester"
                | "shelter"
                | "theater"
                | "tower"
                | "river"
                | "floor"
                | "door"
                | "color"
                | "colour"
                | "honor"
                | "labor"
                | "favor"
                | "motor"
                | "behavior"
                | "rumor"
                | "humor"
                | "interior"
                | "exterior"
                | "minor"
                | "prior"
                | "over"
                | "ever"
        )
    })
}

/// A plural noun by its form: `people`, `men`, or a lowercase word ending in a single `s`
/// (`officials`, not `press` or `this`).
fn is_plural_noun(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(l, "people" | "men" | "women" | "children" | "police")
            || l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us")
    })
}

/// Words that name a time: period nouns ([`is_period_noun`]) and time adverbs.
fn is_time_word(w: &str) -> bool {
    is_period_noun(w)
        || lexicon::with_lower(w, |l| {
            matches!(
                l,
                "now" | "today" | "yesterday" | "meanwhile" | "earlier" | "later" | "previously"
            )
        })
}

/// Nouns of a day or period: `week`, `morning`, `Sunday`.
fn is_period_noun(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "night"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "morning"
                | "evening"
                | "afternoon"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        )
    })
}

/// Month names, in full (`may` too: callers reach it only where a time noun can stand).
fn is_month_name(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        crate::time::month_of(l).is_some_and(|(_, abbr)| !abbr)
    })
}

/// Words in a span of tokens.
fn word_count(doc: &Doc, from: usize, to: usize) -> usize {
    (from..to.min(doc.toks.len()))
        .filter(|&k| doc.is_word(k) || doc.toks[k].kind == TokenKind::Number)
        .count()
}

/// Token range `[first, last]` inside a byte span.
fn toks_in(doc: &Doc, span: Span) -> Option<(usize, usize)> {
    let first = doc.toks.partition_point(|t| t.span.start < span.start);
    let end = doc.toks.partition_point(|t| t.span.start < span.end);
    (first < end).then(|| (first, end - 1))
}

struct Direct {
    piece: Piece,
    words: usize,
    cue: Option<(usize, usize)>,
    subject: Option<Np>,
    keep: bool,
    /// The cue is the voice of the quote before, not one found for this piece.
    inherited: bool,
}

/// The whole analysis: direct quotes first, then reported speech around them.
fn find(doc: &Doc, profile: Profile) -> Vec<Found> {
    if doc.toks.is_empty() {
        return Vec::new();
    }
    let mut pieces = marks::pair(doc);
    pieces.extend(dash_pieces(doc, profile, &pieces));
    pieces.sort_by_key(|p| p.open);
    // Tokens inside any piece (marks included), by piece index + 1.
    let mut inside = vec![0u32; doc.toks.len()];
    let mut directs: Vec<Direct> = Vec::with_capacity(pieces.len());
    for (pi, p) in pieces.iter().enumerate() {
        let last_tok = p
            .close
            .unwrap_or_else(|| toks_in(doc, p.content).map(|r| r.1).unwrap_or(p.open));
        for x in &mut inside[p.open..=last_tok.min(doc.toks.len() - 1)] {
            *x = pi as u32 + 1;
        }
        let (first, last) = toks_in(doc, p.content).unwrap_or((p.open + 1, p.open));
        let words = if first <= last {
            word_count(doc, first, last + 1)
        } else {
            0
        };
        directs.push(Direct {
            piece: *p,
            words,
            cue: None,
            subject: None,
            keep: false,
            inherited: false,
        });
    }
    for di in 0..directs.len() {
        attribute_direct(doc, profile, &mut directs, di, &inside);
    }
    // A quote that runs on into the next paragraph and finds its own cue only there (`"…
    // make-up. ¶ "In the HD version …," explains Mr Dean`) is that cue's speaker's too, whatever
    // voice it seemed to continue.
    for di in (0..directs.len().saturating_sub(1)).rev() {
        let (cur, next) = (&directs[di], &directs[di + 1]);
        if (cur.cue.is_none() || cur.inherited)
            && cur.piece.cont_next
            && next.piece.cont_prev
            && next.cue.is_some()
            && !next.inherited
        {
            let (cue, subject) = (next.cue, next.subject);
            let d = &mut directs[di];
            d.cue = cue;
            d.subject = subject;
            d.keep = true;
        }
    }
    let mut found: Vec<Found> = Vec::new();
    for d in &directs {
        if !d.keep {
            continue;
        }
        let p = d.piece;
        let open = doc.toks[p.open].span;
        let marked_end = p
            .close
            .map(|c| doc.toks[c].span.end)
            .unwrap_or(p.content.end);
        found.push(Found {
            content: p.content,
            marked: Span::new(open.start, marked_end),
            direct: true,
            source: d.subject.map(|n| n.source),
            speaker: d.subject.map(|n| n.name),
            cue: d.cue.map(|(a, b)| doc.span(a, b)),
            minor: false,
            pronoun: d.subject.and_then(|n| n.pronoun),
        });
    }
    // Kept direct pieces by token: reported clauses stop at them.
    let mut kept_at = vec![false; doc.toks.len()];
    for d in directs.iter().filter(|d| d.keep) {
        kept_at[d.piece.open] = true;
    }
    reported(doc, profile, &inside, &kept_at, &directs, &mut found);
    found.sort_by_key(|f| (f.content.start, f.content.end));
    continue_reported_voice(doc, &mut found);
    resolve_pronouns(doc, &mut found);
    found
}

/// A direct quote with no cue right after reported speech, in the next sentence of its
/// paragraph or opening the next paragraph, goes on in the reporter's voice (`Committee
/// chairman John Denham said drugs were used as an excuse. ¶ "The committee believes …"`).
/// Quotes after quotes are already continued in [`attribute_direct`].
fn continue_reported_voice(doc: &Doc, found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, rest) = found.split_at_mut(k);
        let (prev, cur) = (&before[k - 1], &mut rest[0]);
        if !cur.direct || cur.cue.is_some() || prev.direct || prev.speaker.is_none() {
            continue;
        }
        let (Some((_, p_last)), Some((q_first, _))) =
            (toks_in(doc, prev.content), toks_in(doc, cur.marked))
        else {
            continue;
        };
        if q_first <= p_last {
            continue;
        }
        let next_sentence = doc.para[q_first] == doc.para[p_last]
            && doc.sent[q_first] == doc.sent[p_last] + 1
            && doc.sent_range(q_first).0 == q_first;
        let opens_next_para = doc.para[q_first] == doc.para[p_last] + 1
            && (q_first == 0 || doc.para[q_first - 1] != doc.para[q_first])
            && doc.sent[q_first] == doc.sent[p_last] + 1;
        if next_sentence || opens_next_para {
            cur.cue = prev.cue;
            cur.speaker = prev.speaker;
            cur.source = prev.source;
            cur.pronoun = prev.pronoun;
        }
    }
}

/// Quotes that open with a dash instead of a mark, the dialogue style of many translated and
/// European texts: a paragraph that starts with a dash and whose words run to a comma or dash
/// followed by a cue (`– We are ready, said the harbour master.`). The comma stands where the
/// closing mark would, so the piece is then attributed as a marked one. A dash paragraph with
/// no cue stays unquoted: lists start with dashes too.
fn dash_pieces(doc: &Doc, profile: Profile, marked: &[marks::Piece]) -> Vec<marks::Piece> {
    let mut out = Vec::new();
    let no_marks = vec![0u32; doc.toks.len()];
    for i in 0..doc.toks.len() {
        let para_start = i == 0 || doc.para[i - 1] != doc.para[i];
        if !para_start || !doc.is_dash(i) || doc.tok_text(i) == "--" {
            continue;
        }
        let para = doc.para[i];
        let para_end = (i..doc.toks.len())
            .find(|&k| doc.para[k] != para)
            .unwrap_or(doc.toks.len());
        if marked.iter().any(|p| (i..para_end).contains(&p.open)) {
            continue;
        }
        let close = (i + 2..para_end).find(|&k| {
            (matches!(doc.tok_text(k), "," | "?" | "!") || doc.is_dash(k))
                && k + 1 < para_end
                && cue_after(doc, profile, k + 1, &no_marks).is_some()
        });
        let Some(close) = close else { continue };
        let content = Span::new(doc.toks[i + 1].span.start, doc.toks[close - 1].span.end);
        out.push(marks::Piece {
            open: i,
            close: Some(close),
            content,
            cont_next: false,
            cont_prev: false,
        });
    }
    out
}

/// Finds the cue and speaker of direct piece `di`, and whether it is a quote at all.
fn attribute_direct(
    doc: &Doc,
    profile: Profile,
    directs: &mut [Direct],
    di: usize,
    inside: &[u32],
) {
    let d = &directs[di];
    let p = d.piece;
    let short = d.words <= 5;
    let content_text = doc
        .text
        .get(p.content.start..p.content.end)
        .unwrap_or("")
        .trim_end();
    let ends_open = content_text.ends_with([',', '!', '?', '…', '—', '–', '-']);
    let next = p
        .close
        .map(|c| c + 1)
        .filter(|&n| n < doc.toks.len() && doc.para[n] == doc.para[p.open]);
    let comma_after = next.is_some_and(|n| doc.tok_text(n) == ",");
    // A pronoun after the mark is a cue's subject (`"…" she said`) unless the quote ended its
    // sentence: `"… we have seen." She added: "…"` begins the next quote's sentence.
    let ends_sentence = content_text.ends_with('.');
    let lower_after = next.is_some_and(|n| {
        doc.is_word(n) && !doc.cap(n) || doc.has(n, lexicon::PRON) && !ends_sentence
    });

    let mut result: Option<((usize, usize), Option<Np>)> = None;
    // 0. An attribution line: `"…" ― Sonya Herridge` (readers' quotes, epigraphs).
    if let Some(n) = next.filter(|_| !p.cont_next) {
        result = dash_attribution(doc, n);
    }
    // 1. After the closing mark: `"…," she said` / `"…," said Jones`.
    if result.is_none()
        && !p.cont_next
        && (ends_open || comma_after || lower_after || !content_text.ends_with('.'))
    {
        if let Some(n) = next {
            result = cue_after(doc, profile, n, inside);
        }
    }
    // 2. Linked just before the opening mark: `said: "`, `told X, "`, `described it as "`.
    if result.is_none() {
        result = cue_before_linked(doc, profile, p.open, short, inside);
    }
    // 3. The first reporting verb of the sentence before the quote: long quotes, and the
    // short ones that end a sentence, the quoted end of a paraphrase (`said the damage was
    // "worse than anything we have seen."`); a word or two in marks is a scare quote.
    let ends_its_sentence = d.words >= 3 && content_text.ends_with(['.', '!', '?']);
    if result.is_none() && (!short || ends_its_sentence) {
        let (s0, _) = doc.sent_range(p.open);
        for (k, &ins) in inside.iter().enumerate().take(p.open).skip(s0) {
            if ins != 0 {
                continue;
            }
            if let Some((cue, last)) = doc.cue_at(k, profile) {
                if cue.class != CueClass::Speech && profile == Profile::Speech {
                    continue;
                }
                let subj = subject_for(doc, k, &cue, s0);
                if subj.is_some() {
                    result = Some(((k, last), subj));
                    break;
                }
            }
        }
    }
    // 4. `Name: "…"` with no verb.
    if result.is_none() && !short && p.open >= 2 && doc.tok_text(p.open - 1) == ":" {
        let c = p.open - 1;
        if let Some((s, e)) = doc.np_left(c - 1, doc.sent_range(c).0) {
            if doc.cap(e) && s == doc.sent_range(c).0 {
                result = Some(((c, c), Some(doc.make_np(s, e))));
            }
        }
    }
    let d = &mut directs[di];
    if let Some((cue, subj)) = result {
        d.cue = Some(cue);
        d.subject = subj;
        d.keep = true;
        return;
    }
    // 5. The same voice goes on: a reopened paragraph, or a quote right after an attributed one.
    let prev = (0..di).rev().find(|&k| directs[k].keep);
    if let Some(k) = prev {
        let (pk, cur) = (&directs[k], &directs[di]);
        let pk_para = doc.para[pk.piece.open];
        let cur_para = doc.para[cur.piece.open];
        let para_start = cur.piece.open == 0 || doc.para[cur.piece.open - 1] != cur_para;
        // A short piece that is a sentence of its own (`"Everything."`) is speech, not a
        // scare quote: the mark opens its sentence and the words end it.
        let sentence_of_its_own = doc.sent_range(cur.piece.open).0 == cur.piece.open
            && content_text.ends_with(['.', '!', '?']);
        let same_voice = cur.piece.cont_prev && pk.piece.cont_next
            || pk_para == cur_para && (!short || sentence_of_its_own)
            || pk_para + 1 == cur_para && para_start && !short;
        if same_voice {
            let (cue, subject) = (pk.cue, pk.subject);
            let d = &mut directs[di];
            d.cue = cue;
            d.subject = subject;
            d.keep = true;
            d.inherited = true;
            return;
        }
    }
    // 6. A long quote with no cue: a quote of an unknown speaker.
    let d = &mut directs[di];
    d.keep = d.words >= 8 && d.piece.close.is_some();
}

/// A dash after the closing mark, then a capitalised name that ends the paragraph (or is
/// followed by a comma and a description): `"…" ― Sonya Herridge`, `"…" — Jane Roe, nurse`.
/// The dash is the cue, the name the speaker.
fn dash_attribution(doc: &Doc, n: usize) -> Option<((usize, usize), Option<Np>)> {
    if !doc.is_dash(n) {
        return None;
    }
    let para = doc.para[n];
    let start = n + 1;
    let mut end = start;
    while end < doc.toks.len() && doc.para[end] == para && end - start < 6 {
        let t = doc.tok_text(end);
        // An initial's full stop (`Julie A. Diaz`) is part of the name only when the name goes
        // on after it; a stop that ends the line is the sentence's.
        let initial = t == "."
            && end > start
            && end + 1 < doc.toks.len()
            && doc.para[end + 1] == para
            && doc.is_word(end + 1)
            && doc.cap(end + 1);
        if !(initial || doc.is_word(end) && doc.cap(end)) {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    // The name must close the line, or give way to a description after a comma.
    let closes = end >= doc.toks.len()
        || doc.para[end] != para
        || matches!(doc.tok_text(end), "," | "." | ")");
    closes.then(|| ((n, n), Some(doc.make_np(start, end - 1))))
}

/// A cue just after a closing mark at token `n`: `, she said` / `said Jones` / `a voice says`.
#[allow(clippy::needless_range_loop)]
fn cue_after(
    doc: &Doc,
    profile: Profile,
    n: usize,
    inside: &[u32],
) -> Option<((usize, usize), Option<Np>)> {
    let mut j = n;
    if doc.tok_text(j) == "," {
        j += 1;
    }
    let para = doc.para[n];
    let end = (j + 16).min(doc.toks.len());
    for k in j..end {
        if doc.para[k] != para
            || inside[k] != 0
            || doc.is_hard_punct(k) && !matches!(doc.tok_text(k), "(" | ")")
        {
            break;
        }
        let Some((cue, last)) = doc.cue_at(k, profile) else {
            continue;
        };
        if cue.class != CueClass::Speech && profile == Profile::Speech {
            return None;
        }
        if cue.form == Form::Ing {
            return None;
        }
        // Only documents read out words or emerge (`a BBC statement read`, `reads a telephone
        // memo`; `a remark widely read as …` is no cue).
        let fits = |np: &Np| {
            cue.frames & lexicon::F_REPORT_SUBJ == 0 || doc.has(np.end, lexicon::REPORT_NOUN)
        };
        if k == j {
            // Inverted: `said Jones`, `said the spokesman`.
            let hi = (last + 12).min(doc.toks.len());
            let np = doc.np_right(last + 1, hi).map(|(s, e)| doc.make_np(s, e))?;
            let np = doc.named_after_role(np, hi);
            return fits(&np).then_some(((k, last), Some(np)));
        }
        let np = doc.subject_of(k, j);
        if let Some(np) = np.filter(fits) {
            if np.start == j || doc.has(j, lexicon::ADV | lexicon::TIME) {
                return Some(((k, last), Some(np)));
            }
        }
        return None;
    }
    None
}

/// A cue linked to the opening mark at `open`.
fn cue_before_linked(
    doc: &Doc,
    profile: Profile,
    open: usize,
    short: bool,
    inside: &[u32],
) -> Option<((usize, usize), Option<Np>)> {
    let (s0, _) = doc.sent_range(open);
    // The splitter may start a sentence at the mark: look into the previous one if it ends in
    // a colon or comma.
    let lo = if s0 == open
        && open > 0
        && matches!(doc.tok_text(open - 1), ":" | ",")
        && doc.para[open - 1] == doc.para[open]
    {
        doc.sent_range(open - 1).0
    } else {
        s0
    };
    let limit = if short { 16 } else { 12 };
    let mut k = open;
    let mut steps = 0;
    let mut crossed_long = false;
    while k > lo && steps < limit {
        k -= 1;
        steps += 1;
        if inside[k] != 0 {
            // Crossing another piece: only a short one (`"inside job" by X, or a "…"`).
            if crossed_long {
                return None;
            }
            let pi = inside[k];
            while k > lo && inside[k - 1] == pi {
                k -= 1;
            }
            crossed_long = false;
            continue;
        }
        if doc.tok_text(k) == ";" || doc.tok_text(k) == "." {
            return None;
        }
        let Some((cue, last)) = doc.cue_at(k, profile) else {
            continue;
        };
        if cue.class != CueClass::Speech && profile == Profile::Speech {
            return None;
        }
        let between: Vec<usize> = (last + 1..open).collect();
        let linker = between
            .last()
            .map(|&b| doc.tok_text(b).to_ascii_lowercase());
        let adjacent = between.is_empty()
            || matches!(
                linker.as_deref(),
                Some(":" | "," | "that" | "as" | "—" | "–")
            ) && between.len() <= 9
                && !between
                    .iter()
                    .any(|&b| doc.is_hard_punct(b) && !doc.is_dash(b));
        let framed = short
            && ((cue.frames & lexicon::F_AS != 0 && between.iter().any(|&b| doc.is(b, "as")))
                || (cue.frames & lexicon::F_ABOUT != 0
                    && between.first().is_some_and(|&b| {
                        doc.is(b, "about") || doc.is(b, "of") || doc.is(b, "on")
                    }))
                || (cue.frames & lexicon::F_NAME != 0 && between.len() <= 3));
        if !(adjacent || framed) {
            return None;
        }
        let subj = subject_for(doc, k, &cue, lo);
        return Some(((k, last), subj));
    }
    None
}

/// The speaker of a cue at `k`: `according to X`, the sentence subject for `-ing` cues after a
/// comma, the subject before the verb, or an inverted subject after it (`said Jones:`).
fn subject_for(doc: &Doc, k: usize, cue: &Cue, lo: usize) -> Option<Np> {
    if cue.source_after {
        let s = k + 2;
        let (_, se) = doc.sent_range(k);
        return doc.np_right(s, se).map(|(a, b)| doc.make_np(a, b));
    }
    // An infinitive cue (`keen to point out`, `went on to say`): nothing was said if it was
    // only possible, intended or not done; otherwise the speaker is the subject of the verb
    // or adjective that governs it, not that word.
    let mut t = k;
    while t > lo && doc.has(t - 1, lexicon::ADV) {
        t -= 1;
    }
    if t > lo && doc.is(t - 1, "to") {
        let (s0, _) = doc.sent_range(k);
        if doc.unrealised_infinitive(t - 1, s0) {
            return None;
        }
        let governor = t - 1 > lo.max(s0) && {
            let g = t - 2;
            doc.is_word(g) && !doc.cap(g) && !doc.has(g, lexicon::DET | lexicon::PRON)
        };
        if governor && doc.np_left(t - 2, lo).is_some_and(|(a, b)| a == b) {
            return doc.sentence_subject(k);
        }
    }
    if cue.form == Form::Ing
        && k > 0
        && (doc.tok_text(k - 1) == ","
            || !doc.is_word(k - 1)
            || doc.has(k - 1, lexicon::REPORT_NOUN)
            || !doc.cap(k - 1))
    {
        if let Some(np) = doc.subject_of(k, lo) {
            if np.end + 1 == k
                && !doc.has(np.end, lexicon::REPORT_NOUN)
                && doc.tok_text(k - 1) != ","
            {
                return Some(np);
            }
        }
        return doc.sentence_subject(k);
    }
    if let Some(np) = doc.subject_of(k, lo) {
        return Some(np);
    }
    if cue.frames & lexicon::F_INVERT != 0 {
        let (_, se) = doc.sent_range(k);
        return doc.np_right(k + 1, se).map(|(a, b)| doc.make_np(a, b));
    }
    None
}

/// Reported speech: the content clauses of reporting verbs outside quotes.
fn reported(
    doc: &Doc,
    profile: Profile,
    inside: &[u32],
    kept_at: &[bool],
    directs: &[Direct],
    found: &mut Vec<Found>,
) {
    let n = doc.toks.len();
    let cue_spans: std::collections::HashSet<Span> = found.iter().filter_map(|f| f.cue).collect();
    let mut direct_by_cue: std::collections::HashMap<Span, usize> =
        std::collections::HashMap::new();
    for (k, d) in directs.iter().enumerate() {
        if let Some((a, b)) = d.cue {
            direct_by_cue.entry(doc.span(a, b)).or_insert(k);
        }
    }
    let mut contents: std::collections::HashSet<Span> = found.iter().map(|f| f.content).collect();
    let mut i = 0;
    while i < n {
        if inside[i] != 0 || doc.info[i].cue.is_none() {
            i += 1;
            continue;
        }
        let Some((cue, last)) = doc.cue_at(i, profile) else {
            i += 1;
            continue;
        };
        let (s0, s1) = doc.sent_range(i);
        let cue_span = doc.span(i, last);
        let used_by_direct = cue_spans.contains(&cue_span);
        let made = if cue.source_after {
            according_to(doc, i, last, s0, s1, inside, kept_at)
        } else {
            inverted(doc, &cue, i, last, s0, s1, inside)
                .or_else(|| forward(doc, profile, &cue, i, last, s0, s1, inside, kept_at))
        };
        if let Some(mut f) = made {
            if f.minor && !used_by_direct {
                // A short clause before a quote the cue did not claim: nothing.
            } else if !(used_by_direct && f.minor && profile == Profile::Speech) {
                f.cue = Some(cue_span);
                // Direct pieces with this cue keep their speaker; share it when ours is empty.
                if f.source.is_none() {
                    if let Some(d) = direct_by_cue.get(&cue_span).map(|&k| &directs[k]) {
                        f.source = d.subject.map(|s| s.source);
                        f.speaker = d.subject.map(|s| s.name);
                        f.pronoun = d.subject.and_then(|s| s.pronoun);
                    }
                }
                if f.content.start < f.content.end && contents.insert(f.content) {
                    found.push(f);
                }
            }
        }
        i = last + 1;
    }
}

/// `according to X, CONTENT` / `CONTENT, according to X`.
fn according_to(
    doc: &Doc,
    i: usize,
    last: usize,
    s0: usize,
    s1: usize,
    inside: &[u32],
    kept_at: &[bool],
) -> Option<Found> {
    let src_start = last + 1;
    if src_start >= s1 {
        return None;
    }
    // The source: up to a comma, or up to a determiner or pronoun opening the clause.
    let mut e = src_start;
    while e + 1 < s1 {
        let t = e + 1;
        if !doc.is_word(t) && !doc.is_possessive(t) && doc.toks[t].kind != TokenKind::Number {
            break;
        }
        // `people familiar with the talks`: the attachment belongs to the source.
        if doc.attached_source_head(t, src_start).is_some() {
            if let Some((_, e2)) = doc.np_right(t + 1, s1) {
                e = e2;
            }
            break;
        }
        // `figures from the ministry`, `a survey by the BBC`: an attachment of the source.
        let attached = doc.has(t, lexicon::DET)
            && !doc.has(t, lexicon::PRON)
            && lexicon::with_lower(doc.tok_text(e), |l| {
                matches!(l, "of" | "from" | "by" | "at" | "in")
            });
        if !attached
            && doc.has(
                t,
                lexicon::DET | lexicon::PRON | lexicon::STOP | lexicon::AUX,
            )
            || doc.info[t].cue.is_some_and(|c| {
                c.frames & lexicon::F_NOUNY == 0 && matches!(c.form, Form::Past | Form::S)
            }) && !doc.cap(t)
        {
            break;
        }
        e = t;
    }
    if doc.has(src_start, lexicon::PRON) {
        e = src_start;
    }
    let np = doc.make_np(src_start, e);
    let before_comma = i > s0 + 1 && doc.tok_text(i - 1) == ",";
    // Mid-clause, `according to` is manner (`ranked according to the steps they take`,
    // `dealt with according to the law`) unless it names a source and ends the sentence:
    // `shop online according to figures collected by …`.
    let opens_clause = i == s0
        || !doc.is_word(i - 1)
        || lexicon::with_lower(doc.tok_text(i - 1), |w| {
            matches!(w, "and" | "but" | "yet" | "so" | "that")
        });
    if !before_comma && !opens_clause {
        // The source runs to the sentence's end or a comma: what came before was said.
        let stop = (src_start..s1).find(|&k| doc.tok_text(k) == "," || doc.is_hard_punct(k));
        let src_end = stop.unwrap_or(s1).saturating_sub(1);
        let ends =
            stop.is_none_or(|k| doc.tok_text(k) == "," || (k + 1..s1).all(|j| !doc.is_word(j)));
        // The head of the source's first noun phrase: before `of`, `by`, `in` … or a participle.
        let head = (src_start..=src_end)
            .find(|&k| {
                k == src_end
                    || doc.has(k + 1, lexicon::PREP | lexicon::STOP)
                    || !doc.cap(k + 1) && doc.tok_text(k + 1).ends_with("ed")
            })
            .unwrap_or(src_end);
        if !ends || src_end < src_start || !source_like(doc, head) {
            return None;
        }
        let np = doc.make_np(src_start, src_end);
        let mut a = s0;
        while a < i && doc.is_mark(a) && inside[a] == 0 {
            a += 1;
        }
        // `That is according to …` points back to a sentence it does not hold.
        if word_count(doc, a, i) < 3 {
            return None;
        }
        return content_found(doc, a, i - 1, Some(np), inside);
    }
    let (cs, ce) = if before_comma {
        // `CONTENT, according to X`.
        let mut a = s0;
        while a < i - 1 && (doc.is_mark(a) && inside[a] == 0) {
            a += 1;
        }
        (a, i - 2)
    } else {
        let mut a = e + 1;
        if a < s1 && doc.tok_text(a) == "," {
            a += 1;
            // A relative clause on the source (`According to the WSJ, which cites people
            // familiar with the case, the directors …`) runs to its closing comma.
            if a < s1 && lexicon::with_lower(doc.tok_text(a), |l| matches!(l, "which" | "who")) {
                let close = (a + 1..s1.min(a + 25)).find(|&k| doc.tok_text(k) == ",")?;
                a = close + 1;
            }
        }
        if a >= s1 {
            return None;
        }
        let end = clause_end(doc, a, s1, inside, kept_at);
        (a, end?)
    };
    content_found(doc, cs, ce, Some(np), inside)
}

/// Whether the noun phrase ending at token `e` can be a source: a name, a role or a report,
/// or numbers and research that say something (`figures`, `a survey`).
fn source_like(doc: &Doc, e: usize) -> bool {
    if doc.cap(e) || doc.has(e, lexicon::ROLE | lexicon::REPORT_NOUN) {
        return true;
    }
    lexicon::with_lower(doc.tok_text(e), |w| {
        let one = w.strip_suffix('s').unwrap_or(w);
        lexicon::lookup(one).flags & (lexicon::ROLE | lexicon::REPORT_NOUN) != 0
            || matches!(
                one,
                "figure"
                    | "data"
                    | "statistic"
                    | "estimate"
                    | "research"
                    | "survey"
                    | "poll"
                    | "study"
                    | "studie"
                    | "panel"
                    | "lawyer"
                    | "police"
                    | "document"
                    | "record"
                    | "analysis"
                    | "calculation"
                    | "count"
                    | "census"
            )
    })
}

/// `CONTENT, X said.` / `CONTENT, said X.` / `CONTENT, X said, CONTENT.`
fn inverted(
    doc: &Doc,
    cue: &Cue,
    i: usize,
    last: usize,
    s0: usize,
    s1: usize,
    inside: &[u32],
) -> Option<Found> {
    if cue.form == Form::Ing {
        return None;
    }
    // Subject before the verb, preceded by a comma; or the verb right after the comma.
    let (comma, np) = if i > s0 && doc.tok_text(i - 1) == "," && cue.frames & lexicon::F_INVERT != 0
    {
        let np = doc.np_right(last + 1, s1).map(|(a, b)| doc.make_np(a, b))?;
        (i - 1, np)
    } else {
        let np = doc.subject_of(i, s0)?;
        if np.start == 0 || np.start <= s0 || doc.tok_text(np.start - 1) != "," {
            return None;
        }
        (np.start - 1, np)
    };
    // After the verb: at most a short adjunct before the sentence end or a comma.
    let after_from = if comma + 1 == i { np.end + 1 } else { last + 1 };
    let mut k = after_from;
    while k < s1 && k - after_from < 7 {
        if doc.tok_text(k) == "," || doc.is_hard_punct(k) || doc.is_mark(k) {
            break;
        }
        if doc.is(k, "that") {
            return None;
        }
        k += 1;
    }
    // Nothing but an adjunct may follow (`said on Monday`); an object means no inversion.
    if k > after_from && !doc.has(after_from, lexicon::PREP | lexicon::ADV | lexicon::TIME) {
        return None;
    }
    let tail_end = k >= s1 || doc.is_hard_punct(k) || doc.is_mark(k);
    let mid = k < s1 && doc.tok_text(k) == ",";
    if !(tail_end || mid) {
        return None;
    }
    // The content before the comma must be a clause of the sentence, outside quotes.
    let mut a = s0;
    while a < comma && doc.is_mark(a) {
        a += 1;
    }
    if comma <= a || (a..comma).any(|x| inside[x] != 0) || word_count(doc, a, comma) < 3 {
        return None;
    }
    let mut f = content_found(doc, a, comma - 1, Some(np), inside)?;
    if mid && !tail_end {
        // `The plan, he said, is dead.`: the rest of the sentence is content too.
        let b = k + 1;
        let mut e = s1;
        while e > b && (doc.is_hard_punct(e - 1) || doc.is_mark(e - 1)) {
            e -= 1;
        }
        // Unless the rest is the speaker's appositive (`…, said Gerhard Romen, head of
        // market development at Nokia.`): a phrase that opens like a noun phrase and has
        // no verb of its own.
        let appositive = comma + 1 == i
            && e > b
            && (doc.has(b, lexicon::DET) || doc.cap(b) || is_source_head(doc.tok_text(b)))
            && (b..e).all(|x| !doc.has(x, lexicon::AUX | lexicon::BE) && !doc.verbish(x));
        if appositive {
            let source = f.source.unwrap_or(np.source);
            f.source = Some(Span::new(source.start, doc.span(b, e - 1).end));
        } else if e > b && (b..e).all(|x| inside[x] == 0) {
            let second = doc.span(b, e - 1);
            f.marked = Span::new(f.content.start, second.end);
            f.content = f.marked;
        }
    }
    Some(f)
}

/// `X said (that) CONTENT`, `X told Y (that) CONTENT`.
#[allow(clippy::too_many_arguments)]
fn forward(
    doc: &Doc,
    profile: Profile,
    cue: &Cue,
    i: usize,
    last: usize,
    s0: usize,
    s1: usize,
    inside: &[u32],
    kept_at: &[bool],
) -> Option<Found> {
    if cue.frames & (lexicon::F_AS | lexicon::F_NAME) != 0 {
        // `described X as`, `called X`: these take names and quotes, not clauses.
        return None;
    }
    let np = subject_for(doc, i, cue, s0)?;
    if cue.frames & lexicon::F_REPORT_SUBJ != 0 && !doc.has(np.end, lexicon::REPORT_NOUN) {
        return None;
    }
    if np.end >= i && !(cue.form == Form::Ing) {
        // The subject came after the verb (inverted at the sentence start): no clause follows.
        return None;
    }
    let mut a = last + 1;
    if a >= s1 {
        return None;
    }
    let mut linked = false;
    if doc.tok_text(a) == ":" {
        a += 1;
        linked = true;
    } else {
        // `that` within a few tokens (over an addressee or a short adjunct).
        let mut t = a;
        let mut that = None;
        while t < s1 && t - a < 9 {
            if doc.is(t, "that") {
                that = Some(t);
                break;
            }
            if !doc.is_word(t) && !doc.is_possessive(t) && doc.toks[t].kind != TokenKind::Number
                || inside[t] != 0
            {
                break;
            }
            if doc.verbish(t) {
                break;
            }
            t += 1;
        }
        // A verb that takes no addressee (`denied`, `said`) with a bare object before the
        // `that` heads a relative clause: `denied any part in the explosion that killed 32`.
        let object_first = cue.frames & lexicon::F_TELL == 0
            && that.is_some_and(|t| t > a)
            && !doc.has(a, lexicon::PREP | lexicon::ADV | lexicon::TIME)
            && !doc.tok_text(a).ends_with("ly");
        if let Some(t) = that.filter(|_| !object_first) {
            // Only over an addressee or an adjunct: not `said the plan that failed …`.
            a = t + 1;
            linked = true;
        } else if cue.frames & lexicon::F_TELL != 0 {
            // `told the BBC News website.`: an addressee and nothing said after it.
            if let Some((_, b)) = doc.np_right(a, s1) {
                if (b + 1..s1).all(|k| !doc.is_word(k) && doc.toks[k].kind != TokenKind::Number) {
                    return None;
                }
            }
            if doc.has(a, lexicon::ADDRESSEE) {
                a += 1;
            } else if doc.has(a, lexicon::DET)
                && !doc.has(a, lexicon::PRON)
                && a + 1 < s1
                && doc.cap(a + 1)
                && {
                    // `told the BBC (that) it …`: a named addressee, then a clause.
                    let mut b = a + 1;
                    while b < s1 && doc.cap(b) {
                        b += 1;
                    }
                    b < s1 && (doc.is(b, "that") || doc.has(b, lexicon::PRON | lexicon::DET))
                }
            {
                a += 1;
                while a < s1 && doc.cap(a) {
                    a += 1;
                }
            } else if doc.cap(a) && !doc.has(a, lexicon::PRON | lexicon::DET) {
                while a < s1 && doc.cap(a) {
                    a += 1;
                }
                // Coordinated addressees: `warned Labour and the Tories they were …`.
                while a + 1 < s1 && doc.is(a, "and") {
                    let mut b = a + 1;
                    if doc.has(b, lexicon::DET) && !doc.has(b, lexicon::PRON) {
                        b += 1;
                    }
                    if b >= s1 || !doc.cap(b) || doc.has(b, lexicon::PRON) {
                        break;
                    }
                    while b < s1 && doc.cap(b) {
                        b += 1;
                    }
                    a = b;
                }
            }
        }
    }
    if a >= s1 {
        return None;
    }
    let quantifier = a + 1 < s1
        && (doc.is(a + 1, "least")
            || doc.is(a + 1, "most")
            || doc.is(a + 1, "half")
            || doc.has(a + 1, lexicon::DET) && !doc.is(a, "of")
            || doc.toks[a + 1].kind == TokenKind::Number)
        && lexicon::with_lower(doc.tok_text(a), |l| {
            matches!(
                l,
                "at" | "about" | "around" | "over" | "under" | "nearly" | "almost"
            )
        });
    if !linked
        && !quantifier
        && (doc.has(a, lexicon::PREP) || doc.is(a, "to"))
        && !(profile == Profile::Parc && cue.frames & lexicon::F_ABOUT != 0)
    {
        return None;
    }
    if !doc.is_word(a) && doc.toks[a].kind != TokenKind::Number && !doc.is_mark(a) {
        return None;
    }
    // `claimed responsibility for`, `made allegations against`: an object, not a clause.
    if a + 1 < s1
        && doc.is_word(a)
        && !doc.cap(a)
        && !doc.has(a, lexicon::DET | lexicon::PRON)
        && doc.has(a + 1, lexicon::PREP)
    {
        return None;
    }
    if kept_at[a] {
        // The cue introduces a direct quote right away.
        return None;
    }
    // `denied him bail`: a refusal, not a denial of words.
    if !linked && lexicon::lemma_of(cue) == "deny" && doc.double_object_at(last + 1) {
        return None;
    }
    // `claimed the title`, `claimed the lives of`: a prize or a toll taken, not words.
    if !linked
        && lexicon::lemma_of(cue) == "claim"
        && (a..(a + 6).min(s1)).any(|k| is_prize_noun(doc.tok_text(k)))
        && !(a..(a + 8).min(s1)).any(|k| doc.has(k, lexicon::AUX | lexicon::BE))
    {
        return None;
    }
    let end = clause_end(doc, a, s1, inside, kept_at)?;
    if !linked && object_like(doc, a, end) {
        return None;
    }
    let mut f = content_found(doc, a, end, Some(np), inside)?;
    let stops_at_quote = end + 1 < doc.toks.len() && kept_at.get(end + 1).copied().unwrap_or(false);
    let words = word_count(doc, a, end + 1);
    let linker_end = lexicon::with_lower(doc.tok_text(end), |l| {
        matches!(l, "as" | "about" | "of" | "on" | "that" | "so-called")
    });
    if stops_at_quote && (words < 3 || linker_end) {
        f.minor = true;
    } else if words < if linked { 2 } else { 3 } {
        return None;
    }
    Some(f)
}

/// A noun phrase with a prepositional complement and no verb in sight (`reiterated the need
/// for …`): an object, not a content clause.
fn object_like(doc: &Doc, a: usize, end: usize) -> bool {
    let starts_np =
        doc.has(a, lexicon::DET) || doc.is_word(a) && !doc.cap(a) && !doc.has(a, lexicon::PRON);
    let prep_soon =
        (a + 1..=(a + 3).min(end)).any(|k| doc.has(k, lexicon::PREP) && !doc.is(k, "to"));
    let verb = (a..=end.min(a + 10)).any(|k| {
        doc.has(k, lexicon::AUX | lexicon::BE) && !doc.is(k, "to")
            || doc.is_word(k)
                && !doc.cap(k)
                && doc.tok_text(k).ends_with("ed")
                && !doc.tok_text(k).ends_with("eed")
    });
    starts_np && prep_soon && !verb
}

/// The last token of a reported clause starting at `a`: before the sentence end, a kept direct
/// quote, a dash or semicolon, or a comma opening an adjunct (`, which`, `, implying`).
fn clause_end(doc: &Doc, a: usize, s1: usize, inside: &[u32], kept_at: &[bool]) -> Option<usize> {
    let mut k = a;
    while k < s1 {
        if k > a && kept_at[k] {
            break;
        }
        if inside[k] == 0 {
            let t = doc.tok_text(k);
            if matches!(t, ";" | "(" | "—" | "–" | "--" | "―") {
                break;
            }
            if t == "," && k + 1 < s1 {
                let nx = k + 1;
                if doc.has(nx, lexicon::BREAK) {
                    break;
                }
                // `, he said` / `, said X`: an inverted cue closes the clause.
                if (nx..(nx + 4).min(s1)).any(|x| {
                    doc.info[x]
                        .cue
                        .is_some_and(|c| c.form != Form::Ing && c.class == CueClass::Speech)
                        && !doc.cap(x)
                }) {
                    break;
                }
            }
        }
        k += 1;
    }
    let mut e = k;
    while e > a
        && (doc.is_hard_punct(e - 1)
            || doc.tok_text(e - 1) == ","
            || doc.tok_text(e - 1) == ":"
            || doc.is_mark(e - 1) && inside[e - 1] == 0)
    {
        e -= 1;
    }
    (e > a).then(|| e - 1)
}

fn content_found(doc: &Doc, a: usize, e: usize, np: Option<Np>, _inside: &[u32]) -> Option<Found> {
    if e < a {
        return None;
    }
    let span = doc.span(a, e);
    Some(Found {
        content: span,
        marked: span,
        direct: false,
        source: np.map(|n| n.source),
        speaker: np.map(|n| n.name),
        cue: None,
        minor: false,
        pronoun: np.and_then(|n| n.pronoun),
    })
}

/// Replaces pronoun speakers by their antecedent: the nearest compatible speaker or name
/// before the pronoun (persons for he/she, organisations or names for it, plural or collective
/// sources for they/we).
fn resolve_pronouns(doc: &Doc, found: &mut [Found]) {
    // Names inside quotation marks are the quoted speaker's words, not the narrative's actors.
    let mut quoted: Vec<Span> = found
        .iter()
        .filter(|f| f.direct)
        .map(|f| f.content)
        .collect();
    quoted.sort_by_key(|s| s.start);
    let in_quote = |s: Span| {
        let k = quoted.partition_point(|q| q.start <= s.start);
        quoted[..k].iter().rev().take(4).any(|q| q.end >= s.end)
    };
    for fi in 0..found.len() {
        let Some(p) = found[fi].pronoun else { continue };
        if let Some(b) = antecedent(doc, found, fi, p, true, &in_quote)
            .or_else(|| antecedent(doc, found, fi, p, false, &in_quote))
        {
            found[fi].speaker = Some(b);
        }
    }
}

/// The antecedent of pronoun `p`, the speaker of `found[fi]`: with `before_content`, only
/// mentions before the sentence of a content that precedes the pronoun.
fn antecedent(
    doc: &Doc,
    found: &[Found],
    fi: usize,
    p: usize,
    before_content: bool,
    in_quote: &dyn Fn(Span) -> bool,
) -> Option<Span> {
    let f = doc.flags(p);
    let at = doc.toks[p].span.start;
    let window = at.saturating_sub(2500);
    // A pronoun after its own content (`Mr Sullivan "made decisions," he told the court`)
    // has its antecedent before that sentence: what precedes it there is what was said.
    let content = found[fi].content;
    let limit = if before_content && content.start < at {
        let first = doc.toks.partition_point(|t| t.span.end <= content.start);
        let s0 = doc.sent_range(first.min(doc.toks.len() - 1)).0;
        doc.toks[s0].span.start.min(at)
    } else {
        at
    };
    // The antecedent is in the latest sentence with a compatible mention, and there the
    // first one, the subject more often than not (`Dr Fox accused Mr Blair … He told
    // BBC Radio`), not the nearest.
    let sent_of = |s: Span| doc.sent[doc.toks.partition_point(|t| t.span.end <= s.start)];
    let mut best: Option<(u32, Span)> = None;
    let mut consider = |s: Span| {
        if s.end <= limit && s.start >= window && !in_quote(s) {
            let key = sent_of(s);
            let better = match best {
                None => true,
                Some((k, b)) => key > k || key == k && s.start < b.start,
            };
            if better {
                best = Some((key, s));
            }
        }
    };
    let personal = f & lexicon::PERSONAL != 0;
    let neuter = f & lexicon::NEUTER != 0;
    let text = doc.text;
    // Earlier named speakers.
    for g in found[..fi]
        .iter()
        .rev()
        .take_while(|g| g.content.end >= window || g.content.start >= window)
    {
        if g.pronoun.is_some() {
            continue;
        }
        let Some(s) = g.speaker else { continue };
        let Some((a, b)) = toks_in(doc, s) else {
            continue;
        };
        let named = doc.cap(b);
        let single_word_upper = a == b
            && text[s.start..s.end]
                .chars()
                .filter(|c| c.is_uppercase())
                .count()
                >= 2;
        let ok = if personal {
            named
                && !single_word_upper
                && doc
                    .entities_in(s.start, s.end)
                    .iter()
                    .all(|e| e.kind == EntityType::Person)
        } else if neuter {
            // An organisation: tagged as one, an acronym, or one untagged capitalised word
            // past the sentence start (`…, Seagate said. … it said`; `Analysts` opening a
            // sentence is no name).
            let entities = doc.entities_in(s.start, s.end);
            named
                && (single_word_upper
                    || entities.iter().any(|e| e.kind != EntityType::Person)
                    || a == b && entities.is_empty() && doc.sent_range(a).0 != a)
        } else {
            true
        };
        if ok {
            consider(s);
        }
    }
    // Entity mentions.
    for e in doc.entities_in(window, at) {
        let ok = if personal {
            e.kind == EntityType::Person
        } else if neuter {
            e.kind == EntityType::Organization
        } else {
            matches!(e.kind, EntityType::Organization | EntityType::Location)
        };
        if ok {
            consider(e.span);
        }
    }
    // Without entities: capitalised names (two capitalised words, or an acronym for `it`).
    if doc.entities.is_empty() {
        let upto = doc.toks.partition_point(|t| t.span.end <= at);
        let from = doc.toks.partition_point(|t| t.span.start < window);
        let mut k = from;
        while k < upto {
            if doc.cap(k)
                && !doc.has(
                    k,
                    lexicon::DET | lexicon::PRON | lexicon::TITLE | lexicon::STOP | lexicon::TIME,
                )
            {
                let s = k;
                while k + 1 < upto && doc.cap(k + 1) {
                    k += 1;
                }
                let w = doc.tok_text(s);
                let acronym =
                    s == k && w.len() >= 2 && w.chars().filter(|c| c.is_uppercase()).count() >= 2;
                if personal && k > s || neuter && acronym {
                    consider(doc.span(s, k));
                }
            }
            k += 1;
        }
    }
    best.map(|(_, b)| b)
}
