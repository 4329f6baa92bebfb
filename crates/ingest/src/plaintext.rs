//! Cleaning of articles that arrive as pasted plain text.
//!
//! Pasted articles carry debris around and inside the body: bylines and author-bio lines,
//! subscription and comment prompts, "Topics …" lines, picture credits and "Image caption," labels,
//! "Latest stories"-style trailers, a duplicated headline block, and headlines of unrelated stories
//! pasted into a paragraph (often glued to the next sentence without a space). [`clean`] removes
//! them and keeps every sentence of the article. The bylines, bio lines and "Published in …"
//! footers are not body, but they say who wrote the piece, for which outlet and when: that is
//! read off before they are dropped.
//!
//! The clean text is a selection of the raw text: every piece of it is copied from the input,
//! apart from the paragraph separators the cleaner inserts, and [`CleanText::map`] says where each
//! piece came from, so evidence can be shown in the original.
//!
//! Rules are about the *shape* of debris (a short line that is only a name, a sentence that asks
//! the reader to subscribe, a capitalised phrase glued to a sentence), not about any one outlet.

use dossier_dates as dates;
use dossier_model::{SourceMap, SourceSegment};
use regex::Regex;
use std::sync::LazyLock;

/// The result of [`clean`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// The body: paragraphs separated by a blank line.
    pub text: String,
    /// Where each piece of `text` came from in the raw input.
    pub map: SourceMap,
    /// The headline, when the first line is one.
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    /// An ISO date that the text states as its publication date.
    pub published: Option<String>,
    /// What was removed, as byte ranges of the raw input.
    pub removed: Vec<Removed>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub start: usize,
    pub end: usize,
    pub kind: Debris,
}

/// The kinds of non-article text the cleaner recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Debris {
    /// A repeat of a header line (headline block pasted twice).
    DuplicateHeader,
    /// "By …" lines, bare author-name lines, "… correspondent" lines.
    Byline,
    /// "<Name> is a … columnist" lines.
    AuthorBio,
    /// "Published in …, <date>" lines and bare dateline lines.
    PublicationLine,
    /// "Topics …", "Tags: …" lines.
    Topics,
    /// Requests to subscribe, donate, comment, republish, share; cookie and copyright notices.
    Prompt,
    /// Picture credits and caption labels ("Picture by: …", "Image caption,").
    Credit,
    /// Section labels that close an article ("Latest stories", "Read more").
    Trailer,
    /// The headline of an unrelated story pasted into a paragraph.
    InjectedHeadline,
}

/// A line of the raw text: the range of its trimmed content.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

const NAME: &str = r"[\p{Lu}][\p{L}'’.\-]*(?:\s+(?:[\p{Lu}][\p{L}'’.\-]*|de|del|der|van|von|al|bin|da|di|la|le|du)){1,3}";
const ROLE: &str = r"(?:columnist|correspondent|editor|reporter|writer|journalist|contributor|commentator|analyst|presenter|producer|critic|blogger|broadcaster)";
/// Words that describe a role rather than name an outlet ("senior BBC political correspondent").
const ROLE_WORDS: &[&str] = &[
    "senior",
    "chief",
    "political",
    "security",
    "foreign",
    "home",
    "defence",
    "defense",
    "diplomatic",
    "business",
    "economics",
    "economic",
    "technology",
    "tech",
    "health",
    "science",
    "world",
    "international",
    "crime",
    "legal",
    "sport",
    "sports",
    "arts",
    "media",
    "culture",
    "former",
    "regular",
    "contributing",
    "freelance",
    "staff",
    "associate",
    "deputy",
    "assistant",
    "executive",
    "managing",
    "news",
    "opinion",
    "investigative",
    "special",
    "global",
    "national",
    "award-winning",
    "award‑winning",
    "middle",
    "east",
    "europe",
    "europe's",
    "africa",
    "asia",
    "america",
    "us",
    "uk",
    "and",
    "a",
    "an",
    "the",
    "of",
    "at",
    "for",
];

static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>{NAME})\s+(?:is|was)\s+(?:a|an|the)\s+(?P<desc>[^.]{{0,80}}?)\b{ROLE}s?\b(?P<rest>[^.]{{0,80}})\.?$"
    ))
    .unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[•·*\-–—]?\s*(?i:by)\s+(?P<names>{NAME}(?:\s*(?:,|&|\band\b)\s*{NAME})*)(?:\s*[,|–—-]\s*(?P<role>.{{0,80}}))?$"
    ))
    .unwrap()
});
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"^{NAME}$")).unwrap());
static ROLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[•·*\-–—]?\s*(?P<desc>(?:[\p{{L}}&'’.\-]+\s+){{1,5}}){ROLE}$"
    ))
    .unwrap()
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:first|originally|last)\s+)?(?:published|posted|updated|printed)\b:?\s*(?:(?:in|on|by|at)\s+)?(?P<rest>.{0,100})$")
        .unwrap()
});
static TOPICS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:topics|tags|filed under|categories|related topics|subjects?)\b\s*:?\s+(?P<rest>[^.!?]{1,120})$").unwrap()
});
static PROMPTS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"^(?:want|wish|like|would you like) to (?:read|join|support|comment|subscribe|continue|keep reading)\b",
        r"\bbecome an? .{0,40}\b(?:supporter|member|subscriber|patron)s?\b",
        r"^(?:join|subscribe|sign up|sign in|log in|register|donate|support us)(?: (?:today|now|here))?[.!]?$",
        r"\b(?:supporters|subscribers|members|patrons)\b.{0,80}\bcan (?:comment|read|access|join)\b",
        r"\b(?:republish(?:ing)?|reprint(?:ing)?|syndicat\w+)\b.{0,100}\b(?:content|articles?|rights?|permission)\b",
        r"\brequest a correction\b",
        r"^(?:sign up|subscribe) (?:to|for) .{0,60}\bnewsletters?\b",
        r"^(?:click|tap) here\b",
        r"^(?:follow|like) us on\b",
        r"^share(?: this)?(?: (?:article|story|page|on \w+))?:?$",
        r"^(?:advertisement|advert|sponsored(?: content)?|continue reading(?: below)?|story continues below(?: advertisement)?)$",
        r"^(?:copyright|©|\(c\))\s",
        r"\ball rights reserved\b",
        r"\bwe use cookies\b|\bcookie (?:policy|settings|preferences)\b",
    ]
    .iter()
    .map(|p| Regex::new(&format!("(?i){p}")).unwrap())
    .collect()
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:main|top|header|lead)\s+)?(?:picture|photo|photograph|image|video|illustration|graphic)s?\s*(?:by|credit|credits|source|courtesy(?: of)?|caption|copyright)\s*[:,]?\s*.{0,60}$").unwrap()
});
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source reference|latest stories|latest news|most read|most popular|related (?:stories|articles|content|topics|links|coverage)|more (?:stories|on this story|from [\w ]{1,30})|read more|recommended(?: for you)?|you may also like|top stories|trending(?: now)?|further reading)\s*:?$").unwrap()
});
/// A lowercase word glued to a capitalised sentence start, optionally through an opening quote.
static GLUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:^|[\s(])(?P<last>\p{Ll}{3,})(?P<next>["“‘']?\p{Lu}\p{Ll})"#).unwrap()
});
/// Words a headline does not end on (function words), and name particles written in lower case
/// before a capital (diCaprio, vanGogh): a glue after these is a typo or a name, not a headline.
const NOT_HEADLINE_ENDINGS: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "onto", "that", "this", "than", "then", "but",
    "nor", "not", "are", "was", "were", "has", "had", "have", "its", "our", "their", "his", "her",
    "van", "von", "del", "der", "den", "des", "mac", "della", "dos", "das",
];

/// Cleans a plain-text article. Never fails; text with no recognisable debris comes back with
/// only its line structure normalised.
pub fn clean(raw: &str) -> CleanText {
    let lines = split_lines(raw);
    let text_of = |l: &Line| &raw[l.start..l.end];
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].start < lines[i].end)
        .collect();

    // The header region runs up to the first real paragraph; the bylines live there.
    let first_paragraph = non_blank
        .iter()
        .copied()
        .find(|&i| word_count(text_of(&lines[i])) >= 25)
        .unwrap_or(lines.len());

    let mut out = CleanText::default();
    let mut kind: Vec<Option<Debris>> = vec![None; lines.len()];

    let title_line = non_blank
        .first()
        .copied()
        .filter(|&i| is_headline(text_of(&lines[i])));
    out.title = title_line.map(|i| text_of(&lines[i]).to_string());

    let mut previous: Option<Debris> = None;
    for &i in &non_blank {
        let line = text_of(&lines[i]);
        let in_header = i < first_paragraph;
        kind[i] = classify(line, in_header, previous == Some(Debris::Byline), &mut out);
        previous = kind[i];
        if kind[i].is_none() && in_header && Some(i) != title_line {
            let earlier = non_blank
                .iter()
                .take_while(|&&j| j < i)
                .any(|&j| text_of(&lines[j]) == line);
            if earlier {
                kind[i] = Some(Debris::DuplicateHeader);
            }
        }
    }

    // Bare name lines in the header are bylines when the name is an author found elsewhere or
    // is repeated there; a lone capitalised phrase could be a subhead, so nothing less will do.
    for &i in non_blank
        .iter()
        .filter(|&&i| i < first_paragraph && Some(i) != title_line)
    {
        let line = text_of(&lines[i]);
        if !NAME_LINE.is_match(line) {
            continue;
        }
        let known_author = out.authors.iter().any(|a| a == line);
        let repeated = non_blank
            .iter()
            .filter(|&&j| j < first_paragraph && text_of(&lines[j]) == line)
            .count()
            > 1;
        if known_author || repeated {
            kind[i] = Some(Debris::Byline);
            push_author(&mut out.authors, line);
        }
    }

    // Assemble the body from the kept lines.
    let mut segments: Vec<SourceSegment> = Vec::new();
    let mut text = String::with_capacity(raw.len());
    let mut prev: Option<usize> = None;
    for &i in &non_blank {
        if let Some(k) = kind[i] {
            out.removed.push(Removed {
                start: lines[i].start,
                end: lines[i].end,
                kind: k,
            });
            continue;
        }
        let line = lines[i];
        let pieces = strip_injected_headlines(raw, line, Some(i) == title_line, &mut out.removed);
        for (n, (start, end)) in pieces.into_iter().enumerate() {
            // Pieces of one line were split by a cut headline: a space joins them. Lines join
            // as paragraphs, or with a space where one paragraph was hard-wrapped.
            let sep = match prev {
                _ if n > 0 => Some(" "),
                Some(p)
                    if is_wrapped_continuation(
                        text_of(&lines[p]),
                        &raw[start..end],
                        p + 1 == i,
                    ) =>
                {
                    Some(" ")
                }
                Some(_) => Some("\n\n"),
                None => None,
            };
            if let Some(sep) = sep {
                segments.push(SourceSegment {
                    clean_start: text.len(),
                    raw_start: start,
                    len: sep.len(),
                    copied: false,
                });
                text.push_str(sep);
            }
            segments.push(SourceSegment {
                clean_start: text.len(),
                raw_start: start,
                len: end - start,
                copied: true,
            });
            text.push_str(&raw[start..end]);
        }
        prev = Some(i);
    }
    out.text = text;
    out.map = SourceMap { segments };
    out.removed.sort_by_key(|r| r.start);
    out
}

fn split_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for piece in raw.split_inclusive('\n') {
        let content = piece.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        let start = pos + lead;
        lines.push(Line {
            start,
            end: start + trimmed.len(),
        });
        pos += piece.len();
    }
    lines
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn push_author(authors: &mut Vec<String>, name: &str) {
    let name = name.trim().trim_end_matches([',', '.']).trim();
    if !name.is_empty() && !authors.iter().any(|a| a == name) {
        authors.push(name.to_string());
    }
}

/// A headline: a short line that does not end like a sentence.
fn is_headline(line: &str) -> bool {
    let words = word_count(line);
    (1..=25).contains(&words)
        && !line.ends_with(['.', ',', ';', ':'])
        && line.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Classifies one trimmed line; records any metadata it carries in `out`.
fn classify(
    line: &str,
    in_header: bool,
    after_byline: bool,
    out: &mut CleanText,
) -> Option<Debris> {
    let words = word_count(line);
    if words <= 30 {
        if let Some(c) = BIO.captures(line) {
            push_author(&mut out.authors, &c["name"]);
            let outlet =
                outlet_from_rest(&c["rest"]).or_else(|| outlet_from_description(&c["desc"]));
            if out.outlet.is_none() {
                out.outlet = outlet;
            }
            return Some(Debris::AuthorBio);
        }
    }
    if words <= 16 {
        if let Some(c) = BYLINE.captures(line) {
            for name in split_names(&c["names"]) {
                push_author(&mut out.authors, name);
            }
            if let Some(role) = c.name("role") {
                if let Some(rc) =
                    ROLE_LINE.captures(&format!("{} ", role.as_str()).replace("  ", " "))
                {
                    if out.outlet.is_none() {
                        out.outlet = outlet_from_description(&rc["desc"]);
                    }
                }
            }
            return Some(Debris::Byline);
        }
    }
    // "BBC security correspondent" names an outlet only right under a byline; elsewhere the same
    // shape is a headline ("Agent colludes with analyst").
    if after_byline && words <= 8 {
        if let Some(c) = ROLE_LINE.captures(line) {
            if out.outlet.is_none() {
                out.outlet = outlet_from_description(&c["desc"]);
            }
            return Some(Debris::Byline);
        }
    }
    if words <= 20 {
        if let Some(c) = PUBLISHED.captures(line) {
            let rest = c.name("rest").map_or("", |m| m.as_str());
            if let Some((iso, range)) = dates::find_prose_date(rest).or_else(|| iso_in(rest)) {
                if out.published.is_none() {
                    out.published = Some(iso);
                }
                let outlet = rest[..range.start]
                    .trim()
                    .trim_end_matches([',', '-', '–', '|'])
                    .trim();
                let outlet = outlet.strip_suffix(" on").unwrap_or(outlet).trim();
                // "in the Northern Ledger": the article is not part of the name.
                let outlet = outlet.strip_prefix("the ").unwrap_or(outlet);
                if out.outlet.is_none()
                    && outlet.chars().next().is_some_and(char::is_uppercase)
                    && word_count(outlet) <= 6
                {
                    out.outlet = Some(outlet.to_string());
                }
                return Some(Debris::PublicationLine);
            }
        }
        if in_header && is_dateline(line) {
            if out.published.is_none() {
                out.published = dates::find_prose_date(line)
                    .map(|(iso, _)| iso)
                    .or_else(|| iso_in(line).map(|d| d.0));
            }
            return Some(Debris::PublicationLine);
        }
    }
    if words <= 14 && TOPICS.is_match(line) {
        return Some(Debris::Topics);
    }
    if words <= 12 && (CREDIT.is_match(line)) {
        return Some(Debris::Credit);
    }
    if words <= 6 && TRAILER.is_match(line) {
        return Some(Debris::Trailer);
    }
    if words <= 40 && PROMPTS.iter().any(|p| p.is_match(line)) {
        return Some(Debris::Prompt);
    }
    None
}

fn iso_in(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").unwrap());
    let m = ISO.find(s)?;
    dates::normalize(m.as_str()).map(|d| (d, m.range()))
}

/// A line that is only a date, perhaps with a weekday, a time and a zone.
fn is_dateline(line: &str) -> bool {
    let Some((_, range)) = dates::find_prose_date(line).or_else(|| iso_in(line)) else {
        return false;
    };
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    rest.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_ascii_lowercase();
            const EXTRA: &[&str] = &[
                "gmt", "bst", "utc", "est", "edt", "pst", "cet", "am", "pm", "updated", "last",
            ];
            lw.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
                || [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .iter()
                .any(|d| d.starts_with(lw.trim_end_matches('.')) && lw.len() >= 3)
                || EXTRA.contains(&lw.as_str())
        })
}

fn split_names(names: &str) -> impl Iterator<Item = &str> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*(?:,|&|\band\b)\s*").unwrap());
    SEP.split(names).map(str::trim).filter(|n| !n.is_empty())
}

/// The outlet in "… columnist *for The Example Times*".
fn outlet_from_rest(rest: &str) -> Option<String> {
    static AT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:at|for|with|of)\s+(?P<outlet>(?:the\s+|The\s+)?\p{Lu}[\p{L}&'’.\-]*(?:\s+\p{Lu}[\p{L}&'’.\-]*){0,4})").unwrap()
    });
    AT.captures(rest).map(|c| c["outlet"].trim().to_string())
}

/// The outlet in "an *Evening Standard* columnist", "*BBC* security correspondent": the
/// description without its role words. Outlet names are capitalised, so lower-case words around
/// a capitalised core are role words too ("weather", "senior"); a description with no capital at
/// all is kept whole, since some outlets style their names in lower case.
fn outlet_from_description(desc: &str) -> Option<String> {
    let words: Vec<&str> = desc.split_whitespace().collect();
    let is_capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let has_capital = words.iter().any(is_capitalised);
    let is_role = |w: &&str| {
        ROLE_WORDS.contains(&w.to_lowercase().as_str()) || (has_capital && !is_capitalised(w))
    };
    let first = words.iter().position(|w| !is_role(w))?;
    let last = words.iter().rposition(|w| !is_role(w))?;
    let kept = &words[first..=last];
    (kept.len() <= 5).then(|| kept.join(" "))
}

/// Consecutive lines of one hard-wrapped paragraph: no blank line between them, the first does
/// not end a sentence and the second starts in lower case.
fn is_wrapped_continuation(prev: &str, next: &str, adjacent: bool) -> bool {
    adjacent
        && !prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']'])
        && next.chars().next().is_some_and(char::is_lowercase)
}

/// Splits a body line around headlines of other stories pasted into it. A pasted headline shows
/// itself by the glue at its end: its last word, in lower case, runs straight into the capital
/// (or opening quote) that starts the next sentence ("…series of eventsHe was said…"). The
/// stretch from the previous sentence end to the glue is cut when it reads like a headline:
/// capitalised, at least four words, no sentence punctuation inside.
fn strip_injected_headlines(
    raw: &str,
    line: Line,
    is_title: bool,
    removed: &mut Vec<Removed>,
) -> Vec<(usize, usize)> {
    let text = &raw[line.start..line.end];
    if is_title {
        return vec![(line.start, line.end)];
    }
    let mut pieces = Vec::new();
    let mut keep_from = 0;
    for caps in GLUE.captures_iter(text) {
        let glue = caps.name("next").unwrap().start();
        if glue < keep_from {
            continue;
        }
        if NOT_HEADLINE_ENDINGS.contains(&&caps["last"]) {
            continue;
        }
        let head_start = sentence_start_before(text, glue).max(keep_from);
        let candidate = &text[head_start..glue];
        let words = word_count(candidate);
        let starts_capital = candidate.chars().next().is_some_and(char::is_uppercase);
        // Commas and sentence punctuation mark running prose; a headline has neither.
        if starts_capital
            && (4..=30).contains(&words)
            && !candidate.contains(['.', '!', '?', ':', ';', ','])
        {
            if head_start > keep_from {
                pieces.push((line.start + keep_from, line.start + head_start));
            }
            removed.push(Removed {
                start: line.start + head_start,
                end: line.start + glue,
                kind: Debris::InjectedHeadline,
            });
            keep_from = glue;
        }
    }
    if keep_from < text.len() {
        pieces.push((line.start + keep_from, line.end));
    }
    // A cut can leave a piece that is only whitespace at a sentence boundary: trim pieces and
    // drop empty ones, but keep the space between sentences inside a piece.
    pieces
        .into_iter()
        .filter_map(|(s, e)| {
            let piece = &raw[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            (s + lead < e - trail).then_some((s + lead, e - trail))
        })
        .collect()
}

/// The byte offset where the sentence containing `pos` starts: just after the last ". " (or
/// "? ", "! ", with closing quotes) before it, or 0.
fn sentence_start_before(text: &str, pos: usize) -> usize {
    let head = &text[..pos];
    let mut start = 0;
    let bytes = head.as_bytes();
    for (i, c) in head.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < bytes.len()
                && matches!(head[j..].chars().next(), Some('"' | '”' | '’' | '\'' | ')'))
            {
                j += head[j..].chars().next().unwrap().len_utf8();
            }
            if j < bytes.len() && head[j..].starts_with(char::is_whitespace) {
                let ws = head[j..].len() - head[j..].trim_start().len();
                start = j + ws;
            }
        }
    }
    start
}

#[cfg(test)]
mod tests;
