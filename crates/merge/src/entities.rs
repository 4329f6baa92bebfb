//! Entity resolution: every mention of a name, across all documents, assigned to one entity.
//!
//! Mentions join when the evidence is specific: the same name once titles, case, punctuation and
//! possessives are set aside; a surname alone and one full name that ends with it; an acronym and
//! its expansion when a text defines it ("Islamic State in the Khorasan – or ISK –", "X (ISIS-K)",
//! "IS-K is an abbreviation of …", "also known as …") or when its letters are the initials of
//! exactly one known name. A shared word alone never joins two names: "Islamic State" and
//! "Islamic State Khorasan" stay apart.

use crate::names;
use dossier_model::{DocSpan, Document, EntityType, Extraction, ResolvedEntity};
use std::collections::{BTreeMap, HashMap};

/// One entity mention as resolution sees it.
#[derive(Debug, Clone)]
pub struct Mention<'a> {
    pub at: DocSpan,
    pub text: &'a str,
    pub kind: EntityType,
}

/// The result: entities, and for each mention (in the order given) the index of its entity.
pub struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    pub entity_of_mention: Vec<usize>,
}

/// Mentions of all documents, in document then offset order.
/// Religious denominations whose adherents are named "<denomination> <adherents>" ("Shia
/// Muslims", "Coptic Christians"); "Orthodox" is left out, being Christian or Jewish.
const DENOMINATIONS: &[&str] = &[
    "sunni",
    "shia",
    "shiite",
    "shi'ite",
    "ismaili",
    "alawite",
    "sufi",
    "salafi",
    "wahhabi",
    "ahmadi",
    "catholic",
    "protestant",
    "coptic",
    "maronite",
    "evangelical",
    "anglican",
    "lutheran",
    "hasidic",
    "haredi",
];

/// Nouns for the adherents of a religion.
const ADHERENTS: &[&str] = &[
    "muslims",
    "muslim",
    "christians",
    "jews",
    "buddhists",
    "hindus",
];

/// The denomination a name of its adherents names ("Shia Muslims" → "Shia"), if it is one.
fn denomination_of_adherents(text: &str) -> Option<&str> {
    let (first, last) = text.trim().rsplit_once(' ')?;
    (ADHERENTS.contains(&last.to_lowercase().as_str())
        && DENOMINATIONS.contains(&first.to_lowercase().as_str()))
    .then_some(first)
}

pub fn mentions<'a>(docs: &'a [(Document, Extraction)]) -> Vec<Mention<'a>> {
    let mut out = Vec::new();
    for (i, (doc, ex)) in docs.iter().enumerate() {
        let mut ents: Vec<_> = ex.entities.iter().collect();
        ents.sort_by_key(|e| (e.span.start, e.span.end));
        for e in ents {
            let text = e.span.slice(&doc.text);
            if names::key(text).is_empty() {
                continue;
            }
            // The adherents of a denomination are the denomination, a religion's name (MISC),
            // whatever the tagger took them for ("Shia Muslims" as a person).
            let kind = if denomination_of_adherents(text).is_some() {
                EntityType::Misc
            } else {
                e.kind
            };
            out.push(Mention {
                at: DocSpan {
                    doc: i,
                    span: e.span,
                },
                text,
                kind,
            });
        }
    }
    out
}

/// Which types may be one thing: a person is only a person; an organisation and a place may be
/// (a capital named for its government: "Moscow rejected …", "Kyiv denied …").
fn compatible(a: EntityType, b: EntityType) -> bool {
    use EntityType::*;
    a == b || matches!((a, b), (Organization, Location) | (Location, Organization))
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    /// Joins two sets; the smaller root index stays root, so results do not depend on order.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

pub fn resolve(docs: &[(Document, Extraction)], mentions: &[Mention<'_>]) -> Resolution {
    let n = mentions.len();
    let mut uf = UnionFind((0..n).collect());
    // Keys with plurals of demonyms folded and known other names (US, America, U.S.) mapped to
    // one canonical key.
    let keys: Vec<String> = mentions.iter().map(|m| canonical_key(m)).collect();
    let bare: Vec<Vec<String>> = mentions.iter().map(|m| names::bare_words(m.text)).collect();

    // A person named by one word ("Brown", "Mr Brown") is resolved by surname (step 3), not by
    // the same name: across a corpus, "Brown" in one article is Gordon Brown and in another Wes
    // Brown, and joining every "Brown" would chain the two.
    let lone_word_person = |i: usize| mentions[i].kind == EntityType::Person && bare[i].len() == 1;

    // 1. The same name.
    let mut by_key: BTreeMap<(&str, bool), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if lone_word_person(i) {
            continue;
        }
        by_key
            .entry((keys[i].as_str(), m.kind == EntityType::Person))
            .or_default()
            .push(i);
    }
    for group in by_key.values() {
        // The same name is one thing whatever the tagger called it, but a person stays a person.
        for &i in &group[1..] {
            uf.union(group[0], i);
        }
    }

    // 1b. The first word of a venue's name names the venue ("Crocus" for "Crocus City Hall").
    let mut venues: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in 0..n {
        if mentions[j].kind != EntityType::Person
            && bare[j].len() >= 2
            && names::FACILITY_HEADS.contains(&bare[j].last().unwrap().as_str())
        {
            venues.entry(bare[j][0].as_str()).or_default().push(j);
        }
    }
    // A word tagged as a person is a venue's short name too where no person in the corpus has
    // it as surname ("Crocus" beside "Crocus City Hall"; not "Trump" beside "Trump Tower" when
    // a text names Donald Trump).
    let surnames: std::collections::HashSet<&str> = (0..n)
        .filter(|&j| mentions[j].kind == EntityType::Person && bare[j].len() >= 2)
        .map(|j| bare[j].last().unwrap().as_str())
        .collect();
    for i in 0..n {
        // A city is not short for the venues named after it ("Kabul" / "Kabul University").
        if (mentions[i].kind == EntityType::Person && surnames.contains(bare[i][0].as_str()))
            || bare[i].len() != 1
            || crate::places::is_place(mentions[i].text)
        {
            continue;
        }
        let Some(group) = venues.get(bare[i][0].as_str()) else {
            continue;
        };
        let mut roots: Vec<usize> = group.iter().map(|&j| uf.find(j)).collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.len() == 1 {
            uf.union(i, roots[0]);
        }
    }

    // 2. Full names that differ by a middle name or initial ("Michael E Kurilla", "Michael Kurilla").
    let mut by_first_last: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::Person && bare[i].len() >= 2 {
            by_first_last
                .entry((bare[i][0].clone(), bare[i].last().unwrap().clone()))
                .or_default()
                .push(i);
        }
    }
    for group in by_first_last.values() {
        for &i in &group[1..] {
            uf.union(group[0], i);
        }
    }

    // 2b. Transliterations of one person's name: the same surname and given names with the same
    //     consonant skeleton of three letters or more, at most two edits apart (Qassim / Qasem /
    //     Qassem Soleimani, Katharine / Katherine). Shorter skeletons or wider gaps are other
    //     people: Paul and Polly Adams, George and Greg Abbott, Michael and Michelle Collins.
    let mut by_skeleton: BTreeMap<(String, String), BTreeMap<&str, usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::Person && bare[i].len() >= 2 {
            let sk = names::skeleton(&bare[i][0]);
            if sk.len() >= 3 {
                by_skeleton
                    .entry((sk, bare[i].last().unwrap().clone()))
                    .or_default()
                    .entry(bare[i][0].as_str())
                    .or_insert(i);
            }
        }
    }
    for given_names in by_skeleton.values() {
        let names: Vec<(&str, usize)> = given_names.iter().map(|(&g, &i)| (g, i)).collect();
        for (x, &(a, i)) in names.iter().enumerate() {
            for &(b, j) in &names[x + 1..] {
                if strsim::levenshtein(a, b) <= 2 {
                    uf.union(i, j);
                }
            }
        }
    }

    // 3. A surname alone: the one full name in the same document that ends with it, else the one
    //    full name in any document.
    let mut full_names: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in 0..n {
        if mentions[j].kind == EntityType::Person && bare[j].len() >= 2 {
            full_names
                .entry(bare[j].last().unwrap().as_str())
                .or_default()
                .push(j);
        }
    }
    let no_names = Vec::new();
    for i in 0..n {
        if mentions[i].kind != EntityType::Person || bare[i].len() != 1 {
            continue;
        }
        let with_surname = full_names.get(bare[i][0].as_str()).unwrap_or(&no_names);
        let candidates = |same_doc: bool, uf: &mut UnionFind| -> Vec<usize> {
            let mut roots: Vec<usize> = with_surname
                .iter()
                .copied()
                .filter(|&j| !same_doc || mentions[j].at.doc == mentions[i].at.doc)
                .map(|j| uf.find(j))
                .collect();
            roots.sort_unstable();
            roots.dedup();
            roots
        };
        let local = candidates(true, &mut uf);
        let chosen = if local.len() == 1 {
            Some(local[0])
        } else if local.is_empty() {
            let global = candidates(false, &mut uf);
            (global.len() == 1).then(|| global[0])
        } else {
            None
        };
        if let Some(root) = chosen {
            uf.union(i, root);
        }
    }
    // 3b. The one-word names left: one name throughout where no full name has it as surname
    //     (a mononym, or a surname the corpus never expands); otherwise only within a document.
    let mut set_size = vec![0usize; n];
    for j in 0..n {
        set_size[uf.find(j)] += 1;
    }
    let mut lone: BTreeMap<(&str, Option<usize>), Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        if lone_word_person(i) && set_size[uf.find(i)] == 1 {
            let ambiguous = full_names.contains_key(bare[i][0].as_str());
            let doc = ambiguous.then_some(mentions[i].at.doc);
            lone.entry((keys[i].as_str(), doc)).or_default().push(i);
        }
    }
    for group in lone.values() {
        for &i in &group[1..] {
            uf.union(group[0], i);
        }
    }

    // 4. Aliases a text defines between two neighbouring mentions.
    for w in 0..n.saturating_sub(1) {
        let (a, b) = (&mentions[w], &mentions[w + 1]);
        if a.at.doc != b.at.doc {
            continue;
        }
        let text = &docs[a.at.doc].0.text;
        if a.at.span.end > b.at.span.start {
            continue;
        }
        let between = text[a.at.span.end..b.at.span.start].trim().to_lowercase();
        // "Islamic State Khorasan Province’s (IS-K)": the possessive belongs to the name.
        let between = between
            .trim_start_matches("’s")
            .trim_start_matches("'s")
            .trim()
            .to_string();
        let after_b = text[b.at.span.end..].trim_start();
        // An acronym defined beside a name starts with the name's first letter: "Khorasan –
        // or ISK" is a region next to a group's acronym, not its expansion.
        let initial = |t: &str| {
            names::surface(t)
                .chars()
                .find(|c| c.is_alphabetic())
                .map(|c| c.to_lowercase().to_string())
        };
        let acronym_fits = (names::is_acronym(b.text) || names::is_acronym(a.text))
            && initial(a.text) == initial(b.text);
        let defines = match between.as_str() {
            "(" => {
                after_b.starts_with(')')
                    && (acronym_fits || !(names::is_acronym(a.text) || names::is_acronym(b.text)))
            }
            "– or" | "— or" | "- or" | ", or" | "or" | "(or" => acronym_fits,
            s => {
                s.len() <= 40
                    && [
                        "also known as",
                        "known as",
                        "aka",
                        "is an abbreviation of",
                        "stands for",
                        "short for",
                        "is short for",
                    ]
                    .iter()
                    .any(|p| s.trim_start_matches(',').trim() == *p || s.ends_with(p))
            }
        };
        // An acronym the text defines takes the type of its expansion: the tagger, seeing
        // "IS-K" alone, may call it anything but a person.
        let types_agree = compatible(a.kind, b.kind)
            || (acronym_fits && a.kind != EntityType::Person && b.kind != EntityType::Person);
        if defines && types_agree {
            uf.union(w, w + 1);
        }
    }

    // 5. An acronym and the one multi-word name whose initials it spells.
    let mut initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::Person {
            if let Some(init) = names::initials(m.text) {
                initials.entry(init).or_default().push(i);
            }
        }
    }
    for i in 0..n {
        if mentions[i].kind == EntityType::Person || !names::is_acronym(mentions[i].text) {
            continue;
        }
        if let Some(group) = initials.get(&keys[i]) {
            let mut roots: Vec<usize> = group.iter().map(|&j| uf.find(j)).collect();
            roots.sort_unstable();
            roots.dedup();
            if roots.len() == 1 && compatible(mentions[i].kind, mentions[roots[0]].kind) {
                uf.union(i, roots[0]);
            }
        }
    }

    // 6. Hyphenated variants of one acronym over names of one thing: IS-K and ISIS-K are
    //    "<the Islamic State>-K" both, because IS and ISIS are names of one group.
    let mut by_variant: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::Person || !names::is_acronym(m.text) {
            continue;
        }
        if let Some((prefix, suffix)) = names::surface(m.text).rsplit_once('-') {
            let prefix_key = names::key(prefix);
            let canon = names::known_alias(&prefix_key)
                .map(str::to_string)
                .unwrap_or(prefix_key);
            by_variant
                .entry((canon, suffix.to_lowercase()))
                .or_default()
                .push(i);
        }
    }
    for group in by_variant.values() {
        for &i in &group[1..] {
            uf.union(group[0], i);
        }
    }

    build_entities(mentions, &mut uf)
}

fn canonical_key(m: &Mention<'_>) -> String {
    let k = if m.kind == EntityType::Misc {
        // The spellings of one people's name are one name ("Chechen", "Chechnyan"); the
        // people are not their place ("Russians" stay apart from Russia).
        if names::bare_words(m.text).len() == 1 {
            if let Some(place) = crate::places::place_of_demonym(m.text) {
                return format!("people of {place}");
            }
        }
        names::demonym_key(denomination_of_adherents(m.text).unwrap_or(m.text))
    } else {
        names::key(m.text)
    };
    if m.kind == EntityType::Person {
        return k;
    }
    names::known_alias(&k).map(str::to_string).unwrap_or(k)
}

fn build_entities(mentions: &[Mention<'_>], uf: &mut UnionFind) -> Resolution {
    // Clusters in order of their first mention (root = smallest index = first mention).
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..mentions.len() {
        let r = uf.find(i);
        clusters.entry(r).or_default().push(i);
    }
    let mut entity_of_mention = vec![0; mentions.len()];
    let mut entities = Vec::with_capacity(clusters.len());
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for members in clusters.values() {
        let kind = majority_kind(members.iter().map(|&i| mentions[i].kind));
        let name = canonical_name(members.iter().map(|&i| &mentions[i]), kind);
        let base = names::slug(&name);
        let n = used_ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let mut aliases: Vec<String> = members
            .iter()
            .map(|&i| {
                names::surface(mentions[i].text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        aliases.sort();
        aliases.dedup();
        for &i in members {
            entity_of_mention[i] = entities.len();
        }
        entities.push(ResolvedEntity {
            id,
            name,
            kind,
            aliases,
            mentions: members.iter().map(|&i| mentions[i].at).collect(),
            place: None,
            facts: Vec::new(),
        });
    }
    Resolution {
        entities,
        entity_of_mention,
    }
}

fn majority_kind(kinds: impl Iterator<Item = EntityType>) -> EntityType {
    let mut counts: Vec<(EntityType, usize)> = Vec::new();
    for k in kinds {
        match counts.iter_mut().find(|(c, _)| *c == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    // First seen wins a tie: counts keeps first-seen order and max_by_key keeps the last max.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(k, _)| *k)
        .unwrap_or(EntityType::Misc)
}

/// The name to show: a person's fullest name; otherwise the most frequent form, the longer on a
/// tie.
fn canonical_name<'m, 'a: 'm>(
    members: impl Iterator<Item = &'m Mention<'a>>,
    kind: EntityType,
) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for m in members {
        *counts.entry(names::display(m.text)).or_insert(0) += 1;
    }
    let best = if kind == EntityType::Person {
        counts
            .iter()
            .max_by_key(|(name, n)| (name.split_whitespace().count(), **n, name.len()))
    } else {
        counts.iter().max_by_key(|(name, n)| (**n, name.len()))
    };
    best.map(|(name, _)| name.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::{Entity, Span};

    /// Builds documents whose entities are the bracketed names: "[PER Vladimir Putin] said".
    fn docs(texts: &[&str]) -> Vec<(Document, Extraction)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, marked)| {
                let mut text = String::new();
                let mut entities = Vec::new();
                let mut rest = *marked;
                while let Some(open) = rest.find('[') {
                    text.push_str(&rest[..open]);
                    let close = rest[open..].find(']').unwrap() + open;
                    let (kind, name) = rest[open + 1..close].split_once(' ').unwrap();
                    let kind = match kind {
                        "PER" => EntityType::Person,
                        "ORG" => EntityType::Organization,
                        "LOC" => EntityType::Location,
                        _ => EntityType::Misc,
                    };
                    entities.push(Entity {
                        span: Span::new(text.len(), text.len() + name.len()),
                        kind,
                    });
                    text.push_str(name);
                    rest = &rest[close + 1..];
                }
                text.push_str(rest);
                let doc = Document {
                    id: format!("d{i}"),
                    text,
                    ..Document::default()
                };
                (
                    doc,
                    Extraction {
                        entities,
                        ..Extraction::default()
                    },
                )
            })
            .collect()
    }

    fn groups(d: &[(Document, Extraction)]) -> Vec<Vec<String>> {
        let m = mentions(d);
        let r = resolve(d, &m);
        r.entities.iter().map(|e| e.aliases.clone()).collect()
    }

    #[test]
    fn resolution_cases() {
        // (documents, expected groups of aliases)
        let cases: &[(&[&str], &[&[&str]])] = &[
            (
                &["[PER President Vladimir Putin] spoke. [PER Putin] left.", "[PER Putin]'s aide met [PER Mr Jones]."],
                &[&["President Vladimir Putin", "Putin"], &["Mr Jones"]],
            ),
            (
                &["[ORG Islamic State in the Khorasan] – or [ORG ISK] – grew.", "[ORG ISK] and [ORG Islamic State] differ."],
                &[&["ISK", "Islamic State in the Khorasan"], &["Islamic State"]],
            ),
            (
                &["[ORG Federal Bureau of Investigation] agents came.", "The [ORG FBI] said so."],
                &[&["FBI", "Federal Bureau of Investigation"]],
            ),
            (
                &["[PER Ghafari], also known as [PER Shahab al-Mujahir], fled.", "[PER Sanaullah Ghafari] leads."],
                &[&["Ghafari", "Sanaullah Ghafari", "Shahab al-Mujahir"]],
            ),
            (
                &["[PER general Michael E Kurilla] testified.", "[PER Gen Kurilla] was right. [PER Michael Kurilla] said."],
                &[&["Gen Kurilla", "Michael Kurilla", "general Michael E Kurilla"]],
            ),
            (
                // Two people with one surname: a bare surname is ambiguous and stays alone.
                &["[PER Anna Marsh] and [PER Lena Marsh] spoke.", "[PER Marsh] agreed."],
                &[&["Anna Marsh"], &["Lena Marsh"], &["Marsh"]],
            ),
            (
                &["[LOC US] officials and [LOC America] agree.", "[MISC Russians] and a [MISC Russian] met at [LOC Crocus City Hall]. [LOC Crocus] burned."],
                &[&["America", "US"], &["Russian", "Russians"], &["Crocus", "Crocus City Hall"]],
            ),
            (
                // Hyphenated variants over names of one group join; a region beside an acronym does not.
                &["[ORG ISIS] grew. [ORG ISIS-K] formed.", "[ORG IS-K] struck. In [LOC Khorasan] – or [ORG ISK] – it grew."],
                &[&["ISIS"], &["IS-K", "ISIS-K", "ISK"], &["Khorasan"]],
            ),
            (
                &["[PER Qassim Soleimani] died.", "[PER Qasem Soleimani] was killed.", "[MISC Iranian] Gen [PER Qassem Soleimani]"],
                &[&["Qasem Soleimani", "Qassem Soleimani", "Qassim Soleimani"], &["Iranian"]],
            ),
            (
                // Spellings of one given name join; other given names with a like skeleton don't.
                &["[PER Katharine Hepburn] won. [PER Paul Adams] and [PER Michael Collins] spoke.", "[PER Katherine Hepburn] smiled. [PER Polly Adams] and [PER Michelle Collins] sang."],
                &[&["Katharine Hepburn", "Katherine Hepburn"], &["Paul Adams"], &["Michael Collins"], &["Polly Adams"], &["Michelle Collins"]],
            ),
            (
                // A surname in each document is that document's person: the two "Brown"s do
                // not chain Gordon and Wes Brown into one; a mononym is one name throughout.
                &["[PER Gordon Brown] spoke. [PER Brown] left. [PER Madonna] sang.", "[PER Wes Brown] scored. [PER Brown] ran. [PER Madonna] too."],
                &[&["Brown", "Gordon Brown"], &["Madonna"], &["Brown", "Wes Brown"]],
            ),
            (
                // A parenthesised acronym takes its expansion's type; a person's does not.
                &["[ORG Islamic State Khorasan Province]’s ([MISC IS-K]) reach grew.", "[PER Ivan Sergeyevich]'s ([MISC IS]) view."],
                &[&["IS-K", "Islamic State Khorasan Province"], &["Ivan Sergeyevich"], &["IS"]],
            ),
            (
                // Known other names of armed groups (models/aliases.tsv).
                &["The [MISC Afghan Taliban] rule.", "The [ORG Taliban] and the [ORG Pakistani Taliban] ([ORG TTP]) differ."],
                &[&["Afghan Taliban", "Taliban"], &["Pakistani Taliban", "TTP"]],
            ),
            (
                // Spellings of one people's name join (a table of irregular demonyms, regular
                // endings against the gazetteer); a people is not its place.
                &["The [MISC Chechnyan] movement. [LOC Chechnya] burned.", "The [MISC Chechen] wars. [MISC Chechens] fled. [MISC Pakistani] and [MISC Pakistanis] met [MISC Russians]."],
                &[&["Chechen", "Chechens", "Chechnyan"], &["Chechnya"], &["Pakistani", "Pakistanis"], &["Russians"]],
            ),
            (
                // A word the tagger took for a person is a venue's short name when no person
                // has it as surname.
                &["The [ORG Crocus Hall] burned. [PER Crocus] was full.", "[PER Donald Trump] spoke at [LOC Trump Tower]. [PER Trump] left."],
                &[&["Crocus", "Crocus Hall"], &["Donald Trump", "Trump"], &["Trump Tower"]],
            ),
            (
                // A denomination's adherents are the denomination; a nationality's are not.
                &["[MISC Shia] clerics spoke.", "[PER Shia Muslims] and [MISC Sunni Muslims] met [MISC British] and [MISC British Muslims]."],
                &[&["Shia", "Shia Muslims"], &["Sunni Muslims"], &["British"], &["British Muslims"]],
            ),
            (
                &["[LOC Moscow] was hit.", "[ORG Moscow] rejected the advice. [PER Moscow Smith] is someone else."],
                &[&["Moscow"], &["Moscow Smith"]],
            ),
        ];
        for (texts, expected) in cases {
            let d = docs(texts);
            let got = groups(&d);
            let want: Vec<Vec<String>> = expected
                .iter()
                .map(|g| g.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(got, want, "for {texts:?}");
        }
    }

    #[test]
    fn ids_are_slugs_of_the_fullest_name_and_unique() {
        let d = docs(&[
            "[PER Putin] and [PER Vladimir Putin].",
            "[ORG Courier] and [LOC Courier].",
        ]);
        let m = mentions(&d);
        let r = resolve(&d, &m);
        let ids: Vec<&str> = r.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["vladimir-putin", "courier"]);
    }
}
