//! How names are compared: keys that ignore case, punctuation, titles and possessives, and the
//! tests for surnames and acronyms.

/// Words that stand before a name but are not part of it.
const TITLES: &[&str] = &[
    "president",
    "vice-president",
    "prime",
    "minister",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "pope",
    "cardinal",
    "bishop",
    "rev",
    "reverend",
    "imam",
    "ayatollah",
    "emir",
    "former",
    "late",
    "foreign",
    "defence",
    "defense",
    "interior",
    "secretary",
    "chief",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "expert",
    "director",
    "head",
    "leader",
];

/// Words that do not count in initials ("Islamic State *in the* Khorasan" → ISK).
const INITIALS_SKIP: &[&str] = &[
    "of", "the", "in", "and", "for", "de", "du", "des", "la", "le", "al", "el", "&",
];

/// The surface of a mention without a possessive ending and surrounding punctuation.
pub fn surface(text: &str) -> &str {
    let t = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '(');
    let t = t
        .strip_suffix("’s")
        .or_else(|| t.strip_suffix("'s"))
        .or_else(|| t.strip_suffix('’'))
        .unwrap_or(t);
    t.trim()
}

/// The words of a name, lower-cased, split at spaces and dashes, punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    surface(text)
        .split(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | '‐' | '/'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of a name without leading titles and a leading article ("President Vladimir
/// Putin" → vladimir putin; "the Taliban" → taliban).
pub fn bare_words(text: &str) -> Vec<String> {
    let w = words(text);
    let mut start = 0;
    while start + 1 < w.len() && (TITLES.contains(&w[start].as_str()) || w[start] == "the") {
        start += 1;
    }
    w[start..].to_vec()
}

/// The key two mentions of the same name share: bare words joined without separators, so
/// "Al-Qaeda", "al Qaeda" and "AlQaeda" agree, and "IS-K" agrees with "ISK".
pub fn key(text: &str) -> String {
    bare_words(text).concat()
}

/// The key of a nationality or group word, plural folded ("Russians" → russian), for the
/// adjectives and demonyms that CoNLL calls MISC.
pub fn demonym_key(text: &str) -> String {
    let k = key(text);
    match k.strip_suffix('s') {
        Some(stem) if stem.len() >= 4 && !stem.ends_with('s') => stem.to_string(),
        _ => k,
    }
}

/// Words that end the name of a place people gather in; the first word alone often names the
/// place too ("Crocus" for "Crocus City Hall").
pub const FACILITY_HEADS: &[&str] = &[
    "hall",
    "centre",
    "center",
    "arena",
    "theatre",
    "theater",
    "stadium",
    "airport",
    "square",
    "mall",
    "hotel",
    "museum",
    "church",
    "mosque",
    "synagogue",
    "cathedral",
    "station",
    "bridge",
    "market",
    "hospital",
    "school",
    "university",
    "club",
    "venue",
    "plaza",
    "park",
    "palace",
];

/// The rows of one of `models/`'s name tables: a name, a tab, then other names separated by
/// `|`; `#` lines are comments.
pub fn table_rows(table: &str) -> impl Iterator<Item = (&str, std::str::Split<'_, char>)> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, others)| (name, others.split('|')))
}

/// Known other names of countries and organisations (`models/aliases.tsv`): key → canonical key.
pub fn known_alias(key: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::LazyLock;
    static TABLE: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
        let mut map = HashMap::new();
        for (canonical, others) in table_rows(include_str!("../../../models/aliases.tsv")) {
            let canonical = self::key(canonical);
            for alias in others {
                map.insert(self::key(alias), canonical.clone());
            }
            map.insert(canonical.clone(), canonical);
        }
        map
    });
    TABLE.get(key).map(String::as_str)
}

/// True when `text` is written like an acronym: mostly capitals, few letters (IS-K, ISIS-K,
/// ISK, FBI, U.S.).
pub fn is_acronym(text: &str) -> bool {
    let s = surface(text);
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 8
        && !s.contains(' ')
        && letters.iter().filter(|c| c.is_uppercase()).count() * 2 > letters.len()
}

/// The initials of a multi-word name, skipping function words ("Islamic State in the Khorasan"
/// → isk). `None` for one-word names.
pub fn initials(text: &str) -> Option<String> {
    let w = bare_words(text);
    let content: Vec<&String> = w
        .iter()
        .filter(|w| !INITIALS_SKIP.contains(&w.as_str()))
        .collect();
    (content.len() >= 2).then(|| content.iter().filter_map(|w| w.chars().next()).collect())
}

/// The name written for display: the surface without titles kept only when they are all of it.
pub fn display(text: &str) -> String {
    let s = surface(text);
    let mut parts: Vec<&str> = s.split_whitespace().collect();
    while parts.len() > 1 && {
        let w: String = parts[0]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        TITLES.contains(&w.as_str()) || w == "the"
    } {
        parts.remove(0);
    }
    parts.join(" ")
}

/// The consonant skeleton of a word: vowels dropped and doubled letters single, so
/// transliterations of one name agree (Qassim, Qasem, Qassem → qsm).
pub fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if "aeiouy".contains(c) || !c.is_alphanumeric() {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A URL-safe id from a name ("Vladimir Putin" → vladimir-putin).
pub fn slug(text: &str) -> String {
    let s = bare_words(text).join("-");
    if s.is_empty() {
        "entity".to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_titles_case_punctuation_and_possessives() {
        let same = [
            ("President Vladimir Putin", "Vladimir Putin’s"),
            ("Al-Qaeda", "al Qaeda"),
            ("IS-K", "ISK"),
            ("the Taliban", "Taliban"),
            ("Gen Kurilla", "Kurilla"),
        ];
        for (a, b) in same {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        assert_ne!(key("Islamic State"), key("Islamic State Khorasan"));
    }

    #[test]
    fn acronyms_and_initials() {
        assert!(is_acronym("IS-K"));
        assert!(is_acronym("FBI"));
        assert!(is_acronym("U.S."));
        assert!(!is_acronym("Kabul"));
        assert!(!is_acronym("Islamic State"));
        assert_eq!(
            initials("Islamic State in the Khorasan").as_deref(),
            Some("isk")
        );
        assert_eq!(
            initials("Federal Bureau of Investigation").as_deref(),
            Some("fbi")
        );
        assert_eq!(initials("Moscow"), None);
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("Qassim"), skeleton("Qasem"));
        assert_eq!(skeleton("Qassem"), skeleton("Qasem"));
        assert_ne!(skeleton("Anna"), skeleton("Lena"));
    }

    #[test]
    fn table_and_demonyms() {
        assert_eq!(known_alias(&key("U.S.")), Some("unitedstates"));
        assert_eq!(known_alias(&key("America")), Some("unitedstates"));
        assert_eq!(
            known_alias(&key("ISIS")),
            known_alias(&key("Islamic State"))
        );
        assert_eq!(known_alias(&key("Dravosk")), None);
        assert_eq!(demonym_key("Russians"), "russian");
        assert_eq!(demonym_key("Jews"), "jews");
        assert_eq!(demonym_key("Swiss"), "swiss");
    }

    #[test]
    fn display_and_slug() {
        assert_eq!(display("President Vladimir Putin’s"), "Vladimir Putin");
        assert_eq!(display("Gen"), "Gen");
        assert_eq!(
            slug("Islamic State – Khorasan Province"),
            "islamic-state-khorasan-province"
        );
    }
}
