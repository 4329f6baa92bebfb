//! Publication dates as people and machines write them, to ISO 8601.
//!
//! Inputs give dates in many shapes: ISO 8601 (`2024-03-24`, `2024-03-24T10:00:00Z`), RFC 2822
//! in feeds and HTTP (`Sun, 24 Mar 2024 10:00:00 +0000`), and prose in bylines and footers
//! (`March 24th, 2024`, `24 March 2024`, `Mar. 24, 2024`). Every parse is validated as a real
//! calendar date; what cannot be read is `None`, never a guess.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month number of an English month name or abbreviation (`March`, `Mar`, `Sept`).
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    // The whole word must be the month's name or a prefix of it ("marc" is not a month).
    const FULL: [&str; 12] = [
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
    (FULL[i].starts_with(&w) || w == "sept").then_some(i as i8 + 1)
}

/// A prose date anywhere in `text`: `March 24th, 2024`, `24 March 2024`, `Mar. 24 2024`,
/// `24th of March, 2024`. Returns the ISO date and the byte range it was found at.
pub fn find_prose_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
    });
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b")
            .unwrap()
    });
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    for caps in MDY.captures_iter(text) {
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&caps[1]), caps[2].parse(), caps[3].parse())
        {
            if let Some(iso) = iso_date(y, m, d) {
                let r = caps.get(0).unwrap().range();
                if best.as_ref().is_none_or(|b| r.start < b.1.start) {
                    best = Some((iso, r));
                }
                break;
            }
        }
    }
    for caps in DMY.captures_iter(text) {
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&caps[2]), caps[1].parse(), caps[3].parse())
        {
            if let Some(iso) = iso_date(y, m, d) {
                let r = caps.get(0).unwrap().range();
                if best.as_ref().is_none_or(|b| r.start < b.1.start) {
                    best = Some((iso, r));
                }
                break;
            }
        }
    }
    best
}

fn iso_date(year: i16, month: i8, day: i8) -> Option<String> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok().map(|d| d.to_string())
}

/// Normalises a date given as metadata (a JSON field, a feed or HTTP header) to ISO 8601: a date
/// (`2024-03-24`) when only the day is known, else an RFC 3339 date-time.
pub fn normalize(input: &str) -> Option<String> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    // A date-time keeps its own offset: the local calendar day is what relative expressions in
    // the text ("yesterday") count from.
    if s.parse::<jiff::Timestamp>().is_ok() {
        return Some(s.replace(' ', "T"));
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        return Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        if s.len() > 10 {
            return Some(dt.to_string());
        }
    }
    if let Ok(d) = s.get(..10).unwrap_or(s).parse::<Date>() {
        return Some(d.to_string());
    }
    find_prose_date(s).map(|(iso, _)| iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_the_shapes_inputs_use() {
        let cases = [
            ("2024-03-24", Some("2024-03-24")),
            ("2024-03-24T10:00:00Z", Some("2024-03-24T10:00:00Z")),
            (
                "2024-03-24T00:30:00+02:00",
                Some("2024-03-24T00:30:00+02:00"),
            ),
            (
                "Sun, 24 Mar 2024 10:00:00 +0000",
                Some("2024-03-24T10:00:00+00:00"),
            ),
            ("March 24th, 2024", Some("2024-03-24")),
            ("24 March 2024", Some("2024-03-24")),
            ("Mar. 24, 2024", Some("2024-03-24")),
            ("24th of March, 2024", Some("2024-03-24")),
            ("2024-02-30", None),
            ("February 30, 2024", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), want, "input {input:?}");
        }
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("March"), Some(3));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("Marching"), None);
        assert_eq!(month_number("Ma"), None);
    }

    #[test]
    fn finds_a_date_inside_a_line() {
        let (iso, range) =
            find_prose_date("Published in The Daily Example, March 24th, 2024").unwrap();
        assert_eq!(iso, "2024-03-24");
        assert_eq!(range.start, 32);
    }
}
