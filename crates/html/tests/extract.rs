//! Behaviour of the public API on small synthetic pages written for these tests: boilerplate is
//! left out, metadata is read from each vocabulary, and nothing panics on broken input.

use dossier_html::{extract, fragment_to_text, sniff_meta_charset};
use proptest::prelude::*;

const PROSE_1: &str = "The council approved the new budget on Tuesday, after a debate that lasted \
    well into the evening and drew a large crowd of residents to the town hall.";
const PROSE_2: &str = "Supporters said the plan would repair roads and schools, while critics \
    warned that the higher spending could not be sustained beyond the next two years.";
const PROSE_3: &str = "The mayor, speaking after the vote, promised a public review of the \
    accounts every six months and said that the first report would appear in the spring.";

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>")
}

fn article_body() -> String {
    format!("<p>{PROSE_1}</p><h2>What happens next</h2><p>{PROSE_2}</p><p>{PROSE_3}</p>")
}

#[test]
fn keeps_the_article_and_drops_navigation_footer_and_comments() {
    let body = format!(
        r#"<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
           <li><a href="/sport">Sport</a></li></ul></nav></header>
           <main><article><h1>Council approves budget</h1>{}</article>
           <section class="comments"><h3>12 comments</h3>
             <p>I have lived here for thirty years and have never seen the roads in such a state, so
             anything is better than nothing at this point, frankly.</p></section></main>
           <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story here</a></li>
           <li><a href="/b">And a second story too</a></li></ul></aside>
           <footer><p>Copyright 2024 The Example Gazette. All rights reserved. Terms of use.</p></footer>"#,
        article_body()
    );
    let a = extract(&page(
        "<title>Council approves budget | The Example Gazette</title>",
        &body,
    ));
    assert!(
        a.text.contains(PROSE_1) && a.text.contains(PROSE_2) && a.text.contains(PROSE_3),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("What happens next"),
        "subheads stay: {}",
        a.text
    );
    for junk in [
        "Home",
        "Sport",
        "thirty years",
        "Most read",
        "Copyright",
        "12 comments",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} leaked into {:?}", a.text);
    }
    assert!(
        !a.text.contains("Council approves budget"),
        "the headline is the title, not text"
    );
    assert_eq!(a.title.as_deref(), Some("Council approves budget"));
    assert_eq!(a.lang.as_deref(), Some("en-GB"));
}

#[test]
fn paragraphs_are_separated_by_blank_lines_and_whitespace_collapsed() {
    let body = format!(
        "<article><p>{PROSE_1}</p>\n\n   <p>  {}  </p></article>",
        PROSE_2.replace(' ', " \n\t ")
    );
    let a = extract(&page("", &body));
    assert_eq!(a.text, format!("{PROSE_1}\n\n{PROSE_2}"));
}

#[test]
fn captions_share_bars_and_related_links_are_dropped() {
    let body = format!(
        r#"<div class="article-body"><p>{PROSE_1}</p>
           <figure><img src="x.jpg"><figcaption>The town hall on Tuesday evening, as seen from the square outside.</figcaption></figure>
           <div class="share-buttons"><span>Share this article on social media</span></div>
           <p>{PROSE_2}</p>
           <div class="related-articles"><h4>Related</h4><p>Budget row deepens as council meets again for a third time this week.</p></div>
           <p>{PROSE_3}</p></div>"#
    );
    let a = extract(&page("", &body));
    assert!(
        a.text.contains(PROSE_1) && a.text.contains(PROSE_3),
        "{}",
        a.text
    );
    for junk in [
        "town hall on Tuesday evening, as seen",
        "Share this",
        "Budget row deepens",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} leaked into {:?}", a.text);
    }
}

#[test]
fn link_lists_in_the_page_are_not_text() {
    let links: String = (0..12)
        .map(|i| format!("<li><a href=\"/s{i}\">Other headline number {i} of the day</a></li>"))
        .collect();
    let body = format!(
        "<div id=\"content\"><div class=\"story\">{}</div><div><ul>{links}</ul></div></div>",
        article_body()
    );
    let a = extract(&page("", &body));
    assert!(a.text.contains(PROSE_2));
    assert!(!a.text.contains("Other headline"), "{}", a.text);
}

#[test]
fn reads_json_ld_metadata_including_graph_arrays() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Example Gazette"},
        {"@type":"NewsArticle","headline":"Council approves budget",
         "datePublished":"2024-03-26T18:30:00+01:00",
         "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
         "publisher":{"@type":"Organization","name":"The Example Gazette"}}]}</script>"#;
    let a = extract(&page(ld, &format!("<article>{}</article>", article_body())));
    assert_eq!(a.title.as_deref(), Some("Council approves budget"));
    assert_eq!(a.published.as_deref(), Some("2024-03-26T18:30:00+01:00"));
    assert_eq!(
        a.authors,
        vec!["Jane Roe".to_string(), "John Doe".to_string()]
    );
    assert_eq!(a.outlet.as_deref(), Some("The Example Gazette"));
}

#[test]
fn reads_meta_tags_and_cleans_them() {
    let head = r#"<meta property="og:title" content="Council approves budget - Example Gazette">
        <meta property="og:site_name" content="Example Gazette">
        <meta name="author" content="By Jane Roe and John Doe">
        <meta property="article:author" content="https://example.org/staff/jane">
        <meta property="article:published_time" content="2024-03-26">
        <link rel="canonical" href="https://example.org/news/budget">"#;
    let a = extract(&page(
        head,
        &format!("<article>{}</article>", article_body()),
    ));
    assert_eq!(a.title.as_deref(), Some("Council approves budget"));
    assert_eq!(a.outlet.as_deref(), Some("Example Gazette"));
    assert_eq!(
        a.authors,
        vec!["Jane Roe".to_string(), "John Doe".to_string()]
    );
    assert_eq!(a.published.as_deref(), Some("2024-03-26"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/news/budget"));
}

#[test]
fn dates_fall_back_to_time_elements_and_the_url() {
    let body = format!(
        "<article><time datetime=\"2023-11-08T09:00:00Z\">8 Nov</time>{}</article>",
        article_body()
    );
    assert_eq!(
        extract(&page("", &body)).published.as_deref(),
        Some("2023-11-08T09:00:00Z")
    );
    let head = r#"<meta property="og:url" content="https://example.org/2022/02/08/some-story/">"#;
    let a = extract(&page(
        head,
        &format!("<article>{}</article>", article_body()),
    ));
    assert_eq!(a.published.as_deref(), Some("2022-02-08"));
    let head = r#"<meta name="date" content="31.02.2022">"#;
    assert_eq!(
        extract(&page(head, "<p>x</p>")).published,
        None,
        "an impossible date is rejected"
    );
}

#[test]
fn sniffs_declared_charsets() {
    assert_eq!(
        sniff_meta_charset(b"<html><head><meta charset=\"ISO-8859-1\">").as_deref(),
        Some("iso-8859-1")
    );
    assert_eq!(
        sniff_meta_charset(b"<meta charset=utf-8>").as_deref(),
        Some("utf-8")
    );
    let legacy = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1250\">";
    assert_eq!(sniff_meta_charset(legacy).as_deref(), Some("windows-1250"));
    assert_eq!(sniff_meta_charset(b"<html><head><title>none</title>"), None);
    let mut late = vec![b' '; 5000];
    late.extend_from_slice(b"<meta charset=\"koi8-r\">");
    assert_eq!(
        sniff_meta_charset(&late),
        None,
        "only the first kilobytes are examined"
    );
}

#[test]
fn fragments_become_paragraphs() {
    let t = fragment_to_text("<p>One <b>bold</b>\nline.</p><ul><li>first</li><li>second</li></ul>tail<br>end<script>var x;</script>");
    assert_eq!(t, "One bold line.\n\nfirst\n\nsecond\n\ntail\n\nend");
}

#[test]
fn script_rendered_pages_use_the_json_ld_body() {
    let ld = format!(
        r#"<script type="application/ld+json">{{"@type":"Article","headline":"H","articleBody":"{PROSE_1} {PROSE_2}"}}</script>"#
    );
    let a = extract(&page(&ld, "<div id=\"app\"></div>"));
    assert!(a.text.contains(PROSE_2), "{}", a.text);
}

#[test]
fn broken_and_empty_input_does_not_panic() {
    for html in [
        "",
        "<",
        "<html",
        "<p>unclosed <b>bold <i>italic",
        "</div></div></p>",
        "<table><tr><td>x",
        "\u{0}\u{feff}<body>\u{fffd}",
        "<script>never closed",
        "<!-- comment",
        "<svg><p>inside svg</p>",
    ] {
        let a = extract(html);
        assert_eq!(a.text, a.text.trim());
        let _ = fragment_to_text(html);
    }
    let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
    assert!(extract(&deep).text.contains("deep text") || extract(&deep).text.is_empty());
}

proptest! {
    #[test]
    fn extract_never_panics_and_text_is_trimmed(s in ".{0,400}") {
        let a = extract(&s);
        prop_assert_eq!(a.text.trim(), a.text.as_str());
        let f = fragment_to_text(&s);
        prop_assert_eq!(f.trim(), f.as_str());
    }

    #[test]
    fn extract_never_panics_on_tag_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"share\">".to_string()),
        Just("</div>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
        Just("<br>".to_string()), Just("<nav>".to_string()), Just("<article>".to_string()),
        "[a-zA-Z ,.]{0,60}",
    ], 0..60)) {
        let html = parts.concat();
        let a = extract(&html);
        prop_assert_eq!(a.text.trim(), a.text.as_str());
    }
}
