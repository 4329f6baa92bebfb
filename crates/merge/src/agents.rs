//! Who did it: the agent of an event mention, read off its sentence without a parser.
//!
//! Three constructions name an agent, tried in this order:
//! - a `by` phrase after the trigger ("formed in 2015 by disenchanted members of the Pakistani
//!   Taliban", "assassinated by a US drone", "an attack carried out by IS-K");
//! - a possessive or a name premodifying the trigger noun ("ISK's attack", "an IS-K suicide
//!   bombing"; a place premodifier is the place, "the Moscow attack", and a country is an agent
//!   only as a possessive, "Russia's invasion");
//! - the subject of an active trigger verb or of a verb that performs the trigger noun ("IS-K
//!   attacked …", "ISIS-K carried out a suicide bombing", "the Taliban toppled …"), found at the
//!   start of the trigger's clause. A passive ("ISIS-K was formed …") names the patient there
//!   and a name after a preposition ("In Russia it has carried out …") is a circumstance:
//!   neither is taken. A subject pronoun ("it carried out …") stands for the latest actor that
//!   opened a clause in its sentence or the two before.
//!
//! Actors are mentions of persons, organisations and countries, and demonyms that stand for a
//! state the dossier names (`Actors`: "the Soviet occupation", "arrested by Russian security
//! forces"); in a war or battle a demonym says where ("the Syrian war").

use crate::{entities::Mention, places};
use dossier_model::{
    DocSpan, Document, EntityType, Extraction, ResolvedEntity, Span, Token, TokenKind,
};
use std::collections::{BTreeMap, HashMap};

/// Mentions that can act, by position: `(doc, span) → entity`.
pub type Actors = BTreeMap<DocSpan, Actor>;

/// An acting entity's index and whether it is a country (an agent only as a possessive or a
/// subject: "the Ukraine invasion" is the place invaded).
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    pub entity: usize,
    pub country: bool,
    /// Named by its demonym ("the Soviet occupation"), which premodifies an agent except in a
    /// war or battle, where it says where ("the Syrian war").
    pub demonym: bool,
    /// A person ("it" never stands for one).
    pub person: bool,
}

/// The actors of all documents: mentions of persons, organisations and countries
/// (`country[e]`), demonyms of a state the dossier names ("Soviet" → Soviet Union), and each
/// document's group descriptions ([`add_group_descriptions`]). Not cities, nor other MISC
/// names, which are mostly adjectives ("European") and works. Also each document's topic: the
/// organisation it names most, if at least [`TOPIC_MENTIONS`] times.
pub fn actors(
    docs: &[(Document, Extraction)],
    mentions: &[Mention<'_>],
    entity_of_mention: &[usize],
    entities: &[ResolvedEntity],
    country: &[bool],
) -> (Actors, Vec<Option<usize>>) {
    let mut state_of_place: HashMap<String, usize> = HashMap::new();
    for (e, ent) in entities.iter().enumerate() {
        if matches!(ent.kind, EntityType::Location | EntityType::Organization) {
            for name in std::iter::once(&ent.name).chain(&ent.aliases) {
                let key = crate::names::key(name);
                let key = crate::names::known_alias(&key).map_or(key, str::to_string);
                state_of_place.entry(key).or_insert(e);
            }
        }
    }
    let mut actors = Actors::new();
    // The organisation each document names most, for "the group".
    let mut org_counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (m, &e) in mentions.iter().zip(entity_of_mention) {
        let kind = entities[e].kind;
        if kind == EntityType::Organization {
            *org_counts.entry((m.at.doc, e)).or_insert(0) += 1;
        }
        let actor = match kind {
            EntityType::Person | EntityType::Organization => Some((e, false)),
            EntityType::Location => country[e].then_some((e, false)),
            EntityType::Misc => places::place_of_demonym(m.text)
                .filter(|_| places::demonym_of_state(m.text))
                .and_then(|place| state_of_place.get(&place))
                .map(|&s| (s, true)),
        };
        if let Some((entity, demonym)) = actor {
            actors.insert(
                m.at,
                Actor {
                    entity,
                    country: country[e],
                    demonym,
                    person: kind == EntityType::Person,
                },
            );
        }
    }
    let mut topics: Vec<Option<(usize, usize)>> = vec![None; docs.len()];
    for (&(doc, e), &n) in &org_counts {
        if topics[doc].is_none_or(|(_, best)| n > best) {
            topics[doc] = Some((e, n));
        }
    }
    let texts: Vec<&str> = docs.iter().map(|(d, _)| d.text.as_str()).collect();
    add_group_descriptions(&texts, &topics, &mut actors);
    let topics = topics
        .into_iter()
        .map(|t| t.filter(|&(_, n)| n >= TOPIC_MENTIONS).map(|(e, _)| e))
        .collect();
    (actors, topics)
}

/// Definite descriptions that, in an article about an organisation, name it ("The group has
/// carried out indiscriminate attacks").
const GROUP_DESCRIPTIONS: &[&str] = &[
    "the group",
    "the organisation",
    "the organization",
    "the militant group",
    "the terror group",
    "the terrorist group",
    "the jihadist group",
    "the network",
    "the movement",
    "the militia",
];

/// Descriptions of a part of an organisation, which name the article's organisation like
/// `GROUP_DESCRIPTIONS`, and also when followed by "of" and another organisation, the whole it
/// is part of ("The branch of Islamic State was founded in 2015" in an article about IS-K).
const PART_OF: &[&str] = &[
    "the branch",
    "the affiliate",
    "the offshoot",
    "the franchise",
    "the faction",
    "the wing",
];

/// Mentions of an organisation in its document before the descriptions stand for it.
pub const TOPIC_MENTIONS: usize = 3;

/// Adds the group descriptions of each document as mentions of the organisation it names most
/// (at least [`TOPIC_MENTIONS`] times): "the group" in an article about IS-K is IS-K. "The
/// group of ministers" is a collective, not a description, and is left out.
pub fn add_group_descriptions(
    texts: &[&str],
    topics: &[Option<(usize, usize)>],
    actors: &mut Actors,
) {
    for (doc, text) in texts.iter().enumerate() {
        let Some((entity, mentions)) = topics.get(doc).copied().flatten() else {
            continue;
        };
        if mentions < TOPIC_MENTIONS {
            continue;
        }
        // ASCII lower-casing keeps every byte offset.
        let lower = text.to_ascii_lowercase();
        for phrase in GROUP_DESCRIPTIONS.iter().chain(PART_OF) {
            for (at, _) in lower.match_indices(phrase) {
                let end = at + phrase.len();
                let word_edge = |i: usize| {
                    lower[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                };
                let next_word = lower[end..].split_whitespace().next().unwrap_or("");
                // "The group of ministers" is a collective; "the branch of Islamic State" is
                // the article's organisation if the whole named is another.
                let of_another = || {
                    let named_at = end + lower[end..].find("of").unwrap_or(0) + 2;
                    let named_at =
                        named_at + (lower[named_at..].len() - lower[named_at..].trim_start().len());
                    let named_at = if lower[named_at..].starts_with("the ") {
                        named_at + 4
                    } else {
                        named_at
                    };
                    actors
                        .range(
                            DocSpan {
                                doc,
                                span: Span::new(named_at, named_at),
                            }..,
                        )
                        .next()
                        .is_some_and(|(m, a)| {
                            m.doc == doc && m.span.start == named_at && a.entity != entity
                        })
                };
                if !word_edge(at)
                    || lower[end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                    || (next_word == "of" && !(PART_OF.contains(phrase) && of_another()))
                {
                    continue;
                }
                actors
                    .entry(DocSpan {
                        doc,
                        span: Span::new(at, end),
                    })
                    .or_insert(Actor {
                        entity,
                        country: false,
                        demonym: false,
                        person: false,
                    });
            }
        }
    }
}

/// Bytes after a trigger within which its `by` may stand ("formed in 2015 by").
const BY_AFTER: usize = 24;
/// Bytes after `by` within which the agent's name must start ("by disenchanted members of the
/// Pakistani Taliban").
const AGENT_AFTER_BY: usize = 48;
/// Bytes between a premodifying name and its trigger ("an IS-K suicide bombing").
const PREMODIFIER: usize = 24;
/// Bytes between a subject and its verb ("ISIS-K, which has grown, carried out" is cut by the
/// comma anyway).
const SUBJECT_BEFORE: usize = 40;

/// Trigger words that are verbs in the active voice when no auxiliary precedes them.
const VERB_TRIGGERS: &[&str] = &[
    "attacked",
    "stormed",
    "bombed",
    "invaded",
    "founded",
    "formed",
    "assassinated",
    "arrested",
    "detained",
    "apprehended",
    "withdrew",
    "toppled",
    "overthrew",
    "appointed",
    "controlled",
    "seized",
    "occupied",
    "rooted",
    "wiped",
    "flushed",
    "routed",
    "smoked",
    "tried",
    "attempted",
];

/// Verbs whose subject performs the event their object names ("carried out a bombing").
const SUPPORT_VERBS: &[&str] = &[
    "carried",
    "carries",
    "carry",
    "carrying",
    "launched",
    "launches",
    "staged",
    "stages",
    "conducted",
    "mounted",
    "perpetrated",
    "committed",
    "waged",
    "wages",
    "orchestrated",
    "masterminded",
    "executed",
    "attempted",
    "attempts",
    "attempt",
    "planned",
    "plans",
    "plotted",
    "plotting",
];

/// Words that make the following verb passive, so that the subject before it is the patient.
const PASSIVE: &[&str] = &["was", "were", "been", "being", "be", "is", "are"];

/// Nouns for the organs through which a state acts.
const STATE_ORGANS: &[&str] = &[
    "forces",
    "force",
    "police",
    "army",
    "military",
    "troops",
    "government",
    "authorities",
    "officials",
    "security",
    "intelligence",
    "navy",
    "soldiers",
    "courts",
    "prosecutors",
];

/// Determiners, after which a participle is an adjective.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "these", "those",
];

/// Verbs of saying: a name before one is the speaker, not the subject of what follows ("Dan
/// Lewis said at least 111 of the appointed bodies …").
const SAYING: &[&str] = &[
    "said", "says", "told", "tells", "added", "argued", "claimed", "stated", "wrote",
];

/// Pronouns that stand as the subject themselves.
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we", "i", "who", "which", "that"];

/// Prepositions after which a name is a circumstance, not a subject.
const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "from",
    "into",
    "near",
    "across",
    "against",
    "of",
    "for",
    "with",
    "to",
    "by",
    "after",
    "before",
    "since",
    "over",
    "under",
    "within",
    "throughout",
    "inside",
];

/// Words between a name and a noun that show the name is not its premodifier, besides
/// `DETERMINERS` (a new noun phrase) and `SAYING` (the name is a subject: "Kesh said the
/// attack …"): pronouns, auxiliaries, conjunctions, verbs of blame.
const NOT_MODIFIERS: &[&str] = &[
    "this", "that", "claims", "denied", "denies", "blamed", "blames", "called", "has", "had",
    "have", "will", "would", "and", "or",
];

/// Whether the text after a name makes it a possessor ("Russia's").
fn possessive(after: &str) -> bool {
    after.starts_with("’s") || after.starts_with("'s")
}

/// The text with one parenthesis set off by two commas removed (", in the last year,"),
/// where that is all that breaks it.
fn without_parenthesis(s: &str) -> String {
    let commas: Vec<usize> = s.match_indices(',').map(|(i, _)| i).collect();
    match commas[..] {
        [open, close] if !breaks_clause(&s[..open]) && !breaks_clause(&s[close + 1..]) => {
            let inside = &s[open + 1..close];
            if !breaks_clause(inside) && inside.split_whitespace().count() <= 6 {
                return format!("{} {}", &s[..open], &s[close + 1..]);
            }
            s.to_string()
        }
        _ => s.to_string(),
    }
}

fn breaks_clause(s: &str) -> bool {
    s.contains([',', ';', ':', '–', '—', '(', ')', '.', '"', '“', '”', '\n'])
}

/// Words that may stand between a subject pronoun and its verb ("it has also carried out").
const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "then",
    "reportedly",
    "allegedly",
    "already",
    "later",
    "subsequently",
    "once",
    "previously",
    "recently",
    "since",
    "now",
    "again",
    "still",
];

/// Words that open a subordinate clause whose subject may follow them: "told a Senate hearing
/// that IS-K retains the capability …" (not "as", "since", "after", which are prepositions
/// too).
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "because", "while", "although", "though", "whereas", "when", "where",
    "if", "unless",
];

/// Sentences before a pronoun's within which its antecedent is looked for.
const ANTECEDENT_SENTENCES: usize = 2;

/// Where the trigger stands: its document, sentence index and token.
pub struct Trigger<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Span],
    pub doc: usize,
    pub sentence: usize,
    pub token: usize,
    /// The event kind ("attack", "war").
    pub kind: &'a str,
}

/// The agent entity of a trigger.
pub fn agent(t: &Trigger<'_>, actors: &Actors) -> Option<(usize, Span)> {
    // An election is held, not done by anyone the sentence names.
    if t.kind == "election" {
        return None;
    }
    let (text, tokens, doc, at) = (t.text, t.tokens, t.doc, t.token);
    let sentence = t.sentences[t.sentence];
    let trigger = tokens[at].span;
    let word = |i: usize| tokens[i].span.slice(text).to_lowercase();
    let in_sentence = || {
        actors
            .range(
                DocSpan {
                    doc,
                    span: Span::new(sentence.start, sentence.start),
                }..,
            )
            .take_while(move |(m, _)| m.doc == doc && m.span.start < sentence.end)
            .filter(move |(m, _)| m.span.end <= sentence.end)
    };

    // A demonym names its state as an agent only through the state's organs ("Russian security
    // forces", "Chinese police"); "the Welsh runner" is no act of Wales.
    let acts_as_state = |m: &DocSpan, a: &Actor| {
        !a.demonym || {
            let next: Vec<String> = text[m.span.end..]
                .split_whitespace()
                .take(2)
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            next.iter().any(|w| STATE_ORGANS.contains(&w.as_str()))
        }
    };

    // 1. "… by X". Between the trigger and its "by" only what a passive or a performing verb
    // brings ("formed in 2015 by", "an attack carried out by"), not another verb ("the trial
    // was told by a criminalist", "the election are to be debated by").
    let by = tokens[at + 1..]
        .iter()
        .take_while(|t| t.span.start < sentence.end && t.span.start - trigger.end <= BY_AFTER)
        .take_while(|t| !breaks_clause(t.span.slice(text)))
        .take_while(|t| {
            let w = t.span.slice(text);
            let lower = w.to_lowercase();
            t.kind != TokenKind::Word
                || w.starts_with(char::is_uppercase)
                || lower == "by"
                || lower == "out"
                || PASSIVE.contains(&lower.as_str())
                || SUPPORT_VERBS.contains(&lower.as_str())
                || PREPOSITIONS.contains(&lower.as_str())
                || DETERMINERS.contains(&lower.as_str())
        })
        .find(|t| t.kind == TokenKind::Word && t.span.slice(text).eq_ignore_ascii_case("by"));
    if let Some(by) = by {
        // A name after another preposition is a circumstance: "attacked by muggers in Kenya".
        let circumstance = |m: &DocSpan| {
            text[by.span.end..m.span.start]
                .split_whitespace()
                .last()
                .is_some_and(|w| w != "of" && PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        };
        let found = in_sentence()
            .filter(|(m, _)| m.span.start >= by.span.end)
            // A possessor is not the agent but its owner: "controlled by France's Suez" is Suez.
            .filter(|(m, a)| {
                !possessive(&text[m.span.end..]) && !circumstance(m) && acts_as_state(m, a)
            })
            .find(|(m, _)| {
                m.span.start - by.span.end <= AGENT_AFTER_BY
                    && !breaks_clause(&text[by.span.end..m.span.start])
            })
            .map(|(m, a)| (a.entity, m.span));
        if found.is_some() {
            return found;
        }
    }

    // 2. "ISK's attack", "an IS-K suicide bombing". A hearing's, an appointment's or an
    // arrest's possessor is whom it tries, appoints or arrests ("Jackson's trial", "Ms Druyun's
    // appointment", "Scholl's arrest"); a name premodifying a war or battle says what it is
    // about ("the UN war crimes tribunal", "the DVD format war").
    let premodifier = in_sentence()
        .filter(|_| !matches!(t.kind, "hearing" | "appointment" | "arrest"))
        // Only a noun has premodifiers: before a verb stands its subject (rule 3).
        .filter(|_| !VERB_TRIGGERS.contains(&word(at).as_str()))
        .filter(|(m, _)| m.span.end <= trigger.start && trigger.start - m.span.end <= PREMODIFIER)
        .filter(|(m, a)| {
            let between = &text[m.span.end..trigger.start];
            let possessive = possessive(between);
            let rest = between.trim_start_matches("’s").trim_start_matches("'s");
            // Only modifiers between: lower-case words, hyphens ("suicide", "deadly").
            // A possessive before a superlative is the ranking's scope ("Russia's worst
            // terrorist atrocity"), not its agent.
            let scope = possessive
                && rest
                    .split_whitespace()
                    .any(|w| crate::rankings::SUPERLATIVES.contains(&w));
            let modifiers = !scope
                && rest.split_whitespace().all(|w| {
                    w.chars().all(|c| c.is_lowercase() || c == '-')
                        && !PASSIVE.contains(&w)
                        && !PREPOSITIONS.contains(&w)
                        && !NOT_MODIFIERS.contains(&w)
                        && !DETERMINERS.contains(&w)
                        && !SAYING.contains(&w)
                })
                && rest.split_whitespace().count() <= 2;
            !breaks_clause(between)
                && modifiers
                && (possessive
                    || (!matches!(t.kind, "war" | "battle") && (!a.country || a.demonym)))
        })
        .last()
        .map(|(m, a)| (a.entity, m.span));
    if premodifier.is_some() {
        return premodifier;
    }

    // 3. The subject of an active trigger verb, or of a verb performing the trigger noun.
    let trigger_word = word(at);
    let verb = if VERB_TRIGGERS.contains(&trigger_word.as_str()) {
        Some(at)
    } else {
        (at.saturating_sub(4)..at)
            .rev()
            .find(|&i| SUPPORT_VERBS.contains(&word(i).as_str()))
    }?;
    // A passive names the patient before the verb; a determiner makes the participle an
    // adjective ("the appointed bodies"); a headline drops the auxiliary of its passives ("BNP
    // leader Nick Griffin arrested", "Kilroy-Silk attacked with slurry").
    let headline = dossier_model::reads_as_headline(&text[sentence.start..sentence.end]);
    if verb > 0
        && (PASSIVE.contains(&word(verb - 1).as_str())
            || DETERMINERS.contains(&word(verb - 1).as_str()))
        || (headline && verb == at && word(verb).ends_with("ed"))
    {
        return None;
    }
    let verb_start = tokens[verb].span.start;
    // A pronoun subject ("it has carried out"): its antecedent.
    let pronoun = tokens[..verb]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word && t.span.start >= sentence.start)
        .map(|t| (t.span, t.span.slice(text).to_lowercase()))
        .find(|(_, w)| !AUXILIARIES.contains(&w.as_str()))
        .filter(|(_, w)| w == "it" || w == "they");
    if let Some((pronoun, word)) = pronoun {
        return antecedent(t, actors, pronoun, word == "it");
    }
    let (subject, actor) = in_sentence()
        .filter(|(m, _)| m.span.end <= verb_start && verb_start - m.span.end <= SUBJECT_BEFORE)
        .last()
        .filter(|(m, a)| acts_as_state(m, a))?;
    // A parenthesis set off by two commas may stand between ("IS-K has, in the last year,
    // attempted to carry out several attacks"); it is read past.
    let between = without_parenthesis(&text[subject.span.end..verb_start]);
    if breaks_clause(&between) {
        return None;
    }
    // No pronoun subject, passive auxiliary, verb of saying or new noun phrase between the
    // name and the verb ("Alan Milburn - the man controversially appointed as …").
    let between_words: Vec<String> = between
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if between_words.iter().any(|w| {
        PRONOUNS.contains(&w.as_str())
            || PASSIVE.contains(&w.as_str())
            || SAYING.contains(&w.as_str())
            || DETERMINERS.contains(&w.as_str())
    }) {
        return None;
    }
    // Not a circumstance ("In Russia it …").
    let before = tokens.partition_point(|t| t.span.end <= subject.span.start);
    let previous_word = tokens[..before]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word && t.span.start >= sentence.start)
        .map(|t| t.span.slice(text).to_lowercase());
    if previous_word.is_some_and(|w| PREPOSITIONS.contains(&w.as_str())) {
        return None;
    }
    Some((actor.entity, subject.span))
}

/// What a founding founded: the organisation that identifies the event, since an organisation
/// is founded once ("ISIS-K was formed in 2015 by …" and "The branch of Islamic State was
/// founded in 2015 by …" in an article about IS-K are one founding). Read as the head of the
/// passive's subject (the first name of its clause: "the branch of Islamic State" is the
/// branch), a name the participle follows ("IS-K, formed in 2015,"), or the active verb's
/// object ("the men founded the group").
pub fn founded(t: &Trigger<'_>, actors: &Actors) -> Option<usize> {
    if t.kind != "founding" {
        return None;
    }
    let (text, tokens, doc, at) = (t.text, t.tokens, t.doc, t.token);
    let sentence = t.sentences[t.sentence];
    let word = |i: usize| tokens[i].span.slice(text).to_lowercase();
    let actor_in = |from: usize, to: usize| {
        actors
            .range(
                DocSpan {
                    doc,
                    span: Span::new(from, from),
                }..,
            )
            .take_while(move |(m, _)| m.doc == doc && m.span.end <= to)
            .map(|(m, a)| (m.span, *a))
    };
    let previous = (0..at)
        .rev()
        .find(|&i| tokens[i].span.start >= sentence.start)?;
    if PASSIVE.contains(&word(previous).as_str()) {
        // The clause's start: after the last break or subordinator before the auxiliary.
        let start = (0..previous)
            .rev()
            .take_while(|&i| tokens[i].span.start >= sentence.start)
            .find(|&i| {
                breaks_clause(tokens[i].span.slice(text))
                    || SUBORDINATORS.contains(&word(i).as_str())
            })
            .map_or(sentence.start, |i| tokens[i].span.end);
        let first_word = tokens[tokens.partition_point(|k| k.span.start < start)..previous]
            .iter()
            .find(|k| k.kind == TokenKind::Word)?;
        let first = first_word.span.slice(text).to_lowercase();
        if first == "it" || first == "they" {
            return antecedent(t, actors, first_word.span, first == "it").map(|(e, _)| e);
        }
        return actor_in(start, tokens[previous].span.start)
            .find(|(_, a)| !a.person && !a.demonym)
            .map(|(_, a)| a.entity);
    }
    if tokens[previous].span.slice(text) == "," {
        let name_end = tokens[previous].span.start;
        return actor_in(sentence.start, name_end)
            .filter(|(m, a)| m.end == name_end && !a.person && !a.demonym)
            .last()
            .map(|(_, a)| a.entity);
    }
    // The active verb's object, close after it and not after a preposition.
    let trigger_end = tokens[at].span.end;
    actor_in(trigger_end, sentence.end)
        .next()
        .filter(|(m, a)| {
            let between = &text[trigger_end..m.start];
            !a.person
                && !a.country
                && between.split_whitespace().count() <= 2
                && !breaks_clause(between)
                && between
                    .split_whitespace()
                    .all(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        })
        .map(|(_, a)| a.entity)
}

/// The antecedent of a subject pronoun: the latest actor that opens a clause (a subject, not
/// the object of a verb or a preposition: "In Afghanistan, IS-K view Russia as an ally of the
/// Taliban, which is why they attacked …" is IS-K; nor a possessor, "Russia's reliance on …")
/// in its sentence or the two before. "It" is
/// not a person; neither pronoun stands for the people of a place.
fn antecedent(
    t: &Trigger<'_>,
    actors: &Actors,
    pronoun: Span,
    singular: bool,
) -> Option<(usize, Span)> {
    antecedent_from(t, actors, t.sentence, pronoun, singular, PRONOUN_CHAIN)
}

/// Pronouns in a row that may stand for one antecedent ("ISIS-K sets itself against … It
/// derives … Over the past years, it has made … In September 2022, it carried out …").
const PRONOUN_CHAIN: usize = 3;

fn antecedent_from(
    t: &Trigger<'_>,
    actors: &Actors,
    sentence: usize,
    pronoun: Span,
    singular: bool,
    chain: usize,
) -> Option<(usize, Span)> {
    let window = sentence.saturating_sub(ANTECEDENT_SENTENCES);
    let first = t.sentences[window].start;
    let opens_clause = |m: Span| {
        let sentence_start = t
            .sentences
            .partition_point(|s| s.start <= m.start)
            .checked_sub(1)
            .map_or(0, |i| t.sentences[i].start);
        let before = t.text[sentence_start..m.start].trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .unwrap_or(before)
            .trim_end();
        !possessive(&t.text[m.end..])
            && (before.is_empty()
                || before.ends_with([',', ';', ':', '–', '—', '"', '“'])
                || before.ends_with(" and")
                || before.ends_with(" but")
                || SUBORDINATORS
                    .iter()
                    .any(|w| before.rsplit(' ').next() == Some(*w)))
    };
    let found = actors
        .range(
            DocSpan {
                doc: t.doc,
                span: Span::new(first, first),
            }..,
        )
        .take_while(|(m, _)| m.doc == t.doc && m.span.end <= pronoun.start)
        .filter(|(m, a)| !a.demonym && opens_clause(m.span) && (!singular || !a.person))
        .last()
        .map(|(m, a)| (a.entity, m.span));
    if found.is_some() || chain == 0 {
        return found;
    }
    // No name there, but the same pronoun opening a clause earlier in the window: it stands
    // for the same antecedent, looked for before it.
    let same = if singular { "it" } else { "they" };
    let from = t.tokens.partition_point(|k| k.span.start < first);
    let earlier = t.tokens[from..]
        .iter()
        .take_while(|k| k.span.end <= pronoun.start)
        .find(|k| k.span.slice(t.text).eq_ignore_ascii_case(same) && opens_clause(k.span))?;
    let at = t
        .sentences
        .partition_point(|s| s.start <= earlier.span.start)
        .checked_sub(1)?;
    if earlier.span.start >= pronoun.start || at > sentence {
        return None;
    }
    antecedent_from(t, actors, at, earlier.span, singular, chain - 1)
}

/// One discrepancy per event whose sources name different agents for it: "formed in 2015 by
/// disenchanted members of the Pakistani Taliban" against "founded in 2015 by former Taliban
/// members". Each source's agents are those its own mentions of the event name, not counting
/// plural ones ("the Russian air force has carried out countless bombings" did a series, which
/// the event may or may not belong to); a source that names none does not disagree.
pub fn discrepancies(
    docs: &[(Document, Extraction)],
    mentions: &[crate::events::EventMention],
    cluster_of: &[usize],
    events: &[dossier_model::Event],
    entities: &[ResolvedEntity],
) -> Vec<dossier_model::Discrepancy> {
    // event → doc → the agents it names, with the first span naming each.
    let mut named: BTreeMap<usize, BTreeMap<usize, BTreeMap<usize, Span>>> = BTreeMap::new();
    for (m, &e) in mentions.iter().zip(cluster_of) {
        if let Some((agent, span)) = m.agent.filter(|_| !m.series) {
            named
                .entry(e)
                .or_default()
                .entry(m.at.doc)
                .or_default()
                .entry(agent)
                .or_insert(span);
        }
    }
    let mut out = Vec::new();
    for (e, by_doc) in named {
        let sets: Vec<Vec<usize>> = by_doc
            .values()
            .map(|a| a.keys().copied().collect())
            .collect();
        if by_doc.len() < 2 || sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        let values = by_doc
            .iter()
            .flat_map(|(&doc, agents)| {
                agents.iter().map(move |(&agent, &span)| {
                    // The name as the source wrote it, or the entity's for a description
                    // ("the branch").
                    let written = span.slice(&docs[doc].0.text);
                    let value = if written.starts_with(char::is_lowercase)
                        || GROUP_DESCRIPTIONS
                            .iter()
                            .chain(PART_OF)
                            .any(|g| g.eq_ignore_ascii_case(written))
                    {
                        entities[agent].name.clone()
                    } else {
                        written.to_string()
                    };
                    dossier_model::DiscrepancyValue { doc, value, span }
                })
            })
            .collect();
        out.push(dossier_model::Discrepancy {
            kind: dossier_model::DiscrepancyKind::Attribution,
            about: format!("who did {}", events[e].id),
            event: Some(e),
            measure: Some("agent".into()),
            values,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[name]` marks an actor, `[!name]` a country, `[~name]` a demonym, `[@name]` a person;
    /// the trigger is the word after `^`, of the kind `kind`.
    /// The name `pick` reads off a marked sentence: `[Name]` an organisation, `[!Name]` a
    /// country, `[~Name]` a demonym, `[@Name]` a person, `^` the trigger.
    fn read(
        marked: &str,
        kind: &str,
        pick: fn(&Trigger<'_>, &Actors) -> Option<usize>,
    ) -> Option<String> {
        let mut text = String::new();
        let mut actors = Actors::new();
        let mut names = Vec::new();
        let mut trigger_at = None;
        let mut rest = marked;
        while let Some(c) = rest.chars().next() {
            if c == '[' {
                let close = rest.find(']').unwrap();
                let inner = &rest[1..close];
                let (mark, name) = match inner.chars().next() {
                    Some(c @ ('!' | '~' | '@')) => (Some(c), &inner[1..]),
                    _ => (None, inner),
                };
                let start = text.len();
                text.push_str(name);
                actors.insert(
                    DocSpan {
                        doc: 0,
                        span: Span::new(start, text.len()),
                    },
                    Actor {
                        entity: names.len(),
                        country: matches!(mark, Some('!' | '~')),
                        demonym: mark == Some('~'),
                        person: mark == Some('@'),
                    },
                );
                names.push(name.to_string());
                rest = &rest[close + 1..];
            } else if c == '^' {
                trigger_at = Some(text.len());
                rest = &rest[1..];
            } else {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        let tokens = dossier_nlp::tokenize::tokenize(&text);
        let at = tokens
            .iter()
            .position(|t| t.span.start == trigger_at.unwrap())
            .unwrap();
        let sentences = dossier_nlp::sentences::split(&text, &tokens);
        let sentence = sentences
            .iter()
            .position(|s| s.start <= tokens[at].span.start && tokens[at].span.end <= s.end)
            .unwrap();
        let trigger = Trigger {
            text: &text,
            tokens: &tokens,
            sentences: &sentences,
            doc: 0,
            sentence,
            token: at,
            kind,
        };
        pick(&trigger, &actors).map(|e| names[e].clone())
    }

    fn case(marked: &str, kind: &str) -> Option<String> {
        read(marked, kind, |t, a| agent(t, a).map(|(e, _)| e))
    }

    #[test]
    fn what_a_founding_founded() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Indeed, it is in central Asia that [ISIS-K] was ^formed in 2015 by members of the [Pakistani Taliban].", Some("ISIS-K")),
            ("The [branch] of [Islamic State] was ^founded in 2015 by former [Taliban] members.", Some("branch")),
            ("[ISK] grew. It was ^formed in 2015.", Some("ISK")),
            ("[IS-K], ^formed in 2015, grew.", Some("IS-K")),
            ("In 2015 the men ^founded [Lune Party].", Some("Lune Party")),
            ("In 2015 [@Ann Bell] ^founded it in [!France].", None),
        ];
        for (marked, want) in cases {
            assert_eq!(
                read(marked, "founding", founded).as_deref(),
                *want,
                "for {marked}"
            );
        }
    }

    #[test]
    fn the_group_is_the_organisation_its_article_is_about() {
        let text = "The group of ministers met. The group has carried out attacks on bus stations.";
        let tokens = dossier_nlp::tokenize::tokenize(text);
        let sentences = dossier_nlp::sentences::split(text, &tokens);
        let mut actors = Actors::new();
        add_group_descriptions(&[text], &[Some((7, 5))], &mut actors);
        let spans: Vec<&str> = actors.keys().map(|m| m.span.slice(text)).collect();
        assert_eq!(spans, ["The group"], "'the group of' is a collective");
        let at = tokens
            .iter()
            .position(|t| t.span.slice(text) == "attacks")
            .unwrap();
        let trigger = Trigger {
            text,
            tokens: &tokens,
            sentences: &sentences,
            doc: 0,
            sentence: 1,
            token: at,
            kind: "attack",
        };
        assert_eq!(agent(&trigger, &actors).map(|(e, _)| e), Some(7));
        // A part "of" another organisation is the article's; a part of itself is not a
        // description of it.
        let text = "The branch of Islamic State was founded in 2015. The wing of Kestrel grew.";
        let mut parts = Actors::new();
        for (at, len, entity) in [(14, 13, 3), (61, 7, 7)] {
            parts.insert(
                DocSpan {
                    doc: 0,
                    span: Span::new(at, at + len),
                },
                Actor {
                    entity,
                    country: false,
                    demonym: false,
                    person: false,
                },
            );
        }
        add_group_descriptions(&[text], &[Some((7, 5))], &mut parts);
        let described: Vec<(&str, usize)> = parts
            .iter()
            .map(|(m, a)| (m.span.slice(text), a.entity))
            .collect();
        assert_eq!(
            described,
            [("The branch", 7), ("Islamic State", 3), ("Kestrel", 7)]
        );
        // An organisation named fewer than three times is no article's topic.
        let mut none = Actors::new();
        add_group_descriptions(&[text], &[Some((7, 2))], &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn agent_cases() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("[ISIS-K] was ^formed in 2015 by disenchanted members of the [Pakistani Taliban].", "founding", Some("Pakistani Taliban")),
            ("a general who had been ^assassinated by a [!US] drone in 2020.", "assassination", Some("US")),
            ("[ISK]'s ^attack on the concert", "attack", Some("ISK")),
            ("an [IS-K] suicide ^bombing in Kabul", "bombing", Some("IS-K")),
            ("the [!Ukraine] ^invasion", "invasion", None),
            ("[!Russia]'s ^invasion of Ukraine", "invasion", Some("Russia")),
            ("[!Russia]'s worst terrorist ^atrocity since Beslan", "attack", None),
            ("the brutal [~Soviet] ^occupation of Afghanistan", "occupation", Some("Soviet")),
            ("the [~Chechen] ^wars in the 1990s", "war", None),
            ("[ISIS-K] carried out a suicide ^bombing at the airport", "bombing", Some("ISIS-K")),
            ("the [Taliban] ^toppled the government.", "takeover", Some("Taliban")),
            ("the [Syrian Democratic Forces] appeared to have ^rooted out the remnants.", "battle", Some("Syrian Democratic Forces")),
            ("In [!Russia] it has carried out numerous ^attacks", "attack", None),
            ("In [!Afghanistan], [IS-K] view [!Russia] as an ally of the [Taliban], which is why they ^attacked the embassy.", "attack", Some("IS-K")),
            ("[ISK] grew fast, and since then it has ^attacked Kabul.", "attack", Some("ISK")),
            ("Furthermore, [!Russia]'s reliance on labour helped [ISK]. Since then it has ^attacked Kabul", "attack", None),
            // An object is no antecedent, nor is a person of "it".
            ("[@Ghafari] leads [ISK], and since then it has ^attacked Kabul.", "attack", None),
            ("[ISIS-K] was ^formed in 2015.", "founding", None),
            ("[Kesh] said the ^attack was over", "attack", None),
            ("[Dan Lewis] said 111 of the ^appointed bodies grew.", "appointment", None),
            ("[!Spain]'s general ^election", "election", None),
            ("a firm ^controlled by [!France]'s [Suez]", "occupation", Some("Suez")),
            ("the [UN] ^war crimes tribunal", "war", None),
            ("[!Russia]'s ^war", "war", Some("Russia")),
            ("[ISK], which grew, carried out the ^attack", "attack", Some("ISK")),
            ("[IS-K] has, in the last year, attempted to carry out several ^attacks.", "attack", Some("IS-K")),
            ("[ISK] grew. It spread. Later it expanded. Then it ^attacked Kabul.", "attack", Some("ISK")),
            ("[ISK] grew. Analysts worried. Markets fell. Then it ^attacked Kabul.", "attack", None),
            ("The four suspects ^arrested by [~Russian] security forces are Tajiks.", "arrest", Some("Russian")),
            ("The [~Welsh] runner ^attacked the last 200m.", "attack", None),
            ("BNP leader [@Nick Griffin] ^arrested", "arrest", None),
            ("[@Blake]'s murder ^trial was told by [@Steven Dowell].", "hearing", None),
            ("The ^attack was carried out by [ISK].", "attack", Some("ISK")),
            ("An MP was ^attacked by muggers in [!Kenya].", "attack", None),
            ("alongside [@Alan Milburn] - the man controversially ^appointed as chief.", "appointment", None),
            ("Six days from [@Scholl]'s ^arrest to the trial.", "arrest", None),
            ("The ^attack by gunmen, [ISK] said", "attack", None),
            // The subject of a clause that "that" opens is an antecedent; the attempt with its
            // act unsaid is the pronoun's.
            ("[!US] spies warned. The general told a hearing that [IS-K] retains the will. Last year, it ^tried and failed in [!Germany].", "plot", Some("IS-K")),
        ];
        for (marked, kind, want) in cases {
            assert_eq!(case(marked, kind).as_deref(), *want, "for {marked}");
        }
    }
}
