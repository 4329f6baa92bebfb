//! Events: mentions found by their trigger words, placed and dated from the sentence they stand
//! in, and clustered across documents into one event per real happening.
//!
//! A mention with a date or a place is *anchored*. Anchored mentions of the same family
//! (an attack, a bombing and a massacre can be one happening; an arrest cannot be an attack)
//! join when their places agree and their dates are within two days (sources misdate by a day),
//! or when their dates agree and one has no place. An unanchored mention ("the attack") joins the
//! anchored event of its family that its own document talks about most; the figures of a
//! sentence go to the event mentioned in it, else to that same main event.

use dossier_model::{DocSpan, Document, Extraction, Span, TimexType, TokenKind};
use std::collections::BTreeMap;

/// Trigger words and the event kind they name.
const TRIGGERS: &[(&str, &str)] = &[
    ("attack", "attack"),
    ("attacks", "attack"),
    ("attacked", "attack"),
    ("stormed", "attack"),
    ("assault", "attack"),
    ("massacre", "attack"),
    ("atrocity", "attack"),
    ("carnage", "attack"),
    ("rampage", "attack"),
    ("raid", "attack"),
    ("shooting", "shooting"),
    ("shootings", "shooting"),
    ("bombing", "bombing"),
    ("bombings", "bombing"),
    ("bomber", "bombing"),
    ("bombers", "bombing"),
    ("twin-bombing", "bombing"),
    ("blast", "bombing"),
    ("blasts", "bombing"),
    ("explosion", "bombing"),
    ("explosions", "bombing"),
    ("bombed", "bombing"),
    ("siege", "siege"),
    ("hostage-taking", "siege"),
    ("plot", "plot"),
    ("plots", "plot"),
    ("plotting", "plot"),
    ("arrest", "arrest"),
    ("arrests", "arrest"),
    ("arrested", "arrest"),
    ("detained", "arrest"),
    ("apprehended", "arrest"),
    ("hearing", "hearing"),
    ("testimony", "hearing"),
    ("withdrawal", "withdrawal"),
    ("withdrew", "withdrawal"),
    ("pullout", "withdrawal"),
    ("invasion", "invasion"),
    ("invaded", "invasion"),
    ("occupation", "occupation"),
    ("founded", "founding"),
    ("formed", "founding"),
    ("assassination", "assassination"),
    ("assassinated", "assassination"),
    ("election", "election"),
    ("elections", "election"),
    ("war", "war"),
    ("wars", "war"),
    ("battle", "battle"),
    ("fighting", "war"),
    ("insurgency", "war"),
    ("warning", "warning"),
    ("warnings", "warning"),
    ("takeover", "takeover"),
    ("coup", "takeover"),
    ("toppled", "takeover"),
    ("overthrew", "takeover"),
    ("appointed", "appointment"),
    ("appointment", "appointment"),
    ("strike", "strike"),
    ("airstrike", "strike"),
    ("airstrikes", "strike"),
];

/// Verbs that make someone what the noun after them says ("was made ISK's emir").
pub(crate) const MAKING: &[&str] = &[
    "made",
    "named",
    "appointed",
    "elected",
    "became",
    "installed",
];

/// Bytes between a word and the place it governs ("controlled about a third of war-torn Syria").
const PLACE_AFTER: usize = 40;

/// The event kind a word names where it stands, if any. Most triggers name their event alone
/// (`TRIGGERS`), unless what they name did not happen: an intention ("the will to attack"), a
/// threat or a warning's content ("an imminent threat of a terrorist attack"), a negation ("with
/// no warning"). A few name one only in company: "controlled/seized/occupied" a *place* is an
/// occupation (control of a budget is not), the "destruction of" a *place* a war, "expelled/
/// driven from" a place or territory a war lost, troops that "pulled out" or "get out" a
/// withdrawal, "in court" and "trial" a hearing (a court that rules is an institution), and
/// "made/named/appointed … emir/leader/chief/head" an appointment, and fighters "rooted/wiped/
/// flushed out" a battle lost.
fn trigger_kind(
    text: &str,
    tokens: &[dossier_model::Token],
    i: usize,
    place_follows: impl Fn(usize) -> bool,
) -> Option<&'static str> {
    let word = tokens[i].span.slice(text).to_lowercase();
    let words_before = |n: usize| {
        tokens[i.saturating_sub(n)..i]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(text).to_lowercase())
            .collect::<Vec<_>>()
    };
    // "the will to attack", "could strike again": an intention or a possibility, not a
    // happening.
    if matches!(
        word.as_str(),
        "attack" | "strike" | "raid" | "arrest" | "plot" | "assault"
    ) && words_before(1).iter().any(|w| {
        matches!(
            w.as_str(),
            "to" | "will" | "would" | "could" | "might" | "may" | "can" | "cannot" | "must"
        )
    }) {
        return None;
    }
    if let Some(&(_, kind)) = TRIGGERS.iter().find(|(w, _)| *w == word) {
        // An attack warned of or threatened is the warning's content, not a happening: "warned
        // Russian intelligence about an attack", "an imminent threat of a terrorist attack",
        // "possible attacks".
        let before = words_before(6);
        let near = &before[before.len().saturating_sub(4)..];
        let threatened = family(kind) == "violence"
            && (near.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "imminent"
                        | "possible"
                        | "potential"
                        | "future"
                        | "threatened"
                        | "threat"
                        | "threats"
                )
            }) || (near.iter().any(|w| w == "about" || w == "of")
                && before.iter().any(|w| w.starts_with("warn"))));
        // "with little to no warning", "without a fight": what did not happen.
        let denied = before[before.len().saturating_sub(2)..]
            .iter()
            .any(|w| matches!(w.as_str(), "no" | "without"));
        return (!threatened && !denied && !verbal_attack(text, tokens, i)).then_some(kind);
    }
    let end = tokens[i].span.end;
    let next_word = tokens[i + 1..]
        .iter()
        .find(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text).to_lowercase());
    let words_after = |n: usize| {
        tokens[i + 1..]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(n)
            .map(|t| t.span.slice(text).to_lowercase())
            .collect::<Vec<_>>()
    };
    let armed_forces = |w: &String| {
        matches!(
            w.as_str(),
            "forces" | "troops" | "soldiers" | "army" | "military"
        )
    };
    match word.as_str() {
        "controlled" | "seized" | "occupied" if place_follows(end) => Some("occupation"),
        "destruction" if next_word.as_deref() == Some("of") && place_follows(end) => Some("war"),
        "court" if words_before(1).iter().any(|w| w == "in") => Some("hearing"),
        "trial" => Some("hearing"),
        // Troops that "pulled out" or "rushed to get out of" a country withdraw.
        "out"
            if words_before(1)
                .iter()
                .any(|w| matches!(w.as_str(), "get" | "got" | "pull" | "pulled" | "pulling"))
                && words_before(8).iter().any(armed_forces) =>
        {
            Some("withdrawal")
        }
        // A group "expelled from" or "driven from" a place or its territory lost a war there.
        "expelled" | "driven" | "pushed"
            if matches!(next_word.as_deref(), Some("from" | "out"))
                && (place_follows(end)
                    || words_after(6)
                        .iter()
                        .any(|w| w.starts_with("territor") || w.starts_with("stronghold"))) =>
        {
            Some("war")
        }
        // Fighters "rooted out", "wiped out" or "flushed out" of a place lost a battle there
        // ("rooted out the last remnants of ISIS in Baghouz"); a forest rooted out is no battle.
        "rooted" | "wiped" | "flushed" | "routed" | "smoked"
            if next_word.as_deref() == Some("out")
                && words_after(7).iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "remnants"
                            | "fighters"
                            | "militants"
                            | "rebels"
                            | "insurgents"
                            | "jihadists"
                            | "holdouts"
                            | "forces"
                            | "troops"
                    )
                }) =>
        {
            Some("battle")
        }
        // "It tried and failed in Germany": an attempt whose act is left unsaid, in news of
        // attacks, is a plot that did not come off. With its act said ("tried and failed to
        // seal a merger") it is that act, which names its own event or none.
        "tried" | "attempted"
            if words_after(2) == ["and", "failed"]
                && tokens[i + 1..]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .nth(2)
                    .is_none_or(|t| t.span.slice(text).to_lowercase() != "to") =>
        {
            Some("plot")
        }
        // The "crushing of the Chechnyan independence movement", the "suppression of the
        // uprising": force against a movement or a rising is a war; a crackdown on crime or
        // a crushed hope is not.
        "crushing" | "crushed" | "suppression" | "suppressed" | "crackdown"
            if words_after(6).iter().any(|w| {
                matches!(
                    w.as_str(),
                    "movement"
                        | "uprising"
                        | "rebellion"
                        | "revolt"
                        | "insurgency"
                        | "insurrection"
                        | "separatists"
                        | "rebels"
                )
            }) =>
        {
            Some("crackdown")
        }
        "emir" | "leader" | "chief" | "head" | "commander"
            if words_before(5).iter().any(|w| MAKING.contains(&w.as_str())) =>
        {
            Some("appointment")
        }
        _ => None,
    }
}

/// Kinds that can name the same happening.
pub fn family(kind: &str) -> &str {
    match kind {
        "attack" | "shooting" | "bombing" | "siege" | "strike" | "massacre" | "assassination" => {
            "violence"
        }
        "war" | "battle" | "invasion" | "occupation" | "crackdown" => "war",
        other => other,
    }
}

/// One trigger occurrence with what its sentence says about it.
#[derive(Debug, Clone)]
pub struct EventMention {
    pub at: DocSpan,
    pub kind: &'static str,
    pub sentence: Span,
    /// A calendar date in the same sentence (TIMEX3 value) and where it stands.
    pub date: Option<(String, Span)>,
    /// The end of a period the date starts ("in the 1990s and early 2000s": date `199`, until
    /// `200`), which the mention may share with another source's date.
    pub until: Option<String>,
    /// The place: an entity index (into the resolved entities).
    pub place: Option<usize>,
    /// A plural trigger ("bombings", "attacks"): possibly a series of happenings.
    pub series: bool,
    /// The ranking the trigger stands in ("the worst terrorist atrocity since Beslan"): see
    /// [`crate::rankings`]. A ranked mention takes no date or place from its sentence.
    pub ranking: Option<Span>,
    /// Who did it, where the sentence says: an entity index and the name's span (see
    /// [`crate::agents`]).
    pub agent: Option<(usize, Span)>,
    /// What the event made, where that identifies it: the organisation a founding founded
    /// (an entity index; see [`crate::agents::founded`]). Two foundings of one organisation
    /// are one event, whatever else their sources say.
    pub theme: Option<usize>,
    /// The attack whose perpetrators this arrest or hearing is of ("the suspects arrested"),
    /// where its date follows from that attack's: arrests of one attack's suspects are one
    /// event across sources, wherever each source places them.
    pub follows: Option<DocSpan>,
    /// The day its document was published, if known: an undated mention is that day's news.
    pub published: Option<String>,
}

impl EventMention {
    /// When it happened as its source says: the date, or the period "start/end".
    pub fn when(&self) -> Option<String> {
        let (date, _) = self.date.as_ref()?;
        Some(match &self.until {
            Some(end) => format!("{date}/{end}"),
            None => date.clone(),
        })
    }
}

/// Words joining two dates into one period ("2001 to 2003"); "and" joins only stretches that
/// follow each other ("the 1990s and early 2000s"; "the elections of 1997 and 2001" are two).
const PERIOD_JOINERS: &[&str] = &["to", "until", "through", "-", "–"];

/// Whether decade or year `b` is the one right after `a` (`199`, `200`; `1979`, `1980`).
fn next_stretch(a: &str, b: &str) -> bool {
    let number = |v: &str| {
        (v.len() == a.len() && v.bytes().all(|c| c.is_ascii_digit()))
            .then(|| v.parse::<u32>().ok())
            .flatten()
    };
    matches!((number(a), number(b)), (Some(x), Some(y)) if y == x + 1)
}

/// The end of the period a date opens: a later calendar date joined to it ("in the 1990s and
/// early 2000s"), with the span from the first to the second.
fn period_end(text: &str, ex: &Extraction, start: &(String, Span)) -> Option<(String, Span)> {
    // Time expressions are in text order.
    let after = ex.timexes.partition_point(|t| t.span.start < start.1.end);
    let next = ex.timexes[after..]
        .iter()
        .find(|t| calendar_value(t).is_some())?;
    let between = text.get(start.1.end..next.span.start)?.trim();
    let value = calendar_value(next)?;
    let value = value.get(..10).unwrap_or(value);
    let joined =
        PERIOD_JOINERS.contains(&between) || (between == "and" && next_stretch(&start.0, value));
    (joined && value > start.0.as_str())
        .then(|| (value.to_string(), Span::new(start.1.start, next.span.end)))
}

/// Finds event mentions in every document. `place_at` gives the entity index of the place
/// mentions of a document: `(doc, span) → entity`; `demonym_places` the place each demonym
/// names the people of ("Chechen" → Chechnya), where the dossier has that place.
pub fn find_mentions(
    docs: &[(Document, Extraction)],
    place_at: &BTreeMap<DocSpan, usize>,
    demonym_places: &BTreeMap<DocSpan, usize>,
    actors: &crate::agents::Actors,
) -> Vec<EventMention> {
    let mut out = Vec::new();
    for (d, (doc, ex)) in docs.iter().enumerate() {
        let text = doc.text.as_str();
        let mut doc_mentions = Vec::new();
        // The document's triggers, once: each one's dates are read up to its neighbours.
        // A place named just after a word, in its own sentence ("controlled a third of Syria").
        let place_follows = |end: usize| {
            place_at
                .range(
                    DocSpan {
                        doc: d,
                        span: Span::new(end, end),
                    }..,
                )
                .next()
                .is_some_and(|(place, _)| {
                    place.doc == d
                        && place.span.start - end <= PLACE_AFTER
                        && !text[end..place.span.start].contains(['.', '\n', ';'])
                })
        };
        let triggers: Vec<(Span, &'static str)> = (0..ex.tokens.len())
            .filter(|&i| ex.tokens[i].kind == TokenKind::Word)
            .filter_map(|i| {
                trigger_kind(text, &ex.tokens, i, place_follows).map(|k| (ex.tokens[i].span, k))
            })
            .collect();
        for (ti, &(at, kind)) in triggers.iter().enumerate() {
            let kind = if family(kind) == "violence" && foiled(text, &ex.tokens, at) {
                "plot"
            } else {
                kind
            };
            let Some(si) = ex
                .sentences
                .iter()
                .position(|s| s.start <= at.start && at.end <= s.end)
            else {
                continue;
            };
            let sentence = ex.sentences[si];
            // Where the trigger's sentence gives no date or place, the paragraph around it does:
            // for the date first the sentences before (news narrates in time: "By the end of
            // 2017 … had laid ISIS to waste. It was expelled from 95 per cent of its
            // territory"), then the next ("… died in the attack. It began in Dravosk on
            // Friday"); for the place the next.
            let next = ex
                .sentences
                .get(si + 1)
                .copied()
                .filter(|n| !text[sentence.end..n.start].contains('\n'));
            // A date right beside the trigger is its date ("the 2021 attack", "the attack on
            // Friday"); then one in its own phrase after it, then one opening its clause before
            // it; otherwise the earliest date of the sentence, since the other dates of a
            // sentence about an event are mostly those of later reactions ("on Saturday denied
            // any part in the explosion … on Friday evening"). A time of day dates the event to
            // its day. `own`: the trigger's own sentence, where its phrase and clause are read;
            // in a neighbouring sentence only the earliest date counts.
            let date_in = |window: Span, own: bool| {
                let dates = || {
                    ex.timexes
                        .iter()
                        .filter(|t| window.contains(t.span) && calendar_value(t).is_some())
                };
                // The triggers around this one in the window: a date past the next is that
                // event's, a date before the previous is that one's.
                let next_trigger = triggers
                    .get(ti + 1)
                    .map(|(s, _)| s.start)
                    .filter(|&s| s < window.end)
                    .unwrap_or(window.end);
                let previous_trigger = ti
                    .checked_sub(1)
                    .map(|p| triggers[p].0.end)
                    .filter(|&e| e > window.start)
                    .unwrap_or(window.start);
                let other_family_before = triggers[..ti]
                    .iter()
                    .rev()
                    .find(|(_, k)| family(k) != family(kind))
                    .map(|(s, _)| s.end)
                    .filter(|&e| e > window.start);
                // A date that premodifies another trigger ("since the 2021 chaotic US
                // withdrawal") is that one's too.
                let premodifies_another = |t: &dossier_model::Timex| {
                    triggers.iter().enumerate().any(|(j, (s, _))| {
                        j != ti && s.end <= window.end && premodifies(text, t.span, *s)
                    })
                };
                // In the trigger's own sentence, a date after a trigger of another family with
                // a dash or a semicolon before this one is that one's ("attacks, the most
                // recent in 2020 – and this year it stopped several plots"), and a date outside
                // the quotation the trigger stands in dates the quoting ("Last night analysts
                // said: 'The Moscow attack …'").
                let quoted_away = |t: &dossier_model::Timex| {
                    t.span.end <= at.start && opens_quotation(&text[t.span.end..at.start])
                };
                let dates_another = |t: &dossier_model::Timex| {
                    premodifies_another(t)
                        || (own && t.span.end <= at.start && {
                            let between = &text[t.span.end..at.start];
                            (other_family_before.is_some_and(|e| t.span.start >= e)
                                && between.contains(['–', '—', ';']))
                                || quoted_away(t)
                        })
                        // And a date after the next trigger, which a dash or semicolon sets
                        // off from this one ("bombers killed 100 at a memorial for a general –
                        // who was assassinated four years earlier").
                        || (own
                            && next_trigger < window.end
                            && t.span.start >= next_trigger
                            && text[at.end..next_trigger].contains(['–', '—', ';']))
                };
                dates()
                    .filter(|t| distance(t.span, at) <= ADJACENT && !quoted_away(t))
                    .min_by_key(|t| distance(t.span, at))
                    // "the bombing of a concert in Manchester in May 2017": the first date after
                    // the trigger, in its own phrase (before the sentence's next trigger).
                    .or_else(|| {
                        dates()
                            .filter(|t| {
                                own && t.span.start >= at.end
                                    && t.span.end <= next_trigger
                                    && t.span.start - at.end <= FOLLOWING
                                    && !premodifies_another(t)
                            })
                            .min_by_key(|t| t.span.start)
                    })
                    // "On 4 January, it carried out a twin-bombing of a memorial for a general
                    // who had been assassinated in 2020": the date that opens the trigger's
                    // clause, before it and after any other trigger.
                    .or_else(|| {
                        dates()
                            .filter(|t| {
                                own && t.span.end <= at.start
                                    && t.span.start >= previous_trigger
                                    && !reaction_between(text, &ex.tokens, t.span.end, at.start)
                                    && !quoted_away(t)
                            })
                            .max_by_key(|t| t.span.start)
                    })
                    // Failing those, the sentence's earliest date, but not another's.
                    .or_else(|| {
                        dates()
                            .filter(|t| !dates_another(t))
                            .min_by_key(|t| calendar_value(t))
                    })
                    .and_then(|t| {
                        let value = calendar_value(t)?;
                        Some((value.get(..10).unwrap_or(value).to_string(), t.span))
                    })
            };
            let place_in = |window: Span| {
                place_at
                    .range(
                        DocSpan {
                            doc: d,
                            span: Span::new(window.start, window.start),
                        }..,
                    )
                    .take_while(|(place, _)| place.doc == d && place.span.start < window.end)
                    .filter(|(place, _)| window.contains(place.span))
                    // A place in another trigger's noun phrase is that one's ("the Ukraine
                    // invasion"); one in this trigger's ("Friday's deadly Moscow theatre attack
                    // on Ukraine") comes before any nearer place.
                    .filter(|(place, _)| {
                        !triggers
                            .iter()
                            .enumerate()
                            .any(|(j, (s, _))| j != ti && premodifies(text, place.span, *s))
                    })
                    // Where the arrested or tried come from is not where it happened ("The
                    // four suspects arrested … are all from Tajikistan").
                    .filter(|(place, _)| {
                        !matches!(kind, "arrest" | "hearing")
                            || text[..place.span.start]
                                .split_whitespace()
                                .last()
                                .is_none_or(|w| !w.eq_ignore_ascii_case("from"))
                    })
                    .min_by_key(|(place, _)| {
                        (!premodifies(text, place.span, at), distance(place.span, at))
                    })
                    .map(|(_, &e)| e)
            };
            // The last date the paragraph gave before it ("That changed in August 2021. …
            // ISIS-K carried out a suicide bombing …").
            let previous: Vec<Span> = ex.sentences[..si]
                .iter()
                .rev()
                .take(2)
                .take_while(|p| !text[p.end..sentence.start].contains('\n'))
                .copied()
                .collect();
            let token = ex.tokens.partition_point(|t| t.span.start < at.start);
            let ranking = crate::rankings::phrase(text, &ex.tokens, token);
            // A ranked mention is the event its sentence has just named, if any ("ISK's attack
            // on the Crocus venue … was Russia's worst atrocity since Beslan").
            let (date, place) = if ranking.is_some() {
                doc_mentions
                    .iter()
                    .rev()
                    .find(|m: &&EventMention| {
                        m.sentence == sentence && family(m.kind) == family(kind)
                    })
                    .map_or((None, None), |m| (m.date.clone(), m.place))
            } else {
                // A sentence that says when, in words no reference date resolves ("Earlier
                // this month" in an undated article), dates its trigger to a time we cannot
                // place: not to the neighbours' dates.
                let own_unplaced = ex.timexes.iter().any(|t| {
                    sentence.contains(t.span)
                        && t.kind == TimexType::Date
                        && t.value.starts_with("XXXX")
                });
                (
                    date_in(sentence, true).or_else(|| {
                        if own_unplaced {
                            return None;
                        }
                        previous
                            .iter()
                            .find_map(|&p| date_in(p, false))
                            .or_else(|| next.and_then(|n| date_in(n, false)))
                    }),
                    place_in(sentence).or_else(|| next.and_then(place_in)),
                )
            };
            // A war's demonym says where it was fought: "the Chechen wars", "the crushing of
            // the Chechnyan independence movement" (a war's demonym is no agent, see
            // `agents`).
            let place = if family(kind) == "war" && ranking.is_none() {
                demonym_places
                    .range(
                        DocSpan {
                            doc: d,
                            span: Span::new(sentence.start, sentence.start),
                        }..,
                    )
                    .take_while(|(m, _)| m.doc == d && m.span.end <= sentence.end)
                    .find(|(m, _)| {
                        premodifies(text, m.span, at)
                            || (kind == "crackdown"
                                && m.span.start >= at.end
                                && m.span.start - at.end <= PLACE_AFTER
                                && !text[at.end..m.span.start].contains([',', ';', '.', '–', '—']))
                    })
                    .map(|(_, &p)| p)
                    .or(place)
            } else {
                place
            };
            // A date that opens a period ("in the 1990s and early 2000s") is the period's.
            let (date, until) = match date {
                Some(start) => match period_end(text, ex, &start) {
                    Some((end, span)) => (Some((start.0, span)), Some(end)),
                    None => (Some(start), None),
                },
                None => (None, None),
            };
            let word = at.slice(text).to_lowercase();
            // A bare plural ("bombings in Kabul") is a series; a definite one ("the attacks in
            // Paris") names one known, possibly coordinated, happening.
            let definite = {
                ex.tokens[token.saturating_sub(3)..token]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .rev()
                    .take(2)
                    .any(|t| {
                        matches!(
                            t.span.slice(text).to_lowercase().as_str(),
                            "the" | "these" | "those" | "both"
                        )
                    })
            };
            let trigger = crate::agents::Trigger {
                text,
                tokens: &ex.tokens,
                sentences: &ex.sentences,
                doc: d,
                sentence: si,
                token,
                kind,
            };
            doc_mentions.push(EventMention {
                at: DocSpan { doc: d, span: at },
                kind,
                sentence,
                date,
                until,
                place,
                series: word.ends_with('s') && !word.ends_with("ers") && !definite,
                ranking,
                agent: crate::agents::agent(&trigger, actors),
                theme: crate::agents::founded(&trigger, actors),
                follows: None,
                published: doc.published_date().map(str::to_string),
            });
        }
        date_follow_ups(doc, ex, &mut doc_mentions);
        out.extend(doc_mentions);
    }
    out
}

/// Nouns for the people an attack's aftermath is about.
const PERPETRATORS: &[&str] = &[
    "suspect",
    "suspects",
    "attacker",
    "attackers",
    "gunman",
    "gunmen",
    "assailant",
    "assailants",
    "perpetrator",
    "perpetrators",
];

/// Days within which an attack is its article's news: an undated arrest of "the suspects" in a
/// report published a month or more after the last attack it dates cannot be placed.
const NEWS_PEG_DAYS: i64 = 31;

/// An arrest or a hearing of "the suspects" or "the gunmen" with no date of its own follows
/// the attack its article reports, the latest one the article dates before publication, if it
/// is recent: it falls between that attack and publication, and is dated as precisely as those
/// two agree ("2024-03" for an attack on the 22nd reported on the 26th). The date's evidence is
/// the attack's date.
fn date_follow_ups(doc: &Document, ex: &Extraction, mentions: &mut [EventMention]) {
    let Some(published) = doc.published_date() else {
        return;
    };
    let Some((peg, peg_span, peg_at)) = mentions
        .iter()
        .filter(|m| family(m.kind) == "violence")
        .filter_map(|m| m.date.as_ref().map(|(v, s)| (v, s, m.at)))
        .filter(|(value, _, _)| value.len() == 10 && value.as_str() <= published)
        .filter(|(value, _, _)| day_gap(value, published).is_some_and(|g| g <= NEWS_PEG_DAYS))
        .max_by(|a, b| a.0.cmp(b.0))
        .map(|(v, s, at)| (v.clone(), *s, at))
    else {
        return;
    };
    let Some(shared) = [10, 7, 4]
        .into_iter()
        .find(|&n| peg.get(..n).is_some() && peg.get(..n) == published.get(..n))
        .map(|n| peg[..n].to_string())
    else {
        return;
    };
    let text = doc.text.as_str();
    for m in mentions
        .iter_mut()
        .filter(|m| m.date.is_none() && matches!(m.kind, "arrest" | "hearing"))
    {
        let first = ex
            .tokens
            .partition_point(|t| t.span.start < m.sentence.start);
        let names_perpetrators = ex.tokens[first..]
            .iter()
            .take_while(|t| t.span.end <= m.sentence.end)
            .any(|t| PERPETRATORS.contains(&t.span.slice(text).to_lowercase().as_str()));
        if names_perpetrators {
            m.date = Some((shared.clone(), peg_span));
            m.follows = Some(peg_at);
        }
    }
}

/// Whether `modifier` stands in the noun phrase before `head`, close and with no punctuation
/// that ends a phrase between them ("the 2021 chaotic US withdrawal", "the Moscow theatre
/// attack").
fn premodifies(text: &str, modifier: Span, head: Span) -> bool {
    // A possessive is the head's agent, not its modifier: "the Soviet Union's occupation of
    // Afghanistan" took place in Afghanistan.
    head.start >= modifier.end
        && head.start - modifier.end <= PREMODIFIER
        && !text[modifier.end..head.start].contains([',', ';', '–', '—', '(', '.'])
        && !text[modifier.end..head.start].contains("’s")
        && !text[modifier.end..head.start].contains("'s")
}

/// Whether a quotation opens in `between` and is still open at its end.
fn opens_quotation(between: &str) -> bool {
    let curly = between.matches('“').count() > between.matches('”').count();
    curly || between.matches('"').count() % 2 == 1
}

/// Whether a verb of reaction or report stands between two offsets: "Kesh on Saturday denied
/// any part in the explosion" dates the denial, not the explosion, while "On 4 January it
/// carried out a twin-bombing" dates the bombing.
fn reaction_between(text: &str, tokens: &[dossier_model::Token], from: usize, to: usize) -> bool {
    let first = tokens.partition_point(|t| t.span.start < from);
    tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= to)
        .filter(|t| t.kind == TokenKind::Word)
        .any(|t| {
            matches!(
                t.span.slice(text).to_lowercase().as_str(),
                "said"
                    | "says"
                    | "denied"
                    | "denies"
                    | "condemned"
                    | "condemns"
                    | "claimed"
                    | "claims"
                    | "blamed"
                    | "blames"
                    | "accused"
                    | "warned"
                    | "confirmed"
                    | "reported"
                    | "announced"
                    | "told"
                    | "dismissed"
                    | "admitted"
                    | "praised"
                    | "mourned"
                    | "recalled"
                    | "remembered"
                    | "marked"
                    | "commemorated"
                    | "denounced"
                    | "investigated"
                    | "described"
                    | "called"
                    | "vowed"
            )
        })
}

/// An attack that did not happen is a plot: "attempted a gun attack … which was thwarted", "a
/// foiled bombing", "planned attacks". Looks at the three words before the trigger and at a
/// `thwarted`/`foiled`/`prevented` in the eight after it.
fn foiled(text: &str, tokens: &[dossier_model::Token], trigger: Span) -> bool {
    let at = tokens.partition_point(|t| t.span.start < trigger.start);
    let word = |t: &dossier_model::Token| t.span.slice(text).to_lowercase();
    let before = tokens[at.saturating_sub(3)..at].iter().map(word).any(|w| {
        matches!(
            w.as_str(),
            "attempted" | "planned" | "foiled" | "thwarted" | "failed" | "would-be" | "plotted"
        )
    });
    let window: Vec<String> = tokens.iter().skip(at + 1).take(8).map(word).collect();
    let after = window.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "thwarted" | "foiled" | "prevented" | "averted")
            && !(k > 0 && matches!(window[k - 1].as_str(), "not" | "never" | "n't"))
    });
    before || after
}

/// Words for what a politician or critic attacks: an attack on one of them, in the trigger's
/// clause, is criticism ("launched an attack on Conservative spending plans", "attacked
/// Labour's unfair tax record", "Blair blasts Tory spending plans").
const CRITICISED: &[&str] = &[
    "plan",
    "plans",
    "policy",
    "policies",
    "record",
    "remarks",
    "comments",
    "proposal",
    "proposals",
    "decision",
    "decisions",
    "budget",
    "claims",
    "report",
    "reports",
    "stance",
    "handling",
    "lies",
    "u-turn",
    "u-turns",
    "spending",
    "reforms",
    "approach",
    "strategy",
    "tactics",
    "rhetoric",
    "critics",
    "manifesto",
    "bill",
    "legislation",
    "law",
    "laws",
];

/// Words of an attack that may be verbal, or another kind of attack: a seizure ("a heart
/// attack", "a panic attack") or a move in a game ("the counter attack").
fn verbal_attack(text: &str, tokens: &[dossier_model::Token], i: usize) -> bool {
    let word = tokens[i].span.slice(text).to_lowercase();
    let previous = tokens[..i]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text).to_lowercase());
    if word.starts_with("attack")
        && previous.is_some_and(|w| {
            matches!(
                w.as_str(),
                "heart" | "panic" | "asthma" | "anxiety" | "counter"
            )
        })
    {
        return true;
    }
    matches!(
        word.as_str(),
        "attack" | "attacks" | "attacked" | "assault" | "blast" | "blasts"
    ) && tokens[i + 1..]
        .iter()
        .take(8)
        .take_while(|t| !matches!(t.span.slice(text), "," | ";" | "." | ":" | "–" | "—"))
        .filter(|t| t.kind == TokenKind::Word)
        .any(|t| CRITICISED.contains(&t.span.slice(text).to_lowercase().as_str()))
}

/// Bytes between a trigger and a date that belongs to it directly ("the attack on Friday").
const ADJACENT: usize = 12;

/// Bytes between a date and the trigger noun it premodifies ("the 2021 chaotic US withdrawal").
const PREMODIFIER: usize = 24;

/// Bytes a trigger's own phrase may run before its date ("the suicide bombing of an Ariana
/// Grande concert in Manchester in May 2017").
const FOLLOWING: usize = 64;

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The calendar date a time expression gives an event: a date's or a time's own value, or the
/// date a duration counted from an earlier one ends on ("In December 2018 … Three months
/// later", 2019-03).
pub fn calendar_value(t: &dossier_model::Timex) -> Option<&str> {
    match t.kind {
        TimexType::Date | TimexType::Time => Some(t.value.as_str()),
        TimexType::Duration => t.anchored.as_deref(),
        TimexType::Set => None,
    }
    .filter(|v| is_calendar(v))
}

/// A TIMEX3 value that names a point or stretch of the calendar (`2024`, `2024-03`,
/// `2024-03-22`, the decade `199`), not a reference (`PRESENT_REF`), an undated day
/// (`XXXX-03-22`) or a century (`20`, too vague to date an event by).
pub fn is_calendar(value: &str) -> bool {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    (digits >= 4 || (digits == 3 && value.len() == 3)) && !value.contains('X')
}

/// Days between two day-precision values, `None` if either is less precise.
fn day_gap(a: &str, b: &str) -> Option<i64> {
    if a.len() != 10 || b.len() != 10 {
        return None;
    }
    let a: jiff::civil::Date = a.parse().ok()?;
    let b: jiff::civil::Date = b.parse().ok()?;
    let span = a.since(b).ok()?;
    Some(i64::from(span.get_days()).abs())
}

/// Two calendar values that could be the same day: equal, one a prefix of the other (a month
/// containing the day), or days at most `slack` apart.
pub fn dates_compatible(a: &str, b: &str, slack: i64) -> bool {
    // Each value is a stretch of the calendar from its first to its last instant: as strings,
    // from the value itself to the value followed by a character above every digit and dash
    // ('~'), so that a value holds every more precise one it prefixes. Two stretches overlap
    // when each starts before the other ends; a period "199/200" runs from 199 to 200's end.
    // (Compared without building the strings: x <= "y~" when x <= y or y prefixes x.)
    fn stretch(v: &str) -> (&str, &str) {
        v.split_once('/').unwrap_or((v, v))
    }
    let before_end = |x: &str, end: &str| x <= end || x.starts_with(end);
    let ((a0, a1), (b0, b1)) = (stretch(a), stretch(b));
    (before_end(a0, b1) && before_end(b0, a1)) || day_gap(a, b).is_some_and(|g| g <= slack)
}

/// Clusters mentions into events: returns, per mention, its cluster number (clusters numbered in
/// order of first mention).
pub fn cluster(
    mentions: &[EventMention],
    same_place: impl Fn(usize, usize) -> bool,
    country: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // The dates each cluster carries: two clusters whose dates disagree never join, even through
    // an undated mention that could belong to either (union-find alone would chain them).
    let mut dates: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| m.when().into_iter().collect())
        .collect();
    let whens: Vec<Option<String>> = mentions.iter().map(EventMention::when).collect();
    // A plural mention dated only to a year ("bombings in Kabul in 2022 that killed 120") names
    // a series of happenings, not the one another source dates to a month or a day ("a suicide
    // attack against the Russian embassy in Kabul in September 2022"), even when that one
    // belongs to the series: a cluster holding the one never takes the series, directly or
    // through a third mention.
    let year_only = |m: &EventMention| m.date.as_ref().is_some_and(|d| d.0.len() <= 4);
    let is_series: Vec<bool> = mentions.iter().map(|m| m.series && year_only(m)).collect();
    let mut series_of_a_year = is_series.clone();
    let mut one_dated_closer: Vec<bool> = mentions
        .iter()
        .map(|m| !m.series && m.date.as_ref().is_some_and(|d| d.0.len() > 4))
        .collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // `identified`: the mentions are one event by what they made (one organisation's
    // founding), so sources that date it differently disagree about it, not about which event.
    let mut union =
        |p: &mut Vec<usize>, dates: &mut Vec<Vec<String>>, a: usize, b: usize, identified: bool| {
            let (ra, rb) = (find(p, a), find(p, b));
            if ra == rb {
                return;
            }
            let agree = identified
                || dates[ra]
                    .iter()
                    .all(|x| dates[rb].iter().all(|y| dates_compatible(x, y, 2)));
            let series_meets_one = (series_of_a_year[ra] && one_dated_closer[rb])
                || (one_dated_closer[ra] && series_of_a_year[rb]);
            if !agree || series_meets_one {
                return;
            }
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            p[hi] = lo;
            series_of_a_year[lo] |= series_of_a_year[hi];
            one_dated_closer[lo] |= one_dated_closer[hi];
            let moved = std::mem::take(&mut dates[hi]);
            dates[lo].extend(moved);
        };
    let anchored: Vec<usize> = (0..n)
        .filter(|&i| {
            mentions[i].date.is_some() || mentions[i].place.is_some() || mentions[i].theme.is_some()
        })
        .collect();
    // Only mentions that share a family and a year, or a family and a place, can be one event:
    // compare within those blocks, not every pair (a corpus has thousands of anchored mentions).
    let mut blocks: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
    for &i in &anchored {
        let m = &mentions[i];
        if let Some((date, _)) = &m.date {
            blocks
                .entry((
                    family(m.kind),
                    format!("y{}", date.get(..4).unwrap_or(date)),
                ))
                .or_default()
                .push(i);
        }
        if let Some(p) = m.place {
            blocks
                .entry((family(m.kind), format!("p{p}")))
                .or_default()
                .push(i);
        }
        if let Some(t) = m.theme {
            blocks
                .entry((family(m.kind), format!("t{t}")))
                .or_default()
                .push(i);
        }
    }
    // Pairs are visited block by block, in a fixed order; a pair in two blocks is simply
    // judged twice (joining is idempotent), which is cheaper than collecting them all.
    // Series of a year join last, so that a mention which could be either ("attacked the
    // embassy in Kabul in 2022") joins the one happening a source dates closer, whatever the
    // order of the documents.
    for (block, series_pass) in blocks
        .values()
        .map(|b| (b, false))
        .chain(blocks.values().map(|b| (b, true)))
    {
        for (x, &i) in block.iter().enumerate() {
            for &j in &block[x + 1..] {
                let (a, b) = (&mentions[i], &mentions[j]);
                if family(a.kind) != family(b.kind) || series_pass != (is_series[i] || is_series[j])
                {
                    continue;
                }
                let identified = a.theme.is_some() && a.theme == b.theme;
                let same = identified
                    || match (&a.date, &b.date, a.place, b.place) {
                        (Some(da), Some(db), Some(pa), Some(pb)) => {
                            same_place(pa, pb)
                                && dates_compatible(
                                    whens[i].as_deref().unwrap_or(&da.0),
                                    whens[j].as_deref().unwrap_or(&db.0),
                                    2,
                                )
                        }
                        // One place unknown: the same day. (A month against a day is too loose:
                        // "a plot in Kaluga earlier this month" is not "the plot" of the 22nd.)
                        // In one document, the same kind on the same date is one happening.
                        (Some(da), Some(db), _, _) => {
                            da.0 == db.0
                                && (da.0.len() == 10 || (a.at.doc == b.at.doc && a.kind == b.kind))
                        }
                        // Undated, in one document at one place: one happening, unless one is
                        // plural ("attacks in Russia") and the other not ("the attack in Russia").
                        (None, None, Some(pa), Some(pb)) => {
                            pa == pb && a.at.doc == b.at.doc && a.series == b.series
                        }
                        // An undated mention at a place is the dated one there. A country is too
                        // broad to say so across documents unless the date is the undated
                        // mention's news: within the month before its document was published
                        // ("the attack in Russia" of 25 March 2024 is the attack of the 22nd, not
                        // another article's siege in Russia in 2004).
                        (Some(dated), None, Some(pa), Some(pb))
                        | (None, Some(dated), Some(pa), Some(pb)) => {
                            let (undated, dated_at) =
                                if a.date.is_none() { (a, j) } else { (b, i) };
                            // One happening ("the attack", undated) is not a series of a year
                            // ("numerous small-scale attacks, the most recent in 2020").
                            let one_in_a_series = is_series[dated_at] && !undated.series;
                            pa == pb
                                && !one_in_a_series
                                && (a.at.doc == b.at.doc
                                    || !country(pa)
                                    || undated.published.as_deref().is_some_and(|p| {
                                        dated.0.as_str() <= p
                                            && day_gap(&dated.0, p)
                                                .is_some_and(|g| g <= NEWS_PEG_DAYS)
                                    }))
                        }
                        _ => false,
                    };
                if same {
                    union(&mut parent, &mut dates, i, j, identified);
                }
            }
        }
    }
    // Unanchored mentions join their document's most-mentioned anchored event of the family;
    // one happening ("the attack") not one of plural mentions only ("attacks in 2020").
    let mut weight: BTreeMap<(usize, &str, usize), usize> = BTreeMap::new();
    let mut series_root: BTreeMap<usize, bool> = BTreeMap::new();
    for &i in &anchored {
        let r = find(&mut parent, i);
        *weight
            .entry((mentions[i].at.doc, family(mentions[i].kind), r))
            .or_insert(0) += 1;
        *series_root.entry(r).or_insert(true) &= mentions[i].series;
    }
    for i in 0..n {
        if mentions[i].date.is_some() || mentions[i].place.is_some() || mentions[i].theme.is_some()
        {
            continue;
        }
        let fam = family(mentions[i].kind);
        let doc = mentions[i].at.doc;
        let main = weight
            .range((doc, fam, 0)..=(doc, fam, usize::MAX))
            .filter(|(&(_, _, root), _)| mentions[i].series || !series_root[&root])
            .max_by_key(|(&(_, _, root), &w)| (w, std::cmp::Reverse(root)))
            .map(|(&(_, _, root), _)| root);
        match main {
            Some(root) => union(&mut parent, &mut dates, i, root, false),
            None => {
                // No anchored event: one unanchored event per document and kind.
                if let Some(j) = (0..i).find(|&j| {
                    mentions[j].at.doc == doc
                        && mentions[j].kind == mentions[i].kind
                        && mentions[j].date.is_none()
                        && mentions[j].place.is_none()
                }) {
                    union(&mut parent, &mut dates, i, j, false);
                }
            }
        }
    }
    // Follow-ups of one attack (arrests of its suspects) are one event per kind, whatever
    // places their sentences give ("the four suspects … are all from Tajikistan").
    let index_of: BTreeMap<DocSpan, usize> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.at, i))
        .collect();
    let mut follow_ups: BTreeMap<(&str, usize), usize> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(peg) = m.follows.and_then(|at| index_of.get(&at).copied()) else {
            continue;
        };
        let key = (m.kind, find(&mut parent, peg));
        match follow_ups.get(&key) {
            Some(&first) => union(&mut parent, &mut dates, first, i, true),
            None => {
                follow_ups.insert(key, i);
            }
        }
    }
    let mut number: BTreeMap<usize, usize> = BTreeMap::new();
    (0..n)
        .map(|i| {
            let r = find(&mut parent, i);
            let next = number.len();
            *number.entry(r).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    impl EventMention {
        fn series(mut self) -> Self {
            self.series = true;
            self
        }
    }

    fn m(doc: usize, kind: &'static str, date: Option<&str>, place: Option<usize>) -> EventMention {
        EventMention {
            at: DocSpan {
                doc,
                span: Span::new(0, 1),
            },
            kind,
            sentence: Span::new(0, 1),
            date: date.map(|d| (d.to_string(), Span::new(0, 1))),
            until: None,
            place,
            series: false,
            ranking: None,
            agent: None,
            theme: None,
            follows: None,
            published: Some("2024-03-25".into()),
        }
    }

    #[test]
    fn clustering_cases() {
        // (mentions, expected cluster numbers)
        let cases: Vec<(Vec<EventMention>, Vec<usize>)> = vec![
            // Same place, dates a day apart across sources: one event.
            (
                vec![
                    m(0, "bombing", Some("2024-01-03"), Some(7)),
                    m(1, "attack", Some("2024-01-04"), Some(7)),
                ],
                vec![0, 0],
            ),
            // Same day, different places: two events.
            (
                vec![
                    m(0, "attack", Some("2024-03-22"), Some(1)),
                    m(1, "attack", Some("2024-03-22"), Some(2)),
                ],
                vec![0, 1],
            ),
            // An arrest is not an attack, whatever the date.
            (
                vec![
                    m(0, "attack", Some("2024-03-22"), Some(1)),
                    m(0, "arrest", Some("2024-03-22"), Some(1)),
                ],
                vec![0, 1],
            ),
            // "the attack" joins its document's main attack; another document's stays apart.
            (
                vec![
                    m(0, "attack", Some("2024-03-22"), Some(1)),
                    m(0, "attack", None, None),
                    m(1, "attack", None, None),
                    m(1, "attack", None, None),
                ],
                vec![0, 0, 1, 1],
            ),
            // Same day-date, one without a place: one event.
            (
                vec![
                    m(0, "attack", Some("2024-03-22"), Some(1)),
                    m(1, "attack", Some("2024-03-22"), None),
                ],
                vec![0, 0],
            ),
            // An undated mention at a place does not chain two different dates there.
            (
                vec![
                    m(0, "attack", Some("2024-03-22"), Some(1)),
                    m(1, "attack", None, Some(1)),
                    m(2, "attack", Some("2001-09-11"), Some(1)),
                ],
                vec![0, 0, 1],
            ),
            // A country is too broad to join an undated mention to another document's dated
            // one, unless that one is the news of the undated mention's day (published
            // 2024-03-25 in these cases); in its own document it joins.
            (
                vec![
                    m(0, "attack", None, Some(100)),
                    m(1, "siege", Some("2004"), Some(100)),
                    m(1, "attack", None, Some(100)),
                ],
                vec![0, 1, 1],
            ),
            (
                vec![
                    m(0, "attack", None, Some(100)),
                    m(1, "attack", Some("2024-03-22"), Some(100)),
                ],
                vec![0, 0],
            ),
            // An undated happening, at a place or not, is not a series of a year: "the
            // attack" joins the one happening its document names.
            (
                vec![
                    m(0, "attack", Some("2020"), Some(100)).series(),
                    m(0, "attack", None, Some(100)),
                    m(0, "attack", None, None),
                ],
                vec![0, 1, 1],
            ),
            (
                vec![
                    m(0, "attack", Some("2020"), Some(100)).series(),
                    m(0, "attack", None, None),
                ],
                vec![0, 1],
            ),
            // Only years: too vague to join on the date alone.
            (
                vec![
                    m(0, "attack", Some("2021"), None),
                    m(1, "attack", Some("2021"), None),
                ],
                vec![0, 1],
            ),
        ];
        for (mentions, want) in cases {
            assert_eq!(
                cluster(&mentions, |a, b| a == b, |p| p >= 100),
                want,
                "{mentions:?}"
            );
        }
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(day_gap("2024-03-01", "2024-02-28"), Some(2));
        assert_eq!(day_gap("2024-01-01", "2023-12-31"), Some(1));
        assert_eq!(day_gap("2024-03", "2024-03-01"), None);
        assert!(dates_compatible("2024-03", "2024-03-22", 0));
        assert!(is_calendar("199") && is_calendar("2024-03") && is_calendar("2024-Q1"));
        assert!(!is_calendar("20") && !is_calendar("XXXX-03-22") && !is_calendar("PAST_REF"));
        assert!(!dates_compatible("2024-03-21", "2024-03-22", 0));
        // Periods hold what they span; "2024-Q1" and "2024-03" are not compared by prefix.
        assert!(dates_compatible("199/200", "200", 0));
        assert!(dates_compatible("199/200", "2003-05", 0));
        assert!(!dates_compatible("199/200", "201", 0));
        assert!(!dates_compatible("199", "200", 0));
        assert!(!dates_compatible("2024-Q1", "2024-03", 0));
        assert!(next_stretch("199", "200") && next_stretch("1979", "1980"));
        assert!(!next_stretch("1997", "2001") && !next_stretch("199", "2000"));
    }
}
