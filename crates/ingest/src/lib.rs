//! Everything dossier reads, turned into [`Document`]s.
//!
//! Two steps. [`Inputs`] walks what the user named (files, directories, `-` for JSON lines on
//! stdin) and yields [`RawDoc`]s: bytes or text with whatever metadata the container carried
//! (a JSON line's fields, a feed entry's date, a WARC record's URI). [`prepare`] turns one raw
//! document into a clean [`Document`]: it decodes bytes, extracts the main text of HTML or cleans
//! pasted plain text, and settles the metadata, each field from the most reliable source that has
//! it (input, then page metadata, then the text itself).
//!
//! Nothing here panics on bad input: what cannot be read becomes a [`Warning`] that names the
//! input and says what is wrong.

pub mod encoding;
pub mod feed;
mod inputs;
pub mod jsonl;
pub mod plaintext;
pub mod warc;

pub use inputs::{Input, Inputs};

use dossier_model::{Document, PublishedDate, PublishedSource, Warning, WarningKind};

/// Default limit on the size of one document: larger inputs are refused, not truncated.
pub const DEFAULT_MAX_DOC_BYTES: usize = 20 * 1024 * 1024;

/// Settings for reading.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Documents larger than this many bytes are refused with a warning.
    pub max_doc_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// How a raw document's content is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, possibly pasted with debris: cleaned.
    Text,
    /// A whole HTML page: main text extracted.
    Html,
    /// An HTML fragment that is all content (a feed entry's body): converted, not pruned.
    HtmlFragment,
}

/// The content of a raw document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Bytes in an encoding still to be found, with the charset the container declared, if any.
    Bytes {
        bytes: Vec<u8>,
        declared_charset: Option<String>,
    },
    Text(String),
}

/// Metadata that came with a document from outside its content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputMeta {
    pub id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// A date as given; normalised (or refused with a warning) by [`prepare`].
    pub published: Option<String>,
    /// True when `published` is the container's record date (a WARC capture date) rather than a
    /// statement about the article: it then only fills in when nothing better is known.
    pub published_is_capture_date: bool,
}

/// A document as read, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// The input as the user would recognise it: `path`, `path:LINE`, `path#N`, a URI.
    pub source: String,
    pub format: Format,
    pub content: Content,
    pub meta: InputMeta,
}

/// Turns a raw document into a clean document and the warnings about it. Never fails: a document
/// whose content cannot be read well still comes out, with warnings (an empty text is possible).
pub fn prepare(raw: RawDoc) -> (Document, Vec<Warning>) {
    let mut warnings = Vec::new();
    let hash_input: Vec<u8>;
    let text = match raw.content {
        Content::Text(t) => {
            hash_input = t.as_bytes().to_vec();
            t
        }
        Content::Bytes {
            bytes,
            declared_charset,
        } => {
            let sniffed = match raw.format {
                Format::Html | Format::HtmlFragment if declared_charset.is_none() => {
                    dossier_html::sniff_meta_charset(&bytes)
                }
                _ => None,
            };
            let decoded =
                encoding::decode(&bytes, declared_charset.as_deref().or(sniffed.as_deref()));
            if decoded.had_errors {
                warnings.push(Warning::new(
                    WarningKind::Encoding,
                    &raw.source,
                    format!(
                        "some bytes are not valid {}; they were replaced by U+FFFD",
                        decoded.encoding
                    ),
                ));
            }
            hash_input = bytes;
            decoded.text
        }
    };
    let content_hash = blake3::hash(&hash_input).to_hex().to_string();
    drop(hash_input);

    let mut doc = Document {
        id: raw
            .meta
            .id
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| content_hash[..16].to_string()),
        source: raw.source.clone(),
        content_hash,
        ..Document::default()
    };

    // Each field is taken from the most reliable place that has it: the input's own metadata,
    // then the page's metadata, then what the text says about itself.
    let mut published: Option<PublishedDate> = None;
    let meta = raw.meta;
    if let Some(p) = meta.published.as_deref() {
        match dossier_dates::normalize(p) {
            Some(value) if !meta.published_is_capture_date => {
                published = Some(PublishedDate { value, source: PublishedSource::Input })
            }
            Some(_) => {}
            None => warnings.push(Warning::new(
                WarningKind::Input,
                &raw.source,
                format!("`published` {p:?} is not a date dossier can read (use ISO 8601, e.g. 2024-03-24); ignored"),
            )),
        }
    }
    doc.url = meta.url;
    doc.outlet = meta.outlet;
    doc.title = meta.title;
    doc.authors = meta.authors;

    match raw.format {
        Format::Html => {
            let article = dossier_html::extract(&text);
            doc.text = article.text;
            doc.url = doc.url.or(article.url);
            doc.outlet = doc.outlet.or(article.outlet);
            doc.title = doc.title.or(article.title);
            if doc.authors.is_empty() {
                doc.authors = article.authors;
            }
            if published.is_none() {
                // dossier-html gives ISO 8601 already.
                published = article.published.map(|value| PublishedDate {
                    value,
                    source: PublishedSource::Metadata,
                });
            }
        }
        Format::HtmlFragment => doc.text = dossier_html::fragment_to_text(&text),
        Format::Text => {
            let clean = plaintext::clean(&text);
            doc.text = clean.text;
            doc.source_map = Some(clean.map);
            doc.outlet = doc.outlet.or(clean.outlet);
            doc.title = doc.title.or(clean.title);
            if doc.authors.is_empty() {
                doc.authors = clean.authors;
            }
            if published.is_none() {
                published = clean.published.map(|value| PublishedDate {
                    value,
                    source: PublishedSource::Text,
                });
            }
        }
    }
    if published.is_none() && meta.published_is_capture_date {
        // A capture date bounds the publication date from above; better than nothing, and
        // marked as metadata rather than as the article's own statement.
        published = meta
            .published
            .as_deref()
            .and_then(dossier_dates::normalize)
            .map(|value| PublishedDate {
                value,
                source: PublishedSource::Metadata,
            });
    }
    doc.published = published;
    if doc.text.trim().is_empty() {
        warnings.push(Warning::new(
            WarningKind::NoText,
            &raw.source,
            "no article text found",
        ));
    }
    (doc, warnings)
}
