//! Dates as people and machines write them, to ISO 8601: one place for the HTML metadata
//! reader (`dossier-html`) and the other readers and the plain-text cleaner (`dossier-ingest`).
//!
//! - [`normalize`]: a date given as metadata (a JSON field, a `<meta>` tag, a feed or HTTP
//!   header): ISO 8601 (`2024-03-24`, `2024-03-24T10:00:00Z`, `2024-3-6`, `2024-03-26 10:05`,
//!   offsets as `+0100` or `+01:00`), RFC 2822 (`Sun, 24 Mar 2024 10:00:00 +0000`), numeric
//!   (`26.03.2024`, `12/31/2023`: day first unless the first number cannot be a day), and month
//!   names in English and several other languages (`26. März 2024`, `26 de marzo de 2024`,
//!   `March 26th, 2024`, `24th of March, 2024`).
//! - [`find_prose_date`]: the first English prose date in a line of text, with where it stands.
//!
//! Every parse is validated as a real calendar date between 1900 and 2100; what cannot be read
//! is `None`, never a guess.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// Month names and abbreviations: English, German, French, Spanish, Portuguese, Italian,
/// Polish (genitive).
const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("stycznia", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("lutego", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marca", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("maja", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("czerwca", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("lipca", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("sierpnia", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("września", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("października", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("grudnia", 12),
];

/// The month number of a month name or abbreviation (`March`, `Mar`, `Sept`, `März`,
/// `marzo`); English names may be cut anywhere after three letters (`Janu`).
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
        return Some(*m);
    }
    const ENGLISH: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    ENGLISH
        .iter()
        .position(|full| full.starts_with(w.as_str()))
        .map(|i| i as i8 + 1)
}

/// A calendar date in the years news is about, or `None`.
fn valid_date(y: i32, m: i32, d: i32) -> Option<Date> {
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// The first English prose date in `text`: `March 24th, 2024`, `24 March 2024`, `Mar. 24
/// 2024`, `24th of March, 2024`. Returns the ISO date and the byte range it was found at.
pub fn find_prose_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .expect("valid regex")
    });
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b")
            .expect("valid regex")
    });
    let english = |w: &str| month_number(w).filter(|_| w.is_ascii());
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    let mut consider = |iso: Option<Date>, r: std::ops::Range<usize>| {
        if let Some(d) = iso {
            if best.as_ref().is_none_or(|b| r.start < b.1.start) {
                best = Some((d.to_string(), r));
            }
            true
        } else {
            false
        }
    };
    for c in MDY.captures_iter(text) {
        let date = english(&c[1])
            .and_then(|m| valid_date(c[3].parse().ok()?, m as i32, c[2].parse().ok()?));
        if consider(date, c.get(0).expect("whole match").range()) {
            break;
        }
    }
    for c in DMY.captures_iter(text) {
        let date = english(&c[2])
            .and_then(|m| valid_date(c[3].parse().ok()?, m as i32, c[1].parse().ok()?));
        if consider(date, c.get(0).expect("whole match").range()) {
            break;
        }
    }
    best
}

/// Normalises a date given as metadata to ISO 8601: a date-time with its offset when the
/// input gives a time, else a date. The local calendar day of a date-time is kept: it is what
/// relative expressions in the text ("yesterday") count from.
pub fn normalize(input: &str) -> Option<String> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
            .expect("valid regex")
    });
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,4})[./](\d{1,2})[./](\d{2,4})\b").expect("valid regex")
    });
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?(\d{4})\b")
            .expect("valid regex")
    });
    static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .expect("valid regex")
    });
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        let date = valid_date(num(1)?, num(2)?, num(3)?)?;
        let mut out = date.to_string();
        if let (Some(h), Some(mi)) = (num(4), num(5)) {
            let sec = num(6).unwrap_or(0);
            if h < 24 && mi < 60 && sec < 60 {
                out.push_str(&format!("T{h:02}:{mi:02}:{sec:02}"));
                if let Some(z) = c.get(7) {
                    let z = z.as_str();
                    if z == "Z" {
                        out.push('Z');
                    } else if z.len() == 5 {
                        out.push_str(&format!("{}:{}", &z[..3], &z[3..]));
                    } else {
                        out.push_str(z);
                    }
                }
            }
        }
        return Some(out);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        let d = zoned.date();
        valid_date(d.year() as i32, d.month() as i32, d.day() as i32)?;
        return Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    if let Some(c) = NUMERIC.captures(s) {
        let a: i32 = c[1].parse().ok()?;
        let b: i32 = c[2].parse().ok()?;
        let y: i32 = c[3].parse().ok()?;
        let date = if c[1].len() == 4 {
            valid_date(a, b, y)
        } else {
            let y = if c[3].len() == 2 { 2000 + y } else { y };
            // Day first, as everywhere but the US; a first number above 12 settles it.
            valid_date(y, b, a).or_else(|| valid_date(y, a, b))
        };
        if let Some(d) = date {
            return Some(d.to_string());
        }
    }
    for (re, day_first) in [(&*DAY_MONTH, true), (&*MONTH_DAY, false)] {
        if let Some(c) = re.captures(s) {
            let (day, month) = if day_first {
                (&c[1], &c[2])
            } else {
                (&c[2], &c[1])
            };
            if let (Some(m), Ok(d), Ok(y)) = (month_number(month), day.parse(), c[3].parse()) {
                if let Some(date) = valid_date(y, m as i32, d) {
                    return Some(date.to_string());
                }
            }
        }
    }
    find_prose_date(s).map(|(iso, _)| iso)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Whatever the input, no panic, and what comes out is a real date (or date-time).
        #[test]
        fn any_text_gives_a_real_date_or_none(s in "(\\PC|[0-9 ./:,+-]|March|Mar|März|de|of|th|T|Z){0,40}") {
            if let Some(iso) = normalize(&s) {
                prop_assert!(iso.get(..10).is_some_and(|d| d.parse::<Date>().is_ok()), "{iso}");
            }
            if let Some((iso, range)) = find_prose_date(&s) {
                prop_assert!(iso.parse::<Date>().is_ok());
                prop_assert!(s.get(range).is_some());
            }
        }
    }

    #[test]
    fn normalizes_the_shapes_publishers_use() {
        let cases = [
            ("2024-03-24", Some("2024-03-24")),
            ("2024-3-6", Some("2024-03-06")),
            ("2024-03-24T10:00:00Z", Some("2024-03-24T10:00:00Z")),
            (
                "2024-03-24T00:30:00+02:00",
                Some("2024-03-24T00:30:00+02:00"),
            ),
            (
                "2024-03-26T10:05:00+0100",
                Some("2024-03-26T10:05:00+01:00"),
            ),
            ("2024-03-26 10:05", Some("2024-03-26T10:05:00")),
            (
                "Sun, 24 Mar 2024 10:00:00 +0000",
                Some("2024-03-24T10:00:00+00:00"),
            ),
            ("26.03.2024, 10:05 Uhr", Some("2024-03-26")),
            ("12/31/2023", Some("2023-12-31")),
            ("March 24th, 2024", Some("2024-03-24")),
            ("24 March 2024", Some("2024-03-24")),
            ("Mar. 24, 2024", Some("2024-03-24")),
            ("24th of March, 2024", Some("2024-03-24")),
            ("26. März 2024", Some("2024-03-26")),
            ("26 de marzo de 2024", Some("2024-03-26")),
            ("2024-02-30", None),
            ("February 30, 2024", None),
            ("1850-01-01", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), want, "input {input:?}");
        }
    }

    #[test]
    fn finds_prose_dates_and_where_they_stand() {
        let line = "By Lio Fenn, 8 March 2025, updated March 9th, 2025";
        let (iso, r) = find_prose_date(line).unwrap();
        assert_eq!(iso, "2025-03-08");
        assert_eq!(&line[r], "8 March 2025");
        assert_eq!(find_prose_date("Marching 24 2024"), None);
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("marching"), None);
        assert_eq!(month_number("Janu"), Some(1));
        assert_eq!(month_number("März"), Some(3));
    }
}
