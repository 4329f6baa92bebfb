//! Figures: the counts a reader would cite from a news story (killed, injured, hostages,
//! fighters, attackers, arrested, missing, displaced), money and shares, with their hedges.
//!
//! # How
//! One pass over the tokens. At each token the annotator reads, in order:
//! 1. a **qualifier** (`at least`, `more than`/`over`, `nearly`/`almost`/`close to`,
//!    `about`/`around`/`some`, `up to`/`as many as`/`less than`);
//! 2. a **quantity** (`numbers`): digits (`1,000`), words (`two`, `a hundred`), both
//!    (`1.5 million`), a fraction (`a third`, `half`: shares), a per cent (`95 per cent`),
//!    money (`£10,000`, `$2bn`), or a vague plural (`dozens` [24, 99], `hundreds` [200, 999],
//!    `thousands` [2000, 9999], `tens of thousands`), which is a range with qualifier `about`;
//! 3. trailing hedges: `(and counting)`, `or more` (at least), `each` (money).
//!
//! Then it decides the **measure** from the words around, in this order of trust:
//! - a passive or intransitive verb after the noun phrase (`… people were killed`, `330 people
//!   died`, `four men captured and charged`);
//! - a transitive verb before it whose object the number is (`killed 13 soldiers`, `injuring
//!   four others`), unless another verb or `by` stands between (`carried out by four gunmen`);
//! - the counted noun (`6,000 fighters`, `four gunmen`, `two of the attackers`, `1,000
//!   hostages`);
//! - a noun before it (`the slaughter of nearly 140 people`, `arrests targeting seven …`).
//!
//! A count with no measure evidence is not reported: years, ages (`At just 29`,
//! `18-year-old`), durations (`nine years`), dates, clock times, ordinals, and numbers in
//! names (`Boeing 737`) are left out, and so are `several`, `many`, `numerous`. A partitive
//! (`Four of the gunmen`) is a lower bound: `at_least`.
//!
//! Lexicons are `match` tables on the lowercase token (see `numbers::Lowered`): no regex.

pub(crate) mod numbers;
#[cfg(test)]
mod tests;

use dossier_model::{Figure, FigureValue, Qualifier, Span, Token, TokenKind};
use numbers::{parse_fraction, parse_number, Lowered};

/// Casualty and size figures with their qualifiers.
pub fn annotate(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Figure> {
    let doc = Lowered::new(text, tokens);
    let ctx = Ctx { doc, sentences };
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match ctx.figure_at(i) {
            Some((fig, end)) => {
                if out.last().is_none_or(|l| l.span.end <= fig.span.start) {
                    out.push(fig);
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// What a quantity is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quantity {
    Count(f64),
    Range(i64, i64),
    Share(i64),
    Money(f64),
}

struct Ctx<'a> {
    doc: Lowered<'a>,
    sentences: &'a [Span],
}

/// A qualifier before the number, and how many tokens it takes.
fn qualifier(w0: &str, w1: &str, w2: &str) -> Option<(usize, Qualifier)> {
    use Qualifier::*;
    Some(match (w0, w1, w2) {
        ("at", "least", _) | ("no", "fewer" | "less", "than") if w0 == "at" => (2, AtLeast),
        ("no", "fewer" | "less", "than") => (3, AtLeast),
        ("more", "than", _) => (2, MoreThan),
        ("in", "excess", "of") => (3, MoreThan),
        ("upwards", "of", _) => (2, MoreThan),
        ("close", "to", _) => (2, Nearly),
        ("just", "under" | "short", _) => (2, Nearly),
        ("up", "to", _) => (2, UpTo),
        ("as", "many" | "much", "as") => (3, UpTo),
        ("at", "most", _) => (2, UpTo),
        ("no", "more", "than") => (3, UpTo),
        ("less" | "fewer", "than", _) => (2, UpTo),
        ("an", "estimated", _) => (2, About),
        ("over" | "above", _, _) => (1, MoreThan),
        ("nearly" | "almost", _, _) => (1, Nearly),
        (
            "about" | "around" | "some" | "roughly" | "approximately" | "approx." | "estimated"
            | "perhaps" | "reportedly",
            _,
            _,
        ) => (1, About),
        ("under", _, _) => (1, UpTo),
        _ => return None,
    })
}

/// The measure a counted noun names, or `Generic` for people that need a verb to say what
/// happened to them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Noun {
    Measure(&'static str),
    Generic,
}

fn noun(w: &str) -> Option<Noun> {
    use Noun::*;
    Some(match w {
        "dead" | "deaths" | "fatalities" | "bodies" | "victims" | "killed" => Measure("killed"),
        "injured" | "wounded" | "injuries" | "hurt" => Measure("injured"),
        "casualties" => Measure("casualties"),
        "hostages" | "hostage" | "captives" => Measure("hostages"),
        "fighters" | "fighter" | "militants" | "troops" | "soldiers" | "jihadists"
        | "insurgents" | "rebels" | "recruits" | "footsoldiers" | "combatants" | "guerrillas"
        | "mercenaries" | "members" | "personnel" | "marines" | "paratroopers" => {
            Measure("fighters")
        }
        "attackers" | "gunmen" | "gunman" | "assailants" | "bombers" | "terrorists"
        | "perpetrators" | "shooters" | "hijackers" | "attacker" | "assailant" | "bomber" => {
            Measure("attackers")
        }
        "suspects" | "arrests" | "detainees" | "arrested" | "detained" => Measure("arrested"),
        "missing" => Measure("missing"),
        "refugees" | "displaced" | "evacuees" | "homeless" => Measure("displaced"),
        "people" | "persons" | "civilians" | "men" | "women" | "children" | "locals"
        | "residents" | "individuals" | "others" | "staff" | "employees" | "workers"
        | "worshippers" | "passengers" | "pilgrims" | "students" | "officers" | "policemen"
        | "police" | "guards" | "nationals" | "citizens" | "spectators" | "fans"
        | "concertgoers" | "villagers" | "more" | "person" | "man" | "woman" | "child" | "boys"
        | "girls" | "adults" | "foreigners" | "tourists" => Generic,
        _ => return None,
    })
}

/// Verbs of what happened to a counted group: (measure, is it a casualty verb that needs a
/// passive auxiliary when it follows the noun).
fn verb(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "killed" | "killing" | "kills" | "kill" | "slaughtered" | "massacred" | "murdered"
        | "slain" | "slew" | "executed" | "beheaded" | "mowed" | "gunned" | "shot" => {
            ("killed", true)
        }
        "died" | "perished" | "dead" | "die" | "dies" => ("killed", false),
        "injured" | "injuring" | "injures" | "wounded" | "wounding" | "hurt" | "maimed" => {
            ("injured", true)
        }
        "arrested" | "arresting" | "detained" | "detaining" | "captured" | "apprehended"
        | "held" | "rounded" => ("arrested", false),
        "charged" | "charging" | "indicted" => ("charged", false),
        "displaced" | "displacing" | "fled" | "evacuated" | "uprooted" => ("displaced", false),
        "kidnapped" | "abducted" | "seized" => ("hostages", false),
        "missing" | "unaccounted" => ("missing", false),
        _ => return None,
    })
}

/// Nouns before a number that say what it counts: "the slaughter of", "death toll of".
fn left_noun(w: &str) -> Option<&'static str> {
    Some(match w {
        "slaughter" | "massacre" | "killing" | "killings" | "toll" | "deaths" => "killed",
        "arrests" | "arrest" | "detention" | "raids" => "arrested",
        "injuries" => "injured",
        _ => return None,
    })
}

/// Words around money that say what it is for.
fn money_measure(w: &str) -> Option<&'static str> {
    Some(match w {
        "paid" | "pay" | "paying" | "pays" | "hired" | "offered" | "wages" | "salary"
        | "payment" | "payments" => "payment",
        "ransom" => "ransom",
        "reward" | "bounty" => "reward",
        "fined" | "fine" => "fine",
        "compensation" => "compensation",
        "cost" | "costs" | "damage" | "damages" => "cost",
        "aid" | "donated" | "pledged" => "aid",
        _ => return None,
    })
}

fn is_unit_after_number(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "o'clock"
            | "km"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "kg"
            | "kilometres"
            | "kilometers"
            | "feet"
            | "ft"
            | "mph"
            | "times"
            | "years-old"
            | "year-old"
            | "yards"
            | "inches"
            | "tonnes"
            | "tons"
            | "points"
            | "goals"
            | "runs"
            | "votes"
            | "seats"
            | "pages"
            | "storeys"
            | "floors"
            | "acres"
            | "hectares"
    )
}

impl<'a> Ctx<'a> {
    fn low(&self, i: usize) -> &str {
        self.doc.low(i)
    }

    fn sentence_of(&self, i: usize) -> (usize, usize) {
        let toks = self.doc.tokens;
        let Some(t) = toks.get(i) else { return (i, i) };
        let s = self.sentences.partition_point(|s| s.end <= t.span.start);
        let Some(sent) = self.sentences.get(s).filter(|s| s.start <= t.span.start) else {
            return (i.saturating_sub(15), (i + 15).min(toks.len()));
        };
        (
            toks.partition_point(|t| t.span.start < sent.start),
            toks.partition_point(|t| t.span.start < sent.end),
        )
    }

    fn span(&self, a: usize, b: usize) -> Span {
        let t = self.doc.tokens;
        Span::new(t[a].span.start, t[b - 1].span.end)
    }

    /// A cheap test before the real work: can a figure start here?
    fn may_start(&self, i: usize) -> bool {
        if self.doc.is_num(i) {
            return true;
        }
        let w = self.low(i);
        if self.doc.kind(i) == Some(TokenKind::Symbol) {
            return matches!(w, "£" | "$" | "€" | "¥" | "₹");
        }
        if w.is_empty() || !w.as_bytes()[0].is_ascii_alphabetic() || w.len() > 14 {
            return false;
        }
        numbers::small_number_word(w).is_some()
            || matches!(
                w,
                "a" | "an"
                    | "half"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
                    | "scores"
                    | "tens"
                    | "millions"
                    | "dozen"
                    | "one-third"
                    | "two-thirds"
                    | "three-quarters"
            )
            || qualifier(w, self.low(i + 1), self.low(i + 2)).is_some()
    }

    fn figure_at(&self, i: usize) -> Option<(Figure, usize)> {
        if !self.may_start(i) {
            return None;
        }
        let (qlen, explicit_q) = match qualifier(self.low(i), self.low(i + 1), self.low(i + 2)) {
            Some((n, q)) => (n, Some(q)),
            None => (0, None),
        };
        let k = i + qlen;
        let (quantity, mut end) = self.quantity(k)?;
        let mut qual = explicit_q;
        let mut vague = false;
        let mut counted = None;
        // Trailing hedges.
        if self.counting_at(end) {
            qual = Some(Qualifier::AtLeast);
            end += 4;
        } else if self.low(end) == "or" && self.low(end + 1) == "more" {
            qual = qual.or(Some(Qualifier::AtLeast));
            end += 2;
        } else if matches!(self.low(end), "+" | "-plus") {
            qual = qual.or(Some(Qualifier::AtLeast));
            end += 1;
        }
        let value;
        let measure: String;
        match quantity {
            Quantity::Share(v) => {
                value = FigureValue::Exact(v);
                measure = "share".into();
                // A third is 33 only roughly.
                if matches!(v, 33 | 67) {
                    qual = qual.or(Some(Qualifier::About));
                }
            }
            Quantity::Money(v) => {
                if self.low(end) == "each" || self.low(end) == "apiece" {
                    end += 1;
                }
                value = FigureValue::Exact(v.round() as i64);
                measure = self.money_context(i, end).unwrap_or("money").into();
            }
            Quantity::Count(v) => {
                if v.fract() != 0.0 || v < 1.0 {
                    return None;
                }
                let (m, partitive, np_end) = self.measure(i, k, end)?;
                counted = self.counted(end, np_end);
                if self.counting_at(np_end) && np_end > end {
                    qual = Some(Qualifier::AtLeast);
                    end = np_end + 4;
                }
                value = FigureValue::Exact(v as i64);
                measure = m.into();
                if partitive && qual.is_none() {
                    qual = Some(Qualifier::AtLeast);
                }
            }
            Quantity::Range(lo, hi) => {
                let (m, _, np_end) = self.measure(i, k, end)?;
                counted = self.counted(end, np_end);
                value = FigureValue::Range(lo, hi);
                measure = m.into();
                vague = true;
                qual = qual.or(Some(Qualifier::About));
            }
        }
        let fig = Figure {
            span: self.span(i, end),
            measure,
            value,
            qualifier: qual.unwrap_or(Qualifier::Exact),
            vague,
            counted,
            context: None,
        };
        Some((fig, end))
    }

    /// The quantity at `k`: its kind and the token after it. `None` for numbers that are not
    /// figures (years, ages, durations, dates, ordinals, times).
    fn quantity(&self, k: usize) -> Option<(Quantity, usize)> {
        let w = self.low(k);
        // Money: a currency sign, then a number.
        if matches!(w, "£" | "$" | "€" | "¥" | "₹") {
            let n = parse_number(&self.doc, k + 1)?;
            return Some((Quantity::Money(n.value), n.end));
        }
        // Vague plurals.
        let vague = match w {
            "dozens" => Some((24, 99)),
            "scores" if self.low(k + 1) == "of" => Some((40, 99)),
            "hundreds" => Some((200, 999)),
            "thousands" => Some((2000, 9999)),
            "millions" => Some((2_000_000, 9_999_999)),
            "tens" if self.low(k + 1) == "of" && self.low(k + 2) == "thousands" => {
                Some((20_000, 99_999))
            }
            _ => None,
        };
        if let Some((mut lo, mut hi)) = vague {
            let mut end = k + 1;
            if w == "tens" {
                end = k + 3;
            } else if w == "hundreds" && self.low(k + 1) == "of" && self.low(k + 2) == "thousands" {
                (lo, hi, end) = (200_000, 999_999, k + 3);
            }
            if is_unit_after_number(self.low(end))
                || (self.low(end) == "of" && is_unit_after_number(self.low(end + 1)))
            {
                return None;
            }
            return Some((Quantity::Range(lo, hi), end));
        }
        if let Some((end, v)) = parse_fraction(&self.doc, k) {
            // A share of something: "a third of Syria", "nearly half of Iraq".
            if self.low(end) == "of"
                && !is_unit_after_number(self.low(end + 1))
                && !matches!(self.low(end + 1), "an" | "a")
            {
                return Some((Quantity::Share(v), end));
            }
            return None;
        }
        let n = parse_number(&self.doc, k)?;
        let next = self.low(n.end);
        // Per cent.
        if next == "%" || next == "percent" || next == "pc" {
            return Some((Quantity::Share(n.value.round() as i64), n.end + 1));
        }
        if next == "per" && self.low(n.end + 1) == "cent" {
            return Some((Quantity::Share(n.value.round() as i64), n.end + 2));
        }
        // Money named after the number.
        if matches!(
            next,
            "pounds" | "dollars" | "euros" | "roubles" | "rubles" | "rupees" | "afghanis" | "yuan"
        ) {
            return Some((Quantity::Money(n.value), n.end + 1));
        }
        // Not figures: durations and measures, ages, dates, times, years, names.
        if is_unit_after_number(next) || next.ends_with("-year-old") || next.starts_with('-') {
            return None;
        }
        if next == "of" && is_unit_after_number(self.low(n.end + 1)) {
            return None;
        }
        let prev = if k == 0 { "" } else { self.low(k - 1) };
        let prev2 = if k < 2 { "" } else { self.low(k - 2) };
        if matches!(prev, "aged" | "age" | "ages")
            || (prev2 == "at" && matches!(prev, "just" | "only"))
            || (prev == "at" && self.low(n.end) == ",")
        {
            return None;
        }
        if matches!(
            prev,
            "no."
                | "number"
                | "page"
                | "chapter"
                | "article"
                | "section"
                | "flight"
                | "route"
                | "room"
                | "resolution"
                | "paragraph"
                | "vol."
                | "#"
                | "the"
        ) && self.doc.is_num(k)
            && prev != "the"
        {
            return None;
        }
        let month_word = |w: &str| crate::time::month_of(w).is_some();
        if self.doc.is_num(k) && (month_word(prev) || month_word(next)) {
            return None;
        }
        if n.bare_digits && (1800.0..=2100.0).contains(&n.value) && self.low(k).len() == 4 {
            return None; // a year
        }
        // A number inside a name: "Boeing 737", "Resolution 2254" (not a sentence opener).
        if k > 0
            && self.doc.is_num(k)
            && self.doc.is_cap(k - 1)
            && self.doc.kind(k - 1) == Some(TokenKind::Word)
        {
            let (s0, _) = self.sentence_of(k);
            if k - 1 != s0
                && qualifier(prev, "", "").is_none()
                && !matches!(prev, "In" | "On" | "At" | "By")
            {
                return None;
            }
        }
        if w == "one" && next == "of" {
            return None;
        }
        Some((Quantity::Count(n.value), n.end))
    }

    /// The counted noun phrase in tokens `[from, to)`, without a partitive's `of the` and
    /// without what follows a conjunction or another number ("170 locals and 13 US troops":
    /// `locals`).
    fn counted(&self, from: usize, to: usize) -> Option<Span> {
        let mut a = from;
        if self.low(a) == "of" {
            a += 1;
        }
        while a < to
            && matches!(
                self.low(a),
                "the" | "their" | "its" | "his" | "her" | "those" | "these"
            )
        {
            a += 1;
        }
        let mut b = a;
        while b < to
            && self.doc.kind(b) == Some(TokenKind::Word)
            && !matches!(self.low(b), "and" | "or" | "more")
            && verb(self.low(b)).is_none()
            && !is_function_or_verb(self.low(b))
        {
            b += 1;
        }
        (b > a).then(|| self.span(a, b))
    }

    /// `(and counting)` at token `k`: the figure is still rising, a lower bound.
    fn counting_at(&self, k: usize) -> bool {
        self.low(k) == "("
            && self.low(k + 1) == "and"
            && self.low(k + 2) == "counting"
            && self.low(k + 3) == ")"
    }

    /// The measure of a count at `[start, end)` (number at `num`), whether it is a partitive
    /// (`four of the gunmen`), and the end of the counted noun phrase.
    fn measure(&self, start: usize, num: usize, end: usize) -> Option<(&'static str, bool, usize)> {
        let (s0, s1) = self.sentence_of(num);
        // The counted noun phrase: "13 American soldiers", "four of the gunmen",
        // "thousands of Russian — Chechens and others — jihadists".
        let mut j = end;
        let mut head: Option<&'static str> = None;
        let mut generic = false;
        let mut partitive = false;
        let mut steps = 0;
        while j < s1 && steps < 9 {
            let w = self.low(j);
            match noun(w) {
                Some(Noun::Measure(m)) => {
                    head = Some(m);
                    j += 1;
                    // "suicide bombers" etc.: keep reading compound heads.
                    while noun(self.low(j)).is_some() {
                        j += 1;
                    }
                    break;
                }
                Some(Noun::Generic) => {
                    generic = true;
                    j += 1;
                    if !matches!(self.low(j), "—" | "–" | "," | "and") {
                        break;
                    }
                    steps += 1;
                    continue;
                }
                None => {}
            }
            let keep = match w {
                "of" if j == end => {
                    partitive = true;
                    true
                }
                "the" | "their" | "its" | "his" | "her" | "those" | "these" | "them"
                    if partitive || j == end =>
                {
                    true
                }
                "—" | "–" | "and" => true,
                "," => self.doc.is_cap(j + 1),
                _ => {
                    let word = self.doc.kind(j) == Some(TokenKind::Word);
                    word && (self.doc.is_cap(j) || !is_function_or_verb(w)) && verb(w).is_none()
                }
            };
            if !keep {
                break;
            }
            j += 1;
            steps += 1;
        }
        if partitive && head.is_none() && !generic {
            partitive = matches!(self.low(end + 1), "the" | "their" | "its" | "those");
        }
        // 1. A passive or intransitive verb after the phrase.
        let mut k = j;
        let mut aux = false;
        let mut right: Option<&'static str> = None;
        let mut steps = 0;
        while k < s1 && steps < 6 {
            let w = self.low(k);
            if matches!(
                w,
                "were"
                    | "was"
                    | "are"
                    | "is"
                    | "been"
                    | "being"
                    | "have"
                    | "has"
                    | "had"
                    | "be"
                    | "got"
                    | "get"
                    | "remain"
                    | "remained"
                    | "remains"
            ) {
                aux = true;
            } else if matches!(
                w,
                "reportedly"
                    | "also"
                    | "all"
                    | "later"
                    | "still"
                    | "more"
                    | "others"
                    | "allegedly"
                    | "subsequently"
                    | "then"
                    | "and"
                    | "either"
                    | "both"
                    | "now"
                    | "since"
            ) {
            } else if let Some((m, needs_aux)) = verb(w) {
                let next = self.low(k + 1);
                // "bombers killed close to 100": active, the phrase is the agent.
                let object_follows = self.doc.is_num(k + 1)
                    || numbers::small_number_word(next).is_some()
                    || matches!(
                        next,
                        "close"
                            | "nearly"
                            | "more"
                            | "over"
                            | "up"
                            | "about"
                            | "around"
                            | "some"
                            | "a"
                            | "an"
                            | "the"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                    )
                    || (next == "at" && self.low(k + 2) == "least");
                let active = !aux && object_follows;
                if !active
                    && (aux
                        || !needs_aux
                        || matches!(
                            next,
                            "in" | "on" | "at" | "when" | "by" | "during" | "." | "," | "and" | ""
                        ))
                {
                    right = Some(m);
                    if next == "and" && verb(self.low(k + 2)).is_some() {
                        k += 2;
                        continue;
                    }
                }
                break;
            } else if w == "hostage" && right.is_none() {
                right = Some("hostages");
                break;
            } else {
                break;
            }
            k += 1;
            steps += 1;
        }
        if let Some(m) = right {
            return Some((m, partitive, j));
        }
        // 1b. A participle right after the number is what happened to them, whatever verb came
        // before: "… were killed and more than 60 injured".
        if let (Some(h), Some((m, _))) = (head, verb(self.low(end))) {
            if h == m {
                return Some((m, partitive, j));
            }
        }
        // 2. A transitive verb before the number, with nothing verbal between.
        let mut left_noun_measure = None;
        let mut k = start;
        let mut steps = 0;
        while k > s0 && steps < 12 {
            k -= 1;
            steps += 1;
            let w = self.low(k);
            if let Some((m, _)) = verb(w) {
                return Some((m, partitive, j));
            }
            if let Some(m) = left_noun(w) {
                left_noun_measure.get_or_insert(m);
            }
            if matches!(
                w,
                "." | ";" | ":" | "?" | "!" | "by" | "“" | "”" | "\"" | "(" | ")"
            ) || (is_verbish(w) && !matches!(w, "have" | "has" | "had" | "to" | "been"))
            {
                break;
            }
        }
        // 3. The counted noun.
        if let Some(h) = head {
            return Some((h, partitive, j));
        }
        // 4. A noun before: "the slaughter of", "arrests targeting".
        if let Some(m) = left_noun_measure {
            return Some((m, partitive, j));
        }
        None
    }

    /// What a sum of money is for, from the words around it.
    fn money_context(&self, start: usize, end: usize) -> Option<&'static str> {
        let (s0, s1) = self.sentence_of(start);
        let mut best: Option<(usize, &'static str)> = None;
        for k in start.saturating_sub(8).max(s0)..(end + 6).min(s1) {
            if let Some(m) = money_measure(self.low(k)) {
                let d = if k < start { start - k } else { k - end + 1 };
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, m));
                }
            }
        }
        best.map(|(_, m)| m)
    }
}

/// Function words and common verbs that end a noun phrase.
fn is_function_or_verb(w: &str) -> bool {
    is_verbish(w)
        || matches!(
            w,
            "in" | "at"
                | "on"
                | "by"
                | "from"
                | "with"
                | "to"
                | "for"
                | "across"
                | "since"
                | "during"
                | "after"
                | "before"
                | "when"
                | "who"
                | "which"
                | "that"
                | "whom"
                | "whose"
                | "as"
                | "than"
                | "into"
                | "over"
                | "under"
                | "near"
                | "a"
                | "an"
                | "or"
                | "but"
                | "if"
                | "while"
                | "where"
                | "because"
                | "about"
                | "among"
                | "including"
                | "per"
                | "each"
                | "it"
                | "they"
                | "we"
                | "he"
                | "she"
                | "not"
                | "also"
        )
}

fn is_verbish(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "do"
            | "does"
            | "did"
            | "said"
            | "says"
            | "say"
            | "told"
            | "posted"
            | "took"
            | "take"
            | "made"
            | "make"
            | "went"
            | "came"
            | "left"
            | "gave"
    ) || (w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "hundred"
                | "armed"
                | "united"
                | "injured"
                | "wounded"
                | "detained"
                | "displaced"
                | "killed"
                | "arrested"
        ))
}
