//! What the articles say about an actor: when and by whom it was founded, who leads it, how
//! strong it is and where its money comes from, each with the span that says it. Read off the
//! sentence like the agents of events (`agents`), without a parser:
//! - founded: the foundings whose organisation is the actor ("ISIS-K was formed in 2015 by …");
//! - leader: a leader noun with the organisation as its possessor, premodifier or `of` phrase
//!   and a person beside it, or the subject of "was made/named … emir" ("Ghafari … was made
//!   ISK's “emir” in 2020", "IS-K leader Shahab al-Mujahir", "Abu X, the leader of IS");
//! - strength: a count of fighters or members in a sentence the organisation opens ("ISK has a
//!   multi-million pound war chest, up to 6,000 fighters …");
//! - funding: what follows "funds its operations through", "funded by", "funding comes from",
//!   and a "war chest"; the organisation is the sentence's subject or, failing one, the
//!   organisation the article is about.

use crate::agents::{Actor, Actors};
use crate::events::{EventMention, MAKING};
use dossier_model::{
    ActorFact, DocSpan, Document, EntityType, Extraction, FactKind, ResolvedEntity, Span,
};
use std::collections::{BTreeMap, HashSet};

/// Nouns for who leads an organisation.
const LEADER_NOUNS: &[&str] = &["leader", "emir", "chief", "head", "commander"];

/// Words by which an organisation has its strength ("has up to 6,000 fighters", "with 9,000
/// members").
const HAVING: &[&str] = &[
    "has", "have", "had", "having", "with", "boasts", "numbers", "counts", "claims",
];

/// Measures of a figure that count an organisation's strength.
const STRENGTH: &[&str] = &["fighters", "members"];

/// Phrases after which the text says where money comes from (lower case).
const FUNDING_CUES: &[&str] = &[
    "funds its operations through",
    "funds its operations with",
    "finances its operations through",
    "finances itself through",
    "funded by",
    "financed by",
    "bankrolled by",
    "funding comes from",
    "money comes from",
];

/// Words a source of funding may run to; more is a clause, not a source.
const MAX_FUNDING_WORDS: usize = 14;

/// Bytes between a funded organisation and its cue ("ISK funds its operations through", "the
/// party is funded by").
const FUNDED_SUBJECT_BEFORE: usize = 24;

/// Bytes between a possessor or premodifier and the leader noun ("ISK’s “emir”").
const LEADER_OF_BEFORE: usize = 12;

/// The facts of every actor, as (entity index, fact).
pub fn actor_facts(
    docs: &[(Document, Extraction)],
    mentions: &[EventMention],
    entities: &[ResolvedEntity],
    actors: &Actors,
    topics: &[Option<usize>],
    entity_at: &BTreeMap<DocSpan, usize>,
) -> Vec<(usize, ActorFact)> {
    let mut out: Vec<(usize, ActorFact)> = Vec::new();
    // One fact per actor, kind, document and wording.
    let mut seen: HashSet<(usize, FactKind, usize, String)> = HashSet::new();
    let mut push = |entity: usize, kind: FactKind, value: String, span: DocSpan| {
        if seen.insert((entity, kind, span.doc, value.to_lowercase())) {
            out.push((entity, ActorFact { kind, value, span }));
        }
    };

    // Founded: each source's telling of the founding of the organisation.
    for m in mentions.iter().filter(|m| m.kind == "founding") {
        let Some(theme) = m.theme else { continue };
        let when = m.date.as_ref().map(|(d, _)| d.clone());
        // The founders as the source names them ("Pakistani Taliban", not the entity's "TTP").
        let text = docs[m.at.doc].0.text.as_str();
        let by = m.agent.map(|(_, span)| span.slice(text).to_string());
        let value = match (when, by) {
            (Some(d), Some(b)) => format!("{d}, by {b}"),
            (Some(d), None) => d,
            (None, Some(b)) => format!("by {b}"),
            (None, None) => continue,
        };
        push(
            theme,
            FactKind::Founded,
            value,
            DocSpan {
                doc: m.at.doc,
                span: m.sentence,
            },
        );
    }

    for (d, (doc, ex)) in docs.iter().enumerate() {
        let text = doc.text.as_str();
        let in_span = |span: Span| {
            actors
                .range(
                    DocSpan {
                        doc: d,
                        span: Span::new(span.start, span.start),
                    }..,
                )
                .take_while(move |(m, _)| m.doc == d && m.span.start < span.end)
                .filter(move |(m, _)| m.span.end <= span.end)
                .map(|(m, a)| (m.span, *a))
        };
        let organisation = |a: &Actor| !a.person && !a.demonym;
        // The organisation the article is about (see `agents::actors`).
        let topic = topics.get(d).copied().flatten();
        // The organisation a sentence opens with, its subject: the last one before the
        // sentence's first word that is no name, article or linking word ("Islamic State in
        // the Khorasan – or ISK – has …" is ISK).
        let opening = |sentence: Span| {
            let first_word = ex.tokens
                [ex.tokens.partition_point(|t| t.span.start < sentence.start)..]
                .iter()
                .take_while(|t| t.span.end <= sentence.end)
                .filter(|t| t.kind == dossier_model::TokenKind::Word)
                .find(|t| {
                    let w = t.span.slice(text);
                    w.starts_with(char::is_lowercase)
                        && !matches!(w, "the" | "in" | "of" | "or" | "and" | "al")
                        && !in_span(sentence).any(|(m, _)| m.contains(t.span))
                })
                .map_or(sentence.end, |t| t.span.start);
            let leading = in_span(Span::new(sentence.start, first_word)).collect::<Vec<_>>();
            leading
                .first()
                .is_some_and(|(m, _)| opening_words(text, sentence, *m))
                .then(|| leading.into_iter().rfind(|(_, a)| organisation(a)))
                .flatten()
        };

        for &sentence in &ex.sentences {
            let lower = text[sentence.start..sentence.end].to_ascii_lowercase();

            // Leader.
            let first = ex.tokens.partition_point(|t| t.span.start < sentence.start);
            for i in first..ex.tokens.len() {
                let token = ex.tokens[i];
                if token.span.end > sentence.end {
                    break;
                }
                let word = token.span.slice(text);
                if !LEADER_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word)) {
                    continue;
                }
                let noun = token.span;
                // The organisation: "ISK’s “emir”", "IS-K leader", "leader of IS".
                let before = in_span(Span::new(sentence.start, noun.start))
                    .filter(|(m, a)| {
                        organisation(a)
                            && noun.start - m.end <= LEADER_OF_BEFORE
                            && !text[m.end..noun.start].contains([',', ';', '.'])
                            // Only a possessive or quote marks between: "Labour's election
                            // chief" leads the election campaign, not Labour.
                            && text[m.end..noun.start]
                                .trim_start_matches("’s")
                                .trim_start_matches("'s")
                                .chars()
                                .all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '\''))
                    })
                    .last();
                // After "of", a possessor is not the organisation but its owner: "the head of
                // the US military’s Central Command" heads Central Command.
                let mut following = in_span(Span::new(noun.end, sentence.end));
                let after = following.next().and_then(|first| {
                    let between = text[noun.end..first.0.start].trim().to_lowercase();
                    if between != "of" && between != "of the" {
                        return None;
                    }
                    // The next name heads the phrase when a possessive stands between ("the
                    // US military’s Central Command").
                    let mut named = first;
                    for next in following.by_ref() {
                        let Some(between) = text.get(named.0.end..next.0.start) else {
                            break;
                        };
                        if between.len() > 16
                            || between.contains([',', ';', '.'])
                            || !(between.contains("’s") || between.contains("'s"))
                        {
                            break;
                        }
                        named = next;
                    }
                    organisation(&named.1).then_some(named)
                });
                // A former one leads no more ("Former FBI chief Ali Soufan", "Ex-Labour
                // leader"); a "chief economist" or "head coach" has a role, unlike a "chief
                // executive".
                let former = ex.tokens[first..i].iter().rev().take(4).any(|t| {
                    let w = t.span.slice(text).to_lowercase();
                    matches!(w.as_str(), "former" | "ex" | "late" | "then" | "one-time")
                        || w.starts_with("ex-")
                });
                let role = ex
                    .tokens
                    .get(i + 1)
                    .filter(|t| {
                        t.span.end <= sentence.end && t.kind == dossier_model::TokenKind::Word
                    })
                    .map(|t| t.span.slice(text))
                    .is_some_and(|w| {
                        w.starts_with(char::is_lowercase) && !matches!(w, "executive" | "of")
                    });
                if former || role {
                    continue;
                }
                let Some((org_span, org)) = before.or(after) else {
                    continue;
                };
                // The person: right after the noun ("leader Shahab al-Mujahir"), in
                // apposition before it ("Abu X, the leader of"), or the subject of the verb
                // that made them it ("Ghafari … was made ISK's emir").
                let person = |(_, a): &(Span, Actor)| a.person;
                let right_after = in_span(Span::new(noun.end, sentence.end))
                    .find(person)
                    .filter(|(m, _)| {
                        let between = &text[noun.end..m.start];
                        between.trim().trim_matches(['"', '“', '”', ',']).is_empty()
                            && org_span.start < noun.start
                    });
                let clause_start = org_span.start.min(noun.start);
                let apposition = in_span(Span::new(sentence.start, clause_start))
                    .filter(person)
                    .last()
                    .filter(|(m, _)| {
                        let between = text[m.end..clause_start].trim().to_lowercase();
                        between == "," || between == ", the"
                    });
                let made = {
                    let words: Vec<String> = ex.tokens[first..i]
                        .iter()
                        .rev()
                        .take(6)
                        .map(|t| t.span.slice(text).to_lowercase())
                        .collect();
                    words.iter().any(|w| MAKING.contains(&w.as_str()))
                };
                let subject = made
                    .then(|| {
                        in_span(Span::new(sentence.start, clause_start))
                            .find(person)
                            .filter(|(m, _)| opening_words(text, sentence, *m))
                    })
                    .flatten();
                if let Some((_, p)) = right_after.or(apposition).or(subject) {
                    push(
                        org.entity,
                        FactKind::Leader,
                        entities[p.entity].name.clone(),
                        DocSpan {
                            doc: d,
                            span: sentence,
                        },
                    );
                }
            }

            // Funding.
            for cue in FUNDING_CUES {
                let Some(at) = lower.find(cue) else { continue };
                let from = sentence.start + at + cue.len();
                // A list of sources runs to the clause's end; an agent after "by" to a comma
                // ("funded by billionaire George Soros, has accused …").
                let stops: &[char] = if cue.ends_with(" by") {
                    &[';', '.', '”', '"', ',']
                } else {
                    &[';', '.', '”', '"']
                };
                let end = text[from..sentence.end]
                    .find(stops)
                    .map_or(sentence.end, |i| from + i);
                // Not the attribution after it: "… smuggling and extortion, police say".
                let end = text[from..end]
                    .rfind(", ")
                    .filter(|&c| {
                        text[from + c..end].split_whitespace().any(|w| {
                            matches!(w, "say" | "says" | "said" | "according" | "reported")
                        })
                    })
                    .map_or(end, |c| from + c);
                let said = text[from..end].trim().trim_end_matches(',');
                if said.is_empty() || said.split_whitespace().count() > MAX_FUNDING_WORDS {
                    continue;
                }
                let start = from + (text[from..end].len() - text[from..end].trim_start().len());
                // The organisation funded: the subject of the cue's clause, close before it
                // ("ISK funds its operations through …"; "the sport would be funded by the
                // National Lottery" funds no party named earlier).
                let cue_at = sentence.start + at;
                let subject = in_span(Span::new(sentence.start, cue_at))
                    .filter(|(m, a)| {
                        organisation(a)
                            && !a.country
                            && cue_at - m.end <= FUNDED_SUBJECT_BEFORE
                            && !text[m.end..cue_at].contains([',', ';', '–', '—'])
                    })
                    .last()
                    .map(|(_, a)| a.entity);
                let topic = topic.filter(|_| !cue.ends_with(" by"));
                if let Some(org) = subject.or(topic) {
                    push(
                        org,
                        FactKind::Funding,
                        said.to_string(),
                        DocSpan {
                            doc: d,
                            span: Span::new(start, start + said.len()),
                        },
                    );
                }
            }
            if let Some(at) = lower.find("war chest") {
                // The noun phrase: from its determiner ("a multi-million pound war chest").
                let head_end = sentence.start + at + "war chest".len();
                let start = ["a ", "an ", "its ", "their "]
                    .iter()
                    .filter_map(|det| lower[..at].rfind(det).map(|i| sentence.start + i))
                    .max()
                    .filter(|&s| head_end - s <= 48 && !text[s..head_end].contains(','));
                if let (Some(start), Some((_, org))) = (start, opening(sentence)) {
                    push(
                        org.entity,
                        FactKind::Funding,
                        text[start..head_end].to_string(),
                        DocSpan {
                            doc: d,
                            span: Span::new(start, head_end),
                        },
                    );
                }
            }
        }

        // Strength: a count of fighters or members in a sentence its organisation opens, or
        // that names it in the figure's own clause.
        for f in ex
            .figures
            .iter()
            .filter(|f| STRENGTH.contains(&f.measure.as_str()))
        {
            let Some(&sentence) = ex
                .sentences
                .iter()
                .find(|s| s.start <= f.span.start && f.span.end <= s.end)
            else {
                continue;
            };
            // The organisation that has them, before the figure: "ISK has … up to 6,000
            // fighters", "Amicus, which has 1.2 million members"; not "two members of the
            // House of Commons".
            let in_clause = f
                .context
                .as_ref()
                .into_iter()
                .flat_map(|c| c.entities.iter())
                .filter_map(|&i| ex.entities.get(i))
                .filter(|e| e.span.end <= f.span.start)
                .filter_map(|e| {
                    entity_at
                        .get(&DocSpan {
                            doc: d,
                            span: e.span,
                        })
                        .map(|&x| (e.span, x))
                })
                .find(|&(_, e)| entities[e].kind == EntityType::Organization);
            let Some((org_span, org)) =
                in_clause.or_else(|| opening(sentence).map(|(m, a)| (m, a.entity)))
            else {
                continue;
            };
            // (An organisation after the figure, "2,000 ISK fighters", has no verb before it.)
            let has = text
                .get(org_span.end..f.span.start)
                .unwrap_or("")
                .split_whitespace()
                .any(|w| {
                    HAVING.contains(
                        &w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                            .as_str(),
                    )
                });
            if !has {
                continue;
            }
            let counted = f
                .counted
                .map(|c| Span::new(f.span.start, c.end.max(f.span.end)))
                .filter(|s| s.end <= sentence.end)
                .unwrap_or(f.span);
            // Members of something named are not the organisation's ("two London Assembly
            // members", "three Cabinet members").
            let of_another = f.counted.is_some_and(|c| {
                c.slice(text)
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase) || w == "other")
            });
            if of_another {
                continue;
            }
            push(
                org,
                FactKind::Strength,
                counted.slice(text).to_string(),
                DocSpan {
                    doc: d,
                    span: counted,
                },
            );
        }
    }
    out.sort_by_key(|(e, f)| (*e, f.kind, f.span));
    out
}

/// Whether only words opening the clause stand before `name` in its sentence (no verb of
/// another clause): it is the sentence's subject.
fn opening_words(text: &str, sentence: Span, name: Span) -> bool {
    text[sentence.start..name.start]
        .split_whitespace()
        .all(|w| matches!(w.to_lowercase().as_str(), "the" | "“" | "\"" | "”"))
}
