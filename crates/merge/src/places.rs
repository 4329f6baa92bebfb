//! Places by gazetteer: a location entity's country and coordinates from `models/places.tsv`
//! (derived from GeoNames by `models/derive_places.py`). Where a name has several places the
//! most populous is taken, and a country outranks a city of the same name.

use crate::names;
use dossier_model::Place;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Countries outrank cities in the table by a population offset of 10^10 (see
/// models/derive_places.py); the names of that rank are countries.
const COUNTRY_RANK: u64 = 10_000_000_000;

static COUNTRIES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../models/places.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 5 && f[4].parse::<u64>().is_ok_and(|p| p >= COUNTRY_RANK))
                .then(|| names::key(f[0]))
        })
        .collect()
});

/// True when the name is a country's (directly or through a known alias).
pub fn is_country(name: &str) -> bool {
    let key = names::key(name);
    COUNTRIES.contains(&key) || names::known_alias(&key).is_some_and(|c| COUNTRIES.contains(c))
}

static PLACES: LazyLock<HashMap<String, Place>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../../models/places.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(name), Some(country), Some(lat), Some(lon)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let (Ok(latitude), Ok(longitude)) = (lat.parse(), lon.parse()) else {
            continue;
        };
        // The table is sorted by name, not population: keep the first of equal keys only when
        // the names are equal; exact names were already deduplicated by population.
        map.entry(names::key(name)).or_insert(Place {
            country: country.to_string(),
            latitude,
            longitude,
        });
    }
    map
});

/// The place a name refers to, if the gazetteer knows it (directly or through a known alias:
/// "U.S." finds the United States).
pub fn lookup(name: &str) -> Option<Place> {
    let key = names::key(name);
    PLACES
        .get(&key)
        .or_else(|| names::known_alias(&key).and_then(|canon| PLACES.get(canon)))
        .cloned()
}

/// The demonym mentions ("Chechen", "Chechnyan") that name the people of a place the dossier
/// has as a location entity: `(doc, span) → that entity`.
pub fn demonym_places(
    mentions: &[crate::entities::Mention<'_>],
    entity_of_mention: &[usize],
    entities: &[dossier_model::ResolvedEntity],
) -> std::collections::BTreeMap<dossier_model::DocSpan, usize> {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (e, ent) in entities.iter().enumerate() {
        if ent.kind == dossier_model::EntityType::Location {
            for name in std::iter::once(&ent.name).chain(&ent.aliases) {
                let key = names::key(name);
                let key = names::known_alias(&key).map_or(key, str::to_string);
                by_key.entry(key).or_insert(e);
            }
        }
    }
    mentions
        .iter()
        .zip(entity_of_mention)
        .filter(|(_, &e)| entities[e].kind == dossier_model::EntityType::Misc)
        .filter_map(|(m, _)| {
            let place = place_of_demonym(m.text)?;
            by_key.get(&place).map(|&p| (m.at, p))
        })
        .collect()
}

/// Irregular demonyms (`models/demonyms.tsv`): demonym key → place key.
static DEMONYMS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (place, demonyms) in names::table_rows(include_str!("../../../models/demonyms.tsv")) {
        for d in demonyms {
            map.insert(names::key(d), names::key(place));
        }
    }
    map
});

/// Whether a demonym stands for a state: its place is a country, or a region the table of
/// demonyms lists ("Soviet" → Soviet Union; not "Asian" → Asia).
pub fn demonym_of_state(name: &str) -> bool {
    let key = names::demonym_key(name);
    DEMONYMS.contains_key(&key) || place_of_demonym(name).is_some_and(|p| COUNTRIES.contains(&p))
}

/// The place a one-word demonym names the people of ("Chechen", "Chechnyan" → chechnya;
/// "Pakistanis" → pakistan), as a place key: from the table of irregular ones, else the name
/// less a regular ending (-n, -an, -ian, -i, -ese, or -ian for -e) when the gazetteer knows
/// what is left.
pub fn place_of_demonym(name: &str) -> Option<String> {
    let key = names::demonym_key(name);
    if let Some(place) = DEMONYMS.get(&key) {
        return Some(place.clone());
    }
    let known = |k: &str| {
        let k = names::known_alias(k).unwrap_or(k);
        PLACES.contains_key(k).then(|| k.to_string())
    };
    [
        ("ian", ""),
        ("ian", "e"),
        ("an", ""),
        ("n", ""),
        ("i", ""),
        ("ese", ""),
    ]
    .iter()
    .filter_map(|(ending, restore)| {
        let stem = key.strip_suffix(ending)?;
        (stem.len() >= 3).then(|| format!("{stem}{restore}"))
    })
    .find_map(|k| known(&k))
}

/// True when the name is a known place.
pub fn is_place(name: &str) -> bool {
    lookup(name).is_some()
}

/// One enumeration of three or more places in a sentence ("Afghanistan, Pakistan, Tajikistan
/// and Iran"): the entities, in order, and the span from the first to the last.
struct PlaceList {
    doc: usize,
    places: Vec<usize>,
    span: dossier_model::Span,
}

/// Places listed together that the sources list differently: the extent of a region, the
/// countries a group operates in. Lists from different documents that share at least two
/// places and half of the shorter one are about the same thing; where their sets differ, that
/// is a place discrepancy.
pub fn list_discrepancies(
    docs: &[(dossier_model::Document, dossier_model::Extraction)],
    entities: &[dossier_model::ResolvedEntity],
) -> Vec<dossier_model::Discrepancy> {
    use dossier_model::{DiscrepancyValue, EntityType, Span};
    use std::collections::BTreeSet;
    // Location mentions per document, in text order.
    let mut located: Vec<Vec<(Span, usize)>> = vec![Vec::new(); docs.len()];
    for (e, ent) in entities.iter().enumerate() {
        if ent.kind == EntityType::Location {
            for m in &ent.mentions {
                located[m.doc].push((m.span, e));
            }
        }
    }
    let mut lists: Vec<PlaceList> = Vec::new();
    for (d, (doc, ex)) in docs.iter().enumerate() {
        let mentions = &mut located[d];
        mentions.sort_by_key(|(s, _)| s.start);
        for sentence in &ex.sentences {
            let inside: Vec<(Span, usize)> = mentions
                .iter()
                .copied()
                .filter(|(s, _)| sentence.start <= s.start && s.end <= sentence.end)
                .collect();
            // Runs of mentions joined only by commas, "and", "or".
            let mut run: Vec<(Span, usize)> = Vec::new();
            let mut flush = |run: &mut Vec<(Span, usize)>| {
                let places: Vec<usize> = run.iter().map(|(_, e)| *e).collect();
                let distinct: BTreeSet<usize> = places.iter().copied().collect();
                if distinct.len() >= 3 {
                    lists.push(PlaceList {
                        doc: d,
                        places,
                        span: Span::new(run[0].0.start, run[run.len() - 1].0.end),
                    });
                }
                run.clear();
            };
            for m in inside {
                let joined = run.last().is_some_and(|(prev, _)| {
                    doc.text.get(prev.end..m.0.start).is_some_and(|between| {
                        between
                            .split(|c: char| c == ',' || c.is_whitespace())
                            .all(|w| matches!(w, "" | "and" | "or"))
                    })
                });
                if !joined {
                    flush(&mut run);
                }
                run.push(m);
            }
            flush(&mut run);
        }
    }
    // Group lists about the same thing across documents. Only lists that share a place are
    // compared (an index from place to lists), each list's set built once.
    let n = lists.len();
    let sets: Vec<BTreeSet<usize>> = lists
        .iter()
        .map(|l| l.places.iter().copied().collect())
        .collect();
    let mut by_place: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, set) in sets.iter().enumerate() {
        for &p in set {
            by_place.entry(p).or_default().push(i);
        }
    }
    let mut group: Vec<usize> = (0..n).collect();
    fn root(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    let mut compared = BTreeSet::new();
    for holders in by_place.values() {
        for (x, &i) in holders.iter().enumerate() {
            for &j in &holders[x + 1..] {
                if lists[i].doc == lists[j].doc || !compared.insert((i, j)) {
                    continue;
                }
                let shared = sets[i].intersection(&sets[j]).count();
                if shared >= 2 && 2 * shared >= sets[i].len().min(sets[j].len()) {
                    let (ri, rj) = (root(&mut group, i), root(&mut group, j));
                    group[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut members_of: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = root(&mut group, i);
        members_of.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in members_of.into_values() {
        let distinct_sets: BTreeSet<&BTreeSet<usize>> = members.iter().map(|&i| &sets[i]).collect();
        let sources: BTreeSet<usize> = members.iter().map(|&i| lists[i].doc).collect();
        if sources.len() < 2 || distinct_sets.len() < 2 {
            continue;
        }
        let name = |e: usize| entities[e].name.clone();
        let values: Vec<DiscrepancyValue> = members
            .iter()
            .map(|&i| {
                let mut seen = BTreeSet::new();
                let names: Vec<String> = lists[i]
                    .places
                    .iter()
                    .filter(|e| seen.insert(**e))
                    .map(|&e| name(e))
                    .collect();
                DiscrepancyValue {
                    doc: lists[i].doc,
                    value: names.join(", "),
                    span: lists[i].span,
                }
            })
            .collect();
        let common: BTreeSet<usize> = distinct_sets.iter().skip(1).fold(
            distinct_sets
                .iter()
                .next()
                .map(|s| (*s).clone())
                .unwrap_or_default(),
            |acc, s| acc.intersection(s).copied().collect(),
        );
        let about: Vec<String> = common.iter().map(|&e| name(e)).collect();
        out.push(dossier_model::Discrepancy {
            kind: dossier_model::DiscrepancyKind::Place,
            about: format!("places listed with {}", about.join(", ")),
            event: None,
            measure: Some("places".into()),
            values,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cities_countries_and_aliases() {
        assert_eq!(lookup("Moscow").unwrap().country, "RU");
        assert_eq!(lookup("Kabul").unwrap().country, "AF");
        assert_eq!(lookup("U.S.").unwrap().country, "US");
        assert!(
            (lookup("Russia").unwrap().latitude - 55.75).abs() < 0.1,
            "a country sits at its capital"
        );
        assert!(
            lookup("Dravosk").is_none(),
            "the demo corpus town is invented"
        );
        assert!(is_country("Iran") && is_country("U.S.") && !is_country("Kerman"));
    }
}
