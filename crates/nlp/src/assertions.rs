//! Assertions: who claims responsibility, blames, denies, warns, confirms, dismisses, accuses,
//! arrests, charges or speculates, and about whom or what.
//!
//! # What
//! One [`Assertion`] per (subject, predicate, object, sentence) for reported acts, read from
//! - **trigger verbs** with their argument frames: active (`IS-K claimed responsibility for
//!   the attack`), passive with or without an agent (`suspects arrested by the security
//!   forces`, `they were accused of …`), relative (`the attack, which IS-K has claimed`;
//!   `a warning the Kremlin dismissed`), infinitive (`prompting analysts to speculate about …`),
//!   and support-verb phrases (`pin the blame … on X`, `hint at X involvement`, `round up`);
//! - **trigger nouns** with a possessor or source (`America’s warning`, `advice from Britain,
//!   the US and …`, `Moscow’s claims of …`, `carried out arrests`, `arrests of X in Y and Z`);
//! - **quotes** whose cue is neutral (`said`, `told`) but whose content names a threat
//!   (`"X is one of the most serious terror threats"` is a warning about X).
//!
//! Subjects and objects are name spans (entity mentions when the tagger found them, else the
//! capitalised run at the head of the phrase) so that the merge can link them; coordinated
//! subjects give one assertion each; pronouns are replaced by their antecedent. An unnamed
//! subject is reported as its descriptor; an implicit one (`arrests … in Germany`) as the
//! places named.
//!
//! `hedged` is set when the act is tentative or second-hand: a hedge word near the trigger
//! (`reportedly`, `allegedly`, `may`, `could`, `believed`, `in their view`, `no hard evidence`),
//! or a trigger that is itself tentative (`hint`, `speculate`).
//!
//! # How
//! The same token facts and noun-phrase walks as [`crate::quotes`] (one lookup per token, no
//! regex); a small trigger table below maps word forms to predicates.

use crate::quotes::{is_negation_word, lexicon, Doc, Np};

use dossier_model::{Assertion, Entity, EntityType, Predicate, Quote, Span, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trig {
    Claim,
    Blame,
    Deny,
    Warn,
    Confirm,
    Dismiss,
    /// `reject`, `ignore`: a dismissal only of a warning, claim or advice.
    Reject,
    Accuse,
    Arrest,
    Charge,
    Speculate,
    Hint,
    Boast,
    /// `put`, `pin`, `lay`, `place`, `shift` (`… the blame on X`).
    PutBlame,
    /// `round` (`round up`).
    Round,
}

fn trigger(w: &str) -> Option<(Trig, bool)> {
    // (trigger, is a noun form)
    if w.len() < 3 || w.len() > 12 {
        return None;
    }
    lexicon::with_lower(w, trigger_lower)
}

fn trigger_lower(l: &str) -> Option<(Trig, bool)> {
    Some(match l {
        "claim" | "claims" | "claimed" | "claiming" => (Trig::Claim, false),
        "blame" | "blames" | "blamed" | "blaming" => (Trig::Blame, false),
        "deny" | "denies" | "denied" | "denying" => (Trig::Deny, false),
        "denial" | "denials" => (Trig::Deny, true),
        "warn" | "warns" | "warned" => (Trig::Warn, false),
        "warning" | "warnings" | "advice" => (Trig::Warn, true),
        "confirm" | "confirms" | "confirmed" | "confirming" => (Trig::Confirm, false),
        "dismiss" | "dismisses" | "dismissed" | "dismissing" => (Trig::Dismiss, false),
        "reject" | "rejects" | "rejected" | "rejecting" | "ignore" | "ignores" | "ignored"
        | "ignoring" => (Trig::Reject, false),
        "accuse" | "accuses" | "accused" | "accusing" => (Trig::Accuse, false),
        "accusation" | "accusations" | "allegation" | "allegations" => (Trig::Accuse, true),
        "arrest" | "arrested" | "arresting" | "detain" | "detains" | "detained" | "apprehend"
        | "apprehended" | "captured" => (Trig::Arrest, false),
        "arrests" => (Trig::Arrest, true),
        "charge" | "charged" | "charging" => (Trig::Charge, false),
        "speculate" | "speculates" | "speculated" | "speculating" => (Trig::Speculate, false),
        "speculation" => (Trig::Speculate, true),
        "hint" | "hints" | "hinted" | "hinting" => (Trig::Hint, false),
        "boast" | "boasts" | "boasted" | "boasting" => (Trig::Boast, false),
        "put" | "puts" | "putting" | "pin" | "pins" | "pinned" | "pinning" | "lay" | "lays"
        | "laid" | "laying" | "place" | "placed" | "placing" | "shift" | "shifted" | "shifting" => {
            (Trig::PutBlame, false)
        }
        "round" | "rounded" | "rounding" => (Trig::Round, false),
        _ => return None,
    })
}

fn is_attack_noun(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "attack"
                | "attacks"
                | "bombing"
                | "bombings"
                | "massacre"
                | "shooting"
                | "assault"
                | "atrocity"
                | "killings"
                | "killing"
                | "blast"
                | "explosion"
                | "raid"
                | "strike"
                | "operation"
        )
    })
}

fn is_violent_ing(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "killing"
                | "attacking"
                | "bombing"
                | "murdering"
                | "slaughtering"
                | "carrying"
                | "shooting"
                | "massacring"
                | "targeting"
        )
    })
}

fn is_warning_noun(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "warning"
                | "warnings"
                | "advice"
                | "claim"
                | "claims"
                | "allegation"
                | "allegations"
                | "report"
                | "reports"
                | "accusation"
                | "accusations"
                | "suggestion"
                | "suggestions"
                | "intelligence"
                | "tip"
        )
    })
}

/// Verbs that say what a party is or has: `is`, `poses`, `remains`, `retains` ….
fn predicates_threat(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "is" | "are"
                | "was"
                | "were"
                | "'s"
                | "’s"
                | "remains"
                | "remain"
                | "remained"
                | "pose"
                | "poses"
                | "posed"
                | "represents"
                | "represent"
                | "represented"
                | "retains"
                | "retain"
                | "retained"
                | "becoming"
                | "become"
                | "becomes"
                | "has"
                | "have"
                | "had"
        )
    })
}

/// Nouns whose infinitive says what may or should happen: `powers to detain`, `plans to arrest`.
fn is_intent_noun(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l.strip_suffix('s').unwrap_or(l),
            "power"
                | "plan"
                | "right"
                | "ability"
                | "authority"
                | "order"
                | "decision"
                | "call"
                | "proposal"
                | "law"
                | "bill"
                | "legislation"
                | "need"
                | "threat"
                | "pledge"
                | "promise"
                | "warrant"
                | "permission"
                | "mandate"
        )
    })
}

fn is_threat_word(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            "threat"
                | "threats"
                | "danger"
                | "dangers"
                | "dangerous"
                | "menace"
                | "crosshairs"
                | "plotting"
                | "capability"
        )
    })
}

/// Claims of responsibility, blame, denials, warnings … with subject and object spans.
pub fn annotate(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    quotes: &[Quote],
) -> Vec<Assertion> {
    let doc = Doc::new(text, tokens, sentences, entities);
    let mut out: Vec<Assertion> = Vec::new();
    let n = tokens.len();
    for i in 0..n {
        if !doc.is_word(i) {
            continue;
        }
        let Some((mut trig, mut noun)) = trigger(doc.tok_text(i)) else {
            continue;
        };
        if trig == Trig::Claim && i > 0 && doc.is_possessive(i - 1) {
            // `Moscow’s claims of …`: an accusation.
            (trig, noun) = (Trig::Accuse, true);
        }
        if doc.sent_range(i).0 != i && doc.cap(i) && !noun {
            // A capitalised trigger inside a sentence is a name (`Warner`, `Charge d'Affaires`).
            continue;
        }
        verb_or_noun(&doc, i, trig, noun, quotes, &mut out);
    }
    from_quotes(&doc, quotes, &mut out);
    // One assertion per (subject, predicate, object, sentence).
    let mut seen = std::collections::HashSet::new();
    out.retain(|a| seen.insert((a.subject, a.predicate, a.object, a.sentence)));
    out.sort_by_key(|a| (a.sentence.start, a.predicate));
    out
}

fn sentence_span(doc: &Doc, i: usize) -> Span {
    let (s, e) = doc.sent_range(i);
    doc.span(s, e.max(s + 1) - 1)
}

/// Hedge words in `[from, to]` (token indices), or a tentative phrase.
fn hedged_between(doc: &Doc, from: usize, to: usize) -> bool {
    let to = to.min(doc.toks.len().saturating_sub(1));
    (from..=to).any(|k| {
        doc.has(k, lexicon::HEDGE)
            || doc.is(k, "view") && k >= 2 && doc.is(k - 2, "in")
            || doc.is(k, "evidence") && k >= 2 && doc.is(k - 2, "no")
            || doc.is(k, "said")
                && k + 1 < doc.toks.len()
                && doc.is(k + 1, "to")
                && k > 0
                && doc.has(k - 1, lexicon::BE)
            || doc.is(k, "hint")
            || doc.is(k, "hints")
            || doc.is(k, "hinted")
            || doc.is(k, "hinting")
    })
}

/// Is the word before `i` (over adverbs) a form of `be` (a passive)?
fn passive(doc: &Doc, i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        if doc.has(k, lexicon::ADV) && !doc.has(k, lexicon::BE)
            || !doc.cap(k) && doc.tok_text(k).ends_with("ly")
        {
            continue;
        }
        return doc.has(k, lexicon::BE);
    }
    false
}

/// The subject of a passive verb at `i`, past a reduced relative clause between them: in `A man
/// suspected of radical links has been charged` the charged is `A man`, not `radical links`.
fn passive_subject(doc: &Doc, i: usize, s0: usize) -> Option<Np> {
    let np = doc.subject_of(i, s0)?;
    let (a, _) = doc.sent_range(np.start);
    if np.start >= a + 3 && doc.has(np.start - 1, lexicon::PREP) {
        let participle = np.start - 2;
        let w = doc.tok_text(participle);
        if !doc.cap(participle) && w.ends_with("ed") && doc.is_word(participle - 1) {
            if let Some((s, e)) = doc.np_left(participle - 1, s0) {
                return Some(doc.make_np(s, e));
            }
        }
    }
    Some(np)
}

/// The agent of a passive: `by X` within a few tokens after `i`.
fn agent_after(doc: &Doc, i: usize) -> Option<Np> {
    let (_, s1) = doc.sent_range(i);
    let by = (i + 1..(i + 4).min(s1)).find(|&k| doc.is(k, "by"))?;
    let (a, b) = doc.np_right(by + 1, s1)?;
    Some(doc.make_np(a, b))
}

/// The antecedent span of a pronoun at `p`: inside a sentence, its subject when that is a
/// name; otherwise the nearest compatible entity (or capitalised name) before it.
fn antecedent(doc: &Doc, p: usize) -> Option<Span> {
    let (s0, _) = doc.sent_range(p);
    let personal = doc.has(p, lexicon::PERSONAL);
    // A pronoun opening a content clause (`warn they are …`, `said that it …`) is not the
    // sentence's subject again.
    let opens_clause = p > s0 && (doc.is(p - 1, "that") || doc.info[p - 1].cue.is_some());
    if p > s0 && !opens_clause {
        if let Some(np) = doc.sentence_subject(p) {
            if np.end < p && np.pronoun.is_none() {
                return Some(np.name);
            }
        }
    }
    let at = doc.toks[p].span.start;
    let window = at.saturating_sub(1500);
    let best = doc
        .entities_in(window, at)
        .iter()
        .filter(|e| e.span.end <= at && e.span.start >= window)
        .filter(|e| {
            if personal {
                e.kind == EntityType::Person
            } else {
                e.kind == EntityType::Organization
            }
        })
        .max_by_key(|e| e.span.start)
        .map(|e| e.span);
    if best.is_some() || !doc.entities.is_empty() {
        return best;
    }
    // No tagger: the nearest acronym (it/they) or two-word capitalised name (he/she).
    let from = doc.toks.partition_point(|t| t.span.start < window);
    (from..p).rev().find_map(|k| {
        let w = doc.tok_text(k);
        let acronym = w.len() >= 2 && w.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if !personal && doc.is_word(k) && acronym {
            return Some(doc.toks[k].span);
        }
        if personal
            && k > 0
            && doc.cap(k)
            && doc.cap(k - 1)
            && !doc.has(k - 1, lexicon::DET | lexicon::TITLE)
        {
            return Some(doc.span(k - 1, k));
        }
        None
    })
}

/// The subject spans of a phrase: one per named party in a coordination (`Germany and the
/// Netherlands`), else the phrase's speaker span; pronouns resolved.
fn subjects_of(doc: &Doc, np: &Np) -> Vec<Span> {
    if let Some(p) = np.pronoun {
        return vec![antecedent(doc, p).unwrap_or(np.name)];
    }
    let has_and = (np.start..=np.end).any(|k| doc.is(k, "and"));
    if has_and {
        let whole = doc.span(np.start, np.end);
        let ents: Vec<Span> = doc
            .entities_in(whole.start, whole.end)
            .iter()
            .filter(|e| whole.contains(e.span) && e.kind != EntityType::Misc)
            .map(|e| e.span)
            .collect();
        if ents.len() >= 2 {
            return ents;
        }
        if doc.entities.is_empty() {
            // Capitalised runs separated by the coordination.
            let mut runs = Vec::new();
            let mut k = np.start;
            while k <= np.end {
                if doc.cap(k) && !doc.has(k, lexicon::DET | lexicon::TITLE) {
                    let s = k;
                    while k < np.end && doc.cap(k + 1) {
                        k += 1;
                    }
                    runs.push(doc.span(s, k));
                }
                k += 1;
            }
            if runs.len() >= 2 {
                return runs;
            }
        }
    }
    vec![np.name]
}

/// Named parties in a list starting at `s` (`Britain, the US and other countries`).
fn name_list(doc: &Doc, s: usize, hi: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut k = s;
    while k < hi {
        if doc.has(k, lexicon::DET) || doc.tok_text(k) == "," || doc.is(k, "and") {
            k += 1;
            continue;
        }
        if doc.cap(k) {
            let a = k;
            while k + 1 < hi && doc.cap(k + 1) {
                k += 1;
            }
            let run = doc.span(a, k);
            let ent = doc.entities_in(run.start, run.end).first().map(|e| e.span);
            out.push(ent.unwrap_or(run));
            k += 1;
            continue;
        }
        break;
    }
    out
}

/// What a warning, confirmation or speculation is about, read from its complement at `c`:
/// the subject of a `that` clause (`warned that the changes … would`), the object of `of`,
/// `about`, `against` or `over`, else the noun phrase that follows; within that phrase its
/// first named party, a pronoun's antecedent, or the phrase. Never a name further on in the
/// clause (`… would have to go ahead in April` is not about April).
fn clause_party(doc: &Doc, c: usize, end: usize) -> Option<Span> {
    if c >= end {
        return None;
    }
    let mut at = c;
    // `warned: “…”`: the quotation's own first phrase; `warned recently that`: past the adverb.
    while at < end && (doc.tok_text(at) == ":" || doc.is_mark(at) || doc.has(at, lexicon::ADV)) {
        at += 1;
    }
    // `confirmed on Wednesday that`, `warned last week that`: the clause after the adverbial.
    if let Some(that) = (at..(at + 4).min(end)).find(|&k| doc.is(k, "that")) {
        let adverbial = doc.has(at, lexicon::PREP)
            || that > at
                && doc
                    .time_phrase_ending_at(that - 1, at.saturating_sub(1))
                    .is_some();
        if that > at && (at..that).all(|k| doc.is_word(k) && !doc.has(k, lexicon::AUX)) && adverbial
        {
            at = that;
        }
    }
    if at < end
        && (doc.is(at, "that")
            || ["of", "about", "against", "over"]
                .iter()
                .any(|w| doc.is(at, w)))
    {
        at += 1;
    }
    // An opening adjunct (`that in their view, it was …`).
    if at < end && doc.has(at, lexicon::PREP) {
        if let Some(comma) = (at + 1..(at + 6).min(end)).find(|&k| doc.tok_text(k) == ",") {
            at = comma + 1;
        }
    }
    // A quantity (`less than a quarter of the money`, `more than half of voters`) is about
    // what it counts: the phrase after its `of`, or no one.
    if at + 1 < end
        && lexicon::with_lower(doc.tok_text(at), |l| {
            matches!(
                l,
                "less" | "more" | "fewer" | "most" | "half" | "many" | "few"
            )
        })
        && (doc.is(at + 1, "than") || doc.is(at + 1, "of"))
    {
        let of = (at + 1..(at + 6).min(end)).find(|&k| doc.is(k, "of"))?;
        at = of + 1;
    }
    let (a, b) = doc.np_right(at, end)?;
    let np = doc.make_np(a, b);
    if a == b && doc.is(a, "there") {
        // `warned that there could be further walkouts`: about no one named.
        return None;
    }
    if a == b && !doc.cap(a) && doc.tok_text(a).ends_with("ing") {
        // `warned that creating such graphics will …`: an act, no party.
        return None;
    }
    if let Some(p) = np.pronoun {
        // A cleft (`it was Islamic State behind this`): the party follows.
        if doc.is(p, "it") && p + 1 < end && doc.has(p + 1, lexicon::AUX) {
            return first_party(doc, p + 2, end);
        }
        if doc.is(p, "this") || doc.is(p, "that") || doc.is(p, "it") {
            return None;
        }
        return antecedent(doc, p);
    }
    // The phrase with its attachments (`a cover-up by Harlow Group`), up to the clause's verb.
    let verb = (a + 1..end)
        .find(|&k| doc.has(k, lexicon::AUX))
        .unwrap_or(end);
    first_party(doc, a, verb).or(Some(np.name))
}

/// The first named party in `[from, to)`: an organisation or person entity first, then any
/// entity, then a capitalised run (not sentence-initial), then a pronoun resolved.
fn first_party(doc: &Doc, from: usize, to: usize) -> Option<Span> {
    if from >= to {
        return None;
    }
    let region = doc.span(from, to - 1);
    let ents: Vec<&Entity> = doc
        .entities_in(region.start, region.end)
        .iter()
        .filter(|e| region.contains(e.span))
        .collect();
    if let Some(e) = ents
        .iter()
        .find(|e| matches!(e.kind, EntityType::Organization | EntityType::Person))
    {
        return Some(e.span);
    }
    if let Some(e) = ents.first() {
        return Some(e.span);
    }
    for k in from..to {
        if doc.cap(k)
            && !doc.has(
                k,
                lexicon::DET | lexicon::TITLE | lexicon::PRON | lexicon::STOP | lexicon::TIME,
            )
            && doc.sent_range(k).0 != k
        {
            let s = k;
            let mut e = k;
            while e + 1 < to && doc.cap(e + 1) {
                e += 1;
            }
            return Some(doc.span(s, e));
        }
        if doc.has(k, lexicon::PRON) && !doc.has(k, lexicon::PERSONAL) {
            if let Some(a) = antecedent(doc, k) {
                return Some(a);
            }
        }
    }
    None
}

/// The object phrase right after `k` (over a determiner-led phrase), as a name span.
fn object_after(doc: &Doc, k: usize) -> Option<(Np, Span)> {
    let (_, s1) = doc.sent_range(k);
    let (a, b) = doc.np_right(k, s1)?;
    // `denied there had been …`: an existential clause, no object phrase.
    if a == b && doc.is(a, "there") {
        return None;
    }
    let np = doc.make_np(a, b);
    let span = match np.pronoun {
        Some(p) if !doc.is(p, "this") && !doc.is(p, "that") => {
            antecedent(doc, p).unwrap_or(np.name)
        }
        _ => np.name,
    };
    Some((np, span))
}

/// The end of the clause after `k` (sentence end, dash, semicolon), exclusive.
fn clause_end(doc: &Doc, k: usize) -> usize {
    let (_, s1) = doc.sent_range(k);
    (k..s1)
        .find(|&x| matches!(doc.tok_text(x), ";" | "—" | "–" | "--"))
        .unwrap_or(s1)
}

/// The subject of an infinitive or participle trigger: `X’s bid to put`, `attempts by X and Y
/// to pin`, `prompting X to speculate`, else the sentence subject.
fn subject_for_trigger(doc: &Doc, i: usize) -> Vec<Np> {
    let (s0, _) = doc.sent_range(i);
    let mut k = i;
    while k > s0
        && (doc.has(k - 1, lexicon::ADV) || doc.tok_text(k - 1).ends_with("ly") && !doc.cap(k - 1))
    {
        k -= 1;
    }
    if k > s0 && doc.is(k - 1, "to") {
        return infinitive_subject(doc, i, k - 1, s0);
    }
    if i > s0 && doc.is(i - 1, "to") {
        return infinitive_subject(doc, i, i - 1, s0);
    }
    subject_before(doc, i, s0)
}

/// Whether token `i` lies in a clause of supposition: `if`, `unless` or `whether` opens the
/// clause (the words back to the last comma, dash or sentence start).
fn in_supposition(doc: &Doc, i: usize, s0: usize) -> bool {
    (s0..i)
        .rev()
        .take_while(|&k| !matches!(doc.tok_text(k), "," | ";" | "—" | "–" | "--" | ":"))
        .any(|k| {
            lexicon::with_lower(doc.tok_text(k), |w| {
                matches!(w, "if" | "unless" | "whether")
            })
        })
}

/// The subject of an infinitive trigger at `i` whose `to` is at `to`.
fn infinitive_subject(doc: &Doc, i: usize, to: usize, s0: usize) -> Vec<Np> {
    // `for X (– an aside –) to round up`.
    if to > s0 {
        let mut e = to - 1;
        if matches!(doc.tok_text(e), "—" | "–" | "--") {
            if let Some(d) = (e.saturating_sub(30).max(s0)..e)
                .rev()
                .find(|&x| matches!(doc.tok_text(x), "—" | "–" | "--"))
            {
                e = d.saturating_sub(1);
            }
        }
        if e > s0 {
            if let Some((a, b)) = doc.np_left(e, s0) {
                if a > s0 && doc.is(a - 1, "for") {
                    return vec![doc.make_np(a, b)];
                }
            }
        }
    }
    // `X’s bid/attempt to`.
    if to >= s0 + 2 && doc.is_word(to - 1) && doc.is_possessive(to - 2) {
        if let Some((a, b)) = doc.np_left(to - 3, s0) {
            return vec![doc.make_np(a, b)];
        }
    }
    // `attempts by X and Y to`.
    if let Some(by) = (to.saturating_sub(14).max(s0)..to)
        .rev()
        .find(|&x| doc.is(x, "by"))
    {
        let mut out = Vec::new();
        let mut x = by + 1;
        while x < to {
            let Some((a, b)) = doc.np_right(x, to) else {
                break;
            };
            out.push(doc.make_np(a, b));
            x = b + 1;
            while x < to && (doc.is(x, "and") || doc.tok_text(x) == ",") {
                x += 1;
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    // `prompting X to`, `for X to`; a phrase with a verb in it is no subject (`were
    // doing enough to warn`): the sentence's is.
    if let Some(np) = doc.subject_of(i, s0) {
        let head = doc.tok_text(np.end);
        let verbal = (np.start..=np.end).any(|k| {
            doc.has(k, lexicon::AUX)
                || is_negation_word(doc.tok_text(k))
                || !doc.cap(k) && doc.tok_text(k).ends_with("ing")
        });
        if (!head.ends_with("ing") || doc.cap(np.end)) && !verbal {
            return vec![np];
        }
    }
    doc.sentence_subject(i).into_iter().collect()
}

/// The subject before a finite trigger at `i`.
fn subject_before(doc: &Doc, i: usize, s0: usize) -> Vec<Np> {
    // An `-ing` clause after a prepositional object (`has written to the watchdog accusing
    // Labour`) is the sentence subject's act.
    let ing = doc.tok_text(i).ends_with("ing");
    if let Some(np) = doc
        .subject_of(i, s0)
        .filter(|np| !(ing && np.start > s0 && doc.has(np.start - 1, lexicon::PREP)))
    {
        let head = doc.tok_text(np.end);
        if (!head.ends_with("ing") || doc.cap(np.end)) && !doc.is(np.end, "there") {
            return vec![np];
        }
    }
    if doc.tok_text(i).ends_with("ing") {
        return doc.sentence_subject(i).into_iter().collect();
    }
    Vec::new()
}

/// The speaker of the quote whose content holds token `i`, if any.
fn quote_speaker_at(doc: &Doc, quotes: &[Quote], i: usize) -> Option<Option<Span>> {
    let at = doc.toks[i].span;
    // Quotes are in text order and do not nest: the last one starting before `at`.
    let k = quotes.partition_point(|q| q.span.start <= at.start);
    quotes[..k]
        .iter()
        .rev()
        .take(4)
        .find(|q| q.span.contains(at))
        .map(|q| q.speaker)
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Doc,
    out: &mut Vec<Assertion>,
    i: usize,
    pred: Predicate,
    subjects: &[Option<Span>],
    object: Option<Span>,
    hedge_from: usize,
    hedged: bool,
) {
    let sentence = sentence_span(doc, i);
    let from = hedge_from.min(i);
    let (_, s1) = doc.sent_range(i);
    let hedged = hedged || hedged_between(doc, from, (i + 10).min(s1.saturating_sub(1)));
    for &subject in subjects {
        // An auxiliary is no subject (`We can't speculate`: `can't`), and what is asserted is
        // never its own asserter (`A club spokesman confirmed: …`).
        let subject = subject.filter(|s| {
            let k = doc.toks.partition_point(|t| t.span.end <= s.start);
            k >= doc.toks.len() || !doc.has(k, lexicon::AUX)
        });
        let object = object.filter(|o| subject.is_none_or(|s| !s.overlaps(*o)));
        out.push(Assertion {
            subject,
            predicate: pred,
            object,
            hedged,
            sentence,
        });
    }
}

fn verb_or_noun(
    doc: &Doc,
    i: usize,
    trig: Trig,
    noun: bool,
    quotes: &[Quote],
    out: &mut Vec<Assertion>,
) {
    let (s0, s1) = doc.sent_range(i);
    let next = i + 1;
    let w = doc.tok_text(i).to_ascii_lowercase();
    if noun {
        match trig {
            Trig::Warn => {
                // `America’s warning`, `advice from Britain, the US and …`.
                // Advice is a warning only when it says what threatens: `advice from Britain …
                // that militants were about to target …`, not `took advice from officials` or
                // `the attorney general's advice should be independent`.
                let says_what =
                    w != "advice" || (next..clause_end(doc, next)).any(|k| doc.is(k, "that"));
                if !says_what {
                    return;
                }
                let mut subs: Vec<Span> = Vec::new();
                if i >= 2 && doc.is_possessive(i - 1) {
                    if let Some((a, b)) = doc.np_left(i - 2, s0) {
                        subs.push(doc.make_np(a, b).name);
                    }
                }
                if next < s1 && doc.is(next, "from") {
                    subs.extend(name_list(doc, next + 1, s1));
                }
                if !subs.is_empty() {
                    let subs: Vec<Option<Span>> = subs.into_iter().map(Some).collect();
                    push(doc, out, i, Predicate::Warned, &subs, None, i, false);
                }
            }
            // `Moscow’s claims/accusations of … for X`.
            // A claim is an accusation only of or against someone, or that something is so
            // (not `Lee's claims to a share of profits`).
            Trig::Accuse
                if i >= 2
                    && doc.is_possessive(i - 1)
                    && (!w.starts_with("claim")
                        || next < s1
                            && ["that", "of", "against"].iter().any(|x| doc.is(next, x))) =>
            {
                if let Some((a, b)) = doc.np_left(i - 2, s0) {
                    let obj = first_party(doc, next, clause_end(doc, next));
                    push(
                        doc,
                        out,
                        i,
                        Predicate::Accused,
                        &[Some(doc.make_np(a, b).name)],
                        obj,
                        a,
                        false,
                    );
                }
            }
            Trig::Arrest => {
                // `X carried out/made arrests`, or `arrests of Y in A and B`.
                let support = (i.saturating_sub(3).max(s0)..i)
                    .find(|&k| doc.is(k, "carried") || doc.is(k, "made") || doc.is(k, "make"));
                let obj_at = (next < s1 && doc.is(next, "of")).then(|| next + 1);
                let obj = obj_at.and_then(|k| object_after(doc, k)).map(|(_, s)| s);
                let obj = obj.or_else(|| {
                    (next..(next + 4).min(s1))
                        .find(|&k| doc.is(k, "targeting"))
                        .and_then(|k| object_after(doc, k + 1))
                        .map(|(_, s)| s)
                });
                if let Some(v) = support {
                    if let Some(np) = doc.subject_of(v, s0) {
                        let subs: Vec<Option<Span>> =
                            subjects_of(doc, &np).into_iter().map(Some).collect();
                        push(
                            doc,
                            out,
                            i,
                            Predicate::Arrested,
                            &subs,
                            obj,
                            np.start,
                            false,
                        );
                        return;
                    }
                }
                if obj_at.is_some() {
                    // Implicit arresting authorities: the places named after `in`.
                    let places = (next..s1)
                        .find(|&k| doc.is(k, "in"))
                        .map(|k| name_list(doc, k + 1, s1))
                        .unwrap_or_default();
                    let subs: Vec<Option<Span>> = if places.is_empty() {
                        vec![None]
                    } else {
                        places.into_iter().map(Some).collect()
                    };
                    push(doc, out, i, Predicate::Arrested, &subs, obj, i, false);
                }
            }
            Trig::Deny | Trig::Speculate | Trig::Claim | Trig::Blame => {}
            _ => {}
        }
        return;
    }
    // Verbs. A negated act is not one (`did not deny`, `We can't speculate`, `not yet
    // confirming`), nor is a supposed one (`if he is charged`).
    if doc.negated(i) || in_supposition(doc, i, s0) {
        return;
    }
    // An infinitive of what may, is meant to or is not done is no act (`can use reasonable
    // force to detain`, `plans to arrest`, `are not doing enough to warn`).
    if i > s0 + 1 && doc.is(i - 1, "to") && doc.unrealised_infinitive(i - 1, s0) {
        return;
    }
    let is_past = w.ends_with("ed") || matches!(w.as_str(), "laid" | "put");
    // A causative (`to have the case dismissed`, `got the charges dropped`) says what someone
    // sought done to a thing: neither a speech act nor, for a case, a dismissal of words.
    if is_past
        && !matches!(trig, Trig::Arrest | Trig::Charge)
        && i > s0 + 1
        && !doc.has(i - 1, lexicon::ADV | lexicon::AUX)
        && doc.np_left(i - 1, s0).is_some_and(|(a, _)| {
            a > s0
                && (doc.has(a, lexicon::DET | lexicon::OBJPRON) || doc.cap(a))
                && lexicon::with_lower(doc.tok_text(a - 1), |l| {
                    matches!(
                        l,
                        "have" | "has" | "had" | "having" | "get" | "got" | "getting"
                    )
                })
        })
    {
        return;
    }
    // Headlines drop the auxiliary (`Yukos accused of lying`, `BNP leader arrested`); after
    // a determiner the participle is an adjective, which the check below handles.
    let pass = is_past
        && (passive(doc, i)
            || i > s0
                && !doc.has(i - 1, lexicon::DET)
                && dossier_model::reads_as_headline(doc.sentence_text(i)));
    // A participle after a noun (`the suspects arrested by …`, `the four men captured`).
    let participle = is_past
        && !pass
        && i > s0
        && doc.is_word(i - 1)
        && !doc.cap(i - 1)
        && !doc.has(
            i - 1,
            lexicon::AUX
                | lexicon::PRON
                | lexicon::ADV
                | lexicon::STOP
                | lexicon::PREP
                | lexicon::DET,
        )
        && !doc.tok_text(i - 1).ends_with("ly")
        && doc.time_phrase_ending_at(i - 1, s0).is_none()
        && matches!(trig, Trig::Arrest | Trig::Charge);
    // After a determiner or a number the participle is an adjective: `the detained person`,
    // `the 140,000 confirmed deaths`.
    if is_past && !pass && i > s0 && (doc.has(i - 1, lexicon::DET) || doc.adjective_participle(i)) {
        return;
    }
    // A participle after a plural noun and before `by`, `under` …: a reduced passive relative
    // (`the licences denied under the embargo`), whose noun is not its subject.
    if is_past
        && !pass
        && !matches!(trig, Trig::Arrest | Trig::Charge)
        && i > s0
        && next < s1
        && !doc.cap(i - 1)
        && doc.tok_text(i - 1).ends_with('s')
        && doc.is_word(i - 1)
        && !doc.has(i - 1, lexicon::PRON | lexicon::AUX | lexicon::STOP)
        && ["by", "under", "to", "for"].iter().any(|w| doc.is(next, w))
    {
        return;
    }
    let participle = participle
        || is_past
            && i > s0
            && doc.is(i - 1, "and")
            && matches!(trig, Trig::Arrest | Trig::Charge)
            && i >= 2
            && trigger(doc.tok_text(i - 2))
                .is_some_and(|t| matches!(t.0, Trig::Arrest | Trig::Charge));
    match trig {
        Trig::Arrest | Trig::Charge | Trig::Round => {
            if trig == Trig::Round && !(next < s1 && doc.is(next, "up")) {
                return;
            }
            if trig == Trig::Charge && next < s1 && doc.is(next, "of") {
                return;
            }
            if w == "charge" && i > s0 && (doc.has(i - 1, lexicon::DET) || doc.is(i - 1, "in")) {
                return; // `in charge`, `the charge`: nouns.
            }
            // A legal charge is brought with or over something or suffered (`charged with
            // fraud`, `was charged`); `charging users for the tool` is a price.
            if trig == Trig::Charge && !pass && !participle {
                let end = clause_end(doc, i).min(i + 12);
                if !(i + 1..end).any(|k| doc.is(k, "with") || doc.is(k, "over")) {
                    return;
                }
            }
            // `powers to detain suspects`, `plans to arrest`: what may be done, not an act.
            if i >= s0 + 2
                && doc.is(i - 1, "to")
                && !doc.is_possessive(i - 3)
                && is_intent_noun(doc.tok_text(i - 2))
            {
                return;
            }
            let pred = if trig == Trig::Charge {
                Predicate::Charged
            } else {
                Predicate::Arrested
            };
            if pass || participle {
                let object = if participle {
                    let mut e = i - 1;
                    if doc.is(e, "and") && e > s0 + 1 {
                        e -= 2;
                    }
                    doc.np_left(e, s0).map(|(a, b)| doc.make_np(a, b).name)
                } else {
                    // A pronoun stays one: `antecedent` picked the wrong person for most
                    // pronoun arrests and charges in BBC news (`represented Bryn Fon when he
                    // was arrested` gave the lawyer).
                    passive_subject(doc, i, s0).map(|np| np.name)
                };
                let subject = match agent_after(doc, i) {
                    Some(np) => Some(np.name),
                    // A finite passive inside reported speech: the speaker did it.
                    None if pass => quote_speaker_at(doc, quotes, i).flatten(),
                    None => None,
                };
                push(doc, out, i, pred, &[subject], object, i, false);
            } else {
                let obj_from = if trig == Trig::Round { next + 1 } else { next };
                let object = object_after(doc, obj_from).map(|(_, s)| s);
                if object.is_none() {
                    return;
                }
                let subs = subject_for_trigger(doc, i);
                let subs: Vec<Option<Span>> = subs
                    .iter()
                    .flat_map(|np| subjects_of(doc, np))
                    .map(Some)
                    .collect();
                if !subs.is_empty() {
                    push(doc, out, i, pred, &subs, object, i, false);
                }
            }
        }
        Trig::Claim => {
            if pass {
                return;
            }
            let subs = subject_for_trigger(doc, i);
            let subj_spans: Vec<Option<Span>> = subs
                .iter()
                .flat_map(|np| subjects_of(doc, np))
                .map(Some)
                .collect();
            if subj_spans.is_empty() {
                return;
            }
            let from = subs.first().map(|np| np.start).unwrap_or(i);
            if next < s1 && (doc.is(next, "responsibility") || doc.is(next, "credit")) {
                let obj = (next + 1 < s1 && doc.is(next + 1, "for"))
                    .then(|| object_after(doc, next + 2))
                    .flatten()
                    .map(|(np, _)| np.source);
                push(
                    doc,
                    out,
                    i,
                    Predicate::ClaimedResponsibility,
                    &subj_spans,
                    obj,
                    from,
                    false,
                );
                return;
            }
            // `claimed the attack`; `the attack, which X has claimed`.
            if let Some((np, _)) = object_after(doc, next) {
                if is_attack_noun(doc.tok_text(np.end)) {
                    push(
                        doc,
                        out,
                        i,
                        Predicate::ClaimedResponsibility,
                        &subj_spans,
                        Some(np.source),
                        from,
                        false,
                    );
                    return;
                }
            }
            if let Some(np) = subs.first() {
                if np.start > s0
                    && lexicon::with_lower(doc.tok_text(np.start - 1), |l| {
                        matches!(l, "which" | "that")
                    })
                {
                    let mut e = np.start - 1;
                    if e > s0 && doc.tok_text(e - 1) == "," {
                        e -= 1;
                    }
                    if e > s0 {
                        if let Some((a, b)) = doc.np_left(e - 1, s0) {
                            if is_attack_noun(doc.tok_text(b)) {
                                push(
                                    doc,
                                    out,
                                    i,
                                    Predicate::ClaimedResponsibility,
                                    &subj_spans,
                                    Some(doc.span(a, b)),
                                    from,
                                    false,
                                );
                                return;
                            }
                        }
                    }
                }
            }
            // A content clause: `claimed it was behind it` (itself) or `… have links to X`.
            let mut c = next;
            if c < s1 && doc.is(c, "that") {
                c += 1;
            }
            let end = clause_end(doc, c);
            if c + 2 < end
                && doc.has(c, lexicon::PRON)
                && doc.has(c + 1, lexicon::BE)
                && (doc.is(c + 2, "behind") || doc.is(c + 2, "responsible"))
            {
                push(
                    doc,
                    out,
                    i,
                    Predicate::ClaimedResponsibility,
                    &subj_spans,
                    None,
                    from,
                    false,
                );
                return;
            }
            if let Some(k) = (c..end).find(|&k| {
                doc.is(k, "links")
                    || doc.is(k, "link")
                    || doc.is(k, "behind")
                    || doc.is(k, "involvement")
                    || doc.is(k, "responsible")
            }) {
                let obj = first_party(doc, k, end).or_else(|| first_party(doc, c, k));
                if obj.is_some() {
                    push(
                        doc,
                        out,
                        i,
                        Predicate::Blamed,
                        &subj_spans,
                        obj,
                        from,
                        false,
                    );
                }
            }
        }
        Trig::Blame => {
            if pass {
                let obj = doc.subject_of(i, s0).map(|np| np.name);
                let subj = agent_after(doc, i).map(|np| np.name);
                push(doc, out, i, Predicate::Blamed, &[subj], obj, i, false);
                return;
            }
            let subs = subject_for_trigger(doc, i);
            let subj: Vec<Option<Span>> = subs
                .iter()
                .flat_map(|np| subjects_of(doc, np))
                .map(Some)
                .collect();
            let end = clause_end(doc, next);
            // `blame Y on X` or `blame X for Y`.
            let on = (next..end).find(|&k| doc.is(k, "on"));
            let obj = match on {
                Some(k) => object_after(doc, k + 1).map(|(_, s)| s),
                None => object_after(doc, next).map(|(_, s)| s),
            };
            if !subj.is_empty() && obj.is_some() {
                push(
                    doc,
                    out,
                    i,
                    Predicate::Blamed,
                    &subj,
                    obj,
                    subs[0].start,
                    false,
                );
            }
        }
        Trig::PutBlame => {
            // `put/pin the blame (for …) on X`.
            if !(next + 1 < s1 && doc.has(next, lexicon::DET) && doc.is(next + 1, "blame")) {
                return;
            }
            let end = clause_end(doc, next);
            let Some(on) = (next + 2..end).find(|&k| doc.is(k, "on")) else {
                return;
            };
            let obj = object_after(doc, on + 1).map(|(_, s)| s);
            let subs = subject_for_trigger(doc, i);
            let subj: Vec<Option<Span>> = subs
                .iter()
                .flat_map(|np| subjects_of(doc, np))
                .map(Some)
                .collect();
            if !subj.is_empty() && obj.is_some() {
                push(
                    doc,
                    out,
                    i,
                    Predicate::Blamed,
                    &subj,
                    obj,
                    subs[0].start,
                    false,
                );
            }
        }
        Trig::Hint => {
            // `hint at X involvement/links/role`: a tentative blame.
            if !(next < s1 && doc.is(next, "at")) {
                return;
            }
            let end = clause_end(doc, next);
            let cue_word = (next + 1..end.min(next + 6)).find(|&k| {
                matches!(
                    doc.tok_text(k),
                    "involvement" | "role" | "links" | "hand" | "responsibility" | "link"
                )
            });
            let Some(cw) = cue_word else { return };
            let obj = first_party(doc, next + 1, cw + 1).or_else(|| Some(doc.span(next + 1, cw)));
            let subs = subject_for_trigger(doc, i);
            let subj: Vec<Option<Span>> = subs
                .iter()
                .flat_map(|np| subjects_of(doc, np))
                .map(Some)
                .collect();
            if !subj.is_empty() {
                push(
                    doc,
                    out,
                    i,
                    Predicate::Blamed,
                    &subj,
                    obj,
                    subs[0].start,
                    true,
                );
            }
        }
        Trig::Boast => {
            // `boasting of killing …`: a claim of the act.
            if !(next + 1 < s1 && doc.is(next, "of") && is_violent_ing(doc.tok_text(next + 1))) {
                return;
            }
            let subs = subject_for_trigger(doc, i);
            let subj: Vec<Option<Span>> = subs
                .iter()
                .flat_map(|np| subjects_of(doc, np))
                .map(Some)
                .collect();
            if !subj.is_empty() {
                push(
                    doc,
                    out,
                    i,
                    Predicate::ClaimedResponsibility,
                    &subj,
                    None,
                    subs[0].start,
                    false,
                );
            }
        }
        Trig::Deny
        | Trig::Warn
        | Trig::Confirm
        | Trig::Dismiss
        | Trig::Reject
        | Trig::Accuse
        | Trig::Speculate => {
            if pass && trig != Trig::Accuse {
                return;
            }
            if w == "warning"
                || w.ends_with("ing")
                    && i > s0
                    && (doc.has(i - 1, lexicon::DET) || doc.is_possessive(i - 1))
            {
                return;
            }
            let pred = match trig {
                Trig::Deny => Predicate::Denied,
                Trig::Warn => Predicate::Warned,
                Trig::Confirm => Predicate::Confirmed,
                Trig::Dismiss | Trig::Reject => Predicate::Dismissed,
                Trig::Accuse => Predicate::Accused,
                _ => Predicate::Speculated,
            };
            // `denied accusing Germany`: the act is the denial, not the accusation.
            if w.ends_with("ing")
                && i > s0
                && trigger(doc.tok_text(i - 1)).is_some_and(|t| t.0 == Trig::Deny)
            {
                return;
            }
            // `the four men accused of distributing drugs`: a reduced passive relative.
            let reduced = trig == Trig::Accuse
                && w.ends_with("ed")
                && !pass
                && i > s0
                && next < s1
                && doc.is(next, "of")
                && doc.is_word(i - 1)
                && !doc.cap(i - 1)
                && !doc.has(
                    i - 1,
                    lexicon::AUX | lexicon::PRON | lexicon::ADV | lexicon::STOP,
                );
            if reduced {
                let obj = doc.np_left(i - 1, s0).map(|(a, b)| doc.make_np(a, b).name);
                push(doc, out, i, pred, &[None], obj, i, false);
                return;
            }
            if pass {
                // `they were accused of …`: accusers unnamed unless `by X`.
                let obj = doc.subject_of(i, s0).map(|np| match np.pronoun {
                    Some(p) => antecedent(doc, p).unwrap_or(np.name),
                    None => np.name,
                });
                let subj = agent_after(doc, i).map(|np| np.name);
                push(doc, out, i, pred, &[subj], obj, i, false);
                return;
            }
            let subs = subject_for_trigger(doc, i);
            let mut subj: Vec<Option<Span>> = subs
                .iter()
                .flat_map(|np| subjects_of(doc, np))
                .map(Some)
                .collect();
            let end = clause_end(doc, next);
            // Relative object: `a warning the Kremlin dismissed`, `the Taliban, which it accuses`.
            let rel_object = subs.first().and_then(|np| {
                if np.start <= s0 {
                    return None;
                }
                let mut e = np.start - 1;
                if lexicon::with_lower(doc.tok_text(e), |l| matches!(l, "which" | "that" | "whom"))
                {
                    if e == s0 {
                        return None;
                    }
                    e -= 1;
                    if doc.tok_text(e) == "," && e > s0 {
                        e -= 1;
                    }
                }
                let (a, b) = doc.np_left(e, s0)?;
                (doc.make_np(a, b).end + 1 < np.start + 2).then(|| doc.make_np(a, b))
            });
            let direct_obj = object_after(doc, next);
            let obj: Option<Span> = match trig {
                Trig::Reject => {
                    // Only a dismissal of a warning, claim or advice.
                    let Some((np, s)) = direct_obj.or_else(|| rel_object.map(|np| (np, np.name)))
                    else {
                        return;
                    };
                    if !is_warning_noun(doc.tok_text(np.end)) {
                        return;
                    }
                    Some(if doc.is_possessive(np.end.saturating_sub(1)) {
                        np.source
                    } else {
                        s
                    })
                }
                Trig::Dismiss => match (&direct_obj, &rel_object) {
                    (Some((np, _)), _)
                        if !doc.has(np.start, lexicon::PRON) || doc.is(np.start, "this") =>
                    {
                        Some(np.source)
                    }
                    (_, Some(np)) => Some(np.source),
                    (Some((np, _)), _) => Some(np.source),
                    _ => None,
                },
                Trig::Accuse => match (&direct_obj, &rel_object) {
                    (Some((_, s)), _) => Some(*s),
                    (None, Some(np)) => Some(np.name),
                    _ => None,
                },
                // `denied him bail`: a refusal, not a denial.
                Trig::Deny if doc.double_object_at(next) => return,
                Trig::Deny => direct_obj
                    .map(|(np, _)| np.source)
                    .or_else(|| (next < end).then(|| doc.span(next, end - 1))),
                Trig::Speculate | Trig::Warn | Trig::Confirm => {
                    let mut c = next;
                    if matches!(trig, Trig::Warn) && c < end && doc.has(c, lexicon::ADDRESSEE) {
                        c += 1;
                    }
                    clause_party(doc, c, end).or_else(|| direct_obj.map(|(_, s)| s))
                }
                _ => None,
            };
            if subj.is_empty() {
                if matches!(trig, Trig::Speculate) {
                    subj.push(None);
                } else {
                    return;
                }
            }
            let from = subs.first().map(|np| np.start).unwrap_or(i);
            push(doc, out, i, pred, &subj, obj, from, trig == Trig::Speculate);
        }
    }
}

/// Warnings in quotes with a neutral cue: content naming a threat.
fn from_quotes(doc: &Doc, quotes: &[Quote], out: &mut Vec<Assertion>) {
    for q in quotes {
        let Some(cue) = q.cue else { continue };
        let ci = doc.toks.partition_point(|t| t.span.start < cue.start);
        if ci >= doc.toks.len() || doc.toks[ci].span.start != cue.start {
            continue;
        }
        let neutral = doc.info[ci].cue.is_some_and(|c| {
            matches!(
                lexicon::lemma_of(&c),
                "say"
                    | "tell"
                    | "add"
                    | "argue"
                    | "note"
                    | "write"
                    | "explain"
                    | "insist"
                    | "state"
                    | "declare"
            )
        });
        if !neutral {
            continue;
        }
        let from = doc.toks.partition_point(|t| t.span.start < q.span.start);
        let to = doc.toks.partition_point(|t| t.span.start < q.span.end);
        // The first sentence of the quote decides.
        let first_end = (from..to)
            .find(|&k| doc.sent[k] != doc.sent[from])
            .unwrap_or(to);
        let Some(threat) = (from..first_end).find(|&k| is_threat_word(doc.tok_text(k))) else {
            continue;
        };
        // The party warned about may stand in the clause before the quote (`told a hearing that
        // X "…"`).
        let that = (ci + 1..from).find(|&k| doc.is(k, "that"));
        let obj = that
            .and_then(|t| first_party(doc, t + 1, from))
            .or_else(|| first_party(doc, from, first_end));
        let Some(party) = obj else { continue };
        // The threat must be said of the party (`ISK is … one of the most serious threats`,
        // `the networks pose a threat`, `IS-K retains the capability`), not merely be named near
        // it (`the threat to TV was greatest in the UK`).
        // The party is the subject of that verb: at most a few words of its own noun phrase
        // between them (`the networks in Afghanistan pose`), no comma, and the threat follows
        // within the clause.
        let party_end = doc
            .toks
            .partition_point(|t| t.span.end <= party.start.max(party.end - 1));
        let verb = (party_end + 1..threat.min(party_end + 7))
            .take_while(|&k| doc.tok_text(k) != "," && !doc.is_hard_punct(k))
            .find(|&k| predicates_threat(doc.tok_text(k)));
        let said_of_party = verb.is_some_and(|v| {
            threat > v
                && threat - v <= 10
                && (v + 1..threat).all(|k| doc.tok_text(k) != "," && !doc.is_hard_punct(k))
        });
        if party_end >= threat || !said_of_party || q.speaker.is_some_and(|s| s.overlaps(party)) {
            continue;
        }
        let sentence = sentence_span(doc, ci);
        let hedged = hedged_between(doc, from, (from + 8).min(first_end));
        if out
            .iter()
            .rev()
            .take_while(|a| a.sentence.start >= sentence.start)
            .any(|a| a.sentence == sentence && a.predicate == Predicate::Warned)
        {
            continue;
        }
        out.push(Assertion {
            subject: q.speaker,
            predicate: Predicate::Warned,
            object: obj,
            hedged,
            sentence,
        });
    }
}
