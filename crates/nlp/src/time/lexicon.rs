//! The words of time expressions: months, weekdays, units, seasons, parts of the day, and the
//! verb cues that tell the tense of a sentence. Each is a `match` on the lowercase token, which
//! the compiler turns into length-and-bytes comparisons: no hashing, no regex.

/// A calendar unit as a duration or a relative step counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Month number of a month name or abbreviation (`jan.`, `sept`), with whether it was
/// abbreviated (abbreviations are trusted only before a number or with their period).
pub(super) fn month(w: &str) -> Option<(u8, bool)> {
    let dotted = w.ends_with('.');
    let w = w.strip_suffix('.').unwrap_or(w);
    let full = |m| Some((m, false));
    let abbr = |m| Some((m, !dotted));
    match w {
        "january" => full(1),
        "february" => full(2),
        "march" => full(3),
        "april" => full(4),
        "may" => full(5),
        "june" => full(6),
        "july" => full(7),
        "august" => full(8),
        "september" => full(9),
        "october" => full(10),
        "november" => full(11),
        "december" => full(12),
        "jan" => abbr(1),
        "feb" => abbr(2),
        "mar" => abbr(3),
        "apr" => abbr(4),
        "jun" => abbr(6),
        "jul" => abbr(7),
        "aug" => abbr(8),
        "sep" | "sept" => abbr(9),
        "oct" => abbr(10),
        "nov" => abbr(11),
        "dec" => abbr(12),
        _ => None,
    }
}

/// ISO weekday (Monday = 1) of a weekday name, and whether it is plural (`Fridays`).
pub(super) fn weekday(w: &str) -> Option<(u8, bool)> {
    let (w, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("day") => (s, true),
        _ => (w, false),
    };
    let d = match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some((d, plural))
}

/// A unit word and whether it is plural.
pub(super) fn unit(w: &str) -> Option<(Unit, bool)> {
    use Unit::*;
    Some(match w {
        "second" => (Second, false),
        "seconds" => (Second, true),
        "minute" => (Minute, false),
        "minutes" => (Minute, true),
        "hour" => (Hour, false),
        "hours" => (Hour, true),
        "day" => (Day, false),
        "days" => (Day, true),
        "night" => (Night, false),
        "nights" => (Night, true),
        "week" => (Week, false),
        "weeks" => (Week, true),
        "weekend" => (Weekend, false),
        "weekends" => (Weekend, true),
        "fortnight" => (Fortnight, false),
        "fortnights" => (Fortnight, true),
        "month" => (Month, false),
        "months" => (Month, true),
        "quarter" => (Quarter, false),
        "quarters" => (Quarter, true),
        "year" => (Year, false),
        "years" => (Year, true),
        "decade" => (Decade, false),
        "decades" => (Decade, true),
        "century" => (Century, false),
        "centuries" => (Century, true),
        _ => return None,
    })
}

/// TIMEX3 season code.
pub(super) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// TIMEX3 part-of-day code.
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Modifiers that may stand before a number in a duration or an `ago` expression, included in
/// the extent (TempEval: "nearly an hour", "as little as six months"). Returns the number of
/// tokens the modifier takes given the next two words.
pub(super) fn approx_len(w0: &str, w1: &str, w2: &str) -> usize {
    match (w0, w1, w2) {
        ("as", "little" | "much" | "many" | "long" | "few" | "early" | "late", "as") => 3,
        ("no" | "not", "more" | "less" | "fewer", "than") => 3,
        ("more" | "less" | "fewer", "than", _) => 2,
        ("at", "least" | "most", _) => 2,
        ("up", "to", _) => 2,
        (
            "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "some"
            | "over" | "under" | "only" | "just" | "barely",
            _,
            _,
        ) => 1,
        _ => 0,
    }
}

/// Verb cues of tense, for resolving weekdays and bare months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Future,
    Past,
    /// Finite present auxiliaries (`is`, `has`): look at what follows.
    PresentAux,
    Present,
    /// Past participles and simple pasts (`said`, `killed`).
    PastVerb,
    /// `be`, `being`: neutral, keep looking.
    Neutral,
    /// `would`, `could`, `may`: future unless `have` follows.
    Modal,
    /// `plans`, `set`: future when `to` or `for` follows.
    Intent,
}

pub(super) fn cue(w: &str) -> Option<Cue> {
    use Cue::*;
    let c = match w {
        "will" | "shall" | "won't" | "wo" | "'ll" | "’ll" | "tomorrow" => Future,
        "was" | "were" | "had" | "did" | "didn't" | "wasn't" | "weren't" | "hadn't" | "been"
        | "ago" | "yesterday" => Past,
        "is" | "are" | "am" | "has" | "have" | "isn't" | "aren't" | "hasn't" | "haven't" => {
            PresentAux
        }
        "says" | "does" | "do" => Present,
        "be" | "being" => Neutral,
        // Future intent spelled with a participle-looking word.
        "expected" | "scheduled" | "due" => Future,
        // Intent only with its complement ("plans to visit", "set for Friday"); bare, these are
        // nouns or past verbs ("announced the plan Aug. 21", "the record set on Aug. 6").
        "set" | "planned" | "plans" | "plan" | "planning" | "intends" | "intend" | "intending" => {
            Intent
        }
        // Commitment and intention verbs look ahead to their infinitive ("agreed to purchase
        // the line in February", "vowed to return by Friday").
        "agreed" | "agree" | "agrees" | "promised" | "promise" | "promises" | "pledged"
        | "vowed" | "vows" | "decided" | "threatened" | "threatens" | "hopes" | "hope"
        | "hoped" | "wants" | "want" | "wanted" | "aims" | "aim" | "aimed" | "prepared"
        | "preparing" | "prepares" => Intent,
        // A modal looks ahead ("would leave Tuesday", "could come as early as Monday"), unless
        // a perfect follows it ("would have met"), which [`Modal`] lets the caller check.
        "would" | "could" | "might" | "may" | "can" | "should" | "must" | "wouldn't"
        | "couldn't" | "can't" | "cannot" => Modal,
        "said" | "told" | "came" | "went" | "took" | "made" | "gave" | "met" | "left" | "began"
        | "saw" | "found" | "held" | "won" | "lost" | "fell" | "rose" | "got" | "paid" | "sold"
        | "bought" | "spent" | "sent" | "brought" | "thought" | "knew" | "became" | "ran"
        | "struck" | "hit" | "shot" | "fled" | "led" | "fought" | "spoke" | "wrote" | "broke"
        | "chose" | "drove" | "flew" | "grew" | "heard" | "kept" | "meant" | "put" | "quit"
        | "read" | "said," | "stood" | "taken" | "given" | "seen" | "done" | "gone" | "shown"
        | "known" | "written" | "spoken" | "stolen" | "driven" | "risen" | "fallen" | "beaten"
        | "hid" | "bled" | "slew" | "swore" | "tore" | "wore" | "woke" | "withdrew" => PastVerb,
        _ => {
            if w.len() > 4
                && w.ends_with("ed")
                && !matches!(
                    w,
                    "need"
                        | "speed"
                        | "hundred"
                        | "indeed"
                        | "united"
                        | "embed"
                        | "proceed"
                        | "exceed"
                        | "succeed"
                )
            {
                PastVerb
            } else if w.ends_with("'ll") || w.ends_with("’ll") {
                Future
            } else {
                return None;
            }
        }
    };
    Some(c)
}

/// Words that, right after a four-digit number, make it a count rather than a year.
pub(super) fn count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "men"
            | "women"
            | "children"
            | "troops"
            | "soldiers"
            | "fighters"
            | "civilians"
            | "dead"
            | "deaths"
            | "killed"
            | "injured"
            | "wounded"
            | "refugees"
            | "jobs"
            | "workers"
            | "employees"
            | "shares"
            | "units"
            | "homes"
            | "houses"
            | "cars"
            | "votes"
            | "members"
            | "students"
            | "residents"
            | "police"
            | "officers"
            | "km"
            | "miles"
            | "metres"
            | "meters"
            | "feet"
            | "tonnes"
            | "tons"
            | "kg"
            | "pounds"
            | "dollars"
            | "euros"
            | "%"
            | "per"
            | "percent"
            | "points"
            | "barrels"
            | "acres"
            | "hectares"
            | "cases"
            | "patients"
            | "names"
            | "pages"
            | "words"
            | "rounds"
            | "hostages"
            | "prisoners"
            | "militants"
            | "migrants"
            | "visitors"
            | "tickets"
            | "copies"
            | "others"
            | "more"
            | "times"
            | "ft"
            | "mph"
            | "calories"
            | "bodies"
    )
}
