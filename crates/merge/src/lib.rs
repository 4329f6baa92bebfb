//! The merge: many documents' extractions into one dossier.
//!
//! [`PartialDossier`] is what map steps produce and reduce steps combine: the documents with
//! their extractions, keyed by id. Combining is a union, so it is associative and commutative
//! and any grouping of partial dossiers gives the same whole; [`PartialDossier::finish`] then
//! resolves everything at once, deterministically (documents are taken in id order), so
//! identical input gives identical output.
//!
//! Resolution order: entities ([`entities`]), then events from trigger words placed and dated by
//! those entities and the time expressions ([`events`]), then figures attached to events and
//! reconciled ([`figures`]), quotes and claims tied to entities ([`claims`]), and last the
//! discrepancies and the timeline, which only read what came before.

pub mod agents;
pub mod claims;
pub mod entities;
pub mod events;
pub mod facts;
pub mod figures;
pub mod names;
pub mod places;
pub mod rankings;

use dossier_model::{
    Claim, Discrepancy, DiscrepancyKind, DiscrepancyValue, DocSpan, Document, Dossier,
    DossierQuote, EntityType, Event, Extraction, FigureReport, SourceDate, Span, TimelineEntry,
};
use std::collections::BTreeMap;

/// Documents and their extractions, not yet resolved.
#[derive(Debug, Clone, Default)]
pub struct PartialDossier {
    docs: BTreeMap<String, (Document, Extraction)>,
}

impl PartialDossier {
    pub fn new() -> PartialDossier {
        PartialDossier::default()
    }

    /// Adds one analyzed document. A document already present (same id) is kept once: the
    /// version with the smaller content hash, so the choice does not depend on arrival order.
    pub fn add(&mut self, doc: Document, mut extraction: Extraction) {
        // Analysis sizes its buffers for speed, not for keeping: a corpus held for merging
        // should cost what it holds.
        extraction.tokens.shrink_to_fit();
        extraction.sentences.shrink_to_fit();
        match self.docs.get(&doc.id) {
            Some((existing, _)) if existing.content_hash <= doc.content_hash => {}
            _ => {
                self.docs.insert(doc.id.clone(), (doc, extraction));
            }
        }
    }

    /// Combines two partial dossiers.
    pub fn merge(mut self, other: PartialDossier) -> PartialDossier {
        for (_, (doc, ex)) in other.docs {
            self.add(doc, ex);
        }
        self
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Resolves entities, events, figures, claims and discrepancies across all documents.
    pub fn finish(self) -> Dossier {
        let docs: Vec<(Document, Extraction)> = self.docs.into_values().collect();
        let mut dossier = resolve(&docs);
        // The documents move into the dossier once everything that reads them is done.
        dossier.documents = docs.into_iter().map(|(d, _)| d).collect();
        dossier
    }
}

/// Blocking keys of one analyzed document: the groups it must be merged with for event
/// clustering to see every candidate. One key per event family and month its dated trigger
/// sentences name (`violence:2024-03`), a year where only the year is known; a document with no
/// dated event gets a key of its own (`doc:<id>`). Documents that share no key cannot share an
/// event, so a cluster can merge key groups independently.
pub fn blocking_keys(doc: &Document, extraction: &Extraction) -> Vec<String> {
    let docs = [(doc.clone(), extraction.clone())];
    let mentions =
        events::find_mentions(&docs, &BTreeMap::new(), &BTreeMap::new(), &BTreeMap::new());
    let mut keys: Vec<String> = mentions
        .iter()
        .filter_map(|m| {
            m.date.as_ref().map(|(value, _)| {
                format!(
                    "{}:{}",
                    events::family(m.kind),
                    value.get(..7).unwrap_or(value)
                )
            })
        })
        .collect();
    keys.sort();
    keys.dedup();
    if keys.is_empty() {
        keys.push(format!("doc:{}", doc.id));
    }
    keys
}

/// The entity whose mention overlaps `span` in document `doc` (the longest overlap wins).
fn entity_at(index: &BTreeMap<DocSpan, usize>, doc: usize, span: Span) -> Option<usize> {
    index
        .range(
            DocSpan {
                doc,
                span: Span::new(0, 0),
            }..DocSpan {
                doc: doc + 1,
                span: Span::new(0, 0),
            },
        )
        .filter(|(at, _)| at.span.overlaps(span))
        .max_by_key(|(at, _)| at.span.end.min(span.end) - at.span.start.max(span.start))
        .map(|(_, &e)| e)
}

/// Everything but the documents themselves, which [`PartialDossier::finish`] moves in.
fn resolve(docs: &[(Document, Extraction)]) -> Dossier {
    let mentions = entities::mentions(docs);
    let resolution = entities::resolve(docs, &mentions);
    let mut entities = resolution.entities;
    for e in entities
        .iter_mut()
        .filter(|e| e.kind == EntityType::Location)
    {
        e.place = std::iter::once(&e.name)
            .chain(&e.aliases)
            .find_map(|n| places::lookup(n));
    }
    let mut mention_index: BTreeMap<DocSpan, usize> = BTreeMap::new();
    let mut place_index: BTreeMap<DocSpan, usize> = BTreeMap::new();
    let countries: Vec<bool> = entities
        .iter()
        .map(|e| places::is_country(&e.name))
        .collect();
    for (m, &e) in mentions.iter().zip(&resolution.entity_of_mention) {
        mention_index.insert(m.at, e);
        if entities[e].kind == EntityType::Location {
            place_index.insert(m.at, e);
        }
    }

    // Events.
    let (actors, topics) = agents::actors(
        docs,
        &mentions,
        &resolution.entity_of_mention,
        &entities,
        &countries,
    );
    let demonym_places =
        places::demonym_places(&mentions, &resolution.entity_of_mention, &entities);
    let event_mentions = events::find_mentions(docs, &place_index, &demonym_places, &actors);
    // Two places are the same for an event when they are one entity, or a city and the country
    // it lies in (Kerman, Iran).
    let same_place = |a: usize, b: usize| {
        a == b || {
            let (ea, eb) = (&entities[a], &entities[b]);
            match (&ea.place, &eb.place) {
                (Some(pa), Some(pb)) => {
                    pa.country == pb.country
                        && (places::is_country(&ea.name) != places::is_country(&eb.name))
                }
                _ => false,
            }
        }
    };
    let cluster_of = events::cluster(&event_mentions, same_place, |p| countries[p]);
    let n_events = cluster_of.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_events];
    for (i, &c) in cluster_of.iter().enumerate() {
        members[c].push(i);
    }
    let mut events: Vec<Event> = members
        .iter()
        .enumerate()
        .map(|(c, ms)| build_event(c, ms, &event_mentions, &entities))
        .collect();

    // Perpetrators: an organisation that claimed the event, set with the claims below.
    // Figures: to the event mentioned in the same sentence, else the document's main event.
    let mut groups: BTreeMap<(usize, String), Vec<FigureReport>> = BTreeMap::new();
    // Event mentions come document by document: the range of each document's.
    let mut doc_mentions: Vec<std::ops::Range<usize>> = vec![0..0; docs.len()];
    {
        let mut i = 0;
        while i < event_mentions.len() {
            let d = event_mentions[i].at.doc;
            let start = i;
            while i < event_mentions.len() && event_mentions[i].at.doc == d {
                i += 1;
            }
            doc_mentions[d] = start..i;
        }
    }
    // What the articles say about actors; a count that is an organisation's strength ("ISK
    // has up to 6,000 fighters") is the organisation's, not an event's.
    let actor_facts = facts::actor_facts(
        docs,
        &event_mentions,
        &entities,
        &actors,
        &topics,
        &mention_index,
    );
    let strength_figures: std::collections::BTreeSet<(usize, usize)> = actor_facts
        .iter()
        .filter(|(_, f)| f.kind == dossier_model::FactKind::Strength)
        .map(|(_, f)| (f.span.doc, f.span.span.start))
        .collect();
    for (d, (doc, ex)) in docs.iter().enumerate() {
        let range = doc_mentions[d].clone();
        let local = &event_mentions[range.clone()];
        let main = main_event(local, &cluster_of[range.clone()]);
        // The events this document mentions, for figures dated by their clause.
        let mut doc_events: Vec<usize> = cluster_of[range.clone()].to_vec();
        doc_events.sort_unstable();
        doc_events.dedup();
        for f in ex
            .figures
            .iter()
            .filter(|f| !strength_figures.contains(&(d, f.span.start)))
        {
            // The figure's own clause first: an event named in it, else the event of this
            // document that a date in it fits ("hundreds across Asia since 2021 and at least
            // 143 at a Russian rock concert 10 days ago": the 143 go to the attack of that day).
            let clause = f.context.as_ref().map_or_else(
                || {
                    ex.sentences
                        .iter()
                        .copied()
                        .find(|s| s.contains(f.span))
                        .unwrap_or(f.span)
                },
                |c| c.clause,
            );
            let in_clause = local
                .iter()
                .enumerate()
                .filter(|(_, m)| clause.contains(m.at.span))
                .min_by_key(|(_, m)| m.at.span.start.abs_diff(f.span.start))
                .map(|(i, _)| cluster_of[range.start + i])
                .or_else(|| {
                    let dates: Vec<&str> = ex
                        .timexes
                        .iter()
                        .filter(|t| clause.contains(t.span))
                        .filter_map(events::calendar_value)
                        .map(|v| v.get(..10).unwrap_or(v))
                        .collect();
                    let fits = |e: usize, slack: i64| {
                        events[e].date.as_deref().is_some_and(|ed| {
                            dates.iter().any(|t| {
                                events::dates_compatible(ed, t, slack) && ed.len() >= t.len().min(7)
                            })
                        })
                    };
                    doc_events.iter().copied().find(|&e| fits(e, 0))
                });
            let in_sentence = in_clause.or_else(|| {
                local
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.sentence.contains(f.span))
                    .min_by_key(|(_, m)| m.at.span.start.abs_diff(f.span.start))
                    .map(|(i, _)| cluster_of[range.start + i])
            });
            // "… a suicide bombing at the airport. It killed 13 soldiers": the event of the
            // sentence before, in the same paragraph: the one at a place this sentence names
            // ("… a twin-bombing of a memorial for a general who had been assassinated in 2020.
            // Nearly a hundred people were killed … in Kerman"), else the first, the main
            // clause's, not one in a relative clause after it.
            let previous = || {
                let si = ex.sentences.iter().position(|s| s.contains(f.span))?;
                let here = ex.sentences[si];
                let prev = *ex.sentences.get(si.checked_sub(1)?)?;
                if doc.text[prev.end..here.start].contains('\n') {
                    return None;
                }
                let places_here: Vec<usize> = place_index
                    .range(
                        DocSpan {
                            doc: d,
                            span: Span::new(here.start, here.start),
                        }..,
                    )
                    .take_while(|(at, _)| at.doc == d && at.span.start < here.end)
                    .map(|(_, &e)| e)
                    .collect();
                let before: Vec<(usize, &events::EventMention)> = local
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.sentence == prev)
                    .collect();
                let harmed = figures::counts_harmed(&f.measure);
                before
                    .iter()
                    .find(|(_, m)| {
                        m.place
                            .is_some_and(|p| places_here.iter().any(|&q| same_place(p, q)))
                    })
                    .or_else(|| {
                        before
                            .iter()
                            .find(|(_, m)| harmed && events::family(m.kind) == "violence")
                    })
                    .or_else(|| before.first())
                    .map(|(i, _)| cluster_of[range.start + i])
            };
            let people = figures::counts_people(&f.measure);
            let in_sentence = in_sentence.or_else(|| previous().filter(|_| people));
            // The main event takes a figure only from a sentence that names no other time: "It
            // has slaughtered hundreds since 2021" is not about the attack of the day.
            let fallback = main.filter(|_| people).filter(|&e| {
                let event_date = events[e].date.as_deref();
                ex.timexes
                    .iter()
                    .filter_map(|t| Some((t.span, events::calendar_value(t)?)))
                    .all(|(span, value)| {
                        let in_sentence = ex
                            .sentences
                            .iter()
                            .any(|s| s.contains(f.span) && s.contains(span));
                        !in_sentence
                            || event_date.is_some_and(|d| events::dates_compatible(d, value, 2))
                    })
            });
            let Some(event) = in_sentence.or(fallback) else {
                continue;
            };
            groups
                .entry((event, f.measure.clone()))
                .or_default()
                .push(FigureReport {
                    doc: d,
                    published: doc.published_date().map(str::to_string),
                    value: f.value,
                    qualifier: f.qualifier,
                    vague: f.vague,
                    span: f.span,
                });
        }
    }
    for ((event, measure), reports) in groups {
        events[event].figures.push(figures::group(measure, reports));
    }

    // Quotes, tied to the entity of their speaker.
    let mut quotes = Vec::new();
    for (d, (_, ex)) in docs.iter().enumerate() {
        for q in &ex.quotes {
            let speaker = q
                .speaker
                .and_then(|s| entity_at(&mention_index, d, s))
                .map(|e| entities[e].id.clone());
            quotes.push(DossierQuote {
                span: DocSpan {
                    doc: d,
                    span: q.span,
                },
                speaker,
                speaker_span: q.speaker.map(|s| DocSpan { doc: d, span: s }),
                direct: q.direct,
            });
        }
    }

    // Claims, merged per (subject, predicate, object).
    let mut claim_map: BTreeMap<(Option<String>, dossier_model::Predicate, Option<String>), Claim> =
        BTreeMap::new();
    for (d, (_, ex)) in docs.iter().enumerate() {
        for a in &ex.assertions {
            let subject = a
                .subject
                .and_then(|s| entity_at(&mention_index, d, s))
                .map(|e| entities[e].id.clone());
            // What is claimed, arrested or charged is an event ("the Moscow attack"), even when
            // its phrase names a place; what is blamed or warned about is a party.
            let event_first = matches!(
                a.predicate,
                dossier_model::Predicate::ClaimedResponsibility
                    | dossier_model::Predicate::Arrested
                    | dossier_model::Predicate::Charged
            );
            let as_event = |o: Span| {
                event_mentions
                    .iter()
                    .position(|m| m.at.doc == d && m.at.span.overlaps(o))
                    .map(|i| events[cluster_of[i]].id.clone())
            };
            let as_entity =
                |o: Span| entity_at(&mention_index, d, o).map(|e| entities[e].id.clone());
            let object = a.object.and_then(|o| {
                if event_first {
                    as_event(o).or_else(|| as_entity(o))
                } else {
                    as_entity(o).or_else(|| as_event(o))
                }
            });
            let c = claim_map
                .entry((subject.clone(), a.predicate, object.clone()))
                .or_insert_with(|| Claim {
                    subject,
                    predicate: a.predicate,
                    object,
                    docs: Vec::new(),
                    evidence: Vec::new(),
                    hedged: true,
                    contested: false,
                });
            if !c.docs.contains(&d) {
                c.docs.push(d);
            }
            c.evidence.push(DocSpan {
                doc: d,
                span: a.sentence,
            });
            // Hedged only if every source hedges it.
            c.hedged &= a.hedged;
        }
    }
    let mut claims: Vec<Claim> = claim_map.into_values().collect();
    claims::mark_contested(&mut claims);
    for c in &claims {
        if c.predicate == dossier_model::Predicate::ClaimedResponsibility {
            if let (Some(s), Some(o)) = (&c.subject, &c.object) {
                if let Some(ev) = events.iter_mut().find(|e| &e.id == o) {
                    ev.perpetrator.get_or_insert_with(|| s.clone());
                }
            }
        }
    }

    for (e, fact) in actor_facts {
        entities[e].facts.push(fact);
    }
    let vague = figures::vague_counts(docs, &event_mentions, &cluster_of);
    let mut discrepancies = find_discrepancies(docs, &entities, &events, &claims, &vague);
    discrepancies.extend(agents::discrepancies(
        docs,
        &event_mentions,
        &cluster_of,
        &events,
        &entities,
    ));
    discrepancies.extend(rankings::discrepancies(
        docs,
        &event_mentions,
        &cluster_of,
        &events,
    ));
    let mut timeline: Vec<TimelineEntry> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.date.clone().map(|date| TimelineEntry { date, event: i }))
        .collect();
    timeline.sort_by(|a, b| (&a.date, a.event).cmp(&(&b.date, b.event)));
    Dossier {
        documents: Vec::new(),
        entities,
        events,
        timeline,
        quotes,
        claims,
        discrepancies,
    }
}

/// The event a document talks about most, from that document's mentions and their clusters.
fn main_event(mentions: &[events::EventMention], cluster_of: &[usize]) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &c in &cluster_of[..mentions.len()] {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
        .map(|(c, _)| c)
}

/// The key counted most, the smallest among equals (so results do not depend on order).
fn most_common<K: Ord + Copy>(counts: &BTreeMap<K, usize>) -> Option<K> {
    counts
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
        .map(|(k, _)| *k)
}

fn build_event(
    c: usize,
    members: &[usize],
    mentions: &[events::EventMention],
    entities: &[dossier_model::ResolvedEntity],
) -> Event {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut places: BTreeMap<usize, usize> = BTreeMap::new();
    let mut agents: BTreeMap<usize, usize> = BTreeMap::new();
    let mut themes: BTreeMap<usize, usize> = BTreeMap::new();
    let mut dates: Vec<SourceDate> = Vec::new();
    for &i in members {
        let m = &mentions[i];
        *kinds.entry(m.kind).or_insert(0) += 1;
        if let Some((a, _)) = m.agent {
            *agents.entry(a).or_insert(0) += 1;
        }
        if let Some(p) = m.place {
            *places.entry(p).or_insert(0) += 1;
        }
        if let Some(t) = m.theme {
            *themes.entry(t).or_insert(0) += 1;
        }
        if let Some((value, span)) = &m.date {
            if !dates.iter().any(|d| d.doc == m.at.doc && &d.value == value) {
                dates.push(SourceDate {
                    doc: m.at.doc,
                    value: value.clone(),
                    span: *span,
                });
            }
        }
    }
    let kind = most_common(&kinds)
        .map(|k| k.to_string())
        .unwrap_or_default();
    // The most precise date, the one most sources give among those.
    let best_len = dates.iter().map(|d| d.value.len()).max().unwrap_or(0);
    let mut date_votes: BTreeMap<&str, usize> = BTreeMap::new();
    for d in dates.iter().filter(|d| d.value.len() == best_len) {
        *date_votes.entry(d.value.as_str()).or_insert(0) += 1;
    }
    let date = most_common(&date_votes).map(str::to_string);
    let place_entity = most_common(&places);
    let place = place_entity.map(|p| entities[p].id.clone());
    let place_name = place_entity.map(|p| names::slug(&entities[p].name));
    let mut id = format!("{kind}-{}", c + 1);
    if let Some(p) = &place_name {
        id = format!("{kind}-{p}");
    }
    if let Some(d) = &date {
        id = format!("{id}-{d}");
    }
    Event {
        id,
        kind,
        date,
        place,
        // The agent most of its mentions name (claims of responsibility fill in the rest).
        perpetrator: most_common(&agents).map(|a| entities[a].id.clone()),
        theme: most_common(&themes).map(|t| entities[t].id.clone()),
        mentions: members.iter().map(|&i| mentions[i].at).collect(),
        dates,
        figures: Vec::new(),
    }
}

fn find_discrepancies(
    docs: &[(Document, Extraction)],
    entities: &[dossier_model::ResolvedEntity],
    events: &[Event],
    claims: &[Claim],
    vague_counts: &[(usize, &str, DocSpan, String)],
) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    // Names: one person whose full name the sources spell differently.
    for e in entities.iter().filter(|e| e.kind == EntityType::Person) {
        let mut spellings: Vec<DiscrepancyValue> = Vec::new();
        for m in &e.mentions {
            let text = m.span.slice(&docs[m.doc].0.text);
            if names::bare_words(text).len() < 2 {
                continue;
            }
            let shown = names::display(text);
            if !spellings
                .iter()
                .any(|v| v.doc == m.doc && names::key(&v.value) == names::key(&shown))
            {
                spellings.push(DiscrepancyValue {
                    doc: m.doc,
                    value: shown,
                    span: m.span,
                });
            }
        }
        // Spellings are compared at equal length: "Michael E Kurilla" adds a middle initial to
        // "Michael Kurilla", it does not spell it differently.
        let mut keys: Vec<(usize, String)> = spellings
            .iter()
            .map(|v| (names::bare_words(&v.value).len(), names::key(&v.value)))
            .collect();
        keys.sort();
        keys.dedup();
        let differing = keys.windows(2).any(|w| w[0].0 == w[1].0);
        spellings.retain(|v| {
            keys.iter()
                .filter(|(n, _)| *n == names::bare_words(&v.value).len())
                .count()
                > 1
        });
        let sources: std::collections::BTreeSet<usize> = spellings.iter().map(|v| v.doc).collect();
        if differing && sources.len() > 1 {
            out.push(Discrepancy {
                kind: DiscrepancyKind::Name,
                about: format!("spelling of {}", e.name),
                event: None,
                measure: None,
                values: spellings,
            });
        }
    }
    for (e, ev) in events.iter().enumerate() {
        for g in &ev.figures {
            let mut distinct: Vec<String> = g
                .reports
                .iter()
                .map(|r| figures::describe(r.value, r.qualifier, r.vague))
                .collect();
            // A source that counts the measure only in words ("several suspects") where
            // another gives a number.
            let vague: Vec<DiscrepancyValue> = vague_counts
                .iter()
                .filter(|(ve, measure, _, _)| *ve == e && *measure == g.measure)
                .map(|(_, _, at, words)| DiscrepancyValue {
                    doc: at.doc,
                    value: words.clone(),
                    span: at.span,
                })
                .collect();
            distinct.extend(vague.iter().map(|v| v.value.to_lowercase()));
            distinct.sort();
            distinct.dedup();
            let sources: std::collections::BTreeSet<usize> = g
                .reports
                .iter()
                .map(|r| r.doc)
                .chain(vague.iter().map(|v| v.doc))
                .collect();
            if distinct.len() > 1 && sources.len() > 1 && figures::counts_people(&g.measure) {
                let mut values: Vec<DiscrepancyValue> = g
                    .reports
                    .iter()
                    .map(|r| DiscrepancyValue {
                        doc: r.doc,
                        value: figures::describe(r.value, r.qualifier, r.vague),
                        span: r.span,
                    })
                    .collect();
                values.extend(vague);
                out.push(Discrepancy {
                    kind: DiscrepancyKind::Figure,
                    about: format!("{} in {}", g.measure, ev.id),
                    event: Some(e),
                    measure: Some(g.measure.clone()),
                    values,
                });
            }
        }
        // Dates: sources that date the event to different days, or to times that cannot both
        // hold (one organisation founded in 2014 and in 2015).
        let conflicts = |d: &SourceDate| {
            ev.dates
                .iter()
                .any(|o| o.doc != d.doc && !events::dates_compatible(&o.value, &d.value, 0))
        };
        let day_dates: Vec<&SourceDate> = ev
            .dates
            .iter()
            .filter(|d| d.value.len() == 10 || conflicts(d))
            .collect();
        let mut values: Vec<&str> = day_dates.iter().map(|d| d.value.as_str()).collect();
        values.sort();
        values.dedup();
        let sources: std::collections::BTreeSet<usize> = day_dates.iter().map(|d| d.doc).collect();
        if values.len() > 1 && sources.len() > 1 {
            out.push(Discrepancy {
                kind: DiscrepancyKind::Date,
                about: format!("date of {}", ev.id),
                event: Some(e),
                measure: None,
                values: day_dates
                    .iter()
                    .map(|d| DiscrepancyValue {
                        doc: d.doc,
                        value: d.value.clone(),
                        span: d.span,
                    })
                    .collect(),
            });
        }
    }
    out.extend(places::list_discrepancies(docs, entities));
    // Attribution: sources name different claimants, or someone is blamed who did not claim.
    let claimed: Vec<&Claim> = claims
        .iter()
        .filter(|c| {
            c.predicate == dossier_model::Predicate::ClaimedResponsibility && c.subject.is_some()
        })
        .collect();
    let blamed: Vec<&Claim> = claims
        .iter()
        .filter(|c| {
            matches!(
                c.predicate,
                dossier_model::Predicate::Blamed | dossier_model::Predicate::Accused
            ) && c.object.is_some()
        })
        .collect();
    let evidence = |cs: &[&Claim], say: &dyn Fn(&Claim) -> String| -> Vec<DiscrepancyValue> {
        cs.iter()
            .flat_map(|c| {
                c.evidence.iter().map(move |ev| DiscrepancyValue {
                    doc: ev.doc,
                    value: say(c),
                    span: ev.span,
                })
            })
            .collect()
    };
    let claimants: std::collections::BTreeSet<&str> = claimed
        .iter()
        .filter_map(|c| c.subject.as_deref())
        .collect();
    if claimants.len() > 1 {
        let sources: std::collections::BTreeSet<usize> = claimed
            .iter()
            .flat_map(|c| c.docs.iter().copied())
            .collect();
        if sources.len() > 1 {
            out.push(Discrepancy {
                kind: DiscrepancyKind::Attribution,
                about: "who claimed responsibility".into(),
                event: None,
                measure: Some("claimed_by".into()),
                values: evidence(&claimed, &|c| {
                    format!("claimed by {}", c.subject.as_deref().unwrap_or("?"))
                }),
            });
        }
    }
    let blamed_others: Vec<&Claim> = blamed
        .iter()
        .copied()
        .filter(|b| !claimants.contains(b.object.as_deref().unwrap_or("")))
        .collect();
    if !claimed.is_empty() && !blamed_others.is_empty() {
        let mut values = evidence(&claimed, &|c| {
            format!("claimed by {}", c.subject.as_deref().unwrap_or("?"))
        });
        values.extend(evidence(&blamed_others, &|b| {
            format!("blamed on {}", b.object.as_deref().unwrap_or("?"))
        }));
        out.push(Discrepancy {
            kind: DiscrepancyKind::Attribution,
            about: "who is responsible".into(),
            event: None,
            measure: Some("blame".into()),
            values,
        });
    }
    out
}

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;
