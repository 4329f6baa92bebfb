//! HTML page to article.
//!
//! [`extract`] finds the main text of a news page (dropping navigation, related links, comments,
//! share bars, cookie notices, captions and footers) and reads its metadata (title, authors, site
//! name, publication date) from meta tags, JSON-LD and bylines. [`fragment_to_text`] turns an
//! HTML fragment that is all content (a feed entry's body) into plain paragraphs.
//! [`sniff_meta_charset`] finds a `<meta charset>` declaration in raw bytes for the decoder.
//!
//! Parsing is html5ever's (through scraper); the extraction logic is ours: the parsed tree is
//! flattened into document order ([`dom`]), elements are read for boilerplate signals
//! ([`boiler`]), the text is cut into blocks and the container with the most prose and the
//! least link text is chosen ([`content`]); metadata comes from [`meta`].

mod boiler;
mod charset;
mod content;
mod dom;
mod meta;

pub use charset::sniff_meta_charset;

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

/// A page whose chosen text is shorter than this, while its JSON-LD carries a longer
/// `articleBody`, is taken to be filled in by script: the JSON-LD body is used instead.
const SCRIPTED_BODY_CHARS: usize = 200;

/// Extracts the article from a whole page.
pub fn extract(html: &str) -> Article {
    let doc = scraper::Html::parse_document(html);
    let dom = dom::Dom::build(&doc);
    let meta = meta::read(&dom);
    let mut text = content::main_text(&dom, &meta.title_forms);
    if text.len() < SCRIPTED_BODY_CHARS {
        let scripted = meta
            .article_body
            .iter()
            .map(|b| fragment_to_text(b))
            .chain(dom.templates.iter().map(|t| fragment_to_text(t)));
        for candidate in scripted {
            if candidate.len() > 2 * text.len().max(SCRIPTED_BODY_CHARS / 2) {
                text = candidate;
            }
        }
    }
    if text.is_empty() {
        // Nothing reads as an article (a stub, a page cut off mid-paragraph): all of its text is
        // better than none, and the caller still sees a short document rather than a silent gap.
        text = content::all_text(&dom);
    }
    Article {
        text,
        title: meta.title,
        authors: meta.authors,
        outlet: meta.outlet,
        published: meta.published,
        url: meta.url,
        lang: meta.lang,
    }
}

/// All the text of a fragment, block elements becoming paragraphs.
pub fn fragment_to_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    let dom = dom::Dom::build(&doc);
    content::all_text(&dom)
}

/// Every text block of the page with its judgement and element path: for studying extraction
/// failures, not a stable interface.
#[doc(hidden)]
pub fn explain(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let dom = dom::Dom::build(&doc);
    content::explain(&dom)
}
