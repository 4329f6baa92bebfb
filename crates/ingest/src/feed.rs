//! RSS and Atom feeds (feed-rs parses RSS 0.9x/1.0/2.0, Atom and JSON Feed): each entry becomes a
//! document, its body HTML converted to paragraphs, its date and link kept as input metadata.

use crate::{Content, Format, InputMeta, RawDoc};
use dossier_model::{Warning, WarningKind};

/// The entries of a feed, or a warning saying why the feed could not be read.
pub fn read_feed(bytes: &[u8], source: &str) -> Vec<Result<RawDoc, Warning>> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(Warning::new(
                WarningKind::Skipped,
                source,
                format!("not a readable RSS or Atom feed: {e}"),
            ))]
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let where_ = format!("{source}#{}", i + 1);
            let (body, is_html) =
                if let Some(body) = entry.content.as_ref().and_then(|c| c.body.clone()) {
                    let html = entry
                        .content
                        .as_ref()
                        .is_some_and(|c| c.content_type.essence().to_string() != "text/plain");
                    (body, html)
                } else if let Some(summary) = entry.summary.as_ref() {
                    (
                        summary.content.clone(),
                        summary.content_type.essence().to_string() != "text/plain",
                    )
                } else {
                    return Err(Warning::new(
                        WarningKind::Skipped,
                        where_,
                        "feed entry has no content or summary",
                    ));
                };
            let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
            Ok(RawDoc {
                source: where_,
                format: if is_html {
                    Format::HtmlFragment
                } else {
                    Format::Text
                },
                content: Content::Text(body),
                meta: InputMeta {
                    id: Some(entry.id).filter(|id| !id.trim().is_empty()),
                    url: entry.links.first().map(|l| l.href.clone()),
                    outlet: outlet.clone(),
                    title: entry.title.map(|t| t.content.trim().to_string()),
                    authors: entry
                        .authors
                        .into_iter()
                        .filter_map(|p| p.name)
                        .filter(|n| !n.trim().is_empty())
                        .collect(),
                    published,
                    published_is_capture_date: false,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Example Courier</title>
<item><title>Bridge reopens</title><link>https://example.org/bridge</link>
<guid>https://example.org/bridge</guid><pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The bridge reopened on Tuesday.&lt;/p&gt;&lt;p&gt;Traffic was light.&lt;/p&gt;</description></item>
<item><title>No body</title></item>
</channel></rss>"#;

    #[test]
    fn rss_entries_become_documents() {
        let out = read_feed(RSS.as_bytes(), "feed.xml");
        assert_eq!(out.len(), 2);
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("The Example Courier"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/bridge"));
        assert_eq!(
            doc.meta.published.as_deref(),
            Some("2025-03-04T09:30:00+00:00")
        );
        assert_eq!(doc.format, Format::HtmlFragment);
        assert!(out[1].as_ref().unwrap_err().message.contains("no content"));
    }

    #[test]
    fn atom_entries_become_documents() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title><id>urn:x</id><updated>2025-03-04T10:00:00Z</updated>
<entry><title>Strike ends</title><id>urn:x:1</id><updated>2025-03-05T10:00:00Z</updated>
<author><name>Lena Marsh</name></author><content type="text">Dock workers returned on Wednesday.</content></entry></feed>"#;
        let out = read_feed(atom.as_bytes(), "feed.atom");
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.meta.authors, vec!["Lena Marsh"]);
        assert_eq!(doc.format, Format::Text);
        assert_eq!(doc.meta.id.as_deref(), Some("urn:x:1"));
    }

    #[test]
    fn malformed_feed_is_a_warning() {
        let out = read_feed(b"\x00\x01 not xml", "bad.xml");
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("not a readable"));
    }

    proptest::proptest! {
        #[test]
        fn truncated_feeds_never_panic(cut in 0usize..RSS.len()) {
            let _ = read_feed(&RSS.as_bytes()[..cut], "cut.xml");
        }
    }
}
