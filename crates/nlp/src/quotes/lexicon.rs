//! The word tables the quote and assertion annotators read: reporting verbs with their tense
//! forms and frames, and the small closed classes (determiners, pronouns, auxiliaries,
//! titles, clause openers) that the noun-phrase walks need.
//!
//! Everything is looked up once per token ([`lookup`]) through one hash map built on first use
//! from the constant tables below; lookups lowercase ASCII words into a stack buffer, so the
//! per-token cost is one hash probe and no allocation.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the table's keys are short ASCII words, for which it is several times faster than
/// the default SipHash (and no hash-flooding concern applies to a fixed table).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<&'static [u8], Entry, BuildHasherDefault<Fnv>>;

/// The lookup table and a prefilter: bit `c` of `first[len]` is set when some key of that
/// length starts with letter `c`, so most words are rejected without hashing.
struct Lexicon {
    map: Table,
    first: [u32; 25],
}

/// Calls `f` with the ASCII-lowercased `word`, without allocating for words of up to 32 bytes.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 32];
    if bytes.len() <= buf.len() {
        for (i, &b) in bytes.iter().enumerate() {
            buf[i] = b.to_ascii_lowercase();
        }
        if let Ok(l) = std::str::from_utf8(&buf[..bytes.len()]) {
            return f(l);
        }
    }
    f(&word.to_ascii_lowercase())
}

/// What kind of attribution a cue verb introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// A communication act (say, tell, warn, argue): a quote of a speaker.
    Speech,
    /// A belief, intention or perception (think, believe, want, show): an attribution in the
    /// PARC sense, not a quote.
    Belief,
}

/// The grammatical form of a cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Base,
    /// Third person singular (`says`).
    S,
    /// Past tense or past participle (`said`, `written`).
    Past,
    /// Present participle (`saying`).
    Ing,
}

/// The verb takes an addressee before its clause (`told reporters that`).
pub(crate) const F_TELL: u16 = 1;
/// The verb takes `X as "…"` (`described it as`, `dismissed the warning as`).
pub(crate) const F_AS: u16 = 1 << 1;
/// The verb takes `about/of/on …` (`speculate about`, `warn of`).
pub(crate) const F_ABOUT: u16 = 1 << 2;
/// The verb can follow a quote inverted (`"…," said Jones`).
pub(crate) const F_INVERT: u16 = 1 << 3;
/// Some forms double as nouns (`claims`, `reports`, `warning`): accept them as cues only with
/// clear verbal context.
pub(crate) const F_NOUNY: u16 = 1 << 4;
/// The verb takes a direct object that is the content (`call X "…"`).
pub(crate) const F_NAME: u16 = 1 << 5;
/// A cue only with a report noun as subject (`Reports have emerged that …`).
pub(crate) const F_REPORT_SUBJ: u16 = 1 << 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub class: CueClass,
    pub form: Form,
    pub frames: u16,
    /// A particle the cue needs (`according to`, `pointed out`): without it the word is no
    /// cue (`a percentage point`, `according as`).
    pub particle: Option<&'static str>,
    /// The source follows the particle (`according to X`) instead of preceding the verb.
    pub source_after: bool,
    /// Index of the lemma in [`VERBS`] (for the assertion annotator).
    pub lemma: u16,
}

// Closed-class flags.
pub(crate) const DET: u32 = 1;
pub(crate) const PRON: u32 = 1 << 1;
pub(crate) const AUX: u32 = 1 << 2;
pub(crate) const ADV: u32 = 1 << 3;
pub(crate) const PREP: u32 = 1 << 4;
/// Words that never sit inside a noun phrase (conjunctions, relatives, subordinators).
pub(crate) const STOP: u32 = 1 << 5;
/// Titles before a name (`Mr`, `Gen`, `President`): kept in the source, stripped from the
/// speaker name.
pub(crate) const TITLE: u32 = 1 << 6;
/// Role nouns that may stand before a name (`spokesman John Kirby`).
pub(crate) const ROLE: u32 = 1 << 7;
/// Object pronouns and plain addressees after `tell` (`told him`, `told reporters`).
pub(crate) const ADDRESSEE: u32 = 1 << 8;
pub(crate) const BE: u32 = 1 << 9;
/// After a comma these open an adjunct that ends a reported clause (`, which`, `, implying`).
pub(crate) const BREAK: u32 = 1 << 10;
/// Nouns that can be a source of reported speech by themselves (`reports`, `statement`).
pub(crate) const REPORT_NOUN: u32 = 1 << 11;
/// Singular personal pronouns (`he`, `she`).
pub(crate) const PERSONAL: u32 = 1 << 12;
/// Plural pronouns (`they`, `we`).
pub(crate) const PLURAL: u32 = 1 << 13;
/// Object pronouns (`him`, `them`): never a subject.
pub(crate) const OBJPRON: u32 = 1 << 17;
/// `it`, `its`.
pub(crate) const NEUTER: u32 = 1 << 14;
/// Words marking a statement as uncertain or second-hand (`reportedly`, `may`, `allegedly`).
pub(crate) const HEDGE: u32 = 1 << 15;
/// Temporal words that may open a sentence before its subject (`Yesterday`, `Now`).
pub(crate) const TIME: u32 = 1 << 16;

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    pub flags: u32,
    pub cue: Option<Cue>,
}

/// A reporting verb: its forms (base, 3rd singular, past, participle `-ing`, and an extra
/// past participle when irregular), class and frames.
pub(crate) struct Verb {
    pub forms: [&'static str; 5],
    pub class: CueClass,
    pub frames: u16,
    pub particle: Option<&'static str>,
}

const fn v(forms: [&'static str; 5], class: CueClass, frames: u16) -> Verb {
    Verb {
        forms,
        class,
        frames,
        particle: None,
    }
}
const fn vp(
    forms: [&'static str; 5],
    class: CueClass,
    frames: u16,
    particle: &'static str,
) -> Verb {
    Verb {
        forms,
        class,
        frames,
        particle: Some(particle),
    }
}

use CueClass::{Belief as B, Speech as S};

/// Reporting verbs. Order matters only for [`lemma_of`] (the first row of a lemma wins).
pub(crate) const VERBS: &[Verb] = &[
    v(["say", "says", "said", "saying", ""], S, F_INVERT),
    v(
        ["tell", "tells", "told", "telling", ""],
        S,
        F_TELL | F_INVERT,
    ),
    v(["add", "adds", "added", "adding", ""], S, F_INVERT),
    v(
        ["note", "notes", "noted", "noting", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["write", "writes", "wrote", "writing", "written"],
        S,
        F_INVERT,
    ),
    v(
        ["state", "states", "stated", "stating", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["declare", "declares", "declared", "declaring", ""],
        S,
        F_INVERT,
    ),
    v(
        ["announce", "announces", "announced", "announcing", ""],
        S,
        F_INVERT,
    ),
    v(
        ["explain", "explains", "explained", "explaining", ""],
        S,
        F_INVERT,
    ),
    v(
        ["insist", "insists", "insisted", "insisting", ""],
        S,
        F_INVERT,
    ),
    v(
        ["claim", "claims", "claimed", "claiming", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(["argue", "argues", "argued", "arguing", ""], S, F_INVERT),
    v(
        ["warn", "warns", "warned", "warning", ""],
        S,
        F_INVERT | F_ABOUT | F_NOUNY | F_TELL,
    ),
    v(
        ["confirm", "confirms", "confirmed", "confirming", ""],
        S,
        F_INVERT,
    ),
    v(["deny", "denies", "denied", "denying", ""], S, 0),
    v(
        ["admit", "admits", "admitted", "admitting", ""],
        S,
        F_INVERT,
    ),
    v(
        [
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
            "",
        ],
        S,
        F_INVERT,
    ),
    v(
        ["report", "reports", "reported", "reporting", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["suggest", "suggests", "suggested", "suggesting", ""],
        S,
        F_INVERT,
    ),
    v(
        ["assert", "asserts", "asserted", "asserting", ""],
        S,
        F_INVERT,
    ),
    v(
        ["contend", "contends", "contended", "contending", ""],
        S,
        F_INVERT,
    ),
    v(
        ["maintain", "maintains", "maintained", "maintaining", ""],
        S,
        0,
    ),
    v(["reply", "replies", "replied", "replying", ""], S, F_INVERT),
    v(
        ["respond", "responds", "responded", "responding", ""],
        S,
        F_INVERT,
    ),
    v(
        ["answer", "answers", "answered", "answering", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(["ask", "asks", "asked", "asking", ""], S, F_INVERT | F_TELL),
    v(
        ["tweet", "tweets", "tweeted", "tweeting", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["recall", "recalls", "recalled", "recalling", ""],
        S,
        F_INVERT,
    ),
    v(
        ["stress", "stresses", "stressed", "stressing", ""],
        S,
        F_INVERT,
    ),
    v(
        ["emphasise", "emphasises", "emphasised", "emphasising", ""],
        S,
        F_INVERT,
    ),
    v(
        ["emphasize", "emphasizes", "emphasized", "emphasizing", ""],
        S,
        F_INVERT,
    ),
    v(
        ["predict", "predicts", "predicted", "predicting", ""],
        S,
        F_INVERT,
    ),
    v(
        ["promise", "promises", "promised", "promising", ""],
        S,
        F_INVERT | F_TELL | F_NOUNY,
    ),
    v(["vow", "vows", "vowed", "vowing", ""], S, F_INVERT),
    v(
        ["pledge", "pledges", "pledged", "pledging", ""],
        S,
        F_INVERT,
    ),
    v(
        ["reveal", "reveals", "revealed", "revealing", ""],
        S,
        F_INVERT,
    ),
    v(
        ["disclose", "discloses", "disclosed", "disclosing", ""],
        S,
        0,
    ),
    v(
        ["allege", "alleges", "alleged", "alleging", ""],
        S,
        F_INVERT,
    ),
    v(
        ["concede", "concedes", "conceded", "conceding", ""],
        S,
        F_INVERT,
    ),
    v(
        ["complain", "complains", "complained", "complaining", ""],
        S,
        F_INVERT,
    ),
    v(
        ["comment", "comments", "commented", "commenting", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["remark", "remarks", "remarked", "remarking", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["observe", "observes", "observed", "observing", ""],
        S,
        F_INVERT,
    ),
    v(
        ["describe", "describes", "described", "describing", ""],
        S,
        F_AS,
    ),
    v(
        ["call", "calls", "called", "calling", ""],
        S,
        F_NAME | F_NOUNY,
    ),
    v(
        ["dismiss", "dismisses", "dismissed", "dismissing", ""],
        S,
        F_AS,
    ),
    v(["reject", "rejects", "rejected", "rejecting", ""], S, F_AS),
    v(
        ["brand", "brands", "branded", "branding", ""],
        S,
        F_AS | F_NOUNY,
    ),
    v(
        ["label", "labels", "labelled", "labelling", "labeled"],
        S,
        F_AS | F_NOUNY,
    ),
    v(
        ["speculate", "speculates", "speculated", "speculating", ""],
        S,
        F_ABOUT,
    ),
    v(
        ["estimate", "estimates", "estimated", "estimating", ""],
        S,
        F_NOUNY,
    ),
    v(
        ["testify", "testifies", "testified", "testifying", ""],
        S,
        F_INVERT,
    ),
    v(["urge", "urges", "urged", "urging", ""], S, F_TELL),
    v(
        ["inform", "informs", "informed", "informing", ""],
        S,
        F_TELL,
    ),
    v(["agree", "agrees", "agreed", "agreeing", ""], S, F_INVERT),
    v(
        ["conclude", "concludes", "concluded", "concluding", ""],
        S,
        F_INVERT,
    ),
    v(
        ["continue", "continues", "continued", "continuing", ""],
        S,
        F_INVERT,
    ),
    v(["quip", "quips", "quipped", "quipping", ""], S, F_INVERT),
    v(["joke", "jokes", "joked", "joking", ""], S, F_INVERT),
    v(
        ["exclaim", "exclaims", "exclaimed", "exclaiming", ""],
        S,
        F_INVERT,
    ),
    v(
        ["boast", "boasts", "boasted", "boasting", ""],
        S,
        F_INVERT | F_ABOUT,
    ),
    v(
        ["caution", "cautions", "cautioned", "cautioning", ""],
        S,
        F_INVERT | F_NOUNY,
    ),
    v(
        ["indicate", "indicates", "indicated", "indicating", ""],
        S,
        0,
    ),
    v(
        ["mention", "mentions", "mentioned", "mentioning", ""],
        S,
        F_NOUNY,
    ),
    v(
        ["proclaim", "proclaims", "proclaimed", "proclaiming", ""],
        S,
        F_INVERT,
    ),
    v(["assure", "assures", "assured", "assuring", ""], S, F_TELL),
    v(
        ["counter", "counters", "countered", "countering", ""],
        S,
        F_INVERT,
    ),
    v(
        ["retort", "retorts", "retorted", "retorting", ""],
        S,
        F_INVERT,
    ),
    v(["shout", "shouts", "shouted", "shouting", ""], S, F_INVERT),
    v(
        ["hint", "hints", "hinted", "hinting", ""],
        S,
        F_ABOUT | F_NOUNY,
    ),
    v(["accuse", "accuses", "accused", "accusing", ""], S, 0),
    v(["blame", "blames", "blamed", "blaming", ""], S, 0),
    v(
        ["demand", "demands", "demanded", "demanding", ""],
        S,
        F_NOUNY,
    ),
    v(["propose", "proposes", "proposed", "proposing", ""], S, 0),
    v(
        ["recommend", "recommends", "recommended", "recommending", ""],
        S,
        0,
    ),
    v(["advise", "advises", "advised", "advising", ""], S, F_TELL),
    v(
        ["wonder", "wonders", "wondered", "wondering", ""],
        S,
        F_INVERT,
    ),
    v(
        ["question", "questions", "questioned", "questioning", ""],
        S,
        F_NOUNY,
    ),
    v(
        ["insinuate", "insinuates", "insinuated", "insinuating", ""],
        S,
        0,
    ),
    v(["imply", "implies", "implied", "implying", ""], B, 0),
    v(
        ["signal", "signals", "signalled", "signalling", "signaled"],
        S,
        F_NOUNY,
    ),
    v(
        [
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
            "",
        ],
        S,
        F_INVERT,
    ),
    v(
        ["reiterate", "reiterates", "reiterated", "reiterating", ""],
        S,
        F_INVERT,
    ),
    v(
        ["repeat", "repeats", "repeated", "repeating", ""],
        S,
        F_INVERT,
    ),
    v(["opine", "opines", "opined", "opining", ""], S, F_INVERT),
    v(["muse", "muses", "mused", "musing", ""], S, F_INVERT),
    v(["posit", "posits", "posited", "positing", ""], S, 0),
    v(
        ["publish", "publishes", "published", "publishing", ""],
        S,
        0,
    ),
    v(["cite", "cites", "cited", "citing", ""], S, 0),
    v(
        ["emerge", "emerges", "emerged", "emerging", ""],
        S,
        F_REPORT_SUBJ,
    ),
    v(
        ["circulate", "circulates", "circulated", "circulating", ""],
        S,
        F_REPORT_SUBJ,
    ),
    // `The statement read: …`, `a sign reading "…"`: only documents read out their words.
    v(["read", "reads", "read", "reading", ""], S, F_REPORT_SUBJ),
    vp(
        ["point", "points", "pointed", "pointing", ""],
        S,
        F_INVERT,
        "out",
    ),
    vp(["according", "", "", "", ""], S, 0, "to"),
    // Beliefs, intentions and perceptions (the PARC profile only).
    v(["think", "thinks", "thought", "thinking", ""], B, 0),
    v(["believe", "believes", "believed", "believing", ""], B, 0),
    v(["hope", "hopes", "hoped", "hoping", ""], B, F_NOUNY),
    v(["fear", "fears", "feared", "fearing", ""], B, F_NOUNY),
    v(["expect", "expects", "expected", "expecting", ""], B, 0),
    v(["know", "knows", "knew", "knowing", "known"], B, 0),
    v(["feel", "feels", "felt", "feeling", ""], B, 0),
    v(["doubt", "doubts", "doubted", "doubting", ""], B, F_NOUNY),
    v(["want", "wants", "wanted", "wanting", ""], B, 0),
    v(["show", "shows", "showed", "showing", "shown"], B, F_NOUNY),
    v(["find", "finds", "found", "finding", ""], B, 0),
    v(["see", "sees", "saw", "seeing", "seen"], B, 0),
    v(["seem", "seems", "seemed", "seeming", ""], B, 0),
    v(["appear", "appears", "appeared", "appearing", ""], B, 0),
    v(["worry", "worries", "worried", "worrying", ""], B, F_ABOUT),
    v(["acknowledge", "", "", "", ""], B, 0),
    v(
        ["support", "supports", "supported", "supporting", ""],
        B,
        F_NOUNY,
    ),
    v(["oppose", "opposes", "opposed", "opposing", ""], B, 0),
    v(["endorse", "endorses", "endorsed", "endorsing", ""], B, 0),
    v(
        ["criticize", "criticizes", "criticized", "criticizing", ""],
        B,
        0,
    ),
    v(
        ["criticise", "criticises", "criticised", "criticising", ""],
        B,
        0,
    ),
    v(["praise", "praises", "praised", "praising", ""], B, F_NOUNY),
    v(["decline", "declines", "declined", "declining", ""], B, 0),
    v(["refuse", "refuses", "refused", "refusing", ""], B, 0),
    v(["plan", "plans", "planned", "planning", ""], B, F_NOUNY),
    v(["intend", "intends", "intended", "intending", ""], B, 0),
    v(["conclude", "", "", "", ""], B, 0),
    v(["assume", "assumes", "assumed", "assuming", ""], B, 0),
    v(
        ["suspect", "suspects", "suspected", "suspecting", ""],
        B,
        F_NOUNY,
    ),
    v(["reckon", "reckons", "reckoned", "reckoning", ""], B, 0),
    v(["predict", "", "", "", ""], B, 0),
    v(["defend", "defends", "defended", "defending", ""], B, 0),
    v(["urge", "", "", "", ""], B, 0),
    v(["seek", "seeks", "sought", "seeking", ""], B, 0),
];

/// Closed-class words and their flags.
const WORDS: &[(&str, u32)] = &[
    ("the", DET),
    ("a", DET),
    ("an", DET),
    ("this", DET),
    ("that", DET | STOP),
    ("these", DET),
    ("those", DET),
    ("some", DET),
    ("many", DET),
    ("several", DET),
    ("most", DET),
    ("all", DET),
    ("both", DET),
    ("another", DET),
    ("other", 0),
    ("few", DET),
    ("two", DET),
    ("three", DET),
    ("four", DET),
    ("one", DET),
    ("his", DET),
    ("her", DET | ADDRESSEE | OBJPRON),
    ("its", DET | NEUTER),
    ("their", DET | PLURAL),
    ("our", DET),
    ("my", DET),
    ("your", DET),
    ("no", DET),
    ("each", DET),
    ("every", DET),
    ("any", DET),
    ("such", DET),
    ("more", 0),
    ("he", PRON | PERSONAL),
    ("she", PRON | PERSONAL),
    ("it", PRON | NEUTER),
    ("they", PRON | PLURAL),
    ("we", PRON | PLURAL),
    ("i", PRON | PERSONAL),
    ("you", PRON),
    ("him", ADDRESSEE | OBJPRON),
    ("them", ADDRESSEE | OBJPRON),
    ("me", ADDRESSEE | OBJPRON),
    ("us", ADDRESSEE | OBJPRON),
    ("reporters", ADDRESSEE),
    ("journalists", ADDRESSEE),
    ("lawmakers", ADDRESSEE),
    ("supporters", ADDRESSEE),
    ("voters", ADDRESSEE),
    ("listeners", ADDRESSEE),
    ("viewers", ADDRESSEE),
    ("parliament", ADDRESSEE),
    ("has", AUX),
    ("have", AUX),
    ("had", AUX),
    ("having", AUX),
    ("will", AUX),
    ("would", AUX),
    ("could", AUX | HEDGE),
    ("can", AUX),
    ("may", AUX | HEDGE),
    ("might", AUX | HEDGE),
    ("must", AUX),
    ("shall", AUX),
    ("should", AUX),
    ("do", AUX),
    ("does", AUX),
    ("did", AUX),
    ("to", AUX | PREP),
    ("is", AUX | BE),
    ("was", AUX | BE),
    ("were", AUX | BE),
    ("are", AUX | BE),
    ("be", AUX | BE),
    ("been", AUX | BE),
    ("being", AUX | BE),
    ("am", AUX | BE),
    ("not", ADV),
    ("n't", ADV),
    ("never", ADV),
    ("also", ADV),
    ("later", ADV | TIME),
    ("previously", ADV),
    ("publicly", ADV),
    ("repeatedly", ADV),
    ("recently", ADV | TIME),
    ("again", ADV),
    ("then", ADV | TIME),
    ("once", ADV),
    ("further", ADV),
    ("still", ADV),
    ("already", ADV),
    ("even", ADV),
    ("often", ADV),
    ("reportedly", ADV | HEDGE),
    ("allegedly", ADV | HEDGE),
    ("apparently", ADV | HEDGE),
    ("privately", ADV),
    ("officially", ADV),
    ("subsequently", ADV),
    ("earlier", ADV | TIME),
    ("now", ADV | TIME),
    ("today", ADV | TIME),
    ("yesterday", ADV | TIME),
    ("tonight", ADV | TIME),
    ("simply", ADV),
    ("only", ADV),
    ("first", ADV),
    ("long", ADV),
    ("always", ADV),
    ("openly", ADV),
    ("flatly", ADV),
    ("quickly", ADV),
    ("immediately", ADV),
    ("swiftly", ADV),
    ("just", ADV),
    ("instead", ADV),
    ("cynically", ADV),
    ("since", ADV | PREP | BREAK),
    ("too", ADV),
    ("however", ADV),
    ("too", ADV),
    ("once", ADV),
    ("in", PREP),
    ("on", PREP),
    ("at", PREP),
    ("of", PREP),
    ("for", PREP),
    ("with", PREP),
    ("by", PREP),
    ("from", PREP),
    ("about", PREP),
    ("into", PREP),
    ("over", PREP),
    ("under", PREP),
    ("after", PREP | BREAK),
    ("before", PREP | BREAK),
    ("during", PREP),
    ("against", PREP),
    ("among", PREP),
    ("through", PREP),
    ("without", PREP),
    ("within", PREP),
    ("across", PREP),
    ("around", PREP | BREAK),
    ("near", PREP),
    ("despite", PREP | BREAK),
    ("towards", PREP),
    ("toward", PREP),
    ("amid", PREP | BREAK),
    ("and", STOP),
    ("or", STOP),
    ("but", STOP | BREAK),
    ("nor", STOP),
    ("which", STOP | BREAK),
    ("who", STOP | BREAK),
    ("whom", STOP | BREAK),
    ("whose", STOP | BREAK),
    ("while", STOP | BREAK),
    ("whereas", STOP | BREAK),
    ("although", STOP | BREAK),
    ("though", STOP | BREAK),
    ("because", STOP | BREAK),
    ("if", STOP),
    ("when", STOP | BREAK),
    ("where", STOP | BREAK),
    ("as", STOP | BREAK),
    ("than", STOP),
    ("so", STOP | BREAK),
    ("whether", STOP),
    ("unless", STOP | BREAK),
    ("until", STOP | BREAK),
    ("what", STOP),
    ("how", STOP),
    ("why", STOP),
    ("whilst", STOP | BREAK),
    ("thus", STOP | BREAK),
    ("according", BREAK),
    ("implying", BREAK),
    ("adding", BREAK),
    ("saying", BREAK),
    ("noting", BREAK),
    ("suggesting", BREAK),
    ("arguing", BREAK),
    ("citing", BREAK),
    ("prompting", BREAK),
    ("meaning", BREAK),
    ("boasting", BREAK),
    ("claiming", BREAK),
    ("warning", BREAK),
    ("describing", BREAK),
    ("mr", TITLE),
    ("mrs", TITLE),
    ("ms", TITLE),
    ("dr", TITLE),
    ("prof", TITLE),
    ("professor", TITLE | ROLE),
    ("gen", TITLE),
    ("general", TITLE | ROLE),
    ("col", TITLE),
    ("colonel", TITLE | ROLE),
    ("maj", TITLE),
    ("major", TITLE),
    ("capt", TITLE),
    ("captain", TITLE | ROLE),
    ("lt", TITLE),
    ("sgt", TITLE),
    ("adm", TITLE),
    ("admiral", TITLE | ROLE),
    ("president", TITLE | ROLE),
    ("vice", TITLE),
    ("sen", TITLE),
    ("senator", TITLE | ROLE),
    ("rep", TITLE),
    ("gov", TITLE),
    ("governor", TITLE | ROLE),
    ("mayor", TITLE | ROLE),
    ("minister", TITLE | ROLE),
    ("prime", TITLE),
    ("secretary", TITLE | ROLE),
    ("chancellor", TITLE | ROLE),
    ("king", TITLE),
    ("queen", TITLE),
    ("prince", TITLE),
    ("pope", TITLE),
    ("sir", TITLE),
    ("lord", TITLE),
    ("judge", TITLE | ROLE),
    ("justice", TITLE),
    ("rev", TITLE),
    ("sheikh", TITLE),
    ("imam", TITLE | ROLE),
    ("ayatollah", TITLE),
    ("chairman", TITLE | ROLE),
    ("speaker", TITLE | ROLE),
    ("leader", TITLE | ROLE),
    ("commander", TITLE | ROLE),
    ("chief", TITLE | ROLE),
    ("ambassador", TITLE | ROLE),
    ("gens", TITLE),
    ("spokesman", ROLE),
    ("spokeswoman", ROLE),
    ("spokesperson", ROLE),
    ("expert", ROLE),
    ("analyst", ROLE),
    ("official", ROLE),
    ("officer", ROLE),
    ("adviser", ROLE),
    ("advisor", ROLE),
    ("aide", ROLE),
    ("strategist", ROLE),
    ("candidate", ROLE),
    ("nominee", ROLE),
    ("director", ROLE),
    ("founder", ROLE),
    ("head", ROLE),
    ("man", ROLE),
    ("woman", ROLE),
    ("member", ROLE),
    ("lawyer", ROLE),
    ("attorney", ROLE),
    ("economist", ROLE),
    ("researcher", ROLE),
    ("author", ROLE),
    ("correspondent", ROLE),
    ("editor", ROLE),
    ("pollster", ROLE),
    ("consultant", ROLE),
    ("fellow", ROLE),
    ("activist", ROLE),
    ("scholar", ROLE),
    ("specialist", ROLE),
    ("diplomat", ROLE),
    ("representative", ROLE),
    ("manager", ROLE),
    ("columnist", ROLE),
    ("executive", ROLE),
    ("boss", ROLE),
    ("coach", ROLE),
    ("deputy", ROLE),
    ("premier", ROLE),
    ("chair", ROLE),
    ("treasurer", ROLE),
    ("prosecutor", ROLE),
    ("police", ROLE),
    ("inspector", ROLE),
    ("superintendent", ROLE),
    ("detective", ROLE),
    ("sergeant", ROLE),
    ("constable", ROLE),
    ("campaigner", ROLE),
    ("envoy", ROLE),
    ("negotiator", ROLE),
    ("mediator", ROLE),
    ("observer", ROLE),
    ("critic", ROLE),
    ("agent", ROLE),
    ("broker", ROLE),
    ("trader", ROLE),
    ("banker", ROLE),
    ("investor", ROLE),
    ("partner", ROLE),
    ("owner", ROLE),
    ("striker", ROLE),
    ("midfielder", ROLE),
    ("defender", ROLE),
    ("goalkeeper", ROLE),
    ("player", ROLE),
    ("reports", REPORT_NOUN),
    ("report", REPORT_NOUN),
    ("statement", REPORT_NOUN),
    ("statements", REPORT_NOUN),
    ("claims", REPORT_NOUN),
    ("sources", REPORT_NOUN),
    ("footage", REPORT_NOUN),
    ("details", REPORT_NOUN),
    ("letter", REPORT_NOUN),
    ("letters", REPORT_NOUN),
    ("message", REPORT_NOUN),
    ("messages", REPORT_NOUN),
    ("note", REPORT_NOUN),
    ("notice", REPORT_NOUN),
    ("sign", REPORT_NOUN),
    ("signs", REPORT_NOUN),
    ("banner", REPORT_NOUN),
    ("banners", REPORT_NOUN),
    ("placard", REPORT_NOUN),
    ("placards", REPORT_NOUN),
    ("post", REPORT_NOUN),
    ("tweet", REPORT_NOUN),
    ("headline", REPORT_NOUN),
    ("caption", REPORT_NOUN),
    ("communique", REPORT_NOUN),
    ("declaration", REPORT_NOUN),
    ("announcement", REPORT_NOUN),
    ("memo", REPORT_NOUN),
    ("memos", REPORT_NOUN),
    ("minutes", REPORT_NOUN),
    ("email", REPORT_NOUN),
    ("e-mail", REPORT_NOUN),
    ("allegedly", HEDGE),
    ("believed", HEDGE),
    ("possibly", HEDGE),
    ("perhaps", HEDGE),
    ("likely", HEDGE),
    ("unconfirmed", HEDGE),
    ("purportedly", HEDGE),
    ("supposedly", HEDGE),
    ("probably", HEDGE),
    ("presumably", HEDGE),
];

/// The entry for a word, if it is in any table. Case-insensitive for ASCII; other words are
/// never in the tables.
pub(crate) fn lookup(word: &str) -> Entry {
    let bytes = word.as_bytes();
    let lex = table();
    let n = bytes.len();
    if n == 0 || n >= lex.first.len() {
        return Entry::default();
    }
    let c = bytes[0].to_ascii_lowercase();
    if !c.is_ascii_lowercase() || lex.first[n] & (1 << (c - b'a')) == 0 {
        return Entry::default();
    }
    // Acronyms are names, not words: `US` is not `us`, `WHO` not `who`.
    if n >= 2 && bytes.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2 {
        return Entry::default();
    }
    let mut buf = [0u8; 25];
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            // Curly apostrophes in contractions: no table word has one.
            return Entry::default();
        }
        buf[i] = b.to_ascii_lowercase();
    }
    lex.map.get(&buf[..n]).copied().unwrap_or_default()
}

fn table() -> &'static Lexicon {
    static TABLE: OnceLock<Lexicon> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: Table = Table::with_capacity_and_hasher(1024, Default::default());
        for &(w, flags) in WORDS {
            map.entry(w.as_bytes()).or_default().flags |= flags;
        }
        for (lemma, verb) in VERBS.iter().enumerate() {
            let forms = [Form::Base, Form::S, Form::Past, Form::Ing, Form::Past];
            for (k, &f) in verb.forms.iter().enumerate() {
                if f.is_empty() {
                    continue;
                }
                let e = map.entry(f.as_bytes()).or_default();
                if e.cue.is_some() {
                    continue; // the first (speech) row of a word wins
                }
                e.cue = Some(Cue {
                    class: verb.class,
                    form: forms[k],
                    frames: verb.frames,
                    particle: verb.particle,
                    source_after: verb.forms[0] == "according",
                    lemma: lemma as u16,
                });
            }
        }
        let mut first = [0u32; 25];
        for k in map.keys() {
            if let (Some(&c), true) = (k.first(), k.len() < first.len()) {
                if c.is_ascii_lowercase() {
                    first[k.len()] |= 1 << (c - b'a');
                }
            }
        }
        Lexicon { map, first }
    })
}

/// The base form of a cue's verb (`said` → `say`).
pub(crate) fn lemma_of(cue: &Cue) -> &'static str {
    VERBS
        .get(cue.lemma as usize)
        .map(|v| v.forms[0])
        .unwrap_or("")
}
