use serde::{Deserialize, Serialize};

/// One article, cleaned: the body text that every offset points into, plus what is known about
/// where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Stable id: the one the input gave, or one derived from the raw content, so that reading
    /// the same input twice gives the same id.
    pub id: String,
    /// Where the document was read from (a path, `path#line`, or a record URI), for messages.
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PublishedDate>,
    /// The clean body: headline and article paragraphs, without boilerplate, paragraphs separated
    /// by a blank line.
    pub text: String,
    /// Hex BLAKE3 of the raw input bytes: the key that makes storing idempotent.
    pub content_hash: String,
    /// For text that is a selection of the raw input (plain-text cleaning), where each piece of
    /// `text` came from. `None` when the text was rebuilt (HTML) or given as is.
    pub source_map: Option<SourceMap>,
}

/// A publication date and how it was established.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedDate {
    /// ISO 8601 date (`2024-03-24`) or date-time (`2024-03-24T10:00:00Z`).
    pub value: String,
    pub source: PublishedSource,
}

/// How a publication date was established, as the extraction contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// Given with the input (a JSON line's `published`, a feed entry's date).
    Input,
    /// Read from the page's metadata (meta tags, JSON-LD, WARC headers).
    Metadata,
    /// Stated by the article text itself (a dateline, a "Published in …" line).
    Text,
    /// Inferred from the text's own dates and relative expressions.
    Inferred,
}

impl PublishedSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Input => "input",
            PublishedSource::Metadata => "metadata",
            PublishedSource::Text => "text",
            PublishedSource::Inferred => "inferred",
        }
    }
}

impl Document {
    /// The calendar date part of `published`, if any (`2024-03-24` of `2024-03-24T10:00:00Z`).
    pub fn published_date(&self) -> Option<&str> {
        self.published
            .as_ref()
            .map(|p| p.value.get(..10).unwrap_or(&p.value))
    }
}

/// Maps byte offsets of a cleaned text back to byte offsets of the raw input it was cut from.
///
/// The clean text is a sequence of segments; each is either a copy of a raw range or a separator
/// that the cleaner inserted (which maps to the raw position where it stands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SourceMap {
    pub segments: Vec<SourceSegment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSegment {
    /// Start of the segment in the clean text.
    pub clean_start: usize,
    /// Start of the segment in the raw input.
    pub raw_start: usize,
    pub len: usize,
    /// True when the segment is a copy of raw bytes; false for an inserted separator.
    pub copied: bool,
}

impl SourceMap {
    /// The raw offset of clean offset `pos`. Inside an inserted separator, the raw position where
    /// it was inserted.
    pub fn to_raw(&self, pos: usize) -> usize {
        let i = self
            .segments
            .partition_point(|s| s.clean_start <= pos)
            .saturating_sub(1);
        match self.segments.get(i) {
            Some(s) if s.copied => s.raw_start + (pos - s.clean_start).min(s.len),
            Some(s) => s.raw_start,
            None => pos,
        }
    }

    /// The clean offset of raw offset `pos`, or `None` when that raw byte was removed.
    pub fn to_clean(&self, pos: usize) -> Option<usize> {
        self.segments
            .iter()
            .filter(|s| s.copied)
            .find(|s| s.raw_start <= pos && pos <= s.raw_start + s.len)
            .map(|s| s.clean_start + (pos - s.raw_start))
    }

    /// The clean range of the raw range `[start, end)` when the whole range was kept in one
    /// piece, else `None`.
    pub fn range_to_clean(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let seg = self
            .segments
            .iter()
            .filter(|s| s.copied)
            .find(|s| s.raw_start <= start && end <= s.raw_start + s.len)?;
        Some((
            seg.clean_start + (start - seg.raw_start),
            seg.clean_start + (end - seg.raw_start),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> SourceMap {
        // raw: "aaXXbbb", clean: "aa bbb" (XX removed, a space inserted)
        SourceMap {
            segments: vec![
                SourceSegment {
                    clean_start: 0,
                    raw_start: 0,
                    len: 2,
                    copied: true,
                },
                SourceSegment {
                    clean_start: 2,
                    raw_start: 2,
                    len: 1,
                    copied: false,
                },
                SourceSegment {
                    clean_start: 3,
                    raw_start: 4,
                    len: 3,
                    copied: true,
                },
            ],
        }
    }

    #[test]
    fn maps_both_ways() {
        let m = map();
        assert_eq!(m.to_raw(1), 1);
        assert_eq!(m.to_raw(2), 2);
        assert_eq!(m.to_raw(4), 5);
        assert_eq!(m.to_clean(5), Some(4));
        assert_eq!(m.to_clean(3), None);
        assert_eq!(m.range_to_clean(4, 7), Some((3, 6)));
        assert_eq!(m.range_to_clean(1, 5), None);
    }
}
