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

/// True when the name is a known place.
pub fn is_place(name: &str) -> bool {
    lookup(name).is_some()
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
