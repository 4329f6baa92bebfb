//! Cross-document resolution scored on the seeds' gold: entities (are the gold's alias groups
//! one entity each, and are different entities kept apart), events (are the gold's dated events
//! found with the right date), and discrepancies (are the disagreements the articles reveal
//! reported, and how many reported ones are real).
//!
//! The seeds go through the whole pipeline (cleaning, analysis, merge) with their gold
//! publication dates as input, as the gold's README asks for date-dependent scoring.

use anyhow::{Context, Result};
use dossier_merge::PartialDossier;
use dossier_model::DiscrepancyKind;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

#[derive(Debug, Default)]
pub struct CorefReport {
    /// Gold entity mentions whose exact span the pipeline also found.
    pub mentions_found: usize,
    pub mentions_gold: usize,
    /// Pairwise links among found mentions.
    pub pairs_both: usize,
    pub pairs_ours: usize,
    pub pairs_gold: usize,
    /// Gold entities (with two or more found mentions) that came out as one entity.
    pub groups_whole: usize,
    pub groups: usize,
    pub split_groups: Vec<String>,
    pub merged_pairs: Vec<String>,
    pub events_found: usize,
    /// Found with a date that is right but less precise than the gold's (2024-03 for 2024-03-22).
    pub events_coarse: usize,
    /// Of those, the ones dated as precisely as the sources allow: no gold time expression in
    /// the event's documents gives a more precise date consistent with the gold's (the gold
    /// dates Paris 2015-11-13 from outside knowledge; the seeds say "November 2015").
    pub events_coarse_supported: usize,
    pub events_gold: usize,
    pub events_ours: usize,
    pub missed_events: Vec<String>,
    pub discrepancies_found: usize,
    pub discrepancies_gold: usize,
    pub discrepancies_ours: usize,
    pub discrepancies_ours_matched: usize,
    /// Gold figures that name their event and that we found (same span): how many we attach to
    /// the event matched to the gold's.
    pub figures_attached: usize,
    pub figures_with_event: usize,
    pub misattached_figures: Vec<String>,
    pub missed_discrepancies: Vec<String>,
    /// Gold events with a perpetrator that we matched: how many of ours name one, and how
    /// many name the gold's (our entity taken as the gold entity most of its found mentions
    /// are).
    pub perpetrators_gold: usize,
    pub perpetrators_ours: usize,
    pub perpetrators_right: usize,
    pub wrong_perpetrators: Vec<String>,
    /// Our events and discrepancies, one per line, for `--details`.
    pub details: String,
}

pub fn evaluate_seeds(seeds: &Path, gold_path: &Path) -> Result<CorefReport> {
    let gold = crate::seeds::load_gold(gold_path)?;
    let seeds = crate::seeds::read_seeds(seeds, &gold, crate::seeds::Dates::Gold)?;
    let models = dossier_nlp::Models::builtin();
    let mut partial = PartialDossier::new();
    for seed in &seeds {
        let (ex, _) = dossier_nlp::analyze(&seed.doc, &models);
        partial.add(seed.doc.clone(), ex);
    }
    let dossier = partial.finish();
    let doc_index: HashMap<&str, usize> = dossier
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut report = CorefReport::default();

    // Our entity of every mention, keyed by (document id, raw code-point start, end).
    let mut ours: HashMap<(String, usize, usize), usize> = HashMap::new();
    for (e, ent) in dossier.entities.iter().enumerate() {
        for m in &ent.mentions {
            let doc = &dossier.documents[m.doc];
            let Some(seed) = seeds.iter().find(|s| s.id == doc.id) else {
                continue;
            };
            let (s, e_) = seed.to_raw_cp(m.span.start, m.span.end);
            ours.insert((doc.id.clone(), s, e_), e);
        }
    }
    // Gold mentions matched to ours.
    let mut found: Vec<(String, usize)> = Vec::new();
    for seed in &seeds {
        for m in seed.gold["entities"].as_array().into_iter().flatten() {
            report.mentions_gold += 1;
            let key = (
                seed.id.clone(),
                m["start"].as_u64().unwrap_or(0) as usize,
                m["end"].as_u64().unwrap_or(0) as usize,
            );
            if let Some(&e) = ours.get(&key) {
                found.push((m["entity"].as_str().unwrap_or_default().to_string(), e));
            }
        }
    }
    report.mentions_found = found.len();
    for i in 0..found.len() {
        for j in i + 1..found.len() {
            let same_gold = found[i].0 == found[j].0;
            let same_ours = found[i].1 == found[j].1;
            report.pairs_gold += same_gold as usize;
            report.pairs_ours += same_ours as usize;
            report.pairs_both += (same_gold && same_ours) as usize;
            if same_ours && !same_gold {
                let (a, b) = (&found[i].0, &found[j].0);
                let pair = if a < b {
                    format!("{a} + {b}")
                } else {
                    format!("{b} + {a}")
                };
                if !report.merged_pairs.contains(&pair) {
                    report.merged_pairs.push(pair);
                }
            }
        }
    }
    let mut by_gold: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (g, e) in &found {
        by_gold.entry(g.as_str()).or_default().insert(*e);
        *counts.entry(g.as_str()).or_default() += 1;
    }
    for (g, es) in &by_gold {
        if counts[g] < 2 {
            continue;
        }
        report.groups += 1;
        if es.len() == 1 {
            report.groups_whole += 1;
        } else {
            let names: Vec<&str> = es
                .iter()
                .map(|&e| dossier.entities[e].name.as_str())
                .collect();
            report
                .split_groups
                .push(format!("{g} → {}", names.join(" | ")));
        }
    }

    // Events: a gold event is found when one of ours has the same date (TIMEX3 value), a
    // compatible kind and a mention in one of the gold event's documents.
    let events = gold["events"].as_object().context("gold has no events")?;
    let mut matched_event: HashMap<&str, usize> = HashMap::new();
    report.events_ours = dossier.events.len();
    struct GoldEvent<'a> {
        id: &'a str,
        kind: &'a str,
        date: &'a str,
        perpetrator: Option<&'a str>,
        docs: BTreeSet<usize>,
        /// The length of the most precise date the event's documents give that agrees with
        /// the gold's (gold time expressions).
        supported: Option<usize>,
    }
    let gold_events: Vec<GoldEvent> = events
        .iter()
        .filter_map(|(gid, ev)| {
            let date = ev["date"].as_str()?;
            let docs: BTreeSet<usize> = ev["docs"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d.as_str())
                .filter_map(|d| doc_index.get(d).copied())
                .collect();
            let supported = seeds
                .iter()
                .filter(|s| {
                    doc_index
                        .get(s.id.as_str())
                        .is_some_and(|i| docs.contains(i))
                })
                .flat_map(|s| s.gold["timexes"].as_array().into_iter().flatten())
                .filter_map(|t| t["value"].as_str())
                .map(|v| v.split('T').next().unwrap_or(v))
                .filter(|v| v.len() >= 3 && v.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
                .filter(|v| date.starts_with(v))
                .map(str::len)
                .max();
            Some(GoldEvent {
                id: gid,
                kind: ev["type"].as_str().unwrap_or_default(),
                date,
                perpetrator: ev["perpetrator"].as_str(),
                docs,
                supported,
            })
        })
        .collect();
    report.events_gold = gold_events.len();
    let same_family = |ours: &str, gold: &str| {
        dossier_merge::events::family(ours) == dossier_merge::events::family(gold)
    };
    // Matching, one of ours to one gold event: every pair with a compatible kind, a mention in
    // one of the gold event's documents, no conflicting perpetrator and a compatible date (ours, or one source's: the
    // Kerman bombing is dated 2024-01-04 by one source, a day off, and "January" by two
    // others) is scored, and the best pairs are taken first: the gold's exact date, then the
    // same kind, then the more precise date.
    let compatible_date = |o: &dossier_model::Event, gold_date: &str| -> Option<String> {
        std::iter::once(o.date.as_deref())
            .flatten()
            .chain(o.dates.iter().map(|d| d.value.as_str()))
            .filter(|d| dossier_merge::events::is_calendar(d) && gold_date.starts_with(d))
            .max_by_key(|d| d.len())
            .map(str::to_string)
    };
    // Who did it, where both say, must agree: our perpetrator as the gold entity most of its
    // found mentions are.
    let mut gold_entity_votes: HashMap<usize, BTreeMap<&str, usize>> = HashMap::new();
    for (g, e) in &found {
        *gold_entity_votes
            .entry(*e)
            .or_default()
            .entry(g.as_str())
            .or_default() += 1;
    }
    let gold_entity_of = |ours: &str| -> Option<&str> {
        let e = dossier.entities.iter().position(|x| x.id == ours)?;
        gold_entity_votes
            .get(&e)?
            .iter()
            .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
            .map(|(g, _)| *g)
    };
    let perpetrator_conflict =
        |o: &dossier_model::Event, g: &GoldEvent| match (o.perpetrator.as_deref(), g.perpetrator) {
            (Some(ours), Some(want)) => gold_entity_of(ours).is_some_and(|a| a != want),
            _ => false,
        };
    /// (exact date, same kind, date length) ranks a pair: gold index, ours, our date.
    type Pair = ((bool, bool, usize), usize, usize, String);
    let mut pairs: Vec<Pair> = Vec::new();
    for (gi, g) in gold_events.iter().enumerate() {
        for (i, o) in dossier.events.iter().enumerate() {
            if !same_family(&o.kind, g.kind)
                || !o.mentions.iter().any(|m| g.docs.contains(&m.doc))
                || perpetrator_conflict(o, g)
            {
                continue;
            }
            let exact = o.date.as_deref() == Some(g.date);
            let Some(d) = (if exact {
                Some(g.date.to_string())
            } else {
                compatible_date(o, g.date)
            }) else {
                continue;
            };
            pairs.push(((exact, o.kind == g.kind, d.len()), gi, i, d));
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken_gold = vec![false; gold_events.len()];
    let mut taken_ours = vec![false; dossier.events.len()];
    for ((exact, _, _), gi, i, ours) in pairs {
        if taken_gold[gi] || taken_ours[i] {
            continue;
        }
        taken_gold[gi] = true;
        taken_ours[i] = true;
        let g = &gold_events[gi];
        matched_event.insert(g.id, i);
        if exact {
            report.events_found += 1;
            continue;
        }
        report.events_coarse += 1;
        let as_precise = g.supported.is_some_and(|n| ours.len() >= n);
        if as_precise {
            report.events_coarse_supported += 1;
        }
        report.missed_events.push(format!(
            "{} ({}, {}): found as {ours}, {}",
            g.id,
            g.kind,
            g.date,
            if as_precise {
                "as precise as the sources allow"
            } else {
                "less precise than the sources allow"
            }
        ));
    }
    for (gi, g) in gold_events.iter().enumerate() {
        if !taken_gold[gi] {
            report
                .missed_events
                .push(format!("{} ({}, {})", g.id, g.kind, g.date));
        }
    }
    report.missed_events.sort();

    // Discrepancies the articles reveal.
    let mut used = BTreeSet::new();
    for x in gold["discrepancies"].as_array().into_iter().flatten() {
        if x["from_seeds"].as_bool() == Some(false) {
            continue;
        }
        report.discrepancies_gold += 1;
        let measure = x["measure"].as_str().unwrap_or_default();
        let gold_event = x["event"]
            .as_str()
            .and_then(|e| matched_event.get(e).copied());
        let wanted: &[DiscrepancyKind] = match measure {
            // A period is a date: when the sources say it happened.
            "date" | "period" => &[DiscrepancyKind::Date],
            "surface form" => &[DiscrepancyKind::Name],
            // Who founded it is who did the founding: an agent discrepancy.
            "attribution" | "claimed_by" | "founders/date" => &[DiscrepancyKind::Attribution],
            "place" | "venue" | "countries" => &[DiscrepancyKind::Place],
            "ranking" => &[DiscrepancyKind::Ranking],
            m if m.contains("killed") || m.contains("injured") || m.contains("arrested") => {
                &[DiscrepancyKind::Figure]
            }
            _ => &[],
        };
        // A gold discrepancy about no event (a region's extent) is matched by what it lists:
        // ours must name at least two of the gold's values.
        let gold_names: Vec<String> = x["values"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|v| v["value"].as_array().into_iter().flatten())
            .filter_map(|n| n.as_str().map(str::to_lowercase))
            .collect();
        let names_overlap = |d: &dossier_model::Discrepancy| {
            let ours: String = d
                .values
                .iter()
                .map(|v| v.value.to_lowercase())
                .collect::<Vec<_>>()
                .join(", ");
            let mut distinct: Vec<&String> = gold_names
                .iter()
                .filter(|n| ours.contains(n.as_str()))
                .collect();
            distinct.sort();
            distinct.dedup();
            distinct.len() >= 2
        };
        let hit = dossier.discrepancies.iter().enumerate().find(|(i, d)| {
            !used.contains(i)
                && wanted.contains(&d.kind)
                // Claims and names are corpus-wide (no event); an agent discrepancy is about
                // one event, which must be the gold's.
                && ((d.kind == DiscrepancyKind::Attribution && d.event.is_none())
                    || d.kind == DiscrepancyKind::Name
                    || (gold_event.is_some() && d.event == gold_event)
                    || (x["event"].is_null() && d.event.is_none() && names_overlap(d)))
        });
        match hit {
            Some((i, _)) => {
                used.insert(i);
                report.discrepancies_found += 1;
            }
            None => report.missed_discrepancies.push(format!(
                "{} ({measure})",
                x["about"].as_str().unwrap_or_default()
            )),
        }
    }
    // Perpetrators of the matched events.
    let mut matched_sorted: Vec<(&str, usize)> =
        matched_event.iter().map(|(&g, &o)| (g, o)).collect();
    matched_sorted.sort();
    for (g, o) in matched_sorted {
        let Some(want) = events[g]["perpetrator"].as_str() else {
            continue;
        };
        report.perpetrators_gold += 1;
        let Some(ours) = dossier.events[o].perpetrator.as_deref() else {
            report
                .wrong_perpetrators
                .push(format!("{g}: {want}, ours none"));
            continue;
        };
        report.perpetrators_ours += 1;
        let as_gold = gold_entity_of(ours);
        if as_gold == Some(want) {
            report.perpetrators_right += 1;
        } else {
            report.wrong_perpetrators.push(format!(
                "{g}: {want}, ours {ours}{}",
                as_gold.map_or(String::new(), |a| format!(" (= gold {a})"))
            ));
        }
    }
    let gold_of_ours: HashMap<usize, &str> = matched_event.iter().map(|(&g, &o)| (o, g)).collect();
    report.details = details(&dossier, &gold_of_ours);
    // Figures to events: each gold figure with an event, found by its span, should sit under
    // the event of ours matched to that gold event.
    let mut event_of_figure: HashMap<(String, usize, usize), usize> = HashMap::new();
    for (e, ev) in dossier.events.iter().enumerate() {
        for r in ev.figures.iter().flat_map(|g| &g.reports) {
            let doc = &dossier.documents[r.doc];
            if let Some(seed) = seeds.iter().find(|s| s.id == doc.id) {
                let (s0, e0) = seed.to_raw_cp(r.span.start, r.span.end);
                event_of_figure.insert((doc.id.clone(), s0, e0), e);
            }
        }
    }
    for seed in &seeds {
        for f in seed.gold["figures"].as_array().into_iter().flatten() {
            let Some(gold_event) = f["event"].as_str() else {
                continue;
            };
            report.figures_with_event += 1;
            let (s0, e0) = (
                f["start"].as_u64().unwrap_or(0) as usize,
                f["end"].as_u64().unwrap_or(0) as usize,
            );
            // Our figure's span may differ by a word from the gold's: the overlapping one.
            let ours = event_of_figure
                .iter()
                .find(|((d, a, b), _)| *d == seed.id && *a < e0 && s0 < *b)
                .map(|(_, &e)| e);
            let want = matched_event.get(gold_event).copied();
            if ours.is_some() && ours == want {
                report.figures_attached += 1;
            } else {
                report.misattached_figures.push(format!(
                    "{} {:?} (gold {gold_event}) under {}",
                    &seed.id[..3.min(seed.id.len())],
                    f["text"].as_str().unwrap_or_default(),
                    ours.map_or("no event".to_string(), |e| dossier.events[e].id.clone())
                ));
            }
        }
    }
    report.discrepancies_ours = dossier.discrepancies.len();
    report.discrepancies_ours_matched = used.len();
    Ok(report)
}

/// Our events (date, kind, documents, figures) and discrepancies, one per line.
fn details(dossier: &dossier_model::Dossier, gold_of_ours: &HashMap<usize, &str>) -> String {
    use fmt::Write;
    let mut out = String::from("our events:\n");
    for (i, e) in dossier.events.iter().enumerate() {
        let docs: BTreeSet<usize> = e.mentions.iter().map(|m| m.doc).collect();
        if let Some(g) = gold_of_ours.get(&i) {
            let _ = write!(out, "  [= gold {g}]");
        }
        let _ = write!(
            out,
            "  {} {} {} docs {:?}",
            e.id,
            e.kind,
            e.date.as_deref().unwrap_or("undated"),
            docs
        );
        for g in &e.figures {
            let values: Vec<String> = g
                .reports
                .iter()
                .map(|r| {
                    format!(
                        "{}:{}",
                        r.doc,
                        dossier_merge::figures::describe(r.value, r.qualifier, r.vague)
                    )
                })
                .collect();
            let _ = write!(out, "  [{} {}]", g.measure, values.join(", "));
        }
        out.push('\n');
    }
    out.push_str("our discrepancies:\n");
    for d in &dossier.discrepancies {
        let values: Vec<String> = d
            .values
            .iter()
            .map(|v| format!("{}:{}", v.doc, v.value))
            .collect();
        let _ = writeln!(
            out,
            "  {} — {}: {}",
            d.kind.as_str(),
            d.about,
            values.join(" | ")
        );
    }
    out
}

impl fmt::Display for CorefReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "cross-document resolution on the seeds (gold: entities, events, discrepancies)"
        )?;
        writeln!(
            f,
            "entity mentions found (exact span): {}/{}",
            self.mentions_found, self.mentions_gold
        )?;
        let (p, r, f1v) = crate::prf(self.pairs_both, self.pairs_ours, self.pairs_gold);
        writeln!(
            f,
            "entity pairwise links among found mentions: P {p:.3} R {r:.3} F1 {f1v:.3}"
        )?;
        writeln!(
            f,
            "gold alias groups resolved to one entity: {}/{}",
            self.groups_whole, self.groups
        )?;
        for s in &self.split_groups {
            writeln!(f, "    split: {s}")?;
        }
        for m in &self.merged_pairs {
            writeln!(f, "    merged: {m}")?;
        }
        let er = if self.events_gold == 0 {
            0.0
        } else {
            self.events_found as f64 / self.events_gold as f64
        };
        let supported = self.events_found + self.events_coarse_supported;
        let sr = if self.events_gold == 0 {
            0.0
        } else {
            supported as f64 / self.events_gold as f64
        };
        writeln!(f, "gold dated events found with the right date: {}/{} ({er:.3}); with a right but less precise date: {} more; our events: {}",
            self.events_found, self.events_gold, self.events_coarse, self.events_ours)?;
        writeln!(f, "  dated as precisely as the sources allow (the gold's date, or the most precise one the documents give): {supported}/{} ({sr:.3})", self.events_gold)?;
        for m in &self.missed_events {
            writeln!(f, "    missed event: {m}")?;
        }
        writeln!(
            f,
            "gold figures under the gold's event: {}/{}",
            self.figures_attached, self.figures_with_event
        )?;
        for m in &self.misattached_figures {
            writeln!(f, "    figure elsewhere: {m}")?;
        }
        let dr = if self.discrepancies_gold == 0 {
            0.0
        } else {
            self.discrepancies_found as f64 / self.discrepancies_gold as f64
        };
        let dp = if self.discrepancies_ours == 0 {
            0.0
        } else {
            self.discrepancies_ours_matched as f64 / self.discrepancies_ours as f64
        };
        writeln!(
            f,
            "discrepancies the seeds reveal: recall {}/{} ({dr:.3}); precision {}/{} ({dp:.3})",
            self.discrepancies_found,
            self.discrepancies_gold,
            self.discrepancies_ours_matched,
            self.discrepancies_ours
        )?;
        for m in &self.missed_discrepancies {
            writeln!(f, "    missed discrepancy: {m}")?;
        }
        let (pp, pr, pf) = crate::prf(
            self.perpetrators_right,
            self.perpetrators_ours,
            self.perpetrators_gold,
        );
        writeln!(
            f,
            "perpetrators of the found gold events: {}/{} right, {} named (P {pp:.3} R {pr:.3} F1 {pf:.3})",
            self.perpetrators_right, self.perpetrators_gold, self.perpetrators_ours
        )?;
        for m in &self.wrong_perpetrators {
            writeln!(f, "    perpetrator: {m}")?;
        }
        Ok(())
    }
}
